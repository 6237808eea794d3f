#include "journeys/JourneyEngine.h"

#include "common/Logging.h"
#include "contacts/TextNormalizer.h"
#include "events/EventStore.h"
#include "journeys/NodeTypes.h"
#include "scheduler/Clock.h"
#include "scheduler/LocalTime.h"
#include "scoring/ScoreHistory.h"
#include "segments/SegmentCompiler.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <array>

namespace masir {

namespace {

constexpr qint64 kMinuteMs = 60000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr qint64 kSegmentCheckMs = kMinuteMs; ///< how often segment triggers recount
constexpr int kMaxStepsAtOnce = 64; ///< per enrolment and run: a guard, not a limit users meet

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

/// FNV-1a: the same bucket for the same enrolment and node on every machine.
int bucketOf(qint64 enrollmentId, const QString &nodeId)
{
    quint32 h = 2166136261u;
    const QByteArray key = QByteArray::number(enrollmentId) + ':' + nodeId.toUtf8();
    for (const char c : key) {
        h ^= quint8(c);
        h *= 16777619u;
    }
    return int(h % 100);
}

using LocalTime::inWindow;
using LocalTime::zoneOf;

QTime parseTime(const QString &text)
{
    return LocalTime::parse(text);
}

} // namespace

JourneyRunStats &JourneyRunStats::operator+=(const JourneyRunStats &o)
{
    enrolled += o.enrolled;
    steps += o.steps;
    queued += o.queued;
    completed += o.completed;
    exited += o.exited;
    deferred += o.deferred;
    notifications += o.notifications;
    return *this;
}

struct JourneyEngine::Compiled
{
    Journey journey; ///< name, policy, status as read
    int version = 0;
    JourneyGraph graph;
    QStringList goals;
    QHash<QString, const NodeType *> types;
    QHash<QString, CompiledSegment> rules; ///< condition and goal rules, for this run's "now"
};

/// One enrolment as it moves.
struct JourneyEngine::Context
{
    qint64 enrollmentId = 0;
    qint64 journeyId = 0;
    int version = 0;
    qint64 contactId = 0;
    QString nodeId;
    qint64 nodeSince = 0;
    int seq = 0;
    qint64 now = 0;
    // the contact, read once per run
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

JourneyEngine::JourneyEngine(const Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

JourneyEngine::~JourneyEngine() = default;

const JourneyEngine::Compiled *JourneyEngine::compiled(qint64 journeyId, int version)
{
    const QString key = QString::number(journeyId) + QLatin1Char(':') + QString::number(version);
    if (const auto it = m_graphs.constFind(key); it != m_graphs.cend())
        return it->get();
    JourneyRepository repo(m_db);
    const auto journey = repo.find(journeyId);
    const auto graph = repo.versionGraph(journeyId, version);
    if (!journey || !graph) {
        m_error = tr("Journey %1 version %2 is missing.").arg(journeyId).arg(version);
        return nullptr;
    }
    auto c = std::make_shared<Compiled>();
    c->journey = *journey;
    c->version = version;
    if (!c->graph.fromJson(*graph, &m_error))
        return nullptr;
    for (const JourneyNode &n : c->graph.nodes()) {
        c->types.insert(n.id, NodeTypes::find(n.type));
        if (n.type == QLatin1String("goal"))
            c->goals << n.id;
        if ((n.type == QLatin1String("goal") || n.type == QLatin1String("condition")) &&
            n.config.contains(QStringLiteral("rule"))) {
            QString error;
            const auto rule =
                SegmentRule::fromJson(n.config.value(QStringLiteral("rule")).toObject(), &error);
            SegmentContext sc;
            sc.now = m_clock.now();
            CompiledSegment compiledRule;
            if (rule)
                compiledRule = SegmentCompiler(m_db, sc).compile(*rule);
            else
                compiledRule.errors << SegmentError{QString(), error};
            c->rules.insert(n.id, compiledRule);
        }
    }
    m_graphs.insert(key, c);
    return c.get();
}

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

QString JourneyEngine::entryNode(const Compiled &c)
{
    // by hand or from another journey: the manual trigger, else the first trigger
    QString first;
    for (const JourneyNode &n : c.graph.nodes()) {
        if (n.type == QLatin1String("trigger.manual"))
            return n.id;
        const NodeType *t = c.types.value(n.id);
        if (first.isEmpty() && t && t->category == NodeType::Category::Trigger)
            first = n.id;
    }
    return first;
}

// --- enrolment -------------------------------------------------------------------

std::optional<qint64> JourneyEngine::enrolAt(const Journey &journey, const QString &nodeId,
                                             qint64 contactId, qint64 now)
{
    // Prepared once per engine: enrolling a large list runs these per contact.
    const int policy = int(journey.policy.entry);
    if (!m_enrolQueries) {
        m_enrolQueries = std::make_unique<EnrolQueries>();
        const QString guard =
            QStringLiteral("SELECT 1 FROM enrollments WHERE journey_id = ? AND contact_id = ?");
        const QString tails[] = {QString(), QStringLiteral(" AND state = 'active'"),
                                 QStringLiteral(" AND (state = 'active' OR entered_at > ?)")};
        for (int i = 0; i < 3; ++i) {
            m_enrolQueries->guards[i] = QSqlQuery(m_db.connection());
            m_enrolQueries->guards[i].prepare(guard + tails[i] + QStringLiteral(" LIMIT 1"));
        }
        m_enrolQueries->insert = QSqlQuery(m_db.connection());
        m_enrolQueries->insert.prepare(
            QStringLiteral("INSERT INTO enrollments (journey_id, version, contact_id, node_id, "
                           "node_since, due_at, entered_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    }
    QSqlQuery &guard = m_enrolQueries->guards[policy];
    guard.bindValue(0, journey.id);
    guard.bindValue(1, contactId);
    if (journey.policy.entry == JourneyPolicy::Entry::Period)
        guard.bindValue(2, now - qint64(std::max(journey.policy.periodDays, 0)) * kDayMs);
    if (!Sql::exec(guard, &m_error))
        return std::nullopt;
    const bool again = guard.next();
    guard.finish();
    if (again)
        return 0; // the policy says not again
    QSqlQuery &insert = m_enrolQueries->insert;
    const QVariantList values{journey.id, journey.version, contactId, nodeId, now, now, now, now};
    for (int i = 0; i < values.size(); ++i)
        insert.bindValue(i, values.at(i));
    if (!Sql::exec(insert, &m_error))
        return std::nullopt;
    return 1;
}

std::optional<qint64> JourneyEngine::enrol(qint64 journeyId, const QList<qint64> &contactIds)
{
    const auto journey = JourneyRepository(m_db).find(journeyId);
    if (!journey || journey->version == 0) {
        m_error = tr("Start the journey before adding contacts to it.");
        return std::nullopt;
    }
    const Compiled *c = compiled(journeyId, journey->version);
    if (!c)
        return std::nullopt;
    const QString entry = entryNode(*c);
    if (entry.isEmpty()) {
        m_error = tr("The journey has no trigger to enter by.");
        return std::nullopt;
    }
    Transaction tx(m_db.connection());
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    const qint64 now = m_clock.nowMs();
    qint64 n = 0;
    for (const qint64 id : contactIds) {
        const auto added = enrolAt(*journey, entry, id, now);
        if (!added)
            return std::nullopt;
        n += *added;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    return n;
}

// --- triggers --------------------------------------------------------------------

std::optional<JourneyRunStats> JourneyEngine::scanTriggers()
{
    JourneyRunStats stats;
    m_graphs.clear(); // policies and versions may have changed since the last run
    for (const Journey &j : JourneyRepository(m_db).list()) {
        if (j.status != QLatin1String("active") || j.version == 0)
            continue;
        if (!scanJourney(j, stats))
            return std::nullopt;
    }
    if (!wakeWaiting())
        return std::nullopt;
    return stats;
}

bool JourneyEngine::scanJourney(const Journey &journey, JourneyRunStats &stats)
{
    const Compiled *c = compiled(journey.id, journey.version);
    if (!c)
        return false;
    const qint64 now = m_clock.nowMs();
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    QSqlQuery q(db);
    QSqlQuery cursor(db);
    QSqlQuery state(db);
    state.prepare(QStringLiteral("SELECT event_cursor, contact_cursor, date_cursor, score_cursor "
                                 "FROM journeys WHERE id = ?"));
    state.addBindValue(journey.id);
    if (!state.exec() || !state.next()) {
        m_error = state.lastError().text();
        return false;
    }
    qint64 eventCursor = state.value(0).toLongLong();
    qint64 contactCursor = state.value(1).toLongLong();
    QString dateCursor = state.value(2).toString();
    qint64 scoreCursor = state.value(3).toLongLong();

    auto enrolled = [&](const QString &node, qint64 contact) {
        const auto n = enrolAt(journey, node, contact, now);
        if (n)
            stats.enrolled += *n;
        return n.has_value();
    };

    // Triggers fed by events: which event types each one listens to.
    QHash<QString, QStringList> listeners; // event type -> trigger node ids
    QList<const JourneyNode *> created;
    QList<const JourneyNode *> dated;
    QList<const JourneyNode *> segmented;
    QList<const JourneyNode *> scored; // fed by the score history
    for (const JourneyNode &n : c->graph.nodes()) {
        const QString &t = n.type;
        if (t == QLatin1String("trigger.tag"))
            listeners[n.config.value(QStringLiteral("change")).toString() ==
                              QLatin1String("removed")
                          ? EventType::TagRemoved
                          : EventType::TagAdded]
                << n.id;
        else if (t == QLatin1String("trigger.field_changed"))
            listeners[EventType::ContactUpdated] << n.id;
        else if (t == QLatin1String("trigger.stage_changed"))
            listeners[EventType::StageChanged] << n.id;
        else if (t == QLatin1String("trigger.event"))
            listeners[n.config.value(QStringLiteral("event")).toString()] << n.id;
        else if (t == QLatin1String("trigger.score"))
            scored << &n;
        else if (t == QLatin1String("trigger.contact_created"))
            created << &n;
        else if (t == QLatin1String("trigger.date"))
            dated << &n;
        else if (t == QLatin1String("trigger.segment"))
            segmented << &n;
    }

    if (!listeners.isEmpty()) {
        const QStringList types = listeners.keys();
        const QString in = QStringList(types.size(), QStringLiteral("?")).join(QLatin1Char(','));
        for (;;) {
            q.prepare(QStringLiteral("SELECT id, contact_id, type, payload FROM events WHERE "
                                     "id > ? AND type IN (%1) ORDER BY id LIMIT 5000")
                          .arg(in));
            q.addBindValue(eventCursor);
            for (const QString &t : types)
                q.addBindValue(t);
            if (!Sql::exec(q, &m_error))
                return false;
            int rows = 0;
            while (q.next()) {
                ++rows;
                eventCursor = q.value(0).toLongLong();
                const qint64 contact = q.value(1).toLongLong();
                const QString type = q.value(2).toString();
                const QJsonObject payload =
                    QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
                for (const QString &nodeId : listeners.value(type)) {
                    const JourneyNode *n = c->graph.node(nodeId);
                    bool match = true;
                    const QJsonObject &cfg = n->config;
                    if (n->type == QLatin1String("trigger.tag")) {
                        match =
                            TextNormalizer::forSearch(
                                payload.value(QStringLiteral("tag")).toString()) ==
                            TextNormalizer::forSearch(cfg.value(QStringLiteral("tag")).toString());
                    } else if (n->type == QLatin1String("trigger.field_changed")) {
                        match = payload.value(QStringLiteral("fields"))
                                    .toArray()
                                    .contains(cfg.value(QStringLiteral("field")));
                    } else if (n->type == QLatin1String("trigger.stage_changed")) {
                        const QString from = cfg.value(QStringLiteral("from")).toString();
                        const QString to = cfg.value(QStringLiteral("to")).toString();
                        match =
                            (from.isEmpty() ||
                             payload.value(QStringLiteral("from")).toString() == from) &&
                            (to.isEmpty() || payload.value(QStringLiteral("to")).toString() == to);
                    } else if (n->type == QLatin1String("trigger.event")) {
                        for (const QJsonValue &fv :
                             cfg.value(QStringLiteral("filters")).toArray()) {
                            const QJsonObject f = fv.toObject();
                            const QJsonValue v =
                                payload.value(f.value(QStringLiteral("property")).toString());
                            const QString op = f.value(QStringLiteral("op")).toString();
                            const QJsonValue want = f.value(QStringLiteral("value"));
                            const double a = v.isDouble() ? v.toDouble() : v.toString().toDouble();
                            const double b =
                                want.isDouble() ? want.toDouble() : want.toString().toDouble();
                            const QString as = v.isDouble() ? QString::number(a) : v.toString();
                            const QString bs =
                                want.isDouble() ? QString::number(b) : want.toString();
                            const bool ok = op == QLatin1String("gt")   ? a > b
                                            : op == QLatin1String("ge") ? a >= b
                                            : op == QLatin1String("lt") ? a < b
                                            : op == QLatin1String("le") ? a <= b
                                            : op == QLatin1String("ne") ? as != bs
                                            : op == QLatin1String("contains")
                                                ? as.contains(bs, Qt::CaseInsensitive)
                                                : as == bs;
                            match = match && ok;
                        }
                    }
                    if (match && !enrolled(nodeId, contact))
                        return false;
                }
            }
            if (rows < 5000)
                break;
        }
    }
    // Nothing listened to is left behind: start after the newest event either way.
    cursor.prepare(QStringLiteral("SELECT COALESCE(max(id), 0) FROM events"));
    if (cursor.exec() && cursor.next() && listeners.isEmpty())
        eventCursor = std::max(eventCursor, cursor.value(0).toLongLong());

    // Score thresholds: a change from below to at or above the trigger's score.
    if (!scored.isEmpty()) {
        for (;;) {
            q.prepare(QStringLiteral("SELECT id, contact_id, from_score, to_score FROM "
                                     "score_changes WHERE id > ? ORDER BY id LIMIT 5000"));
            q.addBindValue(scoreCursor);
            if (!Sql::exec(q, &m_error))
                return false;
            QList<std::array<qint64, 3>> changes; // contact, from, to
            while (q.next()) {
                scoreCursor = q.value(0).toLongLong();
                changes.append(
                    {q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()});
            }
            for (const auto &[contact, from, to] : std::as_const(changes)) {
                for (const JourneyNode *n : std::as_const(scored)) {
                    const double threshold =
                        n->config.value(QStringLiteral("threshold")).toDouble();
                    if (double(from) < threshold && double(to) >= threshold &&
                        !enrolled(n->id, contact))
                        return false;
                }
            }
            if (changes.size() < 5000)
                break;
        }
    } else {
        cursor.prepare(QStringLiteral("SELECT COALESCE(max(id), 0) FROM score_changes"));
        if (cursor.exec() && cursor.next())
            scoreCursor = std::max(scoreCursor, cursor.value(0).toLongLong());
    }

    if (!created.isEmpty()) {
        q.prepare(QStringLiteral("SELECT id FROM contacts WHERE id > ? ORDER BY id"));
        q.addBindValue(contactCursor);
        if (!Sql::exec(q, &m_error))
            return false;
        QList<qint64> ids;
        while (q.next())
            ids << q.value(0).toLongLong();
        for (const qint64 id : std::as_const(ids)) {
            for (const JourneyNode *n : std::as_const(created))
                if (!enrolled(n->id, id))
                    return false;
            contactCursor = id;
        }
    } else {
        cursor.prepare(QStringLiteral("SELECT COALESCE(max(id), 0) FROM contacts"));
        if (cursor.exec() && cursor.next())
            contactCursor = cursor.value(0).toLongLong();
    }

    // Dates: once a day per journey, at the trigger's time of day.
    const QDateTime localNow = QDateTime::fromMSecsSinceEpoch(now, QTimeZone::systemTimeZone());
    const QString today = localNow.date().toString(Qt::ISODate);
    for (const JourneyNode *n : std::as_const(dated)) {
        if (dateCursor == today)
            break;
        if (localNow.time() < parseTime(n->config.value(QStringLiteral("time")).toString()))
            continue;
        const int offset = n->config.value(QStringLiteral("offsetDays")).toInt();
        const QDate date = localNow.date().addDays(-offset);
        const bool yearly = n->config.value(QStringLiteral("yearly")).toBool(true);
        const QString field = n->config.value(QStringLiteral("field")).toString();
        QString sql;
        if (field == QLatin1String("birthday")) {
            sql = yearly
                      ? QStringLiteral("SELECT id FROM contacts WHERE substr(birthday, 6, 5) = ?")
                      : QStringLiteral("SELECT id FROM contacts WHERE birthday = ?");
        } else if (field.startsWith(QLatin1String("custom."))) {
            sql = QStringLiteral("SELECT v.contact_id FROM contact_values v JOIN fields f ON "
                                 "f.id = v.field_id WHERE f.key = ? AND ") +
                  (yearly ? QStringLiteral("substr(v.value, 6, 5) = ?")
                          : QStringLiteral("v.value = ?"));
        } else {
            continue;
        }
        q.prepare(sql);
        if (field.startsWith(QLatin1String("custom.")))
            q.addBindValue(field.mid(7));
        q.addBindValue(yearly ? date.toString(QStringLiteral("MM-dd"))
                              : date.toString(Qt::ISODate));
        if (!Sql::exec(q, &m_error))
            return false;
        QList<qint64> ids;
        while (q.next())
            ids << q.value(0).toLongLong();
        for (const qint64 id : std::as_const(ids))
            if (!enrolled(n->id, id))
                return false;
        dateCursor = today;
    }
    if (dated.isEmpty())
        dateCursor = today;

    // Segments: who is in now against who was in at the last look (at most once a
    // minute per trigger; the first look only takes the picture).
    for (const JourneyNode *n : std::as_const(segmented)) {
        QSqlQuery check(db);
        check.prepare(QStringLiteral("SELECT checked_at FROM journey_segment_checks WHERE "
                                     "journey_id = ? AND node_id = ?"));
        check.addBindValue(journey.id);
        check.addBindValue(n->id);
        if (!Sql::exec(check, &m_error))
            return false;
        const bool seen = check.next();
        if (seen && now - check.value(0).toLongLong() < kSegmentCheckMs)
            continue;
        check.finish();
        SegmentRepository segments(m_db);
        const auto segment =
            segments.findByName(n->config.value(QStringLiteral("segment")).toString());
        if (!segment)
            continue; // validation names it; a segment deleted later just stops matching
        const CompiledSegment members = segments.filter(segment->id);
        if (!members.ok())
            continue;
        if (!Sql::exec(q,
                       QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS segment_now "
                                      "(contact_id BIGINT PRIMARY KEY)"),
                       {}, &m_error) ||
            !Sql::exec(q, QStringLiteral("DELETE FROM segment_now"), {}, &m_error) ||
            !Sql::exec(
                q, QStringLiteral("INSERT INTO segment_now ") + SegmentCompiler::idsSql(members),
                members.binds, &m_error))
            return false;
        if (seen) {
            const bool entered =
                n->config.value(QStringLiteral("change")).toString() != QLatin1String("left");
            const QString sql =
                entered ? QStringLiteral("SELECT contact_id FROM segment_now WHERE contact_id NOT "
                                         "IN (SELECT contact_id FROM journey_segment_state WHERE "
                                         "journey_id = ? AND node_id = ?)")
                        : QStringLiteral("SELECT contact_id FROM journey_segment_state WHERE "
                                         "journey_id = ? AND node_id = ? AND contact_id NOT IN "
                                         "(SELECT contact_id FROM segment_now)");
            if (!Sql::exec(q, sql, {journey.id, n->id}, &m_error))
                return false;
            QList<qint64> ids;
            while (q.next())
                ids << q.value(0).toLongLong();
            for (const qint64 id : std::as_const(ids))
                if (!enrolled(n->id, id))
                    return false;
        }
        if (!Sql::exec(q,
                       QStringLiteral("DELETE FROM journey_segment_state WHERE journey_id = ? "
                                      "AND node_id = ?"),
                       {journey.id, n->id}, &m_error) ||
            !Sql::exec(q,
                       QStringLiteral("INSERT INTO journey_segment_state SELECT ?, ?, "
                                      "contact_id FROM segment_now"),
                       {journey.id, n->id}, &m_error) ||
            !Sql::exec(q,
                       QStringLiteral("INSERT INTO journey_segment_checks (journey_id, node_id, "
                                      "checked_at) VALUES (?, ?, ?) ON CONFLICT (journey_id, "
                                      "node_id) DO UPDATE SET checked_at = excluded.checked_at"),
                       {journey.id, n->id, now}, &m_error))
            return false;
    }

    state.prepare(QStringLiteral("UPDATE journeys SET event_cursor = ?, contact_cursor = ?, "
                                 "date_cursor = ?, score_cursor = ? WHERE id = ?"));
    for (const QVariant &v :
         QVariantList{eventCursor, contactCursor, dateCursor, scoreCursor, journey.id})
        state.addBindValue(v);
    if (!Sql::exec(state, &m_error))
        return false;
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

bool JourneyEngine::wakeWaiting()
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    WorkspaceSettings settings(m_db);
    const qint64 from = settings.value(WorkspaceSettings::Key::WaitEventCursor).toLongLong();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(max(id), 0) FROM events")) || !q.next()) {
        m_error = q.lastError().text();
        return false;
    }
    const qint64 to = q.value(0).toLongLong();
    if (to <= from)
        return true;
    // A contact waiting for an event that has now happened goes on at once.
    q.prepare(QStringLiteral(
        "UPDATE enrollments SET due_at = ? WHERE state = 'active' AND wait_event <> '' AND "
        "due_at > ? AND id IN (SELECT en.id FROM events ev JOIN enrollments en ON "
        "en.contact_id = ev.contact_id AND en.wait_event = ev.type WHERE ev.id > ? AND "
        "ev.id <= ? AND en.state = 'active' AND ev.occurred_at >= en.node_since)"));
    const qint64 now = m_clock.nowMs();
    for (const QVariant &v : QVariantList{now, now, from, to})
        q.addBindValue(v);
    if (!Sql::exec(q, &m_error))
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

// --- running steps ---------------------------------------------------------------------

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
    Transaction tx(db);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    QSqlQuery due(db);
    due.setForwardOnly(true);
    due.prepare(QStringLiteral(
        "SELECT e.id, e.journey_id, e.version, e.contact_id, e.node_id, e.node_since, e.seq, "
        "c.status, c.email, c.phone, c.email_consent, c.sms_consent, c.timezone, c.owner, "
        "c.stage, s.score FROM enrollments e JOIN journeys j ON j.id = e.journey_id "
        "JOIN contacts c ON c.id = e.contact_id JOIN contact_scores s ON s.contact_id = c.id "
        "WHERE e.state = 'active' AND e.due_at <= ? "
        "AND j.status = 'active' ORDER BY e.due_at LIMIT ?"));
    due.addBindValue(now);
    due.addBindValue(batchSize);
    if (!Sql::exec(due, &m_error))
        return false;
    QList<Context> batch;
    while (due.next()) {
        Context c;
        c.enrollmentId = due.value(0).toLongLong();
        c.journeyId = due.value(1).toLongLong();
        c.version = due.value(2).toInt();
        c.contactId = due.value(3).toLongLong();
        c.nodeId = due.value(4).toString();
        c.nodeSince = due.value(5).toLongLong();
        c.seq = due.value(6).toInt();
        c.status = due.value(7).toString();
        c.email = due.value(8).toString();
        c.phone = due.value(9).toString();
        c.emailConsent = due.value(10).toString();
        c.smsConsent = due.value(11).toString();
        c.timezone = due.value(12).toString();
        c.owner = due.value(13).toString();
        c.stage = due.value(14).toString();
        c.score = due.value(15).toLongLong();
        c.now = now;
        batch << c;
    }
    due.finish();
    if (batch.isEmpty())
        return tx.commit();

    QSqlQuery step(db);
    step.prepare(QStringLiteral("INSERT INTO journey_steps (enrollment_id, node_id, occurrence, "
                                "port, outcome, ran_at) VALUES (?, ?, ?, ?, ?, ?) "
                                "ON CONFLICT DO NOTHING"));
    QSqlQuery move(db);
    move.prepare(QStringLiteral("UPDATE enrollments SET node_id = ?, node_since = ?, due_at = ?, "
                                "seq = ?, state = ?, wait_event = ?, exit_reason = ?, "
                                "updated_at = ? WHERE id = ?"));
    QSqlQuery outbox(db);
    outbox.prepare(QStringLiteral(
        "INSERT INTO outbox (idempotency_key, channel, contact_id, journey_id, enrollment_id, "
        "node_id, template, payload, marketing, due_at, created_at, updated_at, recipient) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    QSqlQuery sentToday(db); // marketing emails in the last 24 hours, across journeys
    sentToday.prepare(QStringLiteral(
        "SELECT count(*), min(created_at) FROM outbox WHERE contact_id = ? AND channel = 'email' "
        "AND created_at > ? AND marketing = 1 AND state NOT IN ('cancelled', 'suppressed')"));
    QSqlQuery q(db);
    EventStore events(db);
    const int emailsPerDay =
        WorkspaceSettings(m_db).value(WorkspaceSettings::Key::EmailsPerDay).toInt();

    auto exec = [&](QSqlQuery &query, const QVariantList &binds) {
        for (int i = 0; i < binds.size(); ++i)
            query.bindValue(i, binds.at(i));
        if (query.exec())
            return true;
        m_error = query.lastError().text();
        qCWarning(lcContacts) << "journeys:" << query.lastQuery() << m_error;
        return false;
    };
    auto matches = [&](const Compiled *g, const QString &nodeId, qint64 contactId) {
        const CompiledSegment &rule = g->rules.value(nodeId);
        if (!rule.ok())
            return false;
        q.prepare(QStringLiteral("SELECT 1 FROM contacts WHERE contacts.id = ? AND (") +
                  rule.where + QLatin1Char(')'));
        q.addBindValue(contactId);
        for (const QVariant &b : rule.binds)
            q.addBindValue(b);
        return q.exec() && q.next();
    };

    // A goal pulls a contact once: not again after they passed through it.
    QSqlQuery passed(db);
    passed.prepare(QStringLiteral(
        "SELECT 1 FROM journey_steps WHERE enrollment_id = ? AND node_id = ? LIMIT 1"));
    auto reached = [&](qint64 enrollmentId, const QString &nodeId) {
        passed.bindValue(0, enrollmentId);
        passed.bindValue(1, nodeId);
        const bool yes = passed.exec() && passed.next();
        passed.finish();
        return yes;
    };

    for (Context &c : batch) {
        const Compiled *g = compiled(c.journeyId, c.version);
        if (!g)
            return false;
        QString state = QStringLiteral("active");
        QString exitReason;
        qint64 dueAt = c.now;
        QString waitEvent;
        bool stop = false;
        for (int guard = 0; guard < kMaxStepsAtOnce && !stop; ++guard) {
            const JourneyNode *node = g->graph.node(c.nodeId);
            const NodeType *type = node ? g->types.value(c.nodeId) : nullptr;
            if (!node || !type) {
                state = QStringLiteral("exited");
                exitReason = QStringLiteral("node_removed");
                break;
            }
            if (g->journey.policy.exitOnUnsubscribe && c.status != QLatin1String("active")) {
                state = QStringLiteral("exited");
                exitReason = c.status; // unsubscribed, bounced, complained
                break;
            }
            // A goal met anywhere pulls the contact to it.
            if (type->category != NodeType::Category::Trigger &&
                node->type != QLatin1String("goal")) {
                bool jumped = false;
                for (const QString &goal : g->goals) {
                    if (matches(g, goal, c.contactId) && !reached(c.enrollmentId, goal)) {
                        c.nodeId = goal;
                        c.nodeSince = c.now;
                        jumped = true;
                        break;
                    }
                }
                if (jumped)
                    continue;
            }

            // Decide where the contact goes; nothing is written yet.
            const QJsonObject &cfg = node->config;
            const QString &t = node->type;
            QString port = QStringLiteral("next");
            QString outcome;
            qint64 waitUntil = 0;
            if (t == QLatin1String("wait.duration")) {
                const QString unit = cfg.value(QStringLiteral("unit")).toString();
                const qint64 ms = unit == QLatin1String("minutes") ? kMinuteMs
                                  : unit == QLatin1String("hours") ? kHourMs
                                                                   : kDayMs;
                const qint64 until = c.nodeSince + cfg.value(QStringLiteral("amount")).toInt() * ms;
                if (c.now < until)
                    waitUntil = until;
            } else if (t == QLatin1String("wait.until")) {
                if (cfg.value(QStringLiteral("mode")).toString() == QLatin1String("datetime")) {
                    const qint64 until =
                        QDateTime::fromString(cfg.value(QStringLiteral("at")).toString(),
                                              Qt::ISODate)
                            .toMSecsSinceEpoch();
                    if (c.now < until)
                        waitUntil = until;
                } else {
                    // the next moment inside the weekday and hours window, in the contact's zone
                    const QTimeZone zone = zoneOf(c.timezone);
                    QList<int> days;
                    for (const QJsonValue &d : cfg.value(QStringLiteral("days")).toArray())
                        days << d.toInt();
                    const QTime from = parseTime(cfg.value(QStringLiteral("from")).toString());
                    const QTime to = parseTime(cfg.value(QStringLiteral("to")).toString());
                    const QDateTime local = QDateTime::fromMSecsSinceEpoch(c.now, zone);
                    const bool open =
                        days.contains(local.date().dayOfWeek()) && inWindow(local.time(), from, to);
                    if (!open) {
                        for (int d = 0; d <= 7; ++d) {
                            const QDate day = local.date().addDays(d);
                            const QDateTime start(day, from, zone);
                            if (days.contains(day.dayOfWeek()) &&
                                start.toMSecsSinceEpoch() > c.now) {
                                waitUntil = start.toMSecsSinceEpoch();
                                break;
                            }
                        }
                    }
                }
            } else if (t == QLatin1String("wait.event")) {
                const QString event = cfg.value(QStringLiteral("event")).toString();
                q.prepare(QStringLiteral("SELECT 1 FROM events WHERE contact_id = ? AND "
                                         "occurred_at >= ? AND type = ? LIMIT 1"));
                q.addBindValue(c.contactId);
                q.addBindValue(c.nodeSince);
                q.addBindValue(event);
                if (!Sql::exec(q, &m_error))
                    return false;
                const qint64 timeout =
                    c.nodeSince +
                    qint64(cfg.value(QStringLiteral("timeoutHours")).toDouble() * kHourMs);
                if (q.next()) {
                    port = QStringLiteral("yes");
                } else if (c.now >= timeout) {
                    port = QStringLiteral("timeout");
                } else {
                    waitUntil = timeout;
                    waitEvent = event;
                }
            } else if (t == QLatin1String("condition")) {
                bool yes = false;
                if (cfg.contains(QStringLiteral("message"))) {
                    // the outcome of an earlier send of this enrolment
                    const QString outcomeWanted = cfg.value(QStringLiteral("outcome")).toString();
                    q.prepare(QStringLiteral("SELECT id FROM outbox WHERE enrollment_id = ? AND "
                                             "node_id = ? ORDER BY id DESC LIMIT 1"));
                    q.addBindValue(c.enrollmentId);
                    q.addBindValue(cfg.value(QStringLiteral("message")).toString());
                    qint64 outboxId = 0;
                    if (q.exec() && q.next())
                        outboxId = q.value(0).toLongLong();
                    auto happened = [&](const QStringList &types) {
                        if (!outboxId)
                            return false;
                        q.prepare(QStringLiteral("SELECT 1 FROM events WHERE contact_id = ? AND "
                                                 "type IN (?, ?) AND CAST(%1 AS INTEGER) = ? "
                                                 "LIMIT 1")
                                      .arg(SqlDialect::jsonValue(QStringLiteral("payload"))));
                        q.addBindValue(c.contactId);
                        q.addBindValue(types.value(0));
                        q.addBindValue(types.value(1, types.value(0)));
                        q.addBindValue(SqlDialect::jsonPath(QStringLiteral("outbox")));
                        q.addBindValue(outboxId);
                        return q.exec() && q.next();
                    };
                    const bool clicked = happened({EventType::EmailClicked});
                    const bool opened = clicked || happened({EventType::EmailOpened});
                    yes = outcomeWanted == QLatin1String("clicked")  ? clicked
                          : outcomeWanted == QLatin1String("opened") ? opened
                                                                     : !opened;
                } else {
                    yes = matches(g, node->id, c.contactId);
                }
                port = yes ? QStringLiteral("yes") : QStringLiteral("no");
            } else if (t == QLatin1String("split")) {
                const int bucket = bucketOf(c.enrollmentId, node->id);
                const QJsonArray branches = cfg.value(QStringLiteral("branches")).toArray();
                int upTo = 0;
                for (qsizetype i = 0; i < branches.size(); ++i) {
                    upTo += branches.at(i).toObject().value(QStringLiteral("percent")).toInt();
                    if (bucket < upTo || i == branches.size() - 1) {
                        port = QString(QChar(u'a' + char16_t(i)));
                        break;
                    }
                }
            } else if (t == QLatin1String("action.email") || t == QLatin1String("action.sms")) {
                const bool email = t == QLatin1String("action.email");
                const bool reachable =
                    c.status == QLatin1String("active") &&
                    (email ? !c.email.isEmpty() && c.emailConsent != QLatin1String("withdrawn")
                           : !c.phone.isEmpty() && c.smsConsent != QLatin1String("withdrawn"));
                if (!reachable) {
                    outcome = QStringLiteral("skipped: not reachable on this channel");
                } else {
                    // Quiet hours in the contact's zone, then the daily cap across journeys.
                    if (const auto quietEnd = LocalTime::endOfQuietHours(
                            c.now, c.timezone, g->journey.policy.quietFrom,
                            g->journey.policy.quietTo)) {
                        waitUntil = *quietEnd;
                    } else if (email && emailsPerDay > 0 &&
                               !cfg.value(QStringLiteral("transactional")).toBool()) {
                        if (!exec(sentToday, {c.contactId, c.now - kDayMs}) || !sentToday.next())
                            return false;
                        if (sentToday.value(0).toInt() >= emailsPerDay)
                            waitUntil = sentToday.value(1).toLongLong() + kDayMs;
                        sentToday.finish();
                    }
                    if (waitUntil)
                        ++stats.deferred;
                }
            } else if (t == QLatin1String("exit") || t == QLatin1String("action.remove")) {
                port.clear();
            }

            if (waitUntil > c.now) {
                dueAt = waitUntil;
                stop = true;
                break;
            }
            waitEvent.clear();

            // The step: once, with its effects, or not at all.
            if (!exec(step, {c.enrollmentId, c.nodeId, c.seq, SqlValues::text(port),
                             SqlValues::text(outcome), c.now}))
                return false;
            if (step.numRowsAffected() == 0) {
                // The log says this step ran, yet the enrolment is still before it: never
                // run it twice; take the contact out and say why.
                qCWarning(lcContacts)
                    << "journeys: step already ran" << c.enrollmentId << c.nodeId << c.seq;
                state = QStringLiteral("exited");
                exitReason = QStringLiteral("step_already_ran");
                break;
            }
            ++stats.steps;
            ++c.seq;

            const QString key =
                QStringLiteral("journey:%1:%2:%3").arg(c.enrollmentId).arg(c.nodeId).arg(c.seq - 1);
            if ((t == QLatin1String("action.email") || t == QLatin1String("action.sms")) &&
                outcome.isEmpty()) {
                const bool email = t == QLatin1String("action.email");
                const QJsonObject payload{
                    {QStringLiteral("template"), cfg.value(QStringLiteral("template"))},
                    {QStringLiteral("to"), email ? c.email : c.phone},
                    {QStringLiteral("journey"), g->journey.name}};
                if (!exec(outbox,
                          {key, email ? QStringLiteral("email") : QStringLiteral("sms"),
                           c.contactId, c.journeyId, c.enrollmentId, c.nodeId,
                           cfg.value(QStringLiteral("template")).toString(), compact(payload),
                           cfg.value(QStringLiteral("transactional")).toBool() ? 0 : 1, c.now,
                           c.now, c.now, SqlValues::text(email ? c.email : c.phone)}))
                    return false;
                stats.queued += outbox.numRowsAffected();
            } else if (t == QLatin1String("action.webhook")) {
                const QJsonObject payload{
                    {QStringLiteral("url"), cfg.value(QStringLiteral("url"))},
                    {QStringLiteral("allowPrivate"), cfg.value(QStringLiteral("allowPrivate"))},
                    {QStringLiteral("body"),
                     QJsonObject{
                         {QStringLiteral("contact"), c.contactId},
                         {QStringLiteral("email"), c.email},
                         {QStringLiteral("journey"), g->journey.name},
                         {QStringLiteral("node"), c.nodeId},
                         {QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(c.now, Qt::UTC)
                                                    .toString(Qt::ISODateWithMs)}}}};
                if (!exec(outbox,
                          {key, QStringLiteral("webhook"), c.contactId, c.journeyId, c.enrollmentId,
                           c.nodeId, SqlValues::text(QString()), compact(payload), 0, c.now, c.now,
                           c.now, cfg.value(QStringLiteral("url")).toString()}))
                    return false;
                stats.queued += outbox.numRowsAffected();
            } else if (t == QLatin1String("action.tag")) {
                const QString name = TextNormalizer::normalize(
                    cfg.value(QStringLiteral("tag")).toString().simplified());
                const QString nameKey = TextNormalizer::forSearch(name);
                const bool add =
                    cfg.value(QStringLiteral("op")).toString() != QLatin1String("remove");
                if (add) {
                    q.prepare(QStringLiteral("INSERT INTO tags (name, name_key, created_at) VALUES "
                                             "(?, ?, ?) ON CONFLICT DO NOTHING"));
                    q.addBindValue(name);
                    q.addBindValue(nameKey);
                    q.addBindValue(c.now);
                    if (!Sql::exec(q, &m_error))
                        return false;
                    q.prepare(QStringLiteral(
                        "INSERT INTO contact_tags (contact_id, tag_id, added_at) SELECT ?, id, ? "
                        "FROM tags WHERE name_key = ? ON CONFLICT DO NOTHING"));
                    q.addBindValue(c.contactId);
                    q.addBindValue(c.now);
                    q.addBindValue(nameKey);
                } else {
                    q.prepare(QStringLiteral("DELETE FROM contact_tags WHERE contact_id = ? AND "
                                             "tag_id IN (SELECT id FROM tags WHERE name_key = ?)"));
                    q.addBindValue(c.contactId);
                    q.addBindValue(nameKey);
                }
                if (!Sql::exec(q, &m_error))
                    return false;
                if (q.numRowsAffected() > 0 &&
                    !events.append(c.contactId, add ? EventType::TagAdded : EventType::TagRemoved,
                                   QDateTime::fromMSecsSinceEpoch(c.now, Qt::UTC),
                                   {{QStringLiteral("tag"), name},
                                    {QStringLiteral("journey"), g->journey.name}})) {
                    m_error = events.errorString();
                    return false;
                }
            } else if (t == QLatin1String("action.field")) {
                static const QStringList columns = {
                    QStringLiteral("first_name"), QStringLiteral("last_name"),
                    QStringLiteral("company"),    QStringLiteral("city"),
                    QStringLiteral("country"),    QStringLiteral("language"),
                    QStringLiteral("source"),     QStringLiteral("owner")};
                const QString field = cfg.value(QStringLiteral("field")).toString();
                const QString value = TextNormalizer::normalize(
                    cfg.value(QStringLiteral("value")).toVariant().toString());
                if (columns.contains(field)) {
                    // the column name comes from the list above, never from the file
                    q.prepare(QStringLiteral("UPDATE contacts SET %1 = ?, updated_at = ? WHERE "
                                             "id = ?")
                                  .arg(field));
                    q.addBindValue(SqlValues::text(value));
                    q.addBindValue(c.now);
                    q.addBindValue(c.contactId);
                } else if (field.startsWith(QLatin1String("custom."))) {
                    q.prepare(QStringLiteral(
                        "INSERT INTO contact_values (contact_id, field_id, value) SELECT ?, id, ? "
                        "FROM fields WHERE key = ? ON CONFLICT (contact_id, field_id) DO UPDATE "
                        "SET value = excluded.value"));
                    q.addBindValue(c.contactId);
                    q.addBindValue(SqlValues::text(value));
                    q.addBindValue(field.mid(7));
                } else {
                    outcome = QStringLiteral("skipped: unknown field");
                }
                if (outcome.isEmpty()) {
                    if (!Sql::exec(q, &m_error))
                        return false;
                    events.append(c.contactId, EventType::ContactUpdated,
                                  QDateTime::fromMSecsSinceEpoch(c.now, Qt::UTC),
                                  {{QStringLiteral("fields"), QJsonArray{field}},
                                   {QStringLiteral("journey"), g->journey.name}});
                }
            } else if (t == QLatin1String("action.stage")) {
                const QString to = cfg.value(QStringLiteral("stage")).toString();
                if (to != c.stage) {
                    q.prepare(QStringLiteral("UPDATE contacts SET stage = ?, updated_at = ? WHERE "
                                             "id = ?"));
                    q.addBindValue(to);
                    q.addBindValue(c.now);
                    q.addBindValue(c.contactId);
                    if (!Sql::exec(q, &m_error))
                        return false;
                    events.append(c.contactId, EventType::StageChanged,
                                  QDateTime::fromMSecsSinceEpoch(c.now, Qt::UTC),
                                  {{QStringLiteral("from"), c.stage},
                                   {QStringLiteral("to"), to},
                                   {QStringLiteral("journey"), g->journey.name}});
                    c.stage = to;
                }
            } else if (t == QLatin1String("action.score")) {
                const int points = cfg.value(QStringLiteral("points")).toInt();
                q.prepare(QStringLiteral(
                    "UPDATE contact_scores SET score = score + ? WHERE contact_id = ?"));
                q.addBindValue(points);
                q.addBindValue(c.contactId);
                if (!Sql::exec(q, &m_error))
                    return false;
                ScoreHistory history(db);
                if (!history.append(c.contactId, QDateTime::fromMSecsSinceEpoch(c.now, Qt::UTC),
                                    c.score, c.score + points, QStringLiteral("journey"))) {
                    m_error = history.errorString();
                    return false;
                }
                c.score += points;
            } else if (t == QLatin1String("action.task")) {
                q.prepare(QStringLiteral("INSERT INTO tasks (contact_id, title, owner, due_at, "
                                         "created_at) VALUES (?, ?, ?, ?, ?)"));
                q.addBindValue(c.contactId);
                q.addBindValue(cfg.value(QStringLiteral("title")).toString());
                q.addBindValue(SqlValues::text(c.owner));
                q.addBindValue(c.now + cfg.value(QStringLiteral("dueDays")).toInt() * kDayMs);
                q.addBindValue(c.now);
                if (!Sql::exec(q, &m_error))
                    return false;
            } else if (t == QLatin1String("action.notify")) {
                const QString message = cfg.value(QStringLiteral("message")).toString();
                q.prepare(QStringLiteral("INSERT INTO notifications (contact_id, message, source, "
                                         "created_at) VALUES (?, ?, ?, ?)"));
                q.addBindValue(c.contactId);
                q.addBindValue(message);
                q.addBindValue(g->journey.name);
                q.addBindValue(c.now);
                if (!Sql::exec(q, &m_error))
                    return false;
                stats.notifications << message;
            } else if (t == QLatin1String("action.enrol")) {
                const auto other = JourneyRepository(m_db).findByName(
                    cfg.value(QStringLiteral("journey")).toString());
                const Compiled *og = other && other->status == QLatin1String("active") &&
                                             other->version > 0 && other->id != c.journeyId
                                         ? compiled(other->id, other->version)
                                         : nullptr;
                const QString entry = og ? entryNode(*og) : QString();
                if (entry.isEmpty()) {
                    outcome = QStringLiteral("skipped: the other journey is not running");
                } else {
                    const auto n = enrolAt(og->journey, entry, c.contactId, c.now);
                    if (!n)
                        return false;
                    stats.enrolled += *n;
                }
            }

            if (port.isEmpty()) {
                state = t == QLatin1String("action.remove") ? QStringLiteral("exited")
                                                            : QStringLiteral("completed");
                exitReason =
                    t == QLatin1String("action.remove") ? QStringLiteral("removed") : QString();
                break;
            }
            const QString next = g->graph.target(c.nodeId, port);
            if (next.isEmpty()) {
                state = QStringLiteral("completed"); // the path ends here
                break;
            }
            c.nodeId = next;
            c.nodeSince = c.now;
        }
        if (state == QLatin1String("completed"))
            ++stats.completed;
        else if (state == QLatin1String("exited"))
            ++stats.exited;
        const QVariant dueValue = state == QLatin1String("active")
                                      ? QVariant(dueAt)
                                      : QVariant(QMetaType(QMetaType::LongLong));
        if (!exec(move, {c.nodeId, c.nodeSince, dueValue, c.seq, state, SqlValues::text(waitEvent),
                         SqlValues::text(exitReason), c.now, c.enrollmentId}))
            return false;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    *more = batch.size() == batchSize;
    return true;
}

} // namespace masir
