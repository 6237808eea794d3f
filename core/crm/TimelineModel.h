#pragma once

#include "crm/ContactTimeline.h"

#include <QAbstractListModel>

namespace masir {

/// A contact's timeline as a list a view scrolls: a page is read when the view
/// reaches the end (fetchMore), so a contact with a hundred thousand events
/// opens with its newest hundred.
class TimelineModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        TypeRole = Qt::UserRole, ///< the event's type
        WhenRole,                ///< its time, QDateTime (UTC)
        IdRole,                  ///< its row's id (a note's id for a note)
        PayloadRole,             ///< QJsonObject
    };

    explicit TimelineModel(const Database &db, QObject *parent = nullptr);

    /// Shows \a contactId's entries of \a kind from the newest (0: nothing).
    void show(qint64 contactId, TimelineKind kind = TimelineKind::All);
    void setKind(TimelineKind kind);
    TimelineKind kind() const { return m_kind; }
    qint64 contactId() const { return m_contactId; }
    /// Reads the first page again (after a change).
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static constexpr int kPageSize = 100;

private:
    ContactTimeline m_reader;
    qint64 m_contactId = 0;
    TimelineKind m_kind = TimelineKind::All;
    QList<Event> m_entries;
    TimelineCursor m_next;
    bool m_more = false;
};

} // namespace masir
