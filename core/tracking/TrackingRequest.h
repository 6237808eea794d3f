#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace masir {

/// What a request to the tracking server asks for, read from its path alone.
struct TrackingRoute
{
    enum class Kind
    {
        Open,        ///< GET or HEAD /o/<token>
        Click,       ///< GET or HEAD /c/<token>
        Unsubscribe, ///< GET (the page) or POST (RFC 8058 one-click, or the page's form) /u/<token>
        Preferences, ///< GET or POST /p/<token>
        Pull,        ///< GET /api/v1/hits?after=N&limit=M (the desktop)
        Push,        ///< POST /api/v1/state (the desktop)
        Status,      ///< GET /api/v1/status (the desktop)
        Health,      ///< GET /healthz (a load balancer)
        None,
    };
    Kind kind = Kind::None;
    QString token;

    /// Routes \a path (without the query). Tokens are only the URL-safe
    /// alphabet and dots, at most TrackingToken::kMaxLength long.
    static TrackingRoute of(QByteArrayView path);
};

/// An application/x-www-form-urlencoded body, as name and value pairs in
/// order (names may repeat: "topic=1&topic=4"). At most \a maxFields fields;
/// the rest is ignored.
QList<QPair<QString, QString>> parseForm(QByteArrayView body, int maxFields = 200);

/// A multipart/form-data body (RFC 7578), as RFC 8058 asks one-click
/// unsubscribes to be sent: each part's name and its value as text, at most
/// \a maxFields parts. \a contentType is the request's Content-Type, which
/// names the boundary. Empty when it cannot be read.
QList<QPair<QString, QString>> parseMultipart(QByteArrayView body, QByteArrayView contentType,
                                              int maxFields = 200);

/// Either kind of form body, as \a contentType says.
QList<QPair<QString, QString>> parseFormBody(QByteArrayView body, QByteArrayView contentType);

/// The client's address: the peer's, unless the peer is one of \a trusted
/// proxies, in which case the last address of X-Forwarded-For that is not
/// itself a trusted proxy.
QString clientAddress(const QHostAddress &peer, QByteArrayView forwardedFor,
                      const QList<QPair<QHostAddress, int>> &trusted);

/// "10.0.0.0/8,192.168.1.1" into subnets; false with \a bad naming the
/// entry that is not an address or a range.
bool parseSubnets(const QString &text, QList<QPair<QHostAddress, int>> *out, QString *bad);

} // namespace masir
