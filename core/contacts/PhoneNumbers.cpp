#include "contacts/PhoneNumbers.h"

#include "contacts/TextNormalizer.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <set>

namespace masir {

namespace pn = i18n::phonenumbers;

namespace {

pn::PhoneNumberUtil &util()
{
    return *pn::PhoneNumberUtil::GetInstance();
}

bool parseE164(const QString &e164, pn::PhoneNumber *number)
{
    return util().Parse(e164.toStdString(), "ZZ", number) == pn::PhoneNumberUtil::NO_PARSING_ERROR;
}

// Whether the number has as many digits as the country's mobile or landline numbers.
bool hasSubscriberLength(const pn::PhoneNumber &number)
{
    std::string region;
    util().GetRegionCodeForCountryCode(number.country_code(), &region);
    std::string nsn;
    util().GetNationalSignificantNumber(number, &nsn);
    for (const auto type : {pn::PhoneNumberUtil::MOBILE, pn::PhoneNumberUtil::FIXED_LINE}) {
        pn::PhoneNumber example;
        if (!util().GetExampleNumberForType(region, type, &example))
            continue;
        std::string exampleNsn;
        util().GetNationalSignificantNumber(example, &exampleNsn);
        if (exampleNsn.size() == nsn.size())
            return true;
    }
    return false;
}

} // namespace

QString PhoneNumbers::normalize(const QString &input, const QString &defaultRegion, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QString();
    };
    QString s = TextNormalizer::toAsciiDigits(input).trimmed();
    if (s.isEmpty())
        return fail(tr("The phone number is empty."));
    if (s.startsWith(QLatin1String("00")))
        s = QLatin1Char('+') + s.mid(2);
    const std::string region = defaultRegion.toUpper().toStdString();
    pn::PhoneNumber number;
    const auto rc = util().Parse(s.toStdString(), region.empty() ? "ZZ" : region, &number);
    switch (rc) {
    case pn::PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    case pn::PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return fail(defaultRegion.isEmpty()
                        ? tr("Start the number with + and its country code, or set a default "
                             "country in Settings.")
                        : tr("The country code of this number is not known."));
    case pn::PhoneNumberUtil::TOO_SHORT_NSN:
    case pn::PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        return fail(tr("The phone number is too short."));
    case pn::PhoneNumberUtil::TOO_LONG_NSN:
        return fail(tr("The phone number is too long."));
    default:
        return fail(tr("This is not a phone number."));
    }
    // Valid numbers, and numbers as long as the country's mobile or landline
    // numbers: the metadata lags behind new number ranges, and a real customer's
    // number must not be dropped because of that.
    if (!util().IsValidNumber(number) && !hasSubscriberLength(number)) {
        std::string regionCode;
        util().GetRegionCodeForCountryCode(number.country_code(), &regionCode);
        return fail(tr("This is not a valid phone number for %1 (+%2). Check the digits, or "
                       "start with + and the country code.")
                        .arg(QString::fromStdString(regionCode))
                        .arg(number.country_code()));
    }
    std::string out;
    util().Format(number, pn::PhoneNumberUtil::E164, &out);
    return QString::fromStdString(out);
}

QString PhoneNumbers::formatInternational(const QString &e164)
{
    pn::PhoneNumber number;
    if (e164.isEmpty() || !parseE164(e164, &number))
        return e164;
    std::string out;
    util().Format(number, pn::PhoneNumberUtil::INTERNATIONAL, &out);
    return QString::fromStdString(out);
}

QString PhoneNumbers::nationalDigits(const QString &e164)
{
    pn::PhoneNumber number;
    if (e164.isEmpty() || !parseE164(e164, &number))
        return {};
    std::string out;
    util().Format(number, pn::PhoneNumberUtil::NATIONAL, &out);
    QString digits;
    for (const char c : out) {
        if (c >= '0' && c <= '9')
            digits.append(QLatin1Char(c));
    }
    return digits;
}

QString PhoneNumbers::regionOf(const QString &e164)
{
    pn::PhoneNumber number;
    if (e164.isEmpty() || !parseE164(e164, &number))
        return {};
    std::string region;
    util().GetRegionCodeForNumber(number, &region);
    return QString::fromStdString(region);
}

QStringList PhoneNumbers::supportedRegions()
{
    std::set<std::string> regions;
    util().GetSupportedRegions(&regions);
    QStringList out;
    for (const std::string &r : regions)
        out << QString::fromStdString(r);
    return out;
}

int PhoneNumbers::countryCallingCode(const QString &region)
{
    return util().GetCountryCodeForRegion(region.toUpper().toStdString());
}

} // namespace masir
