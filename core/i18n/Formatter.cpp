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

namespace {
// The locale's short format with the year in four digits: "3/20/24" is
// ambiguous next to birthdays from the 1960s.
QString withFourDigitYears(QString format)
{
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}
} // namespace

QString date(QDate d)
{
    if (!d.isValid())
        return {};
    const QLocale loc = locale();
    if (isPersian())
        return loc.toString(d, QStringLiteral("d MMMM yyyy"), calendar());
    return loc.toString(d, withFourDigitYears(loc.dateFormat(QLocale::ShortFormat)));
}

QString dateTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    const QLocale loc = locale();
    if (isPersian())
        return loc.toString(local, QStringLiteral("d MMMM yyyy، HH:mm"), calendar());
    return loc.toString(local, withFourDigitYears(loc.dateTimeFormat(QLocale::ShortFormat)));
}

QString number(qint64 value)
{
    return locale().toString(value);
}

QString time(QTime t)
{
    return t.isValid() ? locale().toString(t, QStringLiteral("HH:mm")) : QString();
}

QString leftToRight(const QString &text)
{
    if (text.isEmpty() || !isPersian())
        return text;
    return QChar(0x202A) + text + QChar(0x202C); // LEFT-TO-RIGHT EMBEDDING ... POP
}

} // namespace masir::Formatter
