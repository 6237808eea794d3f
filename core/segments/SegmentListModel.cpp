#include "segments/SegmentListModel.h"

#include "common/BackgroundTasks.h"
#include "i18n/Formatter.h"

namespace masir {

SegmentListModel::SegmentListModel(const Database &db, QObject *parent)
    : QAbstractListModel(parent)
    , m_db(db)
    , m_tasks(new BackgroundTasks(this))
{
    reload();
}

SegmentListModel::~SegmentListModel() = default;

int SegmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_segments.size());
}

QVariant SegmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Segment &s = m_segments.at(index.row());
    const auto count = m_counts.constFind(s.id);
    switch (role) {
    case Qt::DisplayRole: {
        const QString n = count == m_counts.cend() ? QStringLiteral("…")
                          : *count                 ? Formatter::number(**count)
                                                   : tr("cannot be counted");
        return s.isStatic ? tr("List: %1\nContacts: %2").arg(s.name, n)
                          : tr("%1\nContacts: %2").arg(s.name, n);
    }
    case Qt::ToolTipRole:
        return s.isStatic ? tr("List: contacts added by hand or by an import")
                          : tr("Segment: contacts who match its rules");
    case IdRole:
        return s.id;
    case NameRole:
        return s.name;
    case StaticRole:
        return s.isStatic;
    case CountRole:
        return count != m_counts.cend() && *count ? QVariant(**count) : QVariant();
    default:
        return {};
    }
}

void SegmentListModel::reload()
{
    beginResetModel();
    m_segments = SegmentRepository(m_db).list();
    m_counts.clear(); // "…" until counted again: a count may be stale after any save
    endResetModel();
    countAll();
}

int SegmentListModel::rowOf(qint64 id) const
{
    for (int r = 0; r < m_segments.size(); ++r)
        if (m_segments.at(r).id == id)
            return r;
    return -1;
}

QStringList SegmentListModel::names() const
{
    QStringList out;
    for (const Segment &s : m_segments)
        out << s.name;
    return out;
}

void SegmentListModel::setCount(qint64 id, qint64 count)
{
    m_counts.insert(id, count);
    if (const int row = rowOf(id); row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {Qt::DisplayRole, CountRole});
}

void SegmentListModel::countAll()
{
    // Every saved segment's count, one at a time in the background; what the
    // last reload asked for wins (older work stops at its next segment).
    QList<qint64> ids;
    for (const Segment &s : std::as_const(m_segments))
        ids << s.id;
    const quint64 generation = ++*m_generation;
    const Database *db = &m_db;
    BackgroundTasks *tasks = m_tasks;
    const auto latest = m_generation;
    m_tasks->run(
        [db, ids, tasks, generation, latest, this] {
            SegmentRepository repo(*db);
            for (const qint64 id : ids) {
                if (tasks->stopping()->load() || *latest != generation)
                    break;
                const auto n = repo.count(id);
                tasks->post([this, id, n, generation] {
                    if (generation != *m_generation)
                        return;
                    m_counts.insert(id, n);
                    if (const int row = rowOf(id); row >= 0)
                        Q_EMIT dataChanged(index(row), index(row), {Qt::DisplayRole, CountRole});
                });
            }
            return generation;
        },
        [this](quint64 done) {
            if (done == *m_generation)
                Q_EMIT countsDone();
        },
        QStringLiteral("counts"));
}

} // namespace masir
