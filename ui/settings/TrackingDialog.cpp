#include "settings/TrackingDialog.h"

#include "common/BackgroundTasks.h"
#include "i18n/Formatter.h"
#include "intake/CollectorClient.h"
#include "intake/CollectorSync.h"
#include "settings/WorkspaceSettings.h"
#include "widgets/MessageLabel.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

using Key = WorkspaceSettings::Key;
constexpr qint64 kMaxLogoBytes = 200 * 1024;

/// What is wrong with \a text as the address people's mail apps reach, or "".
QString publicUrlProblem(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return TrackingDialog::tr("The public address must be a web address such as "
                                  "https://t.example.com.");
    return {};
}

} // namespace

TrackingDialog::TrackingDialog(const Database &db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
{
    setWindowTitle(tr("Tracking"));
    m_tasks = new BackgroundTasks(this);

    m_enabled = new QCheckBox(tr("&Track opens and clicks in marketing email"));
    m_enabled->setObjectName(QStringLiteral("trackingEnabled"));
    m_smsLinks = new QCheckBox(tr("Send links in text messages through the click &redirect too"));
    m_status = new MessageLabel(MessageLabel::Kind::Warning);
    m_status->setObjectName(QStringLiteral("trackingStatus"));
    auto *trackingBox = new QGroupBox(tr("Opens and clicks"));
    auto *trackingLayout = new QVBoxLayout(trackingBox);
    trackingLayout->addWidget(m_enabled);
    trackingLayout->addWidget(m_smsLinks);
    trackingLayout->addWidget(m_status);

    m_collectorUrl = new QLineEdit;
    m_collectorUrl->setObjectName(QStringLiteral("collectorUrl"));
    m_collectorUrl->setPlaceholderText(QStringLiteral("https://t.example.com"));
    m_collectorUrl->setLayoutDirection(Qt::LeftToRight);
    m_collectorKey = new QLineEdit;
    m_collectorKey->setObjectName(QStringLiteral("collectorKey"));
    m_collectorKey->setEchoMode(QLineEdit::Password);
    m_collectorKey->setLayoutDirection(Qt::LeftToRight);
    m_collectorKey->setPlaceholderText(tr("The contents of api-key in its data folder"));
    m_connect = new QPushButton(tr("C&onnect"));
    m_disconnect = new QPushButton(tr("&Disconnect"));
    m_busy = new QProgressBar;
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(8);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_lastPull = new QLabel;
    m_lastPull->setWordWrap(true);
    m_lastPull->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *collectorHelp = new QLabel(
        tr("A small server of yours answers people's opens, clicks and unsubscribes while this "
           "computer is off; Masir pulls from it before it sends. Start it with masir-cli serve "
           "(docs/collector.md shows how, with HTTPS)."));
    collectorHelp->setWordWrap(true);
    collectorHelp->setEnabled(false);
    auto *collectorBox = new QGroupBox(tr("A collector on a public host (recommended)"));
    auto *collectorLayout = new QVBoxLayout(collectorBox);
    collectorLayout->addWidget(collectorHelp);
    auto *collectorForm = new QFormLayout;
    collectorLayout->addLayout(collectorForm);
    collectorForm->addRow(tr("&Address:"), m_collectorUrl);
    collectorForm->addRow(tr("&Key:"), m_collectorKey);
    auto *collectorButtons = new QHBoxLayout;
    collectorButtons->addWidget(m_connect);
    collectorButtons->addWidget(m_disconnect);
    collectorButtons->addStretch(1);
    collectorForm->addRow(QString(), collectorButtons);
    collectorForm->addRow(QString(), m_busy);
    collectorForm->addRow(tr("Last pull:"), m_lastPull);

    m_serve = new QCheckBox(tr("&Serve tracking links from this computer while Masir runs"));
    m_serve->setObjectName(QStringLiteral("trackingServe"));
    m_listen = new QLineEdit;
    m_listen->setObjectName(QStringLiteral("trackingListen"));
    m_listen->setLayoutDirection(Qt::LeftToRight);
    m_publicUrl = new QLineEdit;
    m_publicUrl->setObjectName(QStringLiteral("trackingPublicUrl"));
    m_publicUrl->setLayoutDirection(Qt::LeftToRight);
    m_publicUrl->setPlaceholderText(QStringLiteral("https://203.0.113.5:8787"));
    auto *serveHelp = new QLabel(
        tr("People's mail apps must reach the public address: this computer's public IP "
           "address or a forwarded port, best behind HTTPS. Links stop working while Masir is "
           "closed."));
    serveHelp->setWordWrap(true);
    serveHelp->setEnabled(false);
    auto *serveBox = new QGroupBox(tr("Or this computer"));
    auto *serveLayout = new QVBoxLayout(serveBox);
    serveLayout->addWidget(m_serve);
    auto *serveForm = new QFormLayout;
    serveForm->addRow(tr("&Listen on:"), m_listen);
    serveForm->addRow(tr("&Public address:"), m_publicUrl);
    serveLayout->addLayout(serveForm);
    serveLayout->addWidget(serveHelp);

    m_colour = new QPushButton;
    m_colour->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_colour->setObjectName(QStringLiteral("brandColour"));
    m_logo = new QLabel;
    m_logo->setMinimumSize(48, 48);
    auto *chooseLogo = new QPushButton(tr("C&hoose Logo…"));
    m_removeLogo = new QPushButton(tr("Remo&ve Logo"));
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(m_logo);
    logoRow->addWidget(chooseLogo);
    logoRow->addWidget(m_removeLogo);
    logoRow->addStretch(1);
    auto *pagesBox = new QGroupBox(tr("Pages your subscribers see"));
    auto *pagesLayout = new QVBoxLayout(pagesBox);
    auto *pagesHelp = new QLabel(tr("The unsubscribe and preference pages show your business's "
                                    "name, this colour and logo, in each contact's language."));
    pagesHelp->setWordWrap(true);
    pagesHelp->setEnabled(false);
    pagesLayout->addWidget(pagesHelp);
    auto *pagesForm = new QFormLayout;
    pagesLayout->addLayout(pagesForm);
    pagesForm->addRow(tr("&Colour:"), m_colour);
    pagesForm->addRow(tr("Logo:"), logoRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(trackingBox);
    layout->addWidget(collectorBox);
    layout->addWidget(serveBox);
    layout->addWidget(pagesBox);
    layout->addWidget(buttons);

    setMinimumWidth(660);
    load();
    // word-wrapped notes make the layout's own minimum too small: the height
    // the width needs, at the least
    setMinimumHeight(layout->totalHeightForWidth(660));
    resize(660, minimumHeight());
    for (QCheckBox *box : {m_enabled, m_smsLinks, m_serve})
        connect(box, &QCheckBox::toggled, this, &TrackingDialog::save);
    for (QLineEdit *edit : {m_listen, m_publicUrl})
        connect(edit, &QLineEdit::editingFinished, this, &TrackingDialog::save);
    connect(m_connect, &QPushButton::clicked, this, &TrackingDialog::connectCollector);
    connect(m_disconnect, &QPushButton::clicked, this, &TrackingDialog::disconnectCollector);
    connect(m_colour, &QPushButton::clicked, this, &TrackingDialog::chooseColour);
    connect(chooseLogo, &QPushButton::clicked, this, &TrackingDialog::chooseLogo);
    connect(m_removeLogo, &QPushButton::clicked, this, &TrackingDialog::removeLogo);
}

QLabel *TrackingDialog::statusLabel() const
{
    return m_status;
}

void TrackingDialog::load()
{
    m_loading = true;
    const WorkspaceSettings s(m_db);
    m_enabled->setChecked(s.value(Key::TrackingEnabled).toBool());
    m_smsLinks->setChecked(s.value(Key::TrackingSmsLinks).toBool());
    const CollectorSync sync(m_db);
    m_collectorUrl->setText(sync.url());
    m_serve->setChecked(s.value(Key::TrackingServe).toBool());
    m_listen->setText(s.value(Key::TrackingListen).toString());
    m_publicUrl->setText(sync.isConfigured() ? QString()
                                             : s.value(Key::TrackingPublicUrl).toString());
    m_colour->setText(s.value(Key::BrandColor).toString());
    m_colour->setStyleSheet(
        QStringLiteral("QPushButton { border-left: 24px solid %1; padding: 4px 8px; }")
            .arg(s.value(Key::BrandColor).toString()));
    m_loading = false;
    showLogo();
    updateStatus();
}

void TrackingDialog::save()
{
    if (m_loading)
        return;
    WorkspaceSettings s(m_db);
    const CollectorSync sync(m_db);
    const QString publicUrl = m_publicUrl->text().trimmed();
    if (const QString problem = publicUrlProblem(publicUrl); !problem.isEmpty()) {
        m_status->setKind(MessageLabel::Kind::Error);
        m_status->showMessage(problem);
        return;
    }
    bool ok = s.setValue(Key::TrackingEnabled, m_enabled->isChecked()) &&
              s.setValue(Key::TrackingSmsLinks, m_smsLinks->isChecked()) &&
              s.setValue(Key::TrackingServe, m_serve->isChecked()) &&
              s.setValue(Key::TrackingListen, m_listen->text().trimmed());
    if (ok && !sync.isConfigured())
        ok = s.setValue(Key::TrackingPublicUrl, publicUrl);
    if (!ok) {
        m_status->setKind(MessageLabel::Kind::Error);
        m_status->showMessage(tr("Cannot save the change in the workspace."));
        return;
    }
    updateStatus();
    Q_EMIT trackingChanged();
}

void TrackingDialog::updateStatus()
{
    const WorkspaceSettings s(m_db);
    const CollectorSync sync(m_db);
    const bool collector = sync.isConfigured();
    m_disconnect->setEnabled(collector);
    m_serve->setEnabled(!collector);
    m_listen->setEnabled(!collector && m_serve->isChecked());
    m_publicUrl->setEnabled(!collector);
    const QJsonObject last = sync.lastStatus();
    const qint64 at = qint64(last.value(QStringLiteral("at")).toDouble());
    if (!collector)
        m_lastPull->setText(tr("No collector is connected."));
    else if (!at)
        m_lastPull->setText(tr("Not yet: the worker pulls within a minute."));
    else if (last.value(QStringLiteral("ok")).toBool())
        m_lastPull->setText(
            tr("%1: %n new hit(s)", nullptr, last.value(QStringLiteral("pulled")).toInt())
                .arg(Formatter::dateTime(QDateTime::fromMSecsSinceEpoch(at))));
    else
        m_lastPull->setText(tr("%1 failed: %2. Marketing messages wait until the collector "
                               "answers, so that no one who unsubscribed there is mailed.")
                                .arg(Formatter::dateTime(QDateTime::fromMSecsSinceEpoch(at)),
                                     last.value(QStringLiteral("error")).toString()));

    const QString publicUrl = s.value(Key::TrackingPublicUrl).toString();
    m_status->setKind(MessageLabel::Kind::Warning);
    if (!m_enabled->isChecked())
        m_status->showMessage(tr("Opens and clicks are not tracked: scores, journeys that wait "
                                 "for an open or a click, and reports will not see them."));
    else if (publicUrl.isEmpty())
        m_status->showMessage(tr("Nothing can be tracked yet: there is no public address. "
                                 "Connect a collector, or serve from this computer with a "
                                 "public address. Until then, messages go out untracked and "
                                 "unsubscribe links use the page set in Channels."));
    else if (!collector && !m_serve->isChecked())
        m_status->showMessage(tr("Links point at %1, but nothing here answers them: turn on "
                                 "\"Serve tracking links from this computer\", or connect a "
                                 "collector.")
                                  .arg(Formatter::leftToRight(publicUrl)));
    else {
        m_status->setKind(MessageLabel::Kind::Success);
        m_status->showMessage(tr("New marketing messages are tracked through %1.")
                                  .arg(Formatter::leftToRight(publicUrl)));
    }
}

void TrackingDialog::connectCollector()
{
    const QString url = m_collectorUrl->text().trimmed();
    const QString key = m_collectorKey->text().trimmed();
    if (const QString problem = CollectorClient::urlProblem(url); !problem.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot connect"), problem);
        return;
    }
    if (key.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot connect"),
                             tr("Enter the collector's key (the file api-key in its data "
                                "folder)."));
        m_collectorKey->setFocus();
        return;
    }
    m_connect->setEnabled(false);
    m_busy->show();
    m_tasks->run(
        [url, key] {
            CollectorClient client(url, key);
            return client.status() ? QString() : client.errorString();
        },
        [this, url, key](const QString &error) {
            m_busy->hide();
            m_connect->setEnabled(true);
            if (!error.isEmpty()) {
                QMessageBox::warning(this, tr("Cannot connect"), error);
                return;
            }
            CollectorSync sync(m_db);
            if (!sync.save(url, key)) {
                QMessageBox::warning(this, tr("Cannot connect"), sync.errorString());
                return;
            }
            m_collectorKey->clear();
            load();
            Q_EMIT trackingChanged();
        });
}

void TrackingDialog::disconnectCollector()
{
    if (QMessageBox::question(
            this, tr("Disconnect the Collector?"),
            tr("Masir stops pulling from %1. Links in messages already sent keep pointing at it; "
               "opens, clicks and unsubscribes made there after now reach Masir only if you "
               "connect again.")
                .arg(Formatter::leftToRight(CollectorSync(m_db).url()))) != QMessageBox::Yes)
        return;
    CollectorSync sync(m_db);
    if (!sync.disconnect()) {
        QMessageBox::warning(this, tr("Cannot disconnect"), sync.errorString());
        return;
    }
    load();
    Q_EMIT trackingChanged();
}

void TrackingDialog::chooseColour()
{
    WorkspaceSettings s(m_db);
    const QColor colour = QColorDialog::getColor(QColor(s.value(Key::BrandColor).toString()), this,
                                                 tr("Colour of Your Pages"));
    if (!colour.isValid())
        return;
    if (!s.setValue(Key::BrandColor, colour.name())) {
        QMessageBox::warning(this, tr("Cannot save"),
                             tr("Cannot save the change in the workspace."));
        return;
    }
    load();
    Q_EMIT trackingChanged();
}

void TrackingDialog::chooseLogo()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a Logo"), QString(),
                                                      tr("Images (*.png *.jpg *.jpeg *.svg)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (QFileInfo(path).size() > kMaxLogoBytes) {
        QMessageBox::warning(this, tr("Logo too large"),
                             tr("%1 is larger than 200 KB. Choose a smaller image; a logo of "
                                "about 200 pixels wide is plenty.")
                                 .arg(Formatter::leftToRight(QDir::toNativeSeparators(path))));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(
            this, tr("Cannot read the logo"),
            tr("Cannot read %1: %2")
                .arg(Formatter::leftToRight(QDir::toNativeSeparators(path)), file.errorString()));
        return;
    }
    const QByteArray bytes = file.readAll();
    const QString type = QMimeDatabase().mimeTypeForData(bytes).name();
    if (type != QLatin1String("image/png") && type != QLatin1String("image/jpeg") &&
        type != QLatin1String("image/svg+xml")) {
        QMessageBox::warning(this, tr("Not an image"),
                             tr("%1 is not a PNG, JPEG or SVG image.")
                                 .arg(Formatter::leftToRight(QDir::toNativeSeparators(path))));
        return;
    }
    const QJsonObject logo{{QStringLiteral("type"), type},
                           {QStringLiteral("data"), QString::fromLatin1(bytes.toBase64())}};
    if (!WorkspaceSettings(m_db).setValue(
            Key::BrandLogo,
            QString::fromUtf8(QJsonDocument(logo).toJson(QJsonDocument::Compact)))) {
        QMessageBox::warning(this, tr("Cannot save"),
                             tr("Cannot save the change in the workspace."));
        return;
    }
    showLogo();
    Q_EMIT trackingChanged();
}

void TrackingDialog::removeLogo()
{
    if (!WorkspaceSettings(m_db).setValue(Key::BrandLogo, QString())) {
        QMessageBox::warning(this, tr("Cannot save"),
                             tr("Cannot save the change in the workspace."));
        return;
    }
    showLogo();
    Q_EMIT trackingChanged();
}

void TrackingDialog::showLogo()
{
    const QJsonObject logo =
        QJsonDocument::fromJson(WorkspaceSettings(m_db).value(Key::BrandLogo).toString().toUtf8())
            .object();
    QPixmap pixmap;
    pixmap.loadFromData(
        QByteArray::fromBase64(logo.value(QStringLiteral("data")).toString().toLatin1()));
    m_logo->setPixmap(pixmap.isNull()
                          ? QPixmap()
                          : pixmap.scaled(48, 48, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    m_logo->setText(pixmap.isNull() ? tr("None") : QString());
    m_removeLogo->setEnabled(!pixmap.isNull());
}

} // namespace masir::ui
