#include "reports/FunnelReport.h"

#include "common/Logging.h"
#include "contacts/Contact.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace masir {

namespace {

double ratio(qint64 part, qint64 whole)
{
    return whole > 0 ? double(part) / double(whole) : 0.0;
}

} // namespace

QJsonObject Funnel::toJson() const
{
    QJsonArray list;
    for (const FunnelStep &s : steps)
        list.append(QJsonObject{{QStringLiteral("stage"), s.stage},
                                {QStringLiteral("contacts"), s.contacts},
                                {QStringLiteral("fromPrevious"), s.fromPrevious},
                                {QStringLiteral("fromFirst"), s.fromFirst},
                                {QStringLiteral("medianHours"),
                                 s.medianMs < 0 ? QJsonValue() : QJsonValue(s.medianMs / 3.6e6)},
                                {QStringLiteral("timedContacts"), s.timed}});
    return {{QStringLiteral("from"), period.first.toString(Qt::ISODate)},
            {QStringLiteral("to"), period.last.toString(Qt::ISODate)},
            {QStringLiteral("basis"),
             basis == Basis::Cohort ? QStringLiteral("cohort") : QStringLiteral("period")},
            {QStringLiteral("steps"), list}};
}

QList<QStringList> Funnel::rows() const
{
    QList<QStringList> out{{QStringLiteral("stage"), QStringLiteral("contacts"),
                            QStringLiteral("fromPrevious"), QStringLiteral("fromFirst"),
                            QStringLiteral("medianHoursFromPrevious"),
                            QStringLiteral("timedContacts")}};
    for (const FunnelStep &s : steps)
        out << QStringList{s.stage,
                           QString::number(s.contacts),
                           QString::number(s.fromPrevious, 'f', 4),
                           QString::number(s.fromFirst, 'f', 4),
                           s.medianMs < 0 ? QString() : QString::number(s.medianMs / 3.6e6, 'f', 1),
                           QString::number(s.timed)};
    return out;
}

FunnelReport::FunnelReport(const Database &db)
    : m_db(db)
{}

QStringList FunnelReport::stages()
{
    return {QStringLiteral("subscriber"),  QStringLiteral("lead"),
            QStringLiteral("mql"),         QStringLiteral("sql"),
            QStringLiteral("opportunity"), QStringLiteral("customer")};
}

std::optional<Funnel> FunnelReport::build(const ReportPeriod &period, Funnel::Basis basis)
{
    const ReportRead read(m_db, &period); // every part sees the same workspace
    if (!read.started(m_error))
        return std::nullopt;
    Funnel f;
    f.period = period;
    f.basis = basis;
    for (const QString &stage : stages())
        f.steps << FunnelStep{stage};
    if (!count(f))
        return std::nullopt;
    const qint64 first = f.steps.first().contacts;
    for (int i = 0; i < f.steps.size(); ++i) {
        FunnelStep &s = f.steps[i];
        s.fromFirst = ratio(s.contacts, first);
        s.fromPrevious = i == 0 ? 1.0 : ratio(s.contacts, f.steps.at(i - 1).contacts);
    }
    return f;
}

bool FunnelReport::count(Funnel &f)
{
    const QVariantList range{f.period.fromMs(), f.period.toMs()};
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT count(*) FROM contacts WHERE created_at >= ? AND "
                                  "created_at < ?"),
                   range, &m_error) ||
        !q.next())
        return false;
    f.steps[0].contacts = q.value(0).toLongLong();
    q.finish();
    return f.basis == Funnel::Basis::Period ? countPeriod(f) : countCohort(f);
}

bool FunnelReport::countPeriod(Funnel &f)
{
    // each stage reached for the first time in the period, and the times to
    // it, from the (stage, reached_at, since_previous) index alone
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    for (int i = 1; i < f.steps.size(); ++i) {
        if (!Sql::exec(lcReports(), q,
                       QStringLiteral("SELECT since_previous FROM stage_reached WHERE stage = ? "
                                      "AND reached_at >= ? AND reached_at < ?"),
                       {f.steps.at(i).stage, f.period.fromMs(), f.period.toMs()}, &m_error))
            return false;
        std::vector<qint64> spans;
        qint64 n = 0;
        while (q.next()) {
            ++n;
            if (!q.isNull(0))
                spans.push_back(q.value(0).toLongLong());
        }
        q.finish();
        f.steps[i].contacts = n;
        setMedian(f.steps[i], spans);
    }
    return true;
}

bool FunnelReport::countCohort(Funnel &f)
{
    // the period's newcomers, contact by contact from the (came_at,
    // contact_id, stage, since_previous) index: how far each got (one who
    // skipped a stage passed it), and the times between stages
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!Sql::exec(lcReports(), q,
                   QStringLiteral("SELECT contact_id, stage, since_previous FROM stage_reached "
                                  "WHERE came_at >= ? AND came_at < ? ORDER BY came_at, "
                                  "contact_id"),
                   {f.period.fromMs(), f.period.toMs()}, &m_error))
        return false;
    QHash<QString, int> rank;
    for (int i = 1; i < f.steps.size(); ++i)
        rank.insert(f.steps.at(i).stage, i);
    std::vector<std::vector<qint64>> spans(f.steps.size());
    std::vector<qint64> furthest(f.steps.size(), 0); // contacts whose furthest step is i
    qint64 contact = -1;
    int reach = 0;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (id != contact) {
            ++furthest[reach];
            contact = id;
            reach = 0;
        }
        const int step = rank.value(q.value(1).toString(), 0);
        reach = std::max(reach, step);
        if (step > 0 && !q.isNull(2))
            spans[step].push_back(q.value(2).toLongLong());
    }
    if (contact >= 0)
        ++furthest[reach];
    qint64 atLeast = 0;
    for (qsizetype i = f.steps.size() - 1; i >= 1; --i) {
        atLeast += furthest[i];
        f.steps[i].contacts = atLeast;
        setMedian(f.steps[i], spans[i]);
    }
    return true;
}

void FunnelReport::setMedian(FunnelStep &s, std::vector<qint64> &spans)
{
    s.timed = qint64(spans.size());
    if (spans.empty())
        return;
    const auto middle = spans.begin() + qsizetype(spans.size() / 2);
    std::nth_element(spans.begin(), middle, spans.end());
    if (spans.size() % 2) {
        s.medianMs = *middle;
    } else {
        const qint64 upper = *middle;
        const qint64 lower = *std::max_element(spans.begin(), middle);
        s.medianMs = lower + (upper - lower) / 2;
    }
}

} // namespace masir
