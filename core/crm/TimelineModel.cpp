#include "crm/TimelineModel.h"

#include "i18n/Formatter.h"

namespace masir {

TimelineModel::TimelineModel(const Database &db, QObject *parent)
    : QAbstractListModel(parent)
    , m_reader(db)
{}

void TimelineModel::show(qint64 contactId, TimelineKind kind)
{
    m_contactId = contactId;
    m_kind = kind;
    reload();
}

void TimelineModel::setKind(TimelineKind kind)
{
    if (kind != m_kind)
        show(m_contactId, kind);
}

void TimelineModel::reload()
{
    beginResetModel();
    m_entries.clear();
    m_next = {};
    m_more = m_contactId != 0;
    endResetModel();
    if (m_more)
        fetchMore({});
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Event &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2").arg(ContactTimeline::describe(e),
                                            Formatter::dateTime(e.occurredAt));
    case Qt::ToolTipRole:
        return ContactTimeline::describe(e);
    case TypeRole:
        return e.type;
    case WhenRole:
        return e.occurredAt;
    case IdRole:
        return e.id;
    case PayloadRole:
        return e.payload;
    default:
        return {};
    }
}

bool TimelineModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more;
}

void TimelineModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_more)
        return;
    const TimelinePage page = m_reader.page(m_contactId, m_kind, m_next, kPageSize);
    m_more = page.more;
    m_next = page.next;
    if (page.entries.isEmpty())
        return;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + page.entries.size() - 1));
    m_entries += page.entries;
    endInsertRows();
}

} // namespace masir
