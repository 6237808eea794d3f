#include "settings/SettingsPage.h"

#include "contacts/PhoneNumbers.h"
#include "settings/AppSettings.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace masir::ui {

SettingsPage::SettingsPage(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
{
    WorkspaceSettings workspace(db);

    auto *workspaceBox = new QGroupBox(tr("This workspace"));
    auto *workspaceForm = new QFormLayout(workspaceBox);
    auto *path = new QLabel(QDir::toNativeSeparators(db.path()));
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    path->setWordWrap(true);
    workspaceForm->addRow(tr("File:"), path);

    m_businessName =
        new QLineEdit(workspace.value(WorkspaceSettings::Key::BusinessName).toString());
    m_businessName->setObjectName(QStringLiteral("businessName"));
    m_businessName->setPlaceholderText(tr("Shown in emails you send"));
    connect(m_businessName, &QLineEdit::editingFinished, this, [this] {
        WorkspaceSettings(m_db).setValue(WorkspaceSettings::Key::BusinessName,
                                         m_businessName->text().trimmed());
        Q_EMIT statusMessage(tr("Business name saved."), 3000);
    });
    workspaceForm->addRow(tr("&Business name:"), m_businessName);

    m_region = new QComboBox;
    m_region->setObjectName(QStringLiteral("defaultRegion"));
    m_region->addItem(tr("None: numbers must start with + and a country code"), QString());
    QList<QPair<QString, QString>> regions;
    for (const QString &code : PhoneNumbers::supportedRegions()) {
        const QLocale::Territory territory = QLocale::codeToTerritory(code);
        const QString name =
            territory == QLocale::AnyTerritory ? code : QLocale::territoryToString(territory);
        regions.append(
            {QStringLiteral("%1 (+%2)").arg(name).arg(PhoneNumbers::countryCallingCode(code)),
             code});
    }
    std::sort(regions.begin(), regions.end());
    for (const auto &[label, code] : regions)
        m_region->addItem(label, code);
    m_region->setCurrentIndex(std::max(0, m_region->findData(workspace.defaultRegion())));
    connect(m_region, &QComboBox::currentIndexChanged, this, [this] {
        WorkspaceSettings(m_db).setValue(WorkspaceSettings::Key::DefaultRegion,
                                         m_region->currentData().toString());
        Q_EMIT statusMessage(tr("Default country for phone numbers saved."), 3000);
    });
    workspaceForm->addRow(tr("Default &country for phone numbers:"), m_region);
    auto *regionHelp = new QLabel(tr("Numbers typed without a country code, such as 0912 345 6789, "
                                     "are read as numbers of this country."));
    regionHelp->setWordWrap(true);
    workspaceForm->addRow(QString(), regionHelp);

    auto *scoring = new QPushButton(tr("Lead Scoring and Stages…"));
    scoring->setObjectName(QStringLiteral("editScoring"));
    connect(scoring, &QPushButton::clicked, this, &SettingsPage::scoringRequested);
    auto *channels = new QPushButton(tr("Channels: Email and SMS Accounts…"));
    channels->setObjectName(QStringLiteral("channelsButton"));
    connect(channels, &QPushButton::clicked, this, &SettingsPage::channelsRequested);
    workspaceForm->addRow(tr("Scoring:"), scoring);
    workspaceForm->addRow(tr("Sending:"), channels);
    auto *tracking = new QPushButton(tr("Tracking: Opens, Clicks and Unsubscribe Pages…"));
    tracking->setObjectName(QStringLiteral("trackingButton"));
    connect(tracking, &QPushButton::clicked, this, &SettingsPage::trackingRequested);
    workspaceForm->addRow(tr("Tracking:"), tracking);
    auto *crm = new QPushButton(tr("CRM Sync: HubSpot and Pipedrive…"));
    connect(crm, &QPushButton::clicked, this, &SettingsPage::crmRequested);
    workspaceForm->addRow(tr("CRM:"), crm);

    auto *appBox = new QGroupBox(tr("Application"));
    auto *appForm = new QFormLayout(appBox);
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("فارسی"), QStringLiteral("fa"));
    AppSettings app;
    m_language->setCurrentIndex(
        std::max(0, m_language->findData(app.value(AppSettings::Key::Language).toString())));
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        AppSettings().setValue(AppSettings::Key::Language, m_language->currentData().toString());
        Q_EMIT statusMessage(tr("The language changes the next time Masir starts."), 6000);
    });
    appForm->addRow(tr("&Language:"), m_language);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(workspaceBox);
    layout->addWidget(appBox);
    layout->addStretch();
}

} // namespace masir::ui
