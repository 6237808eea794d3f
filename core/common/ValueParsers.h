#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace masir::ValueParsers {

enum class DateMode
{
    Auto, ///< a year from 1300 to 1499 is Solar Hijri (Jalali), others Gregorian
    Gregorian,
    Jalali,
};

/// Reads 2024-03-20, 2024/03/20, 20.03.2024, 20/03/2024, 03/20/2024 (when the day
/// cannot be a month), ۱۴۰۳/۰۱/۰۱ and the date part of "2024-03-01 10:00:00".
/// Persian and Arabic-Indic digits are accepted.
std::optional<QDate> parseDate(const QString &text, DateMode mode);

/// yes/no in English, Persian, Polish and Malay (and 1/0, true/false, x).
std::optional<bool> parseBool(const QString &text);

/// Splits a tags cell: "vip, newsletter", "a;b", "a|b", Google's "* myContacts ::: VIP"
/// (system labels starting with "* " are dropped), Mailchimp's "\"VIP\",\"News\"".
QStringList parseTags(const QString &text);

/// "Ali Reza Karimi" -> ("Ali Reza", "Karimi").
std::pair<QString, QString> splitFullName(const QString &text);

std::optional<int> parseInt(const QString &text);

} // namespace masir::ValueParsers
