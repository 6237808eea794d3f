#pragma once

#include <QCalendar>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTime>

#include <optional>

namespace masir {

/// Dates and numbers as the user's language shows them. In Persian,
/// dates are in the Jalali (Solar Hijri) calendar with Persian digits.
namespace Formatter {

/// Sets the locale used by the functions below (the UI language).
void setLocale(const QLocale &locale);
QLocale locale();
QCalendar calendar();
bool isPersian();

QString date(QDate date);
QString dateTime(const QDateTime &utc);
QString number(qint64 value);
/// A time of day ("09:30"), in the UI language's digits.
QString time(QTime time);
/// A number to edit, in the UI language's digits, without group separators
/// ("۲٫۵" in Persian); parseNumber() reads it back, and Latin, Persian or
/// Arabic-Indic digits too.
QString editableNumber(double value);
std::optional<double> parseNumber(const QString &text);
/// \a text kept left to right inside a right-to-left line (a phone number, an
/// address, a path): embedded when the interface is Persian, as it is otherwise.
QString leftToRight(const QString &text);
/// \a text (a name, a subject: either direction) isolated from the line
/// around it, so that a Persian name in an English sentence, or an English one
/// in a Persian sentence, keeps its order and leaves the sentence's alone.
/// Text all in the interface's direction is returned as it is.
QString isolate(const QString &text);

/// A country ("IR"), a language ("fa") and a time zone ("Asia/Tehran") by
/// their names in the UI language ("Iran", "Persian", "Iran Standard Time" in
/// English; "ایران", "فارسی", "وقت عادی ایران" in Persian); an unknown code
/// as it is.
QString countryName(const QString &code);
QString languageName(const QString &code);
QString timeZoneName(const QString &ianaId);

/// A code and its name in the UI language, for choosing one by its name.
struct NamedCode
{
    QString code;
    QString name;
};
/// Every country ICU knows (ISO 3166 alpha-2), sorted by name in the UI language.
QList<NamedCode> countries();
/// Every language with a two-letter code (ISO 639-1), sorted the same way.
QList<NamedCode> languages();
/// Every IANA time zone of a place ("Asia/Tehran"), sorted the same way.
QList<NamedCode> timeZones();

} // namespace Formatter
} // namespace masir
