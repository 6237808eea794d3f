#include "reports/JourneyReport.h"

#include "common/Logging.h"
#include "journeys/JourneyRepository.h"
#include "journeys/NodeTypes.h"
#include "reports/DashboardReport.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace masir {

double JourneyFigures::conversionRate() const
{
    return converted < 0 || entered == 0 ? 0.0 : double(converted) / double(entered);
}

QJsonObject JourneyFigures::toJson() const
{
    QJsonArray list;
    for (const JourneyStepFigures &s : steps)
        list.append(QJsonObject{{QStringLiteral("node"), s.nodeId},
                                {QStringLiteral("type"), s.type},
                                {QStringLiteral("summary"), s.summary},
                                {QStringLiteral("waiting"), s.waiting},
                                {QStringLiteral("passed"), s.passed},
                                {QStringLiteral("converted"), s.converted}});
    return {{QStringLiteral("name"), name},
            {QStringLiteral("status"), status},
            {QStringLiteral("entered"), entered},
            {QStringLiteral("active"), active},
            {QStringLiteral("completed"), completed},
            {QStringLiteral("exited"), exited},
            {QStringLiteral("converted"), converted},
            {QStringLiteral("conversionRate"), conversionRate()},
            {QStringLiteral("medianHoursToGoal"),
             medianToGoalMs < 0 ? QJsonValue() : QJsonValue(medianToGoalMs / 3.6e6)},
            {QStringLiteral("purchases"), purchases},
            {QStringLiteral("revenue"), revenue},
            {QStringLiteral("steps"), list}};
}

QList<QStringList> JourneyFigures::rows() const
{
    QList<QStringList> out{{QStringLiteral("node"), QStringLiteral("type"),
                            QStringLiteral("summary"), QStringLiteral("waiting"),
                            QStringLiteral("passed"), QStringLiteral("converted")}};
    for (const JourneyStepFigures &s : steps)
        out << QStringList{s.nodeId,
                           s.type,
                           s.summary,
                           QString::number(s.waiting),
                           QString::number(s.passed),
                           s.converted < 0 ? QString() : QString::number(s.converted)};
    return out;
}

JourneyReport::JourneyReport(const Database &db)
    : m_db(db)
{}

std::optional<JourneyFigures> JourneyReport::build(qint64 journeyId)
{
    const ReportRead read(m_db);
    if (!read.started(m_error))
        return std::nullopt;
    const JourneyRepository journeys(m_db);
    const auto journey = journeys.find(journeyId);
    if (!journey) {
        m_error = tr("There is no such journey.");
        return std::nullopt;
    }
    JourneyFigures f;
    f.journeyId = journeyId;
    f.name = journey->name;
    f.status = journey->status;
    // the steps as drawn, top to bottom, each with its counts
    const QJsonArray nodes = journey->graph.value(QStringLiteral("nodes")).toArray();
    QStringList goals;
    QHash<QString, double> drawnAt;
    for (const QJsonValue &value : nodes) {
        const QJsonObject node = value.toObject();
        drawnAt.insert(node.value(QStringLiteral("id")).toString(),
                       node.value(QStringLiteral("y")).toDouble());
        JourneyStepFigures s;
        s.nodeId = node.value(QStringLiteral("id")).toString();
        s.type = node.value(QStringLiteral("type")).toString();
        if (const NodeType *type = NodeTypes::find(s.type)) {
            s.label = type->label();
            if (type->summary)
                s.summary = type->summary(node.value(QStringLiteral("config")).toObject());
            if (type->isGoal)
                goals << s.nodeId;
        }
        f.steps << s;
    }
    std::stable_sort(f.steps.begin(), f.steps.end(),
                     [&drawnAt](const JourneyStepFigures &a, const JourneyStepFigures &b) {
                         return drawnAt.value(a.nodeId) < drawnAt.value(b.nodeId);
                     });
    if (!goals.isEmpty()) // a step nobody reached has no one who converted either
        for (JourneyStepFigures &s : f.steps)
            s.converted = 0;
    for (const JourneyNodeCount &c : journeys.counts(journeyId))
        for (JourneyStepFigures &s : f.steps)
            if (s.nodeId == c.nodeId) {
                s.waiting = c.waiting;
                s.passed = c.passed;
                s.converted = c.converted;
            }
    if (!enrolments(f) || !timeToGoal(f, goals) || !revenue(f))
        return std::nullopt;
    return f;
}

bool JourneyReport::enrolments(JourneyFigures &f)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT state, count(*) FROM enrollments WHERE journey_id = ? "
                                  "GROUP BY state"),
                   {f.journeyId}, &m_error))
        return false;
    while (q.next()) {
        const QString state = q.value(0).toString();
        const qint64 n = q.value(1).toLongLong();
        f.entered += n;
        if (state == QLatin1String("active"))
            f.active = n;
        else if (state == QLatin1String("completed"))
            f.completed = n;
        else
            f.exited += n;
    }
    return true;
}

bool JourneyReport::timeToGoal(JourneyFigures &f, const QStringList &goals)
{
    if (goals.isEmpty())
        return true;
    QString marks;
    for (qsizetype i = 0; i < goals.size(); ++i)
        marks += i ? QStringLiteral(", ?") : QStringLiteral("?");
    QVariantList binds{f.journeyId};
    for (const QString &g : goals)
        binds << g;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT min(s.ran_at) - e.entered_at FROM enrollments e JOIN "
                                  "journey_steps s ON s.enrollment_id = e.id WHERE e.journey_id "
                                  "= ? AND s.node_id IN (%1) GROUP BY e.id, e.entered_at")
                       .arg(marks),
                   binds, &m_error))
        return false;
    std::vector<qint64> spans;
    while (q.next())
        spans.push_back(std::max<qint64>(0, q.value(0).toLongLong()));
    f.converted = qint64(spans.size());
    if (spans.empty())
        return true;
    const auto middle = spans.begin() + qsizetype(spans.size() / 2);
    std::nth_element(spans.begin(), middle, spans.end());
    f.medianToGoalMs =
        spans.size() % 2 ? *middle : (*std::max_element(spans.begin(), middle) + *middle) / 2;
    return true;
}

bool JourneyReport::revenue(JourneyFigures &f)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT coalesce(sum(conversions), 0), coalesce(sum(revenue), "
                                  "0) FROM attributed_revenue WHERE journey_id = ?"),
                   {f.journeyId}, &m_error) ||
        !q.next())
        return false;
    f.purchases = q.value(0).toLongLong();
    f.revenue = q.value(1).toDouble();
    return true;
}

} // namespace masir
