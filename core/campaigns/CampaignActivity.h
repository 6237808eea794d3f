#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace masir {

class StatementCache;

/// What each recipient of a campaign did with its message, counted as the
/// events come in, and the same added up per variant: campaign_activity's,
/// campaign_totals', campaign_links', campaign_hours' and attributed_revenue's
/// one writer. A campaign's report then reads
/// a row per variant instead of millions of events.
class CampaignActivity final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CampaignActivity)

public:
    enum class Kind
    {
        Open,
        MachineOpen,
        Click,
        MachineClick,
        Unsubscribe,
        Complaint,
        Bounce,
    };

    explicit CampaignActivity(QSqlDatabase db);
    ~CampaignActivity();

    /// Counts one \a kind for the recipient of \a campaignId's message, inside
    /// the caller's transaction.
    bool count(qint64 campaignId, int variant, qint64 contactId, Kind kind, qint64 atMs);
    /// A person's open or click of a campaign's message, \a hours after it was
    /// sent (the last hour holds everything later): the campaign's opens and
    /// clicks over the hours after sending, and a click's \a link (its index
    /// in the message) and \a url for the click map. In the caller's transaction.
    bool engaged(qint64 campaignId, int variant, bool click, qint64 hours, int link,
                 const QString &url);
    static constexpr qint64 kLastHour = 168; ///< a week: later opens and clicks go here

    /// A purchase of \a amount by \a contactId at \a atMs: it counts for the
    /// campaign whose message was the last marketing message the contact was
    /// sent before it, within \a windowMs (last touch), if that was a campaign's;
    /// and, apart, for the campaign whose message was the first within the
    /// window (first touch), which the report shows when asked. Every purchase
    /// is also kept by the quarter hour with the channel, campaign and journey
    /// of its last touch (attributed_revenue: the reports' revenue per channel,
    /// campaign and journey; '' and 0 for a direct sale).
    bool purchase(qint64 contactId, double amount, qint64 atMs, qint64 windowMs);
    QString errorString() const { return m_error; }

private:
    bool firstTouch(qint64 contactId, double amount, qint64 atMs, qint64 windowMs);
    /// attributed_revenue: what a purchase is owed to (0 and '': nothing).
    bool attribute(qint64 atMs, const QByteArray &channel, qint64 campaignId, qint64 journeyId,
                   double amount);
    bool addToTotals(qint64 campaignId, int variant, const qint64 (&counts)[10], double revenue,
                     double squares);

    QSqlDatabase m_db;
    std::unique_ptr<StatementCache> m_statements;
    QString m_error;
};

} // namespace masir
