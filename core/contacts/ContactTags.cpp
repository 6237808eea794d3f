#include "contacts/ContactTags.h"

#include "common/Logging.h"
#include "common/TextNormalizer.h"
#include "events/EventStore.h"
#include "storage/StatementCache.h"

namespace masir {

ContactTags::ContactTags(QSqlDatabase db)
    : m_db(std::move(db))
    , m_statements(std::make_unique<StatementCache>(m_db))
{}

ContactTags::~ContactTags() = default;

QString ContactTags::cleanName(const QString &name)
{
    return TextNormalizer::normalize(name.simplified());
}

QString ContactTags::key(const QString &name)
{
    return TextNormalizer::forSearch(cleanName(name));
}

bool ContactTags::isTagName(const QString &name)
{
    return !key(name).trimmed().isEmpty();
}

EventStore &ContactTags::events()
{
    if (!m_events)
        m_events = std::make_unique<EventStore>(m_db);
    return *m_events;
}

std::optional<qint64> ContactTags::run(const QString &sql, std::initializer_list<QVariant> binds)
{
    PreparedStatement *st = m_statements->get(sql, &m_error);
    if (!st)
        return std::nullopt;
    int i = 1;
    for (const QVariant &b : binds)
        st->bind(i++, b);
    if (!st->exec()) {
        m_error = st->errorString();
        qCWarning(lcContacts) << "tags:" << m_error;
        return std::nullopt;
    }
    return st->changes();
}

std::optional<qint64> ContactTags::find(const QString &key)
{
    PreparedStatement *st =
        m_statements->get(QStringLiteral("SELECT id FROM tags WHERE name_key = ?"), &m_error);
    if (!st)
        return std::nullopt;
    st->bind(1, key.toUtf8());
    const PreparedStatement::Result r = st->step();
    const qint64 id = r == PreparedStatement::Result::Row ? st->columnInt64(0) : 0;
    if (r == PreparedStatement::Result::Error)
        m_error = st->errorString();
    st->reset();
    if (r == PreparedStatement::Result::Error)
        return std::nullopt;
    return id;
}

qint64 ContactTags::ensure(const QString &name, qint64 atMs)
{
    const QString clean = cleanName(name);
    const QString k = TextNormalizer::forSearch(clean);
    if (!isTagName(clean)) {
        m_error = tr("A tag needs a name.");
        return 0;
    }
    if (const auto it = m_ids.constFind(k); it != m_ids.cend())
        return *it;
    if (!run(QStringLiteral("INSERT INTO tags (name, name_key, created_at) VALUES (?, ?, ?) "
                            "ON CONFLICT (name_key) DO NOTHING"),
             {clean, k, atMs}))
        return 0;
    const auto id = find(k);
    if (!id || !*id) {
        if (id)
            m_error = tr("The tag \"%1\" could not be saved.").arg(clean);
        return 0;
    }
    m_ids.insert(k, *id);
    return *id;
}

std::optional<bool> ContactTags::add(qint64 contactId, qint64 tagId, qint64 atMs)
{
    const auto n = run(QStringLiteral("INSERT INTO contact_tags (contact_id, tag_id, added_at) "
                                      "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
                       {contactId, tagId, atMs});
    return n ? std::optional<bool>(*n > 0) : std::nullopt;
}

std::optional<bool> ContactTags::remove(qint64 contactId, qint64 tagId)
{
    const auto n =
        run(QStringLiteral("DELETE FROM contact_tags WHERE contact_id = ? AND tag_id = ?"),
            {contactId, tagId});
    return n ? std::optional<bool>(*n > 0) : std::nullopt;
}

bool ContactTags::record(qint64 contactId, const QString &type, const QString &name, qint64 atMs,
                         const QJsonObject &extra)
{
    QJsonObject payload = extra;
    payload.insert(QStringLiteral("tag"), cleanName(name));
    if (!events().append(contactId, type, atMs, payload)) {
        m_error = events().errorString();
        return false;
    }
    return true;
}

bool ContactTags::addRecorded(qint64 contactId, const QString &name, qint64 atMs,
                              const QJsonObject &extra)
{
    const qint64 tagId = ensure(name, atMs);
    if (!tagId)
        return false;
    const auto added = add(contactId, tagId, atMs);
    if (!added)
        return false;
    return !*added || record(contactId, EventType::TagAdded, name, atMs, extra);
}

bool ContactTags::removeRecorded(qint64 contactId, const QString &name, qint64 atMs,
                                 const QJsonObject &extra)
{
    const QString k = key(name);
    const auto tagId = m_ids.contains(k) ? std::optional<qint64>(m_ids.value(k)) : find(k);
    if (!tagId)
        return false;
    if (!*tagId)
        return true; // no such tag: no contact has it
    return removeRecorded(contactId, *tagId, name, atMs, extra);
}

bool ContactTags::removeRecorded(qint64 contactId, qint64 tagId, const QString &name, qint64 atMs,
                                 const QJsonObject &extra)
{
    const auto removed = remove(contactId, tagId);
    if (!removed)
        return false;
    return !*removed || record(contactId, EventType::TagRemoved, name, atMs, extra);
}

bool ContactTags::rename(qint64 tagId, const QString &name)
{
    m_ids.clear();
    return run(QStringLiteral("UPDATE tags SET name = ?, name_key = ? WHERE id = ?"),
               {cleanName(name), key(name), tagId})
        .has_value();
}

bool ContactTags::merge(qint64 fromId, qint64 intoId)
{
    if (fromId == intoId)
        return true;
    m_ids.clear();
    return run(QStringLiteral("INSERT INTO contact_tags (contact_id, tag_id, added_at) SELECT "
                              "contact_id, ?, added_at FROM contact_tags WHERE tag_id = ? "
                              "ON CONFLICT DO NOTHING"),
               {intoId, fromId}) &&
           removeTag(fromId);
}

bool ContactTags::removeTag(qint64 tagId)
{
    m_ids.clear();
    // contact_tags cascade
    return run(QStringLiteral("DELETE FROM tags WHERE id = ?"), {tagId}).has_value();
}

} // namespace masir
