#include "storage/WorkspaceAddress.h"

#include <QUrl>
#include <QUrlQuery>

namespace masir {

namespace {

/// libpq's connection options that may be given in a URL's query; others are
/// refused by name rather than passed on and failing on the server.
const QStringList &knownOptions()
{
    static const QStringList known = {
        QStringLiteral("host"),
        QStringLiteral("hostaddr"),
        QStringLiteral("port"),
        QStringLiteral("connect_timeout"),
        QStringLiteral("sslmode"),
        QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"),
        QStringLiteral("sslkey"),
        QStringLiteral("sslcrl"),
        QStringLiteral("application_name"),
        QStringLiteral("options"),
        QStringLiteral("target_session_attrs"),
        QStringLiteral("keepalives"),
        QStringLiteral("keepalives_idle"),
        QStringLiteral("service"),
        QStringLiteral("channel_binding"),
        QStringLiteral("gssencmode"),
        QStringLiteral("passfile"),
        QStringLiteral("keepalives_interval"),
        QStringLiteral("keepalives_count"),
        QStringLiteral("tcp_user_timeout"),
    };
    return known;
}

} // namespace

bool WorkspaceAddress::isUrl(const QString &text)
{
    const QString t = text.trimmed();
    return t.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           t.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

std::optional<WorkspaceAddress> WorkspaceAddress::parse(const QString &text, QString *error)
{
    WorkspaceAddress a;
    if (!isUrl(text)) {
        a.m_path = text;
        return a;
    }
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid()) {
        if (error)
            *error = tr("The workspace address is not a valid URL. Write it as "
                        "postgresql://user@server/database, with special characters in the "
                        "password written as %XX.");
        return std::nullopt;
    }
    a.m_engine = Engine::PostgreSQL;
    a.m_host = url.host();
    a.m_port = url.port(0);
    // %XX in them stands for the character (a password with % or a space)
    a.m_user = url.userName(QUrl::FullyDecoded);
    a.m_password = url.password(QUrl::FullyDecoded);
    a.m_database = url.path().mid(1);
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!knownOptions().contains(key)) {
            if (error)
                *error = tr("The address has an option PostgreSQL does not know: \"%1\". "
                            "Remove it, or check its spelling.")
                             .arg(key);
            return std::nullopt;
        }
        if (value.contains(QLatin1Char(';'))) {
            if (error)
                *error = tr("The address's option \"%1\" has a \";\" in its value, which "
                            "Masir cannot pass on. Remove it.")
                             .arg(key);
            return std::nullopt;
        }
        if (key == QLatin1String("host"))
            a.m_host = value;
        else if (key == QLatin1String("port"))
            a.m_port = value.toInt();
        else
            a.m_options.insert(key, value);
    }
    if (a.m_database.isEmpty() || a.m_database.contains(QLatin1Char('/'))) {
        if (error)
            *error = tr("The address names no database: add it after the server, as in "
                        "postgresql://user@server/database.");
        return std::nullopt;
    }
    return a;
}

QString WorkspaceAddress::display() const
{
    if (!isPostgres())
        return m_path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(m_user);
    const bool socket = m_host.startsWith(QLatin1Char('/'));
    if (!socket)
        url.setHost(m_host);
    if (m_port)
        url.setPort(m_port);
    url.setPath(QLatin1Char('/') + m_database);
    QUrlQuery query;
    if (socket)
        query.addQueryItem(QStringLiteral("host"), m_host);
    for (auto it = m_options.cbegin(); it != m_options.cend(); ++it)
        query.addQueryItem(it.key(), it.value());
    url.setQuery(query);
    return url.toString();
}

} // namespace masir
