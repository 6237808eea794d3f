#pragma once

#include <QString>

namespace masir {

/// Normalisation of Persian, Arabic and Latin text.
///
/// - normalize(): what we store. Arabic yeh/kaf typed on an Arabic keyboard become
///   Persian ی/ک, so one name is spelled one way in the database.
/// - forSearch(): what we compare. On top of normalize(), case-folded, without
///   ZWNJ/ZWJ, tatweel and diacritics, hamza forms folded, Persian and Arabic-Indic
///   digits as ASCII. "علي", "علی" and "عَلی" all fold to the same key.
namespace TextNormalizer {

// normalize(), simplified() and toAsciiDigits() take their text by value and
// give it back unchanged (moved, not copied) when there is nothing to change:
// pass a temporary, and a million rows of plain text cost no string copies and
// none of the atomic reference counting each copy and its release make.
QString normalize(QString text);
QString forSearch(const QString &text);
/// QString::simplified(), returning \a text itself when it is already simple: no
/// whitespace at the ends, no runs, only plain spaces.
QString simplified(QString text);
/// Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII; everything else unchanged.
QString toAsciiDigits(QString text);

} // namespace TextNormalizer
} // namespace masir
