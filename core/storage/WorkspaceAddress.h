#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>

#include <optional>

namespace masir {

/// Where a workspace lives: a file (SQLite) or a PostgreSQL database named by
/// a libpq connection URL ("postgresql://staff@db.example/shop?sslmode=verify-full").
class WorkspaceAddress final
{
    Q_DECLARE_TR_FUNCTIONS(masir::WorkspaceAddress)

public:
    enum class Engine
    {
        SQLite,
        PostgreSQL,
    };

    /// A file path, or a URL starting with postgresql:// or postgres://;
    /// nullopt with \a error saying what is wrong with a URL.
    static std::optional<WorkspaceAddress> parse(const QString &text, QString *error);
    static bool isUrl(const QString &text);

    Engine engine() const { return m_engine; }
    bool isPostgres() const { return m_engine == Engine::PostgreSQL; }

    QString path() const { return m_path; } ///< SQLite: the file
    // PostgreSQL: the URL's parts
    QString host() const { return m_host; } ///< a name, an address or a socket folder
    int port() const { return m_port; }     ///< 0: libpq's default
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString database() const { return m_database; }
    /// libpq's other options from the URL's query ("sslmode" → "verify-full").
    QMap<QString, QString> options() const { return m_options; }

    /// The address as people read it, and as it may be kept (the recent
    /// workspaces): a URL never shows its password.
    QString display() const;

private:
    Engine m_engine = Engine::SQLite;
    QString m_path;
    QString m_host;
    int m_port = 0;
    QString m_user;
    QString m_password;
    QString m_database;
    QMap<QString, QString> m_options;
};

} // namespace masir
