#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// Where passwords and API keys live: never in the workspace file.
///
/// - The OS keychain (QtKeychain: Secret Service, macOS Keychain, Windows
///   Credential Manager), the default on a desktop.
/// - A file only its owner may read (mode 0600), for headless servers with no
///   keychain: `$MASIR_SECRETS_FILE`, or `secrets.json` in the user's config
///   folder. Chosen with `MASIR_SECRETS=file`, or on its own when there is no
///   session bus to reach a keychain.
/// - An environment variable `MASIR_SECRET_<ACCOUNT>` (the account name in upper
///   case, other characters as _) overrides both, for containers and CI.
class SecretStore final
{
    Q_DECLARE_TR_FUNCTIONS(masir::SecretStore)

public:
    enum class Backend
    {
        Keychain,
        File,
    };

    /// \a scope keeps two workspaces' accounts of the same name apart.
    explicit SecretStore(QString scope);
    /// The store of \a db's workspace (scoped by its workspace id).
    static SecretStore ofWorkspace(const Database &db);

    Backend backend() const { return m_backend; }
    /// "the system keychain" or the file's path, for messages.
    QString location() const;

    bool write(const QString &account, const QString &secret);
    std::optional<QString> read(const QString &account) const;
    bool remove(const QString &account);
    QString errorString() const { return m_error; }

    static QString environmentName(const QString &account);
    static QString filePath();

private:
    QString key(const QString &account) const;

    QString m_scope;
    Backend m_backend;
    mutable QString m_error;
};

} // namespace masir
