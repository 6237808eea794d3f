#pragma once

#include "campaigns/CampaignRunner.h"
#include "intake/CollectorSync.h"
#include "intake/HitApplier.h"
#include "intake/MailboxPoller.h"
#include "journeys/JourneyEngine.h"
#include "messaging/OutboxSender.h"
#include "storage/Database.h"
#include "storage/WalCheckpointer.h"
#include "storage/WorkerHeartbeat.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace masir {

class Clock;
class Database;

/// What came in during one cycle.
struct IntakeStats
{
    CollectorSyncStats collector;
    HitStats hits;
    qint64 scored = 0;      ///< events live scoring read
    QString collectorError; ///< the pull failed: marketing waits for the next one
    // How long each part took, for the log and the benchmark.
    qint64 pullMs = 0;  ///< the hits pulled are applied as each batch comes in
    qint64 applyMs = 0; ///< what was left to apply after the pull
    qint64 scoreMs = 0;
    qint64 pushWaitMs = 0; ///< the push runs beside scoring: what was left of it after
};

/// One cycle of background work: what came in (the collector's hits, hits
/// turned into events, live scoring), then journey triggers and due steps,
/// then the outbox sender. The worker thread and `masir-cli worker run` run
/// the same cycle, in that order.
class WorkerCycle final
{
public:
    WorkerCycle(const Database &db, const Clock &clock);
    ~WorkerCycle();
    /// Pulls from the collector, applies waiting hits, pushes what the
    /// collector's pages need and scores new events. Unless it all succeeded
    /// (and a configured collector was read to its newest hit), marketing
    /// messages wait this cycle: someone may have unsubscribed there. On a
    /// server it first connects again if the connection was lost.
    std::optional<IntakeStats> intake(const std::atomic<bool> *stop = nullptr);
    /// Runs the journeys once; nullopt with errorString() when the database refused.
    std::optional<JourneyRunStats> run(int batchSize = JourneyEngine::kBatchSize);
    /// Moves campaigns on: starts those due, fans them out into the outbox
    /// for up to \a budgetMs, ends their tests. nullopt with errorString().
    std::optional<CampaignRunStats> campaigns(qint64 budgetMs = 2000,
                                              int batchSize = CampaignRunner::kBatchSize);
    /// Sends for up to \a budgetMs; nullopt with errorString() on a database error.
    /// Each call also tells the worker's heartbeat what it does.
    std::optional<SendStats> send(qint64 budgetMs = 1000);
    /// Whether this process sends at all (a desktop on a server workspace
    /// leaves it to the server's worker unless asked): when not, send()
    /// lets go of the sender lock and only says so.
    void setSending(bool sending) { m_sending = sending; }
    /// Lets go of the sender lock, if held, and says \a state (paused, off)
    /// in the heartbeat: another worker may send meanwhile.
    void standAside(WorkerHeartbeat::State state);
    /// Reads the sending accounts' mailboxes that are due (every few minutes)
    /// for bounces, complaints and unsubscribe requests.
    std::optional<MailboxStats> mailboxes(const std::atomic<bool> *stop = nullptr);
    /// Syncs the CRMs that are due (and any a kill left halfway): a line
    /// per sync for the status bar.
    QStringList crmSyncs(const std::atomic<bool> *stop = nullptr);
    /// How long to sleep before the next cycle: until the next due step or
    /// message, at most \a maxMs (new events and contacts are looked for that often).
    qint64 sleepMs(qint64 maxMs);
    /// What one cycle holds around intake(), run() and send(), on the thread
    /// that runs them (for 100,000 hits on a million contacts, each of the two
    /// saves time):
    /// - a larger page cache: a burst of thousands of hits is applied, scored
    ///   and enrolled over the same contacts' pages, read once instead of once
    ///   per part (10 %). SQLite fills it only as pages are read; it is given
    ///   back after.
    /// - a WalCheckpointer: the log is copied into the file on a thread of its
    ///   own instead of by the cycle's commits (17 % less time, in 7 runs of 7).
    class Scope final
    {
        Q_DISABLE_COPY_MOVE(Scope)

    public:
        explicit Scope(const QSqlDatabase &db);

    private:
        ScopedCacheSize m_cache;
        WalCheckpointer m_checkpointer;
    };
    [[nodiscard]] Scope scope() const;
    static constexpr int kCycleCacheKiB = 256 * 1024;
    QString errorString() const { return m_error; }
    /// Whether the last intake() connected to the server again (it had gone
    /// away, or ended the session).
    bool reconnected() const { return m_reconnected; }

private:
    const Database &m_db;
    const Clock &m_clock;
    std::unique_ptr<OutboxSender> m_sender;
    std::unique_ptr<WorkerHeartbeat> m_heartbeat; ///< made at the first send()
    bool m_sending = true;
    bool m_standingAside = false;    ///< m_sender is a fresh one that holds nothing
    bool m_campaignsPending = false; ///< a fan-out was cut short by its budget
    bool m_reconnected = false;
    QString m_error;
};

/// The background worker: a thread with its own connection that wakes on a
/// timer and on demand, runs a cycle, and reports through queued signals.
class Worker final : public QObject
{
    Q_OBJECT

public:
    Worker(const Database &db, const Clock &clock, QObject *parent = nullptr);
    ~Worker() override;

    void start();
    /// Finishes the cycle in progress, then stops the thread.
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }

    /// Pausing stops new cycles; the one running finishes.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused.load(); }
    /// Runs a cycle as soon as possible (after an edit, an import, a new event).
    void wake();

    /// The longest sleep between cycles.
    void setPollInterval(int ms) { m_pollMs = ms; }
    /// Whether this process sends from the outbox (on by default; a desktop
    /// on a server workspace leaves it to the server's worker).
    void setSending(bool sending);

Q_SIGNALS:
    void intakeFinished(const masir::IntakeStats &stats);
    void cycleFinished(const masir::JourneyRunStats &stats);
    void sendFinished(const masir::SendStats &stats);
    void campaignsChanged(const masir::CampaignRunStats &stats);
    /// Returned mail was acted on, or a mailbox could not be read.
    void mailboxesRead(const masir::MailboxStats &stats);
    /// A CRM sync ended: what it did, in words.
    void crmSynced(const QString &summary);
    void cycleFailed(const QString &error);
    /// The worker connected to the server again: the server is back, and the
    /// window's own connection can be opened again without waiting on it.
    void serverReturned();
    void pausedChanged(bool paused);

private:
    class Loop;
    const Database &m_db;
    const Clock &m_clock;
    QThread m_thread;
    Loop *m_loop = nullptr;
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_pollMs{30000};
    std::atomic<bool> m_sending{true};
};

} // namespace masir

Q_DECLARE_METATYPE(masir::JourneyRunStats)
Q_DECLARE_METATYPE(masir::IntakeStats)
