#include "messaging/TemplateListModel.h"

namespace masir {

TemplateListModel::TemplateListModel(const Database &db, QObject *parent)
    : QAbstractListModel(parent)
    , m_db(db)
{
    reload();
}

QString TemplateListModel::channelLabel(const QString &channel)
{
    return channel == QLatin1String("sms") ? tr("SMS") : tr("Email");
}

int TemplateListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_templates.size());
}

QVariant TemplateListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageTemplate &t = m_templates.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2").arg(t.name, channelLabel(t.channel));
    case Qt::ToolTipRole:
        return t.isEmail() ? tr("Email: %1").arg(t.subject) : tr("Text message");
    case IdRole:
        return t.id;
    case NameRole:
        return t.name;
    case ChannelRole:
        return t.channel;
    default:
        return {};
    }
}

void TemplateListModel::reload()
{
    beginResetModel();
    m_templates = TemplateRepository(m_db).list();
    endResetModel();
}

int TemplateListModel::rowOf(qint64 id) const
{
    for (int r = 0; r < m_templates.size(); ++r)
        if (m_templates.at(r).id == id)
            return r;
    return -1;
}

} // namespace masir
