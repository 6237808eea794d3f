#include "campaigns/CampaignListModel.h"

#include "campaigns/CampaignRepository.h"
#include "common/Logging.h"
#include "i18n/Formatter.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QSqlQuery>

namespace masir {

qint64 CampaignRow::left() const
{
    qint64 written = 0;
    for (const qint64 n : messages)
        written += n;
    return std::max<qint64>(0, campaign.recipients - written) +
           messages.value(QStringLiteral("queued")) + messages.value(QStringLiteral("held")) +
           messages.value(QStringLiteral("sending"));
}

CampaignListModel::CampaignListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

std::optional<QList<CampaignRow>> CampaignListModel::load(const Database &db, QString *error)
{
    CampaignRepository repository(db);
    const auto campaigns = repository.list();
    if (!campaigns) {
        *error = repository.errorString();
        return std::nullopt;
    }
    QHash<qint64, QMap<QString, qint64>> counts;
    QSqlQuery q(db.connection());
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("SELECT campaign_id, state, count(*) FROM outbox WHERE "
                                  "campaign_id IS NOT NULL GROUP BY campaign_id, state"),
                   {}, error))
        return std::nullopt;
    while (q.next())
        counts[q.value(0).toLongLong()].insert(q.value(1).toString(), q.value(2).toLongLong());
    QList<CampaignRow> rows;
    for (const Campaign &c : *campaigns)
        rows << CampaignRow{c, counts.value(c.id)};
    return rows;
}

void CampaignListModel::setRows(const QList<CampaignRow> &rows)
{
    // The same campaigns in the same order: change the cells, keep the selection.
    bool same = rows.size() == m_rows.size();
    for (int i = 0; same && i < rows.size(); ++i)
        same = rows.at(i).campaign.id == m_rows.at(i).campaign.id;
    if (same) {
        m_rows = rows;
        if (!rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int CampaignListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).campaign.id == id)
            return i;
    return -1;
}

int CampaignListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CampaignListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CampaignListModel::schedule(const Campaign &c)
{
    switch (c.schedule) {
    case Campaign::Schedule::Now:
        return tr("Now");
    case Campaign::Schedule::At:
        return Formatter::dateTime(QDateTime::fromMSecsSinceEpoch(c.sendAtMs, Qt::UTC));
    case Campaign::Schedule::BestHour:
        return c.sendAtMs ? tr("At each contact's best hour in the 24 hours from %1")
                                .arg(Formatter::dateTime(
                                    QDateTime::fromMSecsSinceEpoch(c.sendAtMs, Qt::UTC)))
                          : tr("At each contact's best hour in the next 24 hours");
    case Campaign::Schedule::LocalTime:
        return tr("%1 at %2 in each contact's time zone")
            .arg(Formatter::date(QDateTime::fromMSecsSinceEpoch(c.sendAtMs).date()),
                 Formatter::time(QTime::fromString(c.localTime, QStringLiteral("HH:mm"))));
    }
    return {};
}

QString CampaignListModel::progress(const CampaignRow &r)
{
    const Campaign &c = r.campaign;
    if (c.state == QLatin1String("draft") || c.state == QLatin1String("scheduled"))
        return c.error.isEmpty() ? QString() : c.error.section(QLatin1Char('\n'), 0, 0);
    QString text =
        tr("%1 of %2 sent").arg(Formatter::number(r.sent()), Formatter::number(c.recipients));
    if (r.failed())
        text += tr(", %1 not sent").arg(Formatter::number(r.failed()));
    if (c.state == QLatin1String("sending") && c.phase == QLatin1String("testing"))
        text +=
            tr("; A/B test running until %1")
                .arg(Formatter::dateTime(QDateTime::fromMSecsSinceEpoch(c.testEndsAtMs, Qt::UTC)));
    else if (c.state == QLatin1String("sending") && c.phase == QLatin1String("choose"))
        text += tr("; A/B test over: choose the winner");
    return text;
}

QVariant CampaignListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CampaignRow &r = m_rows.at(index.row());
    const Campaign &c = r.campaign;
    if (role == IdRole)
        return c.id;
    if (role == StateRole)
        return c.state;
    if (role == Qt::ToolTipRole && index.column() == ProgressColumn && !c.error.isEmpty())
        return c.error;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return c.name;
    case StateColumn:
        return Campaign::stateLabel(c.state);
    case AudienceColumn: {
        QString text = c.audience.include.join(tr(", "));
        if (!c.audience.exclude.isEmpty())
            text += tr(" (not %1)").arg(c.audience.exclude.join(tr(", ")));
        return text;
    }
    case RecipientsColumn:
        return c.recipients ? Formatter::number(c.recipients) : QString();
    case ProgressColumn:
        return progress(r);
    case WhenColumn:
        return c.startedAtMs
                   ? Formatter::dateTime(QDateTime::fromMSecsSinceEpoch(c.startedAtMs, Qt::UTC))
                   : schedule(c);
    }
    return {};
}

QVariant CampaignListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Campaign");
    case StateColumn:
        return tr("State");
    case AudienceColumn:
        return tr("Audience");
    case RecipientsColumn:
        return tr("Recipients");
    case ProgressColumn:
        return tr("Progress");
    case WhenColumn:
        return tr("Sends / started");
    }
    return {};
}

} // namespace masir
