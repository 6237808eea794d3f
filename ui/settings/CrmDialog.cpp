#include "settings/CrmDialog.h"

#include "settings/CrmMappingDialog.h"

#include "common/BackgroundTasks.h"
#include "connectors/CrmConnections.h"
#include "connectors/CrmConnector.h"
#include "connectors/CrmSync.h"
#include "i18n/Formatter.h"
#include "storage/Database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace masir::ui {

CrmDialog::CrmDialog(const Database &db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_tasks(new BackgroundTasks(this))
{
    setWindowTitle(tr("CRM Sync"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Contacts and deals come from your CRM in the background, through "
                                "the same matching as a CSV import: people already here are "
                                "updated by email or phone, not added twice."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_crm = new QComboBox;
    for (const QString &key : CrmConnector::keys())
        m_crm->addItem(CrmConnections::label(key), key);
    form->addRow(tr("&CRM:"), m_crm);
    m_token = new QLineEdit;
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setLayoutDirection(Qt::LeftToRight);
    form->addRow(tr("&Token:"), m_token);
    m_url = new QLineEdit;
    m_url->setLayoutDirection(Qt::LeftToRight);
    form->addRow(tr("API &address:"), m_url);
    m_every = new QSpinBox;
    m_every->setRange(0, 168);
    m_every->setSuffix(tr(" h"));
    m_every->setSpecialValueText(tr("Only when I ask"));
    form->addRow(tr("Sync &every:"), m_every);
    auto *back = new QHBoxLayout;
    m_backScore = new QCheckBox(tr("Score"));
    m_backStage = new QCheckBox(tr("Stage"));
    m_backUnsubscribed = new QCheckBox(tr("Unsubscribed"));
    for (QCheckBox *b : {m_backScore, m_backStage, m_backUnsubscribed})
        back->addWidget(b);
    back->addStretch(1);
    auto *backBox = new QWidget;
    backBox->setLayout(back);
    backBox->setToolTip(tr("Masir's values written to the CRM's contacts after each sync "
                           "(HubSpot: the properties masir_score and masir_unsubscribed, which "
                           "you create there; the stage goes to lifecyclestage)"));
    form->addRow(tr("Write back:"), backBox);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    m_connect = new QPushButton(tr("Co&nnect"));
    m_sync = new QPushButton(tr("&Sync Now"));
    m_full = new QPushButton(tr("Sync &Everything"));
    QPushButton *full = m_full;
    full->setToolTip(tr("Read every contact and deal again, not only what changed"));
    auto *mapping = new QPushButton(tr("&Columns…"));
    mapping->setToolTip(tr("Where the CRM's columns go in Masir"));
    connect(mapping, &QPushButton::clicked, this, [this] {
        CrmMappingDialog dialog(m_db, currentKey(), this);
        dialog.exec();
    });
    buttons->addWidget(mapping);
    m_cancelButton = new QPushButton(tr("Cancel Sync"));
    m_cancelButton->setEnabled(false);
    for (QPushButton *b : {m_connect, m_sync, full, m_cancelButton})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_report = new QLabel;
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_report, 1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);

    connect(m_crm, &QComboBox::currentIndexChanged, this, &CrmDialog::showConnection);
    connect(m_connect, &QPushButton::clicked, this, &CrmDialog::connectCrm);
    connect(m_sync, &QPushButton::clicked, this, [this] { syncNow(false); });
    connect(full, &QPushButton::clicked, this, [this] { syncNow(true); });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        m_cancel = true;
        m_status->setText(tr("Stopping after this page; the next sync goes on from here."));
    });
    showConnection();
    resize(560, 460);
}

CrmDialog::~CrmDialog()
{
    m_cancel = true;
}

QString CrmDialog::currentKey() const
{
    return m_crm->currentData().toString();
}

void CrmDialog::showConnection()
{
    const auto c = CrmConnections(m_db).find(currentKey());
    m_url->setPlaceholderText(CrmConnector::defaultUrl(currentKey()));
    m_url->setText(c ? c->url : QString());
    m_every->setValue(c ? c->everyHours : 6);
    m_backScore->setChecked(c && c->writeBack.contains(QLatin1String("score")));
    m_backStage->setChecked(c && c->writeBack.contains(QLatin1String("stage")));
    m_backUnsubscribed->setChecked(c && c->writeBack.contains(QLatin1String("unsubscribed")));
    m_token->clear();
    m_token->setPlaceholderText(c ? tr("kept in the keychain; type a new one to replace it")
                                : currentKey() == QLatin1String("hubspot")
                                    ? tr("a private app's access token")
                                    : tr("your API token (Personal preferences → API)"));
    m_sync->setEnabled(c.has_value());
    m_full->setEnabled(c.has_value());
    m_status->setText(c ? tr("Connected.") : tr("Not connected yet."));
    showReport();
}

void CrmDialog::showReport()
{
    const auto [report, at] = CrmSync::lastReport(m_db, currentKey());
    if (at == 0) {
        m_report->setText(QString());
        return;
    }
    QString text =
        tr("Last sync %1: %2 people read, %3 new and %4 updated contacts, %5 rejected; "
           "%6 new and %7 updated deals.")
            .arg(Formatter::dateTime(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC)))
            .arg(Formatter::number(qint64(report.value(QStringLiteral("people")).toDouble())))
            .arg(Formatter::number(qint64(report.value(QStringLiteral("created")).toDouble())))
            .arg(Formatter::number(qint64(report.value(QStringLiteral("updated")).toDouble())))
            .arg(Formatter::number(qint64(report.value(QStringLiteral("rejected")).toDouble())))
            .arg(Formatter::number(qint64(report.value(QStringLiteral("dealsCreated")).toDouble())))
            .arg(
                Formatter::number(qint64(report.value(QStringLiteral("dealsUpdated")).toDouble())));
    const QJsonArray issues = report.value(QStringLiteral("issues")).toArray();
    for (qsizetype i = 0; i < std::min<qsizetype>(5, issues.size()); ++i) {
        const QJsonObject o = issues.at(i).toObject();
        text += QLatin1Char('\n') +
                tr("Row %1: %2")
                    .arg(Formatter::number(qint64(o.value(QStringLiteral("row")).toDouble())),
                         o.value(QStringLiteral("message")).toString());
    }
    m_report->setText(text);
}

void CrmDialog::connectCrm()
{
    if (m_tasks->isBusy())
        return;
    CrmConnection c;
    c.key = currentKey();
    c.url = m_url->text().trimmed();
    c.everyHours = m_every->value();
    const std::pair<QCheckBox *, const char *> back[] = {
        {m_backScore, "score"}, {m_backStage, "stage"}, {m_backUnsubscribed, "unsubscribed"}};
    CrmConnections connections(m_db);
    const auto known = connections.find(c.key);
    if (known)
        c.properties = known->properties;
    for (const auto &[box, field] : back) {
        if (box->isChecked())
            c.writeBack << QLatin1String(field);
    }
    // An empty token keeps the one in the keychain (the address or schedule changed).
    const QString token = m_token->text().trimmed();
    if (token.isEmpty() && !known) {
        m_status->setText(tr("Give the %1 token.").arg(CrmConnections::label(c.key)));
        return;
    }
    m_status->setText(tr("Checking the token with %1…").arg(CrmConnections::label(c.key)));
    m_connect->setEnabled(false);
    m_progress->show();
    // The check is a call to the CRM (it may wait on a rate limit): off the UI thread.
    m_tasks->run(
        [c, token] { return token.isEmpty() ? QString() : CrmConnections::check(c, token); },
        [this, c, token](const QString &problem) {
            m_connect->setEnabled(true);
            m_progress->hide();
            CrmConnections saved(m_db);
            if (!problem.isEmpty() || !saved.connect(c, token, false)) {
                m_status->setText(problem.isEmpty() ? saved.errorString() : problem);
                return;
            }
            m_token->clear();
            showConnection();
            m_status->setText(tr("Connected to %1.").arg(CrmConnections::label(c.key)));
        });
}

bool CrmDialog::isSyncing() const
{
    return m_tasks->isBusy();
}

void CrmDialog::syncNow(bool full)
{
    if (m_tasks->isBusy())
        return;
    m_cancel = false;
    m_progress->show();
    m_cancelButton->setEnabled(true);
    m_sync->setEnabled(false);
    m_full->setEnabled(false);
    m_status->setText(tr("Syncing with %1…").arg(CrmConnections::label(currentKey())));
    const QString key = currentKey();
    const Database *db = &m_db;
    std::atomic<bool> *cancel = &m_cancel;
    BackgroundTasks *tasks = m_tasks;
    m_tasks->run(
        [db, key, full, cancel, tasks, this] {
            CrmConnections connections(*db);
            auto connector = connections.connector(key, cancel);
            if (!connector)
                return connections.errorString();
            CrmSync sync(*db, *connector);
            if (const auto c = connections.find(key))
                sync.setWriteBack(c->writeBack, c->properties);
            const auto report = sync.run(
                full,
                [tasks, this](const CrmSyncProgress &p) {
                    tasks->post([this, p] {
                        m_status->setText(
                            p.phase == QLatin1String("people")
                                ? tr("%1 people read…").arg(Formatter::number(p.done))
                            : p.phase == QLatin1String("import")
                                ? tr("%1 people written…").arg(Formatter::number(p.done))
                                : tr("%1 deals read…").arg(Formatter::number(p.done)));
                    });
                },
                cancel);
            if (!report)
                return sync.errorString();
            return report->cancelled ? tr("Stopped; the next sync goes on from here.")
                                     : tr("Synced in %1 s.").arg(report->seconds, 0, 'f', 1);
        },
        [this](const QString &message) {
            m_progress->hide();
            m_cancelButton->setEnabled(false);
            m_sync->setEnabled(true);
            m_full->setEnabled(true);
            m_status->setText(message);
            showReport();
            Q_EMIT synced();
        });
}

void CrmDialog::reject()
{
    if (m_tasks->isBusy() &&
        QMessageBox::question(this, windowTitle(),
                              tr("A sync is running. Stop it? The next sync goes on from where "
                                 "it stopped."),
                              QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return;
    m_cancel = true;
    m_tasks->waitForDone();
    QDialog::reject();
}

} // namespace masir::ui
