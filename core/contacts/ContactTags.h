#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace masir {

class EventStore;
class StatementCache;

/// The one writer of the tags and contact_tags tables: every tag a contact gets
/// or loses (the editor, imports, journeys, the demo) and the tags manager's
/// renames, merges and deletions. Writes go to the connection given, inside the
/// caller's transaction; statements and tag ids are kept for the next call, so
/// a bulk writer keeps one ContactTags for all its rows.
class ContactTags final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ContactTags)
    Q_DISABLE_COPY_MOVE(ContactTags)

public:
    explicit ContactTags(QSqlDatabase db);
    ~ContactTags();

    /// A tag's name as stored: Persian letters normalised, spaces simplified.
    static QString cleanName(const QString &name);
    /// What makes two names one tag: case, Persian letter forms, ZWNJ and
    /// diacritics ignored.
    static QString key(const QString &name);
    /// False for a name that is no tag (only spaces, ZWNJ, tatweel or
    /// diacritics): ensure() refuses it and callers skip it.
    static bool isTagName(const QString &name);

    /// The id of the tag called \a name, made now if there is none; 0 with
    /// errorString() when it cannot be written or the name is empty.
    qint64 ensure(const QString &name, qint64 atMs);
    /// Gives a contact a tag: true if it did not have it, nullopt on an error.
    std::optional<bool> add(qint64 contactId, qint64 tagId, qint64 atMs);
    /// Takes a tag from a contact: true if it had it, nullopt on an error.
    std::optional<bool> remove(qint64 contactId, qint64 tagId);

    /// add() by name, and a tag_added event on the contact's timeline (with
    /// \a extra in its payload) when the contact did not have it.
    bool addRecorded(qint64 contactId, const QString &name, qint64 atMs,
                     const QJsonObject &extra = {});
    /// remove() by name, and a tag_removed event when the contact had it.
    bool removeRecorded(qint64 contactId, const QString &name, qint64 atMs,
                        const QJsonObject &extra = {});
    /// The same for the tag \a tagId, known to the caller as \a name.
    bool removeRecorded(qint64 contactId, qint64 tagId, const QString &name, qint64 atMs,
                        const QJsonObject &extra = {});

    /// The tags manager: a new name for a tag (see TagRepository::rename()).
    bool rename(qint64 tagId, const QString &name);
    /// Gives every contact of \a fromId the tag \a intoId, then deletes \a fromId.
    bool merge(qint64 fromId, qint64 intoId);
    /// Deletes a tag; its contacts lose it.
    bool removeTag(qint64 tagId);

    QString errorString() const { return m_error; }

private:
    /// Runs \a sql with \a binds; the rows it changed, or nullopt.
    std::optional<qint64> run(const QString &sql, std::initializer_list<QVariant> binds);
    std::optional<qint64> find(const QString &key);
    EventStore &events();
    /// The event of \a type (tag added or removed) with the tag's \a name.
    bool record(qint64 contactId, const QString &type, const QString &name, qint64 atMs,
                const QJsonObject &extra);

    QSqlDatabase m_db;
    std::unique_ptr<StatementCache> m_statements;
    std::unique_ptr<EventStore> m_events;
    QHash<QString, qint64> m_ids; ///< key -> tag id, as found or made here
    QString m_error;
};

} // namespace masir
