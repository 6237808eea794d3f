#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// One variant's numbers (variant 0: the campaign without a test, or the rest
/// that got the winner).
struct CampaignFigures
{
    int variant = 0;
    QMap<QString, qint64> states; ///< outbox messages by state
    qint64 sent = 0;
    qint64 failed = 0;  ///< refused when sent
    qint64 bounced = 0; ///< came back later (read from the mailbox)
    qint64 delivered = 0;
    qint64 uniqueOpens = 0; ///< human opens only
    qint64 opens = 0;
    qint64 machineOpens = 0;
    qint64 uniqueClicks = 0; ///< human clicks only
    qint64 clicks = 0;
    qint64 machineClicks = 0;
    qint64 unsubscribes = 0;
    qint64 complaints = 0;
    qint64 conversions = 0; ///< purchases in the attribution window, last touch
    double revenue = 0;
    qint64 firstConversions = 0; ///< the same, first touch
    double firstRevenue = 0;
    double revenueSquares = 0; ///< per converting recipient, for the A/B test's variance

    void add(const CampaignFigures &other);
    QJsonObject toJson() const;
};

/// People's clicks on one link of the message (the click map).
struct CampaignLink
{
    int variant = 0;
    int link = 0; ///< its index in the message
    QString url;
    qint64 clicks = 0;
};

/// People's opens and clicks in one hour after their message was sent.
struct CampaignHour
{
    int hour = 0; ///< 0: the first hour; CampaignActivity::kLastHour: that and later
    qint64 opens = 0;
    qint64 clicks = 0;
};

struct CampaignReportData
{
    CampaignFigures total;
    QList<CampaignFigures> variants; ///< by variant number
    QList<CampaignLink> links;       ///< the most clicked first, all variants together
    QList<CampaignHour> hours;       ///< by hour, every hour up to the last with any

    QJsonObject toJson() const;
    /// The figures per variant, the links and the hours, as tables of raw
    /// numbers (a header first), for CSV.
    QList<QList<QStringList>> tables() const;
};

/// A campaign's numbers: its messages by state in the outbox, and what its
/// recipients did, added up per variant as it came in (campaign_totals): opens
/// and clicks, and what they bought afterwards when this campaign's message
/// was the last marketing message they got before it (last touch), within the
/// workspace's attribution window at the time.
class CampaignReport final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CampaignReport)

public:
    explicit CampaignReport(const Database &db);

    std::optional<CampaignReportData> build(qint64 campaignId);
    QString errorString() const { return m_error; }

private:
    CampaignFigures &figuresOf(CampaignReportData &r, int variant);
    bool readLinks(qint64 campaignId, CampaignReportData &r);
    bool readHours(qint64 campaignId, CampaignReportData &r);

    const Database &m_db;
    QString m_error;
};

} // namespace masir
