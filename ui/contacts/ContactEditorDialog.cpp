#include "contacts/ContactEditorDialog.h"

#include "i18n/Formatter.h"
#include "widgets/CodeCompleter.h"
#include "widgets/DateEdit.h"
#include "widgets/MessageLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

void fillConsent(QComboBox *box, ConsentStatus current)
{
    for (const ConsentStatus s :
         {ConsentStatus::Unknown, ConsentStatus::Granted, ConsentStatus::Withdrawn})
        box->addItem(ContactVocabulary::consentLabel(s), ContactVocabulary::consentKey(s));
    box->setCurrentIndex(box->findData(ContactVocabulary::consentKey(current)));
}

} // namespace

ContactEditorDialog::ContactEditorDialog(const Contact &contact,
                                         const QList<FieldDefinition> &fields, SaveFunction save,
                                         QWidget *parent)
    : QDialog(parent)
    , m_original(contact)
    , m_save(std::move(save))
{
    setWindowTitle(contact.id == 0 ? tr("New contact") : tr("Edit %1").arg(contact.displayName()));
    setMinimumWidth(520);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);

    m_generalError = new MessageLabel(MessageLabel::Kind::Error, content);
    QFont strong = m_generalError->font();
    strong.setBold(true);
    m_generalError->setFont(strong);
    contentLayout->addWidget(m_generalError);

    auto makeLine = [this](const QString &text, const QString &field) {
        auto *edit = new QLineEdit(text);
        edit->setObjectName(field);
        m_editors.insert(field, edit);
        return edit;
    };

    // Person
    auto *person = new QGroupBox(tr("Person"));
    auto *personForm = new QFormLayout(person);
    m_firstName = makeLine(contact.firstName, QStringLiteral("first_name"));
    m_lastName = makeLine(contact.lastName, QStringLiteral("last_name"));
    m_email = makeLine(contact.email, QStringLiteral("email"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_phone = makeLine(contact.phone, QStringLiteral("phone"));
    m_phone->setPlaceholderText(tr("+98 912 345 6789 or 0912 345 6789"));
    m_phone->setLayoutDirection(Qt::LeftToRight);
    m_email->setLayoutDirection(Qt::LeftToRight);
    personForm->addRow(tr("&First name:"), withError(m_firstName, QStringLiteral("first_name")));
    personForm->addRow(tr("&Last name:"), withError(m_lastName, QStringLiteral("last_name")));
    personForm->addRow(tr("&Email:"), withError(m_email, QStringLiteral("email")));
    personForm->addRow(tr("&Phone:"), withError(m_phone, QStringLiteral("phone")));

    m_birthdayKnown = new QCheckBox;
    m_birthdayKnown->setAccessibleName(tr("Birthday known"));
    m_birthday = makeDateEdit();
    m_birthday->setDate(contact.birthday.isValid() ? contact.birthday : QDate(1990, 1, 1));
    m_birthdayKnown->setChecked(contact.birthday.isValid());
    m_birthday->setEnabled(contact.birthday.isValid());
    connect(m_birthdayKnown, &QCheckBox::toggled, m_birthday, &QWidget::setEnabled);
    auto *birthdayRow = new QWidget;
    auto *birthdayLayout = new QHBoxLayout(birthdayRow);
    birthdayLayout->setContentsMargins(0, 0, 0, 0);
    birthdayLayout->addWidget(m_birthdayKnown);
    birthdayLayout->addWidget(m_birthday, 1);
    m_editors.insert(QStringLiteral("birthday"), m_birthday);
    personForm->addRow(tr("&Birthday:"), withError(birthdayRow, QStringLiteral("birthday")));

    m_gender = new QComboBox;
    for (const QString &key : ContactVocabulary::genderKeys())
        m_gender->addItem(ContactVocabulary::genderLabel(key), key);
    m_gender->setCurrentIndex(std::max(0, m_gender->findData(contact.gender)));
    personForm->addRow(tr("&Gender:"), m_gender);
    contentLayout->addWidget(person);

    // Organisation and place
    auto *place = new QGroupBox(tr("Company and place"));
    auto *placeForm = new QFormLayout(place);
    m_company = makeLine(contact.company, QStringLiteral("company"));
    m_city = makeLine(contact.city, QStringLiteral("city"));
    m_country = makeLine(contact.country, QStringLiteral("country"));
    m_country->setPlaceholderText(tr("IR, PL, MY, US…"));
    m_language = makeLine(contact.language, QStringLiteral("language"));
    m_language->setPlaceholderText(tr("fa, en, pl, ms…"));
    m_timezone = makeLine(contact.timezone, QStringLiteral("timezone"));
    m_timezone->setPlaceholderText(tr("Asia/Tehran"));
    // chosen by name as well as by code
    CodeCompleter::attach(m_country, Formatter::countries());
    CodeCompleter::attach(m_language, Formatter::languages());
    CodeCompleter::attach(m_timezone, Formatter::timeZones());
    placeForm->addRow(tr("C&ompany:"), withError(m_company, QStringLiteral("company")));
    placeForm->addRow(tr("C&ity:"), withError(m_city, QStringLiteral("city")));
    // a code, and beside it its name in the user's language as it is typed
    auto named = [](QLineEdit *line, QString (*name)(const QString &)) {
        auto *row = new QWidget;
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        line->setLayoutDirection(Qt::LeftToRight);
        auto *hint = new QLabel;
        hint->setForegroundRole(QPalette::PlaceholderText);
        auto update = [line, hint, name] {
            const QString code = line->text().trimmed();
            const QString text = code.isEmpty() ? QString() : name(code);
            hint->setText(text == code ? QString() : text);
        };
        connect(line, &QLineEdit::textChanged, hint, update);
        update();
        rowLayout->addWidget(line, 1);
        rowLayout->addWidget(hint, 2);
        return row;
    };
    placeForm->addRow(tr("Cou&ntry:"), withError(named(m_country, Formatter::countryName),
                                                 QStringLiteral("country")));
    placeForm->addRow(tr("L&anguage:"), withError(named(m_language, Formatter::languageName),
                                                  QStringLiteral("language")));
    placeForm->addRow(tr("&Time zone:"), withError(named(m_timezone, Formatter::timeZoneName),
                                                   QStringLiteral("timezone")));
    contentLayout->addWidget(place);

    // Marketing
    auto *marketing = new QGroupBox(tr("Marketing"));
    auto *marketingForm = new QFormLayout(marketing);
    m_stage = new QComboBox;
    for (const QString &key : ContactVocabulary::stageKeys())
        m_stage->addItem(ContactVocabulary::stageLabel(key), key);
    m_stage->setCurrentIndex(std::max(0, m_stage->findData(contact.stage)));
    m_editors.insert(QStringLiteral("stage"), m_stage);
    m_score = new QSpinBox;
    m_score->setRange(-100000, 100000);
    m_score->setValue(contact.score);
    m_status = new QComboBox;
    for (const ContactStatus s : ContactVocabulary::statuses())
        m_status->addItem(ContactVocabulary::statusLabel(s), ContactVocabulary::statusKey(s));
    m_status->setCurrentIndex(m_status->findData(ContactVocabulary::statusKey(contact.status)));
    m_source = makeLine(contact.source, QStringLiteral("source"));
    m_owner = makeLine(contact.owner, QStringLiteral("owner"));
    m_tags = makeLine(contact.tags.join(QStringLiteral(", ")), QStringLiteral("tags"));
    m_tags->setPlaceholderText(tr("vip, newsletter"));
    marketingForm->addRow(tr("&Stage:"), withError(m_stage, QStringLiteral("stage")));
    marketingForm->addRow(tr("Sco&re:"), m_score);
    marketingForm->addRow(tr("Stat&us:"), m_status);
    marketingForm->addRow(tr("Sou&rce:"), m_source);
    marketingForm->addRow(tr("O&wner:"), m_owner);
    marketingForm->addRow(tr("Ta&gs:"), withError(m_tags, QStringLiteral("tags")));
    contentLayout->addWidget(marketing);

    // Consent
    auto *consent = new QGroupBox(tr("Consent"));
    auto *consentForm = new QFormLayout(consent);
    m_emailConsent = new QComboBox;
    fillConsent(m_emailConsent, contact.emailConsent.status);
    m_emailConsentSource =
        makeLine(contact.emailConsent.source, QStringLiteral("email_consent_source"));
    m_emailConsentSource->setPlaceholderText(tr("Where it was given, e.g. shop counter"));
    m_smsConsent = new QComboBox;
    fillConsent(m_smsConsent, contact.smsConsent.status);
    m_smsConsentSource = makeLine(contact.smsConsent.source, QStringLiteral("sms_consent_source"));
    m_smsConsentSource->setPlaceholderText(tr("Where it was given, e.g. shop counter"));
    consentForm->addRow(tr("Email consent:"), m_emailConsent);
    consentForm->addRow(tr("Email consent source:"), m_emailConsentSource);
    consentForm->addRow(tr("SMS consent:"), m_smsConsent);
    consentForm->addRow(tr("SMS consent source:"), m_smsConsentSource);
    contentLayout->addWidget(consent);

    // Custom fields
    if (!fields.isEmpty()) {
        auto *custom = new QGroupBox(tr("Custom fields"));
        auto *customForm = new QFormLayout(custom);
        for (const FieldDefinition &def : fields) {
            CustomEditor editor{def, nullptr, nullptr};
            const QString value = contact.custom.value(def.key);
            const QString field = QStringLiteral("custom.") + def.key;
            QWidget *row = nullptr;
            switch (def.type) {
            case FieldType::Text:
            case FieldType::Number:
                editor.widget = new QLineEdit(value);
                row = editor.widget;
                break;
            case FieldType::Date: {
                auto *date = makeDateEdit();
                const QDate d = QDate::fromString(value, Qt::ISODate);
                date->setDate(d.isValid() ? d : QDate::currentDate());
                editor.known = new QCheckBox;
                editor.known->setAccessibleName(tr("%1 known").arg(def.label));
                editor.known->setChecked(d.isValid());
                date->setEnabled(d.isValid());
                connect(editor.known, &QCheckBox::toggled, date, &QWidget::setEnabled);
                editor.widget = date;
                row = new QWidget;
                auto *l = new QHBoxLayout(row);
                l->setContentsMargins(0, 0, 0, 0);
                l->addWidget(editor.known);
                l->addWidget(date, 1);
                break;
            }
            case FieldType::Boolean: {
                auto *box = new QComboBox;
                box->addItem(tr("Not set"), QString());
                box->addItem(tr("Yes"), QStringLiteral("1"));
                box->addItem(tr("No"), QStringLiteral("0"));
                box->setCurrentIndex(std::max(0, box->findData(value)));
                editor.widget = box;
                row = box;
                break;
            }
            case FieldType::Choice: {
                auto *box = new QComboBox;
                box->addItem(tr("Not set"), QString());
                for (const QString &choice : def.choices)
                    box->addItem(choice, choice);
                box->setCurrentIndex(std::max(0, box->findData(value)));
                editor.widget = box;
                row = box;
                break;
            }
            }
            editor.widget->setObjectName(field);
            m_editors.insert(field, editor.widget);
            customForm->addRow(def.label + QLatin1Char(':'), withError(row, field));
            m_custom << editor;
        }
        contentLayout->addWidget(custom);
    }
    contentLayout->addStretch();

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ContactEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ContactEditorDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(560, 720);
    m_firstName->setFocus();
    m_shown = this->contact();
}

QWidget *ContactEditorDialog::withError(QWidget *editor, const QString &field)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    auto *error = new MessageLabel(MessageLabel::Kind::Error);
    error->setObjectName(field + QStringLiteral("_error"));
    layout->addWidget(error);
    m_errorLabels.insert(field, error);
    return box;
}

Contact ContactEditorDialog::contact() const
{
    Contact c = m_original;
    c.firstName = m_firstName->text();
    c.lastName = m_lastName->text();
    c.email = m_email->text();
    c.phone = m_phone->text();
    c.company = m_company->text();
    c.city = m_city->text();
    c.country = m_country->text();
    c.language = m_language->text();
    c.timezone = m_timezone->text();
    c.birthday = m_birthdayKnown->isChecked() ? m_birthday->date() : QDate();
    c.gender = m_gender->currentData().toString();
    c.source = m_source->text();
    c.stage = m_stage->currentData().toString();
    c.owner = m_owner->text();
    c.score = m_score->value();
    c.status = ContactVocabulary::statusFromKey(m_status->currentData().toString());
    auto consent = [](Consent current, QComboBox *box, QLineEdit *source) {
        const ConsentStatus status =
            ContactVocabulary::consentFromKey(box->currentData().toString());
        if (status != current.status)
            current.changedAt = QDateTime(); // stamped by the repository
        current.status = status;
        current.source = source->text().trimmed();
        return current;
    };
    c.emailConsent = consent(m_original.emailConsent, m_emailConsent, m_emailConsentSource);
    c.smsConsent = consent(m_original.smsConsent, m_smsConsent, m_smsConsentSource);
    c.tags.clear();
    for (const QString &tag : m_tags->text().split(QRegularExpression(QStringLiteral("[,،;]"))))
        c.tags << tag;
    c.custom.clear();
    for (const CustomEditor &e : m_custom) {
        QString value;
        if (auto *line = qobject_cast<QLineEdit *>(e.widget))
            value = line->text();
        else if (auto *box = qobject_cast<QComboBox *>(e.widget))
            value = box->currentData().toString();
        else if (auto *date = qobject_cast<QDateEdit *>(e.widget))
            value = e.known->isChecked() ? date->date().toString(Qt::ISODate) : QString();
        if (!value.trimmed().isEmpty())
            c.custom.insert(e.definition.key, value);
    }
    return c;
}

void ContactEditorDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_errorLabels)) {
        label->clear();
        label->hide();
    }
    m_generalError->hide();
}

int ContactEditorDialog::showErrors(const QList<FieldError> &errors)
{
    clearErrors();
    int placed = 0;
    QWidget *firstEditor = nullptr;
    QStringList general;
    for (const FieldError &e : errors) {
        QLabel *label = m_errorLabels.value(e.field);
        if (!label) {
            general << e.message;
            continue;
        }
        const QString text =
            label->text().isEmpty() ? e.message : label->text() + QLatin1Char('\n') + e.message;
        label->setText(text);
        label->show();
        ++placed;
        if (!firstEditor)
            firstEditor = m_editors.value(e.field);
    }
    if (!general.isEmpty()) {
        m_generalError->setText(general.join(QLatin1Char('\n')));
        m_generalError->show();
    }
    if (firstEditor)
        firstEditor->setFocus();
    return placed;
}

QString ContactEditorDialog::errorText(const QString &field) const
{
    const QLabel *label = m_errorLabels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void ContactEditorDialog::accept()
{
    Contact c = contact();
    const QList<FieldError> errors = m_save ? m_save(c) : QList<FieldError>{};
    if (!errors.isEmpty()) {
        showErrors(errors);
        return;
    }
    m_original = c;
    QDialog::accept();
}

void ContactEditorDialog::reject()
{
    if (isModified()) {
        const QString name = contact().displayName();
        const auto answer = QMessageBox::question(
            this, tr("Unsaved changes"),
            name.isEmpty() ? tr("Save the changes to this contact?")
                           : tr("Save the changes to \"%1\"?").arg(name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Save) {
            accept(); // stays open if the contact cannot be saved
            return;
        }
    }
    QDialog::reject();
}

} // namespace masir::ui
