#include "importwizard/ImportWizard.h"

#include "common/BackgroundTasks.h"
#include "contacts/CustomFields.h"
#include "i18n/Formatter.h"
#include "importing/ImportHistory.h"
#include "settings/AppSettings.h"
#include "storage/Database.h"
#include "widgets/MessageLabel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizardPage>

namespace masir::ui {

namespace {

QString delimiterLabel(QChar d)
{
    if (d == QLatin1Char('\t'))
        return ImportWizard::tr("Tab");
    if (d == QLatin1Char(';'))
        return ImportWizard::tr("Semicolon (;)");
    if (d == QLatin1Char('|'))
        return ImportWizard::tr("Pipe (|)");
    return ImportWizard::tr("Comma (,)");
}

// ---- 1. the file ----
class FileWizardPage final : public QWizardPage
{
public:
    explicit FileWizardPage(ImportWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(ImportWizard::tr("Choose a file"));
        setSubTitle(
            ImportWizard::tr("A CSV or text file exported from Excel, Google Contacts, Outlook, "
                             "Mailchimp, a shop system or a CRM."));
        m_path = new QLineEdit;
        m_path->setObjectName(QStringLiteral("importPath"));
        m_path->setAccessibleName(ImportWizard::tr("File to import"));
        auto *browse = new QPushButton(ImportWizard::tr("&Browse…"));
        connect(browse, &QPushButton::clicked, this, [this] {
            const QString folder =
                AppSettings().value(AppSettings::Key::LastExportFolder).toString();
            const QString path = QFileDialog::getOpenFileName(
                this, ImportWizard::tr("Import Contacts"), folder,
                ImportWizard::tr("Spreadsheet text files (*.csv *.txt *.tsv);;All files (*)"));
            if (!path.isEmpty())
                m_path->setText(QDir::toNativeSeparators(path));
        });
        m_info = new QLabel;
        m_info->setWordWrap(true);
        connect(m_path, &QLineEdit::textChanged, this, [this] {
            const QFileInfo fi(m_path->text().trimmed());
            m_info->setText(fi.isFile() ? ImportWizard::tr("%1, %2 KB")
                                              .arg(fi.fileName())
                                              .arg(Formatter::number((fi.size() + 1023) / 1024))
                                        : QString());
            Q_EMIT completeChanged();
        });
        auto *row = new QHBoxLayout;
        row->addWidget(m_path, 1);
        row->addWidget(browse);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(row);
        layout->addWidget(m_info);
        layout->addStretch();
        if (!m_wizard->options().path.isEmpty())
            m_path->setText(QDir::toNativeSeparators(m_wizard->options().path));
    }

    bool isComplete() const override { return QFileInfo(m_path->text().trimmed()).isFile(); }

    bool validatePage() override
    {
        const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            QMessageBox::warning(
                this, ImportWizard::tr("Cannot open the file"),
                ImportWizard::tr("%1 cannot be read: %2").arg(path, f.errorString()));
            return false;
        }
        if (path != m_wizard->options().path) {
            m_wizard->options() = ImportOptions();
            m_wizard->options().path = path;
        }
        m_wizard->refreshPreview();
        return true;
    }

private:
    ImportWizard *m_wizard;
    QLineEdit *m_path;
    QLabel *m_info;
};

// ---- 2. how the file reads ----
class PreviewWizardPage final : public QWizardPage
{
public:
    explicit PreviewWizardPage(ImportWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(ImportWizard::tr("Check how the file reads"));
        setSubTitle(
            ImportWizard::tr("If letters look wrong, choose another encoding; if columns are "
                             "run together, another delimiter."));
        m_encoding = new QComboBox;
        m_encoding->setObjectName(QStringLiteral("encoding"));
        m_encoding->addItem(ImportWizard::tr("Detect"), QString());
        for (const Encoding e : Encodings::all())
            m_encoding->addItem(Encodings::label(e), Encodings::key(e));
        m_delimiter = new QComboBox;
        m_delimiter->setObjectName(QStringLiteral("delimiter"));
        m_delimiter->addItem(ImportWizard::tr("Detect"), QString());
        for (const QChar d :
             {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t'), QLatin1Char('|')})
            m_delimiter->addItem(delimiterLabel(d), QString(d));
        m_header = new QCheckBox(ImportWizard::tr("The first row holds the column names"));
        m_header->setObjectName(QStringLiteral("hasHeader"));
        m_detected = new QLabel;
        m_detected->setWordWrap(true);
        m_table = new QTableWidget;
        m_table->setObjectName(QStringLiteral("previewTable"));
        m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
        auto *form = new QFormLayout;
        form->addRow(ImportWizard::tr("&Encoding:"), m_encoding);
        form->addRow(ImportWizard::tr("&Delimiter:"), m_delimiter);
        form->addRow(QString(), m_header);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(m_detected);
        layout->addWidget(m_table, 1);

        auto changed = [this] {
            if (m_updating)
                return;
            ImportOptions &o = m_wizard->options();
            const QString enc = m_encoding->currentData().toString();
            o.encoding = enc.isEmpty() ? std::nullopt : Encodings::fromKey(enc);
            const QString del = m_delimiter->currentData().toString();
            o.delimiter = del.isEmpty() ? std::nullopt : std::optional<QChar>(del.front());
            o.hasHeader = m_header->isChecked();
            o.targets.clear();
            m_wizard->refreshPreview();
        };
        connect(m_encoding, &QComboBox::currentIndexChanged, this, changed);
        connect(m_delimiter, &QComboBox::currentIndexChanged, this, changed);
        connect(m_header, &QCheckBox::toggled, this, changed);
        connect(m_wizard, &ImportWizard::previewChanged, this, [this] { show(); });
    }

    void initializePage() override { show(); }
    bool isComplete() const override { return m_wizard->preview().error.isEmpty(); }

private:
    void show()
    {
        const ImportPreview &p = m_wizard->preview();
        m_updating = true;
        m_header->setChecked(p.hasHeader);
        m_updating = false;
        if (!p.error.isEmpty()) {
            m_detected->setText(p.error);
        } else {
            m_detected->setText(
                ImportWizard::tr("Read as %1, columns separated by: %2. The first %n "
                                 "row(s) are shown.",
                                 nullptr, int(p.rows.size()))
                    .arg(Encodings::label(p.encoding), delimiterLabel(p.delimiter)));
        }
        m_table->clear();
        m_table->setColumnCount(int(p.headers.size()));
        m_table->setRowCount(int(p.rows.size()));
        m_table->setHorizontalHeaderLabels(p.headers);
        for (int r = 0; r < p.rows.size(); ++r) {
            for (int c = 0; c < p.rows[r].size() && c < p.headers.size(); ++c)
                m_table->setItem(r, c, new QTableWidgetItem(p.rows[r][c]));
        }
        Q_EMIT completeChanged();
    }

    ImportWizard *m_wizard;
    QComboBox *m_encoding;
    QComboBox *m_delimiter;
    QCheckBox *m_header;
    QLabel *m_detected;
    QTableWidget *m_table;
    bool m_updating = false;
};

// ---- 3. where each column goes ----
class MappingWizardPage final : public QWizardPage
{
public:
    explicit MappingWizardPage(ImportWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(ImportWizard::tr("Match the columns"));
        setSubTitle(ImportWizard::tr("Masir matched the columns it recognised. Change any of them, "
                                     "skip a column, or keep it in a new custom field."));
        m_table = new QTableWidget(0, 3);
        m_table->setObjectName(QStringLiteral("mappingTable"));
        m_table->setHorizontalHeaderLabels({ImportWizard::tr("Column"),
                                            ImportWizard::tr("Examples"),
                                            ImportWizard::tr("Import as")});
        m_table->horizontalHeader()->setStretchLastSection(true);
        m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_problem = new MessageLabel(MessageLabel::Kind::Error);
        m_problem->setObjectName(QStringLiteral("mappingProblem"));
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_table, 1);
        layout->addWidget(m_problem);
    }

    void initializePage() override
    {
        const ImportPreview &p = m_wizard->preview();
        m_fields = CustomFieldRepository(m_wizard->database()).fields();
        m_table->setRowCount(int(p.headers.size()));
        m_combos.clear();
        for (int c = 0; c < p.headers.size(); ++c) {
            m_table->setItem(c, 0, new QTableWidgetItem(p.headers[c]));
            QStringList examples;
            for (int r = 0; r < p.rows.size() && examples.size() < 3; ++r) {
                const QString v = p.rows[r].value(c).simplified();
                if (!v.isEmpty())
                    examples << v.left(40);
            }
            m_table->setItem(c, 1, new QTableWidgetItem(examples.join(QStringLiteral(" · "))));
            auto *combo = new QComboBox;
            combo->setAccessibleName(ImportWizard::tr("Import %1 as").arg(p.headers[c]));
            fillTargets(combo, p.targets.value(c, ImportTarget::Skip));
            connect(combo, &QComboBox::activated, this, [this, combo, c] {
                if (combo->currentData().toString() == QLatin1String("new"))
                    newField(combo, c);
                Q_EMIT completeChanged();
            });
            m_table->setCellWidget(c, 2, combo);
            m_combos << combo;
        }
        m_table->resizeColumnsToContents();
        Q_EMIT completeChanged();
    }

    bool isComplete() const override
    {
        QStringList t = targets();
        const bool identity = std::any_of(t.cbegin(), t.cend(), [](const QString &x) {
            return x == QLatin1String("email") || x == QLatin1String("phone") ||
                   x == QLatin1String("first_name") || x == QLatin1String("last_name") ||
                   x == ImportTarget::FullName;
        });
        QSet<QString> seen;
        QString duplicate;
        for (const QString &x : t) {
            if (x != ImportTarget::Skip && x != ImportTarget::Tags && seen.contains(x))
                duplicate = x;
            seen.insert(x);
        }
        QString problem;
        if (!identity)
            problem = ImportWizard::tr("Match at least one column to email, phone or a name.");
        else if (!duplicate.isEmpty())
            problem = ImportWizard::tr("Two columns go to \"%1\"; choose one.")
                          .arg(ImportTarget::label(duplicate));
        m_problem->showMessage(problem);
        return problem.isEmpty();
    }

    bool validatePage() override
    {
        m_wizard->options().targets = targets();
        m_wizard->options().newFields = m_newFields;
        return true;
    }

private:
    QStringList targets() const
    {
        QStringList t;
        for (const QComboBox *combo : m_combos)
            t << combo->currentData().toString();
        return t;
    }

    void fillTargets(QComboBox *combo, const QString &current)
    {
        combo->clear();
        combo->addItem(ImportTarget::label(ImportTarget::Skip), ImportTarget::Skip);
        for (const QString &t : ImportTarget::standard())
            combo->addItem(ImportTarget::label(t), t);
        for (const FieldDefinition &f : std::as_const(m_fields))
            combo->addItem(ImportTarget::label(QStringLiteral("custom.") + f.key),
                           QString(QStringLiteral("custom.") + f.key));
        for (const FieldDefinition &f : std::as_const(m_newFields))
            combo->addItem(ImportTarget::label(QStringLiteral("custom.") + f.key),
                           QString(QStringLiteral("custom.") + f.key));
        combo->addItem(ImportWizard::tr("New custom field…"), QStringLiteral("new"));
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    }

    void newField(QComboBox *combo, int column)
    {
        QDialog dialog(this);
        dialog.setWindowTitle(ImportWizard::tr("New custom field"));
        auto *label = new QLineEdit(m_wizard->preview().headers.value(column));
        QString key;
        for (const QChar ch : m_wizard->preview().headers.value(column).toLower()) {
            if ((ch >= QLatin1Char('a') && ch <= QLatin1Char('z')) || ch.isDigit())
                key += ch;
            else if (!key.isEmpty() && !key.endsWith(QLatin1Char('_')))
                key += QLatin1Char('_');
        }
        if (key.isEmpty() || !key.front().isLetter())
            key = QStringLiteral("field_%1").arg(column + 1);
        auto *keyEdit = new QLineEdit(key);
        auto *type = new QComboBox;
        for (const FieldType t :
             {FieldType::Text, FieldType::Number, FieldType::Date, FieldType::Boolean})
            type->addItem(CustomFieldRepository::typeLabel(t), int(t));
        auto *form = new QFormLayout(&dialog);
        form->addRow(ImportWizard::tr("&Label:"), label);
        form->addRow(ImportWizard::tr("&Key:"), keyEdit);
        form->addRow(ImportWizard::tr("&Type:"), type);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() != QDialog::Accepted) {
            combo->setCurrentIndex(0);
            return;
        }
        FieldDefinition def{0,
                            keyEdit->text().trimmed(),
                            label->text().trimmed(),
                            FieldType(type->currentData().toInt()),
                            {}};
        static const QRegularExpression keyPattern(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
        if (!keyPattern.match(def.key).hasMatch() || def.label.isEmpty()) {
            QMessageBox::warning(
                this, ImportWizard::tr("New custom field"),
                ImportWizard::tr("A key starts with a letter and has only lower-case "
                                 "letters, digits and _; the label cannot be empty."));
            combo->setCurrentIndex(0);
            return;
        }
        m_newFields << def;
        for (QComboBox *other : std::as_const(m_combos)) {
            const QString keep = other == combo ? QStringLiteral("custom.") + def.key
                                                : other->currentData().toString();
            fillTargets(other, keep);
        }
    }

    ImportWizard *m_wizard;
    QTableWidget *m_table;
    MessageLabel *m_problem;
    QList<QComboBox *> m_combos;
    QList<FieldDefinition> m_fields;
    QList<FieldDefinition> m_newFields;
};

// ---- 4. options ----
class OptionsWizardPage final : public QWizardPage
{
public:
    explicit OptionsWizardPage(ImportWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(ImportWizard::tr("Options"));
        setSubTitle(
            ImportWizard::tr("Contacts are matched by email address, then by phone number."));
        m_fill = new QRadioButton(ImportWizard::tr("&Fill in what is missing (recommended)"));
        m_overwrite = new QRadioButton(ImportWizard::tr("&Overwrite with the file's values"));
        m_skip = new QRadioButton(ImportWizard::tr("&Leave them as they are"));
        m_fill->setChecked(true);
        auto *policy = new QVBoxLayout;
        policy->addWidget(m_fill);
        policy->addWidget(m_overwrite);
        policy->addWidget(m_skip);
        m_matchPhone = new QCheckBox(ImportWizard::tr("Also match contacts by &phone number"));
        m_matchPhone->setChecked(true);
        m_tag = new QLineEdit;
        m_tag->setObjectName(QStringLiteral("importTag"));
        m_tag->setPlaceholderText(ImportWizard::tr("e.g. fair 2026"));
        m_source = new QLineEdit;
        m_source->setPlaceholderText(ImportWizard::tr("the file name"));
        m_list = new QLineEdit;
        m_list->setPlaceholderText(ImportWizard::tr("none"));
        m_dates = new QComboBox;
        m_dates->addItem(ImportWizard::tr("Detect (years 1300–1499 are Jalali)"),
                         int(ValueParsers::DateMode::Auto));
        m_dates->addItem(ImportWizard::tr("Jalali (Solar Hijri)"),
                         int(ValueParsers::DateMode::Jalali));
        m_dates->addItem(ImportWizard::tr("Gregorian"), int(ValueParsers::DateMode::Gregorian));
        // Permission: asked, never assumed (GDPR and anti-spam laws want proof)
        m_noConsent = new QRadioButton(
            ImportWizard::tr("They have not agreed, or I do not know: record no consent"));
        m_consent = new QRadioButton(ImportWizard::tr("They agreed to hear from us"));
        m_noConsent->setChecked(true);
        m_consentEmail = new QCheckBox(ImportWizard::tr("by email"));
        m_consentSms = new QCheckBox(ImportWizard::tr("by text message"));
        m_consentEmail->setChecked(true);
        m_proof = new QLineEdit;
        m_proof->setObjectName(QStringLiteral("consentProof"));
        m_proof->setPlaceholderText(
            ImportWizard::tr("How and when, e.g. newsletter form on our website, 2025"));
        auto *channels = new QHBoxLayout;
        channels->addWidget(m_consentEmail);
        channels->addWidget(m_consentSms);
        channels->addStretch();
        auto *consent = new QVBoxLayout;
        consent->addWidget(m_noConsent);
        consent->addWidget(m_consent);
        consent->addLayout(channels);
        consent->addWidget(m_proof);
        auto *consentNote = new QLabel(ImportWizard::tr(
            "Kept as the proof of their consent. Rows with a consent column of their own keep "
            "theirs; a consent someone withdrew is never granted again by an import."));
        consentNote->setWordWrap(true);
        consentNote->setForegroundRole(QPalette::PlaceholderText);
        consent->addWidget(consentNote);
        auto updateConsent = [this] {
            const bool given = m_consent->isChecked();
            for (QWidget *w :
                 {static_cast<QWidget *>(m_consentEmail), static_cast<QWidget *>(m_consentSms),
                  static_cast<QWidget *>(m_proof)})
                w->setEnabled(given);
        };
        connect(m_consent, &QRadioButton::toggled, this, updateConsent);
        updateConsent();

        // two questions, two groups of choices on the one page
        auto *policyGroup = new QButtonGroup(this);
        for (QRadioButton *b : {m_fill, m_overwrite, m_skip})
            policyGroup->addButton(b);
        auto *consentGroup = new QButtonGroup(this);
        consentGroup->addButton(m_noConsent);
        consentGroup->addButton(m_consent);

        auto *form = new QFormLayout(this);
        form->addRow(ImportWizard::tr("Contacts that already exist:"), policy);
        form->addRow(QString(), m_matchPhone);
        form->addRow(ImportWizard::tr("&Tag every imported contact:"), m_tag);
        form->addRow(ImportWizard::tr("&Source of new contacts:"), m_source);
        form->addRow(ImportWizard::tr("Add to the static &list:"), m_list);
        form->addRow(ImportWizard::tr("&Dates are:"), m_dates);
        form->addRow(ImportWizard::tr("Permission to market:"), consent);
    }

    bool validatePage() override
    {
        ImportOptions &o = m_wizard->options();
        const bool given = m_consent->isChecked();
        if (given && m_proof->text().trimmed().isEmpty()) {
            QMessageBox::information(this, ImportWizard::tr("How did they agree?"),
                                     ImportWizard::tr("Say how and when these people agreed to "
                                                      "hear from you: it is kept as the proof "
                                                      "of their consent."));
            m_proof->setFocus();
            return false;
        }
        if (given && !m_consentEmail->isChecked() && !m_consentSms->isChecked()) {
            QMessageBox::information(this, ImportWizard::tr("How did they agree?"),
                                     ImportWizard::tr("Choose email, text messages or both."));
            return false;
        }
        o.emailConsentGiven = given && m_consentEmail->isChecked();
        o.smsConsentGiven = given && m_consentSms->isChecked();
        o.consentProof = given ? m_proof->text().trimmed() : QString();
        o.policy = m_skip->isChecked()        ? ImportOptions::Policy::Skip
                   : m_overwrite->isChecked() ? ImportOptions::Policy::Overwrite
                                              : ImportOptions::Policy::Fill;
        o.matchPhone = m_matchPhone->isChecked();
        o.tag = m_tag->text().trimmed();
        o.source = m_source->text().trimmed();
        o.staticList = m_list->text().trimmed();
        o.dates = ValueParsers::DateMode(m_dates->currentData().toInt());
        return true;
    }

private:
    ImportWizard *m_wizard;
    QRadioButton *m_fill;
    QRadioButton *m_overwrite;
    QRadioButton *m_skip;
    QCheckBox *m_matchPhone;
    QLineEdit *m_tag;
    QLineEdit *m_source;
    QLineEdit *m_list;
    QComboBox *m_dates;
    QRadioButton *m_noConsent;
    QRadioButton *m_consent;
    QCheckBox *m_consentEmail;
    QCheckBox *m_consentSms;
    QLineEdit *m_proof;
};

// ---- 5. the review: what the import would do, before anything is written ----
class ReviewWizardPage final : public QWizardPage
{
public:
    explicit ReviewWizardPage(ImportWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(ImportWizard::tr("Review"));
        setSubTitle(ImportWizard::tr("Nothing has been written yet."));
        setCommitPage(true);
        setButtonText(QWizard::CommitButton, ImportWizard::tr("Import"));
        m_bar = new QProgressBar;
        m_bar->setRange(0, 0);
        m_counts = new QLabel;
        m_counts->setObjectName(QStringLiteral("reviewCounts"));
        m_counts->setWordWrap(true);
        QFont big = m_counts->font();
        big.setPointSizeF(big.pointSizeF() * 1.3);
        big.setBold(true);
        m_counts->setFont(big);
        m_details = new QLabel;
        m_details->setWordWrap(true);
        m_issues = new QTableWidget(0, 4);
        m_issues->setObjectName(QStringLiteral("reviewIssues"));
        m_issues->setHorizontalHeaderLabels({ImportWizard::tr("Row"), ImportWizard::tr("Result"),
                                             ImportWizard::tr("Reason"),
                                             ImportWizard::tr("Original text")});
        m_issues->horizontalHeader()->setStretchLastSection(true);
        m_issues->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_issues->verticalHeader()->hide();
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_bar);
        layout->addWidget(m_counts);
        layout->addWidget(m_details);
        layout->addWidget(m_issues, 1);
        layout->addStretch(); // the words at the top when there is no table
        connect(m_wizard, &ImportWizard::reviewFinished, this, [this] { show(); });
    }

    void initializePage() override
    {
        m_bar->show();
        m_counts->setText(ImportWizard::tr("Reading the whole file…"));
        m_details->clear();
        m_issues->hide();
        m_wizard->startReview();
    }
    void cleanupPage() override { m_wizard->cancelImport(); }
    bool isComplete() const override
    {
        const ImportReport &r = m_wizard->review();
        return !m_wizard->isImporting() && !r.failed && r.created + r.updated > 0;
    }

private:
    void show()
    {
        const ImportReport &r = m_wizard->review();
        m_bar->hide();
        if (r.failed) {
            m_counts->setText(ImportWizard::tr("This file cannot be imported"));
            m_details->setText(r.error);
        } else {
            m_counts->setText(ImportWizard::tr("%1 new, %2 updates, %3 rejected")
                                  .arg(Formatter::number(r.created), Formatter::number(r.updated),
                                       Formatter::number(r.rejected)));
            QStringList details;
            details << ImportWizard::tr("%1 rows read.").arg(Formatter::number(r.rows));
            if (r.skipped > 0)
                details << ImportWizard::tr("%n existing contact(s) left as they are.", nullptr,
                                            int(r.skipped));
            if (r.warnings > 0)
                details << ImportWizard::tr("%n value(s) cannot be read and will be left out.",
                                            nullptr, int(r.warnings));
            const ImportOptions &o = m_wizard->options();
            details << (o.emailConsentGiven || o.smsConsentGiven
                            ? ImportWizard::tr("Consent recorded as: %1.")
                                  .arg(Formatter::isolate(o.consentProof))
                            : ImportWizard::tr("No consent is recorded for rows without their "
                                               "own: they get no marketing until they agree."));
            if (r.created + r.updated == 0)
                details << ImportWizard::tr("No row makes a contact: go back and check the "
                                            "columns.");
            m_details->setText(details.join(QLatin1Char(' ')));
        }
        int rows = 0;
        m_issues->setRowCount(0);
        for (const ImportIssue &issue : r.issues) {
            m_issues->insertRow(rows);
            m_issues->setItem(rows, 0, new QTableWidgetItem(Formatter::number(issue.row)));
            m_issues->setItem(rows, 1,
                              new QTableWidgetItem(issue.rejected
                                                       ? ImportWizard::tr("will be rejected")
                                                       : ImportWizard::tr("value left out")));
            m_issues->setItem(rows, 2, new QTableWidgetItem(issue.message));
            m_issues->setItem(rows, 3, new QTableWidgetItem(issue.raw.left(300)));
            ++rows;
        }
        m_issues->setVisible(rows > 0);
        Q_EMIT completeChanged();
    }

    ImportWizard *m_wizard;
    QProgressBar *m_bar;
    QLabel *m_counts;
    QLabel *m_details;
    QTableWidget *m_issues;
};

// ---- 6. the import ----
class ProgressWizardPage final : public QWizardPage
{
public:
    explicit ProgressWizardPage(ImportWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(ImportWizard::tr("Importing"));
        setSubTitle(
            ImportWizard::tr("You can keep working; nothing is half-written if you cancel."));
        m_bar = new QProgressBar;
        m_bar->setObjectName(QStringLiteral("importProgress"));
        m_bar->setRange(0, 1000);
        m_status = new QLabel;
        m_status->setObjectName(QStringLiteral("importStatus"));
        m_cancel = new QPushButton(ImportWizard::tr("&Cancel Import"));
        connect(m_cancel, &QPushButton::clicked, m_wizard, &ImportWizard::cancelImport);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_bar);
        layout->addWidget(m_status);
        layout->addWidget(m_cancel, 0, Qt::AlignLeading);
        layout->addStretch();
        connect(m_wizard, &ImportWizard::importProgress, this, [this](const ImportProgress &p) {
            if (p.totalBytes > 0)
                m_bar->setValue(int(1000.0 * double(p.bytesRead) / double(p.totalBytes)));
            QString text =
                ImportWizard::tr("%1 rows, %2 rows a second")
                    .arg(Formatter::number(p.rows), Formatter::number(qint64(p.rowsPerSecond)));
            if (p.etaSeconds >= 0)
                text +=
                    QLatin1String(" · ") + ImportWizard::tr("about %1 s left")
                                               .arg(Formatter::number(qint64(p.etaSeconds + 0.5)));
            m_status->setText(text);
        });
        connect(m_wizard, &ImportWizard::importFinished, this, [this] {
            m_bar->setValue(1000);
            m_cancel->setEnabled(false);
            Q_EMIT completeChanged();
            m_wizard->next();
        });
    }

    void initializePage() override
    {
        m_bar->setValue(0);
        m_status->setText(ImportWizard::tr("Starting…"));
        m_cancel->setEnabled(true);
        m_wizard->startImport();
    }
    bool isComplete() const override { return !m_wizard->isImporting(); }

private:
    ImportWizard *m_wizard;
    QProgressBar *m_bar;
    QLabel *m_status;
    QPushButton *m_cancel;
};

// ---- 7. the summary ----
class SummaryWizardPage final : public QWizardPage
{
public:
    explicit SummaryWizardPage(ImportWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(ImportWizard::tr("Done"));
        m_counts = new QLabel;
        m_counts->setObjectName(QStringLiteral("importCounts"));
        m_counts->setWordWrap(true);
        m_issues = new QTableWidget(0, 4);
        m_issues->setObjectName(QStringLiteral("issuesTable"));
        m_issues->setHorizontalHeaderLabels({ImportWizard::tr("Row"), ImportWizard::tr("Result"),
                                             ImportWizard::tr("Reason"),
                                             ImportWizard::tr("Original text")});
        m_issues->horizontalHeader()->setStretchLastSection(true);
        m_issues->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_export = new QPushButton(ImportWizard::tr("&Export Report…"));
        m_undo = new QPushButton(ImportWizard::tr("&Undo This Import"));
        connect(m_export, &QPushButton::clicked, this, [this] {
            const QString path = QFileDialog::getSaveFileName(
                this, ImportWizard::tr("Export Report"),
                QDir::home().filePath(ImportWizard::tr("import-report.csv")),
                ImportWizard::tr("CSV files (*.csv)"));
            if (path.isEmpty())
                return;
            ImportHistory history(m_wizard->database());
            if (!history.exportIssues(m_wizard->report().importId, path))
                QMessageBox::warning(this, ImportWizard::tr("Export failed"),
                                     history.errorString());
        });
        connect(m_undo, &QPushButton::clicked, this, [this] {
            const auto answer = QMessageBox::question(
                this, ImportWizard::tr("Undo Import"),
                ImportWizard::tr(
                    "Remove the %n contact(s) this import created? Contacts it updated keep "
                    "the new values.",
                    nullptr, int(m_wizard->report().created)));
            if (answer != QMessageBox::Yes)
                return;
            ImportHistory history(m_wizard->database());
            const qint64 removed = history.undo(m_wizard->report().importId);
            if (removed < 0) {
                QMessageBox::warning(this, ImportWizard::tr("Undo Import"), history.errorString());
                return;
            }
            m_undo->setEnabled(false);
            m_show->setEnabled(false);
            m_counts->setText(
                m_counts->text() + QLatin1String("\n\n") +
                ImportWizard::tr("Undone: %n contact(s) removed.", nullptr, int(removed)));
            Q_EMIT m_wizard->contactsChanged();
        });
        m_show = new QPushButton(ImportWizard::tr("&Show Imported Contacts"));
        m_show->setObjectName(QStringLiteral("showImported"));
        connect(m_show, &QPushButton::clicked, this, [this] {
            Q_EMIT m_wizard->showImport(m_wizard->report().importId,
                                        QFileInfo(m_wizard->options().path).fileName());
            m_wizard->accept();
        });
        auto *buttons = new QHBoxLayout;
        buttons->addWidget(m_show);
        buttons->addWidget(m_export);
        buttons->addWidget(m_undo);
        buttons->addStretch();
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_counts);
        layout->addWidget(m_issues, 1);
        layout->addLayout(buttons);
    }

    void initializePage() override
    {
        const ImportReport &r = m_wizard->report();
        QString text;
        if (r.failed) {
            setTitle(ImportWizard::tr("The import failed"));
            text = r.error;
        } else {
            setTitle(r.cancelled ? ImportWizard::tr("Import cancelled")
                                 : ImportWizard::tr("Import finished"));
            text = ImportWizard::tr(
                       "%1 rows read: %2 contacts created, %3 updated, %4 skipped, %5 rejected.")
                       .arg(Formatter::number(r.rows), Formatter::number(r.created),
                            Formatter::number(r.updated), Formatter::number(r.skipped),
                            Formatter::number(r.rejected));
            if (r.warnings > 0)
                text += QLatin1Char(' ') +
                        ImportWizard::tr("%n value(s) could not be read and were left out.",
                                         nullptr, int(r.warnings));
            if (r.cancelled)
                text += QLatin1Char('\n') +
                        ImportWizard::tr("Everything up to the last saved batch was kept; "
                                         "run the import again to finish it.");
        }
        m_counts->setText(text);
        m_issues->setRowCount(int(r.issues.size()));
        for (int i = 0; i < r.issues.size(); ++i) {
            const ImportIssue &issue = r.issues[i];
            m_issues->setItem(i, 0, new QTableWidgetItem(Formatter::number(issue.row)));
            m_issues->setItem(i, 1,
                              new QTableWidgetItem(
                                  issue.rejected ? ImportWizard::tr("rejected")
                                                 : ImportWizard::tr("imported, value left out")));
            m_issues->setItem(i, 2, new QTableWidgetItem(issue.message));
            m_issues->setItem(i, 3, new QTableWidgetItem(issue.raw.left(300)));
        }
        m_issues->setVisible(!r.issues.isEmpty());
        m_export->setEnabled(r.importId > 0 && (r.rejected + r.warnings) > 0);
        m_undo->setEnabled(r.importId > 0 && r.created > 0);
        m_show->setEnabled(r.importId > 0 && r.created > 0);
    }

private:
    ImportWizard *m_wizard;
    QLabel *m_counts;
    QTableWidget *m_issues;
    QPushButton *m_export;
    QPushButton *m_undo;
    QPushButton *m_show;
};

} // namespace

ImportWizard::ImportWizard(const Database &db, const QString &path, QWidget *parent)
    : QWizard(parent)
    , m_db(db)
    , m_tasks(new BackgroundTasks(this))
{
    setWindowTitle(tr("Import Contacts"));
    setObjectName(QStringLiteral("ImportWizard"));
    m_options.path = path;
    setPage(FilePage, new FileWizardPage(this));
    setPage(PreviewPage, new PreviewWizardPage(this));
    setPage(MappingPage, new MappingWizardPage(this));
    setPage(OptionsPage, new OptionsWizardPage(this));
    setPage(ReviewPage, new ReviewWizardPage(this));
    setPage(ProgressPage, new ProgressWizardPage(this));
    setPage(SummaryPage, new SummaryWizardPage(this));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    // Qt's own "< Back" and "Next >" keep their arrows' shapes in Persian, where
    // back is to the right: they end up pointing at each other. Words alone.
    setButtonText(QWizard::BackButton, tr("Back"));
    setButtonText(QWizard::NextButton, tr("Next"));
    if (!path.isEmpty()) {
        refreshPreview();
        setStartId(PreviewPage);
    }
    resize(820, 600);
}

ImportWizard::~ImportWizard()
{
    if (m_cancel)
        *m_cancel = true;
    m_tasks->waitForDone(); // before the members the import reports to go
}

void ImportWizard::refreshPreview()
{
    m_preview = ImportJob::preview(m_db, m_options, 50);
    Q_EMIT previewChanged();
}

void ImportWizard::startImport()
{
    run(false);
}

void ImportWizard::startReview()
{
    run(true);
}

void ImportWizard::run(bool dryRun)
{
    m_running = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    if (!dryRun)
        button(QWizard::BackButton)->setEnabled(false);
    const Database *db = &m_db;
    ImportOptions options = m_options;
    options.dryRun = dryRun;
    auto cancel = m_cancel;
    BackgroundTasks *tasks = m_tasks;
    // The import reads and writes in the background through its own connection;
    // the window only hears about progress, a few times a second. Closing the
    // window cancels it and waits for its batch to roll back (see the destructor).
    m_tasks->run(
        [db, options, cancel, tasks, dryRun, this] {
            ImportJob job(*db, options);
            return job.run(
                [tasks, this, dryRun](const ImportProgress &p) {
                    if (!dryRun)
                        tasks->post([this, p] { Q_EMIT importProgress(p); });
                },
                cancel.get());
        },
        [this, dryRun](const ImportReport &report) {
            m_running = false;
            if (dryRun) {
                m_review = report;
                Q_EMIT reviewFinished();
                return;
            }
            m_report = report;
            Q_EMIT contactsChanged();
            Q_EMIT importFinished();
        });
}

void ImportWizard::cancelImport()
{
    if (m_cancel)
        *m_cancel = true;
}

void ImportWizard::reject()
{
    if (m_running && currentId() == ReviewPage) { // only reading: stop and go
        cancelImport();
        QWizard::reject();
        return;
    }
    if (m_running) {
        const auto answer =
            QMessageBox::question(this, tr("Cancel Import"),
                                  tr("Stop the import? Contacts saved so far are kept; you can run "
                                     "the import again to finish it."));
        if (answer != QMessageBox::Yes)
            return;
        cancelImport();
        return; // the summary page follows when the worker has stopped
    }
    QWizard::reject();
}

} // namespace masir::ui
