#include "journeys/JourneyRepository.h"

#include "common/Logging.h"
#include "journeys/JourneyReferences.h"
#include "journeys/NodeTypes.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace masir {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, name, status, version, graph, policy, created_at, updated_at FROM journeys");

Journey readJourney(const QSqlQuery &q)
{
    Journey j;
    j.id = q.value(0).toLongLong();
    j.name = q.value(1).toString();
    j.status = q.value(2).toString();
    j.version = q.value(3).toInt();
    j.graph = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    j.policy =
        JourneyPolicy::fromJson(QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object());
    j.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC);
    j.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
    return j;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

QJsonObject JourneyPolicy::toJson() const
{
    static const char *entries[] = {"once", "always", "period"};
    QJsonObject o{{QStringLiteral("entry"), QLatin1String(entries[int(entry)])},
                  {QStringLiteral("periodDays"), periodDays},
                  {QStringLiteral("exitOnUnsubscribe"), exitOnUnsubscribe}};
    if (!quietFrom.isEmpty() && !quietTo.isEmpty()) {
        o.insert(QStringLiteral("quietFrom"), quietFrom);
        o.insert(QStringLiteral("quietTo"), quietTo);
    }
    return o;
}

JourneyPolicy JourneyPolicy::fromJson(const QJsonObject &json)
{
    JourneyPolicy p;
    const QString entry = json.value(QStringLiteral("entry")).toString();
    p.entry = entry == QLatin1String("always")   ? Entry::Always
              : entry == QLatin1String("period") ? Entry::Period
                                                 : Entry::Once;
    p.periodDays = json.value(QStringLiteral("periodDays")).toInt(30);
    p.exitOnUnsubscribe = json.value(QStringLiteral("exitOnUnsubscribe")).toBool(true);
    p.quietFrom = json.value(QStringLiteral("quietFrom")).toString();
    p.quietTo = json.value(QStringLiteral("quietTo")).toString();
    return p;
}

JourneyRepository::JourneyRepository(const Database &db)
    : m_db(db)
{}

QList<Journey> JourneyRepository::list() const
{
    QList<Journey> out;
    QSqlQuery q(m_db.connection());
    if (q.exec(kSelect + QStringLiteral(" ORDER BY name")))
        while (q.next())
            out << readJourney(q);
    return out;
}

std::optional<Journey> JourneyRepository::find(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return readJourney(q);
    return std::nullopt;
}

std::optional<Journey> JourneyRepository::findByName(const QString &name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + QStringLiteral(" WHERE name = ?"));
    q.addBindValue(name.trimmed());
    if (q.exec() && q.next())
        return readJourney(q);
    return std::nullopt;
}

bool JourneyRepository::save(Journey &journey)
{
    m_issues.clear();
    journey.name = journey.name.trimmed();
    if (journey.name.isEmpty()) {
        m_error = tr("Give the journey a name.");
        return false;
    }
    if (const auto other = findByName(journey.name); other && other->id != journey.id) {
        m_error = tr("There is already a journey called \"%1\".").arg(journey.name);
        return false;
    }
    JourneyGraph graph;
    if (!graph.fromJson(journey.graph.isEmpty() ? JourneyGraph().toJson() : journey.graph,
                        &m_error))
        return false;
    const std::optional<Journey> old = journey.id ? find(journey.id) : std::nullopt;
    const bool active = old && old->status == QLatin1String("active");
    if (active) {
        m_issues = graph.validate();
        if (!m_issues.isEmpty()) {
            m_error = tr("A running journey can only be saved without problems: %1")
                          .arg(m_issues.first().message);
            return false;
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    QSqlQuery q(m_db.connection());
    if (journey.id == 0) {
        q.prepare(QStringLiteral("INSERT INTO journeys (name, graph, policy, created_at, "
                                 "updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
        q.addBindValue(journey.name);
        q.addBindValue(compact(graph.toJson()));
        q.addBindValue(compact(journey.policy.toJson()));
        q.addBindValue(now);
        q.addBindValue(now);
    } else {
        q.prepare(QStringLiteral("UPDATE journeys SET name = ?, graph = ?, policy = ?, "
                                 "updated_at = ? WHERE id = ?"));
        q.addBindValue(journey.name);
        q.addBindValue(compact(graph.toJson()));
        q.addBindValue(compact(journey.policy.toJson()));
        q.addBindValue(now);
        q.addBindValue(journey.id);
    }
    if (journey.id == 0) {
        const auto id = Sql::insertedId(lcJourneys(), q, &m_error);
        if (!id)
            return false;
        journey.id = *id;
    } else if (!Sql::exec(lcJourneys(), q, &m_error)) {
        return false;
    }
    if (active) {
        const auto running = versionGraph(journey.id, old->version);
        if (!running || *running != graph.toJson()) {
            if (!publish(journey.id, graph.toJson(), old->version))
                return false;
        }
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    if (const auto saved = find(journey.id))
        journey = *saved;
    return true;
}

bool JourneyRepository::publish(qint64 id, const QJsonObject &graph, int currentVersion)
{
    const int version = currentVersion + 1;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO journey_versions (journey_id, version, graph, "
                             "created_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(version);
    q.addBindValue(compact(graph));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!Sql::exec(lcJourneys(), q, &m_error))
        return false;
    q.prepare(QStringLiteral("UPDATE journeys SET version = ? WHERE id = ?"));
    q.addBindValue(version);
    q.addBindValue(id);
    if (!Sql::exec(lcJourneys(), q, &m_error))
        return false;
    // In flight: onto the new version where their node still exists.
    JourneyGraph g;
    QString error;
    g.fromJson(graph, &error);
    for (const JourneyNode &n : g.nodes()) {
        q.prepare(QStringLiteral("UPDATE enrollments SET version = ? WHERE journey_id = ? AND "
                                 "state = 'active' AND node_id = ? AND version < ?"));
        q.addBindValue(version);
        q.addBindValue(id);
        q.addBindValue(n.id);
        q.addBindValue(version);
        if (!Sql::exec(lcJourneys(), q, &m_error))
            return false;
    }
    return true;
}

bool JourneyRepository::activate(qint64 id, Checks checks)
{
    m_issues.clear();
    const auto j = find(id);
    if (!j) {
        m_error = tr("The journey no longer exists.");
        return false;
    }
    JourneyGraph graph;
    if (!graph.fromJson(j->graph, &m_error))
        return false;
    m_issues = graph.validate();
    if (checks == Checks::All)
        m_issues += JourneyReferences::check(m_db, graph);
    if (!m_issues.isEmpty()) {
        m_error =
            tr("Fix %n problem(s) before starting the journey.", nullptr, int(m_issues.size()));
        return false;
    }
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    const auto running = j->version ? versionGraph(id, j->version) : std::nullopt;
    if ((!running || *running != graph.toJson()) && !publish(id, graph.toJson(), j->version))
        return false;
    QSqlQuery q(m_db.connection());
    // Triggers look at what happens from now on; a paused journey resumes where it was.
    q.prepare(
        QStringLiteral("UPDATE journeys SET status = 'active', updated_at = ?, "
                       "event_cursor = CASE WHEN status = 'paused' THEN event_cursor ELSE "
                       "(SELECT COALESCE(max(id), 0) FROM events) END, "
                       "contact_cursor = CASE WHEN status = 'paused' THEN contact_cursor ELSE "
                       "(SELECT COALESCE(max(id), 0) FROM contacts) END WHERE id = ?"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    if (!Sql::exec(lcJourneys(), q, &m_error))
        return false;
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

bool JourneyRepository::setStatus(qint64 id, const QString &status)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE journeys SET status = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1) {
        m_error =
            q.lastError().isValid() ? q.lastError().text() : tr("The journey no longer exists.");
        return false;
    }
    return true;
}

bool JourneyRepository::pause(qint64 id)
{
    return setStatus(id, QStringLiteral("paused"));
}

bool JourneyRepository::archive(qint64 id)
{
    return setStatus(id, QStringLiteral("archived"));
}

bool JourneyRepository::remove(qint64 id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM journeys WHERE id = ?"));
    q.addBindValue(id);
    if (!Sql::exec(lcJourneys(), q, &m_error))
        return false;
    return true;
}

std::optional<QJsonObject> JourneyRepository::versionGraph(qint64 id, int version) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT graph FROM journey_versions WHERE journey_id = ? AND version = ?"));
    q.addBindValue(id);
    q.addBindValue(version);
    if (q.exec() && q.next())
        return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    return std::nullopt;
}

QList<JourneyNodeCount> JourneyRepository::counts(qint64 id) const
{
    QHash<QString, JourneyNodeCount> byNode;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT node_id, count(*) FROM enrollments WHERE journey_id = ? AND "
                             "state = 'active' GROUP BY node_id"));
    q.addBindValue(id);
    if (q.exec())
        while (q.next())
            byNode[q.value(0).toString()].waiting = q.value(1).toLongLong();
    q.prepare(
        QStringLiteral("SELECT s.node_id, count(*) FROM journey_steps s JOIN enrollments e "
                       "ON e.id = s.enrollment_id WHERE e.journey_id = ? GROUP BY s.node_id"));
    q.addBindValue(id);
    if (q.exec())
        while (q.next())
            byNode[q.value(0).toString()].passed = q.value(1).toLongLong();
    // Conversion: of the contacts who passed a node, those who also reached a goal.
    QStringList goals;
    if (const auto journey = find(id))
        for (const QJsonValue &node : journey->graph.value(QStringLiteral("nodes")).toArray()) {
            const NodeType *type =
                NodeTypes::find(node.toObject().value(QStringLiteral("type")).toString());
            if (type && type->isGoal)
                goals << node.toObject().value(QStringLiteral("id")).toString();
        }
    if (!goals.isEmpty()) {
        QString marks;
        for (int i = 0; i < goals.size(); ++i)
            marks += i ? QStringLiteral(", ?") : QStringLiteral("?");
        q.prepare(QStringLiteral("SELECT s.node_id, count(DISTINCT s.enrollment_id) FROM "
                                 "journey_steps s JOIN enrollments e ON e.id = s.enrollment_id "
                                 "WHERE e.journey_id = ? AND EXISTS (SELECT 1 FROM journey_steps g "
                                 "WHERE g.enrollment_id = s.enrollment_id AND g.node_id IN (%1)) "
                                 "GROUP BY s.node_id")
                      .arg(marks));
        q.addBindValue(id);
        for (const QString &g : goals)
            q.addBindValue(g);
        for (auto it = byNode.begin(); it != byNode.end(); ++it)
            it->converted = 0;
        if (q.exec())
            while (q.next())
                byNode[q.value(0).toString()].converted = q.value(1).toLongLong();
    }
    QList<JourneyNodeCount> out;
    for (auto it = byNode.begin(); it != byNode.end(); ++it) {
        it->nodeId = it.key();
        out << *it;
    }
    std::sort(out.begin(), out.end(), [](const JourneyNodeCount &a, const JourneyNodeCount &b) {
        return a.nodeId < b.nodeId;
    });
    return out;
}

} // namespace masir
