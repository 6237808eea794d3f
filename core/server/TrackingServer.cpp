#include "server/TrackingServer.h"

#include "common/Logging.h"
#include "intake/CollectorStore.h"
#include "intake/TrackingBackend.h"
#include "intake/TrackingPages.h"
#include "tracking/TrackingHit.h"
#include "tracking/TrackingRequest.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace masir {

namespace {

using Status = QHttpServerResponder::StatusCode;

const QByteArray kGif =
    QByteArray::fromBase64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

/// Constant time, whatever the lengths.
bool sameKey(const QByteArray &given, const QByteArray &expected)
{
    unsigned char diff = given.size() == expected.size() ? 0 : 1;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |=
            static_cast<unsigned char>(expected.at(i) ^ (i < given.size() ? given.at(i) : char(0)));
    return diff == 0 && !expected.isEmpty();
}

/// A connection that may not send more than its request is allowed, nor take
/// longer than allowed to send it.
class GuardedSocket final : public QTcpSocket
{
public:
    explicit GuardedSocket(const ServerOptions &options, QObject *parent)
        : QTcpSocket(parent)
        , m_options(options)
    {
        m_lastActivity.start();
        connect(this, &QIODevice::readyRead, this, &GuardedSocket::guard);
    }

    /// Closes what overstays; called every second.
    void sweep()
    {
        if (m_pending > 0 && m_requestStarted.isValid() &&
            m_requestStarted.elapsed() > m_options.requestTimeoutMs) {
            qCDebug(lcCollector) << "closing a connection that is too slow to send its request";
            abort();
        } else if (m_pending == 0 && m_lastActivity.elapsed() > m_options.idleTimeoutMs) {
            disconnectFromHost();
        }
    }

protected:
    qint64 writeData(const char *data, qint64 size) override
    {
        // an answer ends a request: the next one starts counting afresh
        m_pending = 0;
        m_requestStarted.invalidate();
        m_lastActivity.restart();
        return QTcpSocket::writeData(data, size);
    }

private:
    void guard()
    {
        // Connected before the HTTP server's own slot: this sees what arrived
        // before the server reads it.
        const qint64 fresh = bytesAvailable();
        if (fresh <= 0)
            return;
        if (m_pending == 0) {
            m_requestStarted.start();
            m_head.clear();
            m_isApiPush = peek(16).startsWith("POST /api/");
            m_limit = m_options.maxBodyBytes + 16 * 1024; // the request line and headers too
        }
        // The desktop's pushes may be larger, once its key is seen in the
        // headers: no one else makes the server hold 16 MiB.
        if (m_isApiPush && m_head.size() < 16 * 1024 && !m_head.contains("\r\n\r\n")) {
            m_head += peek(std::min<qint64>(fresh, 16 * 1024 - m_head.size()));
            const qsizetype end = m_head.indexOf("\r\n\r\n");
            if (end >= 0 && authorized(m_head.left(end)))
                m_limit = m_options.maxApiBodyBytes + 16 * 1024;
        }
        m_pending += fresh;
        m_lastActivity.restart();
        if (m_pending > m_limit) {
            qCDebug(lcCollector) << "refusing a request larger than" << m_limit << "bytes";
            const QByteArray answer = "HTTP/1.1 413 Payload Too Large\r\nContent-Length: 0\r\n"
                                      "Connection: close\r\n\r\n";
            QTcpSocket::writeData(answer.constData(), answer.size());
            flush();
            abort();
        }
    }

    bool authorized(const QByteArray &head) const
    {
        const QByteArray lower = head.toLower();
        const qsizetype at = lower.indexOf("\r\nauthorization: bearer ");
        if (at < 0 || m_options.apiKey.isEmpty())
            return false;
        const qsizetype start = at + 24;
        const qsizetype end = head.indexOf("\r\n", start);
        return sameKey(head.mid(start, end < 0 ? -1 : end - start).trimmed(), m_options.apiKey);
    }

    const ServerOptions &m_options;
    qint64 m_pending = 0;
    qint64 m_limit = 0;
    bool m_isApiPush = false;
    QByteArray m_head;
    QElapsedTimer m_requestStarted;
    QElapsedTimer m_lastActivity;
};

class Listener final : public QTcpServer
{
public:
    Listener(const ServerOptions &options, QObject *parent)
        : QTcpServer(parent)
        , m_options(options)
        , m_sweep(this)
    {
        m_sweep.setInterval(1000);
        connect(&m_sweep, &QTimer::timeout, this, [this] {
            for (GuardedSocket *s : std::as_const(m_sockets))
                s->sweep();
        });
        m_sweep.start();
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new GuardedSocket(m_options, this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        m_sockets.insert(socket);
        connect(socket, &QObject::destroyed, this,
                [this, socket] { m_sockets.remove(static_cast<GuardedSocket *>(socket)); });
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        addPendingConnection(socket);
    }

private:
    const ServerOptions &m_options;
    QSet<GuardedSocket *> m_sockets;
    QTimer m_sweep;
};

class Handler final : public QAbstractHttpServer
{
public:
    Handler(TrackingBackend *backend, CollectorStore *api, const ServerOptions &options,
            TrackingServer::Counters &counters)
        : m_backend(backend)
        , m_api(api)
        , m_options(options)
        , m_counters(counters)
    {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        ++m_counters.requests;
        QHttpServerResponder out = makeResponder(request, socket);
        const QByteArray path = request.url().path(QUrl::FullyEncoded).toLatin1();
        const TrackingRoute route = TrackingRoute::of(path);
        const auto method = request.method();
        const bool head = method == QHttpServerRequest::Method::Head;
        switch (route.kind) {
        case TrackingRoute::Kind::Open:
        case TrackingRoute::Kind::Click:
            if (method != QHttpServerRequest::Method::Get && !head)
                return refuse(out, Status::MethodNotAllowed, request);
            return openOrClick(out, request, route, head);
        case TrackingRoute::Kind::Unsubscribe:
            return unsubscribe(out, request, route);
        case TrackingRoute::Kind::Preferences:
            return preferences(out, request, route);
        case TrackingRoute::Kind::Pull:
        case TrackingRoute::Kind::Push:
        case TrackingRoute::Kind::Status:
            return apiCall(out, request, route);
        case TrackingRoute::Kind::Health:
            send(out, Status::Ok, "ok\n", {{"Content-Type", "text/plain"}});
            return true;
        case TrackingRoute::Kind::None:
            break;
        }
        return refuse(out, Status::NotFound, request);
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    static void send(QHttpServerResponder &out, Status status, const QByteArray &body,
                     const Headers &headers, bool head = false)
    {
        out.writeStatusLine(status);
        out.writeHeader("X-Content-Type-Options", "nosniff");
        out.writeHeader("Referrer-Policy", "no-referrer");
        for (const auto &[key, value] : headers)
            out.writeHeader(key, value);
        out.writeHeader("Content-Length", QByteArray::number(body.size()));
        if (!head)
            out.writeBody(body);
        else
            out.writeBody(QByteArray());
    }

    void sendPage(QHttpServerResponder &out, const HostedPage &page)
    {
        send(out, Status(page.status), page.html,
             {{"Content-Type", "text/html; charset=utf-8"},
              {"Content-Security-Policy", page.contentSecurityPolicy},
              {"Cache-Control", "no-store"},
              {"X-Frame-Options", "DENY"}});
    }

    /// The one answer to anything wrong: short, and the same whatever was wrong.
    bool refuse(QHttpServerResponder &out, Status status, const QHttpServerRequest &request)
    {
        ++m_counters.refused;
        if (status == Status::NotFound) {
            sendPage(out, TrackingPages::notFound(
                              TrackingPages::pick(QString(), request.value("Accept-Language"))));
            return true;
        }
        send(out, status, QByteArray(), {{"Cache-Control", "no-store"}});
        return true;
    }

    TrackingHit hitFor(const QHttpServerRequest &request, const TrackingToken &token,
                       const QString &kind) const
    {
        TrackingHit hit;
        hit.kind = kind;
        hit.method =
            request.method() == QHttpServerRequest::Method::Head
                ? QStringLiteral("HEAD")
                : (request.method() == QHttpServerRequest::Method::Post ? QStringLiteral("POST")
                                                                        : QStringLiteral("GET"));
        hit.outboxId = token.outboxId;
        hit.link = token.link;
        hit.target = token.target;
        hit.atMs = QDateTime::currentMSecsSinceEpoch();
        hit.ip = clientAddress(request.remoteAddress(), request.value("X-Forwarded-For"),
                               m_options.trustedProxies);
        hit.userAgent = QString::fromUtf8(request.value("User-Agent").left(512));
        return hit;
    }

    std::optional<TrackingToken> token(const TrackingRoute &route, TrackingToken::Kind kind)
    {
        const auto t = m_backend->keys().verify(route.token, QDateTime::currentMSecsSinceEpoch());
        if (!t || t->kind != kind)
            return std::nullopt;
        return t;
    }

    bool openOrClick(QHttpServerResponder &out, const QHttpServerRequest &request,
                     const TrackingRoute &route, bool head)
    {
        const bool click = route.kind == TrackingRoute::Kind::Click;
        const auto t = token(route, click ? TrackingToken::Kind::Click : TrackingToken::Kind::Open);
        // a click goes only where its signer sent it, and only to the web
        if (!t ||
            (click && !(t->target.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) ||
                        t->target.startsWith(QLatin1String("http://"), Qt::CaseInsensitive))))
            return refuse(out, Status::NotFound, request);
        m_backend->record(
            hitFor(request, *t, click ? QStringLiteral("click") : QStringLiteral("open")));
        if (click) {
            send(out, Status::Found, QByteArray(),
                 {{"Location", QUrl(t->target).toEncoded()}, {"Cache-Control", "no-store"}}, head);
        } else {
            send(out, Status::Ok, kGif,
                 {{"Content-Type", "image/gif"},
                  {"Cache-Control", "no-store, no-cache, must-revalidate, max-age=0"},
                  {"Pragma", "no-cache"},
                  {"Expires", "0"}},
                 head);
        }
        return true;
    }

    QString language(const TrackingToken &t, const QHttpServerRequest &request)
    {
        return TrackingPages::pick(m_backend->choices(t).language,
                                   request.value("Accept-Language"));
    }

    QString preferencesUrl(const TrackingToken &t)
    {
        const KeyRing ring = m_backend->keys();
        if (ring.isEmpty() || m_options.publicUrl.isEmpty())
            return {};
        TrackingToken p = t;
        p.kind = TrackingToken::Kind::Preferences;
        p.kid = ring.keys().first().kid;
        return m_options.publicUrl + QStringLiteral("/p/") + p.encode(ring.keys().first().secret);
    }

    bool unsubscribe(QHttpServerResponder &out, const QHttpServerRequest &request,
                     const TrackingRoute &route)
    {
        const auto method = request.method();
        if (method != QHttpServerRequest::Method::Get && method != QHttpServerRequest::Method::Post)
            return refuse(out, Status::MethodNotAllowed, request);
        const auto t = token(route, TrackingToken::Kind::Unsubscribe);
        if (!t)
            return refuse(out, Status::NotFound, request);
        const QString lang = language(*t, request);
        const Branding brand = m_backend->branding();
        if (method == QHttpServerRequest::Method::Get) {
            // a GET never unsubscribes: scanners fetch every link
            sendPage(out, TrackingPages::confirmUnsubscribe(brand, lang, preferencesUrl(*t)));
            return true;
        }
        bool oneClick = false;
        bool confirmed = false;
        for (const auto &[name, value] :
             parseFormBody(request.body(), request.value("Content-Type"))) {
            oneClick = oneClick || (name == QLatin1String("List-Unsubscribe") &&
                                    value == QLatin1String("One-Click"));
            confirmed =
                confirmed || (name == QLatin1String("confirm") && value == QLatin1String("yes"));
        }
        if (!oneClick && !confirmed)
            return refuse(out, Status::BadRequest, request);
        TrackingHit hit = hitFor(request, *t, QStringLiteral("unsubscribe"));
        hit.data.insert(QStringLiteral("oneClick"), oneClick);
        if (!m_backend->recordNow(hit, *t)) {
            send(out, Status::ServiceUnavailable, "Try again in a moment.\n",
                 {{"Content-Type", "text/plain; charset=utf-8"}, {"Retry-After", "5"}});
            return true;
        }
        if (oneClick)
            send(out, Status::Ok, "Unsubscribed.\n",
                 {{"Content-Type", "text/plain; charset=utf-8"}, {"Cache-Control", "no-store"}});
        else
            sendPage(out, TrackingPages::unsubscribed(brand, lang, preferencesUrl(*t)));
        return true;
    }

    bool preferences(QHttpServerResponder &out, const QHttpServerRequest &request,
                     const TrackingRoute &route)
    {
        const auto method = request.method();
        if (method != QHttpServerRequest::Method::Get && method != QHttpServerRequest::Method::Post)
            return refuse(out, Status::MethodNotAllowed, request);
        const auto t = token(route, TrackingToken::Kind::Preferences);
        if (!t)
            return refuse(out, Status::NotFound, request);
        const Branding brand = m_backend->branding();
        const QList<Topic> topics = m_backend->topics();
        Choices choices = m_backend->choices(*t);
        const QString lang =
            TrackingPages::pick(choices.language, request.value("Accept-Language"));
        if (method == QHttpServerRequest::Method::Get) {
            sendPage(out, TrackingPages::preferences(brand, lang, choices, topics, false));
            return true;
        }
        ChoiceChange change;
        change.email = false;
        change.sms = false;
        change.known = choices.known;
        for (const auto &[name, value] :
             parseFormBody(request.body(), request.value("Content-Type"))) {
            if (name == QLatin1String("action"))
                change.everything = value == QLatin1String("everything");
            else if (name == QLatin1String("email"))
                change.email = true;
            else if (name == QLatin1String("sms"))
                change.sms = true;
            else if (name == QLatin1String("topic")) {
                const qint64 id = value.toLongLong();
                for (const Topic &topic : topics)
                    if (topic.id == id && !change.topics.contains(id))
                        change.topics << id;
            }
        }
        TrackingHit hit = hitFor(request, *t, QStringLiteral("preferences"));
        hit.data = change.toJson();
        if (!m_backend->recordNow(hit, *t)) {
            send(out, Status::ServiceUnavailable, "Try again in a moment.\n",
                 {{"Content-Type", "text/plain; charset=utf-8"}, {"Retry-After", "5"}});
            return true;
        }
        choices = m_backend->choices(*t);
        if (!choices.known) {
            choices.email = change.email && !change.everything;
            choices.sms = change.sms && !change.everything;
            choices.topics = change.everything ? QList<qint64>() : change.topics;
        }
        sendPage(out, TrackingPages::preferences(brand, lang, choices, topics, true));
        return true;
    }

    bool apiCall(QHttpServerResponder &out, const QHttpServerRequest &request,
                 const TrackingRoute &route)
    {
        if (!m_api)
            return refuse(out, Status::NotFound, request);
        const QByteArray auth = request.value("Authorization");
        const QByteArray given = auth.startsWith("Bearer ") ? auth.mid(7).trimmed() : QByteArray();
        if (!sameKey(given, m_api->apiKey().toLatin1())) {
            ++m_counters.refused;
            send(out, Status::Unauthorized, "{\"error\":\"unauthorized\"}\n",
                 {{"Content-Type", "application/json"},
                  {"WWW-Authenticate", "Bearer realm=\"masir-collector\""}});
            return true;
        }
        const auto json = [&](Status status, const QJsonObject &body) {
            send(out, status, QJsonDocument(body).toJson(QJsonDocument::Compact),
                 {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}});
            return true;
        };
        if (route.kind == TrackingRoute::Kind::Status) {
            if (request.method() != QHttpServerRequest::Method::Get)
                return refuse(out, Status::MethodNotAllowed, request);
            return json(Status::Ok, m_api->status());
        }
        if (route.kind == TrackingRoute::Kind::Pull) {
            if (request.method() != QHttpServerRequest::Method::Get)
                return refuse(out, Status::MethodNotAllowed, request);
            const QUrlQuery query(request.url());
            const qint64 after = query.queryItemValue(QStringLiteral("after")).toLongLong();
            const int limit =
                std::clamp(query.queryItemValue(QStringLiteral("limit")).toInt(), 1, 5000);
            // "now" is taken before the read: whatever is kept after it, the
            // desktop has not seen, and its next push is as of this moment
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            m_api->flush(); // what was answered is pulled
            const auto hits = m_api->pull(std::max<qint64>(after, 0), limit);
            if (!hits)
                return json(Status::ServiceUnavailable,
                            {{QStringLiteral("error"), m_api->errorString()}});
            QJsonArray list;
            for (const TrackingHit &h : *hits)
                list.append(h.toJson());
            return json(Status::Ok, {{QStringLiteral("hits"), list},
                                     {QStringLiteral("last"),
                                      double(hits->isEmpty() ? after : hits->constLast().sourceId)},
                                     {QStringLiteral("instance"), m_api->instance()},
                                     {QStringLiteral("now"), double(now - 1)}});
        }
        if (request.method() != QHttpServerRequest::Method::Post)
            return refuse(out, Status::MethodNotAllowed, request);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &error);
        if (!doc.isObject())
            return json(Status::BadRequest, {{QStringLiteral("error"), error.errorString()}});
        if (!m_api->push(doc.object()))
            return json(Status::ServiceUnavailable,
                        {{QStringLiteral("error"), m_api->errorString()}});
        return json(Status::Ok, {{QStringLiteral("ok"), true}});
    }

    TrackingBackend *m_backend;
    CollectorStore *m_api;
    const ServerOptions &m_options;
    TrackingServer::Counters &m_counters;
};

#ifdef Q_OS_UNIX
/// A listening socket that shares its port with the other threads' (the
/// kernel spreads the connections); -1 with \a error.
int reusePortSocket(const QHostAddress &address, quint16 port, QString *error)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    int rc;
    if (v6) {
        sockaddr_in6 a{};
        a.sin6_family = AF_INET6;
        a.sin6_port = htons(port);
        const Q_IPV6ADDR ip = address.toIPv6Address();
        memcpy(&a.sin6_addr, &ip, sizeof ip);
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    } else {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(address.toIPv4Address());
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    }
    if (rc < 0 || ::listen(fd, 1024) < 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        ::close(fd);
        return -1;
    }
    return fd;
}

quint16 boundPort(int fd)
{
    sockaddr_storage a{};
    socklen_t size = sizeof a;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &size) < 0)
        return 0;
    return a.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&a)->sin6_port)
                                   : ntohs(reinterpret_cast<sockaddr_in *>(&a)->sin_port);
}
#endif

} // namespace

TrackingServer::TrackingServer(TrackingBackend *backend, CollectorStore *api, ServerOptions options,
                               QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_api(api)
    , m_options(std::move(options))
{
    while (m_options.publicUrl.endsWith(QLatin1Char('/')))
        m_options.publicUrl.chop(1);
    if (m_api)
        m_options.apiKey = m_api->apiKey().toLatin1();
}

TrackingServer::~TrackingServer()
{
    close();
}

bool TrackingServer::listen()
{
    if (isListening())
        return true;
    m_port = m_options.port;
#ifdef Q_OS_UNIX
    const int threads = std::max(1, m_options.threads);
#else
    const int threads = 1;
#endif
    for (int i = 0; i < threads; ++i) {
        auto *listener = new Listener(m_options, nullptr);
#ifdef Q_OS_UNIX
        const int fd = reusePortSocket(m_options.address, m_port, &m_error);
        if (fd < 0 || !listener->setSocketDescriptor(fd)) {
            if (fd >= 0) {
                m_error = listener->errorString();
                ::close(fd);
            }
            delete listener;
            close();
            m_error = tr("Cannot listen on %1:%2: %3")
                          .arg(m_options.address.toString())
                          .arg(m_options.port)
                          .arg(m_error);
            return false;
        }
        if (m_port == 0)
            m_port = boundPort(fd);
#else
        if (!listener->listen(m_options.address, m_port)) {
            m_error = tr("Cannot listen on %1:%2: %3")
                          .arg(m_options.address.toString())
                          .arg(m_options.port)
                          .arg(listener->errorString());
            delete listener;
            close();
            return false;
        }
        m_port = listener->serverPort();
#endif
        auto *handler = new Handler(m_backend, m_api, m_options, m_counters);
        handler->bind(listener);
        listener->setParent(handler);
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("masir-http-%1").arg(i));
        handler->moveToThread(thread.get());
        connect(thread.get(), &QThread::finished, handler, &QObject::deleteLater);
        thread->start();
        m_threads.push_back(std::move(thread));
    }
    qCInfo(lcCollector) << "tracking server listening on" << m_options.address.toString() << "port"
                        << m_port << "with" << threads << "threads";
    return true;
}

void TrackingServer::close()
{
    for (auto &thread : m_threads) {
        thread->quit();
        thread->wait();
    }
    m_threads.clear();
}

} // namespace masir
