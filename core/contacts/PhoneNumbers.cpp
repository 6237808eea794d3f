#include "contacts/PhoneNumbers.h"

#include "contacts/TextNormalizer.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <QHash>
#include <QMutex>

#include <set>

namespace masir {

namespace pn = i18n::phonenumbers;

namespace {

pn::PhoneNumberUtil &util()
{
    return *pn::PhoneNumberUtil::GetInstance();
}

// Country calling codes are prefix-free, so the code of an E.164 number is the one
// of its first 1-3 digits that is a calling code.
const std::set<int> &callingCodes()
{
    static const std::set<int> codes = [] {
        std::set<int> c;
        util().GetSupportedCallingCodes(&c);
        return c;
    }();
    return codes;
}

// Splits "+989121234567" into 98 and "9121234567".
bool splitE164(const QString &e164, int *countryCode, QString *nsn)
{
    if (e164.size() < 4 || e164.front() != QLatin1Char('+'))
        return false;
    for (int len = 1; len <= 3 && len < e164.size() - 1; ++len) {
        bool ok = false;
        const int cc = QStringView(e164).mid(1, len).toInt(&ok);
        if (ok && callingCodes().count(cc)) {
            *countryCode = cc;
            *nsn = e164.mid(1 + len);
            return true;
        }
    }
    return false;
}

struct RegionInfo
{
    int countryCode = 0;
    std::string trunkPrefix;
};

RegionInfo regionInfo(const std::string &region)
{
    static QMutex mutex;
    static QHash<QString, RegionInfo> cache;
    const QString key = QString::fromStdString(region);
    QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(key); it != cache.cend())
        return *it;
    RegionInfo info;
    info.countryCode = util().GetCountryCodeForRegion(region);
    util().GetNddPrefixForRegion(region, true, &info.trunkPrefix);
    cache.insert(key, info);
    return info;
}

// The common shapes (+98 912 123 4567, 0098..., 0912-123-4567) without the
// general parser, which is slow (regular expressions). Anything unusual returns
// false and goes through PhoneNumberUtil::Parse.
// A number the fast parser read, as Format(E164) would write it.
struct FastNumber
{
    QString e164;
    int nsnLength = -1;
};

bool fastParse(const QString &input, const std::string &region, pn::PhoneNumber *number,
               FastNumber *fast)
{
    QString digits;
    digits.reserve(input.size());
    bool plus = false;
    for (const QChar c : input) {
        if (c.isDigit() && c.unicode() < 128)
            digits += c;
        else if (c == QLatin1Char('+') && digits.isEmpty() && !plus)
            plus = true;
        else if (c != QLatin1Char(' ') && c != QLatin1Char('-') && c != QLatin1Char('(') &&
                 c != QLatin1Char(')') && c != QLatin1Char('.'))
            return false; // letters, extensions, ...
    }
    if (!plus && digits.startsWith(QLatin1String("00"))) {
        plus = true;
        digits.remove(0, 2);
    }
    int cc = 0;
    QString nsn;
    if (plus) {
        if (!splitE164(QLatin1Char('+') + digits, &cc, &nsn))
            return false;
    } else {
        if (region.empty() || region == "ZZ")
            return false;
        const RegionInfo info = regionInfo(region);
        const QString trunk = QString::fromStdString(info.trunkPrefix);
        if (trunk.isEmpty() || !digits.startsWith(trunk))
            return false; // no trunk prefix: let the parser decide what the digits are
        cc = info.countryCode;
        nsn = digits.mid(trunk.size());
    }
    if (nsn.size() < 4 || nsn.size() > 14 || nsn.startsWith(QLatin1Char('0')))
        return false; // leading zeros (Italy) and odd lengths: the parser knows better
    number->set_country_code(cc);
    number->set_national_number(nsn.toULongLong());
    // What Format(E164) writes: + and the digits (the NSN has no leading zero).
    fast->e164 = QLatin1Char('+') + QString::number(cc) + nsn;
    fast->nsnLength = int(nsn.size());
    return true;
}

bool parseE164(const QString &e164, pn::PhoneNumber *number)
{
    return util().Parse(e164.toStdString(), "ZZ", number) == pn::PhoneNumberUtil::NO_PARSING_ERROR;
}

// Whether the number has as many digits as the country's mobile or landline
// numbers (\a nsnLength, when the caller knows it).
bool hasSubscriberLength(const pn::PhoneNumber &number, int nsnLength = -1)
{
    static QMutex mutex;
    static QHash<int, QList<int>> lengths; // calling code -> example lengths
    QList<int> known;
    {
        QMutexLocker lock(&mutex);
        if (!lengths.contains(number.country_code())) {
            std::string region;
            util().GetRegionCodeForCountryCode(number.country_code(), &region);
            QList<int> l;
            for (const auto type : {pn::PhoneNumberUtil::MOBILE, pn::PhoneNumberUtil::FIXED_LINE}) {
                pn::PhoneNumber example;
                if (!util().GetExampleNumberForType(region, type, &example))
                    continue;
                std::string exampleNsn;
                util().GetNationalSignificantNumber(example, &exampleNsn);
                l << int(exampleNsn.size());
            }
            lengths.insert(number.country_code(), l);
        }
        known = lengths.value(number.country_code());
    }
    if (nsnLength < 0) {
        std::string nsn;
        util().GetNationalSignificantNumber(number, &nsn);
        nsnLength = int(nsn.size());
    }
    return known.contains(nsnLength);
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
    FastNumber fast;
    const auto rc = fastParse(s, region, &number, &fast)
                        ? pn::PhoneNumberUtil::NO_PARSING_ERROR
                        : util().Parse(s.toStdString(), region.empty() ? "ZZ" : region, &number);
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
    // (The length test is much cheaper than validation, which runs regexes.)
    if (!hasSubscriberLength(number, fast.nsnLength) && !util().IsValidNumber(number)) {
        std::string regionCode;
        util().GetRegionCodeForCountryCode(number.country_code(), &regionCode);
        return fail(tr("This is not a valid phone number for %1 (+%2). Check the digits, or "
                       "start with + and the country code.")
                        .arg(QString::fromStdString(regionCode))
                        .arg(number.country_code()));
    }
    if (!fast.e164.isEmpty())
        return fast.e164;
    std::string out;
    util().Format(number, pn::PhoneNumberUtil::E164, &out);
    return QString::fromStdString(out);
}

QString PhoneNumbers::nationalSignificantNumber(const QString &e164)
{
    int cc = 0;
    QString nsn;
    return splitE164(e164, &cc, &nsn) ? nsn : QString();
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
