#pragma once

#include "journeys/JourneyGraph.h"
#include "journeys/JourneyRepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>

namespace masir {

class Clock;
class Database;

/// What one run of the engine did.
struct JourneyRunStats
{
    qint64 enrolled = 0; ///< contacts that entered a journey
    qint64 steps = 0;    ///< nodes run (each exactly once)
    qint64 queued = 0;   ///< outbox rows written (email, SMS, webhook)
    qint64 completed = 0;
    qint64 exited = 0;
    qint64 deferred = 0; ///< sends moved to later by quiet hours or the daily cap
    QStringList notifications;

    JourneyRunStats &operator+=(const JourneyRunStats &o);
};

/// Runs journeys: turns what happened (events, new contacts, dates) into
/// enrolments, and moves every enrolment through its journey's graph.
///
/// Exactly once: each step is a row in journey_steps keyed by (enrolment, node,
/// occurrence), written in the same transaction as the step's effects and the
/// enrolment's new position. A crash at any moment leaves either the whole step
/// or none of it; running the engine again continues where it stopped.
/// Sends are outbox rows written in that transaction (the sender delivers them).
///
/// Deterministic: time comes from the Clock, A/B splits from a hash of the
/// enrolment and node.
class JourneyEngine final
{
    Q_DECLARE_TR_FUNCTIONS(masir::JourneyEngine)

public:
    JourneyEngine(const Database &db, const Clock &clock);
    ~JourneyEngine();

    /// Enrols contacts by hand (a trigger.manual node, else the first trigger).
    /// The journey's entry policy applies; returns how many entered.
    std::optional<qint64> enrol(qint64 journeyId, const QList<qint64> &contactIds);

    /// Looks at what happened since the last scan and enrols whom the active
    /// journeys' triggers select; wakes contacts waiting for an event.
    std::optional<JourneyRunStats> scanTriggers();

    /// Runs every step that is due, \a batchSize enrolments per transaction.
    std::optional<JourneyRunStats> runDue(int batchSize = 500);

    /// scanTriggers() then runDue().
    std::optional<JourneyRunStats> runOnce(int batchSize = 500);

    /// When the next step is due (for the worker's timer); nullopt if none waits.
    std::optional<qint64> nextDueAt() const;

    QString errorString() const { return m_error; }

    /// A step's outcome as stored in the step log ("skipped: ..."), in the
    /// user's language.
    static QString outcomeLabel(const QString &outcome);

private:
    struct Compiled;
    struct Context;
    const Compiled *compiled(qint64 journeyId, int version);
    /// Where a contact enrolled by hand or by another journey enters.
    static QString entryNode(const Compiled &c);
    std::optional<qint64> enrolAt(const Journey &journey, const QString &nodeId, qint64 contactId,
                                  qint64 now);
    bool runBatch(int batchSize, JourneyRunStats &stats, bool *more);
    bool scanJourney(const Journey &journey, JourneyRunStats &stats);
    bool wakeWaiting();

    const Database &m_db;
    const Clock &m_clock;
    QHash<QString, std::shared_ptr<Compiled>> m_graphs; ///< by "journey:version"
    struct EnrolQueries
    {
        QSqlQuery guards[3]; ///< by JourneyPolicy::Entry
        QSqlQuery insert;
    };
    std::unique_ptr<EnrolQueries> m_enrolQueries;
    QString m_error;
};

} // namespace masir
