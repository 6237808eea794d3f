#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// Sends per second, hour and day; 0 is no limit.
struct RateLimits
{
    int perSecond = 0;
    int perHour = 0;
    int perDay = 0;
    bool operator==(const RateLimits &) const = default;
};

/// An SMTP account or an SMS gateway. The config holds no secret: the password
/// or API key is in the SecretStore under the account's name.
///
/// SMTP config: host, port, security (starttls|tls|none), user, from
/// ("Name <addr>"), replyTo, auth (auto|plain|login|xoauth2), caFile.
///
/// SMS config (a generic HTTP gateway): preset, method, url (a template with
/// {secret}, {username}, {sender}), auth (path|header|basic|none), authHeader,
/// authValue ("Bearer {secret}"), username, sender, body (form|json), fields
/// (parameter → template with {to}, {text}, {sender}, {username}, {secret}),
/// recipients (one|joined|array), separator, successPath, successValue, idPath,
/// numbers (e164 +98…, international 98…, national 09…), timeoutMs (default 60 s).
struct ChannelAccount
{
    qint64 id = 0;
    QString name;
    QString kind = QStringLiteral("smtp"); ///< "smtp" or "sms"
    QJsonObject config;
    RateLimits limits;
    int connections = 1;
    bool enabled = true;

    bool isSmtp() const { return kind == QLatin1String("smtp"); }
    QString channel() const { return isSmtp() ? QStringLiteral("email") : QStringLiteral("sms"); }
    bool operator==(const ChannelAccount &) const = default;
};

/// Ready-made limits (Gmail 500 a day, Google Workspace 2,000, ...).
struct LimitPreset
{
    QString key;
    QString label;
    RateLimits limits;
};

class ChannelAccounts final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ChannelAccounts)

public:
    explicit ChannelAccounts(const Database &db);

    QList<ChannelAccount> list() const;
    std::optional<ChannelAccount> find(const QString &name) const;
    std::optional<ChannelAccount> find(qint64 id) const;
    bool save(ChannelAccount &account);
    bool remove(qint64 id);
    QString errorString() const { return m_error; }

    /// Problems with a config, each a sentence that says what to fix.
    static QStringList validate(const ChannelAccount &account);

    static QStringList smsPresets();
    static QString presetLabel(const QString &preset);
    /// A gateway definition for a known provider; \a baseUrl replaces the
    /// provider's scheme and host (a test server, a proxy).
    static QJsonObject smsPreset(const QString &preset, const QString &baseUrl = {});
    static QList<LimitPreset> limitPresets();

private:
    const Database &m_db;
    QString m_error;
};

} // namespace masir
