#include "journeys/JourneySimulator.h"

#include "journeys/JourneyReferences.h"

#include "common/Clock.h"
#include "common/Logging.h"
#include "journeys/JourneyEngine.h"
#include "journeys/JourneyRepository.h"
#include "messaging/MessageTemplate.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace masir {

namespace {
constexpr qint64 kDayMs = 86400000;
constexpr int kMaxRounds = 100000; ///< a guard against a journey that never settles
} // namespace

JourneySimulator::JourneySimulator(const Database &db)
    : m_db(db)
{}

std::optional<QList<JourneySimulator::ContactRun>>
JourneySimulator::run(qint64 journeyId, const QList<qint64> &contactIds, const QDateTime &start,
                      int days)
{
    const auto journey = JourneyRepository(m_db).find(journeyId);
    if (!journey) {
        m_error = tr("The journey no longer exists.");
        return std::nullopt;
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        m_error =
            tr("Cannot make a temporary folder for the simulation: %1").arg(dir.errorString());
        return std::nullopt;
    }
    // The scratch workspace: the same schema, then the chosen part of the real one.
    Database scratch(dir.filePath(QStringLiteral("simulation.masir")));
    if (!scratch.open()) {
        m_error = scratch.errorString();
        return std::nullopt;
    }
    QStringList ids;
    for (const qint64 id : contactIds)
        ids << QString::number(id); // numbers, not user text
    const QString in = ids.isEmpty() ? QStringLiteral("0") : ids.join(QLatin1Char(','));
    const auto of = [&](const QString &table,
                        const QString &column = QStringLiteral("contact_id")) {
        return QStringLiteral("SELECT * FROM %1 WHERE %2 IN (%3)").arg(table, column, in);
    };
    const auto all = [](const QString &table) {
        return QStringLiteral("SELECT * FROM %1").arg(table);
    };
    const QList<RowCopy> copies = {
        {QStringLiteral("settings"), all(QStringLiteral("settings")), {}, true},
        {QStringLiteral("scoring_rules"), all(QStringLiteral("scoring_rules")), {}, true},
        {QStringLiteral("fields"), all(QStringLiteral("fields"))},
        {QStringLiteral("tags"), all(QStringLiteral("tags"))},
        {QStringLiteral("segments"), all(QStringLiteral("segments"))},
        {QStringLiteral("contacts"), of(QStringLiteral("contacts"), QStringLiteral("id"))},
        // their score rows were made by the insert, at 0 and "subscriber"
        {QStringLiteral("contact_scores"), of(QStringLiteral("contact_scores")),
         QStringLiteral("ON CONFLICT (contact_id) DO UPDATE SET score = excluded.score, stage = "
                        "excluded.stage")},
        {QStringLiteral("contact_tags"), of(QStringLiteral("contact_tags"))},
        {QStringLiteral("contact_values"), of(QStringLiteral("contact_values"))},
        {QStringLiteral("segment_members"), of(QStringLiteral("segment_members"))},
        {QStringLiteral("events"), of(QStringLiteral("events"))},
        {QStringLiteral("journeys"), all(QStringLiteral("journeys"))},
        {QStringLiteral("journey_versions"), all(QStringLiteral("journey_versions"))},
        // other journeys' messages count towards the daily cap
        // (without their journey and enrolment: those numbers mean other rows here)
        {QStringLiteral("outbox"),
         QStringLiteral("SELECT idempotency_key, channel, contact_id, node_id, template, payload, "
                        "marketing, state, attempts, due_at, error, provider_id, created_at, "
                        "updated_at FROM outbox WHERE contact_id IN (%1) AND created_at > %2")
             .arg(in)
             .arg(start.toMSecsSinceEpoch() - kDayMs)},
    };
    QString error;
    if (!scratch.copyFrom(m_db, copies, &error)) {
        m_error = tr("Cannot copy the workspace for the simulation: %1").arg(error);
        return std::nullopt;
    }

    // The journey as saved now runs as the simulation's only active journey.
    JourneyRepository repo(scratch);
    Journey j = *repo.find(journeyId);
    QSqlQuery q(scratch.connection());
    if (!Sql::exec(lcJourneys(), q, QStringLiteral("UPDATE journeys SET status = 'paused'"), {},
                   &m_error) ||
        !Sql::exec(lcJourneys(), q,
                   QStringLiteral("UPDATE journeys SET status = 'draft' WHERE id = ?"), {journeyId},
                   &m_error))
        return std::nullopt;
    if (!repo.activate(journeyId, JourneyRepository::Checks::GraphOnly)) {
        m_error = repo.errorString();
        return std::nullopt;
    }
    ManualClock clock(start);
    JourneyEngine engine(scratch, clock);
    if (!engine.enrol(journeyId, contactIds)) {
        m_error = engine.errorString();
        return std::nullopt;
    }
    const qint64 horizon = start.toMSecsSinceEpoch() + qint64(days) * kDayMs;
    for (int round = 0; round < kMaxRounds; ++round) {
        if (!engine.runDue()) {
            m_error = engine.errorString();
            return std::nullopt;
        }
        const auto next = engine.nextDueAt();
        if (!next || *next > horizon)
            break;
        clock.set(QDateTime::fromMSecsSinceEpoch(std::max(*next, clock.nowMs()), Qt::UTC));
    }

    // What happened, per contact.
    QList<ContactRun> runs;
    QSqlQuery r(scratch.connection());
    r.prepare(QStringLiteral("SELECT e.id, e.contact_id, e.state, e.exit_reason, "
                             "trim(c.first_name || ' ' || c.last_name), c.email FROM "
                             "enrollments e JOIN contacts c ON c.id = e.contact_id WHERE "
                             "e.journey_id = ? ORDER BY e.contact_id, e.id"));
    r.addBindValue(journeyId);
    if (!Sql::exec(lcJourneys(), r, &m_error))
        return std::nullopt;
    JourneyGraph graph;
    graph.fromJson(j.graph, &error);
    m_problems = JourneyReferences::check(m_db, graph);
    // Whether each template a message names exists: in the workspace, not the
    // scratch copy, and asked once per name.
    const TemplateRepository templates(m_db);
    QHash<QString, bool> exists;
    auto known = [&](const QString &name) {
        const auto it = exists.constFind(name);
        return it != exists.cend() ? *it : *exists.insert(name, templates.find(name).has_value());
    };
    // and whether an account could send it now, asked once per channel
    QHash<QString, QString> channels;
    auto channelProblem = [&](const QString &channel) {
        if (channel != QLatin1String("email") && channel != QLatin1String("sms"))
            return QString();
        const auto it = channels.constFind(channel);
        return it != channels.cend()
                   ? *it
                   : *channels.insert(channel, JourneyReferences::channelProblem(m_db, channel));
    };
    QSqlQuery s(scratch.connection());
    while (r.next()) {
        ContactRun run;
        const qint64 enrollment = r.value(0).toLongLong();
        run.contactId = r.value(1).toLongLong();
        run.state = r.value(2).toString();
        run.exitReason = r.value(3).toString();
        run.name = r.value(4).toString().isEmpty() ? r.value(5).toString() : r.value(4).toString();
        s.prepare(QStringLiteral("SELECT ran_at, node_id, port, outcome FROM journey_steps WHERE "
                                 "enrollment_id = ? ORDER BY occurrence"));
        s.addBindValue(enrollment);
        if (!Sql::exec(lcJourneys(), s, &m_error))
            return std::nullopt;
        while (s.next()) {
            const JourneyNode *n = graph.node(s.value(1).toString());
            run.path << Step{QDateTime::fromMSecsSinceEpoch(s.value(0).toLongLong(), Qt::UTC),
                             s.value(1).toString(), n ? n->type : QString(), s.value(2).toString(),
                             s.value(3).toString()};
        }
        s.prepare(QStringLiteral("SELECT created_at, channel, template, payload FROM outbox "
                                 "WHERE enrollment_id = ? ORDER BY id"));
        s.addBindValue(enrollment);
        if (!Sql::exec(lcJourneys(), s, &m_error))
            return std::nullopt;
        while (s.next()) {
            const QJsonObject payload =
                QJsonDocument::fromJson(s.value(3).toString().toUtf8()).object();
            const QString templateKey = s.value(2).toString();
            run.messages << Message{
                QDateTime::fromMSecsSinceEpoch(s.value(0).toLongLong(), Qt::UTC),
                s.value(1).toString(), templateKey, payload.value(QStringLiteral("to")).toString(),
                !templateKey.isEmpty() && !known(templateKey)
                    ? tr("it would fail: there is no template named \"%1\"").arg(templateKey)
                    : channelProblem(s.value(1).toString())};
        }
        runs << run;
    }
    return runs;
}

} // namespace masir
