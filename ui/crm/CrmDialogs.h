#pragma once

#include "crm/Deals.h"
#include "crm/Tasks.h"

#include "widgets/EditDialog.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimeEdit;

namespace masir {
class Database;
}

namespace masir::ui {

/// A new task or a task's details: title, details, due date and time,
/// priority, owner.
class TaskDialog final : public EditDialog
{
    Q_OBJECT

public:
    /// \a task.id 0: a new task (about \a task.contactId, \a about names it).
    TaskDialog(const Task &task, const QString &about, QWidget *parent = nullptr);
    Task task() const;
    /// The task as a new one, made at \a createdAtMs.
    NewTask newTask(qint64 createdAtMs) const;

private:
    Task m_task;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QCheckBox *m_hasDue = nullptr;
    QDateEdit *m_date = nullptr;
    QTimeEdit *m_time = nullptr;
    QComboBox *m_priority = nullptr;
    QLineEdit *m_owner = nullptr;
};

/// A new deal or a deal's details: title, contact (by email), pipeline and
/// stage, amount and currency, expected close, owner.
class DealDialog final : public EditDialog
{
    Q_OBJECT

public:
    DealDialog(const Database &db, const Deal &deal, QWidget *parent = nullptr);
    Deal deal() const { return m_deal; }

    void accept() override;

private:
    void fillStages();

    const Database &m_db;
    Deal m_deal;
    QList<Pipeline> m_pipelines;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_contact = nullptr;
    QString m_email; ///< the contact's email as the dialog opened
    QComboBox *m_pipeline = nullptr;
    QComboBox *m_stage = nullptr;
    QDoubleSpinBox *m_amount = nullptr;
    QLineEdit *m_currency = nullptr;
    QDateEdit *m_close = nullptr;
    QLineEdit *m_owner = nullptr;
};

/// A purchase made outside the shop's tracking (by phone, in the shop):
/// amount, currency, order number, date.
class PurchaseDialog final : public EditDialog
{
    Q_OBJECT

public:
    PurchaseDialog(const QString &currency, const QString &who, QWidget *parent = nullptr);
    double amount() const;
    QString currency() const;
    QString order() const;
    QDateTime when() const;
    void accept() override;

private:
    QDoubleSpinBox *m_amount = nullptr;
    QLineEdit *m_currency = nullptr;
    QLineEdit *m_order = nullptr;
    QDateEdit *m_date = nullptr;
};

} // namespace masir::ui
