#include "contacts/TagRepository.h"

#include "common/Logging.h"
#include "contacts/ContactTags.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace masir {

TagRepository::TagRepository(const Database &db)
    : m_db(db)
{}

QList<TagInfo> TagRepository::list() const
{
    QList<TagInfo> out;
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT t.id, t.name, (SELECT count(*) FROM contact_tags ct WHERE "
                               "ct.tag_id = t.id) FROM tags t ORDER BY t.name_key")))
        return out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()});
    return out;
}

QStringList TagRepository::names() const
{
    QStringList out;
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral("SELECT name FROM tags ORDER BY name_key")))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

bool TagRepository::rename(qint64 id, const QString &newName)
{
    const QString name = ContactTags::cleanName(newName);
    if (name.isEmpty()) {
        m_error = tr("A tag needs a name.");
        return false;
    }
    QSqlDatabase db = m_db.connection();
    Transaction tx(db, Transaction::Mode::Write);
    QSqlQuery q(db);
    ContactTags tags(db);
    bool ok = tx.isActive() && Sql::exec(lcContacts(), q,
                                         QStringLiteral("SELECT id FROM tags WHERE name_key = ? "
                                                        "AND id <> ?"),
                                         {ContactTags::key(name), id}, &m_error);
    if (ok && q.next()) {
        // Another tag has this name already: the two become one, in its spelling.
        const qint64 other = q.value(0).toLongLong();
        q.finish();
        ok = tags.merge(id, other);
        id = other;
    }
    if (ok && tags.rename(id, name) && tx.commit())
        return true;
    QString why = tags.errorString();
    if (why.isEmpty())
        why = tx.errorString().isEmpty() ? m_error : tx.errorString();
    m_error = tr("Cannot rename the tag: %1").arg(why);
    return false;
}

bool TagRepository::merge(qint64 fromId, qint64 intoId)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db, Transaction::Mode::Write);
    ContactTags tags(db);
    if (tx.isActive() && tags.merge(fromId, intoId) && tx.commit())
        return true;
    m_error =
        tr("Cannot merge the tags: %1").arg(tx.isActive() ? tags.errorString() : tx.errorString());
    return false;
}

bool TagRepository::remove(qint64 id)
{
    ContactTags tags(m_db.connection());
    if (tags.removeTag(id))
        return true;
    m_error = tr("Cannot delete the tag: %1").arg(tags.errorString());
    return false;
}

} // namespace masir
