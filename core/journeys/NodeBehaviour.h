#pragma once

#include "contacts/ContactRepository.h"
#include "contacts/ContactTags.h"
#include "contacts/StageChanges.h"
#include "crm/Tasks.h"
#include "events/EventStore.h"
#include "events/ScoreHistory.h"
#include "messaging/Outbox.h"

#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>

namespace masir {

class Database;
struct Journey;
struct JourneyNode;

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

/// One enrolment as it moves through its journey in a run of the engine, with
/// what the nodes read of the contact (read once per run, kept up to date by
/// the nodes that change it).
struct Enrolment
{
    qint64 id = 0;
    qint64 journeyId = 0;
    int version = 0;
    qint64 contactId = 0;
    QString nodeId;
    qint64 nodeSince = 0;
    int seq = 0;
    QString status;
    QString email;
    QString phone;
    QString emailConsent;
    QString smsConsent;
    QString timezone;
    QString owner;
    QString stage;
    qint64 score = 0;
};

/// Where a step sends the contact, decided before anything is written.
struct StepDecision
{
    enum class End
    {
        No,       ///< go on by port
        Complete, ///< the journey is done for the contact (an exit)
        Remove,   ///< the contact is taken out (exited, "removed")
    };
    QString port = QStringLiteral("next");
    End end = End::No;
    /// Later than now: the contact stays at the node, which runs again then.
    qint64 waitUntil = 0;
    /// With waitUntil: the event that wakes the contact earlier.
    QString waitEvent;
    /// Kept in the step log, as "skipped: ..." (see JourneyEngine::outcomeLabel()).
    QString outcome;
    /// A send moved to later by quiet hours or the daily cap.
    bool deferred = false;
};

/// The engine's side of a step that some nodes need.
class StepServices
{
public:
    virtual ~StepServices() = default;
    /// Whether the contact meets the rule of the condition or goal \a nodeId;
    /// nullopt on a database error.
    virtual std::optional<bool> matchesRule(const QString &nodeId, qint64 contactId) = 0;
    /// Whether the journey called \a name runs and can be entered from another.
    virtual bool canEnrolInto(const QString &name, qint64 fromJourneyId) = 0;
    /// Enrols the contact there at its entry (its policy applies): 1 if they
    /// entered, 0 if not; nullopt on an error.
    virtual std::optional<qint64> enrolInto(const QString &name, qint64 contactId, qint64 now) = 0;
};

/// The writers a step's effects go through, made once per batch on its
/// connection: everything they write is in the batch's transaction.
struct StepWriters
{
    explicit StepWriters(const Database &db);

    QSqlQuery query; ///< for a node's own reads
    ContactRepository contacts;
    EventStore events;
    ContactTags tags;
    StageChanges stages;
    ScoreHistory scores;
    Tasks tasks;
    Outbox outbox;
    int emailsPerDay = 0; ///< the workspace's daily cap on marketing email (0: none)
};

/// What a node's behaviour works with for one step.
struct StepContext
{
    const Journey &journey;
    const JourneyNode &node;
    Enrolment &enrolment;
    int occurrence = 0; ///< how many steps the enrolment made before this one
    qint64 now = 0;
    StepWriters &writers;
    StepServices &services;
    JourneyRunStats &stats;
    QString error; ///< why a behaviour failed

    /// The step's idempotency key: the same enrolment, node and occurrence
    /// always give the same key (an outbox row is written once).
    QString stepKey() const;
    /// Keeps \a message as the error; returns false, or nullopt for decide().
    bool fail(const QString &message);
};

/// What the engine does at a node: decide where the contact goes (reading
/// only), then, once the step is logged, write its effects. Both run inside
/// the step's transaction, so a step happens whole or not at all.
class NodeBehaviour
{
public:
    virtual ~NodeBehaviour() = default;
    /// Where the contact goes from here; nullopt (with context.error) when the
    /// database refused. The default goes on by "next".
    virtual std::optional<StepDecision> decide(StepContext &context) const;
    /// The step's effects; false (with context.error) when a write failed. The
    /// default writes nothing.
    virtual bool apply(StepContext &context, const StepDecision &decision) const;
};

} // namespace masir
