#include "mainwindow/OpenServerDialog.h"

#include "i18n/Formatter.h"
#include "messaging/SecretStore.h"
#include "storage/WorkspaceAddress.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

/// The keychain's scope for server passwords, each kept under the address
/// without its password.
SecretStore serverSecrets()
{
    return SecretStore(QStringLiteral("servers"));
}

/// The address as it is kept and shown: without its password, in one spelling
/// (postgres:// or postgresql://, options in order), the keychain's key.
QString withoutPassword(const QString &address)
{
    const auto parsed = WorkspaceAddress::parse(address.trimmed(), nullptr);
    return parsed ? parsed->display() : address.trimmed();
}

QString passwordOf(const QString &address)
{
    const auto parsed = WorkspaceAddress::parse(address.trimmed(), nullptr);
    return parsed ? parsed->password() : QString();
}

/// \a address with \a password in it, each character as it is (a space, a %).
QString withPassword(const QString &address, const QString &password)
{
    QUrl url(withoutPassword(address), QUrl::StrictMode);
    if (!password.isEmpty())
        url.setPassword(password, QUrl::DecodedMode);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

OpenServerDialog::OpenServerDialog(const QString &address, const QString &problem, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Open Server Workspace"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A team workspace lives in a PostgreSQL database that everyone "
                                "on the team opens. Ask whoever set it up for its address."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_address = new QLineEdit(withoutPassword(address));
    m_address->setObjectName(QStringLiteral("serverAddress"));
    m_address->setLayoutDirection(Qt::LeftToRight); // a URL reads left to right in any language
    m_address->setPlaceholderText(
        QStringLiteral("postgresql://staff@db.example.com/shop?sslmode=verify-full"));
    m_address->setMinimumWidth(m_address->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 60);
    form->addRow(tr("&Address:"), m_address);
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("serverPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(
        tr("none, or the one in %1").arg(Formatter::leftToRight(QStringLiteral("~/.pgpass"))));
    if (const auto saved = serverSecrets().read(withoutPassword(address)))
        m_password->setText(*saved);
    form->addRow(tr("&Password:"), m_password);
    m_remember = new QCheckBox(tr("&Remember the password in the system keychain"));
    m_remember->setChecked(!m_password->text().isEmpty());
    form->addRow(QString(), m_remember);
    layout->addLayout(form);
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("serverProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: palette(link)"));
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_address, &QLineEdit::textChanged, this, &OpenServerDialog::check);
    check();
    if (!problem.isEmpty())
        m_problem->setText(problem);
    (m_address->text().isEmpty() ? m_address : m_password)->setFocus();
}

void OpenServerDialog::check()
{
    const QString text = m_address->text().trimmed();
    QString error;
    const bool ok = WorkspaceAddress::isUrl(text) && WorkspaceAddress::parse(text, &error);
    if (text.isEmpty())
        error.clear();
    else if (!WorkspaceAddress::isUrl(text))
        error = tr("An address starts with postgresql://, for example %1.")
                    .arg(Formatter::leftToRight(
                        QStringLiteral("postgresql://staff@db.example.com/shop")));
    m_problem->setText(error);
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(ok);
}

QString OpenServerDialog::address() const
{
    const QString typed = m_address->text().trimmed();
    return withPassword(typed,
                        m_password->text().isEmpty() ? passwordOf(typed) : m_password->text());
}

namespace {
/// What a dialog chose for a password, until its workspace opened.
struct PasswordChoice
{
    QString address; ///< to open, with the password
    QString password;
    bool keep = false;
};

/// By the address without its password: the last choice for each server.
QHash<QString, PasswordChoice> &pendingChoices()
{
    static QHash<QString, PasswordChoice> choices;
    return choices;
}

bool apply(const QString &key, const PasswordChoice &choice, QString *error)
{
    SecretStore secrets = serverSecrets();
    const bool keep = choice.keep && !choice.password.isEmpty();
    const bool ok =
        keep ? secrets.write(key, choice.password) : !secrets.read(key) || secrets.remove(key);
    if (!ok)
        *error = secrets.errorString();
    return ok;
}
} // namespace

bool OpenServerDialog::savePassword(QString *error) const
{
    return apply(withoutPassword(m_address->text().trimmed()),
                 {address(), m_password->text(), m_remember->isChecked()}, error);
}

void OpenServerDialog::saveOnceOpened() const
{
    pendingChoices().insert(withoutPassword(m_address->text().trimmed()),
                            {address(), m_password->text(), m_remember->isChecked()});
}

std::optional<QString> OpenServerDialog::ask(QWidget *parent, const QString &address,
                                             const QString &problem)
{
    OpenServerDialog dialog(address, problem, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    dialog.saveOnceOpened();
    return dialog.address();
}

void OpenServerDialog::opened(QWidget *parent, const QString &address)
{
    if (!WorkspaceAddress::isUrl(address))
        return;
    const QString key = withoutPassword(address);
    const auto it = pendingChoices().constFind(key);
    if (it == pendingChoices().cend() || it->address != address)
        return;
    const PasswordChoice choice = *it;
    pendingChoices().erase(it);
    QString error;
    if (!apply(key, choice, &error))
        QMessageBox::warning(parent, tr("Open Server Workspace"),
                             tr("The password could not be kept in the system keychain: %1. "
                                "Masir will ask for it next time.")
                                 .arg(error));
}

QString OpenServerDialog::withSavedPassword(const QString &address)
{
    if (!WorkspaceAddress::isUrl(address) || !passwordOf(address).isEmpty())
        return address;
    const auto saved = serverSecrets().read(withoutPassword(address));
    if (!saved || saved->isEmpty())
        return address;
    return withPassword(address, *saved);
}

} // namespace masir::ui
