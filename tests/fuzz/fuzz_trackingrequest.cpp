// libFuzzer target: what a client sends the tracking server besides a token:
// the path, the query, a form body, X-Forwarded-For, and the trusted-proxy
// ranges an operator types. The bytes are cut into those parts at NUL bytes.
// A route's token is only the URL-safe alphabet and dots, never longer than
// a token can be; the client's address is the peer's or one it forwarded.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target fuzz_trackingrequest
//   build/fuzz/tests/fuzz/fuzz_trackingrequest -max_total_time=600
//   tests/fuzz/corpus/trackingrequest

#include "tracking/TrackingRequest.h"
#include "tracking/TrackingToken.h"

#include <QUrlQuery>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace masir;

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> parts = bytes.split('\0');
    const QByteArray path = parts.value(0);
    const QByteArray body = parts.value(1);
    const QByteArray forwarded = parts.value(2);
    const QByteArray subnets = parts.value(3);

    const TrackingRoute route = TrackingRoute::of(path);
    if (route.kind == TrackingRoute::Kind::None)
        check(route.token.isEmpty());
    check(route.token.size() <= TrackingToken::kMaxLength);
    for (const QChar c : route.token)
        check(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') ||
              c == QLatin1Char('.'));

    const auto form = parseForm(body);
    check(form.size() <= 200);
    check(parseMultipart(body, forwarded).size() <= 200);
    check(parseFormBody(body, subnets).size() <= 200);
    (void)QUrlQuery(QString::fromUtf8(path)).queryItemValue(QStringLiteral("after"));

    QList<QPair<QHostAddress, int>> trusted;
    QString bad;
    (void)parseSubnets(QString::fromUtf8(subnets), &trusted, &bad);
    trusted << qMakePair(QHostAddress(QStringLiteral("10.0.0.0")), 8);
    const QHostAddress proxy(QStringLiteral("10.1.2.3"));
    const QString client = clientAddress(proxy, forwarded, trusted);
    check(!client.isEmpty());
    check(!QHostAddress(client).isNull());
    // a peer that is not trusted is never replaced by what it claims
    const QHostAddress stranger(QStringLiteral("198.51.100.9"));
    check(clientAddress(stranger, forwarded, {qMakePair(proxy, 32)}) == stranger.toString());
    return 0;
}
