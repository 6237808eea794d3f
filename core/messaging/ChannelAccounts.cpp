#include "messaging/ChannelAccounts.h"

#include "messaging/ImapMailbox.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace masir {

namespace {

const QString kSelect = QStringLiteral("SELECT id, name, kind, config, per_second, per_hour, "
                                       "per_day, connections, enabled FROM channel_accounts");

ChannelAccount fromQuery(const QSqlQuery &q)
{
    ChannelAccount a;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.kind = q.value(2).toString();
    a.config = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    a.limits = {q.value(4).toInt(), q.value(5).toInt(), q.value(6).toInt()};
    a.connections = std::max(1, q.value(7).toInt());
    a.enabled = q.value(8).toBool();
    return a;
}

QString withBase(const QString &url, const QString &baseUrl)
{
    if (baseUrl.isEmpty())
        return url;
    const QUrl u(url);
    QString base = baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + u.path(QUrl::FullyEncoded)
                      .replace(QStringLiteral("%7B"), QStringLiteral("{"))
                      .replace(QStringLiteral("%7D"), QStringLiteral("}"));
}

} // namespace

ChannelAccounts::ChannelAccounts(const Database &db)
    : m_db(db)
{}

QList<ChannelAccount> ChannelAccounts::list() const
{
    QList<ChannelAccount> out;
    QSqlQuery q(m_db.connection());
    if (q.exec(kSelect + QStringLiteral(" ORDER BY kind, id")))
        while (q.next())
            out << fromQuery(q);
    return out;
}

std::optional<ChannelAccount> ChannelAccounts::find(const QString &name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + QStringLiteral(" WHERE name = ?"));
    q.addBindValue(name);
    if (q.exec() && q.next())
        return fromQuery(q);
    return std::nullopt;
}

std::optional<ChannelAccount> ChannelAccounts::find(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return fromQuery(q);
    return std::nullopt;
}

QStringList ChannelAccounts::validate(const ChannelAccount &a)
{
    QStringList problems;
    if (a.name.trimmed().isEmpty())
        problems << tr("Give the account a name.");
    const QJsonObject &c = a.config;
    if (a.isSmtp()) {
        if (c.value(QStringLiteral("host")).toString().trimmed().isEmpty())
            problems << tr("Enter the SMTP server's host name.");
        const int port = c.value(QStringLiteral("port")).toInt();
        if (port <= 0 || port > 65535)
            problems << tr("Enter the SMTP port (587 for STARTTLS, 465 for TLS).");
        const QString security = c.value(QStringLiteral("security")).toString();
        if (security != QLatin1String("starttls") && security != QLatin1String("tls") &&
            security != QLatin1String("none"))
            problems << tr("Security must be starttls, tls or none.");
        const QString from = c.value(QStringLiteral("from")).toString();
        if (!from.contains(QLatin1Char('@')))
            problems << tr("Enter the From address, e.g. \"Shop <news@shop.example>\".");
        if (const MailboxSettings mailbox = MailboxSettings::of(a); mailbox.isSet())
            if (const QString problem = mailbox.problem(); !problem.isEmpty())
                problems << problem;
    } else if (a.kind == QLatin1String("sms")) {
        const QUrl url(c.value(QStringLiteral("url")).toString());
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            problems << tr("Enter the gateway's web address (https://...).");
        if (!c.value(QStringLiteral("fields")).isObject())
            problems << tr("The gateway needs its request fields.");
        if (c.value(QStringLiteral("sender")).toString().isEmpty())
            problems << tr("Enter the sender number or name the gateway gave you.");
    } else {
        problems << tr("An account is SMTP or SMS.");
    }
    if (a.limits.perSecond < 0 || a.limits.perHour < 0 || a.limits.perDay < 0)
        problems << tr("Limits cannot be negative.");
    if (a.connections < 1 || a.connections > 16)
        problems << tr("Use between 1 and 16 connections.");
    return problems;
}

bool ChannelAccounts::save(ChannelAccount &a)
{
    a.name = a.name.simplified();
    const QStringList problems = validate(a);
    if (!problems.isEmpty()) {
        m_error = problems.join(QLatin1Char(' '));
        return false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_db.connection());
    const QVariantList values{
        a.name,
        a.kind,
        QString::fromUtf8(QJsonDocument(a.config).toJson(QJsonDocument::Compact)),
        a.limits.perSecond,
        a.limits.perHour,
        a.limits.perDay,
        a.connections,
        a.enabled ? 1 : 0,
        now};
    bool ok;
    if (a.id == 0) {
        ok = Sql::exec(
            lcSend(), q,
            QStringLiteral(
                "INSERT INTO channel_accounts (name, kind, config, "
                "per_second, per_hour, per_day, connections, enabled, "
                "updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            values + QVariantList{now}, &m_error);
        if (ok)
            a.id = q.next() ? q.value(0).toLongLong() : 0;
        q.finish();
    } else {
        ok = Sql::exec(lcSend(), q,
                       QStringLiteral("UPDATE channel_accounts SET name = ?, kind = ?, config = ?, "
                                      "per_second = ?, per_hour = ?, per_day = ?, connections = ?, "
                                      "enabled = ?, updated_at = ? WHERE id = ?"),
                       values + QVariantList{a.id}, &m_error);
    }
    if (!ok && m_error.contains(QLatin1String("UNIQUE")))
        m_error = tr("There is already an account named \"%1\".").arg(a.name);
    return ok;
}

bool ChannelAccounts::remove(qint64 id)
{
    QSqlQuery q(m_db.connection());
    return Sql::exec(lcSend(), q, QStringLiteral("DELETE FROM channel_accounts WHERE id = ?"), {id},
                     &m_error);
}

QStringList ChannelAccounts::smsPresets()
{
    return {QStringLiteral("twilio"), QStringLiteral("kavenegar"), QStringLiteral("melipayamak"),
            QStringLiteral("smsir"),  QStringLiteral("ghasedak"),  QStringLiteral("custom")};
}

QString ChannelAccounts::presetLabel(const QString &preset)
{
    if (preset == QLatin1String("twilio"))
        return QStringLiteral("Twilio");
    if (preset == QLatin1String("kavenegar"))
        return tr("Kavenegar");
    if (preset == QLatin1String("melipayamak"))
        return tr("Melipayamak");
    if (preset == QLatin1String("smsir"))
        return tr("sms.ir");
    if (preset == QLatin1String("ghasedak"))
        return tr("Ghasedak");
    return tr("Other HTTP gateway");
}

QJsonObject ChannelAccounts::smsPreset(const QString &preset, const QString &baseUrl)
{
    auto obj = [](std::initializer_list<std::pair<const char *, QJsonValue>> pairs) {
        QJsonObject o;
        for (const auto &[k, v] : pairs)
            o.insert(QLatin1String(k), v);
        return o;
    };
    QJsonObject c;
    if (preset == QLatin1String("twilio")) {
        c = obj({{"url", QStringLiteral("https://api.twilio.com/2010-04-01/Accounts/{username}/"
                                        "Messages.json")},
                 {"auth", QStringLiteral("basic")},
                 {"body", QStringLiteral("form")},
                 {"fields", obj({{"To", QStringLiteral("{to}")},
                                 {"From", QStringLiteral("{sender}")},
                                 {"Body", QStringLiteral("{text}")}})},
                 {"recipients", QStringLiteral("one")},
                 {"successPath", QStringLiteral("sid")},
                 {"idPath", QStringLiteral("sid")},
                 {"numbers", QStringLiteral("e164")}});
    } else if (preset == QLatin1String("kavenegar")) {
        c = obj({{"url", QStringLiteral("https://api.kavenegar.com/v1/{secret}/sms/send.json")},
                 {"auth", QStringLiteral("path")},
                 {"body", QStringLiteral("form")},
                 {"fields", obj({{"receptor", QStringLiteral("{to}")},
                                 {"sender", QStringLiteral("{sender}")},
                                 {"message", QStringLiteral("{text}")}})},
                 {"recipients", QStringLiteral("joined")},
                 {"separator", QStringLiteral(",")},
                 {"successPath", QStringLiteral("return.status")},
                 {"successValue", QStringLiteral("200")},
                 {"idPath", QStringLiteral("entries.0.messageid")},
                 {"numbers", QStringLiteral("national")}});
    } else if (preset == QLatin1String("melipayamak")) {
        c = obj({{"url", QStringLiteral("https://rest.payamak-panel.com/api/SendSMS/SendSMS")},
                 {"auth", QStringLiteral("none")},
                 {"body", QStringLiteral("form")},
                 {"fields", obj({{"username", QStringLiteral("{username}")},
                                 {"password", QStringLiteral("{secret}")},
                                 {"to", QStringLiteral("{to}")},
                                 {"from", QStringLiteral("{sender}")},
                                 {"text", QStringLiteral("{text}")}})},
                 {"recipients", QStringLiteral("joined")},
                 {"separator", QStringLiteral(",")},
                 {"successPath", QStringLiteral("RetStatus")},
                 {"successValue", QStringLiteral("1")},
                 {"idPath", QStringLiteral("Value")},
                 {"numbers", QStringLiteral("national")}});
    } else if (preset == QLatin1String("smsir")) {
        c = obj({{"url", QStringLiteral("https://api.sms.ir/v1/send/bulk")},
                 {"auth", QStringLiteral("header")},
                 {"authHeader", QStringLiteral("X-API-KEY")},
                 {"authValue", QStringLiteral("{secret}")},
                 {"body", QStringLiteral("json")},
                 {"fields", obj({{"lineNumber", QStringLiteral("{sender}")},
                                 {"messageText", QStringLiteral("{text}")},
                                 {"mobiles", QStringLiteral("{to}")}})},
                 {"recipients", QStringLiteral("array")},
                 {"successPath", QStringLiteral("status")},
                 {"successValue", QStringLiteral("1")},
                 {"idPath", QStringLiteral("data.messageIds.0")},
                 {"numbers", QStringLiteral("national")}});
    } else if (preset == QLatin1String("ghasedak")) {
        c = obj({{"url", QStringLiteral("https://api.ghasedak.me/v2/sms/send/simple")},
                 {"auth", QStringLiteral("header")},
                 {"authHeader", QStringLiteral("apikey")},
                 {"authValue", QStringLiteral("{secret}")},
                 {"body", QStringLiteral("form")},
                 {"fields", obj({{"receptor", QStringLiteral("{to}")},
                                 {"linenumber", QStringLiteral("{sender}")},
                                 {"message", QStringLiteral("{text}")}})},
                 {"recipients", QStringLiteral("joined")},
                 {"separator", QStringLiteral(",")},
                 {"successPath", QStringLiteral("result.code")},
                 {"successValue", QStringLiteral("200")},
                 {"idPath", QStringLiteral("items.0")},
                 {"numbers", QStringLiteral("national")}});
    } else {
        c = obj({{"url", QStringLiteral("https://")},
                 {"auth", QStringLiteral("header")},
                 {"authHeader", QStringLiteral("Authorization")},
                 {"authValue", QStringLiteral("Bearer {secret}")},
                 {"body", QStringLiteral("json")},
                 {"fields", obj({{"to", QStringLiteral("{to}")},
                                 {"from", QStringLiteral("{sender}")},
                                 {"text", QStringLiteral("{text}")}})},
                 {"recipients", QStringLiteral("one")},
                 {"successPath", QString()},
                 {"idPath", QStringLiteral("id")},
                 {"numbers", QStringLiteral("e164")}});
    }
    c.insert(QStringLiteral("preset"), preset);
    c.insert(QStringLiteral("method"), QStringLiteral("POST"));
    c.insert(QStringLiteral("url"), withBase(c.value(QStringLiteral("url")).toString(), baseUrl));
    return c;
}

QList<LimitPreset> ChannelAccounts::limitPresets()
{
    return {
        {QStringLiteral("none"), tr("No limit"), {}},
        {QStringLiteral("gmail"), tr("Gmail (500 a day)"), {1, 100, 500}},
        {QStringLiteral("workspace"), tr("Google Workspace (2,000 a day)"), {2, 400, 2000}},
        {QStringLiteral("outlook"), tr("Outlook.com (300 a day)"), {1, 100, 300}},
        {QStringLiteral("microsoft365"), tr("Microsoft 365 (10,000 a day)"), {5, 2000, 10000}},
        {QStringLiteral("ses"), tr("Amazon SES, starting quota (14 a second)"), {14, 0, 50000}},
    };
}

} // namespace masir
