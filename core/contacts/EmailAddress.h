#pragma once

#include <QCoreApplication>
#include <QString>

namespace masir {

/// Email address syntax check and canonical form.
///
/// We accept what mail servers deliver in practice (RFC 5321 dot-atoms, an IDN
/// domain in Unicode or punycode) and refuse what is clearly a typo. The canonical
/// form is trimmed and case-folded: two contacts never differ only by case.
class EmailAddress final
{
    Q_DECLARE_TR_FUNCTIONS(masir::EmailAddress)

public:
    /// Returns the canonical address, or an empty string with \a error set.
    static QString normalize(const QString &input, QString *error = nullptr);
    static bool isValid(const QString &input) { return !normalize(input).isEmpty(); }
};

} // namespace masir
