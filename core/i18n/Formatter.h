#pragma once

#include <QCalendar>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace masir {

/// Dates, numbers and phone numbers as the user's language shows them. In Persian,
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
QString phone(const QString &e164);

} // namespace Formatter
} // namespace masir
