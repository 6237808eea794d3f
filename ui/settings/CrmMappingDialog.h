#pragma once

#include "crm/CrmDialogs.h"

class QTableWidget;

namespace masir::ui {

/// Where a CRM's columns go in Masir: the same mapping as a CSV import's,
/// per connector, remembered for the next syncs. The CRM's id always goes to
/// its own custom field, which deals are matched by.
class CrmMappingDialog final : public EditDialog
{
    Q_OBJECT

public:
    CrmMappingDialog(const Database &db, const QString &connector, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }
    void accept() override;

private:
    const Database &m_db;
    QString m_connector;
    QStringList m_headers;
    QTableWidget *m_table = nullptr;
};

} // namespace masir::ui
