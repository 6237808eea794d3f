#include "contacts/TagRepository.h"

#include "contacts/TextNormalizer.h"
#include "storage/Database.h"
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
    const QString name = TextNormalizer::normalize(newName.simplified());
    if (name.isEmpty()) {
        m_error = tr("A tag needs a name.");
        return false;
    }
    const QString key = TextNormalizer::forSearch(name);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id FROM tags WHERE name_key = ? AND id <> ?"));
    q.addBindValue(key);
    q.addBindValue(id);
    if (q.exec() && q.next()) {
        const qint64 other = q.value(0).toLongLong();
        q.finish();
        if (!merge(id, other))
            return false;
        id = other; // the merged tag takes the new spelling
    }
    q.prepare(QStringLiteral("UPDATE tags SET name = ?, name_key = ? WHERE id = ?"));
    q.addBindValue(name);
    q.addBindValue(key);
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = tr("Cannot rename the tag: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

bool TagRepository::merge(qint64 fromId, qint64 intoId)
{
    if (fromId == intoId)
        return true;
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO contact_tags (contact_id, tag_id, added_at) SELECT "
                             "contact_id, ?, added_at FROM contact_tags WHERE tag_id = ? "
                             "ON CONFLICT DO NOTHING"));
    q.addBindValue(intoId);
    q.addBindValue(fromId);
    if (!tx.isActive() || !q.exec()) {
        m_error = tr("Cannot merge the tags: %1").arg(q.lastError().text());
        return false;
    }
    q.prepare(QStringLiteral("DELETE FROM tags WHERE id = ?"));
    q.addBindValue(fromId);
    if (!q.exec() || !tx.commit()) {
        m_error = tr("Cannot merge the tags: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

bool TagRepository::remove(qint64 id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM tags WHERE id = ?")); // contact_tags cascade
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = tr("Cannot delete the tag: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

} // namespace masir
