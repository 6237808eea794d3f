#pragma once

#include "widgets/EditDialog.h"

#include "messaging/ChannelAccounts.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimeEdit;
class QTableWidget;
class QTimer;
class QToolButton;

namespace masir {
class Database;
}

namespace masir::ui {

class TestSendController;

/// Settings → Channels: who sends (business name, postal address, unsubscribe
/// page or address, the daily cap and retries, saved as they are edited) and the
/// SMTP accounts and SMS gateways that send, with a test through each.
class ChannelsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ChannelsDialog(const Database &db, QWidget *parent = nullptr);

    QTableWidget *accounts() const { return m_accounts; }
    QLabel *senderProblems() const { return m_senderProblems; }

    /// Re-reads the accounts; selects \a selectId when given.
    void reloadAccounts(qint64 selectId = 0);
    qint64 selectedId() const;
    /// Opens the account editor for a new account of \a kind ("smtp" or "sms").
    void addAccount(const QString &kind);
    void editSelected();
    void removeSelected();
    /// Asks for an address or phone and sends a test through the selected account.
    void testSelected();
    /// Writes the sender fields to the workspace settings.
    void saveSender();

    void done(int result) override;

Q_SIGNALS:
    /// An account was added, changed or removed: the sender should look again.
    void accountsChanged();

private:
    void updateSenderProblems();
    void updateActions();

    const Database &m_db;
    TestSendController *m_tests = nullptr;
    QLineEdit *m_businessName = nullptr;
    QPlainTextEdit *m_postalAddress = nullptr;
    QLineEdit *m_unsubscribeUrl = nullptr;
    QLineEdit *m_unsubscribeMailto = nullptr;
    QSpinBox *m_emailsPerDay = nullptr;
    QSpinBox *m_maxAttempts = nullptr;
    QCheckBox *m_quiet = nullptr;
    QTimeEdit *m_quietFrom = nullptr;
    QTimeEdit *m_quietTo = nullptr;
    QLabel *m_senderProblems = nullptr;
    QTimer *m_senderTimer = nullptr;
    bool m_loadingSender = false;

    QTableWidget *m_accounts = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_test = nullptr;
    QProgressBar *m_busy = nullptr;
};

/// Adds or edits one SMTP account or SMS gateway. OK validates, saves the account
/// and puts its password or API key in the SecretStore (never in the workspace).
class ChannelAccountDialog final : public EditDialog
{
    Q_OBJECT

public:
    ChannelAccountDialog(const Database &db, const ChannelAccount &account,
                         QWidget *parent = nullptr);

    /// The account as the fields describe it.
    ChannelAccount account() const;
    /// What is wrong with it, each a sentence; empty when it can be saved.
    QStringList problems() const;
    QLabel *problemsLabel() const { return m_problems; }
    QLineEdit *secretField() const { return m_secret; }

    void accept() override;

private:
    void buildSmtp(QFormLayout *form);
    void buildSms(QFormLayout *form);
    QGroupBox *buildMailbox();
    void buildCommon(QFormLayout *form);
    void applySmsPreset(const QString &preset);
    void setLimits(const RateLimits &limits);
    void limitsEdited();
    void showProblems();
    bool storeSecret(const ChannelAccount &saved);
    bool storeMailboxSecret(const ChannelAccount &saved);

    const Database &m_db;
    ChannelAccount m_original;
    bool m_triedOk = false;
    bool m_settingLimits = false;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_secret = nullptr;
    // SMTP
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_security = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_replyTo = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_caFile = nullptr;
    QGroupBox *m_mailbox = nullptr;
    QLineEdit *m_mailboxUrl = nullptr;
    QLineEdit *m_mailboxUser = nullptr;
    QLineEdit *m_mailboxPassword = nullptr;
    // SMS
    QComboBox *m_preset = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_sender = nullptr;
    QLineEdit *m_username = nullptr;
    QComboBox *m_numbers = nullptr;
    QToolButton *m_advancedToggle = nullptr;
    QPlainTextEdit *m_advanced = nullptr;
    // both
    QComboBox *m_limitPreset = nullptr;
    QSpinBox *m_perSecond = nullptr;
    QSpinBox *m_perHour = nullptr;
    QSpinBox *m_perDay = nullptr;
    QSpinBox *m_connections = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_problems = nullptr;
};

} // namespace masir::ui
