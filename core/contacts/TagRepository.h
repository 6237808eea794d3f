#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace masir {

class Database;

struct TagInfo
{
    qint64 id = 0;
    QString name;
    qint64 contacts = 0;
};

/// The tags manager: tags with their counts; rename, merge and delete.
class TagRepository final
{
    Q_DECLARE_TR_FUNCTIONS(masir::TagRepository)

public:
    explicit TagRepository(const Database &db);

    /// Every tag with how many contacts have it, by name.
    QList<TagInfo> list() const;
    /// Just the names, by name: no counting (for completion while typing).
    QStringList names() const;
    /// Renames a tag; a name another tag already has (ignoring case and Persian
    /// letter forms) merges the two.
    bool rename(qint64 id, const QString &newName);
    /// Gives every contact of \a fromId the tag \a intoId, then deletes \a fromId.
    bool merge(qint64 fromId, qint64 intoId);
    bool remove(qint64 id);

    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    QString m_error;
};

} // namespace masir
