#include "journeys/JourneyEngine.h"

#include "common/Clock.h"
#include "common/Logging.h"
#include "journeys/CompiledJourneys.h"
#include "journeys/Enroller.h"
#include "journeys/TriggerScanner.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"
#include "storage/StatementCache.h"
#include "storage/Transaction.h"

#include <QSqlQuery>

#include <algorithm>

namespace masir {

namespace {
constexpr int kMaxStepsAtOnce = 64; ///< per enrolment and run: a guard, not a limit users meet
} // namespace

/// What the nodes ask of the engine: the journey's compiled rules, and the
/// other journeys (through the same compiled versions and enroller).
class JourneyEngine::Services final : public StepServices
{
public:
    Services(const Database &db, CompiledJourneys &journeys, Enroller &enroller)
        : m_query(db.connection())
        , m_journeys(journeys)
        , m_enroller(enroller)
    {}

    void setJourney(const CompiledJourney *journey) { m_journey = journey; }
    QString errorString() const { return m_error; }

    std::optional<bool> matchesRule(const QString &nodeId, qint64 contactId) override
    {
        const CompiledSegment &rule = m_journey->rules.value(nodeId);
        if (!rule.ok())
            return false;
        QVariantList binds{contactId};
        binds << rule.binds;
        // A rule that fails to run matches nobody, as a segment that cannot be read.
        QString error;
        const bool yes =
            Sql::exec(lcJourneys(), m_query,
                      QStringLiteral("SELECT 1 FROM contacts WHERE contacts.id = ? AND (") +
                          rule.where + QLatin1Char(')'),
                      binds, &error) &&
            m_query.next();
        m_query.finish();
        return yes;
    }

    bool canEnrolInto(const QString &name, qint64 fromJourneyId) override
    {
        const CompiledJourney *other = m_journeys.running(name);
        return other && other->journey.id != fromJourneyId && !other->entryNode().isEmpty();
    }

    std::optional<qint64> enrolInto(const QString &name, qint64 contactId, qint64 now) override
    {
        const CompiledJourney *other = m_journeys.running(name);
        if (!other) {
            m_error = m_journeys.errorString();
            return std::nullopt;
        }
        const auto n = m_enroller.enrol(other->journey, other->entryNode(), contactId, now);
        if (!n)
            m_error = m_enroller.errorString();
        return n;
    }

private:
    QSqlQuery m_query;
    CompiledJourneys &m_journeys;
    Enroller &m_enroller;
    const CompiledJourney *m_journey = nullptr;
    QString m_error;
};

/// One batch of due enrolments, in one transaction: each moves as far as it
/// can now, step by step, every step logged once with its effects.
class JourneyEngine::Batch final
{
public:
    Batch(JourneyEngine &engine, qint64 now, JourneyRunStats &stats)
        : m_engine(engine)
        , m_now(now)
        , m_stats(stats)
        , m_tallies(engine.m_db.connection())
        , m_writers(engine.m_db)
        , m_services(engine.m_db, *engine.m_journeys, *engine.m_enroller)
        , m_statements(engine.m_db.connection())
    {}

    /// Moves one enrolment; false (with the engine's error) when the database refused.
    bool advance(Enrolment &e)
    {
        const CompiledJourney *g = m_engine.m_journeys->get(e.journeyId, e.version);
        if (!g)
            return fail(m_engine.m_journeys->errorString());
        m_services.setJourney(g);
        const Enrolment claimed = e; // moved below only from where it was claimed
        Where where;
        for (int guard = 0; guard < kMaxStepsAtOnce; ++guard) {
            const JourneyNode *node = g->graph.node(e.nodeId);
            const NodeType *type = node ? g->type(e.nodeId) : nullptr;
            if (!node || !type) {
                where.end(QStringLiteral("exited"), QStringLiteral("node_removed"));
                break;
            }
            if (g->journey.policy.exitOnUnsubscribe && e.status != QLatin1String("active")) {
                where.end(QStringLiteral("exited"), e.status); // unsubscribed, bounced...
                break;
            }
            const auto goal = goalReached(*g, *type, e);
            if (!goal)
                return false;
            if (*goal)
                continue;
            const auto moved = step(*g, *node, *type, e, where);
            if (!moved)
                return false;
            if (!*moved)
                break;
        }
        if (where.state == QLatin1String("completed"))
            ++m_stats.completed;
        else if (where.state == QLatin1String("exited"))
            ++m_stats.exited;
        const QVariant due = where.state == QLatin1String("active")
                                 ? QVariant(where.dueAt ? where.dueAt : m_now)
                                 : QVariant(QMetaType(QMetaType::LongLong));
        const auto moved =
            run(Kind::Write,
                QStringLiteral("UPDATE enrollments SET node_id = ?, node_since = ?, due_at = ?, "
                               "seq = ?, state = ?, wait_event = ?, exit_reason = ?, "
                               "updated_at = ? WHERE id = ? AND node_id = ? AND seq = ? AND "
                               "state = 'active'"),
                {e.nodeId, e.nodeSince, due, e.seq, where.state, SqlValues::text(where.waitEvent),
                 SqlValues::text(where.exitReason), m_now, e.id, claimed.nodeId, claimed.seq});
        if (moved && !*moved)
            return fail(JourneyEngine::tr(
                "Another worker moved a contact of this batch of journey steps; the "
                "batch was undone and runs again."));
        return moved.has_value();
    }

    /// Writes what the batch held back until its end: call it before the commit.
    bool finish()
    {
        if (m_tallies.flush())
            return true;
        return fail(m_tallies.errorString());
    }

private:
    /// Where an enrolment is after its steps of this run.
    struct Where
    {
        QString state = QStringLiteral("active");
        QString exitReason;
        qint64 dueAt = 0; ///< 0: now
        QString waitEvent;
        void end(const QString &s, const QString &reason = {})
        {
            state = s;
            exitReason = reason;
        }
    };

    bool fail(const QString &message)
    {
        m_engine.m_error = message;
        return false;
    }

    enum class Kind
    {
        Read,
        Write
    };
    /// Runs \a sql (prepared once per batch) with \a binds: whether a read
    /// gave a row, or a write changed one; nullopt with the engine's error.
    std::optional<bool> run(Kind kind, const QString &sql, const QVariantList &binds)
    {
        if (kind == Kind::Read) {
            const auto row = m_statements.row(sql, binds, &m_engine.m_error);
            return row ? std::optional<bool>(!row->isEmpty()) : std::nullopt;
        }
        const auto changed = m_statements.write(sql, binds, &m_engine.m_error);
        if (!changed)
            qCWarning(lcJourneys) << "cannot run a step:" << m_engine.m_error;
        return changed ? std::optional<bool>(*changed > 0) : std::nullopt;
    }

    /// A goal met anywhere pulls the contact to it, once: true when it did.
    std::optional<bool> goalReached(const CompiledJourney &g, const NodeType &type, Enrolment &e)
    {
        if (type.category == NodeType::Category::Trigger || type.isGoal)
            return false;
        for (const QString &goal : g.goals) {
            const auto met = m_services.matchesRule(goal, e.contactId);
            if (!met)
                return std::nullopt;
            if (!*met)
                continue;
            const auto passed = run(Kind::Read,
                                    QStringLiteral("SELECT 1 FROM journey_steps WHERE "
                                                   "enrollment_id = ? AND node_id = ? LIMIT 1"),
                                    {e.id, goal});
            if (!passed)
                return std::nullopt;
            if (!*passed) {
                e.nodeId = goal;
                e.nodeSince = m_now;
                return true;
            }
        }
        return false;
    }

    /// Runs the node the enrolment is at: true when it moved on to another
    /// node, false when it stays (a wait) or its path ended; nullopt on an error.
    std::optional<bool> step(const CompiledJourney &g, const JourneyNode &node,
                             const NodeType &type, Enrolment &e, Where &where)
    {
        StepContext context{g.journey, node, e, e.seq, m_now, m_writers, m_services, m_stats, {}};
        const auto decision = type.behaviour->decide(context);
        if (!decision)
            return failed(context);
        if (decision->deferred)
            ++m_stats.deferred;
        if (decision->waitUntil > m_now) {
            where.dueAt = decision->waitUntil;
            where.waitEvent = decision->waitEvent;
            return false;
        }
        where.waitEvent.clear();

        // The step: once, with its effects, or not at all.
        const auto logged = run(
            Kind::Write,
            QStringLiteral("INSERT INTO journey_steps (enrollment_id, node_id, occurrence, port, "
                           "outcome, ran_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            {e.id, e.nodeId, e.seq, SqlValues::text(decision->port),
             SqlValues::text(decision->outcome), m_now});
        if (!logged)
            return std::nullopt;
        if (!*logged) {
            // The log says this step ran, yet the enrolment is still before it: never
            // run it twice; take the contact out and say why.
            qCWarning(lcJourneys) << "step already ran" << e.id << e.nodeId << e.seq;
            where.end(QStringLiteral("exited"), QStringLiteral("step_already_ran"));
            return false;
        }
        ++m_stats.steps;
        if (!type.behaviour->apply(context, *decision))
            return failed(context);
        ++e.seq;

        if (decision->end == StepDecision::End::Remove) {
            where.end(QStringLiteral("exited"), QStringLiteral("removed"));
            return false;
        }
        const QString next = decision->end == StepDecision::End::Complete
                                 ? QString()
                                 : g.graph.target(e.nodeId, decision->port);
        if (next.isEmpty()) {
            where.end(QStringLiteral("completed")); // the path ends here
            return false;
        }
        e.nodeId = next;
        e.nodeSince = m_now;
        return true;
    }

    std::nullopt_t failed(const StepContext &context)
    {
        m_engine.m_error = context.error.isEmpty() ? m_services.errorString() : context.error;
        qCWarning(lcJourneys) << "step failed:" << context.node.type << m_engine.m_error;
        return std::nullopt;
    }

    JourneyEngine &m_engine;
    qint64 m_now;
    JourneyRunStats &m_stats;
    EventTallyHold m_tallies; ///< before the writers: they tally into it
    StepWriters m_writers;
    Services m_services;
    StatementCache m_statements;
};

JourneyEngine::JourneyEngine(const Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
    , m_journeys(std::make_unique<CompiledJourneys>(db, clock))
    , m_enroller(std::make_unique<Enroller>(db))
{}

JourneyEngine::~JourneyEngine() = default;

QString JourneyEngine::outcomeLabel(const QString &outcome)
{
    if (outcome == QLatin1String("skipped: not reachable on this channel"))
        return tr("skipped: cannot reach the contact on this channel");
    if (outcome == QLatin1String("skipped: unknown field"))
        return tr("skipped: the field does not exist");
    if (outcome == QLatin1String("skipped: the other journey is not running"))
        return tr("skipped: the other journey is not running");
    return outcome;
}

std::optional<qint64> JourneyEngine::enrol(qint64 journeyId, const QList<qint64> &contactIds)
{
    const auto journey = JourneyRepository(m_db).find(journeyId);
    if (!journey || journey->version == 0) {
        m_error = tr("Start the journey before adding contacts to it.");
        return std::nullopt;
    }
    const CompiledJourney *c = m_journeys->get(journeyId, journey->version);
    if (!c) {
        m_error = m_journeys->errorString();
        return std::nullopt;
    }
    const QString entry = c->entryNode();
    if (entry.isEmpty()) {
        m_error = tr("The journey has no trigger to enter by.");
        return std::nullopt;
    }
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    tx.setAllOrNothing(); // every contact asked for, or none
    const qint64 now = m_clock.nowMs();
    qint64 n = 0;
    for (const qint64 id : contactIds) {
        const auto added = m_enroller->enrol(*journey, entry, id, now);
        if (!added) {
            m_error = m_enroller->errorString();
            return std::nullopt;
        }
        n += *added;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    return n;
}

std::optional<JourneyRunStats> JourneyEngine::scanTriggers()
{
    TriggerScanner scanner(m_db, m_clock, *m_journeys, *m_enroller);
    const auto stats = scanner.scan();
    if (!stats)
        m_error = scanner.errorString();
    return stats;
}

std::optional<JourneyRunStats> JourneyEngine::runDue(int batchSize)
{
    JourneyRunStats stats;
    bool more = true;
    while (more) {
        if (!runBatch(batchSize, stats, &more))
            return std::nullopt;
    }
    return stats;
}

std::optional<JourneyRunStats> JourneyEngine::runOnce(int batchSize)
{
    auto stats = scanTriggers();
    if (!stats)
        return std::nullopt;
    const auto steps = runDue(batchSize);
    if (!steps)
        return std::nullopt;
    *stats += *steps;
    return stats;
}

std::optional<qint64> JourneyEngine::nextDueAt() const
{
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral("SELECT min(e.due_at) FROM enrollments e JOIN journeys j ON "
                              "j.id = e.journey_id WHERE e.state = 'active' AND "
                              "j.status = 'active'")) &&
        q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong();
    return std::nullopt;
}

bool JourneyEngine::runBatch(int batchSize, JourneyRunStats &stats, bool *more)
{
    *more = false;
    const qint64 now = m_clock.nowMs();
    QSqlDatabase db = m_db.connection();
    // Batches run beside each other on a server (other workers' batches):
    // each claims its enrolments and their contacts' score rows, so a contact
    // is moved by one batch at a time (its daily cap, score and stage included)
    Transaction tx(db, Transaction::Mode::Claim);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    tx.setAllOrNothing(); // a step the database refuses fails the batch
    QSqlQuery due(db);
    due.setForwardOnly(true);
    if (!Sql::exec(lcJourneys(), due,
                   QStringLiteral("SELECT e.id, e.journey_id, e.version, e.contact_id, e.node_id, "
                                  "e.node_since, e.seq, c.status, c.email, c.phone, "
                                  "c.email_consent, c.sms_consent, c.timezone, c.owner, s.stage, "
                                  "s.score FROM enrollments e JOIN journeys j ON j.id = "
                                  "e.journey_id JOIN contacts c ON c.id = e.contact_id JOIN "
                                  "contact_scores s ON s.contact_id = c.id WHERE e.state = "
                                  "'active' AND e.due_at <= ? AND j.status = 'active' ORDER BY "
                                  "e.due_at LIMIT ?") +
                       SqlDialect(db).claim(QStringLiteral("e, s")),
                   {now, batchSize}, &m_error))
        return false;
    QList<Enrolment> batch;
    while (due.next()) {
        Enrolment e;
        e.id = due.value(0).toLongLong();
        e.journeyId = due.value(1).toLongLong();
        e.version = due.value(2).toInt();
        e.contactId = due.value(3).toLongLong();
        e.nodeId = due.value(4).toString();
        e.nodeSince = due.value(5).toLongLong();
        e.seq = due.value(6).toInt();
        e.status = due.value(7).toString();
        e.email = due.value(8).toString();
        e.phone = due.value(9).toString();
        e.emailConsent = due.value(10).toString();
        e.smsConsent = due.value(11).toString();
        e.timezone = due.value(12).toString();
        e.owner = due.value(13).toString();
        e.stage = due.value(14).toString();
        e.score = due.value(15).toLongLong();
        batch << e;
    }
    due.finish();
    if (batch.isEmpty())
        return tx.commit();

    // All of the batch is due: it runs in contact order (each contact's own
    // enrolments still by due time), so that its writes go page after page.
    std::stable_sort(batch.begin(), batch.end(), [](const Enrolment &a, const Enrolment &b) {
        return a.contactId < b.contactId;
    });
    Batch run(*this, now, stats);
    for (Enrolment &e : batch) {
        if (!run.advance(e))
            return false;
    }
    if (!run.finish())
        return false;
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    *more = batch.size() == batchSize;
    return true;
}

} // namespace masir
