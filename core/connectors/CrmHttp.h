#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>

typedef void CURL;

namespace masir {

struct HttpReply
{
    int status = 0; ///< 0: no answer (the error says why)
    QByteArray body;
    QString error;
    bool ok() const { return status >= 200 && status < 300; }
};

/// The CRM connectors' HTTP: one connection kept open for a whole sync, a
/// deadline on each call, and the waits a CRM asks for: on 429 as long as its
/// Retry-After says (capped), on 5xx and a broken connection a little longer
/// each time, a few times. A stop flag ends any wait within a fraction of a
/// second. Plain HTTP only to the loopback address (tests, a local proxy).
class CrmHttp final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CrmHttp)
    Q_DISABLE_COPY_MOVE(CrmHttp)

public:
    explicit CrmHttp(const std::atomic<bool> *stop = nullptr, int timeoutMs = 30000);
    ~CrmHttp();

    /// What is wrong with \a url as a CRM's address, or "".
    static QString urlProblem(const QString &url);
    HttpReply call(const QByteArray &method, const QString &url, const QList<QByteArray> &headers,
                   const QByteArray &body = {});
    /// How many times a call waited because the CRM said "too many requests".
    int rateLimitWaits() const { return m_rateLimitWaits; }
    static constexpr int kAttempts = 6;
    static constexpr qint64 kMaxWaitMs = 60000;

private:
    HttpReply once(const QByteArray &method, const QString &url, const QList<QByteArray> &headers,
                   const QByteArray &body, qint64 *retryAfterMs);
    bool wait(qint64 ms) const;

    const std::atomic<bool> *m_stop;
    int m_timeoutMs;
    CURL *m_curl = nullptr;
    int m_rateLimitWaits = 0;
};

} // namespace masir
