#pragma once

#include "contacts/Contact.h"
#include "contacts/CustomFields.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace masir::ui {

/// Creates or edits one contact. Problems are shown next to the field they are
/// about; the dialog stays open until the contact is saved or the user cancels.
class ContactEditorDialog final : public QDialog
{
    Q_OBJECT

public:
    /// \a save writes the contact and returns what is wrong with it (empty on success).
    using SaveFunction = std::function<QList<FieldError>(Contact &)>;

    ContactEditorDialog(const Contact &contact, const QList<FieldDefinition> &fields,
                        SaveFunction save, QWidget *parent = nullptr);

    Contact contact() const;
    /// Shows \a errors next to their fields; returns how many were placed.
    int showErrors(const QList<FieldError> &errors);
    QString errorText(const QString &field) const;

    void accept() override;
    /// Cancel, Escape and the close button: with changes made, asks whether to
    /// save them, drop them or go on editing.
    void reject() override;
    bool isModified() const { return contact() != m_shown; }

private:
    struct CustomEditor
    {
        FieldDefinition definition;
        QWidget *widget = nullptr;
        QCheckBox *known = nullptr; // dates
    };

    QWidget *withError(QWidget *editor, const QString &field);
    void clearErrors();

    Contact m_original;
    Contact m_shown; ///< what the fields held when the dialog opened
    SaveFunction m_save;
    QHash<QString, QLabel *> m_errorLabels;
    QHash<QString, QWidget *> m_editors;
    QLabel *m_generalError = nullptr;

    QLineEdit *m_firstName = nullptr;
    QLineEdit *m_lastName = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_company = nullptr;
    QLineEdit *m_city = nullptr;
    QLineEdit *m_country = nullptr;
    QLineEdit *m_language = nullptr;
    QLineEdit *m_timezone = nullptr;
    QCheckBox *m_birthdayKnown = nullptr;
    QDateEdit *m_birthday = nullptr;
    QComboBox *m_gender = nullptr;
    QLineEdit *m_source = nullptr;
    QComboBox *m_stage = nullptr;
    QLineEdit *m_owner = nullptr;
    QSpinBox *m_score = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_emailConsent = nullptr;
    QLineEdit *m_emailConsentSource = nullptr;
    QComboBox *m_smsConsent = nullptr;
    QLineEdit *m_smsConsentSource = nullptr;
    QLineEdit *m_tags = nullptr;
    QList<CustomEditor> m_custom;
};

} // namespace masir::ui
