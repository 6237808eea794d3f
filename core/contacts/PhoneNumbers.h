#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace masir {

/// Phone numbers via libphonenumber: stored in E.164 (+989121234567), shown in the
/// international or national format. Input may use Persian or Arabic-Indic digits,
/// spaces, dashes, brackets, a 00 or + prefix, or a national trunk prefix.
class PhoneNumbers final
{
    Q_DECLARE_TR_FUNCTIONS(masir::PhoneNumbers)

public:
    /// Returns the number in E.164, or an empty string with \a error set. A number
    /// is accepted when it is valid, or as long as the country's mobile or landline
    /// numbers (new number ranges are missing from the metadata for a while).
    /// \a defaultRegion (ISO 3166 "IR", "PL") is used for numbers without a country code.
    static QString normalize(const QString &input, const QString &defaultRegion,
                             QString *error = nullptr);
    static QString formatInternational(const QString &e164);
    /// As the user reads it: international format, left to right in a Persian line.
    static QString display(const QString &e164);
    /// The digits after the country code: "+989121234567" -> "9121234567".
    static QString nationalSignificantNumber(const QString &e164);
    /// Where that number starts in \a e164 (after the +, the country code), or -1.
    static qsizetype nationalNumberAt(QStringView e164);
    /// National format with its trunk prefix (0912 123 4567), digits only.
    static QString nationalDigits(const QString &e164);
    static QString regionOf(const QString &e164);
    static QStringList supportedRegions();
    static int countryCallingCode(const QString &region);
};

} // namespace masir
