#pragma once

#include <QDialog>

class QDateEdit;
class QDoubleSpinBox;
class QLineEdit;
class QTableWidget;

namespace masir {
class Database;
}

namespace masir::ui {

class MessageLabel;

/// What winning customers cost, per month and source (Reports → Revenue →
/// Acquisition Costs…): the cost of a new customer (CAC) is read from them.
/// Each change is saved at once.
class AcquisitionCostsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AcquisitionCostsDialog(const Database &db, QWidget *parent = nullptr);

    /// Sets \a amount for \a source in the month of \a day; false with the
    /// reason shown when it cannot.
    bool setCost(QDate day, const QString &source, double amount);
    bool removeSelected();
    QTableWidget *table() const { return m_table; }

private:
    void reload();

    const Database &m_db;
    QTableWidget *m_table = nullptr;
    QDateEdit *m_month = nullptr;
    QLineEdit *m_source = nullptr;
    QDoubleSpinBox *m_amount = nullptr;
    MessageLabel *m_error = nullptr;
};

} // namespace masir::ui
