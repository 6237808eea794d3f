#pragma once

#include <QCalendar>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTime>

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
/// \a text kept left to right inside a right-to-left line (a phone number, an
/// address, a path): embedded when the interface is Persian, as it is otherwise.
QString leftToRight(const QString &text);

} // namespace Formatter
} // namespace masir
