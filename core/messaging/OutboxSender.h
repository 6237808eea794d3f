#pragma once

#include "messaging/ChannelAccounts.h"
#include "messaging/RateLimiter.h"

#include <QCoreApplication>
#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace masir {

class Transport;
class Clock;
class CurlPool;
class Database;
class WorkspaceLock;
struct CompiledMessage;

/// What one run of the sender did.
struct SendStats
{
    int sent = 0;
    int retried = 0; ///< temporary failures, queued again with backoff
    int failed = 0;  ///< permanent failures (bounces included)
    int bounced = 0;
    int suppressed = 0; ///< dropped: the address is on the suppression list
    int cancelled = 0;  ///< dropped: unsubscribed, consent withdrawn, contact deleted
    int interrupted = 0;
    int deferred = 0; ///< held back by quiet hours or the daily cap, not yet due
    bool paused = false;
    bool otherSender = false;  ///< another process holds this workspace's sender lock
    bool notHere = false;      ///< this process does not send (a desktop on a server)
    QStringList accountErrors; ///< "Account: what the server said"
};

/// Sends what the outbox holds, in the worker thread.
///
/// A row is claimed (queued → sending, attempts + 1) and committed before it is
/// handed to a channel; its result is committed as soon as the channel answers.
/// A crash between the two leaves the row in "sending"; the next sender turns it
/// into "interrupted", for a person to resend or discard. So nothing is sent
/// twice on its own and nothing disappears. One sender per workspace: a
/// WorkspaceLock (a lock file next to a file, an advisory lock on a server)
/// keeps a second process from sending too.
///
/// At send time the contact's status, consent and the suppression list are
/// checked; per-account limits (second, hour, day) and connections apply;
/// temporary failures are retried with exponential backoff up to MaxAttempts.
class OutboxSender final
{
    Q_DECLARE_TR_FUNCTIONS(masir::OutboxSender)

public:
    OutboxSender(const Database &db, const Clock &clock);
    ~OutboxSender();

    /// Sends for up to \a budgetMs (finishing what is in flight).
    std::optional<SendStats> run(qint64 budgetMs = 1000);
    /// When there will be something to send (a due row an account can take, or
    /// the end of a rate-limit wait); nullopt when nothing waits.
    std::optional<qint64> nextWakeAt();
    /// Marketing messages wait while held: the collector, where people may
    /// have unsubscribed, could not be read. Transactional ones still go.
    void setHoldMarketing(bool hold) { m_holdMarketing = hold; }
    /// On a server, while this one sends: the server process of its lock
    /// session (its heartbeat names it, for a standby to judge); else 0.
    qint64 lockServerPid() const;
    QString errorString() const { return m_error; }

private:
    struct Account;
    struct Claimed;

    bool acquire(SendStats &stats);
    bool replaceSilentSender(SendStats &stats);
    bool stillHeld(QList<Claimed> &claimed);
    bool loadAccounts(SendStats &stats);
    bool dropUnwanted(SendStats &stats, qint64 now);
    bool claim(SendStats &stats, QList<Claimed> &out, qint64 *waitUntil);
    bool settle(const QList<struct DeliveryResult> &fresh, SendStats &total);
    const CompiledMessage *compiled(const QString &name, const QString &subject, QString *error);

    const Database &m_db;
    const Clock &m_clock;
    std::unique_ptr<WorkspaceLock> m_lock;
    bool m_locked = false;
    bool m_standby = false; ///< the last try found another process holding the lock
    std::unique_ptr<CurlPool> m_pool;
    std::vector<std::unique_ptr<Account>> m_accounts;
    std::unique_ptr<Transport> m_webhooks;
    QHash<qint64, Claimed *> m_inFlight;
    QList<struct DeliveryResult> m_unsettled; ///< results whose commit has not happened yet
    std::vector<std::unique_ptr<Claimed>> m_claims;
    QHash<QString, std::shared_ptr<CompiledMessage>> m_templates;
    int m_rotation = 0;
    bool m_holdMarketing = false;
    int m_maxAttempts = 5; ///< from the settings, read at the start of each run
    qint64 m_retryBaseMs = 60000;
    QString m_error;
};

} // namespace masir

Q_DECLARE_METATYPE(masir::SendStats)
