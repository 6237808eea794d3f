#include "tracking/TrackingToken.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace masir {

namespace {

constexpr char kVersion = 1;
constexpr int kSubjectBytes = 12;
constexpr int kMaxKid = 16;

constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool isKidChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'_' || c == u'-';
}

bool isBase64UrlChar(QChar c)
{
    return isKidChar(c); // the same alphabet: letters, digits, '-' and '_'
}

void putVarint(QByteArray &out, quint64 v)
{
    do {
        char byte = char(v & 0x7f);
        v >>= 7;
        if (v)
            byte = char(byte | 0x80);
        out.append(byte);
    } while (v);
}

/// Reads a varint at \a at, or nullopt past the end or beyond 63 bits.
std::optional<quint64> getVarint(const QByteArray &in, qsizetype &at)
{
    quint64 v = 0;
    for (int shift = 0; shift < 63; shift += 7) {
        if (at >= in.size())
            return std::nullopt;
        const auto byte = quint8(in.at(at++));
        v |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return v;
    }
    return std::nullopt;
}

QByteArray mac(const QString &kid, const QByteArray &payload, const QByteArray &secret)
{
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, secret);
    code.addData("masir-track-1:");
    code.addData(kid.toLatin1());
    code.addData(".");
    code.addData(payload);
    return code.result().left(TrackingToken::kMacBytes);
}

bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

std::optional<QByteArray> decode(QStringView text)
{
    for (const QChar c : text)
        if (!isBase64UrlChar(c))
            return std::nullopt;
    const auto r = QByteArray::fromBase64Encoding(
        text.toLatin1(), kBase64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return std::nullopt;
    return *r;
}

} // namespace

QString TrackingToken::encode(const QByteArray &secret) const
{
    QByteArray payload;
    payload.append(kVersion);
    payload.append(char(kind));
    putVarint(payload, quint64(std::max<qint64>(outboxId, 0)));
    switch (kind) {
    case Kind::Click:
        putVarint(payload, quint64(std::max(link, 0)));
        payload.append(target.toUtf8());
        break;
    case Kind::Unsubscribe:
    case Kind::Preferences:
        payload.append(subject.leftJustified(kSubjectBytes, '\0', true));
        break;
    case Kind::Open:
        break;
    }
    return kid + QLatin1Char('.') + QString::fromLatin1(payload.toBase64(kBase64)) +
           QLatin1Char('.') + QString::fromLatin1(mac(kid, payload, secret).toBase64(kBase64));
}

std::optional<TrackingToken::Parts> TrackingToken::split(QStringView text)
{
    if (text.isEmpty() || text.size() > kMaxLength)
        return std::nullopt;
    const qsizetype first = text.indexOf(u'.');
    const qsizetype last = text.lastIndexOf(u'.');
    if (first <= 0 || first > kMaxKid || last <= first + 1 || last == text.size() - 1)
        return std::nullopt;
    Parts parts;
    const QStringView kid = text.left(first);
    for (const QChar c : kid)
        if (!isKidChar(c))
            return std::nullopt;
    parts.kid = kid.toString();
    const auto payload = decode(text.mid(first + 1, last - first - 1));
    const auto tag = decode(text.mid(last + 1));
    if (!payload || !tag || tag->size() != kMacBytes || payload->size() < 3)
        return std::nullopt;
    parts.payload = *payload;
    parts.mac = *tag;
    return parts;
}

std::optional<TrackingToken> TrackingToken::verify(const Parts &parts, const QByteArray &secret)
{
    if (secret.isEmpty() || !sameBytes(mac(parts.kid, parts.payload, secret), parts.mac))
        return std::nullopt;
    const QByteArray &p = parts.payload;
    if (p.size() < 3 || p.at(0) != kVersion)
        return std::nullopt;
    TrackingToken t;
    t.kid = parts.kid;
    t.kind = Kind(p.at(1));
    qsizetype at = 2;
    const auto outbox = getVarint(p, at);
    if (!outbox || *outbox == 0 || *outbox > quint64(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    t.outboxId = qint64(*outbox);
    switch (t.kind) {
    case Kind::Open:
        return at == p.size() ? std::optional<TrackingToken>(t) : std::nullopt;
    case Kind::Click: {
        const auto link = getVarint(p, at);
        if (!link || *link > 100000)
            return std::nullopt;
        t.link = int(*link);
        t.target = QString::fromUtf8(p.mid(at));
        return t.target.isEmpty() ? std::nullopt : std::optional<TrackingToken>(t);
    }
    case Kind::Unsubscribe:
    case Kind::Preferences:
        if (p.size() - at != kSubjectBytes)
            return std::nullopt;
        t.subject = p.mid(at);
        return t;
    }
    return std::nullopt;
}

QByteArray TrackingToken::subjectOf(qint64 contactId, const QByteArray &workspaceSecret)
{
    return QMessageAuthenticationCode::hash("subject:" + QByteArray::number(contactId),
                                            workspaceSecret, QCryptographicHash::Sha256)
        .left(kSubjectBytes);
}

} // namespace masir
