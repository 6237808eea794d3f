#include "settings/CrmMappingDialog.h"

#include "connectors/CrmConnections.h"
#include "connectors/CrmSync.h"
#include "contacts/CustomFields.h"
#include "importing/ColumnMapper.h"
#include "storage/Database.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace masir::ui {

CrmMappingDialog::CrmMappingDialog(const Database &db, const QString &connector, QWidget *parent)
    : EditDialog(parent)
    , m_db(db)
    , m_connector(connector)
    , m_headers(CrmSync::headers(CrmConnections::label(connector)))
{
    setWindowTitle(tr("%1 Columns").arg(CrmConnections::label(connector)));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Where each %1 column goes in Masir, for this and every next "
                                "sync. Choose Skip to leave a column out.")
                                 .arg(CrmConnections::label(connector)));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    QStringList targets = ColumnMapper::remembered(db, m_headers);
    if (targets.size() != m_headers.size())
        targets = CrmSync::defaultTargets(connector);
    QStringList choices = ImportTarget::standard();
    choices.prepend(ImportTarget::Skip);
    for (const FieldDefinition &f : CustomFieldRepository(db).fields())
        choices << QStringLiteral("custom.") + f.key;
    m_table = new QTableWidget(int(m_headers.size()), 2);
    m_table->setHorizontalHeaderLabels(
        {tr("%1 column").arg(CrmConnections::label(connector)), tr("Masir field")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    const QString idTarget = CrmSync::defaultTargets(connector).first();
    for (int row = 0; row < m_headers.size(); ++row) {
        auto *name = new QTableWidgetItem(m_headers.at(row));
        name->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, 0, name);
        auto *combo = new QComboBox;
        for (const QString &c : std::as_const(choices))
            combo->addItem(c == ImportTarget::Skip ? tr("Skip") : ImportTarget::label(c), c);
        if (combo->findData(idTarget) < 0)
            combo->addItem(tr("%1 ID").arg(CrmConnections::label(connector)), idTarget);
        combo->setCurrentIndex(std::max(0, combo->findData(targets.value(row))));
        // the CRM's id is what deals and the next syncs find people by
        combo->setEnabled(row != 0);
        connect(combo, &QComboBox::activated, this, &EditDialog::setModified);
        m_table->setCellWidget(row, 1, combo);
    }
    layout->addWidget(m_table, 1);
    addButtons(layout);
    resize(480, 420);
}

void CrmMappingDialog::accept()
{
    QStringList targets;
    for (int row = 0; row < m_table->rowCount(); ++row)
        targets << qobject_cast<QComboBox *>(m_table->cellWidget(row, 1))->currentData().toString();
    if (!targets.contains(QLatin1String("email")) && !targets.contains(QLatin1String("phone"))) {
        showError(tr("Map the email or the phone column: people are matched by them."));
        return;
    }
    if (!ColumnMapper::remember(m_db, m_headers, targets)) {
        showError(tr("The mapping could not be saved."));
        return;
    }
    QDialog::accept();
}

} // namespace masir::ui
