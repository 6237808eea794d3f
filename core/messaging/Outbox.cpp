#include "messaging/Outbox.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"
#include "storage/StatementCache.h"
#include "storage/Transaction.h"

#include <QJsonDocument>
#include <QUuid>

namespace masir {

Outbox::Outbox(const Database &db)
    : m_db(db)
{}

Outbox::~Outbox() = default;

QStringList Outbox::states()
{
    return {QStringLiteral("queued"),    QStringLiteral("held"),      QStringLiteral("sending"),
            QStringLiteral("sent"),      QStringLiteral("failed"),    QStringLiteral("interrupted"),
            QStringLiteral("cancelled"), QStringLiteral("suppressed")};
}

QString Outbox::stateLabel(const QString &state)
{
    if (state == QLatin1String("queued"))
        return tr("Queued");
    if (state == QLatin1String("held"))
        return tr("Held (campaign paused)");
    if (state == QLatin1String("sending"))
        return tr("Sending");
    if (state == QLatin1String("sent"))
        return tr("Sent");
    if (state == QLatin1String("failed"))
        return tr("Failed");
    if (state == QLatin1String("interrupted"))
        return tr("Interrupted");
    if (state == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (state == QLatin1String("suppressed"))
        return tr("Suppressed");
    return state;
}

std::optional<qint64> Outbox::add(const OutboxEntry &e)
{
    if (!m_statements)
        m_statements = std::make_unique<StatementCache>(m_db.connection());
    PreparedStatement *st = m_statements->get(
        QStringLiteral("INSERT INTO outbox (idempotency_key, channel, contact_id, journey_id, "
                       "enrollment_id, node_id, template, payload, marketing, due_at, created_at, "
                       "updated_at, recipient) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (idempotency_key) DO NOTHING RETURNING id"),
        &m_error);
    if (!st)
        return std::nullopt;
    auto idOrNull = [&](int column, qint64 id) {
        if (id)
            st->bind(column, id);
        else
            st->bindNull(column);
    };
    st->bind(1, e.idempotencyKey.toUtf8());
    st->bind(2, e.channel.toUtf8());
    idOrNull(3, e.contactId);
    idOrNull(4, e.journeyId);
    idOrNull(5, e.enrollmentId);
    st->bind(6, e.nodeId.toUtf8());
    st->bind(7, e.templateName.toUtf8());
    st->bind(8, QJsonDocument(e.payload).toJson(QJsonDocument::Compact));
    st->bind(9, qint64(e.marketing ? 1 : 0));
    st->bind(10, e.dueAtMs);
    st->bind(11, e.createdAtMs);
    st->bind(12, e.createdAtMs);
    st->bind(13, e.recipient.toUtf8());
    const auto id = st->execReturningId();
    if (!id) {
        m_error = st->errorString();
        qCWarning(lcSend) << "cannot queue a" << e.channel << "message:" << m_error;
        return std::nullopt;
    }
    if (*id)
        qCDebug(lcSend) << "queued" << e.channel << "message" << *id << "key" << e.idempotencyKey;
    return id;
}

std::optional<qint64> Outbox::enqueue(const QString &channel, qint64 contactId,
                                      const QString &recipient, const QString &templateName,
                                      bool marketing, const QString &idempotencyKey)
{
    OutboxEntry e;
    e.idempotencyKey =
        idempotencyKey.isEmpty()
            ? QStringLiteral("manual:") + QUuid::createUuid().toString(QUuid::WithoutBraces)
            : idempotencyKey;
    e.channel = channel;
    e.contactId = contactId;
    e.recipient = recipient;
    e.templateName = templateName;
    e.marketing = marketing;
    e.dueAtMs = e.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    const auto id = add(e);
    if (id && *id == 0) {
        m_error = tr("This message is already in the outbox.");
        return std::nullopt;
    }
    return id;
}

std::optional<QJsonObject> Outbox::tracked(qint64 id)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q, QStringLiteral("SELECT tracked FROM outbox WHERE id = ?"), {id},
                   &m_error))
        return std::nullopt;
    if (!q.next()) {
        m_error = tr("There is no message %1 in the outbox.").arg(id);
        return std::nullopt;
    }
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

QList<OutboxRow> Outbox::list(const OutboxFilter &filter) const
{
    QString sql = QStringLiteral(
        "SELECT o.id, o.channel, o.state, o.recipient, o.template, "
        "COALESCE(j.name, cm.name, ''), o.contact_id, o.attempts, o.due_at, o.sent_at, "
        "o.updated_at, o.error, o.provider_id FROM outbox o LEFT JOIN journeys j ON j.id = "
        "o.journey_id LEFT JOIN campaigns cm ON cm.id = o.campaign_id WHERE 1 = 1");
    QVariantList binds;
    if (!filter.state.isEmpty()) {
        sql += QStringLiteral(" AND o.state = ?");
        binds << filter.state;
    }
    if (!filter.channel.isEmpty()) {
        sql += QStringLiteral(" AND o.channel = ?");
        binds << filter.channel;
    }
    if (filter.beforeId > 0) {
        sql += QStringLiteral(" AND o.id < ?");
        binds << filter.beforeId;
    }
    sql += QStringLiteral(" ORDER BY o.id DESC LIMIT ?");
    binds << filter.limit;
    QList<OutboxRow> out;
    QSqlQuery q(m_db.connection());
    QString error;
    if (!Sql::exec(lcSend(), q, sql, binds, &error))
        return out;
    auto time = [](const QVariant &v) {
        return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
    };
    while (q.next()) {
        OutboxRow r;
        r.id = q.value(0).toLongLong();
        r.channel = q.value(1).toString();
        r.state = q.value(2).toString();
        r.recipient = q.value(3).toString();
        r.templateName = q.value(4).toString();
        r.journey = q.value(5).toString();
        r.contactId = q.value(6).toLongLong();
        r.attempts = q.value(7).toInt();
        r.dueAt = time(q.value(8));
        r.sentAt = time(q.value(9));
        r.updatedAt = time(q.value(10));
        r.error = q.value(11).toString();
        r.providerId = q.value(12).toString();
        out << r;
    }
    return out;
}

QMap<QString, qint64> Outbox::countsByState() const
{
    QMap<QString, qint64> out;
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral("SELECT state, count(*) FROM outbox GROUP BY state")))
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

namespace {

int updateEach(const Database &db, const QString &sql, const QList<qint64> &ids,
               const QVariantList &before, QString *error)
{
    Transaction tx(db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        *error = tx.errorString();
        return -1;
    }
    QSqlQuery q(db.connection());
    q.prepare(sql);
    int changed = 0;
    for (const qint64 id : ids) {
        int i = 0;
        for (const QVariant &b : before)
            q.bindValue(i++, b);
        q.bindValue(i, id);
        if (!Sql::exec(lcSend(), q, error))
            return -1;
        changed += q.numRowsAffected();
    }
    if (!tx.commit()) {
        *error = tx.errorString();
        return -1;
    }
    return changed;
}

} // namespace

int Outbox::retry(const QList<qint64> &ids)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return updateEach(m_db,
                      QStringLiteral("UPDATE outbox SET state = 'queued', due_at = ?, "
                                     "updated_at = ?, error = '' WHERE state IN ('failed', "
                                     "'interrupted') AND id = ?"),
                      ids, {now, now}, &m_error);
}

int Outbox::cancel(const QList<qint64> &ids)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return updateEach(m_db,
                      QStringLiteral("UPDATE outbox SET state = 'cancelled', updated_at = ?, "
                                     "error = ? WHERE state IN ('queued', 'interrupted') "
                                     "AND id = ?"),
                      ids, {now, tr("Cancelled by hand.")}, &m_error);
}

std::optional<qint64> Outbox::addCampaignRecipients(const CampaignBatch &b)
{
    if (b.contents.isEmpty())
        return 0;
    // Each variant's template, payload and delay, chosen by the recipient's variant.
    QString templateCase = QStringLiteral("CASE r.variant");
    QString payloadCase = QStringLiteral("CASE r.variant");
    QString delayCase = QStringLiteral("CASE r.variant");
    QVariantList templateBinds, payloadBinds, delayBinds;
    QVariantList variants;
    for (const CampaignContent &c : b.contents) {
        templateCase += QStringLiteral(" WHEN ? THEN ?");
        payloadCase += QStringLiteral(" WHEN ? THEN ?");
        delayCase += QStringLiteral(" WHEN ? THEN ?");
        templateBinds << c.variant << c.templateName;
        payloadBinds << c.variant
                     << QString::fromUtf8(QJsonDocument(c.payload).toJson(QJsonDocument::Compact));
        delayBinds << c.variant << c.delayMs;
        variants << c.variant;
    }
    templateCase += QStringLiteral(" ELSE '' END");
    payloadCase += QStringLiteral(" ELSE '{}' END");
    delayCase += QStringLiteral(" ELSE 0 END");
    // The contact and its address were frozen with the audience: no contact
    // row is read (a contact deleted meanwhile has left campaign_recipients).
    const QString sql =
        QStringLiteral("INSERT INTO outbox (idempotency_key, channel, contact_id, template, "
                       "payload, marketing, due_at, created_at, updated_at, recipient, "
                       "campaign_id, variant) SELECT 'campaign:' || r.campaign_id || ':' || "
                       "(r.contact_id + 1000000000000), ?, r.contact_id, %1, %2, ?, r.due_at + "
                       "%3, ?, ?, r.address, r.campaign_id, r.variant FROM campaign_recipients r "
                       "WHERE r.campaign_id = ? AND r.contact_id > ? AND r.contact_id <= ? AND "
                       "r.variant IN (%4) ORDER BY r.contact_id ON CONFLICT (idempotency_key) DO "
                       "NOTHING")
            .arg(templateCase, payloadCase, delayCase, Sql::placeholders(variants.size()));
    QVariantList binds{b.channel};
    binds << templateBinds << payloadBinds << (b.marketing ? 1 : 0) << delayBinds << b.nowMs
          << b.nowMs << b.campaignId << b.afterContactId << b.upToContactId << variants;
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q, sql, binds, &m_error))
        return std::nullopt;
    return q.numRowsAffected();
}

namespace {

std::optional<qint64> changeCampaign(const Database &db, const QString &sql,
                                     const QVariantList &binds, QString *error)
{
    QSqlQuery q(db.connection());
    if (!Sql::exec(lcSend(), q, sql, binds, error))
        return std::nullopt;
    return q.numRowsAffected();
}

} // namespace

std::optional<qint64> Outbox::holdCampaign(qint64 campaignId)
{
    return changeCampaign(m_db,
                          QStringLiteral("UPDATE outbox SET state = 'held', updated_at = ? WHERE "
                                         "campaign_id = ? AND state = 'queued'"),
                          {QDateTime::currentMSecsSinceEpoch(), campaignId}, &m_error);
}

std::optional<qint64> Outbox::releaseCampaign(qint64 campaignId)
{
    return changeCampaign(m_db,
                          QStringLiteral("UPDATE outbox SET state = 'queued', updated_at = ? WHERE "
                                         "campaign_id = ? AND state = 'held'"),
                          {QDateTime::currentMSecsSinceEpoch(), campaignId}, &m_error);
}

std::optional<qint64> Outbox::cancelCampaign(qint64 campaignId)
{
    return changeCampaign(
        m_db,
        QStringLiteral("UPDATE outbox SET state = 'cancelled', error = ?, updated_at = ? WHERE "
                       "campaign_id = ? AND state IN ('queued', 'held')"),
        {tr("The campaign was cancelled."), QDateTime::currentMSecsSinceEpoch(), campaignId},
        &m_error);
}

std::optional<qint64> Outbox::detachCampaign(qint64 campaignId)
{
    return changeCampaign(m_db,
                          QStringLiteral("UPDATE outbox SET campaign_id = NULL, variant = 0 WHERE "
                                         "campaign_id = ?"),
                          {campaignId}, &m_error);
}

std::optional<QMap<QString, qint64>> Outbox::campaignCounts(qint64 campaignId) const
{
    QSqlQuery q(m_db.connection());
    QString error;
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("SELECT state, count(*) FROM outbox WHERE campaign_id = ? "
                                  "GROUP BY state"),
                   {campaignId}, &error))
        return std::nullopt;
    QMap<QString, qint64> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

bool Outbox::suppress(const QString &channel, const QString &address, const QString &reason,
                      const QString &detail)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("INSERT INTO suppressions (channel, address, reason, detail, "
                                  "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                   {channel, address, reason, SqlValues::text(detail), now}, &m_error))
        return false;
    // An unsubscribe stops marketing; a bounce or complaint stops everything.
    const bool marketingOnly = reason == QLatin1String("unsubscribe");
    return Sql::exec(
        lcSend(), q,
        QStringLiteral("UPDATE outbox SET state = 'suppressed', updated_at = ?, "
                       "error = ? WHERE state = 'queued' AND channel = ? AND "
                       "recipient = ? AND campaign_id IS NULL") +
            (marketingOnly ? QStringLiteral(" AND marketing = 1") : QString()),
        {now, tr("The address is on the suppression list (%1).").arg(reason), channel, address},
        &m_error);
}

bool Outbox::unsuppress(const QString &channel, const QString &address, const QString &reason)
{
    QSqlQuery q(m_db.connection());
    return Sql::exec(
        lcSend(), q,
        QStringLiteral("DELETE FROM suppressions WHERE channel = ? AND address = ? AND "
                       "reason = ?"),
        {channel, address, reason}, &m_error);
}

std::optional<bool> Outbox::isSuppressed(const QString &channel, const QString &address,
                                         bool marketing) const
{
    QSqlQuery q(m_db.connection());
    QString error;
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("SELECT count(*) FROM suppressions WHERE channel = ? AND "
                                  "address = ? AND (? = 1 OR reason <> 'unsubscribe')"),
                   {channel, address, marketing ? 1 : 0}, &error) ||
        !q.next())
        return std::nullopt;
    return q.value(0).toLongLong() > 0;
}

namespace {

SentEmail sentEmailOf(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
            q.value(3).toInt(), q.value(4).toString()};
}

} // namespace

std::optional<SentEmail> Outbox::email(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("SELECT id, contact_id, campaign_id, variant, recipient FROM "
                                  "outbox WHERE id = ? AND channel = 'email'"),
                   {id}, &m_error))
        return std::nullopt;
    return q.next() ? sentEmailOf(q) : SentEmail{};
}

std::optional<SentEmail> Outbox::lastEmailTo(const QString &address, qint64 beforeMs) const
{
    QSqlQuery q(m_db.connection());

    if (!Sql::exec(
            lcSend(), q,
            QStringLiteral("SELECT o.id, o.contact_id, o.campaign_id, o.variant, o.recipient "
                           "FROM contacts c JOIN outbox o ON o.contact_id = c.id AND "
                           "o.channel = 'email' WHERE c.email = ? AND o.recipient = ? AND "
                           "o.state = 'sent' AND o.sent_at <= ? ORDER BY o.created_at "
                           "DESC, o.id DESC LIMIT 1"),
            {address, address, beforeMs}, &m_error))
        return std::nullopt;
    return q.next() ? sentEmailOf(q) : SentEmail{};
}

bool Outbox::markReturned(qint64 id, const QString &kind)
{
    QSqlQuery q(m_db.connection());
    // a complaint outweighs a bounce, a hard bounce a soft one
    return Sql::exec(lcSend(), q,
                     QStringLiteral("UPDATE outbox SET returned = ? WHERE id = ? AND (returned IS "
                                    "NULL OR returned = 'soft' OR ? = 'complaint')"),
                     {kind, id, kind}, &m_error);
}

std::optional<bool> Outbox::markEngaged(qint64 id, Engagement what)
{
    if (!m_statements)
        m_statements = std::make_unique<StatementCache>(m_db.connection());
    PreparedStatement *st = m_statements->get(
        QStringLiteral(
            "UPDATE outbox SET engaged = engaged | ? WHERE id = ? AND (engaged & ?) = 0"),
        &m_error);
    if (!st)
        return std::nullopt;
    st->bind(1, qint64(what));
    st->bind(2, id);
    st->bind(3, qint64(what));
    if (!st->exec()) {
        m_error = st->errorString();
        return std::nullopt;
    }
    return st->changes() > 0;
}

std::optional<QStringList> Outbox::recentReturns(qint64 contactId, const QString &address,
                                                 int count) const
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("SELECT coalesce(returned, '') FROM outbox WHERE contact_id = ? "
                                  "AND channel = 'email' AND recipient = ? AND state = 'sent' "
                                  "ORDER BY created_at DESC, id DESC LIMIT ?"),
                   {contactId, address, count}, &m_error))
        return std::nullopt;
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace masir
