#include "scheduler/Worker.h"

#include "campaigns/BestSendTime.h"
#include "common/Clock.h"
#include "common/Logging.h"
#include "connectors/CrmConnections.h"
#include "crm/Deals.h"
#include "scoring/LeadScoring.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/PostgresWorkspace.h"
#include "storage/WorkNotices.h"
#include "storage/WorkerHeartbeat.h"
#include "tracking/MachineRules.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSqlError>
#include <QTimer>

#include <limits>

namespace masir {

WorkerCycle::WorkerCycle(const Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
    , m_sender(std::make_unique<OutboxSender>(db, clock))
{}

WorkerCycle::~WorkerCycle() = default;

std::optional<IntakeStats> WorkerCycle::intake(const std::atomic<bool> *stop)
{
    // Marketing waits unless all of this succeeds: someone may have
    // unsubscribed on the collector, and only an applied hit stops their mail.
    m_sender->setHoldMarketing(true);
    // A cycle starts on a live connection: a server that restarted, or a
    // session it ended, is connected again (a file's connection stays).
    m_reconnected = false;
    if (m_db.isPostgres() &&
        !PostgresWorkspace::reconnect(m_db.connection(), m_db.mode() == Database::Mode::ReadOnly,
                                      &m_reconnected)) {
        m_error = QCoreApplication::translate("masir::Worker",
                                              "The server cannot be reached: %1. The worker "
                                              "tries again at its next cycle.")
                      .arg(m_db.connection().lastError().text());
        return std::nullopt;
    }
    IntakeStats stats;
    QElapsedTimer timer;
    timer.start();
    // Each batch pulled is applied while the next is on its way, but only
    // its hits a second older than its newest: a hit is judged with the hits
    // of the second after it kept beside it (the every-link rule reads them).
    HitApplier applier(m_db);
    bool applyFailed = false;
    const auto apply = [&](qint64 untilAtMs) {
        const auto hits = applier.applyWaiting(untilAtMs);
        if (hits)
            stats.hits.add(*hits);
        applyFailed = !hits;
        return !applyFailed;
    };
    const auto keptBatch = [&](qint64 newestAtMs) {
        return apply(newestAtMs - MachineRules::kSameMomentMs);
    };
    CollectorSync collector(m_db);
    const bool pulled = collector.pull(stats.collector, stop, keptBatch);
    if (!pulled)
        stats.collectorError = collector.errorString();
    stats.pullMs = timer.restart();
    // the last batch, the hits of the app's own server, and those a failed
    // pull left
    if (applyFailed || !apply(std::numeric_limits<qint64>::max())) {
        m_error = applier.errorString();
        return std::nullopt;
    }
    stats.applyMs = timer.restart();
    // What the collector's pages show, now that its hits are applied: sent
    // while the scores are counted.
    if (pulled)
        collector.startPush(stats.collector);
    LeadScoring scoring(m_db);
    const auto scored = scoring.scoreNewEvents();
    stats.scoreMs = timer.restart();
    if (pulled && !collector.finishPush(stats.collector))
        stats.collectorError = collector.errorString();
    stats.pushWaitMs = timer.restart();
    if (!scored) {
        m_error = scoring.errorString();
        return std::nullopt;
    }
    stats.scored = *scored;
    m_sender->setHoldMarketing(stats.collector.configured &&
                               (!pulled || !stats.collector.complete));
    return stats;
}

WorkerCycle::Scope::Scope(const QSqlDatabase &db)
    : m_cache(db, kCycleCacheKiB)
    , m_checkpointer(db)
{}

WorkerCycle::Scope WorkerCycle::scope() const
{
    return Scope(m_db.connection());
}

std::optional<CampaignRunStats> WorkerCycle::campaigns(qint64 budgetMs, int batchSize)
{
    // Once a day, each contact's best hour to send, from their opens and clicks.
    BestSendTime bestHours(m_db, m_clock);
    if (bestHours.isDue() && !bestHours.refresh()) {
        m_error = bestHours.errorString();
        return std::nullopt;
    }
    CampaignRunner runner(m_db, m_clock);
    const auto stats = runner.runOnce(budgetMs, batchSize);
    if (!stats)
        m_error = runner.errorString();
    else
        m_campaignsPending = stats->more;
    return stats;
}

std::optional<SendStats> WorkerCycle::send(qint64 budgetMs)
{
    using State = WorkerHeartbeat::State;
    if (!m_heartbeat)
        m_heartbeat = std::make_unique<WorkerHeartbeat>(m_db);
    if (!m_sending) {
        standAside(State::Off);
        SendStats stats;
        stats.notHere = true;
        return stats;
    }
    m_standingAside = false;
    const auto stats = m_sender->run(budgetMs);
    if (!stats) {
        m_error = m_sender->errorString();
        m_heartbeat->set(State::Error, m_error);
    } else if (stats->otherSender) {
        m_heartbeat->set(State::Standby, stats->accountErrors.value(0));
    } else if (stats->paused) {
        m_heartbeat->set(State::Paused);
    } else {
        m_heartbeat->set(State::Sending, stats->accountErrors.join(QLatin1String("; ")),
                         m_sender->lockServerPid());
    }
    return stats;
}

void WorkerCycle::standAside(WorkerHeartbeat::State state)
{
    if (!m_heartbeat)
        m_heartbeat = std::make_unique<WorkerHeartbeat>(m_db);
    // lets go of the lock (after what is on the wire), for another to send;
    // once: a fresh sender holds nothing
    if (!m_standingAside)
        m_sender = std::make_unique<OutboxSender>(m_db, m_clock);
    m_standingAside = true;
    m_heartbeat->set(state);
}

std::optional<MailboxStats> WorkerCycle::mailboxes(const std::atomic<bool> *stop)
{
    MailboxPoller poller(m_db, m_clock, stop);
    const auto stats = poller.poll();
    if (!stats)
        m_error = poller.errorString();
    return stats;
}

QStringList WorkerCycle::crmSyncs(const std::atomic<bool> *stop)
{
    QStringList out;
    for (const CrmSyncReport &r : CrmConnections(m_db).runDue(m_clock.nowMs(), stop)) {
        if (r.cancelled)
            continue; // the app is closing: it goes on next time
        const QString crm = CrmConnections::label(r.connector);
        out << (!r.error.isEmpty()
                    ? QCoreApplication::translate("masir::Worker", "The %1 sync failed: %2")
                          .arg(crm, r.error)
                    : QCoreApplication::translate("masir::Worker",
                                                  "%1 synced: %2 new, %3 updated contacts, %4 "
                                                  "new deals.")
                          .arg(crm)
                          .arg(r.import.created)
                          .arg(r.import.updated)
                          .arg(r.dealsCreated));
    }
    return out;
}

std::optional<JourneyRunStats> WorkerCycle::run(int batchSize)
{
    // Every ten minutes, a follow-up task for each deal left untouched too long.
    WorkspaceSettings settings(m_db);
    const qint64 now = m_clock.nowMs();
    if (now - settings.value(WorkspaceSettings::Key::FollowUpsAt).toLongLong() >= 10 * 60000) {
        Deals deals(m_db.connection());
        if (!deals.createFollowUps(now,
                                   settings.value(WorkspaceSettings::Key::FollowUpDays).toInt()) ||
            !settings.setValue(WorkspaceSettings::Key::FollowUpsAt, now)) {
            m_error = deals.errorString();
            return std::nullopt;
        }
    }
    JourneyEngine engine(m_db, m_clock);
    const auto stats = engine.runOnce(batchSize);
    if (!stats)
        m_error = engine.errorString();
    return stats;
}

qint64 WorkerCycle::sleepMs(qint64 maxMs)
{
    auto next = JourneyEngine(m_db, m_clock).nextDueAt();
    if (m_campaignsPending)
        return 0;
    if (const auto campaign = CampaignRunner(m_db, m_clock).nextWakeAt())
        next = next ? std::min(*next, *campaign) : *campaign;
    if (const auto message = m_standingAside ? std::nullopt : m_sender->nextWakeAt())
        next = next ? std::min(*next, *message) : *message;
    if (!next)
        return maxMs;
    return std::clamp<qint64>(*next - m_clock.nowMs(), 0, maxMs);
}

/// Lives in the worker thread: the timer and the cycles run there.
class Worker::Loop final : public QObject
{
public:
    explicit Loop(Worker *owner)
        : m_owner(owner)
        , m_cycle(owner->m_db, owner->m_clock)
        , m_timer(this) // a child, so that it moves to the worker thread with the loop
        , m_notices(this)
    {
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { cycle(); });
        // New work another process committed on a server: a cycle soon, not
        // at the next poll; a burst of notices makes one cycle, at most one a
        // second, and none sooner after a cycle that failed (it waits its poll).
        QObject::connect(&m_notices, &WorkNotices::workArrived, this, [this] {
            if (m_inCycle || m_owner->m_paused.load() || m_lastFailed)
                return;
            const qint64 delay =
                std::max<qint64>(kNoticeDelayMs, kNoticeGapMs - m_sinceCycle.elapsed());
            if (!m_timer.isActive() || m_timer.remainingTime() > delay)
                m_timer.start(int(delay));
        });
        m_sinceCycle.start();
    }

    void cycle()
    {
        // A keychain read may spin an event loop inside a cycle: never nest one.
        if (m_inCycle)
            return;
        m_inCycle = true;
        m_lastFailed = false;
        const auto done = qScopeGuard([this] {
            m_inCycle = false;
            m_sinceCycle.restart();
        });
        if (m_owner->m_stopping.load())
            return;
        if (m_owner->m_paused.load())
            m_cycle.standAside(WorkerHeartbeat::State::Paused); // another may send meanwhile
        if (!m_owner->m_paused.load()) {
            const auto scope = m_cycle.scope();
            if (const auto in = m_cycle.intake(&m_owner->m_stopping)) {
                if (in->collector.pulled || in->hits.hits || in->scored)
                    qCDebug(lcScheduler)
                        << "intake: pulled" << in->collector.pulled << "hits" << in->hits.hits
                        << "scored" << in->scored << "in" << in->pullMs << "+" << in->applyMs << "+"
                        << in->scoreMs << "+" << in->pushWaitMs << "ms";
                Q_EMIT m_owner->intakeFinished(*in);
            } else {
                qCWarning(lcScheduler) << "intake failed:" << m_cycle.errorString();
                failed();
            }
            if (m_cycle.reconnected())
                Q_EMIT m_owner->serverReturned();
            m_notices.listen(m_owner->m_db.connection()); // again after a reconnect
            if (m_owner->m_stopping.load())
                return;
            const auto stats = m_cycle.run();
            if (stats) {
                qCDebug(lcScheduler) << "journeys: enrolled" << stats->enrolled << "steps"
                                     << stats->steps << "queued" << stats->queued;
                Q_EMIT m_owner->cycleFinished(*stats);
            } else {
                qCWarning(lcScheduler) << "journeys failed:" << m_cycle.errorString();
                failed();
            }
            if (m_owner->m_stopping.load())
                return;
            if (const auto campaigns = m_cycle.campaigns()) {
                if (campaigns->started || campaigns->queued || campaigns->decided ||
                    campaigns->finished || !campaigns->refused.isEmpty())
                    Q_EMIT m_owner->campaignsChanged(*campaigns);
            } else {
                qCWarning(lcScheduler) << "campaigns failed:" << m_cycle.errorString();
                failed();
            }
            if (m_owner->m_stopping.load())
                return;
            m_cycle.setSending(m_owner->m_sending.load());
            if (const auto sent = m_cycle.send()) {
                Q_EMIT m_owner->sendFinished(*sent);
            } else {
                qCWarning(lcScheduler) << "sending failed:" << m_cycle.errorString();
                failed();
            }
            if (m_owner->m_stopping.load())
                return;
            if (const auto read = m_cycle.mailboxes(&m_owner->m_stopping)) {
                if (read->changed() || !read->errors.isEmpty())
                    Q_EMIT m_owner->mailboxesRead(*read);
            } else {
                qCWarning(lcScheduler) << "reading mailboxes failed:" << m_cycle.errorString();
                failed();
            }
            if (m_owner->m_stopping.load())
                return;
            for (const QString &summary : m_cycle.crmSyncs(&m_owner->m_stopping))
                Q_EMIT m_owner->crmSynced(summary);
        }
        m_timer.start(int(m_cycle.sleepMs(m_owner->m_pollMs.load())));
    }

    void wakeNow() { m_timer.start(0); }

    void failed()
    {
        m_lastFailed = true;
        Q_EMIT m_owner->cycleFailed(m_cycle.errorString());
    }

private:
    static constexpr int kNoticeDelayMs = 200;
    static constexpr qint64 kNoticeGapMs = 1000;
    Worker *m_owner;
    bool m_inCycle = false;
    bool m_lastFailed = false; ///< the last cycle failed somewhere: notices wait for the poll
    QElapsedTimer m_sinceCycle;
    WorkerCycle m_cycle;
    QTimer m_timer;
    WorkNotices m_notices;
};

Worker::Worker(const Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
{
    qRegisterMetaType<masir::JourneyRunStats>();
    qRegisterMetaType<masir::IntakeStats>();
    qRegisterMetaType<masir::SendStats>();
    qRegisterMetaType<masir::CampaignRunStats>();
    qRegisterMetaType<masir::MailboxStats>();
    m_thread.setObjectName(QStringLiteral("masir-worker"));
}

Worker::~Worker()
{
    stop();
}

void Worker::start()
{
    if (m_thread.isRunning())
        return;
    m_loop = new Loop(this);
    m_loop->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_loop, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
    QMetaObject::invokeMethod(
        m_loop, [loop = m_loop] { loop->wakeNow(); }, Qt::QueuedConnection);
}

void Worker::stop()
{
    if (!m_thread.isRunning())
        return;
    // No blocking call into the worker thread: a cycle in progress may wait for
    // this thread (a keychain prompt), and both would wait for ever. The thread
    // ends after the cycle it is in; no cycle starts once stopping is set.
    m_stopping = true;
    m_thread.quit();
    m_thread.wait();
    m_loop = nullptr;
    m_stopping = false;
    qCInfo(lcScheduler) << "worker stopped";
}

void Worker::setPaused(bool paused)
{
    if (m_paused.exchange(paused) == paused)
        return;
    Q_EMIT pausedChanged(paused);
    if (!paused)
        wake();
}

void Worker::setSending(bool sending)
{
    if (m_sending.exchange(sending) != sending)
        wake();
}

void Worker::wake()
{
    if (m_loop)
        QMetaObject::invokeMethod(
            m_loop, [loop = m_loop] { loop->wakeNow(); }, Qt::QueuedConnection);
}

} // namespace masir
