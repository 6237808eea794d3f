#include "crm/CrmDialogs.h"

#include "contacts/ContactRepository.h"
#include "i18n/Formatter.h"
#include "storage/Database.h"
#include "widgets/DateEdit.h"
#include "widgets/TextDirection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace masir::ui {

// --- TaskDialog

TaskDialog::TaskDialog(const Task &task, const QString &about, QWidget *parent)
    : EditDialog(parent)
    , m_task(task)
{
    setWindowTitle(task.id ? tr("Edit Task") : tr("New Task"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    if (!about.isEmpty()) {
        auto *who = new QLabel(Formatter::leftToRight(about));
        who->setTextFormat(Qt::PlainText);
        form->addRow(tr("About:"), who);
    }
    m_title = new QLineEdit(task.title);
    m_title->setPlaceholderText(tr("e.g. Call back about the quote"));
    form->addRow(tr("&Title:"), m_title);
    m_details = new QPlainTextEdit(task.details);
    m_details->setTabChangesFocus(true);
    m_details->setMaximumHeight(90);
    alignToTextDirection(m_details);
    form->addRow(tr("&Details:"), m_details);

    m_hasDue = new QCheckBox(tr("D&ue"));
    const QDateTime due = task.dueAt.isValid()
                              ? task.dueAt.toLocalTime()
                              : QDateTime(QDate::currentDate().addDays(1), QTime(9, 0));
    m_date = makeDateEdit();
    m_date->setDate(due.date());
    m_time = new QTimeEdit(due.time());
    setDateTimeFormat(m_time, QStringLiteral("HH:mm"));
    m_hasDue->setChecked(task.dueAt.isValid() || !task.id);
    auto *dueRow = new QHBoxLayout;
    dueRow->addWidget(m_date, 1);
    dueRow->addWidget(m_time);
    connect(m_hasDue, &QCheckBox::toggled, m_date, &QWidget::setEnabled);
    connect(m_hasDue, &QCheckBox::toggled, m_time, &QWidget::setEnabled);
    m_date->setEnabled(m_hasDue->isChecked());
    m_time->setEnabled(m_hasDue->isChecked());
    form->addRow(m_hasDue, dueRow);

    m_priority = new QComboBox;
    for (const TaskPriority p : {TaskPriority::Low, TaskPriority::Normal, TaskPriority::High})
        m_priority->addItem(Tasks::priorityLabel(p), int(p));
    m_priority->setCurrentIndex(int(task.priority));
    form->addRow(tr("&Priority:"), m_priority);
    m_owner = new QLineEdit(task.owner);
    m_owner->setToolTip(tr("Whose task it is; empty: anyone's"));
    form->addRow(tr("&Owner:"), m_owner);
    layout->addLayout(form);
    QDialogButtonBox *buttons = addButtons(layout);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!task.title.trimmed().isEmpty());
    connect(m_title, &QLineEdit::textChanged, this, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    watch({m_title, m_details, m_hasDue, m_date, m_time, m_priority, m_owner});
    resize(440, sizeHint().height());
}

Task TaskDialog::task() const
{
    Task t = m_task;
    t.title = m_title->text().trimmed();
    t.details = m_details->toPlainText().trimmed();
    t.priority = TaskPriority(m_priority->currentData().toInt());
    t.owner = m_owner->text().trimmed();
    t.dueAt =
        m_hasDue->isChecked() ? QDateTime(m_date->date(), m_time->time()).toUTC() : QDateTime();
    return t;
}

NewTask TaskDialog::newTask(qint64 createdAtMs) const
{
    const Task t = task();
    NewTask n;
    n.contactId = t.contactId;
    n.dealId = t.dealId;
    n.title = t.title;
    n.details = t.details;
    n.owner = t.owner;
    n.priority = t.priority;
    n.dueAtMs = t.dueAt.isValid() ? t.dueAt.toMSecsSinceEpoch() : 0;
    n.createdAtMs = createdAtMs;
    return n;
}

// --- DealDialog

DealDialog::DealDialog(const Database &db, const Deal &deal, QWidget *parent)
    : EditDialog(parent)
    , m_db(db)
    , m_deal(deal)
    , m_pipelines(Pipelines(db.connection()).all())
{
    setWindowTitle(deal.id ? tr("Edit Deal") : tr("New Deal"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_title = new QLineEdit(deal.title);
    m_title->setPlaceholderText(tr("e.g. Website redesign"));
    form->addRow(tr("&Title:"), m_title);
    QString email;
    if (deal.contactId) {
        if (const auto c = ContactRepository(db).find(deal.contactId))
            email = c->email;
    }
    m_email = email;
    m_contact = new QLineEdit(email);
    if (deal.contactId && email.isEmpty())
        if (const auto c = ContactRepository(db).find(deal.contactId))
            m_contact->setPlaceholderText(c->displayName());
    m_contact->setPlaceholderText(tr("the contact's email address"));
    m_contact->setLayoutDirection(Qt::LeftToRight);
    form->addRow(tr("&Contact:"), m_contact);
    m_pipeline = new QComboBox;
    for (const Pipeline &p : std::as_const(m_pipelines))
        m_pipeline->addItem(p.name, p.id);
    m_pipeline->setCurrentIndex(std::max(0, m_pipeline->findData(deal.pipelineId)));
    m_pipeline->setEnabled(!deal.id); // a deal moves between stages, not pipelines
    form->addRow(tr("P&ipeline:"), m_pipeline);
    m_stage = new QComboBox;
    form->addRow(tr("&Stage:"), m_stage);
    fillStages();
    if (deal.id)
        m_stage->setEnabled(false); // moved on the board, where it can be undone
    connect(m_pipeline, &QComboBox::currentIndexChanged, this, &DealDialog::fillStages);
    m_amount = new QDoubleSpinBox;
    m_amount->setRange(0, 1e12);
    m_amount->setDecimals(2);
    m_amount->setGroupSeparatorShown(true);
    m_amount->setValue(deal.amount);
    m_currency = new QLineEdit(deal.currency);
    m_currency->setMaxLength(3);
    m_currency->setMaximumWidth(
        m_currency->fontMetrics().horizontalAdvance(QStringLiteral("MMMM")) + 16);
    m_currency->setLayoutDirection(Qt::LeftToRight);
    auto *money = new QHBoxLayout;
    money->addWidget(m_amount, 1);
    money->addWidget(m_currency);
    form->addRow(tr("&Amount:"), money);
    m_close = makeDateEdit();
    m_close->setDate(deal.expectedClose.isValid() ? deal.expectedClose
                                                  : QDate::currentDate().addMonths(1));
    form->addRow(tr("E&xpected close:"), m_close);
    m_owner = new QLineEdit(deal.owner);
    form->addRow(tr("&Owner:"), m_owner);
    layout->addLayout(form);
    QDialogButtonBox *buttons = addButtons(layout);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!deal.title.trimmed().isEmpty());
    connect(m_title, &QLineEdit::textChanged, this, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    watch({m_title, m_contact, m_pipeline, m_stage, m_amount, m_currency, m_close, m_owner});
    resize(460, sizeHint().height());
}

void DealDialog::fillStages()
{
    m_stage->clear();
    const qint64 pipelineId = m_pipeline->currentData().toLongLong();
    for (const Pipeline &p : std::as_const(m_pipelines)) {
        if (p.id != pipelineId)
            continue;
        for (const PipelineStage &s : p.stages)
            m_stage->addItem(tr("%1 (%2 %)").arg(s.label(), Formatter::number(s.probability)),
                             s.id);
    }
    const int current = m_stage->findData(m_deal.stageId);
    m_stage->setCurrentIndex(std::max(0, current));
}

void DealDialog::accept()
{
    Deal d = m_deal;
    d.title = m_title->text().trimmed();
    d.pipelineId = m_pipeline->currentData().toLongLong();
    d.stageId = m_stage->currentData().toLongLong();
    d.amount = m_amount->value();
    d.currency = m_currency->text().trimmed().toUpper();
    d.expectedClose = m_close->date();
    d.owner = m_owner->text().trimmed();
    const QString email = m_contact->text().trimmed();
    // A contact with no email (a phone only) stays the deal's unless another is typed.
    if (email != m_email)
        d.contactId = 0;
    if (!email.isEmpty() && email != m_email) {
        const auto id = ContactRepository(m_db).findIdByEmail(email);
        if (!id) {
            showError(tr("There is no contact with the email address %1.")
                          .arg(Formatter::leftToRight(email)));
            m_contact->setFocus();
            return;
        }
        d.contactId = *id;
    }
    if (!d.currency.isEmpty() && d.currency.size() != 3) {
        showError(tr("The currency is a three-letter code, such as EUR or IRR."));
        m_currency->setFocus();
        return;
    }
    m_deal = d;
    QDialog::accept();
}

// --- PurchaseDialog

PurchaseDialog::PurchaseDialog(const QString &currency, const QString &who, QWidget *parent)
    : EditDialog(parent)
{
    setWindowTitle(tr("Log a Purchase"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A purchase %1 made outside your shop's tracking, by phone or "
                                "in person. It counts in the reports and can start journeys.")
                                 .arg(Formatter::leftToRight(who)));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_amount = new QDoubleSpinBox;
    m_amount->setRange(0, 1e12);
    m_amount->setDecimals(2);
    m_amount->setGroupSeparatorShown(true);
    m_currency = new QLineEdit(currency);
    m_currency->setMaxLength(3);
    m_currency->setLayoutDirection(Qt::LeftToRight);
    auto *money = new QHBoxLayout;
    money->addWidget(m_amount, 1);
    money->addWidget(m_currency);
    form->addRow(tr("&Amount:"), money);
    m_order = new QLineEdit;
    m_order->setPlaceholderText(tr("optional"));
    form->addRow(tr("&Order number:"), m_order);
    m_date = makeDateEdit();
    m_date->setDate(QDate::currentDate());
    m_date->setMaximumDate(QDate::currentDate());
    form->addRow(tr("&Date:"), m_date);
    layout->addLayout(form);
    addButtons(layout);
    watch({m_amount, m_currency, m_order, m_date});
}

double PurchaseDialog::amount() const
{
    return m_amount->value();
}

QString PurchaseDialog::currency() const
{
    return m_currency->text().trimmed().toUpper();
}

QString PurchaseDialog::order() const
{
    return m_order->text().trimmed();
}

QDateTime PurchaseDialog::when() const
{
    // today: now; an earlier day: its noon
    return m_date->date() == QDate::currentDate() ? QDateTime::currentDateTimeUtc()
                                                  : QDateTime(m_date->date(), QTime(12, 0)).toUTC();
}

void PurchaseDialog::accept()
{
    if (m_amount->value() <= 0) {
        showError(tr("Enter the amount of the purchase."));
        m_amount->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace masir::ui
