#include "intake/CollectorClient.h"

#include "common/Logging.h"

#include <QJsonDocument>
#include <QUrl>

#include <curl/curl.h>

namespace masir {

namespace {

constexpr qsizetype kMaxReplyBytes = 64 << 20;

size_t collect(char *data, size_t size, size_t count, void *userdata)
{
    auto *out = static_cast<QByteArray *>(userdata);
    const size_t n = size * count;
    if (out->size() + qsizetype(n) > kMaxReplyBytes)
        return 0; // curl stops with a write error
    out->append(data, qsizetype(n));
    return n;
}

bool isLoopback(const QString &host)
{
    return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") ||
           host == QLatin1String("::1") || host == QLatin1String("[::1]");
}

} // namespace

CollectorClient::CollectorClient(QString baseUrl, QString apiKey, int timeoutMs)
    : m_baseUrl(std::move(baseUrl))
    , m_apiKey(std::move(apiKey))
    , m_timeoutMs(timeoutMs)
{
    while (m_baseUrl.endsWith(QLatin1Char('/')))
        m_baseUrl.chop(1);
}

QString CollectorClient::urlProblem(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (text.trimmed().isEmpty())
        return tr("Enter the collector's address, such as https://t.example.com.");
    if (!url.isValid() || url.host().isEmpty())
        return tr("\"%1\" is not a web address; enter one such as https://t.example.com.")
            .arg(text);
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http") && isLoopback(url.host()))
        return {};
    return tr("The collector's address must start with https:// (plain http only on this "
              "computer), so that its key and your subscribers' clicks are not sent in the "
              "clear.");
}

std::optional<QJsonObject> CollectorClient::status()
{
    return call("GET", QStringLiteral("/api/v1/status"), {});
}

std::optional<QJsonObject> CollectorClient::pull(qint64 after, int limit)
{
    return call("GET", QStringLiteral("/api/v1/hits?after=%1&limit=%2").arg(after).arg(limit), {});
}

bool CollectorClient::push(const QJsonObject &state)
{
    return call("POST", QStringLiteral("/api/v1/state"),
                QJsonDocument(state).toJson(QJsonDocument::Compact))
        .has_value();
}

std::optional<QJsonObject> CollectorClient::call(const QByteArray &method, const QString &path,
                                                 const QByteArray &body)
{
    m_status = 0;
    if (const QString problem = urlProblem(m_baseUrl); !problem.isEmpty()) {
        m_error = problem;
        return std::nullopt;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT); // reference counted; cheap after the first call
    CURL *curl = curl_easy_init();
    if (!curl) {
        m_error = tr("Cannot start a network request.");
        return std::nullopt;
    }
    const QByteArray url = (m_baseUrl + path).toUtf8();
    const QByteArray auth = "Authorization: Bearer " + m_apiKey.toLatin1();
    curl_slist *headers = curl_slist_append(nullptr, auth.constData());
    headers = curl_slist_append(headers, "Accept: application/json");
    if (!body.isNull())
        headers = curl_slist_append(headers, "Content-Type: application/json");
    QByteArray reply;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(m_timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(std::min(m_timeoutMs, 10000)));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    if (method == "POST") {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    }
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    m_status = int(status);
    if (code != CURLE_OK) {
        m_error = tr("Cannot reach the collector at %1: %2")
                      .arg(m_baseUrl, QString::fromUtf8(*errorBuffer ? errorBuffer
                                                                     : curl_easy_strerror(code)));
        return std::nullopt;
    }
    if (status == 401) {
        m_error = tr("The collector at %1 refused the key. Copy the key again from its data "
                     "folder (the file api-key) and reconnect.")
                      .arg(m_baseUrl);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(reply, &parseError);
    if (status != 200) {
        m_error = tr("The collector at %1 answered %2: %3")
                      .arg(m_baseUrl)
                      .arg(status)
                      .arg(doc.object()
                               .value(QStringLiteral("error"))
                               .toString(QString::fromUtf8(reply.left(200))));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        m_error = tr("The collector at %1 sent something that is not its answer (%2). Is the "
                     "address that of a Masir collector?")
                      .arg(m_baseUrl, parseError.errorString());
        return std::nullopt;
    }
    return doc.object();
}

} // namespace masir
