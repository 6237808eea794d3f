#include "settings/ChannelsDialog.h"
#include "widgets/Icons.h"

#include "i18n/Formatter.h"
#include "messaging/ImapMailbox.h"
#include "messaging/SecretStore.h"
#include "messaging/TestSend.h"
#include "settings/WorkspaceSettings.h"
#include "widgets/MessageLabel.h"
#include "widgets/Selection.h"
#include "widgets/TestSendController.h"
#include "widgets/TextDirection.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeEdit>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

using Key = WorkspaceSettings::Key;

constexpr int kIdRole = Qt::UserRole;

enum Column
{
    NameColumn,
    KindColumn,
    ServerColumn,
    LimitsColumn,
    StatusColumn,
    ColumnCount
};

/// The SMS config keys the form edits; the others are the advanced request definition.
const QStringList kSmsFormKeys = {QStringLiteral("preset"), QStringLiteral("url"),
                                  QStringLiteral("sender"), QStringLiteral("username"),
                                  QStringLiteral("numbers")};

SecretStore secretStore(const Database &db)
{
    return SecretStore::ofWorkspace(db);
}

QString secretsHint(const Database &db)
{
    return ChannelsDialog::tr("Passwords and API keys are kept in %1, never in the workspace file.")
        .arg(Formatter::leftToRight(secretStore(db).location()));
}

QString limitsText(const RateLimits &l)
{
    QStringList parts;
    if (l.perSecond > 0)
        parts << ChannelsDialog::tr("%1 a second").arg(Formatter::number(l.perSecond));
    if (l.perHour > 0)
        parts << ChannelsDialog::tr("%1 an hour").arg(Formatter::number(l.perHour));
    if (l.perDay > 0)
        parts << ChannelsDialog::tr("%1 a day").arg(Formatter::number(l.perDay));
    return parts.isEmpty() ? ChannelsDialog::tr("No limit") : parts.join(QStringLiteral(" · "));
}

QSpinBox *spin(int min, int max, int value, const QString &special = QString())
{
    auto *s = new QSpinBox;
    s->setRange(min, max);
    s->setValue(value);
    s->setSpecialValueText(special);
    return s;
}

QJsonObject withoutFormKeys(QJsonObject config)
{
    for (const QString &key : kSmsFormKeys)
        config.remove(key);
    return config;
}

bool secretFromEnvironment(const QString &account)
{
    return qEnvironmentVariableIsSet(SecretStore::environmentName(account).toLatin1().constData());
}

} // namespace

// ---------------------------------------------------------------------------
// ChannelsDialog

ChannelsDialog::ChannelsDialog(const Database &db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_tests(new TestSendController(db, this))
{
    setWindowTitle(tr("Channels"));
    setObjectName(QStringLiteral("ChannelsDialog"));
    const WorkspaceSettings settings(db);
    m_loadingSender = true;

    // Who sends
    auto *senderBox = new QGroupBox(tr("Sender"));
    auto *senderForm = new QFormLayout(senderBox);
    m_businessName = new QLineEdit(settings.value(Key::BusinessName).toString());
    m_businessName->setObjectName(QStringLiteral("businessName"));
    m_businessName->setPlaceholderText(tr("Your shop or company, as your contacts know it"));
    senderForm->addRow(tr("&Business name:"), m_businessName);
    m_postalAddress = new QPlainTextEdit(settings.value(Key::PostalAddress).toString());
    alignToTextDirection(m_postalAddress);
    m_postalAddress->setObjectName(QStringLiteral("postalAddress"));
    m_postalAddress->setAccessibleName(tr("Postal address"));
    m_postalAddress->setTabChangesFocus(true);
    m_postalAddress->setPlaceholderText(tr("Required in marketing email"));
    m_postalAddress->setFixedHeight(m_postalAddress->fontMetrics().lineSpacing() * 4 + 12);
    senderForm->addRow(tr("&Postal address:"), m_postalAddress);
    m_unsubscribeUrl = new QLineEdit(settings.value(Key::UnsubscribeUrl).toString());
    m_unsubscribeUrl->setObjectName(QStringLiteral("unsubscribeUrl"));
    m_unsubscribeUrl->setPlaceholderText(
        QStringLiteral("https://example.com/unsubscribe?t={token}"));
    m_unsubscribeUrl->setToolTip(tr("{token} is replaced by the contact's signed token; without "
                                    "it, ?t= and the token are added at the end."));
    senderForm->addRow(tr("&Unsubscribe page:"), m_unsubscribeUrl);
    m_unsubscribeMailto = new QLineEdit(settings.value(Key::UnsubscribeMailto).toString());
    m_unsubscribeMailto->setObjectName(QStringLiteral("unsubscribeMailto"));
    m_unsubscribeMailto->setPlaceholderText(QStringLiteral("unsubscribe@example.com"));
    m_unsubscribeMailto->setToolTip(
        tr("Mail clients offer to send an \"unsubscribe\" email to this address."));
    senderForm->addRow(tr("Unsubscribe &address:"), m_unsubscribeMailto);
    m_emailsPerDay = spin(0, 1000, settings.value(Key::EmailsPerDay).toInt(), tr("No cap"));
    m_emailsPerDay->setObjectName(QStringLiteral("emailsPerDay"));
    m_emailsPerDay->setToolTip(tr("At most this many marketing emails reach one contact in a "
                                  "day; 0 is no cap."));
    senderForm->addRow(tr("Marketing emails per contact per &day:"), m_emailsPerDay);
    m_maxAttempts = spin(1, 50, settings.value(Key::MaxAttempts).toInt());
    m_maxAttempts->setObjectName(QStringLiteral("maxAttempts"));
    m_maxAttempts->setToolTip(tr("A message that fails for a passing reason (a busy server, "
                                 "no network) is tried again later, up to this many times."));
    senderForm->addRow(tr("&Attempts before a message fails:"), m_maxAttempts);
    // Quiet hours: no marketing at night, in each contact's own time zone.
    m_quiet = new QCheckBox(tr("&Quiet hours, in each contact's time zone: from"));
    m_quiet->setObjectName(QStringLiteral("quietHours"));
    m_quietFrom = new QTimeEdit;
    m_quietFrom->setObjectName(QStringLiteral("quietFrom"));
    setDateTimeFormat(m_quietFrom, QStringLiteral("HH:mm"));
    m_quietFrom->setAccessibleName(tr("Quiet hours start"));
    m_quietTo = new QTimeEdit;
    m_quietTo->setObjectName(QStringLiteral("quietTo"));
    setDateTimeFormat(m_quietTo, QStringLiteral("HH:mm"));
    m_quietTo->setAccessibleName(tr("Quiet hours end"));
    {
        const QTime from =
            QTime::fromString(settings.value(Key::QuietFrom).toString(), QStringLiteral("HH:mm"));
        const QTime to =
            QTime::fromString(settings.value(Key::QuietTo).toString(), QStringLiteral("HH:mm"));
        m_quiet->setChecked(from.isValid() && to.isValid());
        m_quietFrom->setTime(from.isValid() ? from : QTime(21, 0));
        m_quietTo->setTime(to.isValid() ? to : QTime(8, 0));
    }
    m_quiet->setToolTip(tr("Marketing email and SMS wait until the quiet hours end; receipts "
                           "and other transactional messages still go out."));
    auto *quietRow = new QHBoxLayout;
    quietRow->addWidget(m_quiet);
    quietRow->addWidget(m_quietFrom);
    quietRow->addWidget(new QLabel(tr("to")));
    quietRow->addWidget(m_quietTo);
    quietRow->addStretch(1);
    senderForm->addRow(QString(), quietRow);
    m_senderProblems = new MessageLabel(MessageLabel::Kind::Error);
    m_senderProblems->setObjectName(QStringLiteral("senderProblems"));
    senderForm->addRow(QString(), m_senderProblems);

    m_senderTimer = new QTimer(this);
    m_senderTimer->setSingleShot(true);
    m_senderTimer->setInterval(600);
    connect(m_senderTimer, &QTimer::timeout, this, &ChannelsDialog::saveSender);
    for (QLineEdit *edit : {m_businessName, m_unsubscribeUrl, m_unsubscribeMailto}) {
        connect(edit, &QLineEdit::editingFinished, this, &ChannelsDialog::saveSender);
        connect(edit, &QLineEdit::textEdited, this, &ChannelsDialog::updateSenderProblems);
    }
    connect(m_postalAddress, &QPlainTextEdit::textChanged, this, [this] {
        updateSenderProblems();
        m_senderTimer->start();
    });
    for (QSpinBox *box : {m_emailsPerDay, m_maxAttempts})
        connect(box, &QSpinBox::valueChanged, this, &ChannelsDialog::saveSender);
    connect(m_quiet, &QCheckBox::toggled, this, &ChannelsDialog::saveSender);
    for (QTimeEdit *edit : {m_quietFrom, m_quietTo})
        connect(edit, &QTimeEdit::timeChanged, this, &ChannelsDialog::saveSender);

    // What sends
    auto *accountsBox = new QGroupBox(tr("Accounts"));
    m_accounts = new QTableWidget(0, ColumnCount);
    m_accounts->setObjectName(QStringLiteral("accountList"));
    m_accounts->setAccessibleName(tr("Accounts"));
    m_accounts->setHorizontalHeaderLabels(
        {tr("Name"), tr("Kind"), tr("Server or gateway"), tr("Limits"), tr("Status")});
    m_accounts->horizontalHeader()->setSectionResizeMode(ServerColumn, QHeaderView::Stretch);
    m_accounts->verticalHeader()->hide();
    m_accounts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_accounts->setSelectionMode(QAbstractItemView::SingleSelection);
    m_accounts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_accounts->setWordWrap(false);
    connect(m_accounts, &QTableWidget::itemSelectionChanged, this, &ChannelsDialog::updateActions);
    connect(m_accounts, &QTableWidget::itemDoubleClicked, this, &ChannelsDialog::editSelected);
    auto *editAction = new QAction(Icons::icon(QStringLiteral("edit")), tr("Edit"), m_accounts);
    editAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    editAction->setShortcutContext(Qt::WidgetShortcut);
    connect(editAction, &QAction::triggered, this, &ChannelsDialog::editSelected);
    auto *removeAction =
        new QAction(Icons::icon(QStringLiteral("delete")), tr("Remove"), m_accounts);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(removeAction, &QAction::triggered, this, &ChannelsDialog::removeSelected);
    m_accounts->addActions({editAction, removeAction});

    auto *addSmtp = new QPushButton(tr("Add &SMTP…"));
    addSmtp->setObjectName(QStringLiteral("addSmtp"));
    addSmtp->setToolTip(tr("An email account your messages go out through"));
    connect(addSmtp, &QPushButton::clicked, this, [this] { addAccount(QStringLiteral("smtp")); });
    auto *addSms = new QPushButton(tr("Add SM&S…"));
    addSms->setObjectName(QStringLiteral("addSms"));
    addSms->setToolTip(tr("A text message gateway: Kavenegar, Melipayamak, Twilio and others"));
    connect(addSms, &QPushButton::clicked, this, [this] { addAccount(QStringLiteral("sms")); });
    m_edit = new QPushButton(tr("&Edit…"));
    m_edit->setObjectName(QStringLiteral("editAccount"));
    connect(m_edit, &QPushButton::clicked, this, &ChannelsDialog::editSelected);
    m_remove = new QPushButton(tr("&Remove"));
    m_remove->setObjectName(QStringLiteral("removeAccount"));
    connect(m_remove, &QPushButton::clicked, this, &ChannelsDialog::removeSelected);
    m_test = new QPushButton(tr("&Test…"));
    m_test->setObjectName(QStringLiteral("testAccount"));
    m_test->setToolTip(tr("Send one test message through the selected account and see the "
                          "server's reply"));
    connect(m_test, &QPushButton::clicked, this, &ChannelsDialog::testSelected);
    m_busy = new QProgressBar;
    m_busy->setObjectName(QStringLiteral("testBusy"));
    m_busy->setAccessibleName(tr("Sending the test"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(100);
    m_busy->hide();
    connect(m_tests, &TestSendController::started, this, [this] {
        m_busy->show();
        updateActions();
    });
    connect(m_tests, &TestSendController::finished, this, [this] {
        m_busy->hide();
        updateActions();
    });
    auto *accountButtons = new QHBoxLayout;
    for (QPushButton *b : {addSmtp, addSms, m_edit, m_remove})
        accountButtons->addWidget(b);
    accountButtons->addStretch(1);
    accountButtons->addWidget(m_busy);
    accountButtons->addWidget(m_test);

    auto *secrets = new QLabel(secretsHint(db));
    secrets->setObjectName(QStringLiteral("secretsLocation"));
    secrets->setWordWrap(true);
    secrets->setTextFormat(Qt::PlainText);
    secrets->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *accountsLayout = new QVBoxLayout(accountsBox);
    accountsLayout->addWidget(m_accounts, 1);
    accountsLayout->addLayout(accountButtons);
    accountsLayout->addWidget(secrets);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(senderBox);
    layout->addWidget(accountsBox, 1);
    layout->addWidget(buttons);
    resize(720, 700);

    m_loadingSender = false;
    updateSenderProblems();
    reloadAccounts();
}

void ChannelsDialog::done(int result)
{
    m_senderTimer->stop();
    saveSender();
    QDialog::done(result);
}

void ChannelsDialog::saveSender()
{
    if (m_loadingSender)
        return;
    WorkspaceSettings settings(m_db);
    bool ok = true;
    const auto store = [&settings, &ok](Key key, const QVariant &value) {
        if (settings.value(key).toString() != value.toString())
            ok = settings.setValue(key, value) && ok;
    };
    QString mailto = m_unsubscribeMailto->text().trimmed();
    if (mailto.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
        mailto = mailto.mid(7);
    store(Key::BusinessName, m_businessName->text().trimmed());
    store(Key::PostalAddress, m_postalAddress->toPlainText().trimmed());
    store(Key::UnsubscribeUrl, m_unsubscribeUrl->text().trimmed());
    store(Key::UnsubscribeMailto, mailto);
    store(Key::EmailsPerDay, m_emailsPerDay->value());
    store(Key::MaxAttempts, m_maxAttempts->value());
    const bool quiet = m_quiet->isChecked();
    m_quietFrom->setEnabled(quiet);
    m_quietTo->setEnabled(quiet);
    store(Key::QuietFrom,
          quiet ? m_quietFrom->time().toString(QStringLiteral("HH:mm")) : QString());
    store(Key::QuietTo, quiet ? m_quietTo->time().toString(QStringLiteral("HH:mm")) : QString());
    updateSenderProblems();
    if (!ok) {
        m_senderProblems->setText(tr("The sender settings could not be saved in the workspace."));
        m_senderProblems->show();
    }
}

void ChannelsDialog::updateSenderProblems()
{
    QStringList problems;
    if (m_postalAddress->toPlainText().trimmed().isEmpty())
        problems << tr("Marketing email must show your postal address.");
    const QString url = m_unsubscribeUrl->text().trimmed();
    QString mailto = m_unsubscribeMailto->text().trimmed();
    if (url.isEmpty() && mailto.isEmpty())
        problems << tr("Marketing email needs an unsubscribe page or address.");
    if (!url.isEmpty()) {
        const QUrl u(url);
        if (!u.isValid() || u.host().isEmpty() ||
            (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")))
            problems << tr("The unsubscribe page must be a web address that starts with "
                           "https://.");
    }
    if (!mailto.isEmpty() && !mailto.contains(QLatin1Char('@')))
        problems << tr("The unsubscribe address must be an email address.");
    m_senderProblems->setText(problems.join(QLatin1Char('\n')));
    m_senderProblems->setVisible(!problems.isEmpty());
}

void ChannelsDialog::reloadAccounts(qint64 selectId)
{
    const qint64 keep = selectId ? selectId : selectedId();
    const QList<ChannelAccount> list = ChannelAccounts(m_db).list();
    m_accounts->setRowCount(int(list.size()));
    int keepRow = list.isEmpty() ? -1 : 0;
    for (int r = 0; r < list.size(); ++r) {
        const ChannelAccount &a = list.at(r);
        QString server;
        if (a.isSmtp()) {
            server = QStringLiteral("%1:%2")
                         .arg(a.config.value(QStringLiteral("host")).toString())
                         .arg(a.config.value(QStringLiteral("port")).toInt());
        } else {
            const QUrl url(a.config.value(QStringLiteral("url")).toString());
            server = url.host().isEmpty() ? url.toString() : url.host();
        }
        const QStringList cells = {
            a.name,
            a.isSmtp() ? tr("Email (SMTP)")
                       : tr("SMS: %1").arg(ChannelAccounts::presetLabel(
                             a.config.value(QStringLiteral("preset")).toString())),
            server, limitsText(a.limits),
            MailboxSettings::of(a).isSet()
                ? tr("%1 · reads its mailbox").arg(a.enabled ? tr("Enabled") : tr("Disabled"))
                : (a.enabled ? tr("Enabled") : tr("Disabled"))};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setData(kIdRole, a.id);
            m_accounts->setItem(r, c, item);
        }
        if (a.id == keep)
            keepRow = r;
    }
    for (const int c : {NameColumn, KindColumn, LimitsColumn, StatusColumn})
        m_accounts->resizeColumnToContents(c);
    if (keepRow >= 0)
        selectWholeRow(m_accounts, keepRow);
    updateActions();
}

qint64 ChannelsDialog::selectedId() const
{
    const QList<QTableWidgetItem *> items = m_accounts->selectedItems();
    return items.isEmpty() ? 0 : items.constFirst()->data(kIdRole).toLongLong();
}

void ChannelsDialog::updateActions()
{
    const bool selected = selectedId() != 0;
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_test->setEnabled(selected && !m_tests->isSending());
}

void ChannelsDialog::addAccount(const QString &kind)
{
    ChannelAccount a;
    a.kind = kind;
    if (kind == QLatin1String("sms")) {
        a.config = ChannelAccounts::smsPreset(ChannelAccounts::smsPresets().constFirst());
    } else {
        a.config.insert(QStringLiteral("port"), 587);
        a.config.insert(QStringLiteral("security"), QStringLiteral("starttls"));
        a.config.insert(QStringLiteral("auth"), QStringLiteral("auto"));
    }
    ChannelAccountDialog dialog(m_db, a, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reloadAccounts(dialog.account().id);
    Q_EMIT accountsChanged();
}

void ChannelsDialog::editSelected()
{
    const auto a = ChannelAccounts(m_db).find(selectedId());
    if (!a)
        return;
    ChannelAccountDialog dialog(m_db, *a, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reloadAccounts(a->id);
    Q_EMIT accountsChanged();
}

void ChannelsDialog::removeSelected()
{
    ChannelAccounts accounts(m_db);
    const auto a = accounts.find(selectedId());
    if (!a)
        return;
    if (QMessageBox::question(this, tr("Remove account"),
                              tr("Remove \"%1\"? Its stored password or API key is deleted too. "
                                 "Messages in the outbox wait until an account can send them.")
                                  .arg(a->name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (!accounts.remove(a->id)) {
        QMessageBox::warning(this, tr("Cannot remove the account"), accounts.errorString());
        return;
    }
    // nothing may be stored (an account without a login): a failure here is no news
    SecretStore store = secretStore(m_db);
    store.remove(a->name);
    reloadAccounts();
    Q_EMIT accountsChanged();
}

void ChannelsDialog::testSelected()
{
    if (m_tests->isSending())
        return;
    if (const auto found = ChannelAccounts(m_db).find(selectedId()))
        m_tests->sendAccountTest(*found);
}

// ---------------------------------------------------------------------------
// ChannelAccountDialog

ChannelAccountDialog::ChannelAccountDialog(const Database &db, const ChannelAccount &account,
                                           QWidget *parent)
    : EditDialog(parent)
    , m_db(db)
    , m_original(account)
{
    setObjectName(QStringLiteral("ChannelAccountDialog"));
    setWindowTitle(account.id         ? tr("Edit Account")
                   : account.isSmtp() ? tr("Add SMTP Account")
                                      : tr("Add SMS Gateway"));

    auto *form = new QFormLayout;
    m_name = new QLineEdit(account.name);
    m_name->setObjectName(QStringLiteral("accountName"));
    m_name->setPlaceholderText(account.isSmtp() ? tr("e.g. Newsletter (Gmail)")
                                                : tr("e.g. Kavenegar"));
    form->addRow(tr("&Name:"), m_name);
    if (account.isSmtp())
        buildSmtp(form);
    else
        buildSms(form);
    buildCommon(form);

    auto *secrets = new QLabel(secretsHint(db));
    secrets->setObjectName(QStringLiteral("secretsLocation"));
    secrets->setWordWrap(true);
    secrets->setTextFormat(Qt::PlainText);
    secrets->setEnabled(false);

    m_problems = new MessageLabel(MessageLabel::Kind::Error);
    m_problems->setObjectName(QStringLiteral("accountProblems"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    if (account.isSmtp())
        layout->addWidget(buildMailbox());
    layout->addWidget(secrets);
    layout->addWidget(m_problems);
    layout->addStretch(1);
    layout->addWidget(buttons);
    // word-wrapped notes make the layout's own minimum too small
    setMinimumHeight(layout->totalHeightForWidth(560));
    resize(560, minimumHeight());

    // Cancel after an edit asks first (the fields are filled by now)
    watch(findChildren<QWidget *>());

    // after a refused OK, the problems follow the edits
    const auto changed = [this] {
        if (m_triedOk)
            showProblems();
    };
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        connect(edit, &QLineEdit::textChanged, this, changed);
    for (QSpinBox *box : findChildren<QSpinBox *>())
        connect(box, &QSpinBox::valueChanged, this, changed);
    for (QComboBox *box : findChildren<QComboBox *>())
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    if (m_advanced)
        connect(m_advanced, &QPlainTextEdit::textChanged, this, changed);
}

void ChannelAccountDialog::buildSmtp(QFormLayout *form)
{
    const QJsonObject &c = m_original.config;
    m_host = new QLineEdit(c.value(QStringLiteral("host")).toString());
    m_host->setObjectName(QStringLiteral("smtpHost"));
    m_host->setPlaceholderText(QStringLiteral("smtp.example.com"));
    form->addRow(tr("&Server:"), m_host);

    m_security = new QComboBox;
    m_security->setObjectName(QStringLiteral("smtpSecurity"));
    m_security->addItem(tr("STARTTLS (587)"), QStringLiteral("starttls"));
    m_security->addItem(tr("TLS (465)"), QStringLiteral("tls"));
    m_security->addItem(tr("None (not recommended)"), QStringLiteral("none"));
    m_security->setCurrentIndex(
        std::max(0, m_security->findData(c.value(QStringLiteral("security")).toString())));
    form->addRow(tr("S&ecurity:"), m_security);

    m_port = spin(1, 65535, c.value(QStringLiteral("port")).toInt(587));
    m_port->setObjectName(QStringLiteral("smtpPort"));
    m_port->setGroupSeparatorShown(false);
    form->addRow(tr("&Port:"), m_port);
    connect(m_security, &QComboBox::currentIndexChanged, this, [this] {
        // suggest the security's usual port, unless the port was set to another one
        const QString security = m_security->currentData().toString();
        const int port = security == QLatin1String("tls")    ? 465
                         : security == QLatin1String("none") ? 25
                                                             : 587;
        if (QList<int>{25, 465, 587}.contains(m_port->value()))
            m_port->setValue(port);
    });

    m_user = new QLineEdit(c.value(QStringLiteral("user")).toString());
    m_user->setObjectName(QStringLiteral("smtpUser"));
    m_user->setPlaceholderText(tr("Usually your email address; empty when the server needs no "
                                  "login"));
    form->addRow(tr("&User name:"), m_user);

    m_secret = new QLineEdit;
    m_secret->setObjectName(QStringLiteral("smtpPassword"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(m_original.id ? tr("Leave empty to keep the stored one")
                                               : tr("The password or an app password"));
    form->addRow(tr("Pass&word:"), m_secret);

    m_from = new QLineEdit(c.value(QStringLiteral("from")).toString());
    m_from->setObjectName(QStringLiteral("smtpFrom"));
    m_from->setPlaceholderText(tr("Shop <news@shop.example>"));
    form->addRow(tr("&From:"), m_from);

    m_replyTo = new QLineEdit(c.value(QStringLiteral("replyTo")).toString());
    m_replyTo->setObjectName(QStringLiteral("smtpReplyTo"));
    m_replyTo->setPlaceholderText(tr("Optional: where replies go"));
    form->addRow(tr("&Reply to:"), m_replyTo);

    m_auth = new QComboBox;
    m_auth->setObjectName(QStringLiteral("smtpAuth"));
    m_auth->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_auth->addItem(QStringLiteral("PLAIN"), QStringLiteral("plain"));
    m_auth->addItem(QStringLiteral("LOGIN"), QStringLiteral("login"));
    m_auth->addItem(tr("XOAUTH2 (an access token as the password)"), QStringLiteral("xoauth2"));
    m_auth->setCurrentIndex(
        std::max(0, m_auth->findData(c.value(QStringLiteral("auth")).toString())));
    form->addRow(tr("&Login method:"), m_auth);

    m_caFile = new QLineEdit(c.value(QStringLiteral("caFile")).toString());
    m_caFile->setObjectName(QStringLiteral("smtpCaFile"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("browseCaFile"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString current = m_caFile->text();
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Server Certificate or CA File"),
            current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath(),
            tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(QDir::toNativeSeparators(file));
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    // A row of a field and a button: the label's shortcut goes to the field
    // (given a layout, addRow() would show the "&").
    auto *caLabel = new QLabel(tr("&CA file:"));
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);
    auto *caHint = new QLabel(
        tr("Choose the server's certificate or CA file if it is not trusted by the system"));
    caHint->setWordWrap(true);
    caHint->setEnabled(false);
    form->addRow(QString(), caHint);
}

QGroupBox *ChannelAccountDialog::buildMailbox()
{
    const MailboxSettings mailbox = MailboxSettings::of(m_original);
    m_mailbox = new QGroupBox(tr("Read &returned mail from a mailbox (IMAP)"));
    m_mailbox->setObjectName(QStringLiteral("mailboxGroup"));
    m_mailbox->setCheckable(true);
    m_mailbox->setChecked(mailbox.isSet());
    m_mailbox->setToolTip(tr("Bounces that come back later, spam complaints and unsubscribe "
                             "requests arrive there; Masir reads them every few minutes and "
                             "leaves people's own mail unread."));
    auto *form = new QFormLayout(m_mailbox);
    m_mailboxUrl = new QLineEdit(mailbox.url);
    m_mailboxUrl->setObjectName(QStringLiteral("mailboxUrl"));
    m_mailboxUrl->setPlaceholderText(QStringLiteral("imaps://imap.example.com/INBOX"));
    m_mailboxUrl->setLayoutDirection(Qt::LeftToRight);
    form->addRow(tr("Mailbo&x:"), m_mailboxUrl);
    m_mailboxUser = new QLineEdit(mailbox.user);
    m_mailboxUser->setObjectName(QStringLiteral("mailboxUser"));
    m_mailboxUser->setPlaceholderText(tr("Usually the From address"));
    form->addRow(tr("User na&me:"), m_mailboxUser);
    m_mailboxPassword = new QLineEdit;
    m_mailboxPassword->setObjectName(QStringLiteral("mailboxPassword"));
    m_mailboxPassword->setEchoMode(QLineEdit::Password);
    m_mailboxPassword->setPlaceholderText(mailbox.isSet()
                                              ? tr("Leave empty to keep the stored one")
                                              : tr("The mailbox's password or app password"));
    form->addRow(tr("Passwor&d:"), m_mailboxPassword);
    auto *hint = new QLabel(tr("The CA file above is trusted for the mailbox too."));
    hint->setWordWrap(true);
    hint->setEnabled(false);
    form->addRow(QString(), hint);
    // a checked box with empty fields: filled in from the SMTP account
    connect(m_mailbox, &QGroupBox::toggled, this, [this](bool on) {
        if (!on)
            return;
        if (m_mailboxUser->text().isEmpty())
            m_mailboxUser->setText(m_user->text().trimmed());
        if (m_mailboxUrl->text().isEmpty() && !m_host->text().trimmed().isEmpty()) {
            QString host = m_host->text().trimmed();
            if (host.startsWith(QLatin1String("smtp.")))
                host.replace(0, 4, QStringLiteral("imap"));
            m_mailboxUrl->setText(QStringLiteral("imaps://%1/INBOX").arg(host));
        }
        m_mailboxUrl->setFocus();
    });
    return m_mailbox;
}

void ChannelAccountDialog::buildSms(QFormLayout *form)
{
    const QJsonObject &c = m_original.config;
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("smsPreset"));
    for (const QString &preset : ChannelAccounts::smsPresets())
        m_preset->addItem(ChannelAccounts::presetLabel(preset), preset);
    const int preset = m_preset->findData(c.value(QStringLiteral("preset")).toString());
    m_preset->setCurrentIndex(preset >= 0 ? preset : m_preset->findData(QStringLiteral("custom")));
    connect(m_preset, &QComboBox::activated, this,
            [this] { applySmsPreset(m_preset->currentData().toString()); });
    form->addRow(tr("&Provider:"), m_preset);

    m_url = new QLineEdit(c.value(QStringLiteral("url")).toString());
    m_url->setObjectName(QStringLiteral("smsUrl"));
    m_url->setToolTip(tr("{secret}, {username} and {sender} in the address are filled in."));
    form->addRow(tr("&Web address:"), m_url);

    m_sender = new QLineEdit(c.value(QStringLiteral("sender")).toString());
    m_sender->setObjectName(QStringLiteral("smsSender"));
    m_sender->setPlaceholderText(tr("The number or name the gateway gave you"));
    form->addRow(tr("&Sender:"), m_sender);

    m_username = new QLineEdit(c.value(QStringLiteral("username")).toString());
    m_username->setObjectName(QStringLiteral("smsUsername"));
    m_username->setPlaceholderText(
        tr("Only when the gateway asks for one (Twilio: the Account SID)"));
    form->addRow(tr("&User name:"), m_username);

    m_secret = new QLineEdit;
    m_secret->setObjectName(QStringLiteral("smsSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(m_original.id ? tr("Leave empty to keep the stored one")
                                               : tr("The API key, token or password"));
    form->addRow(tr("API &key or secret:"), m_secret);

    m_numbers = new QComboBox;
    m_numbers->setObjectName(QStringLiteral("smsNumbers"));
    m_numbers->addItem(tr("+98… (international with +)"), QStringLiteral("e164"));
    m_numbers->addItem(tr("98… (international without +)"), QStringLiteral("international"));
    m_numbers->addItem(tr("09… (national)"), QStringLiteral("national"));
    m_numbers->setCurrentIndex(
        std::max(0, m_numbers->findData(c.value(QStringLiteral("numbers")).toString())));
    form->addRow(tr("&Number format:"), m_numbers);

    m_advancedToggle = new QToolButton;
    m_advancedToggle->setObjectName(QStringLiteral("smsAdvancedToggle"));
    m_advancedToggle->setText(tr("Request &definition"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    m_advanced = new QPlainTextEdit;
    m_advanced->setObjectName(QStringLiteral("smsAdvanced"));
    m_advanced->setAccessibleName(tr("Request definition (JSON)"));
    m_advanced->setToolTip(tr("How the request is made: method, authentication, body and its "
                              "fields, and how success is read from the reply. {to}, {text}, "
                              "{sender}, {username} and {secret} are filled in."));
    m_advanced->setTabChangesFocus(true);
    m_advanced->setPlainText(
        QString::fromUtf8(QJsonDocument(withoutFormKeys(c)).toJson(QJsonDocument::Indented)));
    m_advanced->setLayoutDirection(Qt::LeftToRight);
    m_advanced->setMinimumHeight(160);
    m_advanced->hide();
    connect(m_advancedToggle, &QToolButton::toggled, this, [this](bool on) {
        m_advanced->setVisible(on);
        m_advancedToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    // a gateway of our own needs its request defined
    if (m_preset->currentData().toString() == QLatin1String("custom"))
        m_advancedToggle->setChecked(true);
    form->addRow(QString(), m_advancedToggle);
    form->addRow(m_advanced);
}

void ChannelAccountDialog::applySmsPreset(const QString &preset)
{
    const QJsonObject c = ChannelAccounts::smsPreset(preset);
    m_url->setText(c.value(QStringLiteral("url")).toString());
    m_numbers->setCurrentIndex(
        std::max(0, m_numbers->findData(c.value(QStringLiteral("numbers")).toString())));
    m_advanced->setPlainText(
        QString::fromUtf8(QJsonDocument(withoutFormKeys(c)).toJson(QJsonDocument::Indented)));
    if (preset == QLatin1String("custom"))
        m_advancedToggle->setChecked(true);
}

void ChannelAccountDialog::buildCommon(QFormLayout *form)
{
    m_limitPreset = new QComboBox;
    m_limitPreset->setObjectName(QStringLiteral("limitPreset"));
    for (const LimitPreset &p : ChannelAccounts::limitPresets())
        m_limitPreset->addItem(p.label, p.key);
    m_limitPreset->addItem(tr("Custom"), QStringLiteral("custom"));
    connect(m_limitPreset, &QComboBox::activated, this, [this] {
        const QString key = m_limitPreset->currentData().toString();
        for (const LimitPreset &p : ChannelAccounts::limitPresets())
            if (p.key == key)
                setLimits(p.limits);
    });
    form->addRow(tr("Sending &limits:"), m_limitPreset);

    const QString none = tr("No limit");
    m_perSecond = spin(0, 10000, 0, none);
    m_perSecond->setObjectName(QStringLiteral("perSecond"));
    m_perHour = spin(0, 1000000, 0, none);
    m_perHour->setObjectName(QStringLiteral("perHour"));
    m_perDay = spin(0, 10000000, 0, none);
    m_perDay->setObjectName(QStringLiteral("perDay"));
    form->addRow(tr("At most per s&econd:"), m_perSecond);
    form->addRow(tr("At most per &hour:"), m_perHour);
    form->addRow(tr("At most per &day:"), m_perDay);
    for (QSpinBox *box : {m_perSecond, m_perHour, m_perDay})
        connect(box, &QSpinBox::valueChanged, this, &ChannelAccountDialog::limitsEdited);
    setLimits(m_original.limits);

    m_connections = spin(1, 16, std::clamp(m_original.connections, 1, 16));
    m_connections->setObjectName(QStringLiteral("connections"));
    m_connections->setToolTip(tr("How many messages go out at the same time through this "
                                 "account"));
    form->addRow(tr("Parallel c&onnections:"), m_connections);

    m_enabled = new QCheckBox(tr("En&abled: send through this account"));
    m_enabled->setObjectName(QStringLiteral("accountEnabled"));
    m_enabled->setChecked(m_original.enabled);
    form->addRow(QString(), m_enabled);
}

void ChannelAccountDialog::setLimits(const RateLimits &limits)
{
    m_settingLimits = true;
    m_perSecond->setValue(limits.perSecond);
    m_perHour->setValue(limits.perHour);
    m_perDay->setValue(limits.perDay);
    m_settingLimits = false;
    limitsEdited();
}

void ChannelAccountDialog::limitsEdited()
{
    if (m_settingLimits)
        return;
    const RateLimits now{m_perSecond->value(), m_perHour->value(), m_perDay->value()};
    QString key = QStringLiteral("custom");
    for (const LimitPreset &p : ChannelAccounts::limitPresets())
        if (p.limits == now) {
            key = p.key;
            break;
        }
    const QSignalBlocker block(m_limitPreset);
    m_limitPreset->setCurrentIndex(std::max(0, m_limitPreset->findData(key)));
}

ChannelAccount ChannelAccountDialog::account() const
{
    ChannelAccount a = m_original;
    a.name = m_name->text().simplified();
    a.limits = {m_perSecond->value(), m_perHour->value(), m_perDay->value()};
    a.connections = m_connections->value();
    a.enabled = m_enabled->isChecked();
    QJsonObject c;
    const auto optional = [&c](const QString &key, const QString &value) {
        if (value.isEmpty())
            c.remove(key);
        else
            c.insert(key, value);
    };
    if (a.isSmtp()) {
        c = m_original.config;
        c.insert(QStringLiteral("host"), m_host->text().trimmed());
        c.insert(QStringLiteral("port"), m_port->value());
        c.insert(QStringLiteral("security"), m_security->currentData().toString());
        c.insert(QStringLiteral("user"), m_user->text().trimmed());
        c.insert(QStringLiteral("from"), m_from->text().trimmed());
        c.insert(QStringLiteral("auth"), m_auth->currentData().toString());
        optional(QStringLiteral("replyTo"), m_replyTo->text().trimmed());
        optional(QStringLiteral("caFile"), QDir::fromNativeSeparators(m_caFile->text().trimmed()));
        if (m_mailbox->isChecked())
            c.insert(QStringLiteral("mailbox"),
                     MailboxSettings{m_mailboxUrl->text().trimmed(),
                                     m_mailboxUser->text().trimmed(),
                                     c.value(QStringLiteral("caFile")).toString()}
                         .toJson());
        else
            c.remove(QStringLiteral("mailbox"));
    } else {
        const QJsonDocument advanced = QJsonDocument::fromJson(m_advanced->toPlainText().toUtf8());
        c = advanced.isObject() ? advanced.object() : withoutFormKeys(m_original.config);
        c.insert(QStringLiteral("preset"), m_preset->currentData().toString());
        c.insert(QStringLiteral("url"), m_url->text().trimmed());
        c.insert(QStringLiteral("sender"), m_sender->text().trimmed());
        optional(QStringLiteral("username"), m_username->text().trimmed());
        c.insert(QStringLiteral("numbers"), m_numbers->currentData().toString());
    }
    a.config = c;
    return a;
}

QStringList ChannelAccountDialog::problems() const
{
    const ChannelAccount a = account();
    QStringList out = ChannelAccounts::validate(a);
    if (!a.isSmtp()) {
        QJsonParseError error;
        const QJsonDocument doc =
            QJsonDocument::fromJson(m_advanced->toPlainText().toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            out << tr("The request definition is not valid JSON: %1 (at character %2).")
                       .arg(error.errorString())
                       .arg(error.offset);
        else if (!doc.isObject())
            out << tr("The request definition must be a JSON object: { … }.");
    }
    // a new account needs its secret, unless the environment provides it
    const bool needsSecret =
        !a.isSmtp() || !a.config.value(QStringLiteral("user")).toString().isEmpty();
    if (m_original.id == 0 && needsSecret && m_secret->text().isEmpty() &&
        !secretFromEnvironment(a.name))
        out << (a.isSmtp() ? tr("Enter the password.") : tr("Enter the API key or password."));
    // a mailbox read for the first time needs its password
    if (a.isSmtp() && m_mailbox->isChecked() && !MailboxSettings::of(m_original).isSet() &&
        m_mailboxPassword->text().isEmpty() &&
        !secretFromEnvironment(MailboxSettings::secretName(a.name)))
        out << tr("Enter the mailbox's password.");
    return out;
}

void ChannelAccountDialog::showProblems()
{
    const QStringList list = problems();
    QStringList lines;
    for (const QString &p : list)
        lines << QStringLiteral("• ") + p;
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!list.isEmpty());
}

bool ChannelAccountDialog::storeSecret(const ChannelAccount &saved)
{
    SecretStore store = secretStore(m_db);
    const QString oldName = m_original.name.simplified();
    const bool renamed = m_original.id != 0 && !oldName.isEmpty() && oldName != saved.name;
    QString secret = m_secret->text();
    if (secret.isEmpty() && renamed && !secretFromEnvironment(oldName)) {
        // the secret is stored under the account's name: move it along
        if (const auto old = store.read(oldName))
            secret = *old;
    }
    if (!secret.isEmpty() && !store.write(saved.name, secret)) {
        m_problems->setText(tr("The account was saved, but its password or API key could not "
                               "be stored: %1")
                                .arg(store.errorString()));
        m_problems->show();
        return false;
    }
    if (renamed && !secret.isEmpty())
        store.remove(oldName);
    return saved.isSmtp() ? storeMailboxSecret(saved) : true;
}

bool ChannelAccountDialog::storeMailboxSecret(const ChannelAccount &saved)
{
    SecretStore store = secretStore(m_db);
    const QString oldName = MailboxSettings::secretName(m_original.name.simplified());
    const QString newName = MailboxSettings::secretName(saved.name);
    if (!MailboxSettings::of(saved).isSet()) {
        store.remove(oldName); // no mailbox: no password kept for it
        return true;
    }
    QString password = m_mailboxPassword->text();
    if (password.isEmpty() && oldName != newName)
        if (const auto old = store.read(oldName))
            password = *old;
    if (!password.isEmpty() && !store.write(newName, password)) {
        m_problems->setText(tr("The account was saved, but the mailbox's password could not be "
                               "stored: %1")
                                .arg(store.errorString()));
        m_problems->show();
        return false;
    }
    if (oldName != newName && !m_original.name.isEmpty())
        store.remove(oldName);
    return true;
}

void ChannelAccountDialog::accept()
{
    m_triedOk = true;
    if (!problems().isEmpty()) {
        showProblems();
        return;
    }
    ChannelAccount a = account();
    ChannelAccounts accounts(m_db);
    if (!accounts.save(a)) {
        m_problems->setText(accounts.errorString());
        m_problems->show();
        return;
    }
    const bool stored = storeSecret(a);
    m_original = a; // saved: another OK updates it (and tries to store the secret again)
    if (stored)
        QDialog::accept();
}

} // namespace masir::ui
