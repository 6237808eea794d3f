#pragma once

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace masir {

/// A note a person wrote about a contact.
struct Note
{
    qint64 id = 0;
    qint64 contactId = 0;
    QString body;
    QString author;
    QDateTime createdAt;
    QDateTime updatedAt;
};

/// The one writer of the notes table, and its reader. The timeline shows a
/// note as it is now (ContactTimeline reads this table), so an edit shows at once.
class Notes final
{
    Q_DISABLE_COPY_MOVE(Notes)

public:
    explicit Notes(QSqlDatabase db);

    /// Its id, or nullopt with errorString(). An empty body is refused.
    std::optional<qint64> add(qint64 contactId, const QString &body, const QString &author,
                              qint64 atMs);
    bool edit(qint64 noteId, const QString &body, qint64 atMs);
    bool remove(qint64 noteId);
    std::optional<Note> find(qint64 noteId) const;
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};

} // namespace masir
