#include "contacts/EmailAddress.h"

#include <QUrl>

namespace masir {

namespace {

bool isAtext(QChar c)
{
    if (c.unicode() > 127)
        return c.isLetterOrNumber(); // internationalised local parts (RFC 6531)
    if (c.isLetterOrNumber())
        return true;
    static const QString specials = QStringLiteral("!#$%&'*+-/=?^_`{|}~");
    return specials.contains(c);
}

bool asciiAlnum(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// The common address (letters, digits and . _ - + before the @, a domain of
// ASCII labels) checked and lower-cased in one pass, into what the general path
// below returns for it. False for anything else, which goes that way (and gets
// its error message there): this accepts nothing the general path refuses.
bool normalizeCommon(const QString &input, QString &out)
{
    const auto *u = reinterpret_cast<const char16_t *>(input.constData());
    qsizetype begin = 0;
    qsizetype end = input.size();
    auto asciiSpace = [](char16_t c) { return c == u' ' || (c >= u'\t' && c <= u'\r'); };
    while (begin < end && asciiSpace(u[begin]))
        ++begin;
    while (end > begin && asciiSpace(u[end - 1]))
        --end;
    if (end - begin > 254)
        return false;
    qsizetype at = -1;
    bool upper = false;
    for (qsizetype i = begin; i < end; ++i) {
        const char16_t c = u[i];
        if (c == u'@') {
            if (at >= 0)
                return false;
            at = i;
        } else if (at < 0) { // the local part
            if (!asciiAlnum(c) && c != u'_' && c != u'-' && c != u'+' &&
                (c != u'.' || i == begin || u[i - 1] == u'.'))
                return false;
        } else if (!asciiAlnum(c) && c != u'-' && c != u'.') {
            return false;
        }
        upper = upper || (c >= u'A' && c <= u'Z');
    }
    if (at <= begin || at - begin > 64 || u[at - 1] == u'.')
        return false;
    // The domain: two labels or more of 1-63 characters, none starting or ending
    // with "-", none with "--" (IDNA's "xn--" goes the general way), and a last
    // one of two characters or more, not all digits.
    int labels = 0;
    qsizetype labelStart = at + 1;
    bool digitsOnly = true;
    for (qsizetype i = at + 1; i <= end; ++i) {
        if (i < end && u[i] != u'.') {
            if (u[i] == u'-' && u[i - 1] == u'-')
                return false;
            digitsOnly = digitsOnly && u[i] >= u'0' && u[i] <= u'9';
            continue;
        }
        const qsizetype length = i - labelStart;
        if (length < 1 || length > 63 || u[labelStart] == u'-' || u[i - 1] == u'-')
            return false;
        ++labels;
        if (i == end && (length < 2 || digitsOnly))
            return false;
        labelStart = i + 1;
        digitsOnly = true;
    }
    if (labels < 2)
        return false;
    if (begin == 0 && end == input.size() && !upper) {
        out = input; // shared, no copy
        return true;
    }
    out = QString(reinterpret_cast<const QChar *>(u + begin), end - begin);
    if (upper) {
        for (QChar &c : out) {
            if (c.unicode() >= u'A' && c.unicode() <= u'Z')
                c = QChar(char16_t(c.unicode() + (u'a' - u'A')));
        }
    }
    return true;
}

} // namespace

QString EmailAddress::normalize(const QString &input, QString *error)
{
    if (QString common; normalizeCommon(input, common))
        return common;
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QString();
    };
    // Addresses copied from mail clients sometimes keep their angle brackets.
    QString s = input.trimmed();
    if (s.startsWith(QLatin1Char('<')) && s.endsWith(QLatin1Char('>')))
        s = s.mid(1, s.size() - 2).trimmed();
    if (s.isEmpty())
        return fail(tr("The email address is empty."));
    if (s.size() > 254)
        return fail(tr("The email address is longer than 254 characters."));
    const qsizetype at = s.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return fail(tr("The email address needs an @, as in name@example.com."));
    const QString local = s.left(at);
    const QString domain = s.mid(at + 1);
    if (local.isEmpty())
        return fail(tr("The email address has nothing before the @."));
    if (local.size() > 64)
        return fail(tr("The part before the @ is longer than 64 characters."));
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) ||
        local.contains(QLatin1String("..")))
        return fail(tr("The part before the @ cannot start or end with a dot, or have two "
                       "dots in a row."));
    for (const QChar c : local) {
        if (c != QLatin1Char('.') && !isAtext(c))
            return fail(tr("The character \"%1\" is not allowed in an email address.").arg(c));
    }
    if (domain.isEmpty())
        return fail(tr("The email address has no domain after the @."));
    // Validate the domain in its ASCII (punycode) form, so IDNs are accepted. A
    // domain already in ASCII is its own form (QUrl's IDNA pass costs more than
    // the rest of this function); one with "--" (as "xn--" labels have) still
    // goes through QUrl's checks.
    bool ascii = true;
    for (const QChar c : domain)
        ascii = ascii && c.unicode() < 0x80;
    const QByteArray ace =
        ascii && !domain.contains(QLatin1String("--")) ? domain.toLatin1() : QUrl::toAce(domain);
    if (ace.isEmpty())
        return fail(tr("\"%1\" is not a valid domain.").arg(domain));
    const QList<QByteArray> labels = ace.split('.');
    if (labels.size() < 2)
        return fail(tr("The domain \"%1\" needs a dot, as in example.com.").arg(domain));
    for (const QByteArray &label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith('-') || label.endsWith('-'))
            return fail(tr("\"%1\" is not a valid domain.").arg(domain));
        for (const char c : label) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-';
            if (!ok)
                return fail(tr("\"%1\" is not a valid domain.").arg(domain));
        }
    }
    const QByteArray tld = labels.last();
    bool tldDigitsOnly = true;
    for (const char c : tld)
        tldDigitsOnly = tldDigitsOnly && c >= '0' && c <= '9';
    if (tld.size() < 2 || tldDigitsOnly)
        return fail(tr("\"%1\" is not a valid domain.").arg(domain));
    return QString(local + QLatin1Char('@') + domain).toCaseFolded();
}

} // namespace masir
