#include "reports/AcquisitionCostsDialog.h"

#include "i18n/Formatter.h"
#include "reports/AcquisitionCosts.h"
#include "widgets/DateEdit.h"
#include "widgets/MessageLabel.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

/// The first day of \a day's month in the user's calendar (Jalali in Persian).
QDate monthOf(QDate day)
{
    const QCalendar calendar = Formatter::calendar();
    const QCalendar::YearMonthDay ymd = calendar.partsFromDate(day);
    return calendar.dateFromParts(ymd.year, ymd.month, 1);
}

} // namespace

AcquisitionCostsDialog::AcquisitionCostsDialog(const Database &db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
{
    setObjectName(QStringLiteral("AcquisitionCostsDialog"));
    setWindowTitle(tr("Acquisition Costs"));
    m_table = new QTableWidget(0, 3);
    m_table->setObjectName(QStringLiteral("costsTable"));
    m_table->setHorizontalHeaderLabels({tr("Month"), tr("Source"), tr("Cost")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    m_month = makeDateEdit();
    m_month->setObjectName(QStringLiteral("costMonth"));
    m_month->setDate(QDate::currentDate());
    m_source = new QLineEdit;
    m_source->setObjectName(QStringLiteral("costSource"));
    m_source->setPlaceholderText(tr("as contacts have it: instagram, shop…"));
    m_amount = new QDoubleSpinBox;
    m_amount->setObjectName(QStringLiteral("costAmount"));
    m_amount->setRange(0, 1e12);
    m_amount->setDecimals(2);
    m_amount->setGroupSeparatorShown(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Month:"), m_month);
    form->addRow(tr("&Source:"), m_source);
    form->addRow(tr("&Cost:"), m_amount);
    auto *add = new QPushButton(tr("&Set Cost"));
    add->setObjectName(QStringLiteral("setCost"));
    connect(add, &QPushButton::clicked, this,
            [this] { setCost(m_month->date(), m_source->text(), m_amount->value()); });
    auto *remove = new QPushButton(tr("&Remove"));
    remove->setObjectName(QStringLiteral("removeCost"));
    connect(remove, &QPushButton::clicked, this, &AcquisitionCostsDialog::removeSelected);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(add);
    row->addWidget(remove);
    m_error = new MessageLabel(MessageLabel::Kind::Error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("What winning customers cost per month and source (ads, "
                                "stalls, fairs). A new customer's cost is the month's costs of "
                                "their source over the customers it brought."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, 480);
    reload();
}

void AcquisitionCostsDialog::reload()
{
    const auto costs = AcquisitionCosts(m_db).list();
    m_table->setRowCount(0);
    if (!costs) {
        m_error->showMessage(tr("Cannot read the costs."));
        return;
    }
    m_table->setRowCount(int(costs->size()));
    for (int r = 0; r < costs->size(); ++r) {
        const AcquisitionCost &c = costs->at(r);
        const QCalendar calendar = Formatter::calendar();
        auto *month = new QTableWidgetItem(
            Formatter::locale().toString(c.month, QStringLiteral("MMMM yyyy"), calendar));
        month->setData(Qt::UserRole, c.month);
        m_table->setItem(r, 0, month);
        m_table->setItem(r, 1, new QTableWidgetItem(c.source));
        auto *amount = new QTableWidgetItem(Formatter::locale().toString(c.amount, 'f', 2));
        amount->setTextAlignment(Qt::AlignTrailing | Qt::AlignVCenter);
        m_table->setItem(r, 2, amount);
    }
}

bool AcquisitionCostsDialog::setCost(QDate day, const QString &source, double amount)
{
    AcquisitionCosts costs(m_db);
    if (!costs.set({monthOf(day), source, amount})) {
        m_error->showMessage(costs.errorString());
        return false;
    }
    m_error->showMessage(QString());
    reload();
    return true;
}

bool AcquisitionCostsDialog::removeSelected()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return false;
    const int row = selected.first()->row();
    AcquisitionCosts costs(m_db);
    if (!costs.remove(m_table->item(row, 0)->data(Qt::UserRole).toDate(),
                      m_table->item(row, 1)->text())) {
        m_error->showMessage(costs.errorString());
        return false;
    }
    reload();
    return true;
}

} // namespace masir::ui
