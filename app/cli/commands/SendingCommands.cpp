// masir-cli: channels, templates, sending, the outbox, unsubscribe links and
// the workspace's settings.

#include "CliCommand.h"

#include "common/Clock.h"
#include "contacts/ContactRepository.h"
#include "contacts/PhoneNumbers.h"
#include "intake/MailboxPoller.h"
#include "intake/ReturnedMail.h"
#include "messaging/BounceParser.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/ImapMailbox.h"
#include "messaging/MessageRenderer.h"
#include "messaging/Outbox.h"
#include "messaging/SecretStore.h"
#include "messaging/TestSend.h"
#include "messaging/UnsubscribeTokens.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace masir {

namespace {

QCommandLineOption jsonOption()
{
    return {QStringLiteral("json"), CliRun::tr("Print JSON.")};
}

QString printableTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
}

SecretStore secretsOf(const Database &db)
{
    return SecretStore::ofWorkspace(db);
}

/// channel add smtp and channel add sms.
class ChannelAdd final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    explicit ChannelAdd(bool smtp)
        : CliCommand(definition(smtp))
        , m_smtp(smtp)
    {}

    int check(CliRun &run) const override
    {
        if (!run.words.isEmpty())
            return run.usageError(tr("channel add %1 takes only options.").arg(kind()));
        if (!limits(run))
            return 2;
        if (!m_smtp && !ChannelAccounts::smsPresets().contains(run.value(QStringLiteral("preset"))))
            return run.usageError(
                tr("--preset must be one of: %1")
                    .arg(ChannelAccounts::smsPresets().join(QLatin1String(", "))));
        return Proceed;
    }

    int execute(CliRun &run) const override
    {
        ChannelAccount a = account(run);
        ChannelAccounts accounts(*run.db);
        if (const auto existing = accounts.find(a.name)) {
            if (!run.isSet(QStringLiteral("replace")))
                return run.fail(tr("There is already an account named \"%1\"; add --replace to "
                                   "change it.")
                                    .arg(a.name));
            a.id = existing->id;
        }
        const QStringList problems = ChannelAccounts::validate(a);
        if (!problems.isEmpty())
            return run.fail(problems.join(QLatin1Char('\n')));
        SecretStore secrets = secretsOf(*run.db);
        const QString variable =
            m_smtp ? QStringLiteral("MASIR_SMTP_PASSWORD") : QStringLiteral("MASIR_SMS_SECRET");
        const bool needsSecret = !m_smtp || !run.value(QStringLiteral("user")).isEmpty();
        if (qEnvironmentVariableIsSet(variable.toLatin1().constData())) {
            if (!secrets.write(a.name, qEnvironmentVariable(variable.toLatin1().constData())))
                return run.fail(tr("Cannot store the secret in %1: %2")
                                    .arg(secrets.location(), secrets.errorString()));
        } else if (needsSecret && !secrets.read(a.name)) {
            return run.fail(tr("Set %1 to the password or API key; Masir keeps it in %2, never "
                               "in the workspace.")
                                .arg(variable, secrets.location()));
        }
        if (!accounts.save(a))
            return run.fail(accounts.errorString());
        run.out << tr("Account \"%1\" saved; its secret is in %2.").arg(a.name, secrets.location())
                << '\n';
        return 0;
    }

private:
    QString kind() const { return m_smtp ? QStringLiteral("smtp") : QStringLiteral("sms"); }

    static Definition definition(bool smtp)
    {
        QList<QCommandLineOption> options = {
            {QStringLiteral("name"), tr("The account's name."), QStringLiteral("N")},
            {QStringLiteral("connections"), tr("Parallel connections."), QStringLiteral("N"),
             QStringLiteral("1")},
            {QStringLiteral("limits"), tr("A limits preset: gmail, workspace, ..."),
             QStringLiteral("PRESET")},
            {QStringLiteral("per-second"), tr("Sends a second."), QStringLiteral("N")},
            {QStringLiteral("per-hour"), tr("Sends an hour."), QStringLiteral("N")},
            {QStringLiteral("per-day"), tr("Sends a day."), QStringLiteral("N")},
            {QStringLiteral("replace"), tr("Replace an account of the same name.")}};
        if (smtp) {
            for (const char *o :
                 {"host", "port", "security", "user", "from", "reply-to", "ca-file", "auth"})
                options << QCommandLineOption(QLatin1String(o), tr("SMTP setting."),
                                              QStringLiteral("V"));
            return {QStringLiteral("channel add smtp"),
                    QStringLiteral("--name N --host H --port P --security starttls|tls|none "
                                   "[--user U] [--from \"Name <addr>\"]"),
                    tr("add an SMTP account (password: MASIR_SMTP_PASSWORD)"), options};
        }
        for (const char *o : {"preset", "url", "sender", "username", "numbers"})
            options << QCommandLineOption(QLatin1String(o), tr("Gateway setting."),
                                          QStringLiteral("V"));
        return {QStringLiteral("channel add sms"),
                QStringLiteral("--name N --preset twilio|kavenegar|melipayamak|smsir|ghasedak|"
                               "custom [--url BASE] [--sender S]"),
                tr("add an SMS gateway (key: MASIR_SMS_SECRET)"), options};
    }

    /// The rate limits: a preset, then the numbers given one by one.
    static std::optional<RateLimits> limits(CliRun &run)
    {
        RateLimits limits;
        if (run.isSet(QStringLiteral("limits"))) {
            const QString key = run.value(QStringLiteral("limits"));
            const auto presets = ChannelAccounts::limitPresets();
            const auto preset = std::find_if(presets.cbegin(), presets.cend(),
                                             [&](const LimitPreset &p) { return p.key == key; });
            if (preset == presets.cend()) {
                run.usageError(tr("Unknown limits preset \"%1\".").arg(key));
                return std::nullopt;
            }
            limits = preset->limits;
        }
        const std::pair<const char *, int *> numbers[] = {{"per-second", &limits.perSecond},
                                                          {"per-hour", &limits.perHour},
                                                          {"per-day", &limits.perDay}};
        for (const auto &[name, target] : numbers) {
            if (!run.isSet(QLatin1String(name)))
                continue;
            bool ok = false;
            *target = run.value(QLatin1String(name)).toInt(&ok);
            if (!ok || *target < 0) {
                run.usageError(
                    tr("--%1 needs a whole number (0 for no limit).").arg(QLatin1String(name)));
                return std::nullopt;
            }
        }
        return limits;
    }

    ChannelAccount account(CliRun &run) const
    {
        ChannelAccount a;
        a.kind = kind();
        a.name = run.value(QStringLiteral("name"));
        a.limits = *limits(run);
        a.connections = run.value(QStringLiteral("connections")).toInt();
        if (m_smtp) {
            a.config =
                QJsonObject{{QStringLiteral("host"), run.value(QStringLiteral("host"))},
                            {QStringLiteral("port"), run.value(QStringLiteral("port")).toInt()},
                            {QStringLiteral("security"), run.value(QStringLiteral("security"))},
                            {QStringLiteral("user"), run.value(QStringLiteral("user"))},
                            {QStringLiteral("from"), run.value(QStringLiteral("from"))},
                            {QStringLiteral("replyTo"), run.value(QStringLiteral("reply-to"))},
                            {QStringLiteral("caFile"), run.value(QStringLiteral("ca-file"))},
                            {QStringLiteral("auth"), run.isSet(QStringLiteral("auth"))
                                                         ? run.value(QStringLiteral("auth"))
                                                         : QStringLiteral("auto")}};
            if (!run.isSet(QStringLiteral("from")) &&
                run.value(QStringLiteral("user")).contains(QLatin1Char('@')))
                a.config.insert(QStringLiteral("from"), run.value(QStringLiteral("user")));
            return a;
        }
        a.config = ChannelAccounts::smsPreset(run.value(QStringLiteral("preset")),
                                              run.value(QStringLiteral("url")));
        a.config.insert(QStringLiteral("sender"), run.value(QStringLiteral("sender")));
        a.config.insert(QStringLiteral("username"), run.value(QStringLiteral("username")));
        if (run.isSet(QStringLiteral("numbers")))
            a.config.insert(QStringLiteral("numbers"), run.value(QStringLiteral("numbers")));
        return a;
    }

    bool m_smtp;
};

class ChannelList final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ChannelList()
        : CliCommand({QStringLiteral("channel list"),
                      QStringLiteral("[--json]"),
                      tr("list SMTP accounts and SMS gateways"),
                      {jsonOption()}})
    {}
    int execute(CliRun &run) const override
    {
        QJsonArray out;
        for (const ChannelAccount &a : ChannelAccounts(*run.db).list()) {
            out.append(QJsonObject{{QStringLiteral("name"), a.name},
                                   {QStringLiteral("kind"), a.kind},
                                   {QStringLiteral("enabled"), a.enabled},
                                   {QStringLiteral("connections"), a.connections},
                                   {QStringLiteral("perSecond"), a.limits.perSecond},
                                   {QStringLiteral("perHour"), a.limits.perHour},
                                   {QStringLiteral("perDay"), a.limits.perDay},
                                   {QStringLiteral("config"), a.config}});
            if (run.json())
                continue;
            const QString where =
                a.isSmtp() ? QStringLiteral("%1:%2 (%3)")
                                 .arg(a.config.value(QStringLiteral("host")).toString())
                                 .arg(a.config.value(QStringLiteral("port")).toInt())
                                 .arg(a.config.value(QStringLiteral("security")).toString())
                           : ChannelAccounts::presetLabel(
                                 a.config.value(QStringLiteral("preset")).toString());
            run.out << a.name << '\t' << a.kind << '\t' << where << '\t'
                    << (a.enabled ? tr("enabled") : tr("disabled")) << '\n';
        }
        if (run.json())
            run.printJson(out, true);
        return 0;
    }
};

class ChannelTest final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ChannelTest()
        : CliCommand(
              {QStringLiteral("channel test"),
               QStringLiteral("NAME --to ADDRESS_OR_PHONE"),
               tr("send a test and show the server's reply"),
               {{QStringLiteral("to"), tr("Where to send the test."), QStringLiteral("TO")}}})
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 1 && run.isSet(QStringLiteral("to"))
                   ? Proceed
                   : run.usageError(tr("channel test needs the account's name and --to."));
    }
    int execute(CliRun &run) const override
    {
        const auto a = ChannelAccounts(*run.db).find(run.words.first());
        if (!a)
            return run.fail(tr("There is no account named \"%1\".").arg(run.words.first()));
        const auto result = TestSend::send(*run.db, *a, run.value(QStringLiteral("to")));
        if (!result.ok())
            return run.fail(result.reply);
        run.out << tr("Sent. The server said: %1")
                       .arg(result.reply.isEmpty() ? result.providerId : result.reply)
                << '\n';
        return 0;
    }
};

class ChannelRemove final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ChannelRemove()
        : CliCommand({QStringLiteral("channel remove"), QStringLiteral("NAME"),
                      tr("remove an account and its secret")})
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 1
                   ? Proceed
                   : run.usageError(tr("channel remove needs the account's name."));
    }
    int execute(CliRun &run) const override
    {
        ChannelAccounts accounts(*run.db);
        const auto a = accounts.find(run.words.first());
        if (!a)
            return run.fail(tr("There is no account named \"%1\".").arg(run.words.first()));
        if (!accounts.remove(a->id))
            return run.fail(accounts.errorString());
        // an account without a login has no secret: nothing to remove is no failure
        secretsOf(*run.db).remove(a->name);
        secretsOf(*run.db).remove(MailboxSettings::secretName(a->name));
        return 0;
    }
};

class TemplateAdd final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    TemplateAdd()
        : CliCommand(
              {QStringLiteral("template add"),
               QStringLiteral("--name N --channel email|sms [--subject S] [--preheader P] "
                              "--body-file F.md [--transactional] [--replace]"),
               tr("add a template (Markdown with merge tags)"),
               {{QStringLiteral("name"), tr("Template setting."), QStringLiteral("V")},
                {QStringLiteral("channel"), tr("Template setting."), QStringLiteral("V")},
                {QStringLiteral("subject"), tr("Template setting."), QStringLiteral("V")},
                {QStringLiteral("preheader"), tr("Template setting."), QStringLiteral("V")},
                {QStringLiteral("body-file"), tr("Template setting."), QStringLiteral("V")},
                {QStringLiteral("transactional"),
                 tr("Not marketing: no footer or List-Unsubscribe, sent even to contacts who "
                    "unsubscribed.")},
                {QStringLiteral("replace"), tr("Replace a template of the same name.")}}})
    {}
    int check(CliRun &run) const override
    {
        return run.isSet(QStringLiteral("name")) && run.isSet(QStringLiteral("body-file"))
                   ? Proceed
                   : run.usageError(tr("template add needs --name and --body-file."));
    }
    int execute(CliRun &run) const override
    {
        QFile f(run.value(QStringLiteral("body-file")));
        if (!f.open(QIODevice::ReadOnly))
            return run.fail(tr("Cannot read %1: %2").arg(f.fileName(), f.errorString()));
        MessageTemplate t;
        t.name = run.value(QStringLiteral("name"));
        t.channel = run.isSet(QStringLiteral("channel")) ? run.value(QStringLiteral("channel"))
                                                         : QStringLiteral("email");
        t.subject = run.value(QStringLiteral("subject"));
        t.preheader = run.value(QStringLiteral("preheader"));
        t.body = QString::fromUtf8(f.readAll());
        t.marketing = !run.isSet(QStringLiteral("transactional"));
        const CompiledMessage m = MessageRenderer::compile(t, MergeVocabulary::of(*run.db),
                                                           UnsubscribeTokens(*run.db).senderInfo());
        if (!m.isValid())
            return run.fail(
                tr("the template has errors:\n%1").arg(m.errors.join(QLatin1Char('\n'))));
        TemplateRepository repo(*run.db);
        if (const auto existing = repo.find(t.name)) {
            if (!run.isSet(QStringLiteral("replace")))
                return run.fail(tr("There is already a template named \"%1\"; add --replace to "
                                   "change it.")
                                    .arg(t.name));
            t.id = existing->id;
        }
        if (!repo.save(t))
            return run.fail(repo.errorString());
        return 0;
    }
};

class TemplateList final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    TemplateList()
        : CliCommand({QStringLiteral("template list"), QString(), tr("list templates")})
    {}
    int execute(CliRun &run) const override
    {
        for (const MessageTemplate &t : TemplateRepository(*run.db).list())
            run.out << t.name << '\t' << t.channel << '\t' << t.subject << '\n';
        return 0;
    }
};

class Send final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    Send()
        : CliCommand(
              {QStringLiteral("send"),
               QStringLiteral("--template N --to CONTACT_EMAIL_OR_PHONE"),
               tr("queue one message through the outbox"),
               {{QStringLiteral("template"), tr("The template."), QStringLiteral("N")},
                {QStringLiteral("to"), tr("The contact's email or phone."), QStringLiteral("TO")}}})
    {}
    int check(CliRun &run) const override
    {
        return run.isSet(QStringLiteral("template")) && run.isSet(QStringLiteral("to"))
                   ? Proceed
                   : run.usageError(tr("send needs --template and --to."));
    }
    int execute(CliRun &run) const override
    {
        const auto t = TemplateRepository(*run.db).find(run.value(QStringLiteral("template")));
        if (!t)
            return run.fail(tr("There is no template named \"%1\".")
                                .arg(run.value(QStringLiteral("template"))));
        ContactRepository contacts(*run.db);
        const QString to = run.value(QStringLiteral("to")).trimmed();
        qint64 contactId = 0;
        QString recipient;
        if (t->isEmail()) {
            recipient = to.toLower();
            contactId = contacts.findIdByEmail(recipient).value_or(0);
        } else {
            QString error;
            recipient =
                PhoneNumbers::normalize(to, WorkspaceSettings(*run.db).defaultRegion(), &error);
            if (recipient.isEmpty())
                return run.fail(tr("\"%1\" is not a phone number: %2").arg(to, error));
            const QList<qint64> ids = contacts.findIdsByPhone(recipient);
            contactId = ids.isEmpty() ? 0 : ids.first();
        }
        if (!contactId)
            return run.fail(tr("No contact has %1; add the contact first.").arg(to));
        Outbox outbox(*run.db);
        const auto id = outbox.enqueue(t->channel, contactId, recipient, t->name, t->marketing);
        if (!id)
            return run.fail(outbox.errorString());
        run.out << *id << '\n';
        return 0;
    }
};

class OutboxList final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    OutboxList()
        : CliCommand(
              {QStringLiteral("outbox list"),
               QStringLiteral("[--state S] [--limit N] [--json]"),
               tr("list messages in the outbox"),
               {{QStringLiteral("state"), tr("Only rows in this state."), QStringLiteral("S")},
                {QStringLiteral("limit"), tr("At most N rows."), QStringLiteral("N"),
                 QStringLiteral("1000")},
                jsonOption()}})
    {}
    int check(CliRun &run) const override
    {
        const QString state = run.value(QStringLiteral("state"));
        if (!state.isEmpty() && !Outbox::states().contains(state))
            return run.usageError(
                tr("--state must be one of: %1").arg(Outbox::states().join(QLatin1String(", "))));
        return Proceed;
    }
    int execute(CliRun &run) const override
    {
        OutboxFilter filter;
        filter.state = run.value(QStringLiteral("state"));
        filter.limit = run.value(QStringLiteral("limit")).toInt();
        QJsonArray out;
        for (const OutboxRow &r : Outbox(*run.db).list(filter)) {
            if (run.json()) {
                out.append(
                    QJsonObject{{QStringLiteral("id"), r.id},
                                {QStringLiteral("channel"), r.channel},
                                {QStringLiteral("state"), r.state},
                                {QStringLiteral("to"), r.recipient},
                                {QStringLiteral("template"), r.templateName},
                                {QStringLiteral("journey"), r.journey},
                                {QStringLiteral("contact"), r.contactId},
                                {QStringLiteral("attempts"), r.attempts},
                                {QStringLiteral("due"), r.dueAt.toString(Qt::ISODate)},
                                {QStringLiteral("sent"),
                                 r.sentAt.isValid() ? r.sentAt.toString(Qt::ISODate) : QString()},
                                {QStringLiteral("error"), r.error},
                                {QStringLiteral("providerId"), r.providerId}});
            } else {
                run.out << r.id << '\t' << r.state << '\t' << r.channel << '\t' << r.recipient
                        << '\t' << r.templateName << '\t'
                        << printableTime(r.sentAt.isValid() ? r.sentAt : r.updatedAt) << '\t'
                        << r.error << '\n';
            }
        }
        if (run.json())
            run.printJson(out, true);
        return 0;
    }
};

/// outbox retry and outbox cancel.
class OutboxChange final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    explicit OutboxChange(bool retry)
        : CliCommand({retry ? QStringLiteral("outbox retry") : QStringLiteral("outbox cancel"),
                      QStringLiteral("ID..."),
                      retry ? tr("resend failed or interrupted messages")
                            : tr("cancel queued or interrupted messages")})
        , m_retry(retry)
    {}
    int check(CliRun &run) const override
    {
        for (const QString &a : std::as_const(run.words)) {
            bool ok = false;
            a.toLongLong(&ok);
            if (!ok)
                return run.usageError(tr("\"%1\" is not an outbox id.").arg(a));
        }
        return run.words.isEmpty() ? run.usageError(tr("outbox %1 needs one or more ids.")
                                                        .arg(m_retry ? QStringLiteral("retry")
                                                                     : QStringLiteral("cancel")))
                                   : Proceed;
    }
    int execute(CliRun &run) const override
    {
        QList<qint64> ids;
        for (const QString &a : std::as_const(run.words))
            ids << a.toLongLong();
        Outbox box(*run.db);
        const int changed = m_retry ? box.retry(ids) : box.cancel(ids);
        if (changed < 0)
            return run.fail(box.errorString());
        run.out << tr("%n message(s) changed", nullptr, changed) << '\n';
        return changed == ids.size() ? 0 : 1;
    }

private:
    bool m_retry;
};

class Unsubscribe final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    Unsubscribe()
        : CliCommand({QStringLiteral("unsubscribe"), QStringLiteral("TOKEN"),
                      tr("unsubscribe the contact of an unsubscribe link")})
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 1
                   ? Proceed
                   : run.usageError(tr("unsubscribe needs the token from the link."));
    }
    int execute(CliRun &run) const override
    {
        UnsubscribeTokens tokens(*run.db);
        if (!tokens.unsubscribe(run.words.first(), QStringLiteral("masir-cli")))
            return run.fail(tokens.errorString());
        return 0;
    }
};

/// settings get and settings set: the workspace's settings a script may read or change.
class Settings final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    explicit Settings(bool set)
        : CliCommand(
              {set ? QStringLiteral("settings set") : QStringLiteral("settings get"),
               set ? QStringLiteral("KEY VALUE") : QStringLiteral("KEY"),
               set ? tr("change a workspace setting (%1)").arg(names().join(QLatin1String(", ")))
                   : tr("read a workspace setting")})
        , m_set(set)
    {}
    int check(CliRun &run) const override
    {
        if (run.words.size() != (m_set ? 2 : 1))
            return run.usageError(tr("settings get KEY or settings set KEY VALUE; keys: %1")
                                      .arg(names().join(QLatin1String(", "))));
        if (!key(run.words.first()))
            return run.usageError(tr("Unknown setting \"%1\"; keys: %2")
                                      .arg(run.words.first(), names().join(QLatin1String(", "))));
        return Proceed;
    }
    int execute(CliRun &run) const override
    {
        using K = WorkspaceSettings::Key;
        const K k = *key(run.words.first());
        WorkspaceSettings s(*run.db);
        if (!m_set) {
            run.out << s.value(k).toString() << '\n';
            return 0;
        }
        QString value = run.words.at(1);
        if (k == K::SendingPaused)
            value = (value == QLatin1String("1") || value == QLatin1String("true") ||
                     value == QLatin1String("yes"))
                        ? QStringLiteral("1")
                        : QStringLiteral("0");
        if (k == K::AttributionModel && value != QLatin1String("last") &&
            value != QLatin1String("first"))
            return run.usageError(tr("attribution-model is last or first."));
        if (k == K::SenderLeaseSeconds) {
            bool ok = false;
            if (value.toInt(&ok) < 10 || !ok)
                return run.usageError(
                    tr("sender-lease-seconds is a whole number of seconds, 10 or more."));
        }
        if (k == K::CostPerEmail || k == K::CostPerSms) {
            bool ok = false;
            const double cost = value.toDouble(&ok);
            if (!ok || cost < 0)
                return run.usageError(tr("A cost is a number of 0 or more, such as 0.002."));
        }
        if (!s.setValue(k, value))
            return run.fail(tr("Cannot save the setting."));
        return 0;
    }

private:
    using Key = WorkspaceSettings::Key;
    static const QList<std::pair<QString, Key>> &keys()
    {
        static const QList<std::pair<QString, Key>> list = {
            {QStringLiteral("business-name"), Key::BusinessName},
            {QStringLiteral("postal-address"), Key::PostalAddress},
            {QStringLiteral("unsubscribe-url"), Key::UnsubscribeUrl},
            {QStringLiteral("unsubscribe-mailto"), Key::UnsubscribeMailto},
            {QStringLiteral("emails-per-day"), Key::EmailsPerDay},
            {QStringLiteral("attribution-days"), Key::AttributionDays},
            {QStringLiteral("attribution-model"), Key::AttributionModel},
            {QStringLiteral("cost-per-email"), Key::CostPerEmail},
            {QStringLiteral("cost-per-sms"), Key::CostPerSms},
            {QStringLiteral("sending-paused"), Key::SendingPaused},
            {QStringLiteral("max-attempts"), Key::MaxAttempts},
            {QStringLiteral("sender-lease-seconds"), Key::SenderLeaseSeconds},
            {QStringLiteral("retry-base-ms"), Key::RetryBaseMs},
            {QStringLiteral("default-region"), Key::DefaultRegion},
            {QStringLiteral("quiet-from"), Key::QuietFrom},
            {QStringLiteral("quiet-to"), Key::QuietTo},
        };
        return list;
    }
    static QStringList names()
    {
        QStringList out;
        for (const auto &[name, k] : keys())
            out << name;
        return out;
    }
    static std::optional<Key> key(const QString &name)
    {
        for (const auto &[n, k] : keys())
            if (n == name)
                return k;
        return std::nullopt;
    }

    bool m_set;
};

} // namespace

/// bounces parse: classifies message files as the mailbox poller will.
class BouncesParse final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    BouncesParse()
        : CliCommand({QStringLiteral("bounces parse"),
                      QStringLiteral("FILE.eml... [--json]"),
                      tr("classify returned mail: hard or soft bounce, complaint, auto-reply, "
                         "unsubscribe or none"),
                      {jsonOption()},
                      Workspace::None})
    {}
    int check(CliRun &run) const override
    {
        return run.words.isEmpty() ? run.usageError(tr("bounces parse needs one or more files."))
                                   : Proceed;
    }
    int execute(CliRun &run) const override
    {
        QJsonArray out;
        int unreadable = 0;
        for (const QString &path : std::as_const(run.words)) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) {
                run.err << tr("Cannot read %1: %2").arg(path, f.errorString()) << '\n';
                ++unreadable;
                continue;
            }
            QJsonArray findings;
            for (const BounceFinding &b : BounceParser::parse(f.readAll())) {
                findings.append(b.toJson());
                if (!run.json())
                    run.out << path << '\t' << BounceFinding::kindKey(b.kind) << '\t' << b.recipient
                            << '\t' << b.status << '\t'
                            << (b.reply ? QString::number(b.reply) : QString()) << '\t'
                            << (b.outboxId ? QString::number(b.outboxId) : QString()) << '\n';
            }
            out.append(QJsonObject{{QStringLiteral("file"), path},
                                   {QStringLiteral("findings"), findings}});
        }
        if (run.json())
            run.printJson(out, true);
        return unreadable ? 1 : 0;
    }
};

/// channel mailbox: where an account's returned mail arrives.
class ChannelMailbox final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ChannelMailbox()
        : CliCommand(
              {QStringLiteral("channel mailbox"),
               QStringLiteral("NAME --url imaps://HOST[:PORT]/MAILBOX --user USER [--ca-file F] | "
                              "NAME --remove"),
               tr("read an account's bounces, complaints and unsubscribe requests from its "
                  "mailbox (password: MASIR_IMAP_PASSWORD)"),
               {{QStringLiteral("url"), tr("The mailbox: imaps://host[:port]/INBOX."),
                 QStringLiteral("URL")},
                {QStringLiteral("user"), tr("The mailbox's user name."), QStringLiteral("USER")},
                {QStringLiteral("ca-file"), tr("A certificate or CA file to trust."),
                 QStringLiteral("FILE")},
                {QStringLiteral("no-check"), tr("Save without trying to log in.")},
                {QStringLiteral("remove"), tr("Stop reading the account's mailbox.")}}})
    {}
    int check(CliRun &run) const override
    {
        if (run.words.size() != 1)
            return run.usageError(tr("channel mailbox needs the account's name."));
        if (!run.isSet(QStringLiteral("remove")) &&
            (!run.isSet(QStringLiteral("url")) || !run.isSet(QStringLiteral("user"))))
            return run.usageError(tr("channel mailbox needs --url and --user, or --remove."));
        return Proceed;
    }
    int execute(CliRun &run) const override
    {
        ChannelAccounts accounts(*run.db);
        auto a = accounts.find(run.words.first());
        if (!a)
            return run.fail(tr("There is no account named \"%1\".").arg(run.words.first()));
        if (!a->isSmtp())
            return run.fail(
                tr("\"%1\" is an SMS gateway; only email accounts have a mailbox.").arg(a->name));
        SecretStore secrets = secretsOf(*run.db);
        const QString secretName = MailboxSettings::secretName(a->name);
        if (run.isSet(QStringLiteral("remove"))) {
            a->config.remove(QStringLiteral("mailbox"));
            if (!accounts.save(*a))
                return run.fail(accounts.errorString());
            secrets.remove(secretName);
            run.out << tr("Masir no longer reads the mailbox of \"%1\".").arg(a->name) << '\n';
            return 0;
        }
        const MailboxSettings settings{run.value(QStringLiteral("url")),
                                       run.value(QStringLiteral("user")),
                                       run.value(QStringLiteral("ca-file"))};
        if (const QString problem = settings.problem(); !problem.isEmpty())
            return run.fail(problem);
        std::optional<QString> password;
        if (qEnvironmentVariableIsSet("MASIR_IMAP_PASSWORD"))
            password = qEnvironmentVariable("MASIR_IMAP_PASSWORD");
        else
            password = secrets.read(secretName);
        if (!password)
            return run.fail(tr("Set MASIR_IMAP_PASSWORD to the mailbox's password; Masir keeps it "
                               "in %1, never in the workspace.")
                                .arg(secrets.location()));
        if (!run.isSet(QStringLiteral("no-check"))) {
            ImapMailbox imap(settings, *password);
            const auto status = imap.status();
            if (!status)
                return run.fail(tr("Cannot read the mailbox: %1 (add --no-check to save it "
                                   "anyway).")
                                    .arg(imap.errorString()));
            run.out << tr("The mailbox answers: %n message(s) in it.", nullptr,
                          int(status->messages))
                    << '\n';
        }
        if (!secrets.write(secretName, *password))
            return run.fail(tr("Cannot store the password in %1: %2")
                                .arg(secrets.location(), secrets.errorString()));
        a->config.insert(QStringLiteral("mailbox"), settings.toJson());
        if (!accounts.save(*a))
            return run.fail(accounts.errorString());
        run.out << tr("Masir reads the mailbox of \"%1\" every %n minute(s) while it runs "
                      "(masir-cli bounces check reads it now).",
                      nullptr, int(MailboxPoller::kIntervalMs / 60000))
                       .arg(a->name)
                << '\n';
        return 0;
    }
};

/// bounces check: reads every mailbox now.
class BouncesCheck final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    BouncesCheck()
        : CliCommand({QStringLiteral("bounces check"),
                      QStringLiteral("[--json]"),
                      tr("read the sending accounts' mailboxes now and act on what came back"),
                      {jsonOption()}})
    {}
    int execute(CliRun &run) const override
    {
        SystemClock clock;
        MailboxPoller poller(*run.db, clock);
        const auto stats = poller.poll(true);
        if (!stats)
            return run.fail(poller.errorString());
        if (run.json()) {
            run.printJson(
                QJsonObject{{QStringLiteral("mailboxes"), stats->mailboxes},
                            {QStringLiteral("read"), stats->read},
                            {QStringLiteral("hard"), stats->hard},
                            {QStringLiteral("soft"), stats->soft},
                            {QStringLiteral("complaints"), stats->complaints},
                            {QStringLiteral("unsubscribes"), stats->unsubscribes},
                            {QStringLiteral("keptAside"), stats->keptAside},
                            {QStringLiteral("ignored"), stats->ignored},
                            {QStringLiteral("errors"), QJsonArray::fromStringList(stats->errors)}},
                true);
        } else if (stats->mailboxes == 0) {
            run.out << tr("No account has a mailbox to read; add one with masir-cli channel "
                          "mailbox.")
                    << '\n';
        } else {
            run.out << MailboxPoller::describe(*stats) << '\n';
        }
        for (const QString &e : stats->errors)
            run.err << e << '\n';
        return stats->errors.isEmpty() ? 0 : 1;
    }
};

/// bounces list: the returned mail read, and what was done.
class BouncesList final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    BouncesList()
        : CliCommand({QStringLiteral("bounces list"),
                      QStringLiteral("[--kept] [--json]"),
                      tr("list the returned mail read from the mailboxes (--kept: what a person "
                         "has to look at)"),
                      {jsonOption(),
                       {QStringLiteral("kept"), tr("Only the messages kept aside.")},
                       {QStringLiteral("limit"), tr("How many, newest first."), QStringLiteral("N"),
                        QStringLiteral("100")}}})
    {}
    int check(CliRun &run) const override
    {
        return run.number(QStringLiteral("limit"), 1) ? Proceed : 2;
    }
    int execute(CliRun &run) const override
    {
        const ReturnedMail log(*run.db);
        const auto list =
            log.list(run.isSet(QStringLiteral("kept")), run.value(QStringLiteral("limit")).toInt());
        if (!list)
            return run.fail(log.errorString());
        QJsonArray out;
        for (const ReturnedMessage &m : *list) {
            const QString when =
                printableTime(QDateTime::fromMSecsSinceEpoch(m.receivedAt, Qt::UTC));
            if (!run.json()) {
                run.out << m.id << '\t' << when << '\t' << m.account << '\t' << m.kind
                        << (m.keptAside ? QStringLiteral(" (") + tr("kept aside") + u')'
                                        : QString())
                        << '\t' << m.sender << '\t' << m.subject << '\t' << m.outcome << '\n';
                continue;
            }
            out.append(QJsonObject{{QStringLiteral("id"), m.id},
                                   {QStringLiteral("account"), m.account},
                                   {QStringLiteral("received"), when},
                                   {QStringLiteral("from"), m.sender},
                                   {QStringLiteral("subject"), m.subject},
                                   {QStringLiteral("kind"), m.kind},
                                   {QStringLiteral("findings"), m.findings},
                                   {QStringLiteral("outcome"), m.outcome},
                                   {QStringLiteral("keptAside"), m.keptAside}});
        }
        if (run.json())
            run.printJson(out, true);
        return 0;
    }
};

/// bounces show: the bytes of a message kept aside, to save and look at.
class BouncesShow final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    BouncesShow()
        : CliCommand({QStringLiteral("bounces show"), QStringLiteral("ID"),
                      tr("print a message kept aside, as it came (save it as .eml)")})
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 1 ? Proceed
                                     : run.usageError(tr("bounces show needs the message's id."));
    }
    int execute(CliRun &run) const override
    {
        const ReturnedMail log(*run.db);
        const auto raw = log.raw(run.words.first().toLongLong());
        if (!raw)
            return run.fail(log.errorString());
        if (raw->isEmpty())
            return run.fail(tr("Message %1 was not kept aside (or does not exist): only those "
                               "are kept whole.")
                                .arg(run.words.first()));
        run.out.flush();
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(*raw) != raw->size())
            return run.fail(tr("Cannot write the message: %1").arg(out.errorString()));
        return 0;
    }
};

void addSendingCommands(CliCommands &commands)
{
    commands.push_back(std::make_unique<ChannelAdd>(true));
    commands.push_back(std::make_unique<ChannelAdd>(false));
    commands.push_back(std::make_unique<ChannelList>());
    commands.push_back(std::make_unique<ChannelTest>());
    commands.push_back(std::make_unique<ChannelRemove>());
    commands.push_back(std::make_unique<TemplateAdd>());
    commands.push_back(std::make_unique<TemplateList>());
    commands.push_back(std::make_unique<Send>());
    commands.push_back(std::make_unique<OutboxList>());
    commands.push_back(std::make_unique<OutboxChange>(true));
    commands.push_back(std::make_unique<OutboxChange>(false));
    commands.push_back(std::make_unique<Unsubscribe>());
    commands.push_back(std::make_unique<BouncesParse>());
    commands.push_back(std::make_unique<BouncesCheck>());
    commands.push_back(std::make_unique<BouncesList>());
    commands.push_back(std::make_unique<BouncesShow>());
    commands.push_back(std::make_unique<ChannelMailbox>());
    commands.push_back(std::make_unique<Settings>(false));
    commands.push_back(std::make_unique<Settings>(true));
}

} // namespace masir
