#include "campaigns/CampaignRepository.h"

#include "common/Logging.h"
#include "messaging/Outbox.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"
#include "storage/Transaction.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace masir {

namespace {

const QString kColumns = QStringLiteral(
    "id, name, channel, template, audience, account, schedule, send_at, local_time, ab, state, "
    "phase, recipients, fanout_cursor, test_ends_at, winner, decision, error, created_at, "
    "updated_at, started_at, finished_at");

QString compact(const QJsonObject &o)
{
    return o.isEmpty() ? QString()
                       : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

Campaign fromRow(const QSqlQuery &q)
{
    Campaign c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.channel = q.value(2).toString();
    c.templateName = q.value(3).toString();
    c.audience = CampaignAudience::fromJson(object(q.value(4)));
    c.account = q.value(5).toString();
    c.schedule = Campaign::scheduleFromKey(q.value(6).toString()).value_or(Campaign::Schedule::Now);
    c.sendAtMs = q.value(7).toLongLong();
    c.localTime = q.value(8).toString();
    QString ignored;
    c.ab = AbTest::fromJson(object(q.value(9)), &ignored).value_or(AbTest());
    c.state = q.value(10).toString();
    c.phase = q.value(11).toString();
    c.recipients = q.value(12).toLongLong();
    c.fanoutCursor = q.value(13).toLongLong();
    c.testEndsAtMs = q.value(14).toLongLong();
    c.winner = q.value(15).toInt();
    c.decision = object(q.value(16));
    c.error = q.value(17).toString();
    c.createdAtMs = q.value(18).toLongLong();
    c.updatedAtMs = q.value(19).toLongLong();
    c.startedAtMs = q.value(20).toLongLong();
    c.finishedAtMs = q.value(21).toLongLong();
    return c;
}

} // namespace

CampaignRepository::CampaignRepository(const Database &db)
    : m_db(db)
{}

std::optional<QList<Campaign>> CampaignRepository::list() const
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("SELECT %1 FROM campaigns ORDER BY created_at DESC, id DESC")
                       .arg(kColumns),
                   {}, &m_error))
        return std::nullopt;
    QList<Campaign> out;
    while (q.next())
        out << fromRow(q);
    return out;
}

std::optional<Campaign> CampaignRepository::find(const QString &name) const
{
    QSqlQuery q(m_db.connection());
    m_error.clear();
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("SELECT %1 FROM campaigns WHERE name = ?").arg(kColumns),
                   {name.trimmed()}, &m_error) ||
        !q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<Campaign> CampaignRepository::find(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    m_error.clear();
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("SELECT %1 FROM campaigns WHERE id = ?").arg(kColumns), {id},
                   &m_error) ||
        !q.next())
        return std::nullopt;
    return fromRow(q);
}

bool CampaignRepository::save(Campaign &c)
{
    c.name = c.name.trimmed();
    if (const auto other = find(c.name); other && other->id != c.id) {
        m_error = tr("There is already a campaign named \"%1\".").arg(c.name);
        return false;
    }
    if (c.id) {
        const auto stored = find(c.id);
        if (!stored) {
            m_error = m_error.isEmpty() ? tr("The campaign was deleted.") : m_error;
            return false;
        }
        if (!stored->isEditable()) {
            m_error = tr("Campaign \"%1\" has started and cannot be changed; duplicate it to send "
                         "it again with changes.")
                          .arg(stored->name);
            return false;
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    using SqlValues::text;
    const QVariantList values{text(c.name),
                              text(c.channel),
                              text(c.templateName.trimmed()),
                              text(compact(c.audience.toJson())),
                              text(c.account.trimmed()),
                              Campaign::scheduleKey(c.schedule),
                              SqlValues::orNull(c.sendAtMs),
                              text(c.localTime),
                              text(compact(c.ab.toJson())),
                              now};
    QSqlQuery q(m_db.connection());
    if (c.id) {
        QVariantList binds = values;
        binds << c.id;
        // Only while it has not started: the worker may be starting it now.
        if (!Sql::exec(lcCampaigns(), q,
                       QStringLiteral("UPDATE campaigns SET name = ?, channel = ?, template = ?, "
                                      "audience = ?, account = ?, schedule = ?, send_at = ?, "
                                      "local_time = ?, ab = ?, updated_at = ? WHERE id = ? AND "
                                      "state IN ('draft', 'scheduled')"),
                       binds, &m_error))
            return false;
        if (q.numRowsAffected() != 1) {
            m_error = tr("Campaign \"%1\" has started and cannot be changed; duplicate it to send "
                         "it again with changes.")
                          .arg(c.name);
            return false;
        }
        c.updatedAtMs = now;
        return true;
    }
    QVariantList binds = values;
    binds << now;
    if (!q.prepare(QStringLiteral(
            "INSERT INTO campaigns (name, channel, template, audience, account, schedule, "
            "send_at, local_time, ab, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?) RETURNING id"))) {
        m_error = q.lastError().text();
        return false;
    }
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    const auto id = Sql::insertedId(lcCampaigns(), q, &m_error);
    if (!id)
        return false;
    c.id = *id;
    c.state = QStringLiteral("draft");
    c.createdAtMs = c.updatedAtMs = now;
    return true;
}

std::optional<Campaign> CampaignRepository::duplicate(qint64 id)
{
    const auto source = find(id);
    if (!source) {
        if (m_error.isEmpty())
            m_error = tr("The campaign was deleted.");
        return std::nullopt;
    }
    Campaign copy;
    copy.channel = source->channel;
    copy.templateName = source->templateName;
    copy.audience = source->audience;
    copy.account = source->account;
    copy.schedule = source->schedule;
    copy.sendAtMs = source->sendAtMs;
    copy.localTime = source->localTime;
    copy.ab = source->ab;
    for (int n = 1;; ++n) {
        copy.name = n == 1 ? tr("%1 (copy)").arg(source->name)
                           : tr("%1 (copy %2)").arg(source->name).arg(n);
        const auto taken = find(copy.name);
        if (!taken && !m_error.isEmpty())
            return std::nullopt;
        if (!taken)
            break;
    }
    if (!save(copy))
        return std::nullopt;
    return copy;
}

bool CampaignRepository::remove(qint64 id)
{
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("DELETE FROM campaigns WHERE id = ? AND state NOT IN "
                                  "('sending', 'paused')"),
                   {id}, &m_error))
        return false;
    if (q.numRowsAffected() == 0) {
        m_error = tr("A campaign that is sending or paused cannot be deleted; cancel it first.");
        return false;
    }
    // Its messages stay in the outbox, no longer counted for a campaign.
    Outbox outbox(m_db);
    if (!outbox.detachCampaign(id)) {
        m_error = outbox.errorString();
        return false;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

bool CampaignRepository::changeState(qint64 id, const QStringList &from, const QString &to)
{
    const auto c = find(id);
    if (!c) {
        if (m_error.isEmpty())
            m_error = tr("The campaign was deleted.");
        return false;
    }
    if (!from.contains(c->state)) {
        m_error = tr("Campaign \"%1\" is %2: it cannot become %3.")
                      .arg(c->name, Campaign::stateLabel(c->state).toLower(),
                           Campaign::stateLabel(to).toLower());
        return false;
    }
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_db.connection());
    const bool ending = to == QLatin1String("cancelled");
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("UPDATE campaigns SET state = ?, updated_at = ?, finished_at = "
                                  "COALESCE(finished_at, ?) WHERE id = ? AND state = ?"),
                   {to, now, ending ? QVariant(now) : QVariant(QMetaType::fromType<qint64>()), id,
                    c->state},
                   &m_error))
        return false;
    if (q.numRowsAffected() != 1) {
        m_error = tr("Campaign \"%1\" changed meanwhile; try again.").arg(c->name);
        return false;
    }
    // Its messages follow in the same transaction.
    Outbox outbox(m_db);
    std::optional<qint64> changed = 0;
    if (to == QLatin1String("paused"))
        changed = outbox.holdCampaign(id);
    else if (to == QLatin1String("sending"))
        changed = outbox.releaseCampaign(id);
    else if (ending)
        changed = outbox.cancelCampaign(id);
    if (!changed) {
        m_error = outbox.errorString();
        return false;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    qCInfo(lcCampaigns) << "campaign" << id << c->state << "->" << to << *changed << "messages";
    return true;
}

bool CampaignRepository::schedule(qint64 id)
{
    const auto c = find(id);
    if (c && c->state == QLatin1String("scheduled"))
        return true;
    return changeState(id, {QStringLiteral("draft")}, QStringLiteral("scheduled"));
}

bool CampaignRepository::unschedule(qint64 id)
{
    return changeState(id, {QStringLiteral("scheduled")}, QStringLiteral("draft"));
}

bool CampaignRepository::pause(qint64 id)
{
    return changeState(id, {QStringLiteral("sending")}, QStringLiteral("paused"));
}

bool CampaignRepository::resume(qint64 id)
{
    return changeState(id, {QStringLiteral("paused")}, QStringLiteral("sending"));
}

bool CampaignRepository::cancel(qint64 id)
{
    return changeState(id,
                       {QStringLiteral("draft"), QStringLiteral("scheduled"),
                        QStringLiteral("sending"), QStringLiteral("paused")},
                       QStringLiteral("cancelled"));
}

bool CampaignRepository::saveRun(const Campaign &c, const QString &expectedState,
                                 const QString &expectedPhase)
{
    QSqlQuery q(m_db.connection());
    m_error.clear();
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("UPDATE campaigns SET state = ?, phase = ?, recipients = ?, "
                                  "fanout_cursor = ?, test_ends_at = ?, winner = ?, decision = ?, "
                                  "error = ?, started_at = ?, finished_at = ?, updated_at = ? "
                                  "WHERE id = ? AND state = ? AND phase = ?"),
                   {c.state, SqlValues::text(c.phase), c.recipients, c.fanoutCursor,
                    SqlValues::orNull(c.testEndsAtMs), c.winner,
                    SqlValues::text(compact(c.decision)), SqlValues::text(c.error),
                    SqlValues::orNull(c.startedAtMs), SqlValues::orNull(c.finishedAtMs),
                    QDateTime::currentMSecsSinceEpoch(), c.id, expectedState,
                    SqlValues::text(expectedPhase)},
                   &m_error))
        return false;
    return q.numRowsAffected() == 1;
}

} // namespace masir
