#include "connectors/CrmHttp.h"

#include "common/Logging.h"

#include <QDateTime>
#include <QThread>
#include <QUrl>

#include <curl/curl.h>

namespace masir {

namespace {

struct Received
{
    QByteArray body;
    qint64 retryAfterMs = -1;
};

size_t onBody(char *data, size_t size, size_t count, void *userdata)
{
    static_cast<Received *>(userdata)->body.append(data, qsizetype(size * count));
    return size * count;
}

/// Retry-After: seconds, or an HTTP date.
size_t onHeader(char *data, size_t size, size_t count, void *userdata)
{
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    if (line.toLower().startsWith("retry-after:")) {
        const QByteArray value = line.mid(12).trimmed();
        bool number = false;
        const double seconds = value.toDouble(&number);
        qint64 ms = -1;
        if (number) {
            ms = qint64(seconds * 1000);
        } else {
            const QDateTime at = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
            if (at.isValid())
                ms = std::max<qint64>(0,
                                      at.toMSecsSinceEpoch() - QDateTime::currentMSecsSinceEpoch());
        }
        static_cast<Received *>(userdata)->retryAfterMs = ms;
    }
    return size * count;
}

} // namespace

CrmHttp::CrmHttp(const std::atomic<bool> *stop, int timeoutMs)
    : m_stop(stop)
    , m_timeoutMs(timeoutMs)
    , m_curl(curl_easy_init())
{}

CrmHttp::~CrmHttp()
{
    if (m_curl)
        curl_easy_cleanup(m_curl);
}

QString CrmHttp::urlProblem(const QString &text)
{
    const QUrl url(text);
    if (!url.isValid() || url.host().isEmpty())
        return tr("\"%1\" is not a web address.").arg(text);
    const QString host = url.host();
    const bool loopback = host == QLatin1String("localhost") ||
                          host.startsWith(QLatin1String("127.")) || host == QLatin1String("::1");
    if (url.scheme() == QLatin1String("https") ||
        (url.scheme() == QLatin1String("http") && loopback))
        return {};
    return tr("The CRM's address must start with https://.");
}

bool CrmHttp::wait(qint64 ms) const
{
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + ms;
    while (QDateTime::currentMSecsSinceEpoch() < until) {
        if (m_stop && m_stop->load())
            return false;
        QThread::msleep(std::min<qint64>(100, until - QDateTime::currentMSecsSinceEpoch() + 1));
    }
    return !(m_stop && m_stop->load());
}

HttpReply CrmHttp::call(const QByteArray &method, const QString &url,
                        const QList<QByteArray> &headers, const QByteArray &body)
{
    HttpReply reply;
    for (int attempt = 1; attempt <= kAttempts; ++attempt) {
        if (m_stop && m_stop->load()) {
            reply.status = 0;
            reply.error = tr("Stopped.");
            return reply;
        }
        qint64 retryAfter = -1;
        reply = once(method, url, headers, body, &retryAfter);
        qint64 waitMs = 0;
        if (reply.status == 429) {
            // As long as the CRM asks, within reason; else a second, doubling.
            waitMs = retryAfter >= 0 ? std::min(retryAfter, kMaxWaitMs) : 1000LL << (attempt - 1);
            ++m_rateLimitWaits;
            qCInfo(lcCrm) << "rate limited by the CRM: waiting" << waitMs << "ms";
        } else if (reply.status == 0 || reply.status >= 500) {
            waitMs = 500LL << (attempt - 1);
        } else {
            return reply;
        }
        if (attempt == kAttempts || !wait(std::min(waitMs, kMaxWaitMs)))
            break;
    }
    if (reply.status == 429)
        reply.error = tr("The CRM kept answering \"too many requests\"; try again later.");
    return reply;
}

HttpReply CrmHttp::once(const QByteArray &method, const QString &url,
                        const QList<QByteArray> &headers, const QByteArray &body,
                        qint64 *retryAfterMs)
{
    HttpReply reply;
    if (!m_curl) {
        reply.error = tr("Cannot start an HTTP connection.");
        return reply;
    }
    curl_easy_reset(m_curl);
    Received received;
    curl_slist *list = nullptr;
    for (const QByteArray &h : headers)
        list = curl_slist_append(list, h.constData());
    if (!body.isEmpty())
        list = curl_slist_append(list, "Content-Type: application/json");
    list = curl_slist_append(list, "Accept: application/json");
    const QByteArray target = url.toUtf8();
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(m_curl, CURLOPT_URL, target.constData());
    curl_easy_setopt(m_curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(m_curl, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(m_curl, CURLOPT_WRITEDATA, &received);
    curl_easy_setopt(m_curl, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(m_curl, CURLOPT_HEADERDATA, &received);
    curl_easy_setopt(m_curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(m_curl, CURLOPT_TIMEOUT_MS, long(m_timeoutMs));
    curl_easy_setopt(m_curl, CURLOPT_CONNECTTIMEOUT_MS, long(std::min(m_timeoutMs, 10000)));
    curl_easy_setopt(m_curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(m_curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(m_curl, CURLOPT_ACCEPT_ENCODING, "");
    if (method != "GET") {
        curl_easy_setopt(m_curl, CURLOPT_CUSTOMREQUEST, method.constData());
        curl_easy_setopt(m_curl, CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(m_curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    }
    const CURLcode rc = curl_easy_perform(m_curl);
    curl_slist_free_all(list);
    if (rc != CURLE_OK) {
        reply.error =
            tr("The CRM did not answer: %1")
                .arg(QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(rc)));
        return reply;
    }
    long status = 0;
    curl_easy_getinfo(m_curl, CURLINFO_RESPONSE_CODE, &status);
    reply.status = int(status);
    reply.body = received.body;
    *retryAfterMs = received.retryAfterMs;
    if (!reply.ok())
        reply.error = tr("The CRM answered %1: %2")
                          .arg(reply.status)
                          .arg(QString::fromUtf8(received.body.left(300)).simplified());
    return reply;
}

} // namespace masir
