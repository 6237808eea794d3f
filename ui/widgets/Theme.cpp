#include "widgets/Theme.h"

#include "widgets/Icons.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

#ifdef MASIR_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDBusVariant>
#endif

namespace masir::ui::Theme {

namespace {

QPalette g_system;
bool g_dark = false;

#ifdef MASIR_HAVE_DBUS
constexpr char kPortal[] = "org.freedesktop.portal.Desktop";
constexpr char kPath[] = "/org/freedesktop/portal/desktop";
constexpr char kSettings[] = "org.freedesktop.portal.Settings";

/// The portal's color-scheme: 1 prefers dark, 2 prefers light, 0 says nothing.
int portalColorScheme()
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(QLatin1String(kPortal), QLatin1String(kPath),
                                       QLatin1String(kSettings), QStringLiteral("Read"));
    call << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme");
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 500);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return 0;
    QVariant v = reply.arguments().constFirst();
    while (v.canConvert<QDBusVariant>() && v.userType() == qMetaTypeId<QDBusVariant>())
        v = v.value<QDBusVariant>().variant(); // a variant in a variant
    return v.toInt();
}

/// Hears the portal say the preference changed.
class Watcher final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

public Q_SLOTS:
    void settingChanged(const QString &group, const QString &key, const QDBusVariant &value)
    {
        if (group == QLatin1String("org.freedesktop.appearance") &&
            key == QLatin1String("color-scheme"))
            apply(value.variant().toInt() == 1);
    }
};
#endif

} // namespace

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x20, 0x23);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    const QColor highlight(0x3d, 0x7a, 0xd6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x47, 0x4d));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x41));
    p.setColor(QPalette::Mid, QColor(0x25, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1d));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xa6, 0x8c, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

void apply(bool dark)
{
    if (dark == g_dark)
        return;
    g_dark = dark;
    if (dark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    } else {
        QApplication::setPalette(g_system);
    }
}

bool isDark()
{
    return Icons::isDark(QApplication::palette());
}

void followSystem(QApplication *app)
{
    g_system = QApplication::palette();
    const QByteArray forced = qgetenv("MASIR_THEME");
    if (forced == "dark" || forced == "light") {
        apply(forced == "dark");
        return;
    }
    if (Icons::isDark(g_system))
        return; // the desktop's own dark theme: nothing to do
#ifdef MASIR_HAVE_DBUS
    if (!QDBusConnection::sessionBus().isConnected())
        return;
    apply(portalColorScheme() == 1);
    auto *watcher = new Watcher(app);
    QDBusConnection::sessionBus().connect(QLatin1String(kPortal), QLatin1String(kPath),
                                          QLatin1String(kSettings),
                                          QStringLiteral("SettingChanged"), watcher,
                                          SLOT(settingChanged(QString, QString, QDBusVariant)));
#else
    Q_UNUSED(app)
#endif
}

} // namespace masir::ui::Theme

#ifdef MASIR_HAVE_DBUS
#include "Theme.moc"
#endif
