#pragma once

#include "journeys/JourneyRepository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace masir {

class BackgroundTasks;
class Database;

/// Every journey with its status, version, how many contacts are in it, how
/// many steps it ran and how many reached a goal. The counts read every step
/// of a journey, so they come in the background after reload(); until then a
/// journey shows the counts it had.
class JourneyListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        VersionColumn,
        InJourneyColumn,
        StepsColumn,
        ConvertedColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StatusRole, ///< "draft", "active", "paused", "archived"
    };
    using Counts = QHash<qint64, QList<JourneyNodeCount>>;

    explicit JourneyListModel(const Database &db, QObject *parent = nullptr);
    ~JourneyListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Reads the journeys again, then their counts in the background.
    void reload();
    int rowOf(qint64 id) const;
    const Journey &at(int row) const { return m_journeys.at(row); }

    static QString statusLabel(const QString &status);

Q_SIGNALS:
    /// The counts of every journey, per node (for the canvases that are open).
    void countsLoaded(const masir::JourneyListModel::Counts &counts);

private:
    struct Totals
    {
        qint64 waiting = 0;       ///< in the journey now
        qint64 steps = 0;         ///< steps run
        double conversion = -1.0; ///< % of those who entered who reached a goal; -1: no goal
    };
    void countsArrived(const Counts &counts);

    const Database &m_db;
    QList<Journey> m_journeys;
    QHash<qint64, Totals> m_totals;
    BackgroundTasks *m_tasks;
};

} // namespace masir
