#pragma once

#include "intake/Preferences.h"
#include "tracking/TrackingHit.h"

#include <QCoreApplication>
#include <QHash>

#include <limits>
#include <memory>
#include <optional>

namespace masir {

class CampaignActivity;

class Database;
class EventIntake;
class Outbox;
class StatementCache;

/// What applying hits did.
struct HitStats
{
    qint64 hits = 0;
    qint64 opens = 0;   ///< people's opens (proxied ones included)
    qint64 clicks = 0;  ///< people's clicks
    qint64 machine = 0; ///< opens and clicks by machines
    qint64 unsubscribes = 0;
    qint64 preferences = 0;
    qint64 ignored = 0; ///< hits of messages or contacts that are gone
    void add(const HitStats &other);
};

/// Turns the hits waiting in tracking_hits into what they mean, in order and
/// exactly once (a batch and the cursor move in one transaction): opens and
/// clicks become events of the message's contact, judged by MachineRules;
/// unsubscribes and preference changes change the contact's consent, its
/// suppressions and its public lists. Events go in through EventIntake.
class HitApplier final
{
    Q_DECLARE_TR_FUNCTIONS(masir::HitApplier)

public:
    explicit HitApplier(const Database &db);
    ~HitApplier();

    /// Applies the waiting hits in the order they came in, \a batchSize per
    /// transaction, up to the first one newer than \a untilAtMs.
    std::optional<HitStats> applyWaiting(qint64 untilAtMs = std::numeric_limits<qint64>::max(),
                                         int batchSize = 5000);
    /// The page cache while hits are applied (they touch contacts and messages
    /// all over a large workspace).
    static constexpr int kCacheKiB = 128 * 1024;
    QString errorString() const { return m_error; }

private:
    struct Message
    {
        qint64 contactId = 0;
        QString channel;
        qint64 sentAtMs = 0;
        qint64 journeyId = 0;
        QString node;
        QString templateName;
        QString subject;
        int links = 0;
        bool found = false;
        qint64 campaignId = 0;
        int variant = 0;
    };
    /// Counts what a campaign's recipient did (nothing for other messages).
    bool countForCampaign(const Message &m, int kind, qint64 atMs);
    /// Whether there may be more; nullopt on an error.
    std::optional<bool> applyBatch(qint64 untilAtMs, int batchSize, HitStats &stats);
    bool forgetOldHits();
    bool apply(const TrackingHit &hit, qint64 hitId, EventIntake &intake, HitStats &stats);
    bool applyOpenOrClick(const TrackingHit &hit, const Message &m, EventIntake &intake,
                          HitStats &stats);
    bool applyChoices(qint64 contactId, const ChoiceChange &change, qint64 atMs, qint64 outboxId);
    std::optional<Message> message(qint64 outboxId);
    std::optional<int> linksClickedInSecond(const TrackingHit &hit);
    /// The first row of \a sql (\a columns values; empty when there is none),
    /// prepared once.
    std::optional<QVariantList> row(const QString &sql, const QVariantList &binds, int columns);

    const Database &m_db;
    QHash<qint64, Message> m_messages;
    std::pair<qint64, qint64> m_lastApplied{0, 0}; ///< the newest hit applied: id, time
    /// A message's tracking plan, read once per distinct plan: a campaign's
    /// messages share one.
    QHash<QString, std::pair<int, QString>> m_plans; // links, subject
    std::unique_ptr<StatementCache> m_statements;
    std::unique_ptr<CampaignActivity> m_campaigns;
    std::unique_ptr<Outbox> m_outbox;
    QString m_error;
};

} // namespace masir
