#pragma once

#include "messaging/MessageTemplate.h"

#include <QAbstractListModel>
#include <QList>

namespace masir {

class Database;

/// The saved message templates as a list: each row shows a template's name and
/// channel. The Templates page's list, and any picker of templates.
class TemplateListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        NameRole,
        ChannelRole, ///< "email" or "sms"
    };

    explicit TemplateListModel(const Database &db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// Reads the templates again.
    void reload();
    /// The row of the template \a id, or -1.
    int rowOf(qint64 id) const;
    const MessageTemplate &at(int row) const { return m_templates.at(row); }
    /// "Email" or "SMS", as the list says it.
    static QString channelLabel(const QString &channel);

private:
    const Database &m_db;
    QList<MessageTemplate> m_templates;
};

} // namespace masir
