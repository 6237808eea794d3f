#pragma once

#include "campaigns/Campaign.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace masir {

class Clock;
class Database;

struct CampaignRunStats
{
    int started = 0;
    qint64 queued = 0; ///< outbox rows written
    int decided = 0;   ///< A/B tests ended
    int finished = 0;
    bool more = false;   ///< a fan-out is not finished: run again at once
    QStringList refused; ///< "Campaign: why it did not start"
};

/// A campaign's run, on the worker thread (campaign_recipients' one writer):
///
/// 1. At its time, the audience is frozen in one transaction: one row per
///    recipient who may be sent to, with its A/B variant (a test share split
///    evenly, the rest waiting for the winner) and when it is due (the time,
///    or the local time in the contact's zone).
/// 2. The fan-out writes the recipients into the outbox in batches by contact
///    id, each batch with the cursor in one transaction; every row's
///    idempotency key is the campaign and contact, so a kill anywhere neither
///    loses nor duplicates a recipient.
/// 3. An A/B test waits, then decides (AbDecision) and the winner goes to the
///    rest, or the user picks one.
/// 4. Done when none of its messages waits.
class CampaignRunner final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CampaignRunner)

public:
    static constexpr int kBatchSize = 50000;

    CampaignRunner(const Database &db, const Clock &clock);

    /// Moves every campaign on, writing for up to \a budgetMs.
    std::optional<CampaignRunStats> runOnce(qint64 budgetMs = 2000, int batchSize = kBatchSize);
    /// When a scheduled campaign starts or a test ends; nullopt when nothing waits.
    std::optional<qint64> nextWakeAt();
    /// The user's choice of winner for a test that waits for one.
    bool pickWinner(qint64 campaignId, int variant);

    QString errorString() const { return m_error; }

private:
    bool start(Campaign &c, CampaignRunStats &stats);
    bool freeze(Campaign &c, qint64 *frozen);
    /// One batch of the current fan-out; false on an error. *done when no recipient is left.
    bool fanOutBatch(Campaign &c, int batchSize, qint64 *written, bool *done);
    bool decide(Campaign &c);
    bool finishIfDelivered(Campaign &c, CampaignRunStats &stats);
    qint64 startsAt(const Campaign &c) const;
    QString dueExpression(const Campaign &c, QVariantList *binds) const;
    QString bestHourExpression(const Campaign &c, QVariantList *binds) const;
    /// The valid time zones the workspace's contacts are in.
    QStringList zones() const;
    /// Saves what the run changed, unless the state or phase changed meanwhile
    /// (a user's pause, cancel or pick wins): "changed" then, or the error.
    QString save(const Campaign &c, const QString &expectedState, const QString &expectedPhase);

    const Database &m_db;
    const Clock &m_clock;
    QString m_error;
};

} // namespace masir

Q_DECLARE_METATYPE(masir::CampaignRunStats)
