#include "crm/Deals.h"

#include "common/Logging.h"
#include "crm/Tasks.h"
#include "events/EventStore.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"
#include "storage/Transaction.h"

#include <QCalendar>
#include <QMap>

namespace masir {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT d.id, d.pipeline_id, d.stage_id, d.contact_id, d.title, d.amount, d.currency, "
    "d.expected_close, d.owner, d.created_at, d.stage_at, d.activity_at, d.closed_at, "
    "c.first_name, c.last_name, c.email, c.phone, d.external_source, d.external_id FROM deals d "
    "LEFT JOIN contacts c ON c.id = d.contact_id ");

QDateTime timeOf(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

Deal dealOf(const QSqlQuery &q)
{
    Deal d;
    d.id = q.value(0).toLongLong();
    d.pipelineId = q.value(1).toLongLong();
    d.stageId = q.value(2).toLongLong();
    d.contactId = q.value(3).toLongLong();
    d.title = q.value(4).toString();
    d.amount = q.value(5).toDouble();
    d.currency = q.value(6).toString();
    d.expectedClose = QDate::fromString(q.value(7).toString(), Qt::ISODate);
    d.owner = q.value(8).toString();
    d.createdAt = timeOf(q.value(9));
    d.stageAt = timeOf(q.value(10));
    d.activityAt = timeOf(q.value(11));
    d.closedAt = timeOf(q.value(12));
    const QString name =
        QString(q.value(13).toString() + QLatin1Char(' ') + q.value(14).toString()).trimmed();
    d.contactName = !name.isEmpty()                     ? name
                    : !q.value(15).toString().isEmpty() ? q.value(15).toString()
                                                        : q.value(16).toString();
    d.externalSource = q.value(17).toString();
    d.externalId = q.value(18).toString();
    return d;
}

bool isClosed(const PipelineStage &s)
{
    return s.outcome != PipelineStage::Outcome::Open;
}

bool isWon(const PipelineStage *s)
{
    return s && s->outcome == PipelineStage::Outcome::Won;
}

} // namespace

Deals::Deals(QSqlDatabase db)
    : m_db(std::move(db))
    , m_events(std::make_unique<EventStore>(m_db))
    , m_tasks(std::make_unique<Tasks>(m_db))
{}

Deals::~Deals() = default;

bool Deals::writeRevenue(const Deal &deal, double amount, qint64 atMs, const QString &why)
{
    if (!deal.contactId || amount == 0)
        return true;
    if (!m_events->append(deal.contactId, EventType::Purchase, atMs,
                          {{QStringLiteral("amount"), amount},
                           {QStringLiteral("currency"), deal.currency},
                           {QStringLiteral("deal"), deal.id},
                           {QStringLiteral("title"), deal.title},
                           {QStringLiteral("source"), QStringLiteral("deal")},
                           {QStringLiteral("reason"), why}})) {
        m_error = m_events->errorString();
        return false;
    }
    return true;
}

bool Deals::stageEvent(const Deal &deal, const Pipeline &pipeline, const PipelineStage *from,
                       const PipelineStage &to, qint64 atMs)
{
    if (!deal.contactId)
        return true;
    QJsonObject payload{{QStringLiteral("deal"), deal.id},
                        {QStringLiteral("title"), deal.title},
                        {QStringLiteral("pipeline"), pipeline.name},
                        {QStringLiteral("to"), to.key},
                        {QStringLiteral("to_name"), to.label()},
                        {QStringLiteral("outcome"), Pipelines::outcomeKey(to.outcome)},
                        {QStringLiteral("amount"), deal.amount},
                        {QStringLiteral("currency"), deal.currency}};
    if (from) {
        payload.insert(QStringLiteral("from"), from->key);
        payload.insert(QStringLiteral("from_name"), from->label());
    }
    if (!m_events->append(deal.contactId,
                          from ? EventType::DealStageChanged : EventType::DealCreated, atMs,
                          payload)) {
        m_error = m_events->errorString();
        return false;
    }
    return true;
}

std::optional<qint64> Deals::create(const Deal &input, qint64 atMs)
{
    if (input.title.trimmed().isEmpty()) {
        m_error = tr("A deal needs a title.");
        return std::nullopt;
    }
    if (input.amount < 0) {
        m_error = tr("A deal's amount cannot be negative.");
        return std::nullopt;
    }
    const std::optional<Pipeline> pipeline = Pipelines(m_db).find(input.pipelineId);
    if (!pipeline || pipeline->stages.isEmpty()) {
        m_error = tr("The pipeline no longer exists.");
        return std::nullopt;
    }
    const PipelineStage *stage =
        input.stageId ? pipeline->stage(input.stageId) : &pipeline->stages.first();
    if (!stage) {
        m_error = tr("The stage is not one of the pipeline \"%1\".").arg(pipeline->name);
        return std::nullopt;
    }
    Transaction tx(m_db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO deals (pipeline_id, stage_id, contact_id, title, "
                             "amount, currency, expected_close, owner, created_at, stage_at, "
                             "activity_at, closed_at, external_source, external_id) VALUES (?, ?, "
                             "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    for (const QVariant &v : QVariantList{
             pipeline->id, stage->id, SqlValues::orNull(input.contactId), input.title.trimmed(),
             input.amount, SqlValues::text(input.currency.trimmed().toUpper()),
             SqlValues::text(input.expectedClose.toString(Qt::ISODate)),
             SqlValues::text(input.owner), atMs, atMs, atMs,
             isClosed(*stage) ? SqlValues::orNull(atMs) : SqlValues::orNull(0),
             SqlValues::text(input.externalSource), SqlValues::text(input.externalId)})
        q.addBindValue(v);
    const std::optional<qint64> id = Sql::insertedId(lcCrm(), q, &m_error);
    if (!id || !*id)
        return std::nullopt;
    Deal deal = input;
    deal.id = *id;
    deal.stageId = stage->id;
    deal.currency = input.currency.trimmed().toUpper();
    if (!stageEvent(deal, *pipeline, nullptr, *stage, atMs) ||
        (isWon(stage) && !writeRevenue(deal, deal.amount, atMs, QStringLiteral("won"))))
        return std::nullopt;
    if (!tx.commit()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    return id;
}

bool Deals::update(const Deal &deal, qint64 atMs)
{
    if (deal.title.trimmed().isEmpty()) {
        m_error = tr("A deal needs a title.");
        return false;
    }
    if (deal.amount < 0) {
        m_error = tr("A deal's amount cannot be negative.");
        return false;
    }
    Transaction tx(m_db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    const std::optional<Deal> before = find(deal.id);
    if (!before) {
        m_error = tr("The deal no longer exists.");
        return false;
    }
    QSqlQuery q(m_db);
    if (!Sql::exec(lcCrm(), q,
                   QStringLiteral("UPDATE deals SET title = ?, contact_id = ?, amount = ?, "
                                  "currency = ?, expected_close = ?, owner = ?, activity_at = ? "
                                  "WHERE id = ?"),
                   {deal.title.trimmed(), SqlValues::orNull(deal.contactId), deal.amount,
                    SqlValues::text(deal.currency.trimmed().toUpper()),
                    SqlValues::text(deal.expectedClose.toString(Qt::ISODate)),
                    SqlValues::text(deal.owner), atMs, deal.id},
                   &m_error))
        return false;
    // A won deal's revenue follows its amount and its contact.
    const std::optional<Pipeline> pipeline = Pipelines(m_db).find(before->pipelineId);
    if (pipeline && isWon(pipeline->stage(before->stageId)) &&
        (before->amount != deal.amount || before->contactId != deal.contactId ||
         before->currency != deal.currency.trimmed().toUpper())) {
        Deal after = *before;
        after.title = deal.title.trimmed();
        after.amount = deal.amount;
        after.contactId = deal.contactId;
        after.currency = deal.currency.trimmed().toUpper();
        if (!writeRevenue(*before, -before->amount, atMs, QStringLiteral("changed")) ||
            !writeRevenue(after, after.amount, atMs, QStringLiteral("changed")))
            return false;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

std::optional<qint64> Deals::move(qint64 dealId, qint64 stageId, qint64 atMs)
{
    Transaction tx(m_db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    const std::optional<Deal> deal = find(dealId);
    if (!deal) {
        m_error = tr("The deal no longer exists.");
        return std::nullopt;
    }
    const std::optional<Pipeline> pipeline = Pipelines(m_db).find(deal->pipelineId);
    const PipelineStage *to = pipeline ? pipeline->stage(stageId) : nullptr;
    if (!to) {
        m_error = tr("That stage is not one of the deal's pipeline.");
        return std::nullopt;
    }
    if (deal->stageId == stageId)
        return stageId;
    const PipelineStage *from = pipeline->stage(deal->stageId);
    QSqlQuery q(m_db);
    if (!Sql::exec(lcCrm(), q,
                   QStringLiteral("UPDATE deals SET stage_id = ?, stage_at = ?, activity_at = ?, "
                                  "closed_at = ? WHERE id = ?"),
                   {stageId, atMs, atMs,
                    isClosed(*to) ? SqlValues::orNull(atMs) : SqlValues::orNull(0), dealId},
                   &m_error))
        return std::nullopt;
    if (!stageEvent(*deal, *pipeline, from, *to, atMs))
        return std::nullopt;
    if (isWon(to) && !isWon(from) &&
        !writeRevenue(*deal, deal->amount, atMs, QStringLiteral("won")))
        return std::nullopt;
    if (isWon(from) && !isWon(to) &&
        !writeRevenue(*deal, -deal->amount, atMs, QStringLiteral("reopened")))
        return std::nullopt;
    if (!tx.commit()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    return deal->stageId;
}

bool Deals::remove(qint64 dealId, qint64 atMs)
{
    Transaction tx(m_db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    const std::optional<Deal> deal = find(dealId);
    if (!deal)
        return true;
    const std::optional<Pipeline> pipeline = Pipelines(m_db).find(deal->pipelineId);
    if (pipeline && isWon(pipeline->stage(deal->stageId)) &&
        !writeRevenue(*deal, -deal->amount, atMs, QStringLiteral("deleted")))
        return false;
    if (deal->contactId && !m_events->append(deal->contactId, EventType::DealDeleted, atMs,
                                             {{QStringLiteral("deal"), dealId},
                                              {QStringLiteral("title"), deal->title}})) {
        m_error = m_events->errorString();
        return false;
    }
    QSqlQuery q(m_db);
    if (!Sql::exec(lcCrm(), q, QStringLiteral("DELETE FROM deals WHERE id = ?"), {dealId},
                   &m_error))
        return false;
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

bool Deals::touch(qint64 dealId, qint64 atMs)
{
    QSqlQuery q(m_db);
    return Sql::exec(lcCrm(), q,
                     QStringLiteral("UPDATE deals SET activity_at = ? WHERE id = ? AND "
                                    "activity_at < ?"),
                     {atMs, dealId, atMs}, &m_error);
}

std::optional<Deal> Deals::find(qint64 dealId) const
{
    QSqlQuery q(m_db);
    QString error;
    if (!Sql::exec(lcCrm(), q, kSelect + QStringLiteral("WHERE d.id = ?"), {dealId}, &error) ||
        !q.next())
        return std::nullopt;
    return dealOf(q);
}

std::optional<Deal> Deals::findExternal(const QString &source, const QString &externalId) const
{
    QSqlQuery q(m_db);
    QString error;
    if (!Sql::exec(lcCrm(), q,
                   kSelect + QStringLiteral("WHERE d.external_source = ? AND d.external_id = ?"),
                   {source, externalId}, &error) ||
        !q.next())
        return std::nullopt;
    return dealOf(q);
}

QList<Deal> Deals::list(const DealQuery &query) const
{
    QString where = QStringLiteral("WHERE 1 = 1");
    QVariantList binds;
    if (query.pipelineId) {
        where += QStringLiteral(" AND d.pipeline_id = ?");
        binds << query.pipelineId;
    }
    if (query.contactId) {
        where += QStringLiteral(" AND d.contact_id = ?");
        binds << query.contactId;
    }
    if (!query.owner.isEmpty()) {
        where += QStringLiteral(" AND d.owner = ?");
        binds << query.owner;
    }
    if (query.openOnly)
        where += QStringLiteral(" AND d.closed_at IS NULL");
    if (!query.search.trimmed().isEmpty()) {
        where += QStringLiteral(" AND (lower(d.title) LIKE ? OR lower(c.first_name || ' ' || "
                                "c.last_name) LIKE ? OR lower(c.email) LIKE ?)");
        const QString like = QLatin1Char('%') + query.search.trimmed().toLower() + QLatin1Char('%');
        binds << like << like << like;
    }
    binds << query.limit;
    QList<Deal> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QString error;
    if (!Sql::exec(lcCrm(), q,
                   kSelect + where +
                       QStringLiteral(" ORDER BY d.stage_id, d.stage_at, d.id LIMIT ?"),
                   binds, &error))
        return out;
    while (q.next())
        out << dealOf(q);
    return out;
}

QList<ForecastMonth> Deals::forecast(qint64 pipelineId, QCalendar calendar) const
{
    QSqlQuery q(m_db);
    QString error;
    if (!Sql::exec(lcCrm(), q,
                   QStringLiteral("SELECT d.amount, d.expected_close, s.probability FROM deals "
                                  "d JOIN pipeline_stages s ON s.id = d.stage_id WHERE "
                                  "d.pipeline_id = ? AND s.outcome = 'open'"),
                   {pipelineId}, &error))
        return {};
    QMap<qint64, ForecastMonth> months; // by the month's first day, as a Julian day
    while (q.next()) {
        const QDate close = QDate::fromString(q.value(1).toString(), Qt::ISODate);
        QDate month;
        if (close.isValid()) {
            const QCalendar::YearMonthDay ymd = calendar.partsFromDate(close);
            month = calendar.dateFromParts(ymd.year, ymd.month, 1);
        }
        const qint64 key = month.isValid() ? month.toJulianDay() : -1;
        ForecastMonth &m = months[key];
        m.month = month;
        m.deals += 1;
        m.amount += q.value(0).toDouble();
        m.weighted += q.value(0).toDouble() * q.value(2).toDouble() / 100.0;
    }
    return months.values();
}

std::optional<int> Deals::createFollowUps(qint64 nowMs, int days)
{
    if (days <= 0)
        return 0;
    const qint64 before = nowMs - qint64(days) * 24 * 3600 * 1000;
    Transaction tx(m_db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    // The deal's own changes, and the last task done on it, are its activity.
    if (!Sql::exec(lcCrm(), q,
                   QStringLiteral("SELECT d.id, d.title, d.contact_id, d.owner FROM deals d "
                                  "WHERE d.closed_at IS NULL AND d.activity_at < ? AND "
                                  "COALESCE((SELECT max(t.done_at) FROM tasks t WHERE "
                                  "t.deal_id = d.id), 0) < ? AND NOT EXISTS (SELECT 1 FROM "
                                  "tasks t WHERE t.deal_id = d.id AND t.done_at IS NULL) "
                                  "ORDER BY d.id LIMIT 500"),
                   {before, before}, &m_error))
        return std::nullopt;
    QList<NewTask> tasks;
    while (q.next()) {
        NewTask t;
        t.dealId = q.value(0).toLongLong();
        t.title = tr("Follow up: %1 (no activity for %n day(s))", nullptr, days)
                      .arg(q.value(1).toString());
        t.contactId = q.value(2).toLongLong();
        t.owner = q.value(3).toString();
        t.dueAtMs = nowMs;
        t.createdAtMs = nowMs;
        t.priority = TaskPriority::High;
        tasks << t;
    }
    for (const NewTask &t : std::as_const(tasks)) {
        if (!m_tasks->create(t, {{QStringLiteral("reason"), QStringLiteral("stale_deal")}})) {
            m_error = m_tasks->errorString();
            return std::nullopt;
        }
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    return int(tasks.size());
}

} // namespace masir
