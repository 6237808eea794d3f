#include "settings/AppSettings.h"

#include "storage/WorkspaceAddress.h"

#include <QDir>
#include <QFileInfo>

namespace masir {

namespace {

struct KeyInfo
{
    AppSettings::Key key;
    const char *name;
};

constexpr KeyInfo kKeys[] = {
    {AppSettings::Key::Language, "ui/language"},
    {AppSettings::Key::MainWindowGeometry, "mainWindow/geometry"},
    {AppSettings::Key::MainWindowState, "mainWindow/state"},
    {AppSettings::Key::ContactsSplitter, "contacts/splitter"},
    {AppSettings::Key::ContactsHeader, "contacts/header"},
    {AppSettings::Key::LastExportFolder, "export/lastFolder"},
    {AppSettings::Key::UserName, "user/name"},
    {AppSettings::Key::Splitters, "layout/splitters"},
    {AppSettings::Key::RecentWorkspaces, "workspaces/recent"},
    {AppSettings::Key::SendingHere, "workspaces/sendingHere"},
};

} // namespace

AppSettings::AppSettings() = default;

QString AppSettings::keyName(Key key)
{
    for (const KeyInfo &info : kKeys) {
        if (info.key == key)
            return QString::fromLatin1(info.name);
    }
    return {};
}

QVariant AppSettings::defaultValue(Key key)
{
    switch (key) {
    case Key::Language:
        return QString();
    case Key::LastExportFolder:
        return QDir::homePath();
    case Key::UserName: {
        const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
        return user.isEmpty() ? QStringLiteral("me") : user;
    }
    case Key::MainWindowGeometry:
    case Key::MainWindowState:
    case Key::ContactsSplitter:
    case Key::ContactsHeader:
        return QByteArray();
    case Key::Splitters:
    case Key::SendingHere:
        return QVariantMap();
    case Key::RecentWorkspaces:
        return QStringList();
    }
    return {};
}

QVariant AppSettings::value(Key key) const
{
    return m_settings.value(keyName(key), defaultValue(key));
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    m_settings.setValue(keyName(key), value);
}

QStringList AppSettings::recentWorkspaces() const
{
    QStringList existing;
    for (const QString &path : value(Key::RecentWorkspaces).toStringList())
        if (WorkspaceAddress::isUrl(path) || QFileInfo::exists(path))
            existing << path;
    return existing;
}

void AppSettings::addRecentWorkspace(const QString &path)
{
    // a server's address is kept as given: without its password (the caller's
    // Database::displayName())
    const QString absolute =
        WorkspaceAddress::isUrl(path) ? path : QFileInfo(path).absoluteFilePath();
    QStringList recent = value(Key::RecentWorkspaces).toStringList();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    constexpr qsizetype kKept = 8;
    setValue(Key::RecentWorkspaces, recent.mid(0, kKept));
}

void AppSettings::clearRecentWorkspaces()
{
    setValue(Key::RecentWorkspaces, QStringList());
}

bool AppSettings::sendsFrom(const QString &address) const
{
    return value(Key::SendingHere).toMap().value(address, false).toBool();
}

void AppSettings::setSendsFrom(const QString &address, bool send)
{
    QVariantMap map = value(Key::SendingHere).toMap();
    if (send)
        map.insert(address, true);
    else
        map.remove(address);
    setValue(Key::SendingHere, map);
}

} // namespace masir
