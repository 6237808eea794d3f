#include "messaging/ImapMailbox.h"

#include "messaging/ChannelAccounts.h"

#include <QRegularExpression>
#include <QUrl>

#include <curl/curl.h>

namespace masir {

namespace {

struct Reply
{
    QByteArray data;
    qsizetype limit = 0;
    bool overflow = false;
    QString lastLine; ///< the server's last status line, for errors
};

size_t collect(char *data, size_t size, size_t count, void *userdata)
{
    auto *r = static_cast<Reply *>(userdata);
    const size_t n = size * count;
    if (r->data.size() + qsizetype(n) > r->limit) {
        r->overflow = true;
        return 0; // curl stops with a write error
    }
    r->data.append(data, qsizetype(n));
    return n;
}

int serverLines(CURL *, curl_infotype type, char *data, size_t size, void *userdata)
{
    if (type != CURLINFO_HEADER_IN)
        return 0;
    const QString line = QString::fromUtf8(data, qsizetype(std::min<size_t>(size, 400))).trimmed();
    // a tagged refusal ("A003 NO ...", "A003 BAD ...") says what went wrong
    const QString word = line.section(QLatin1Char(' '), 1, 1);
    if (word == QLatin1String("NO") || word == QLatin1String("BAD"))
        static_cast<Reply *>(userdata)->lastLine = line;
    return 0;
}

int stopRequested(void *userdata, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *stop = static_cast<const std::atomic<bool> *>(userdata);
    return stop && stop->load() ? 1 : 0;
}

QByteArray imapDate(QDate day)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return QByteArray::number(day.day()) + '-' + months[day.month() - 1] + '-' +
           QByteArray::number(day.year());
}

/// The numbers of "* SEARCH 4 5 9" lines.
QList<qint64> searchResult(const QByteArray &reply)
{
    QList<qint64> out;
    for (const QByteArray &line : reply.split('\n')) {
        const QByteArray l = line.trimmed();
        if (!l.startsWith("* SEARCH"))
            continue;
        for (const QByteArray &word : l.mid(8).split(' ')) {
            bool ok = false;
            const qint64 n = word.toLongLong(&ok);
            if (ok)
                out << n;
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

QJsonObject MailboxSettings::toJson() const
{
    QJsonObject o{{QStringLiteral("url"), url}, {QStringLiteral("user"), user}};
    if (!caFile.isEmpty())
        o.insert(QStringLiteral("caFile"), caFile);
    return o;
}

MailboxSettings MailboxSettings::of(const ChannelAccount &account)
{
    const QJsonObject o = account.config.value(QStringLiteral("mailbox")).toObject();
    return {o.value(QStringLiteral("url")).toString(), o.value(QStringLiteral("user")).toString(),
            o.value(QStringLiteral("caFile")).toString()};
}

QString MailboxSettings::secretName(const QString &accountName)
{
    return accountName + QStringLiteral(".imap");
}

QString MailboxSettings::problem() const
{
    const QUrl u(url); // "[Gmail]/All Mail" as typed
    if (url.trimmed().isEmpty())
        return ImapMailbox::tr("Enter the mailbox's address, such as "
                               "imaps://imap.example.com/INBOX.");
    if (!u.isValid() || u.host().isEmpty() ||
        (u.scheme() != QLatin1String("imaps") && u.scheme() != QLatin1String("imap")))
        return ImapMailbox::tr("\"%1\" is not a mailbox address; enter one such as "
                               "imaps://imap.example.com/INBOX (or imap://… for STARTTLS).")
            .arg(url);
    if (user.trimmed().isEmpty())
        return ImapMailbox::tr("Enter the user name of the mailbox.");
    return {};
}

ImapMailbox::ImapMailbox(MailboxSettings settings, QString password, const std::atomic<bool> *stop)
    : m_settings(std::move(settings))
    , m_password(std::move(password))
    , m_stop(stop)
{
    const QUrl u(m_settings.url);
    const int port = u.port(u.scheme() == QLatin1String("imaps") ? 993 : 143);
    m_base = QStringLiteral("%1://%2:%3").arg(u.scheme(), u.host()).arg(port);
    m_mailbox = u.path().mid(1);
    if (m_mailbox.isEmpty())
        m_mailbox = QStringLiteral("INBOX");
    curl_global_init(CURL_GLOBAL_DEFAULT); // reference counted; cheap after the first call
    m_curl = curl_easy_init();
}

ImapMailbox::~ImapMailbox()
{
    if (m_curl)
        curl_easy_cleanup(m_curl);
}

std::optional<QByteArray> ImapMailbox::perform(const QString &path, const QByteArray &command)
{
    m_error.clear();
    m_tooLarge = false;
    if (const QString problem = m_settings.problem(); !problem.isEmpty()) {
        m_error = problem;
        m_settingsError = true;
        return std::nullopt;
    }
    if (!m_curl) {
        m_error = tr("Cannot start a network request.");
        return std::nullopt;
    }
    CURL *e = m_curl;
    Reply reply;
    reply.limit = kMaxMessageBytes;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const QByteArray url = (m_base + QLatin1Char('/') + path).toUtf8();
    curl_easy_setopt(e, CURLOPT_URL, url.constData());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "imap,imaps");
    curl_easy_setopt(e, CURLOPT_USE_SSL, long(CURLUSESSL_ALL)); // imap://: STARTTLS or nothing
    curl_easy_setopt(e, CURLOPT_USERNAME, m_settings.user.toUtf8().constData());
    curl_easy_setopt(e, CURLOPT_PASSWORD, m_password.toUtf8().constData());
    if (!m_settings.caFile.isEmpty())
        curl_easy_setopt(e, CURLOPT_CAINFO, m_settings.caFile.toUtf8().constData());
    curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, command.isEmpty() ? nullptr : command.constData());
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &reply);
    curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, serverLines);
    curl_easy_setopt(e, CURLOPT_DEBUGDATA, &reply);
    curl_easy_setopt(e, CURLOPT_VERBOSE, 1L); // feeds serverLines; curl prints nothing with it
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, 15000L);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, 60L);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, stopRequested);
    curl_easy_setopt(e, CURLOPT_XFERINFODATA, m_stop);
    const CURLcode code = curl_easy_perform(e);
    if (code == CURLE_OK)
        return reply.data;
    const QUrl shown(m_settings.url);
    const QString where = shown.host();
    const QString curlText =
        QString::fromUtf8(*errorBuffer ? errorBuffer : curl_easy_strerror(code));
    const QString server = reply.lastLine.section(QLatin1Char(' '), 1); // without its tag
    if (reply.overflow) {
        m_tooLarge = true;
        m_error = tr("The message is larger than %n MB.", nullptr, int(kMaxMessageBytes >> 20));
    } else if (code == CURLE_ABORTED_BY_CALLBACK) {
        m_error = tr("Stopped.");
    } else if (code == CURLE_LOGIN_DENIED) {
        m_settingsError = true;
        m_error = tr("The mail server %1 refused the login for %2: %3")
                      .arg(where, m_settings.user, server.isEmpty() ? curlText : server);
    } else if (code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE ||
               code == CURLE_SSL_CERTPROBLEM) {
        m_settingsError = true;
        m_error = tr("The certificate of %1 is not trusted (%2). If you trust this server, "
                     "choose its certificate or CA file for the mailbox.")
                      .arg(where, curlText);
    } else if (code == CURLE_USE_SSL_FAILED) {
        m_settingsError = true;
        m_error = tr("%1 does not offer STARTTLS; use an imaps:// address (port 993).").arg(where);
    } else if (code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL) {
        m_settingsError = true;
        m_error =
            tr("\"%1\" is not a mailbox address libcurl can use: %2").arg(m_settings.url, curlText);
    } else if (!server.isEmpty() && code != CURLE_COULDNT_CONNECT &&
               code != CURLE_COULDNT_RESOLVE_HOST && code != CURLE_OPERATION_TIMEDOUT) {
        m_error = tr("The mail server %1 answered: %2").arg(where, server);
        // a mailbox that does not exist cannot be read until the address changes
        if (server.contains(QLatin1String("Mailbox doesn't exist"), Qt::CaseInsensitive) ||
            server.contains(QLatin1String("NONEXISTENT"), Qt::CaseInsensitive))
            m_settingsError = true;
    } else {
        m_error = tr("Cannot reach the mail server %1: %2").arg(where, curlText);
    }
    return std::nullopt;
}

std::optional<ImapMailbox::Status> ImapMailbox::status()
{
    QByteArray name = m_mailbox.toUtf8();
    name.replace('\\', "\\\\").replace('"', "\\\"");
    const auto reply = perform(QString(), "STATUS \"" + name + "\" (UIDVALIDITY UIDNEXT MESSAGES)");
    if (!reply)
        return std::nullopt;
    static const QRegularExpression validity(QStringLiteral("UIDVALIDITY (\\d+)"));
    static const QRegularExpression next(QStringLiteral("UIDNEXT (\\d+)"));
    static const QRegularExpression messages(QStringLiteral("MESSAGES (\\d+)"));
    const QString text = QString::fromUtf8(*reply);
    const auto v = validity.match(text);
    const auto n = next.match(text);
    if (!v.hasMatch() || !n.hasMatch()) {
        m_error = tr("The mail server did not say the mailbox's UIDVALIDITY: %1")
                      .arg(text.left(200).trimmed());
        return std::nullopt;
    }
    m_uidNext = n.captured(1).toLongLong();
    return Status{v.captured(1).toLongLong(), m_uidNext,
                  messages.match(text).captured(1).toLongLong()};
}

std::optional<QList<qint64>> ImapMailbox::search(const QByteArray &criteria)
{
    const auto reply = perform(QString::fromUtf8(QUrl::toPercentEncoding(m_mailbox, "/")),
                               "UID SEARCH " + criteria);
    if (!reply)
        return std::nullopt;
    return searchResult(*reply);
}

std::optional<QList<qint64>> ImapMailbox::searchSpan(qint64 first, qint64 last,
                                                     const QByteArray &more)
{
    auto uids = search("UID " + QByteArray::number(first) + ':' + QByteArray::number(last) +
                       (more.isEmpty() ? QByteArray() : ' ' + more));
    // a server may name the newest message for a span past it
    if (uids)
        uids->removeIf([first, last](qint64 uid) { return uid < first || uid > last; });
    return uids;
}

bool ImapMailbox::knowNext()
{
    return m_uidNext > 0 || status().has_value();
}

std::optional<QList<qint64>> ImapMailbox::uidsFrom(qint64 firstUid, int limit)
{
    if (!knowNext())
        return std::nullopt;
    QList<qint64> out;
    for (qint64 a = std::max<qint64>(firstUid, 1); a < m_uidNext && out.size() < limit;
         a += kSearchSpan) {
        const auto span = searchSpan(a, std::min(a + kSearchSpan - 1, m_uidNext - 1), {});
        if (!span)
            return std::nullopt;
        out << *span;
    }
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

std::optional<QList<qint64>> ImapMailbox::uidsSince(QDate day)
{
    if (!knowNext())
        return std::nullopt;
    // Newest first, until a span has nothing that recent: mail arrives in UID order.
    QList<qint64> out;
    for (qint64 b = m_uidNext - 1; b >= 1; b -= kSearchSpan) {
        const auto span =
            searchSpan(std::max<qint64>(1, b - kSearchSpan + 1), b, "SINCE " + imapDate(day));
        if (!span)
            return std::nullopt;
        if (span->isEmpty())
            break;
        out = *span + out;
    }
    return out;
}

std::optional<QSet<qint64>> ImapMailbox::unreadIn(qint64 first, qint64 last)
{
    // as many answers as messages asked about: the caller asks about a batch
    const auto uids = searchSpan(first, last, "UNSEEN");
    if (!uids)
        return std::nullopt;
    return QSet<qint64>(uids->cbegin(), uids->cend());
}

std::optional<QByteArray> ImapMailbox::fetch(qint64 uidValidity, qint64 uid)
{
    const QString path = QString::fromUtf8(QUrl::toPercentEncoding(m_mailbox, "/")) +
                         QStringLiteral(";UIDVALIDITY=%1/;UID=%2").arg(uidValidity).arg(uid);
    return perform(path, {});
}

bool ImapMailbox::markUnread(qint64 uid)
{
    return perform(QString::fromUtf8(QUrl::toPercentEncoding(m_mailbox, "/")),
                   "UID STORE " + QByteArray::number(uid) + " -FLAGS.SILENT (\\Seen)")
        .has_value();
}

} // namespace masir
