#pragma once

#include <QSettings>
#include <QVariant>

namespace masir {

/// Per-user settings of the application (not of a workspace), with one table of
/// typed keys and defaults, stored through QSettings.
class AppSettings final
{
public:
    enum class Key
    {
        Language,           ///< "en", "fa", or empty for the system language
        MainWindowGeometry, ///< QByteArray
        MainWindowState,    ///< QByteArray
        ContactsSplitter,   ///< QByteArray
        ContactsHeader,     ///< QByteArray
        LastExportFolder,
        UserName,         ///< who "my tasks" and new tasks and deals belong to
        Splitters,        ///< QVariantMap: a splitter's name → its saved state
        RecentWorkspaces, ///< QStringList: workspace files and server addresses, the latest first
        SendingHere,      ///< QVariantMap: a server workspace's address → this computer sends
    };

    AppSettings();

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

    /// The workspaces opened lately, the latest first, those that still exist.
    QStringList recentWorkspaces() const;
    /// Puts \a path first among the recent workspaces (at most eight kept):
    /// a file, or a server's address without its password.
    void addRecentWorkspace(const QString &path);
    void clearRecentWorkspaces();

    /// Whether this computer sends from the server workspace \a address
    /// (as Database::displayName() shows it): as chosen, else not (the
    /// server's worker sends).
    bool sendsFrom(const QString &address) const;
    void setSendsFrom(const QString &address, bool send);

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

private:
    QSettings m_settings;
};

} // namespace masir
