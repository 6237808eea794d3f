#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace masir {

class CollectorStore;
class TrackingBackend;

/// How the tracking server listens and what it accepts.
struct ServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; ///< 0: any free port (see TrackingServer::port())
    /// Its public address, for the links its pages make ("https://t.shop.ir").
    QString publicUrl;
    /// Proxies whose X-Forwarded-For is believed.
    QList<QPair<QHostAddress, int>> trustedProxies;
    int threads = 2;
    int maxBodyBytes = 64 * 1024;   ///< tracking routes
    int maxApiBodyBytes = 16 << 20; ///< the desktop's pushes, once their key is seen
    QByteArray apiKey;              ///< set by TrackingServer from its CollectorStore
    int requestTimeoutMs = 10000;   ///< a request must arrive whole within this
    int idleTimeoutMs = 30000;      ///< a kept-alive connection is closed after this
};

/// The tracking server on Qt HttpServer: the open pixel (/o/), the click
/// redirect (/c/), the unsubscribe (/u/, RFC 8058 one-click included) and
/// preference (/p/) pages, and, with a CollectorStore, the desktop's pull and
/// push API. Requests run on several threads (one listening socket each,
/// SO_REUSEPORT); every answer to a bad token, path or method is short and
/// the same.
class TrackingServer final : public QObject
{
    Q_OBJECT

public:
    /// \a backend answers for the links; \a api, when given, serves the API
    /// with its key. Neither is owned; both outlive the server.
    TrackingServer(TrackingBackend *backend, CollectorStore *api, ServerOptions options,
                   QObject *parent = nullptr);
    ~TrackingServer() override;

    bool listen();
    void close();
    bool isListening() const { return !m_threads.empty(); }
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }

    struct Counters
    {
        std::atomic<qint64> requests{0};
        std::atomic<qint64> refused{0}; ///< bad tokens, paths, methods, sizes, keys
    };
    const Counters &counters() const { return m_counters; }

private:
    TrackingBackend *m_backend;
    CollectorStore *m_api;
    ServerOptions m_options;
    quint16 m_port = 0;
    std::vector<std::unique_ptr<QThread>> m_threads;
    Counters m_counters;
    QString m_error;
};

} // namespace masir
