#include "crm/Notes.h"

#include "common/Logging.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"

#include <QCoreApplication>

namespace masir {

namespace {

Note noteOf(const QSqlQuery &q)
{
    Note n;
    n.id = q.value(0).toLongLong();
    n.contactId = q.value(1).toLongLong();
    n.body = q.value(2).toString();
    n.author = q.value(3).toString();
    n.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
    n.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC);
    return n;
}

const QString kColumns =
    QStringLiteral("SELECT id, contact_id, body, author, created_at, updated_at FROM notes ");

} // namespace

Notes::Notes(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<qint64> Notes::add(qint64 contactId, const QString &body, const QString &author,
                                 qint64 atMs)
{
    if (body.trimmed().isEmpty()) {
        m_error = QCoreApplication::translate("masir::Notes", "The note is empty.");
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO notes (contact_id, body, author, created_at, "
                             "updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    for (const QVariant &v :
         QVariantList{contactId, body.trimmed(), SqlValues::text(author), atMs, atMs})
        q.addBindValue(v);
    const std::optional<qint64> id = Sql::insertedId(lcCrm(), q, &m_error);
    if (id && *id == 0)
        return std::nullopt;
    return id;
}

bool Notes::edit(qint64 noteId, const QString &body, qint64 atMs)
{
    if (body.trimmed().isEmpty()) {
        m_error = QCoreApplication::translate("masir::Notes", "The note is empty.");
        return false;
    }
    QSqlQuery q(m_db);
    return Sql::exec(lcCrm(), q,
                     QStringLiteral("UPDATE notes SET body = ?, updated_at = ? WHERE id = ?"),
                     {body.trimmed(), atMs, noteId}, &m_error);
}

bool Notes::remove(qint64 noteId)
{
    QSqlQuery q(m_db);
    return Sql::exec(lcCrm(), q, QStringLiteral("DELETE FROM notes WHERE id = ?"), {noteId},
                     &m_error);
}

std::optional<Note> Notes::find(qint64 noteId) const
{
    QSqlQuery q(m_db);
    QString error;
    if (!Sql::exec(lcCrm(), q, kColumns + QStringLiteral("WHERE id = ?"), {noteId}, &error) ||
        !q.next())
        return std::nullopt;
    return noteOf(q);
}

} // namespace masir
