#include "contacts/PhoneNumbers.h"

#include "common/TextNormalizer.h"
#include "i18n/Formatter.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <QHash>
#include <QMutex>

#include <bitset>
#include <cstring>
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
bool isCallingCode(int code)
{
    static const std::bitset<1000> codes = [] {
        std::set<int> supported;
        util().GetSupportedCallingCodes(&supported);
        std::bitset<1000> bits;
        for (const int c : supported) {
            if (c > 0 && c < 1000)
                bits.set(size_t(c));
        }
        return bits;
    }();
    return code > 0 && code < 1000 && codes.test(size_t(code));
}

// The calling code at the start of the \a n digits after an E.164 "+", and where
// the national number starts after it.
template<typename Char>
bool splitCallingCode(const Char *digits, qsizetype n, int *countryCode, qsizetype *nsnAt)
{
    if (n < 3)
        return false;
    int code = 0;
    for (qsizetype len = 1; len <= 3 && len < n; ++len) {
        const Char c = digits[len - 1];
        if (c < Char('0') || c > Char('9'))
            return false;
        code = code * 10 + int(c - Char('0'));
        if (isCallingCode(code)) {
            *countryCode = code;
            *nsnAt = len;
            return true;
        }
    }
    return false;
}

// The default region of a run of numbers (an import passes the same one a
// million times): read from the metadata once per thread while it stays the same.
struct Region
{
    std::string code; ///< upper case, as the metadata wants it
    int countryCode = 0;
    std::string trunkPrefix;
};

const Region &regionFor(const QString &defaultRegion)
{
    // Starts as the empty region's entry: no code, no metadata to look up.
    thread_local QString key;
    thread_local Region region;
    if (key != defaultRegion) {
        key = defaultRegion;
        region = Region();
        region.code = defaultRegion.toUpper().toStdString();
        if (!region.code.empty() && region.code != "ZZ") {
            region.countryCode = util().GetCountryCodeForRegion(region.code);
            util().GetNddPrefixForRegion(region.code, true, &region.trunkPrefix);
        }
    }
    return region;
}

// A number the fast parser read, as Format(E164) would write it.
struct FastNumber
{
    QString e164;
    int countryCode = 0;
    quint64 national = 0;
    int nsnLength = -1;
};

// The common shapes (+98 912 123 4567, 0098..., 0912-123-4567) without the
// general parser, which is slow (regular expressions). Anything unusual returns
// false and goes through PhoneNumberUtil::Parse.
bool fastParse(QStringView input, const Region &region, FastNumber *fast)
{
    char digits[32];
    qsizetype n = 0;
    bool plus = false;
    for (const QChar ch : input) {
        const char16_t c = ch.unicode();
        if (c >= u'0' && c <= u'9') {
            if (n == qsizetype(sizeof digits))
                return false; // far too long for a phone number: the parser says why
            digits[n++] = char(c);
        } else if (c == u'+' && n == 0 && !plus) {
            plus = true;
        } else if (c != u' ' && c != u'-' && c != u'(' && c != u')' && c != u'.') {
            return false; // letters, extensions, ...
        }
    }
    const char *d = digits;
    if (!plus && n >= 2 && d[0] == '0' && d[1] == '0') {
        plus = true;
        d += 2;
        n -= 2;
    }
    int cc = 0;
    qsizetype nsnAt = 0;
    if (plus) {
        if (!splitCallingCode(d, n, &cc, &nsnAt))
            return false;
    } else {
        const std::string &trunk = region.trunkPrefix; // none without a region
        if (trunk.empty() || n < qsizetype(trunk.size()) ||
            memcmp(d, trunk.data(), trunk.size()) != 0)
            return false; // no trunk prefix: let the parser decide what the digits are
        cc = region.countryCode;
        nsnAt = qsizetype(trunk.size());
    }
    const char *nsn = d + nsnAt;
    const qsizetype length = n - nsnAt;
    if (length < 4 || length > 14 || nsn[0] == '0')
        return false; // leading zeros (Italy) and odd lengths: the parser knows better
    quint64 national = 0;
    for (qsizetype i = 0; i < length; ++i)
        national = national * 10 + quint64(nsn[i] - '0');
    // What Format(E164) writes: + and the digits (the NSN has no leading zero).
    const qsizetype ccDigits = cc >= 100 ? 3 : (cc >= 10 ? 2 : 1);
    fast->e164.resize(1 + ccDigits + length);
    char16_t *out = reinterpret_cast<char16_t *>(fast->e164.data());
    *out++ = u'+';
    for (qsizetype i = ccDigits - 1, v = cc; i >= 0; --i, v /= 10)
        out[i] = char16_t(u'0' + v % 10);
    out += ccDigits;
    for (qsizetype i = 0; i < length; ++i)
        out[i] = char16_t(nsn[i]);
    fast->countryCode = cc;
    fast->national = national;
    fast->nsnLength = int(length);
    return true;
}

bool parseE164(const QString &e164, pn::PhoneNumber *number)
{
    return util().Parse(e164.toStdString(), "ZZ", number) == pn::PhoneNumberUtil::NO_PARSING_ERROR;
}

// Whether the number has as many digits as the country's mobile or landline
// numbers (\a nsnLength, when the caller knows it).
bool hasSubscriberLength(int countryCode, int nsnLength)
{
    static QMutex mutex;
    static QHash<int, QList<int>> lengths; // calling code -> example lengths
    // The last country asked on this thread, without the lock: a run of numbers
    // is mostly of one country.
    thread_local int lastCountry = -1;
    thread_local QList<int> known;
    if (countryCode != lastCountry) {
        lastCountry = countryCode;
        QMutexLocker lock(&mutex);
        if (!lengths.contains(countryCode)) {
            std::string region;
            util().GetRegionCodeForCountryCode(countryCode, &region);
            QList<int> l;
            for (const auto type : {pn::PhoneNumberUtil::MOBILE, pn::PhoneNumberUtil::FIXED_LINE}) {
                pn::PhoneNumber example;
                if (!util().GetExampleNumberForType(region, type, &example))
                    continue;
                std::string exampleNsn;
                util().GetNationalSignificantNumber(example, &exampleNsn);
                l << int(exampleNsn.size());
            }
            lengths.insert(countryCode, l);
        }
        known = lengths.value(countryCode);
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
    const Region &region = regionFor(defaultRegion);
    // The common case, as the way below would end, without its copies and objects.
    FastNumber fast;
    if (fastParse(input, region, &fast) && hasSubscriberLength(fast.countryCode, fast.nsnLength))
        return fast.e164;
    QString s = TextNormalizer::toAsciiDigits(input).trimmed();
    if (s.isEmpty())
        return fail(tr("The phone number is empty."));
    if (s.startsWith(QLatin1String("00")))
        s = QLatin1Char('+') + s.mid(2);
    pn::PhoneNumber number;
    fast = {};
    const bool quick = fastParse(s, region, &fast);
    if (quick) {
        number.set_country_code(fast.countryCode);
        number.set_national_number(fast.national);
    }
    const auto rc =
        quick ? pn::PhoneNumberUtil::NO_PARSING_ERROR
              : util().Parse(s.toStdString(), region.code.empty() ? "ZZ" : region.code, &number);
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
    if (!quick) {
        std::string nsn;
        util().GetNationalSignificantNumber(number, &nsn);
        fast.nsnLength = int(nsn.size());
    }
    if (!hasSubscriberLength(number.country_code(), fast.nsnLength) &&
        !util().IsValidNumber(number)) {
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
    const qsizetype at = nationalNumberAt(e164);
    return at < 0 ? QString() : e164.mid(at);
}

qsizetype PhoneNumbers::nationalNumberAt(QStringView e164)
{
    int cc = 0;
    qsizetype at = 0;
    if (e164.size() < 2 || e164.front() != QLatin1Char('+') ||
        !splitCallingCode(e164.utf16() + 1, e164.size() - 1, &cc, &at))
        return -1;
    return 1 + at;
}

QString PhoneNumbers::display(const QString &e164)
{
    return e164.isEmpty() ? QString() : Formatter::leftToRight(formatInternational(e164));
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
