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
    double revenueSquares = 0; ///< per converting recipient, for the A/B test's variance

    void add(const CampaignFigures &other);
    QJsonObject toJson() const;
};

struct CampaignReportData
{
    CampaignFigures total;
    QList<CampaignFigures> variants; ///< by variant number
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

    const Database &m_db;
    QString m_error;
};

} // namespace masir
