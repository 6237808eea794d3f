#pragma once

#include "segments/SegmentRepository.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>

#include <atomic>
#include <memory>
#include <optional>

namespace masir {

class BackgroundTasks;
class Database;

/// The saved segments and lists with how many contacts each holds: each row
/// shows a name and its count. Counting every segment of a large workspace
/// takes a while, so counts come in the background, one segment at a time,
/// after each reload(); a reload made meanwhile wins.
class SegmentListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        NameRole,
        StaticRole, ///< a list, not a rule segment
        CountRole,  ///< the count, or an invalid variant while unknown
    };

    explicit SegmentListModel(const Database &db, QObject *parent = nullptr);
    ~SegmentListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// Reads the segments again, then counts them in the background.
    void reload();
    int rowOf(qint64 id) const;
    const Segment &at(int row) const { return m_segments.at(row); }
    QStringList names() const;
    /// A count learnt elsewhere (the editor's live count of the open segment).
    void setCount(qint64 id, qint64 count);

Q_SIGNALS:
    /// Every segment of the last reload() has its count.
    void countsDone();

private:
    void countAll();

    const Database &m_db;
    QList<Segment> m_segments;
    /// id -> count; nullopt: it cannot be counted (a broken rule)
    QHash<qint64, std::optional<qint64>> m_counts;
    BackgroundTasks *m_tasks;
    /// The newest reload's number: older counting stops when it changes.
    std::shared_ptr<std::atomic<quint64>> m_generation = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace masir
