#include "contacts/ContactListModel.h"

#include "contacts/PhoneNumbers.h"
#include "i18n/Formatter.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace masir {

ContactListModel::ContactListModel(const Database &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_repo(db)
{
    m_searchPool.setMaxThreadCount(1);
    m_count = m_repo.count(m_query);
}

ContactListModel::~ContactListModel()
{
    // A running search reads through the workspace; let it finish first.
    *m_generation = 0;
    m_searchPool.waitForDone();
}

int ContactListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(std::min<qint64>(m_count, std::numeric_limits<int>::max()));
}

int ContactListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ContactListModel::isSortable(int column)
{
    return column == NameColumn || column == CompanyColumn || column == ScoreColumn ||
           column == CreatedColumn;
}

int ContactListModel::sortColumn() const
{
    switch (m_query.sortKey) {
    case ContactQuery::SortKey::LastName:
        return NameColumn;
    case ContactQuery::SortKey::Company:
        return CompanyColumn;
    case ContactQuery::SortKey::Score:
        return ScoreColumn;
    case ContactQuery::SortKey::Created:
        return CreatedColumn;
    }
    return CreatedColumn;
}

QVariant ContactListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == SortableRole)
        return isSortable(section);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("Email");
    case PhoneColumn:
        return tr("Phone");
    case CompanyColumn:
        return tr("Company");
    case CityColumn:
        return tr("City");
    case StageColumn:
        return tr("Stage");
    case ScoreColumn:
        return tr("Score");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

void ContactListModel::touch(int page) const
{
    auto it = std::find(m_lru.begin(), m_lru.end(), page);
    if (it != m_lru.begin()) {
        if (it != m_lru.end())
            m_lru.erase(it);
        m_lru.push_front(page);
    }
}

const QList<ContactListRow> &ContactListModel::pageAt(int page) const
{
    auto found = m_pages.constFind(page);
    if (found != m_pages.cend()) {
        touch(page);
        return *found;
    }
    const qint64 first = qint64(page) * pageSize();
    PageRequest req;
    req.limit = pageSize();
    const auto prev = m_pages.constFind(page - 1);
    const auto next = m_pages.constFind(page + 1);
    if (prev != m_pages.cend() && !prev->isEmpty()) {
        // Scrolling down: continue after the last row we have.
        req.from = PageRequest::From::After;
        req.anchorValue = prev->last().sortValue;
        req.anchorId = prev->last().id;
    } else if (next != m_pages.cend() && next->size() == pageSize()) {
        // Scrolling up: the rows just before the next page.
        req.from = PageRequest::From::Before;
        req.anchorValue = next->first().sortValue;
        req.anchorId = next->first().id;
    } else if (first <= m_count / 2) {
        req.from = PageRequest::From::Start;
        req.offset = first;
    } else {
        // A jump into the second half: count from the end, which keeps the jump to
        // the last page as cheap as the first.
        const qint64 last = std::min<qint64>(first + pageSize(), m_count);
        req.from = PageRequest::From::End;
        req.offset = m_count - last;
        req.limit = int(last - first);
    }
    QList<ContactListRow> rows = m_repo.page(m_query, req);
    while (m_pages.size() >= maxCachedPages() && !m_lru.empty()) {
        m_pages.remove(m_lru.back());
        m_lru.pop_back();
    }
    m_lru.push_front(page);
    return *m_pages.insert(page, std::move(rows));
}

const ContactListRow *ContactListModel::rowAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const QList<ContactListRow> &rows = pageAt(row / pageSize());
    const int offset = row % pageSize();
    return offset < rows.size() ? &rows.at(offset) : nullptr;
}

QVariant ContactListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (role != Qt::DisplayRole && role != IdRole && role != Qt::ToolTipRole &&
        role != Qt::TextAlignmentRole)
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() == ScoreColumn ? QVariant(Qt::AlignTrailing | Qt::AlignVCenter)
                                             : QVariant();
    const ContactListRow *r = rowAt(index.row());
    if (!r)
        return {};
    if (role == IdRole)
        return r->id;
    switch (index.column()) {
    case NameColumn: {
        const QString name = QString(r->firstName + QLatin1Char(' ') + r->lastName).trimmed();
        return name;
    }
    case EmailColumn:
        return r->email;
    case PhoneColumn:
        return role == Qt::ToolTipRole ? r->phone : PhoneNumbers::display(r->phone);
    case CompanyColumn:
        return r->company;
    case CityColumn:
        return r->city;
    case StageColumn:
        return ContactVocabulary::stageLabel(r->stage);
    case ScoreColumn:
        return Formatter::number(r->score);
    case CreatedColumn:
        return role == Qt::ToolTipRole ? Formatter::dateTime(r->createdAt)
                                       : Formatter::date(r->createdAt.toLocalTime().date());
    default:
        return {};
    }
}

void ContactListModel::sort(int column, Qt::SortOrder order)
{
    ContactQuery q = m_query;
    switch (column) {
    case NameColumn:
        q.sortKey = ContactQuery::SortKey::LastName;
        break;
    case CompanyColumn:
        q.sortKey = ContactQuery::SortKey::Company;
        break;
    case ScoreColumn:
        q.sortKey = ContactQuery::SortKey::Score;
        break;
    case CreatedColumn:
        q.sortKey = ContactQuery::SortKey::Created;
        break;
    default:
        return; // not indexed: sorting it would scan the whole table
    }
    q.descending = order == Qt::DescendingOrder;
    if (q == m_query)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    m_query = q;
    m_pages.clear();
    m_lru.clear();
    // Rows keep their count; persistent indexes are not tracked across a re-sort
    // of a million rows, so they are invalidated.
    const QModelIndexList persistent = persistentIndexList();
    changePersistentIndexList(persistent, QModelIndexList(persistent.size()));
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    // A search still running was started with the old order: run it again.
    if (m_searching)
        startSearch();
}

void ContactListModel::setSearch(const QString &text)
{
    if (text == m_query.search)
        return;
    m_query.search = text;
    refresh();
}

bool ContactListModel::setFilter(const ContactFilter &filter)
{
    if (filter == m_query.filter)
        return false;
    m_query.filter = filter;
    refresh();
    return true;
}

bool ContactListModel::isFiltered() const
{
    return !m_query.search.trimmed().isEmpty() || !m_query.filter.isEmpty();
}

void ContactListModel::refresh()
{
    // A search or a segment can take a moment on a large workspace: in the background.
    if (isFiltered()) {
        startSearch();
        return;
    }
    // Without a filter, COUNT(*) walks the smallest index: quick at any size.
    ++*m_generation;
    m_searching = false;
    beginResetModel();
    m_pages.clear();
    m_lru.clear();
    m_count = m_repo.count(m_query);
    endResetModel();
    Q_EMIT totalChanged(m_count);
}

void ContactListModel::startSearch()
{
    const quint64 generation = ++*m_generation;
    m_searching = true;
    Q_EMIT searchStarted();
    const Database *db = &m_db;
    const ContactQuery query = m_query;
    const auto current = m_generation;
    QPointer<ContactListModel> self(this);
    // Fire and forget: the pool is waited for in the destructor, and results come
    // back through queued calls that check the generation.
    (void)QtConcurrent::run(&m_searchPool, [db, query, generation, current, self] {
        if (*current != generation)
            return; // the user typed on
        ContactRepository repo(*db);
        PageRequest first;
        first.limit = pageSize();
        QList<ContactListRow> rows = repo.page(query, first);
        // A short first page is the whole result: no need to scan again to count.
        const qint64 shortCount = rows.size() < pageSize() ? rows.size() : -1;
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, rows = std::move(rows)]() mutable {
                if (self)
                    self->searchPageArrived(generation, std::move(rows));
            },
            Qt::QueuedConnection);
        if (*current != generation)
            return;
        const qint64 count = shortCount >= 0 ? shortCount : repo.count(query);
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, count] {
                if (self)
                    self->searchCountArrived(generation, count);
            },
            Qt::QueuedConnection);
    });
}

void ContactListModel::searchPageArrived(quint64 generation, QList<ContactListRow> rows)
{
    if (generation != *m_generation)
        return;
    beginResetModel();
    m_pages.clear();
    m_lru.clear();
    // Until the count arrives, the list holds the first page only.
    m_count = rows.size();
    m_pages.insert(0, std::move(rows));
    m_lru.push_front(0);
    endResetModel();
}

void ContactListModel::searchCountArrived(quint64 generation, qint64 count)
{
    if (generation != *m_generation)
        return;
    if (count > m_count) {
        beginInsertRows({}, int(m_count),
                        int(std::min<qint64>(count, std::numeric_limits<int>::max()) - 1));
        m_count = count;
        endInsertRows();
    } else if (count < m_count) {
        // rows were deleted meanwhile: start over with the exact number
        beginResetModel();
        m_pages.clear();
        m_lru.clear();
        m_count = count;
        endResetModel();
    }
    m_searching = false;
    Q_EMIT totalChanged(m_count);
    Q_EMIT searchFinished(m_count);
}

qint64 ContactListModel::contactId(int row) const
{
    const ContactListRow *r = rowAt(row);
    return r ? r->id : 0;
}

int ContactListModel::rowOfCached(qint64 id) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (int i = 0; i < it->size(); ++i) {
            if (it->at(i).id == id)
                return it.key() * pageSize() + i;
        }
    }
    return -1;
}

} // namespace masir
