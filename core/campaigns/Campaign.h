#pragma once

#include "segments/SegmentRule.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace masir {

/// Who a campaign goes to: everyone in any of the included segments (rule or
/// static lists alike), minus everyone in any excluded one.
struct CampaignAudience
{
    QStringList include;
    QStringList exclude;

    bool isEmpty() const { return include.isEmpty(); }
    /// The audience as one segment rule: (in A or in B...) and not in X...
    SegmentRule rule() const;
    QJsonObject toJson() const;
    static CampaignAudience fromJson(const QJsonObject &json);
    bool operator==(const CampaignAudience &) const = default;
};

/// One version of an A/B test. What it leaves empty is the campaign's own.
struct AbVariant
{
    QString templateName; ///< other content (and its subject)
    QString subject;      ///< another subject line for the same template
    QString fromName;     ///< another sender name
    int delayMinutes = 0; ///< a later send time
    bool operator==(const AbVariant &) const = default;
};

/// An A/B test: variants go to a test share of the audience; after the wait,
/// the variant that did best on the metric goes to the rest.
///
/// JSON: {"variants": [{"subject": "..."}, {"template": "offer.b"}],
///        "share": 20, "metric": "opens", "waitHours": 4, "auto": true}
struct AbTest
{
    enum class Metric
    {
        Opens,   ///< unique human opens per recipient
        Clicks,  ///< unique human clicks per recipient
        Revenue, ///< revenue per recipient in the attribution window
    };
    static constexpr int kMaxVariants = 4;

    QList<AbVariant> variants;
    int sharePercent = 20; ///< of the audience, split evenly between the variants
    Metric metric = Metric::Opens;
    int waitMinutes = 240;
    bool automatic = true; ///< the winner goes to the rest on its own; else the user picks

    bool isEnabled() const { return variants.size() >= 2; }
    QJsonObject toJson() const;
    /// nullopt with \a error naming the field that is wrong.
    static std::optional<AbTest> fromJson(const QJsonObject &json, QString *error);
    static QString metricKey(Metric m);
    static std::optional<Metric> metricFromKey(const QString &key);
    bool operator==(const AbTest &) const = default;
};

/// A broadcast: one template (or an A/B test) to an audience, on a schedule.
struct Campaign
{
    Q_DECLARE_TR_FUNCTIONS(masir::Campaign)

public:
    enum class Schedule
    {
        Now,
        At,        ///< at sendAtMs
        LocalTime, ///< at localTime on sendAtMs's day, in each contact's time zone
        BestHour,  ///< at each contact's best hour in the 24 hours from sendAtMs (0: now)
    };

    qint64 id = 0;
    QString name;
    QString channel = QStringLiteral("email");
    QString templateName;
    CampaignAudience audience;
    QString account; ///< a channel account's name; "" rotates between the channel's accounts
    Schedule schedule = Schedule::Now;
    qint64 sendAtMs = 0;
    QString localTime; ///< "HH:mm", for LocalTime
    AbTest ab;

    // Kept by the campaign's run:
    QString state = QStringLiteral("draft");
    QString phase;
    qint64 recipients = 0;   ///< the frozen audience's size
    qint64 fanoutCursor = 0; ///< recipients up to this contact id are in the outbox
    qint64 testEndsAtMs = 0;
    int winner = 0;
    QJsonObject decision;
    QString error;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 startedAtMs = 0;
    qint64 finishedAtMs = 0;

    static QStringList states();
    static QString stateLabel(const QString &state);
    static QString scheduleKey(Schedule s);
    static std::optional<Schedule> scheduleFromKey(const QString &key);
    /// What is wrong with the campaign's own fields (not the workspace's).
    QStringList problems() const;
    bool isEditable() const
    {
        return state == QLatin1String("draft") || state == QLatin1String("scheduled");
    }
    bool operator==(const Campaign &) const = default;
};

} // namespace masir
