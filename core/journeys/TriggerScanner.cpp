#include "journeys/TriggerScanner.h"

#include "common/Clock.h"
#include "common/LocalTime.h"
#include "common/Logging.h"
#include "journeys/CompiledJourneys.h"
#include "journeys/Enroller.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"

#include <QJsonDocument>
#include <QTimeZone>

#include <array>

namespace masir {

namespace {
constexpr qint64 kSegmentCheckMs = 60000; ///< how often segment triggers recount
constexpr int kPage = 5000;               ///< events or score changes read at a time
} // namespace

TriggerScanner::TriggerScanner(const Database &db, const Clock &clock, CompiledJourneys &journeys,
                               Enroller &enroller)
    : m_db(db)
    , m_clock(clock)
    , m_journeys(journeys)
    , m_enroller(enroller)
{}

std::optional<JourneyRunStats> TriggerScanner::scan()
{
    m_stats = {};
    m_journeys.clear(); // policies and versions may have changed since the last run
    for (const Journey &j : JourneyRepository(m_db).list()) {
        if (j.status != QLatin1String("active") || j.version == 0)
            continue;
        if (!scanJourney(j))
            return std::nullopt;
    }
    if (!wakeWaiting())
        return std::nullopt;
    return m_stats;
}

TriggerScanner::Triggers TriggerScanner::triggersOf(const CompiledJourney &c)
{
    Triggers t;
    for (const JourneyNode &n : c.graph.nodes()) {
        const NodeType *type = c.type(n.id);
        switch (type ? type->trigger.kind : TriggerSource::Kind::None) {
        case TriggerSource::Kind::Events:
            t.events << &n;
            break;
        case TriggerSource::Kind::NewContacts:
            t.newContacts << &n;
            break;
        case TriggerSource::Kind::Dates:
            t.dates << &n;
            break;
        case TriggerSource::Kind::Segment:
            t.segments << &n;
            break;
        case TriggerSource::Kind::Score:
            t.scores << &n;
            break;
        case TriggerSource::Kind::Manual:
        case TriggerSource::Kind::None:
            break;
        }
    }
    return t;
}

bool TriggerScanner::scanJourney(const Journey &journey)
{
    const CompiledJourney *c = m_journeys.get(journey.id, journey.version);
    if (!c) {
        m_error = m_journeys.errorString();
        return false;
    }
    m_journey = &journey;
    m_now = m_clock.nowMs();
    QSqlDatabase db = m_db.connection();
    Transaction tx(db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    tx.setAllOrNothing(); // a scan the database refuses runs again whole
    QSqlQuery state(db);
    if (!Sql::exec(lcJourneys(), state,
                   QStringLiteral("SELECT event_cursor, contact_cursor, date_cursor, score_cursor "
                                  "FROM journeys WHERE id = ?"),
                   {journey.id}, &m_error))
        return false;
    if (!state.next()) {
        m_error = tr("Journey %1 no longer exists.").arg(journey.id);
        return false;
    }
    Cursors cursors{state.value(0).toLongLong(), state.value(1).toLongLong(),
                    state.value(2).toString(), state.value(3).toLongLong()};
    state.finish();

    const Triggers triggers = triggersOf(*c);
    // What nobody listens to is not read: each cursor then starts after the newest row.
    if (!(triggers.events.isEmpty() ? newest(QStringLiteral("events"), cursors.event)
                                    : scanEvents(*c, triggers.events, cursors.event)) ||
        !(triggers.scores.isEmpty() ? newest(QStringLiteral("score_changes"), cursors.score)
                                    : scanScores(triggers.scores, cursors.score)) ||
        !(triggers.newContacts.isEmpty()
              ? newest(QStringLiteral("contacts"), cursors.contact)
              : scanNewContacts(triggers.newContacts, cursors.contact)) ||
        !scanDates(triggers.dates, cursors.date))
        return false;
    for (const JourneyNode *n : triggers.segments) {
        if (!scanSegment(*n))
            return false;
    }
    if (!Sql::exec(lcJourneys(), state,
                   QStringLiteral("UPDATE journeys SET event_cursor = ?, contact_cursor = ?, "
                                  "date_cursor = ?, score_cursor = ? WHERE id = ?"),
                   {cursors.event, cursors.contact, cursors.date, cursors.score, journey.id},
                   &m_error))
        return false;
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

bool TriggerScanner::newest(const QString &table, qint64 &cursor)
{
    // the table's name comes from scanJourney(), never from the user
    QSqlQuery q(m_db.connection());
    if (!Sql::first(lcJourneys(), q, QStringLiteral("SELECT COALESCE(max(id), 0) FROM ") + table,
                    &m_error))
        return false;
    cursor = std::max(cursor, q.value(0).toLongLong());
    return true;
}

bool TriggerScanner::enrol(const QString &nodeId, qint64 contactId)
{
    const auto n = m_enroller.enrol(*m_journey, nodeId, contactId, m_now);
    if (!n) {
        m_error = m_enroller.errorString();
        return false;
    }
    m_stats.enrolled += *n;
    return true;
}

bool TriggerScanner::enrolAll(const QString &nodeId, const QList<qint64> &contactIds)
{
    for (const qint64 id : contactIds) {
        if (!enrol(nodeId, id))
            return false;
    }
    return true;
}

bool TriggerScanner::ids(QSqlQuery &q, const QString &sql, const QVariantList &binds,
                         QList<qint64> &out)
{
    out.clear();
    if (!Sql::exec(lcJourneys(), q, sql, binds, &m_error))
        return false;
    while (q.next())
        out << q.value(0).toLongLong();
    q.finish();
    return true;
}

bool TriggerScanner::scanEvents(const CompiledJourney &c, const QList<const JourneyNode *> &nodes,
                                qint64 &cursor)
{
    QHash<QString, QList<const JourneyNode *>> listeners; // event type -> triggers
    for (const JourneyNode *n : nodes) {
        const TriggerSource &source = c.type(n->id)->trigger;
        for (const QString &type : source.eventTypes(n->config))
            listeners[type] << n;
    }
    const QStringList types = listeners.keys();
    const QString in = QStringList(types.size(), QStringLiteral("?")).join(QLatin1Char(','));
    // The scan goes by id after the cursor (not by the type's index, which
    // would read every event of the type ever written), so when it reaches
    // the end the cursor moves to the newest event, matched or not: a rare
    // trigger never reads the same events twice.
    qint64 end = cursor;
    if (!newest(QStringLiteral("events"), end))
        return false;
    QSqlQuery q(m_db.connection());
    for (;;) {
        QVariantList binds{cursor};
        for (const QString &t : types)
            binds << t;
        if (!Sql::exec(lcJourneys(), q,
                       QStringLiteral("SELECT id, contact_id, type, payload FROM events WHERE "
                                      "id > ? AND %1 IN (%2) ORDER BY id LIMIT %3")
                           .arg(SqlDialect(q.driver()).notIndexed(QStringLiteral("type")), in)
                           .arg(kPage),
                       binds, &m_error))
            return false;
        int rows = 0;
        while (q.next()) {
            ++rows;
            cursor = q.value(0).toLongLong();
            const qint64 contact = q.value(1).toLongLong();
            const QJsonObject payload =
                QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
            for (const JourneyNode *n : listeners.value(q.value(2).toString())) {
                if (c.type(n->id)->trigger.matches(n->config, payload) && !enrol(n->id, contact))
                    return false;
            }
        }
        if (rows < kPage) {
            cursor = std::max(cursor, end);
            return true;
        }
    }
}

bool TriggerScanner::scanScores(const QList<const JourneyNode *> &nodes, qint64 &cursor)
{
    // A change from below the trigger's score to at or above it.
    QSqlQuery q(m_db.connection());
    for (;;) {
        if (!Sql::exec(lcJourneys(), q,
                       QStringLiteral("SELECT id, contact_id, from_score, to_score FROM "
                                      "score_changes WHERE id > ? ORDER BY id LIMIT %1")
                           .arg(kPage),
                       {cursor}, &m_error))
            return false;
        QList<std::array<qint64, 3>> changes; // contact, from, to
        while (q.next()) {
            cursor = q.value(0).toLongLong();
            changes.append(
                {q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()});
        }
        q.finish();
        for (const auto &[contact, from, to] : std::as_const(changes)) {
            for (const JourneyNode *n : nodes) {
                const double threshold = n->config.value(QStringLiteral("threshold")).toDouble();
                if (double(from) < threshold && double(to) >= threshold && !enrol(n->id, contact))
                    return false;
            }
        }
        if (changes.size() < kPage)
            return true;
    }
}

bool TriggerScanner::scanNewContacts(const QList<const JourneyNode *> &nodes, qint64 &cursor)
{
    QSqlQuery q(m_db.connection());
    QList<qint64> created;
    if (!ids(q, QStringLiteral("SELECT id FROM contacts WHERE id > ? ORDER BY id"), {cursor},
             created))
        return false;
    for (const qint64 id : std::as_const(created)) {
        for (const JourneyNode *n : nodes) {
            if (!enrol(n->id, id))
                return false;
        }
        cursor = id;
    }
    return true;
}

bool TriggerScanner::scanDates(const QList<const JourneyNode *> &nodes, QString &cursor)
{
    // Once a day per journey, at the trigger's time of day.
    const QDateTime localNow = QDateTime::fromMSecsSinceEpoch(m_now, QTimeZone::systemTimeZone());
    const QString today = localNow.date().toString(Qt::ISODate);
    QSqlQuery q(m_db.connection());
    for (const JourneyNode *n : nodes) {
        if (cursor == today)
            break;
        const QJsonObject &cfg = n->config;
        if (localNow.time() < LocalTime::parse(cfg.value(QStringLiteral("time")).toString()))
            continue;
        const QDate date =
            localNow.date().addDays(-cfg.value(QStringLiteral("offsetDays")).toInt());
        const bool yearly = cfg.value(QStringLiteral("yearly")).toBool(true);
        const QString field = cfg.value(QStringLiteral("field")).toString();
        const QVariant day =
            yearly ? date.toString(QStringLiteral("MM-dd")) : date.toString(Qt::ISODate);
        QList<qint64> found;
        bool ok = true;
        if (field == QLatin1String("birthday")) {
            ok = ids(q,
                     yearly ? QStringLiteral("SELECT id FROM contacts WHERE substr(birthday, 6, "
                                             "5) = ?")
                            : QStringLiteral("SELECT id FROM contacts WHERE birthday = ?"),
                     {day}, found);
        } else if (field.startsWith(QLatin1String("custom."))) {
            ok = ids(q,
                     QStringLiteral("SELECT v.contact_id FROM contact_values v JOIN fields f ON "
                                    "f.id = v.field_id WHERE f.key = ? AND ") +
                         (yearly ? QStringLiteral("substr(v.value, 6, 5) = ?")
                                 : QStringLiteral("v.value = ?")),
                     {field.mid(7), day}, found);
        } else {
            continue;
        }
        if (!ok || !enrolAll(n->id, found))
            return false;
        cursor = today;
    }
    if (nodes.isEmpty())
        cursor = today;
    return true;
}

bool TriggerScanner::scanSegment(const JourneyNode &node)
{
    // Who is in now against who was in at the last look (at most once a minute
    // per trigger; the first look only takes the picture).
    QSqlQuery q(m_db.connection());
    const qint64 journeyId = m_journey->id;
    if (!Sql::exec(lcJourneys(), q,
                   QStringLiteral("SELECT checked_at FROM journey_segment_checks WHERE "
                                  "journey_id = ? AND node_id = ?"),
                   {journeyId, node.id}, &m_error))
        return false;
    const bool seen = q.next();
    const bool recent = seen && m_now - q.value(0).toLongLong() < kSegmentCheckMs;
    q.finish();
    if (recent)
        return true;
    SegmentRepository segments(m_db);
    const auto segment =
        segments.findByName(node.config.value(QStringLiteral("segment")).toString());
    if (!segment)
        return true; // validation names it; a segment deleted later just stops matching
    const CompiledSegment members = segments.filter(segment->id);
    if (!members.ok())
        return true;
    if (!Sql::exec(lcJourneys(), q,
                   QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS segment_now "
                                  "(contact_id BIGINT PRIMARY KEY)"),
                   {}, &m_error) ||
        !Sql::exec(lcJourneys(), q, QStringLiteral("DELETE FROM segment_now"), {}, &m_error) ||
        !Sql::exec(lcJourneys(), q,
                   QStringLiteral("INSERT INTO segment_now ") + SegmentCompiler::idsSql(members),
                   members.binds, &m_error))
        return false;
    if (seen) {
        const bool entered =
            node.config.value(QStringLiteral("change")).toString() != QLatin1String("left");
        QList<qint64> changed;
        if (!ids(q,
                 entered ? QStringLiteral("SELECT contact_id FROM segment_now WHERE contact_id "
                                          "NOT IN (SELECT contact_id FROM journey_segment_state "
                                          "WHERE journey_id = ? AND node_id = ?)")
                         : QStringLiteral("SELECT contact_id FROM journey_segment_state WHERE "
                                          "journey_id = ? AND node_id = ? AND contact_id NOT IN "
                                          "(SELECT contact_id FROM segment_now)"),
                 {journeyId, node.id}, changed) ||
            !enrolAll(node.id, changed))
            return false;
    }
    return Sql::exec(lcJourneys(), q,
                     QStringLiteral("DELETE FROM journey_segment_state WHERE journey_id = ? "
                                    "AND node_id = ?"),
                     {journeyId, node.id}, &m_error) &&
           Sql::exec(lcJourneys(), q,
                     QStringLiteral("INSERT INTO journey_segment_state SELECT ?, ?, "
                                    "contact_id FROM segment_now"),
                     {journeyId, node.id}, &m_error) &&
           Sql::exec(lcJourneys(), q,
                     QStringLiteral("INSERT INTO journey_segment_checks (journey_id, node_id, "
                                    "checked_at) VALUES (?, ?, ?) ON CONFLICT (journey_id, "
                                    "node_id) DO UPDATE SET checked_at = excluded.checked_at"),
                     {journeyId, node.id, m_now}, &m_error);
}

bool TriggerScanner::wakeWaiting()
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    WorkspaceSettings settings(m_db);
    const qint64 from = settings.value(WorkspaceSettings::Key::WaitEventCursor).toLongLong();
    QSqlQuery q(db);
    if (!Sql::first(lcJourneys(), q, QStringLiteral("SELECT COALESCE(max(id), 0) FROM events"),
                    &m_error))
        return false;
    const qint64 to = q.value(0).toLongLong();
    q.finish();
    if (to <= from)
        return true;
    // A contact waiting for an event that has now happened goes on at once.
    const qint64 now = m_clock.nowMs();
    if (!Sql::exec(lcJourneys(), q,
                   QStringLiteral("UPDATE enrollments SET due_at = ? WHERE state = 'active' AND "
                                  "wait_event <> '' AND due_at > ? AND id IN (SELECT en.id FROM "
                                  "events ev JOIN enrollments en ON en.contact_id = ev.contact_id "
                                  "AND en.wait_event = ev.type WHERE ev.id > ? AND ev.id <= ? AND "
                                  "en.state = 'active' AND ev.occurred_at >= en.node_since)"),
                   {now, now, from, to}, &m_error))
        return false;
    if (!settings.setValue(WorkspaceSettings::Key::WaitEventCursor, to)) {
        m_error = tr("Cannot save where the engine stopped reading events.");
        return false;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

} // namespace masir
