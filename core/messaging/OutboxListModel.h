#pragma once

#include "messaging/Outbox.h"

#include <QAbstractTableModel>
#include <QList>

namespace masir {

class Database;

/// The outbox as a table, newest first: a message's state, channel,
/// recipient, template, journey, attempts, time and error. setFilter() chooses
/// the state and how many rows; reload() reads them again.
class OutboxListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        StateColumn,
        ChannelColumn,
        ToColumn,
        TemplateColumn,
        JourneyColumn,
        AttemptsColumn,
        TimeColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StateRole, ///< "queued", "failed", "interrupted"...
    };

    explicit OutboxListModel(const Database &db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setFilter(const OutboxFilter &filter);
    const OutboxFilter &filter() const { return m_filter; }
    /// Reads the rows again.
    void reload();
    const QList<OutboxRow> &rows() const { return m_rows; }
    int rowOf(qint64 id) const;

    static QString channelLabel(const QString &channel);

private:
    static std::pair<QDateTime, QString> when(const OutboxRow &r);
    static QString recipient(const OutboxRow &r);
    static QVariant display(const OutboxRow &r, int column);
    static QVariant toolTip(const OutboxRow &r, int column);

    const Database &m_db;
    OutboxFilter m_filter;
    QList<OutboxRow> m_rows;
};

} // namespace masir
