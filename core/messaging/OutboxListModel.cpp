#include "messaging/OutboxListModel.h"

#include "contacts/PhoneNumbers.h"
#include "i18n/Formatter.h"

namespace masir {

namespace {
const QString kInterrupted = QStringLiteral("interrupted");
} // namespace

OutboxListModel::OutboxListModel(const Database &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
{}

QString OutboxListModel::channelLabel(const QString &channel)
{
    if (channel == QLatin1String("email"))
        return tr("Email");
    if (channel == QLatin1String("sms"))
        return tr("SMS");
    if (channel == QLatin1String("webhook"))
        return tr("Webhook");
    return channel;
}

void OutboxListModel::setFilter(const OutboxFilter &filter)
{
    m_filter = filter;
    reload();
}

void OutboxListModel::reload()
{
    const QList<OutboxRow> rows = Outbox(m_db).list(m_filter);
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int OutboxListModel::rowOf(qint64 id) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).id == id)
            return r;
    return -1;
}

int OutboxListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutboxListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("#");
    case StateColumn:
        return tr("State");
    case ChannelColumn:
        return tr("Channel");
    case ToColumn:
        return tr("To");
    case TemplateColumn:
        return tr("Template");
    case JourneyColumn:
        return tr("Journey or campaign");
    case AttemptsColumn:
        return tr("Attempts");
    case TimeColumn:
        return tr("Due / sent");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

QVariant OutboxListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxRow &r = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case StateRole:
        return r.state;
    case Qt::DisplayRole:
        return display(r, index.column());
    case Qt::ToolTipRole:
        return toolTip(r, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == AttemptsColumn)
            return QVariant(Qt::AlignVCenter | Qt::AlignTrailing);
        return {};
    default:
        return {};
    }
}

std::pair<QDateTime, QString> OutboxListModel::when(const OutboxRow &r)
{
    if (r.sentAt.isValid())
        return {r.sentAt, tr("Sent %1")};
    if (r.state == QLatin1String("queued") || r.state == QLatin1String("sending") ||
        !r.updatedAt.isValid())
        return {r.dueAt, tr("Due %1")};
    return {r.updatedAt, tr("Last changed %1")};
}

QString OutboxListModel::recipient(const OutboxRow &r)
{
    return r.channel == QLatin1String("sms") ? PhoneNumbers::display(r.recipient) : r.recipient;
}

QVariant OutboxListModel::display(const OutboxRow &r, int column)
{
    switch (column) {
    case IdColumn:
        return Formatter::number(r.id);
    case StateColumn:
        return Outbox::stateLabel(r.state);
    case ChannelColumn:
        return channelLabel(r.channel);
    case ToColumn:
        return recipient(r);
    case TemplateColumn:
        return r.templateName;
    case JourneyColumn:
        return r.journey;
    case AttemptsColumn:
        return Formatter::number(r.attempts);
    case TimeColumn:
        return Formatter::dateTime(when(r).first);
    case ErrorColumn:
        return r.error.simplified();
    default:
        return {};
    }
}

QVariant OutboxListModel::toolTip(const OutboxRow &r, int column)
{
    switch (column) {
    case StateColumn:
        if (r.state == kInterrupted)
            return tr("The app stopped while this message was being sent: it may or may not have "
                      "been delivered. Resend or discard it.");
        return {};
    case ToColumn:
        return recipient(r);
    case TimeColumn: {
        const auto [time, label] = when(r);
        return time.isValid() ? label.arg(Formatter::dateTime(time)) : QVariant();
    }
    case ErrorColumn: {
        if (r.error.isEmpty() && r.providerId.isEmpty())
            return {};
        QString tip = r.error;
        if (!r.providerId.isEmpty())
            tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) +
                   tr("Provider's message id: %1").arg(r.providerId);
        return tip;
    }
    default:
        return {};
    }
}

} // namespace masir
