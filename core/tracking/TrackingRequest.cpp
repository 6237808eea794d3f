#include "tracking/TrackingRequest.h"

#include "tracking/TrackingToken.h"

#include <QUrl>

namespace masir {

namespace {

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
}

bool isTrusted(const QHostAddress &a, const QList<QPair<QHostAddress, int>> &trusted)
{
    for (const auto &subnet : trusted)
        if (a.isInSubnet(subnet))
            return true;
    return false;
}

} // namespace

TrackingRoute TrackingRoute::of(QByteArrayView path)
{
    TrackingRoute r;
    if (path == "/healthz") {
        r.kind = Kind::Health;
        return r;
    }
    if (path == "/api/v1/hits") {
        r.kind = Kind::Pull;
        return r;
    }
    if (path == "/api/v1/state") {
        r.kind = Kind::Push;
        return r;
    }
    if (path == "/api/v1/status") {
        r.kind = Kind::Status;
        return r;
    }
    if (path.size() < 4 || path.at(0) != '/' || path.at(2) != '/')
        return r;
    const QByteArrayView token = path.sliced(3);
    if (token.isEmpty() || token.size() > TrackingToken::kMaxLength)
        return r;
    for (const char c : token)
        if (!isTokenChar(c))
            return r;
    switch (path.at(1)) {
    case 'o':
        r.kind = Kind::Open;
        break;
    case 'c':
        r.kind = Kind::Click;
        break;
    case 'u':
        r.kind = Kind::Unsubscribe;
        break;
    case 'p':
        r.kind = Kind::Preferences;
        break;
    default:
        return r;
    }
    r.token = QString::fromLatin1(token.data(), token.size());
    return r;
}

QList<QPair<QString, QString>> parseForm(QByteArrayView body, int maxFields)
{
    QList<QPair<QString, QString>> out;
    auto decode = [](QByteArrayView part) {
        QByteArray bytes = part.toByteArray();
        bytes.replace('+', ' ');
        return QUrl::fromPercentEncoding(bytes);
    };
    qsizetype start = 0;
    while (start <= body.size() && out.size() < maxFields) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView field = body.sliced(start, end - start);
        if (!field.isEmpty()) {
            const qsizetype eq = field.indexOf('=');
            out.append(qMakePair(decode(eq < 0 ? field : field.first(eq)),
                                 eq < 0 ? QString() : decode(field.sliced(eq + 1))));
        }
        start = end + 1;
    }
    return out;
}

QString clientAddress(const QHostAddress &peer, QByteArrayView forwardedFor,
                      const QList<QPair<QHostAddress, int>> &trusted)
{
    QHostAddress client = peer;
    if (client.protocol() == QAbstractSocket::IPv6Protocol) {
        bool v4 = false;
        const quint32 mapped = client.toIPv4Address(&v4);
        if (v4)
            client = QHostAddress(mapped);
    }
    if (!isTrusted(client, trusted) || forwardedFor.isEmpty())
        return client.toString();
    // From the right: the first address that is not one of our proxies.
    const QList<QByteArray> hops = forwardedFor.toByteArray().split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            break;
        if (!isTrusted(hop, trusted))
            return hop.toString();
    }
    return client.toString();
}

bool parseSubnets(const QString &text, QList<QPair<QHostAddress, int>> *out, QString *bad)
{
    for (const QString &raw : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = raw.trimmed();
        auto subnet = QHostAddress::parseSubnet(item);
        if (subnet.first.isNull()) {
            const QHostAddress single(item);
            if (single.isNull()) {
                if (bad)
                    *bad = item;
                return false;
            }
            subnet = {single, single.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
        }
        out->append(subnet);
    }
    return true;
}

QList<QPair<QString, QString>> parseMultipart(QByteArrayView body, QByteArrayView contentType,
                                              int maxFields)
{
    QList<QPair<QString, QString>> out;
    const QByteArray type = contentType.toByteArray();
    const qsizetype at = type.indexOf("boundary=");
    if (at < 0)
        return out;
    QByteArray boundary = type.mid(at + 9);
    if (const qsizetype semicolon = boundary.indexOf(';'); semicolon >= 0)
        boundary.truncate(semicolon);
    boundary = boundary.trimmed();
    if (boundary.startsWith('"') && boundary.endsWith('"') && boundary.size() >= 2)
        boundary = boundary.mid(1, boundary.size() - 2);
    if (boundary.isEmpty() || boundary.size() > 200)
        return out;
    const QByteArray delimiter = "--" + boundary;
    const QByteArray all = body.toByteArray();
    qsizetype pos = all.indexOf(delimiter);
    while (pos >= 0 && out.size() < maxFields) {
        pos += delimiter.size();
        if (all.mid(pos, 2) == "--")
            break; // the closing delimiter
        const qsizetype next = all.indexOf(delimiter, pos);
        if (next < 0)
            break;
        const QByteArray part = all.mid(pos, next - pos);
        const qsizetype headersEnd = part.indexOf("\r\n\r\n");
        if (headersEnd >= 0) {
            const QByteArray headers = part.left(headersEnd);
            const qsizetype name = headers.indexOf("name=\"");
            if (name >= 0) {
                const qsizetype end = headers.indexOf('"', name + 6);
                if (end > name) {
                    QByteArray value = part.mid(headersEnd + 4);
                    if (value.endsWith("\r\n"))
                        value.chop(2);
                    out.append({QString::fromUtf8(headers.mid(name + 6, end - name - 6)),
                                QString::fromUtf8(value)});
                }
            }
        }
        pos = next;
    }
    return out;
}

QList<QPair<QString, QString>> parseFormBody(QByteArrayView body, QByteArrayView contentType)
{
    if (QByteArrayView(contentType)
            .trimmed()
            .toByteArray()
            .toLower()
            .startsWith("multipart/form-data"))
        return parseMultipart(body, contentType);
    return parseForm(body);
}

} // namespace masir
