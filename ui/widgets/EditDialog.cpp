#include "widgets/EditDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace masir::ui {

EditDialog::EditDialog(QWidget *parent)
    : QDialog(parent)
{}

void EditDialog::watch(const QList<QWidget *> &widgets)
{
    auto edited = [this] { m_modified = true; };
    for (QWidget *w : widgets) {
        if (auto *line = qobject_cast<QLineEdit *>(w))
            connect(line, &QLineEdit::textEdited, this, edited);
        else if (auto *text = qobject_cast<QPlainTextEdit *>(w))
            connect(text, &QPlainTextEdit::textChanged, this, edited);
        else if (auto *combo = qobject_cast<QComboBox *>(w))
            connect(combo, &QComboBox::activated, this, edited);
        else if (auto *spin = qobject_cast<QDoubleSpinBox *>(w))
            connect(spin, &QDoubleSpinBox::valueChanged, this, edited);
        else if (auto *whole = qobject_cast<QSpinBox *>(w))
            connect(whole, &QSpinBox::valueChanged, this, edited);
        else if (auto *dt = qobject_cast<QDateTimeEdit *>(w))
            connect(dt, &QDateTimeEdit::dateTimeChanged, this, edited);
        else if (auto *box = qobject_cast<QCheckBox *>(w))
            connect(box, &QCheckBox::toggled, this, edited);
    }
}

void EditDialog::reject()
{
    if (m_modified && QMessageBox::question(this, windowTitle(), tr("Discard your changes?"),
                                            QMessageBox::Discard | QMessageBox::Cancel,
                                            QMessageBox::Cancel) != QMessageBox::Discard)
        return;
    QDialog::reject();
}

QDialogButtonBox *EditDialog::addButtons(QLayout *layout)
{
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    return buttons;
}

void EditDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace masir::ui
