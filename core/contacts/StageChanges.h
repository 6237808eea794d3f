#pragma once

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace masir {

class EventStore;
class StatementCache;

/// The one writer of a contact's lifecycle stage once the contact exists: the
/// column and its stage_changed event, always together, inside the caller's
/// transaction. The editor, the import, score thresholds and journeys all move
/// stages through it; a bulk caller keeps one for all its rows.
class StageChanges final
{
    Q_DISABLE_COPY_MOVE(StageChanges)

public:
    explicit StageChanges(QSqlDatabase db);
    ~StageChanges();

    /// Moves \a contactId from \a from to \a to at \a atMs, with \a extra (the
    /// reason, the journey) in the event's payload. Nothing happens when the
    /// two are the same. False with errorString() when either write failed.
    bool change(qint64 contactId, const QString &from, const QString &to, qint64 atMs,
                const QJsonObject &extra = {});

    QString errorString() const { return m_error; }

    /// Notes the first time \a contactId reached \a stage (stage_reached, the
    /// funnel's), with the time since the stage before it, without an event:
    /// for a contact that came in at a later stage (created or imported so).
    /// True when it was the first time; nullopt with errorString() on an error.
    std::optional<bool> noteReached(qint64 contactId, const QString &stage, qint64 atMs);
    /// A merge, before \a fromContact is deleted: its stages become
    /// \a toContact's, the earliest time of each kept, with the earlier day
    /// the two came (the merged contact's).
    bool moveContact(qint64 fromContact, qint64 toContact);

private:
    QSqlDatabase m_db;
    std::unique_ptr<StatementCache> m_statements;
    std::unique_ptr<EventStore> m_events;
    QString m_error;
};

} // namespace masir
