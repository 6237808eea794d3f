#include "messaging/channels/Transport.h"

#include "contacts/PhoneNumbers.h"
#include "messaging/MimeMessage.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <curl/curl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace masir {

/// A slot of the pool: an easy handle and what one delivery needs while it runs.
struct Transfer
{
    CURL *easy = nullptr;
    Transport *channel = nullptr;
    bool busy = false;
    qint64 outboxId = 0;
    QByteArray upload;
    qsizetype uploaded = 0;
    QByteArray response;
    QStringList replies; ///< the server's last reply lines (SMTP)
    curl_slist *headers = nullptr;
    curl_slist *recipients = nullptr;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    QString refusedAddress;  ///< a webhook address refused after DNS
    bool http = false;       ///< an HTTP request (SMS, webhook), not SMTP
    bool handedOver = false; ///< the whole message left us: a failure now is ambiguous
    bool allowPrivate = true;
    QByteArray lastCommand;   ///< the last SMTP command sent
    QByteArray failedCommand; ///< the command the first 4xx/5xx reply answered

    void reset()
    {
        curl_slist_free_all(headers);
        curl_slist_free_all(recipients);
        headers = nullptr;
        recipients = nullptr;
        upload.clear();
        uploaded = 0;
        response.clear();
        replies.clear();
        errorBuffer[0] = 0;
        refusedAddress.clear();
        http = false;
        handedOver = false;
        lastCommand.clear();
        failedCommand.clear();
    }
    ~Transfer()
    {
        reset();
        if (easy)
            curl_easy_cleanup(easy);
    }
};

namespace {

constexpr qint64 kPollStepMs = 2;

struct CurlGlobal
{
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

void ensureCurl()
{
    static CurlGlobal global;
}

size_t readUpload(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *t = static_cast<Transfer *>(userdata);
    const qsizetype n =
        std::min<qsizetype>(qsizetype(size * count), t->upload.size() - t->uploaded);
    memcpy(buffer, t->upload.constData() + t->uploaded, size_t(n));
    t->uploaded += n;
    if (t->uploaded == t->upload.size())
        t->handedOver = true;
    return size_t(n);
}

size_t writeResponse(char *data, size_t size, size_t count, void *userdata)
{
    auto *t = static_cast<Transfer *>(userdata);
    const qsizetype n = qsizetype(size * count);
    if (t->response.size() < 1024 * 1024)
        t->response.append(data, n);
    return size * count;
}

/// Keeps the server's reply lines; the last complete reply tells what happened.
int debugLines(CURL *, curl_infotype type, char *data, size_t size, void *userdata)
{
    auto *t = static_cast<Transfer *>(userdata);
    if (type == CURLINFO_HEADER_IN) {
        const QString line = QString::fromUtf8(data, qsizetype(size)).trimmed();
        if (!line.isEmpty()) {
            if (t->failedCommand.isEmpty() &&
                (line.startsWith(QLatin1Char('4')) || line.startsWith(QLatin1Char('5'))))
                t->failedCommand = t->lastCommand;
            t->replies << line;
            if (t->replies.size() > 8)
                t->replies.removeFirst();
        }
    } else if (type == CURLINFO_HEADER_OUT) {
        t->lastCommand = QByteArray(data, qsizetype(std::min<size_t>(size, 16)));
        if (t->http)
            t->handedOver = true; // the request is on its way; its body follows at once
    }
    return 0;
}

/// The server's reply with \a code (the last one curl saw; a "221 Bye" may
/// follow it), with its continuation lines ("250-...").
QString lastReply(const Transfer &t, long code)
{
    if (t.replies.isEmpty())
        return {};
    const QString prefix = QString::number(code);
    qsizetype end = t.replies.size() - 1;
    for (qsizetype i = end; code > 0 && i >= 0; --i) {
        if (t.replies.at(i).startsWith(prefix + QLatin1Char(' ')) || t.replies.at(i) == prefix) {
            end = i;
            break;
        }
    }
    QStringList lines{t.replies.at(end)};
    const QString head = lines.first().left(3);
    for (qsizetype i = end - 1; i >= 0; --i) {
        if (!t.replies.at(i).startsWith(head + QLatin1Char('-')))
            break;
        lines.prepend(t.replies.at(i));
    }
    return lines.join(QLatin1Char('\n'));
}

bool isPrivateAddress(const sockaddr *sa)
{
    if (sa->sa_family == AF_INET) {
        const quint32 a = ntohl(reinterpret_cast<const sockaddr_in *>(sa)->sin_addr.s_addr);
        const auto in = [a](quint32 net, int bits) {
            return (a >> (32 - bits)) == (net >> (32 - bits));
        };
        return in(0x00000000, 8) || in(0x0A000000, 8) || in(0x7F000000, 8) || in(0xA9FE0000, 16) ||
               in(0xAC100000, 12) || in(0xC0A80000, 16) || in(0x64400000, 10);
    }
    if (sa->sa_family == AF_INET6) {
        const auto *b = reinterpret_cast<const sockaddr_in6 *>(sa)->sin6_addr.s6_addr;
        static const uchar loopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        static const uchar unspecified[16] = {};
        if (!memcmp(b, loopback, 16) || !memcmp(b, unspecified, 16))
            return true;
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) // fe80::/10 link-local
            return true;
        if ((b[0] & 0xfe) == 0xfc) // fc00::/7 unique local
            return true;
        static const uchar mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (!memcmp(b, mapped, 12)) {
            sockaddr_in v4{};
            v4.sin_family = AF_INET;
            memcpy(&v4.sin_addr, b + 12, 4);
            return isPrivateAddress(reinterpret_cast<const sockaddr *>(&v4));
        }
    }
    return false;
}

QString addressText(const sockaddr *sa)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in *>(sa)->sin_addr, text, sizeof text);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 *>(sa)->sin6_addr, text,
                  sizeof text);
    return QString::fromLatin1(text);
}

/// Called after DNS, before connecting: the only place the real address is known.
curl_socket_t openChecked(void *userdata, curlsocktype, curl_sockaddr *address)
{
    auto *t = static_cast<Transfer *>(userdata);
    if (!t->allowPrivate && isPrivateAddress(&address->addr)) {
        t->refusedAddress = addressText(&address->addr);
        return CURL_SOCKET_BAD;
    }
    return socket(address->family, address->socktype, address->protocol);
}

void commonOptions(Transfer &t)
{
    CURL *e = t.easy;
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.errorBuffer);
    curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
    curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, debugLines);
    curl_easy_setopt(e, CURLOPT_DEBUGDATA, &t);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, writeResponse);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, 15000L);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, 60000L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
}

QString curlMessage(const Transfer &t, int code)
{
    const QString detail = QString::fromUtf8(t.errorBuffer);
    return detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(CURLcode(code))) : detail;
}

bool isCertificateError(int code)
{
    return code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE ||
           code == CURLE_SSL_ISSUER_ERROR || code == CURLE_SSL_PINNEDPUBKEYNOTMATCH;
}

/// Network and TLS trouble that is not the message's fault.
std::optional<DeliveryResult> connectionTrouble(const Transfer &t, int code, const QString &where)
{
    DeliveryResult r;
    r.outboxId = t.outboxId;
    if (isCertificateError(code)) {
        r.outcome = DeliveryResult::Outcome::AccountError;
        r.reply = Transport::tr("The certificate of %1 is not trusted (%2). If you trust this "
                                "server, choose its certificate or CA file in the account.")
                      .arg(where, curlMessage(t, code));
        return r;
    }
    const bool broken = code == CURLE_OPERATION_TIMEDOUT || code == CURLE_SEND_ERROR ||
                        code == CURLE_RECV_ERROR || code == CURLE_GOT_NOTHING ||
                        code == CURLE_PARTIAL_FILE;
    if (broken && t.handedOver) {
        r.outcome = DeliveryResult::Outcome::Ambiguous;
        r.reply = Transport::tr("The connection to %1 broke after the message was handed over "
                                "(%2). It may have been delivered, so it is not sent again on "
                                "its own: resend or discard it.")
                      .arg(where, curlMessage(t, code));
        return r;
    }
    if (broken || code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_CONNECT ||
        code == CURLE_SSL_CONNECT_ERROR) {
        r.outcome = DeliveryResult::Outcome::Temporary;
        r.reply = Transport::tr("Cannot reach %1: %2").arg(where, curlMessage(t, code));
        return r;
    }
    return std::nullopt;
}

/// An HTTP POST of t.upload with t.headers.
void postUpload(Transfer &t)
{
    curl_easy_setopt(t.easy, CURLOPT_HTTPHEADER, t.headers);
    curl_easy_setopt(t.easy, CURLOPT_POST, 1L);
    curl_easy_setopt(t.easy, CURLOPT_POSTFIELDS, t.upload.constData());
    curl_easy_setopt(t.easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(t.upload.size()));
}

/// A result for the transfer's message, with the server's status code.
DeliveryResult resultFor(const Transfer &t)
{
    DeliveryResult r;
    r.outboxId = t.outboxId;
    long status = 0;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
    r.code = int(status);
    return r;
}

// ------------------------------------------------------------------ SMTP

class SmtpChannel final : public Transport
{
public:
    SmtpChannel(const ChannelAccount &account, QString secret)
        : m_account(account)
        , m_secret(std::move(secret))
    {
        const QJsonObject &c = account.config;
        m_host = c.value(QStringLiteral("host")).toString();
        m_port = c.value(QStringLiteral("port")).toInt();
        m_security = c.value(QStringLiteral("security")).toString();
        m_user = c.value(QStringLiteral("user")).toString();
        m_auth = c.value(QStringLiteral("auth")).toString();
        m_caFile = c.value(QStringLiteral("caFile")).toString();
        m_from = Mailbox::parse(c.value(QStringLiteral("from")).toString());
    }
    int connections() const override { return m_account.connections; }

    bool prepare(Transfer &t, const Delivery &d) override
    {
        CURL *e = t.easy;
        const QString scheme =
            m_security == QLatin1String("tls") ? QStringLiteral("smtps") : QStringLiteral("smtp");
        const QString helo = m_from.address.section(QLatin1Char('@'), 1);
        const QByteArray url = QStringLiteral("%1://%2:%3/%4")
                                   .arg(scheme, m_host)
                                   .arg(m_port)
                                   .arg(helo.isEmpty() ? QStringLiteral("localhost") : helo)
                                   .toUtf8();
        curl_easy_setopt(e, CURLOPT_URL, url.constData());
        curl_easy_setopt(e, CURLOPT_USE_SSL,
                         m_security == QLatin1String("starttls") ? long(CURLUSESSL_ALL)
                                                                 : long(CURLUSESSL_NONE));
        if (!m_caFile.isEmpty())
            curl_easy_setopt(e, CURLOPT_CAINFO, m_caFile.toUtf8().constData());
        if (!m_user.isEmpty()) {
            curl_easy_setopt(e, CURLOPT_USERNAME, m_user.toUtf8().constData());
            if (m_auth == QLatin1String("xoauth2")) {
                curl_easy_setopt(e, CURLOPT_XOAUTH2_BEARER, m_secret.toUtf8().constData());
                curl_easy_setopt(e, CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2");
            } else {
                curl_easy_setopt(e, CURLOPT_PASSWORD, m_secret.toUtf8().constData());
                if (m_auth == QLatin1String("plain"))
                    curl_easy_setopt(e, CURLOPT_LOGIN_OPTIONS, "AUTH=PLAIN");
                else if (m_auth == QLatin1String("login"))
                    curl_easy_setopt(e, CURLOPT_LOGIN_OPTIONS, "AUTH=LOGIN");
            }
        }
        const QByteArray from = '<' + m_from.asciiAddress() + '>';
        curl_easy_setopt(e, CURLOPT_MAIL_FROM, from.constData());
        const Mailbox to{QString(), d.recipient};
        t.recipients =
            curl_slist_append(nullptr, QByteArray('<' + to.asciiAddress() + '>').constData());
        curl_easy_setopt(e, CURLOPT_MAIL_RCPT, t.recipients);
        t.upload = d.content;
        curl_easy_setopt(e, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(e, CURLOPT_READFUNCTION, readUpload);
        curl_easy_setopt(e, CURLOPT_READDATA, &t);
        curl_easy_setopt(e, CURLOPT_INFILESIZE_LARGE, curl_off_t(t.upload.size()));
        return true;
    }

    DeliveryResult finish(Transfer &t, int code) override
    {
        DeliveryResult r = resultFor(t);
        const long status = r.code;
        const QString reply = lastReply(t, status);
        if (code == CURLE_OK) {
            r.outcome = DeliveryResult::Outcome::Sent;
            r.reply = reply;
            static const QRegularExpression queued(QStringLiteral("queued as ([^\\s]+)"),
                                                   QRegularExpression::CaseInsensitiveOption);
            const auto m = queued.match(reply);
            r.providerId = m.hasMatch() ? m.captured(1) : reply.mid(4).trimmed();
            return r;
        }
        const QString where = QStringLiteral("%1:%2").arg(m_host).arg(m_port);
        if (code == CURLE_LOGIN_DENIED) {
            r.outcome = DeliveryResult::Outcome::AccountError;
            r.reply = tr("The server refused the login for %1: %2")
                          .arg(m_user, reply.isEmpty() ? curlMessage(t, code) : reply);
            return r;
        }
        if (code == CURLE_USE_SSL_FAILED) {
            r.outcome = DeliveryResult::Outcome::AccountError;
            r.reply = tr("%1 does not offer STARTTLS; choose TLS (port 465) or check the port.")
                          .arg(where);
            return r;
        }
        if (status >= 400 && status < 600) {
            const QString text = reply.isEmpty() ? curlMessage(t, code) : reply;
            r.reply = text;
            if (status < 500) {
                r.outcome = DeliveryResult::Outcome::Temporary;
            } else {
                // A bad address is a bounce only when the server says so: an enhanced
                // 5.1.x / 5.2.1 status, or (without one) a 550/551/553 that names the
                // mailbox. Policy refusals (5.7.x: relaying, SPF, blocks) fail the
                // message but never suppress the contact.
                static const QRegularExpression enhanced(
                    QStringLiteral("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b"));
                static const QRegularExpression mailboxWords(
                    QStringLiteral("unknown|no such|does not exist|doesn't exist|not found|"
                                   "invalid (recipient|mailbox|address)|mailbox unavailable|"
                                   "user unavailable|disabled"),
                    QRegularExpression::CaseInsensitiveOption);
                const auto e = enhanced.match(text);
                bool badMailbox;
                if (e.hasMatch())
                    badMailbox = e.captured(2) == QLatin1String("1") ||
                                 (e.captured(2) == QLatin1String("2") &&
                                  e.captured(3) == QLatin1String("1"));
                else
                    badMailbox = (status == 550 || status == 551 || status == 553) &&
                                 mailboxWords.match(text).hasMatch();
                const bool bounce = t.failedCommand.startsWith("RCPT") && badMailbox;
                r.outcome =
                    bounce ? DeliveryResult::Outcome::Bounce : DeliveryResult::Outcome::Permanent;
            }
            return r;
        }
        if (auto trouble = connectionTrouble(t, code, where))
            return *trouble;
        r.outcome = DeliveryResult::Outcome::Temporary;
        r.reply = reply.isEmpty()
                      ? curlMessage(t, code)
                      : reply + QLatin1String(" (") + curlMessage(t, code) + QLatin1Char(')');
        return r;
    }

private:
    ChannelAccount m_account;
    QString m_secret;
    QString m_host;
    int m_port = 0;
    QString m_security;
    QString m_user;
    QString m_auth;
    QString m_caFile;
    Mailbox m_from;
};

// ------------------------------------------------------------------ SMS

/// {name} placeholders filled in one pass: a value is never scanned again, so a
/// message text that contains "{secret}" stays text.
QString fillTemplate(const QString &text, const QHash<QString, QString> &values)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = text.indexOf(QLatin1Char('{'), i);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(QLatin1Char('}'), open + 1);
        if (close < 0)
            break;
        const QString name = text.mid(open + 1, close - open - 1);
        out += QStringView(text).mid(i, open - i);
        if (values.contains(name)) {
            out += values.value(name);
            i = close + 1;
        } else {
            out += QLatin1Char('{');
            i = open + 1;
        }
    }
    out += QStringView(text).mid(i);
    return out;
}

class SmsChannel final : public Transport
{
public:
    SmsChannel(const ChannelAccount &account, QString secret)
        : m_account(account)
        , m_config(account.config)
        , m_secret(std::move(secret))
    {}
    int connections() const override { return m_account.connections; }

    bool prepare(Transfer &t, const Delivery &d) override
    {
        CURL *e = t.easy;
        const QString c = [this](const char *k) {
            return m_config.value(QLatin1String(k)).toString();
        }("numbers");
        const QString to = formatPhoneFor(d.recipient, c);
        const QString username = m_config.value(QStringLiteral("username")).toString();
        const QString sender = m_config.value(QStringLiteral("sender")).toString();
        const QHash<QString, QString> urlValues{
            {QStringLiteral("secret"), QString::fromLatin1(QUrl::toPercentEncoding(m_secret))},
            {QStringLiteral("username"), QString::fromLatin1(QUrl::toPercentEncoding(username))},
            {QStringLiteral("sender"), QString::fromLatin1(QUrl::toPercentEncoding(sender))}};
        const QByteArray url =
            fillTemplate(m_config.value(QStringLiteral("url")).toString(), urlValues).toUtf8();
        curl_easy_setopt(e, CURLOPT_URL, url.constData());
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "https,http");
        t.http = true;
        if (const int timeout = m_config.value(QStringLiteral("timeoutMs")).toInt(); timeout > 0)
            curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, long(timeout));

        const QString auth = m_config.value(QStringLiteral("auth")).toString();
        if (auth == QLatin1String("basic")) {
            curl_easy_setopt(e, CURLOPT_HTTPAUTH, long(CURLAUTH_BASIC));
            curl_easy_setopt(e, CURLOPT_USERNAME, username.toUtf8().constData());
            curl_easy_setopt(e, CURLOPT_PASSWORD, m_secret.toUtf8().constData());
        } else if (auth == QLatin1String("header")) {
            const QString value = fillTemplate(
                m_config.value(QStringLiteral("authValue")).toString(),
                {{QStringLiteral("secret"), m_secret}, {QStringLiteral("username"), username}});
            t.headers = curl_slist_append(t.headers,
                                          (m_config.value(QStringLiteral("authHeader")).toString() +
                                           QStringLiteral(": ") + value)
                                              .toUtf8()
                                              .constData());
        }

        const QHash<QString, QString> values{{QStringLiteral("to"), to},
                                             {QStringLiteral("text"), d.text},
                                             {QStringLiteral("sender"), sender},
                                             {QStringLiteral("username"), username},
                                             {QStringLiteral("secret"), m_secret}};
        const QJsonObject fields = m_config.value(QStringLiteral("fields")).toObject();
        const bool array =
            m_config.value(QStringLiteral("recipients")).toString() == QLatin1String("array");
        if (m_config.value(QStringLiteral("body")).toString() == QLatin1String("json")) {
            QJsonObject body;
            for (auto it = fields.begin(); it != fields.end(); ++it) {
                const QString tmpl = it.value().toString();
                if (array && tmpl == QLatin1String("{to}"))
                    body.insert(it.key(), QJsonArray{to});
                else
                    body.insert(it.key(), fillTemplate(tmpl, values));
            }
            t.upload = QJsonDocument(body).toJson(QJsonDocument::Compact);
            t.headers = curl_slist_append(t.headers, "Content-Type: application/json");
        } else {
            QByteArray form;
            for (auto it = fields.begin(); it != fields.end(); ++it) {
                if (!form.isEmpty())
                    form += '&';
                form += QUrl::toPercentEncoding(it.key()) + '=' +
                        QUrl::toPercentEncoding(fillTemplate(it.value().toString(), values));
            }
            t.upload = form;
            t.headers =
                curl_slist_append(t.headers, "Content-Type: application/x-www-form-urlencoded");
        }
        t.headers = curl_slist_append(t.headers, "Accept: application/json");
        postUpload(t);
        return true;
    }

    DeliveryResult finish(Transfer &t, int code) override
    {
        DeliveryResult r = resultFor(t);
        const long status = r.code;
        const QString host = QUrl(m_config.value(QStringLiteral("url")).toString()).host();
        if (code != CURLE_OK) {
            if (auto trouble = connectionTrouble(t, code, host))
                return *trouble;
            r.outcome = DeliveryResult::Outcome::Temporary;
            r.reply = curlMessage(t, code);
            return r;
        }
        const QString body = QString::fromUtf8(t.response).trimmed();
        r.reply = QStringLiteral("HTTP %1 %2").arg(status).arg(body.left(500));
        if (status == 401 || status == 403) {
            r.outcome = DeliveryResult::Outcome::AccountError;
            r.reply = tr("%1 refused the API key or login: %2").arg(host, r.reply);
            return r;
        }
        if (status == 429 || status >= 500) {
            r.outcome = DeliveryResult::Outcome::Temporary;
            return r;
        }
        if (status >= 400) {
            r.outcome = DeliveryResult::Outcome::Permanent;
            return r;
        }
        const QJsonValue json = QJsonDocument::fromJson(t.response).object();
        const QString successPath = m_config.value(QStringLiteral("successPath")).toString();
        const QString successValue = m_config.value(QStringLiteral("successValue")).toString();
        bool ok = true;
        if (!successPath.isEmpty()) {
            const QJsonValue v = jsonAt(json, successPath);
            const QString text =
                v.isDouble() ? QString::number(v.toDouble()) : v.toVariant().toString();
            ok = successValue.isEmpty() ? (!v.isUndefined() && !v.isNull() && !text.isEmpty())
                                        : text == successValue;
        }
        if (!ok) {
            r.outcome = DeliveryResult::Outcome::Permanent;
            r.reply = tr("The gateway did not accept the message: %1").arg(r.reply);
            return r;
        }
        r.outcome = DeliveryResult::Outcome::Sent;
        const QJsonValue id = jsonAt(json, m_config.value(QStringLiteral("idPath")).toString());
        r.providerId =
            id.isDouble() ? QString::number(qint64(id.toDouble())) : id.toVariant().toString();
        return r;
    }

private:
    ChannelAccount m_account;
    QJsonObject m_config;
    QString m_secret;
};

// ------------------------------------------------------------------ webhooks

class WebhookChannel final : public Transport
{
public:
    WebhookChannel(QString key, bool allowPrivate)
        : m_key(std::move(key))
        , m_allowPrivate(allowPrivate)
    {}
    int connections() const override { return 2; }

    bool prepare(Transfer &t, const Delivery &d) override
    {
        CURL *e = t.easy;
        const QUrl url(d.recipient);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
            return false;
        }
        curl_easy_setopt(e, CURLOPT_URL, url.toEncoded().constData());
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "https,http");
        t.http = true;
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, 15000L);
        t.allowPrivate = m_allowPrivate || d.allowPrivateNetwork;
        curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, openChecked);
        curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, &t);
        const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        const QByteArray signature =
            QMessageAuthenticationCode::hash(timestamp + '.' + d.content, m_key.toUtf8(),
                                             QCryptographicHash::Sha256)
                .toHex();
        t.upload = d.content;
        t.headers = curl_slist_append(t.headers, "Content-Type: application/json");
        t.headers =
            curl_slist_append(t.headers, QByteArray("X-Masir-Timestamp: " + timestamp).constData());
        t.headers = curl_slist_append(
            t.headers, QByteArray("X-Masir-Signature: sha256=" + signature).constData());
        t.headers = curl_slist_append(
            t.headers, QByteArray("X-Masir-Id: " + QByteArray::number(d.outboxId)).constData());
        postUpload(t);
        return true;
    }

    DeliveryResult finish(Transfer &t, int code) override
    {
        DeliveryResult r = resultFor(t);
        const long status = r.code;
        if (!t.refusedAddress.isEmpty()) {
            r.outcome = DeliveryResult::Outcome::Permanent;
            r.reply = tr("Refused: the address resolves to %1, a private or local network. "
                         "Allow private addresses on the webhook step if this is intended.")
                          .arg(t.refusedAddress);
            return r;
        }
        if (code != CURLE_OK) {
            if (auto trouble = connectionTrouble(t, code, tr("the webhook")))
                return *trouble;
            r.outcome = DeliveryResult::Outcome::Temporary;
            r.reply = curlMessage(t, code);
            return r;
        }
        r.reply = QStringLiteral("HTTP %1 %2")
                      .arg(status)
                      .arg(QString::fromUtf8(t.response).trimmed().left(300));
        if (status >= 200 && status < 300)
            r.outcome = DeliveryResult::Outcome::Sent;
        else if (status == 429 || status >= 500 || status == 408)
            r.outcome = DeliveryResult::Outcome::Temporary;
        else
            r.outcome = DeliveryResult::Outcome::Permanent;
        return r;
    }

private:
    QString m_key;
    bool m_allowPrivate;
};

} // namespace

// ------------------------------------------------------------------ the pool

CurlPool::CurlPool()
{
    ensureCurl();
    m_multi = curl_multi_init();
    // Connections stay open between messages: one per slot, none shared.
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, 64L);
}

CurlPool::~CurlPool()
{
    for (auto &slot : m_slots)
        if (slot->busy)
            curl_multi_remove_handle(m_multi, slot->easy);
    m_slots.clear();
    curl_multi_cleanup(m_multi);
}

int CurlPool::freeSlots(Transport *channel) const
{
    int used = 0;
    for (const auto &slot : m_slots)
        used += (slot->channel == channel && slot->busy);
    return std::max(0, channel->connections() - used);
}

int CurlPool::running() const
{
    int n = 0;
    for (const auto &slot : m_slots)
        n += slot->busy;
    return n;
}

void CurlPool::forget(Transport *channel)
{
    for (auto it = m_slots.begin(); it != m_slots.end();) {
        if ((*it)->channel == channel) {
            if ((*it)->busy)
                curl_multi_remove_handle(m_multi, (*it)->easy);
            it = m_slots.erase(it);
        } else {
            ++it;
        }
    }
}

void CurlPool::start(Transport *channel, const Delivery &d)
{
    Transfer *slot = nullptr;
    for (auto &s : m_slots) {
        if (s->channel == channel && !s->busy) {
            slot = s.get();
            break;
        }
    }
    if (!slot) {
        m_slots.push_back(std::make_unique<Transfer>());
        slot = m_slots.back().get();
        slot->channel = channel;
        slot->easy = curl_easy_init();
    } else {
        // Keep the connection, drop the last message's options.
        curl_easy_reset(slot->easy);
    }
    slot->reset();
    slot->outboxId = d.outboxId;
    commonOptions(*slot);
    if (!channel->prepare(*slot, d)) {
        DeliveryResult r;
        r.outboxId = d.outboxId;
        r.outcome = DeliveryResult::Outcome::Permanent;
        r.reply = Transport::tr("Cannot send to \"%1\": not a valid address.").arg(d.recipient);
        m_done << r;
        return;
    }
    slot->busy = true;
    curl_multi_add_handle(m_multi, slot->easy);
}

QList<DeliveryResult> CurlPool::poll(int timeoutMs)
{
    if (running() == 0)
        return std::exchange(m_done, {});
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        int still = 0;
        curl_multi_perform(m_multi, &still);
        int queued = 0;
        while (CURLMsg *msg = curl_multi_info_read(m_multi, &queued)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            for (auto &slot : m_slots) {
                if (slot->easy != msg->easy_handle)
                    continue;
                const int code = int(msg->data.result);
                curl_multi_remove_handle(m_multi, slot->easy);
                slot->busy = false;
                m_done << slot->channel->finish(*slot, code);
                break;
            }
        }
        if (!m_done.isEmpty() || running() == 0 || deadline.hasExpired())
            break;
        // curl 7.88 does not always hand out the socket of a transfer that starts
        // on a reused SMTP connection, so a poll could sleep its whole timeout
        // with the reply already there: wait in short steps while transfers run.
        long internal = -1;
        curl_multi_timeout(m_multi, &internal);
        qint64 wait = std::min<qint64>(deadline.remainingTime(), kPollStepMs);
        if (internal >= 0)
            wait = std::min<qint64>(wait, internal);
        curl_multi_poll(m_multi, nullptr, 0, int(wait), nullptr);
    }
    return std::exchange(m_done, {});
}

DeliveryResult CurlPool::sendNow(Transport &channel, const Delivery &d,
                                 const std::atomic<bool> *stop)
{
    CurlPool pool;
    pool.start(&channel, d);
    for (;;) {
        const QList<DeliveryResult> done = pool.poll(200);
        if (!done.isEmpty())
            return done.first();
        if (stop && stop->load()) {
            DeliveryResult given;
            given.outboxId = d.outboxId;
            given.outcome = DeliveryResult::Outcome::Ambiguous;
            given.reply = Transport::tr("Stopped before the server answered.");
            return given; // the pool's destructor drops the transfer
        }
    }
}

std::unique_ptr<Transport> makeSmtpChannel(const ChannelAccount &account, const QString &secret)
{
    return std::make_unique<SmtpChannel>(account, secret);
}

std::unique_ptr<Transport> makeSmsChannel(const ChannelAccount &account, const QString &secret)
{
    return std::make_unique<SmsChannel>(account, secret);
}

std::unique_ptr<Transport> makeWebhookChannel(const QString &signingKey, bool allowPrivate)
{
    return std::make_unique<WebhookChannel>(signingKey, allowPrivate);
}

QString formatPhoneFor(const QString &e164, const QString &format)
{
    if (format == QLatin1String("international"))
        return QString(e164).remove(QLatin1Char('+'));
    if (format == QLatin1String("national")) {
        const QString national = PhoneNumbers::nationalDigits(e164);
        return national.isEmpty() ? QString(e164).remove(QLatin1Char('+')) : national;
    }
    return e164.startsWith(QLatin1Char('+')) ? e164 : QLatin1Char('+') + e164;
}

QJsonValue jsonAt(const QJsonValue &root, const QString &path)
{
    QJsonValue v = root;
    if (path.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    for (const QString &part : path.split(QLatin1Char('.'))) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        if (isIndex && v.isArray())
            v = v.toArray().at(index);
        else if (v.isObject())
            v = v.toObject().value(part);
        else
            return QJsonValue(QJsonValue::Undefined);
    }
    return v;
}

} // namespace masir
