#pragma once

#include "contacts/ContactQuery.h"
#include "contacts/ContactRepository.h"

#include <QAbstractTableModel>
#include <QHash>

#include <list>

namespace masir {

class Database;

/// The contact list as a table model that never loads the whole table.
///
/// rowCount() is a COUNT(*) of the query. Rows are fetched in pages of pageSize()
/// when the view asks for them: by key from a neighbouring cached page when the
/// user scrolls, or by offset from the nearer end when the user jumps. At most
/// maxCachedPages() pages are kept (least recently used are dropped), so memory
/// stays flat however far the user scrolls.
class ContactListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        EmailColumn,
        PhoneColumn,
        CompanyColumn,
        CityColumn,
        StageColumn,
        ScoreColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        SortableRole, ///< headerData(): whether the column can be sorted
    };

    explicit ContactListModel(const Database &db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// Sorts by the indexed column behind \a column; other columns are ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static bool isSortable(int column);
    int sortColumn() const;

    void setSearch(const QString &text);
    QString search() const { return m_query.search; }
    const ContactQuery &query() const { return m_query; }

    qint64 contactId(int row) const;
    /// The row of \a id if it is in a cached page, else -1.
    int rowOfCached(qint64 id) const;

    /// Re-reads counts and drops cached pages (after an edit, import or delete).
    void refresh();

    static constexpr int pageSize() { return 200; }
    static constexpr int maxCachedPages() { return 40; }
    int cachedPageCount() const { return int(m_pages.size()); }

Q_SIGNALS:
    void totalChanged(qint64 total);

private:
    const ContactListRow *rowAt(int row) const;
    const QList<ContactListRow> &pageAt(int page) const;
    void touch(int page) const;

    const Database &m_db;
    ContactRepository m_repo;
    ContactQuery m_query;
    qint64 m_count = 0;
    // page index -> rows, plus an LRU order of the page indexes
    mutable QHash<int, QList<ContactListRow>> m_pages;
    mutable std::list<int> m_lru;
};

} // namespace masir
