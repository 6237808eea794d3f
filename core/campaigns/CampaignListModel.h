#pragma once

#include "campaigns/Campaign.h"

#include <QAbstractTableModel>
#include <QList>
#include <QMap>

#include <optional>

namespace masir {

class Database;

/// A campaign with its messages counted by state, as the list shows it.
struct CampaignRow
{
    Campaign campaign;
    QMap<QString, qint64> messages;

    qint64 sent() const { return messages.value(QStringLiteral("sent")); }
    qint64 failed() const
    {
        return messages.value(QStringLiteral("failed")) +
               messages.value(QStringLiteral("suppressed")) +
               messages.value(QStringLiteral("interrupted"));
    }
    /// Not yet sent: still to be written to the outbox, queued, held or on the wire.
    qint64 left() const;
};

/// The campaigns as a table, newest first. load() reads them (off the UI
/// thread: it counts every campaign's messages); setRows() shows them.
class CampaignListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        AudienceColumn,
        RecipientsColumn,
        ProgressColumn,
        WhenColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StateRole,
    };

    explicit CampaignListModel(QObject *parent = nullptr);

    static std::optional<QList<CampaignRow>> load(const Database &db, QString *error);
    void setRows(const QList<CampaignRow> &rows);
    const QList<CampaignRow> &rows() const { return m_rows; }
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// "1,204 of 5,000 sent, 3 failed", "A/B test: waiting for the winner"...
    static QString progress(const CampaignRow &r);
    static QString schedule(const Campaign &c);

private:
    QList<CampaignRow> m_rows;
};

} // namespace masir
