#include "intake/ReturnedMail.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>

namespace masir {

namespace {

MailboxCursor cursorOf(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
            q.value(3).toLongLong(), q.value(4).toString()};
}

QString digestOf(const QByteArray &raw)
{
    return QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex());
}

const QString kCursorColumns =
    QStringLiteral("account_id, uid_validity, last_uid, coalesce(checked_at, 0), error");

} // namespace

ReturnedMail::ReturnedMail(const Database &db)
    : m_db(db)
{}

std::optional<MailboxCursor> ReturnedMail::cursor(qint64 accountId) const
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(
            lcSend(), q,
            QStringLiteral("SELECT %1 FROM mailbox_state WHERE account_id = ?").arg(kCursorColumns),
            {accountId}, &m_error))
        return std::nullopt;
    if (q.next())
        return cursorOf(q);
    MailboxCursor none;
    none.accountId = accountId;
    return none;
}

std::optional<QList<MailboxCursor>> ReturnedMail::cursors() const
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(
            lcSend(), q,
            QStringLiteral("SELECT %1 FROM mailbox_state ORDER BY account_id").arg(kCursorColumns),
            {}, &m_error))
        return std::nullopt;
    QList<MailboxCursor> out;
    while (q.next())
        out << cursorOf(q);
    return out;
}

bool ReturnedMail::saveCursor(const MailboxCursor &c)
{
    QSqlQuery q(m_db.connection());
    return Sql::exec(
        lcSend(), q,
        QStringLiteral(
            "INSERT INTO mailbox_state (account_id, uid_validity, last_uid, "
            "checked_at, error) VALUES (?, ?, ?, ?, ?) ON CONFLICT "
            "(account_id) DO UPDATE SET last_uid = CASE WHEN mailbox_state.uid_validity = "
            "excluded.uid_validity AND mailbox_state.last_uid > excluded.last_uid "
            "THEN mailbox_state.last_uid ELSE excluded.last_uid END, uid_validity = "
            "excluded.uid_validity, "
            "checked_at = excluded.checked_at, error = excluded.error"),
        {c.accountId, c.uidValidity, c.lastUid, c.checkedAt, SqlValues::text(c.error)}, &m_error);
}

std::optional<qint64> ReturnedMail::add(const ReturnedMessage &m, const QByteArray &raw)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(
            lcSend(), q,
            QStringLiteral("INSERT INTO returned_mail (account_id, digest, uid, received_at, "
                           "sender, subject, kind, findings, outcome, kept_aside, raw) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING "
                           "RETURNING id"),
            {m.accountId ? QVariant(m.accountId) : QVariant(QMetaType(QMetaType::LongLong)),
             digestOf(raw), m.uid, m.receivedAt, SqlValues::text(m.sender),
             SqlValues::text(m.subject), m.kind,
             QString::fromUtf8(QJsonDocument(m.findings).toJson(QJsonDocument::Compact)),
             SqlValues::text(m.outcome), m.keptAside ? 1 : 0,
             m.keptAside ? QVariant(raw) : QVariant(QMetaType(QMetaType::QByteArray))},
            &m_error))
        return std::nullopt;
    return q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<bool> ReturnedMail::contains(const QByteArray &raw) const
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q, QStringLiteral("SELECT 1 FROM returned_mail WHERE digest = ?"),
                   {digestOf(raw)}, &m_error))
        return std::nullopt;
    return q.next();
}

std::optional<QList<ReturnedMessage>> ReturnedMail::list(bool keptAsideOnly, int limit) const
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("SELECT r.id, r.account_id, coalesce(a.name, ''), r.uid, "
                                  "r.received_at, r.sender, r.subject, r.kind, r.findings, "
                                  "r.outcome, r.kept_aside FROM returned_mail r LEFT JOIN "
                                  "channel_accounts a ON a.id = r.account_id %1 ORDER BY "
                                  "r.received_at DESC, r.id DESC LIMIT ?")
                       .arg(keptAsideOnly ? QStringLiteral("WHERE r.kept_aside = 1") : QString()),
                   {limit}, &m_error))
        return std::nullopt;
    QList<ReturnedMessage> out;
    while (q.next()) {
        ReturnedMessage m;
        m.id = q.value(0).toLongLong();
        m.accountId = q.value(1).toLongLong();
        m.account = q.value(2).toString();
        m.uid = q.value(3).toLongLong();
        m.receivedAt = q.value(4).toLongLong();
        m.sender = q.value(5).toString();
        m.subject = q.value(6).toString();
        m.kind = q.value(7).toString();
        m.findings = QJsonDocument::fromJson(q.value(8).toByteArray()).array();
        m.outcome = q.value(9).toString();
        m.keptAside = q.value(10).toBool();
        out << m;
    }
    return out;
}

std::optional<QByteArray> ReturnedMail::raw(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q, QStringLiteral("SELECT raw FROM returned_mail WHERE id = ?"), {id},
                   &m_error))
        return std::nullopt;
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

} // namespace masir
