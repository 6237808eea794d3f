#include "i18n/Formatter.h"

#include <QReadWriteLock>

namespace masir::Formatter {

namespace {

QReadWriteLock g_lock;
QLocale g_locale;

} // namespace

void setLocale(const QLocale &locale)
{
    QWriteLocker lock(&g_lock);
    g_locale = locale;
}

QLocale locale()
{
    QReadLocker lock(&g_lock);
    return g_locale;
}

bool isPersian()
{
    return locale().language() == QLocale::Persian;
}

QCalendar calendar()
{
    return isPersian() ? QCalendar(QCalendar::System::Jalali) : QCalendar();
}

QString date(QDate d)
{
    if (!d.isValid())
        return {};
    const QLocale loc = locale();
    if (isPersian())
        return loc.toString(d, QStringLiteral("d MMMM yyyy"), calendar());
    return loc.toString(d, QLocale::ShortFormat);
}

QString dateTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    const QLocale loc = locale();
    if (isPersian())
        return loc.toString(local, QStringLiteral("d MMMM yyyy، HH:mm"), calendar());
    return loc.toString(local, QLocale::ShortFormat);
}

QString number(qint64 value)
{
    return locale().toString(value);
}

QString leftToRight(const QString &text)
{
    if (text.isEmpty() || !isPersian())
        return text;
    return QChar(0x202A) + text + QChar(0x202C); // LEFT-TO-RIGHT EMBEDDING ... POP
}

} // namespace masir::Formatter
