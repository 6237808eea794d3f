#pragma once

#include "journeys/JourneyGraph.h"
#include "journeys/JourneyRepository.h"
#include "journeys/NodeBehaviour.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace masir {

class Clock;
class CompiledJourneys;
class Database;
class Enroller;
struct CompiledJourney;

/// Runs journeys: turns what happened (events, new contacts, dates) into
/// enrolments (TriggerScanner, Enroller), and moves every enrolment through
/// its journey's graph, each node doing what its type's NodeBehaviour says.
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

    /// Enrolments a transaction by default: few enough that the app's own
    /// writes wait a fraction of a second, enough that a burst of thousands
    /// of enrolments (a campaign's clicks) is not spent on commits.
    static constexpr int kBatchSize = 5000;

    /// Runs every step that is due, \a batchSize enrolments per transaction.
    std::optional<JourneyRunStats> runDue(int batchSize = kBatchSize);

    /// scanTriggers() then runDue().
    std::optional<JourneyRunStats> runOnce(int batchSize = kBatchSize);

    /// When the next step is due (for the worker's timer); nullopt if none waits.
    std::optional<qint64> nextDueAt() const;

    QString errorString() const { return m_error; }

    /// A step's outcome as stored in the step log ("skipped: ..."), in the
    /// user's language.
    static QString outcomeLabel(const QString &outcome);

private:
    class Services;
    class Batch;
    bool runBatch(int batchSize, JourneyRunStats &stats, bool *more);

    const Database &m_db;
    const Clock &m_clock;
    std::unique_ptr<CompiledJourneys> m_journeys;
    std::unique_ptr<Enroller> m_enroller;
    QString m_error;
};

} // namespace masir
