#include "i18n/Formatter.h"

#include "common/TextNormalizer.h"

#include <QCollator>
#include <QTimeZone>

#include <unicode/uloc.h>

#include <algorithm>

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
    return QChar(0x2066) + text +
           QChar(0x2069); // LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE
}

QString editableNumber(double value)
{
    QLocale l = locale();
    l.setNumberOptions(QLocale::OmitGroupSeparator);
    return l.toString(value, 'g', 15);
}

std::optional<double> parseNumber(const QString &text)
{
    QString t = TextNormalizer::toAsciiDigits(text.trimmed());
    t.replace(QChar(0x066B), QLatin1Char('.')); // ARABIC DECIMAL SEPARATOR
    t.remove(QChar(0x066C));                    // ARABIC THOUSANDS SEPARATOR
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (ok)
        return v;
    const double local = locale().toDouble(text.trimmed(), &ok);
    return ok ? std::optional<double>(local) : std::nullopt;
}

QString isolate(const QString &text)
{
    // Only text with letters of the other direction than the interface's
    // needs it; plain text stays plain (copied, compared, searched).
    const bool persian = isPersian();
    const bool foreign = std::any_of(text.cbegin(), text.cend(), [persian](QChar c) {
        const QChar::Direction d = c.direction();
        return persian ? d == QChar::DirL : (d == QChar::DirR || d == QChar::DirAL);
    });
    if (!foreign)
        return text;
    return QChar(0x2068) + text + QChar(0x2069); // FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE
}

namespace {

/// ICU's name of \a code in the UI language, by \a get (uloc_getDisplayCountry
/// or uloc_getDisplayLanguage); empty when ICU knows none.
template<typename Get> QString icuName(const QString &localeId, Get get)
{
    UChar buffer[128];
    UErrorCode status = U_ZERO_ERROR;
    const QByteArray id = localeId.toLatin1();
    // the C locale (no language set up, as under a service or a test) reads English
    const QLocale ui = locale();
    const QByteArray display =
        ui.language() == QLocale::C ? QByteArrayLiteral("en") : ui.name().toLatin1();
    const int32_t n = get(id.constData(), display.constData(), buffer, 128, &status);
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || n <= 0)
        return {};
    return QString(reinterpret_cast<const QChar *>(buffer), std::min<int32_t>(n, 128));
}

bool isCode(const QString &code, int minimum, int maximum)
{
    if (code.size() < minimum || code.size() > maximum)
        return false;
    return std::all_of(code.cbegin(), code.cend(),
                       [](QChar c) { return c.isLetter() && c.unicode() < 128; });
}

} // namespace

QString countryName(const QString &code)
{
    const QString c = code.trimmed();
    if (!isCode(c, 2, 3))
        return code;
    const QString name = icuName(QStringLiteral("und_") + c.toUpper(), uloc_getDisplayCountry);
    return name.isEmpty() || name.compare(c, Qt::CaseInsensitive) == 0 ? code : name;
}

QString languageName(const QString &code)
{
    const QString c = code.trimmed();
    if (!isCode(c, 2, 3))
        return code;
    const QString name = icuName(c.toLower(), uloc_getDisplayLanguage);
    return name.isEmpty() || name.compare(c, Qt::CaseInsensitive) == 0 ? code : name;
}

QString timeZoneName(const QString &ianaId)
{
    const QTimeZone zone(ianaId.trimmed().toUtf8());
    if (ianaId.trimmed().isEmpty() || !zone.isValid())
        return ianaId;
    return zone.displayName(QTimeZone::GenericTime, QTimeZone::LongName, locale());
}

namespace {

/// \a codes with their names (those ICU or Qt has none for left out), in the
/// UI language's alphabetical order.
QList<NamedCode> named(const QStringList &codes, QString (*name)(const QString &))
{
    QList<NamedCode> out;
    out.reserve(codes.size());
    for (const QString &code : codes)
        if (const QString n = name(code); n != code)
            out.append({code, n});
    QCollator collator(locale());
    std::sort(out.begin(), out.end(), [&collator](const NamedCode &a, const NamedCode &b) {
        return collator.compare(a.name, b.name) < 0;
    });
    return out;
}

QStringList icuCodes(const char *const *list, qsizetype length)
{
    QStringList out;
    for (; *list; ++list)
        if (qsizetype(qstrlen(*list)) == length)
            out << QString::fromLatin1(*list);
    return out;
}

} // namespace

QList<NamedCode> countries()
{
    return named(icuCodes(uloc_getISOCountries(), 2), countryName);
}

QList<NamedCode> languages()
{
    return named(icuCodes(uloc_getISOLanguages(), 2), languageName);
}

QList<NamedCode> timeZones()
{
    QStringList ids;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        if (id.contains('/') && !id.startsWith("Etc/"))
            ids << QString::fromLatin1(id);
    return named(ids, timeZoneName);
}

} // namespace masir::Formatter
