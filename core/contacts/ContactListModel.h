#pragma once

#include "contacts/ContactQuery.h"
#include "contacts/ContactRepository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QThreadPool>

#include <atomic>
#include <list>
#include <memory>

namespace masir {

class Database;

/// The contact list as a table model that never loads the whole table.
///
/// rowCount() is a COUNT(*) of the query. Rows are fetched in pages of pageSize()
/// when the view asks for them: by key from a neighbouring cached page when the
/// user scrolls, or by offset from the nearer end when the user jumps. At most
/// maxCachedPages() pages are kept (least recently used are dropped), so memory
/// stays flat however far the user scrolls.
///
/// A search scans the table, which takes a noticeable time on a large workspace,
/// so it runs on a background thread with its own connection: the first page is
/// shown as soon as it is found, the count follows. Results of a search the user
/// has typed past are dropped.
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
    ~ContactListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// Sorts by the indexed column behind \a column; other columns are ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static bool isSortable(int column);
    int sortColumn() const;

    /// Starts a search in the background; searchFinished() tells when it is done.
    void setSearch(const QString &text);
    QString search() const { return m_query.search; }
    /// Shows only the contacts \a filter selects (a segment or list; empty:
    /// everyone), in the background. False when it is the filter already shown.
    bool setFilter(const ContactFilter &filter);
    const ContactFilter &filter() const { return m_query.filter; }
    /// Whether a search or a segment narrows the list.
    bool isFiltered() const;
    bool isSearching() const { return m_searching; }
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
    void searchStarted();
    void searchFinished(qint64 total);

private:
    void startSearch();
    void searchPageArrived(quint64 generation, QList<ContactListRow> rows);
    void searchCountArrived(quint64 generation, qint64 count);
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
    // Background searches: one at a time, newest wins.
    QThreadPool m_searchPool;
    std::shared_ptr<std::atomic<quint64>> m_generation = std::make_shared<std::atomic<quint64>>(0);
    bool m_searching = false;
};

} // namespace masir
