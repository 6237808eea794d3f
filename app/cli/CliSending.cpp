// masir-cli: channels, templates, sending and the outbox.
#include "CliApp.h"

#include "contacts/ContactRepository.h"
#include "contacts/PhoneNumbers.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/MessageRenderer.h"
#include "messaging/MimeMessage.h"
#include "messaging/Outbox.h"
#include "messaging/SecretStore.h"
#include "messaging/TestSend.h"
#include "messaging/UnsubscribeTokens.h"
#include "messaging/channels/Transport.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace masir {

namespace {

QCommandLineParser &prepared(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    return parser;
}

QString printableTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
}

} // namespace

std::optional<RateLimits> CliApp::limitsFrom(const QCommandLineParser &parser)
{
    RateLimits limits;
    if (parser.isSet(QStringLiteral("limits"))) {
        const QString key = parser.value(QStringLiteral("limits"));
        bool found = false;
        for (const LimitPreset &p : ChannelAccounts::limitPresets()) {
            if (p.key == key) {
                limits = p.limits;
                found = true;
            }
        }
        if (!found) {
            usageError(tr("Unknown limits preset \"%1\".").arg(key));
            return std::nullopt;
        }
    }
    const std::pair<const char *, int *> numbers[] = {{"per-second", &limits.perSecond},
                                                      {"per-hour", &limits.perHour},
                                                      {"per-day", &limits.perDay}};
    for (const auto &[name, target] : numbers) {
        if (!parser.isSet(QLatin1String(name)))
            continue;
        bool ok = false;
        *target = parser.value(QLatin1String(name)).toInt(&ok);
        if (!ok || *target < 0) {
            usageError(tr("--%1 needs a whole number (0 for no limit).").arg(QLatin1String(name)));
            return std::nullopt;
        }
    }
    return limits;
}

int CliApp::channel(Database &db, const QStringList &args)
{
    if (args.isEmpty())
        return usageError(tr("channel needs a subcommand: add, list, test or remove."));
    const QString sub = args.first();
    QCommandLineParser parser;
    prepared(parser);
    const QStringList parseArgs = QStringList{QStringLiteral("masir-cli")} + args;

    if (sub == QLatin1String("list")) {
        parser.addOption({QStringLiteral("json"), tr("Print JSON.")});
        if (!parser.parse(parseArgs))
            return usageError(parser.errorText());
        if (!openWorkspace(db))
            return 1;
        QJsonArray out;
        for (const ChannelAccount &a : ChannelAccounts(db).list()) {
            QJsonObject o{{QStringLiteral("name"), a.name},
                          {QStringLiteral("kind"), a.kind},
                          {QStringLiteral("enabled"), a.enabled},
                          {QStringLiteral("connections"), a.connections},
                          {QStringLiteral("perSecond"), a.limits.perSecond},
                          {QStringLiteral("perHour"), a.limits.perHour},
                          {QStringLiteral("perDay"), a.limits.perDay},
                          {QStringLiteral("config"), a.config}};
            out.append(o);
            if (!parser.isSet(QStringLiteral("json"))) {
                const QString where =
                    a.isSmtp() ? QStringLiteral("%1:%2 (%3)")
                                     .arg(a.config.value(QStringLiteral("host")).toString())
                                     .arg(a.config.value(QStringLiteral("port")).toInt())
                                     .arg(a.config.value(QStringLiteral("security")).toString())
                               : ChannelAccounts::presetLabel(
                                     a.config.value(QStringLiteral("preset")).toString());
                m_out << a.name << '\t' << a.kind << '\t' << where << '\t'
                      << (a.enabled ? tr("enabled") : tr("disabled")) << '\n';
            }
        }
        if (parser.isSet(QStringLiteral("json")))
            m_out << QJsonDocument(out).toJson(QJsonDocument::Indented);
        return 0;
    }

    if (sub == QLatin1String("add")) {
        if (args.size() < 2)
            return usageError(tr("channel add needs smtp or sms."));
        const QString kind = args.at(1);
        parser.addOption({QStringLiteral("name"), tr("The account's name."), QStringLiteral("N")});
        parser.addOption({QStringLiteral("connections"), tr("Parallel connections."),
                          QStringLiteral("N"), QStringLiteral("1")});
        parser.addOption({QStringLiteral("limits"), tr("A limits preset: gmail, workspace, ..."),
                          QStringLiteral("PRESET")});
        parser.addOption(
            {QStringLiteral("per-second"), tr("Sends a second."), QStringLiteral("N")});
        parser.addOption({QStringLiteral("per-hour"), tr("Sends an hour."), QStringLiteral("N")});
        parser.addOption({QStringLiteral("per-day"), tr("Sends a day."), QStringLiteral("N")});
        parser.addOption({QStringLiteral("replace"), tr("Replace an account of the same name.")});
        if (kind == QLatin1String("smtp")) {
            for (const char *o :
                 {"host", "port", "security", "user", "from", "reply-to", "ca-file", "auth"})
                parser.addOption({QLatin1String(o), tr("SMTP setting."), QStringLiteral("V")});
        } else if (kind == QLatin1String("sms")) {
            for (const char *o : {"preset", "url", "sender", "username", "numbers"})
                parser.addOption({QLatin1String(o), tr("Gateway setting."), QStringLiteral("V")});
        } else {
            return usageError(tr("channel add needs smtp or sms, not \"%1\".").arg(kind));
        }
        if (!parser.parse(parseArgs))
            return usageError(parser.errorText());
        if (parser.positionalArguments().size() != 2)
            return usageError(tr("channel add %1 takes only options.").arg(kind));
        const auto limits = limitsFrom(parser);
        if (!limits)
            return 2;
        ChannelAccount a;
        a.kind = kind;
        a.name = parser.value(QStringLiteral("name"));
        a.limits = *limits;
        a.connections = parser.value(QStringLiteral("connections")).toInt();
        QString secretVariable;
        if (kind == QLatin1String("smtp")) {
            a.config =
                QJsonObject{{QStringLiteral("host"), parser.value(QStringLiteral("host"))},
                            {QStringLiteral("port"), parser.value(QStringLiteral("port")).toInt()},
                            {QStringLiteral("security"), parser.value(QStringLiteral("security"))},
                            {QStringLiteral("user"), parser.value(QStringLiteral("user"))},
                            {QStringLiteral("from"), parser.value(QStringLiteral("from"))},
                            {QStringLiteral("replyTo"), parser.value(QStringLiteral("reply-to"))},
                            {QStringLiteral("caFile"), parser.value(QStringLiteral("ca-file"))},
                            {QStringLiteral("auth"), parser.isSet(QStringLiteral("auth"))
                                                         ? parser.value(QStringLiteral("auth"))
                                                         : QStringLiteral("auto")}};
            if (!parser.isSet(QStringLiteral("from")) &&
                parser.value(QStringLiteral("user")).contains(QLatin1Char('@')))
                a.config.insert(QStringLiteral("from"), parser.value(QStringLiteral("user")));
            secretVariable = QStringLiteral("MASIR_SMTP_PASSWORD");
        } else {
            const QString preset = parser.value(QStringLiteral("preset"));
            if (!ChannelAccounts::smsPresets().contains(preset))
                return usageError(
                    tr("--preset must be one of: %1")
                        .arg(ChannelAccounts::smsPresets().join(QLatin1String(", "))));
            a.config = ChannelAccounts::smsPreset(preset, parser.value(QStringLiteral("url")));
            a.config.insert(QStringLiteral("sender"), parser.value(QStringLiteral("sender")));
            a.config.insert(QStringLiteral("username"), parser.value(QStringLiteral("username")));
            if (parser.isSet(QStringLiteral("numbers")))
                a.config.insert(QStringLiteral("numbers"), parser.value(QStringLiteral("numbers")));
            secretVariable = QStringLiteral("MASIR_SMS_SECRET");
        }
        if (!openWorkspace(db))
            return 1;
        ChannelAccounts accounts(db);
        if (const auto existing = accounts.find(a.name)) {
            if (!parser.isSet(QStringLiteral("replace")))
                return fail(tr("There is already an account named \"%1\"; add --replace to "
                               "change it.")
                                .arg(a.name));
            a.id = existing->id;
        }
        const QStringList problems = ChannelAccounts::validate(a);
        if (!problems.isEmpty())
            return fail(problems.join(QLatin1Char('\n')));
        SecretStore secrets(WorkspaceSettings(db).token(WorkspaceSettings::Key::WorkspaceId));
        const bool needsSecret =
            kind == QLatin1String("sms") || !parser.value(QStringLiteral("user")).isEmpty();
        if (qEnvironmentVariableIsSet(secretVariable.toLatin1().constData())) {
            if (!secrets.write(a.name, qEnvironmentVariable(secretVariable.toLatin1().constData())))
                return fail(tr("Cannot store the secret in %1: %2")
                                .arg(secrets.location(), secrets.errorString()));
        } else if (needsSecret && !secrets.read(a.name)) {
            return fail(tr("Set %1 to the password or API key; Masir keeps it in %2, never in "
                           "the workspace.")
                            .arg(secretVariable, secrets.location()));
        }
        if (!accounts.save(a))
            return fail(accounts.errorString());
        m_out << tr("Account \"%1\" saved; its secret is in %2.").arg(a.name, secrets.location())
              << '\n';
        return 0;
    }

    if (sub == QLatin1String("remove")) {
        if (args.size() != 2)
            return usageError(tr("channel remove needs the account's name."));
        if (!openWorkspace(db))
            return 1;
        ChannelAccounts accounts(db);
        const auto a = accounts.find(args.at(1));
        if (!a)
            return fail(tr("There is no account named \"%1\".").arg(args.at(1)));
        if (!accounts.remove(a->id))
            return fail(accounts.errorString());
        SecretStore(WorkspaceSettings(db).token(WorkspaceSettings::Key::WorkspaceId))
            .remove(a->name);
        return 0;
    }

    if (sub == QLatin1String("test")) {
        parser.addOption(
            {QStringLiteral("to"), tr("Where to send the test."), QStringLiteral("TO")});
        if (!parser.parse(parseArgs))
            return usageError(parser.errorText());
        if (parser.positionalArguments().size() != 2 || !parser.isSet(QStringLiteral("to")))
            return usageError(tr("channel test needs the account's name and --to."));
        if (!openWorkspace(db))
            return 1;
        const auto a = ChannelAccounts(db).find(parser.positionalArguments().at(1));
        if (!a)
            return fail(
                tr("There is no account named \"%1\".").arg(parser.positionalArguments().at(1)));
        const auto result = TestSend::send(db, *a, parser.value(QStringLiteral("to")));
        if (!result.ok())
            return fail(result.reply);
        m_out << tr("Sent. The server said: %1")
                     .arg(result.reply.isEmpty() ? result.providerId : result.reply)
              << '\n';
        return 0;
    }
    return usageError(tr("Unknown channel subcommand \"%1\".").arg(sub));
}

int CliApp::templates(Database &db, const QStringList &args)
{
    if (args.isEmpty())
        return usageError(tr("template needs a subcommand: add, list or preview."));
    const QString sub = args.first();
    QCommandLineParser parser;
    prepared(parser);
    const QStringList parseArgs = QStringList{QStringLiteral("masir-cli")} + args;
    if (sub == QLatin1String("list")) {
        if (!openWorkspace(db))
            return 1;
        for (const MessageTemplate &t : TemplateRepository(db).list())
            m_out << t.name << '\t' << t.channel << '\t' << t.subject << '\n';
        return 0;
    }
    if (sub == QLatin1String("add")) {
        for (const char *o : {"name", "channel", "subject", "preheader", "body-file"})
            parser.addOption({QLatin1String(o), tr("Template setting."), QStringLiteral("V")});
        parser.addOption({QStringLiteral("transactional"),
                          tr("Not marketing: no footer or List-Unsubscribe, sent even to "
                             "contacts who unsubscribed.")});
        parser.addOption({QStringLiteral("replace"), tr("Replace a template of the same name.")});
        if (!parser.parse(parseArgs))
            return usageError(parser.errorText());
        if (!parser.isSet(QStringLiteral("name")) || !parser.isSet(QStringLiteral("body-file")))
            return usageError(tr("template add needs --name and --body-file."));
        QFile f(parser.value(QStringLiteral("body-file")));
        if (!f.open(QIODevice::ReadOnly))
            return fail(tr("Cannot read %1: %2").arg(f.fileName(), f.errorString()));
        MessageTemplate t;
        t.name = parser.value(QStringLiteral("name"));
        t.channel = parser.isSet(QStringLiteral("channel"))
                        ? parser.value(QStringLiteral("channel"))
                        : QStringLiteral("email");
        t.subject = parser.value(QStringLiteral("subject"));
        t.preheader = parser.value(QStringLiteral("preheader"));
        t.body = QString::fromUtf8(f.readAll());
        t.marketing = !parser.isSet(QStringLiteral("transactional"));
        if (!openWorkspace(db))
            return 1;
        const CompiledMessage m = MessageRenderer::compile(t, MergeVocabulary::of(db),
                                                           UnsubscribeTokens(db).senderInfo());
        if (!m.isValid())
            return fail(tr("the template has errors:\n%1").arg(m.errors.join(QLatin1Char('\n'))));
        TemplateRepository repo(db);
        if (const auto existing = repo.find(t.name)) {
            if (!parser.isSet(QStringLiteral("replace")))
                return fail(tr("There is already a template named \"%1\"; add --replace to "
                               "change it.")
                                .arg(t.name));
            t.id = existing->id;
        }
        if (!repo.save(t))
            return fail(repo.errorString());
        return 0;
    }
    return usageError(tr("Unknown template subcommand \"%1\".").arg(sub));
}

int CliApp::send(Database &db, const QStringList &args)
{
    QCommandLineParser parser;
    prepared(parser);
    parser.addOption({QStringLiteral("template"), tr("The template."), QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("to"), tr("The contact's email or phone."), QStringLiteral("TO")});
    if (!parser.parse(QStringList{QStringLiteral("masir-cli"), QStringLiteral("send")} + args))
        return usageError(parser.errorText());
    if (!parser.isSet(QStringLiteral("template")) || !parser.isSet(QStringLiteral("to")))
        return usageError(tr("send needs --template and --to."));
    if (!openWorkspace(db))
        return 1;
    const auto t = TemplateRepository(db).find(parser.value(QStringLiteral("template")));
    if (!t)
        return fail(
            tr("There is no template named \"%1\".").arg(parser.value(QStringLiteral("template"))));
    ContactRepository contacts(db);
    const QString to = parser.value(QStringLiteral("to")).trimmed();
    qint64 contactId = 0;
    QString recipient;
    if (t->isEmail()) {
        recipient = to.toLower();
        contactId = contacts.findIdByEmail(recipient).value_or(0);
    } else {
        QString error;
        recipient = PhoneNumbers::normalize(to, WorkspaceSettings(db).defaultRegion(), &error);
        if (recipient.isEmpty())
            return fail(tr("\"%1\" is not a phone number: %2").arg(to, error));
        const QList<qint64> ids = contacts.findIdsByPhone(recipient);
        contactId = ids.isEmpty() ? 0 : ids.first();
    }
    if (!contactId)
        return fail(tr("No contact has %1; add the contact first.").arg(to));
    Outbox outbox(db);
    const auto id = outbox.enqueue(t->channel, contactId, recipient, t->name, t->marketing);
    if (!id)
        return fail(outbox.errorString());
    m_out << *id << '\n';
    return 0;
}

int CliApp::outbox(Database &db, const QStringList &args)
{
    if (args.isEmpty())
        return usageError(tr("outbox needs a subcommand: list, retry or cancel."));
    const QString sub = args.first();
    QCommandLineParser parser;
    prepared(parser);
    const QStringList parseArgs = QStringList{QStringLiteral("masir-cli")} + args;
    if (sub == QLatin1String("list")) {
        parser.addOption(
            {QStringLiteral("state"), tr("Only rows in this state."), QStringLiteral("S")});
        parser.addOption({QStringLiteral("limit"), tr("At most N rows."), QStringLiteral("N"),
                          QStringLiteral("1000")});
        parser.addOption({QStringLiteral("json"), tr("Print JSON.")});
        if (!parser.parse(parseArgs))
            return usageError(parser.errorText());
        OutboxFilter filter;
        filter.state = parser.value(QStringLiteral("state"));
        if (!filter.state.isEmpty() && !Outbox::states().contains(filter.state))
            return usageError(
                tr("--state must be one of: %1").arg(Outbox::states().join(QLatin1String(", "))));
        filter.limit = parser.value(QStringLiteral("limit")).toInt();
        if (!openWorkspace(db))
            return 1;
        QJsonArray out;
        for (const OutboxRow &r : Outbox(db).list(filter)) {
            if (parser.isSet(QStringLiteral("json"))) {
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
                m_out << r.id << '\t' << r.state << '\t' << r.channel << '\t' << r.recipient << '\t'
                      << r.templateName << '\t'
                      << printableTime(r.sentAt.isValid() ? r.sentAt : r.updatedAt) << '\t'
                      << r.error << '\n';
            }
        }
        if (parser.isSet(QStringLiteral("json")))
            m_out << QJsonDocument(out).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (sub == QLatin1String("retry") || sub == QLatin1String("cancel")) {
        QList<qint64> ids;
        for (const QString &a : args.mid(1)) {
            bool ok = false;
            ids << a.toLongLong(&ok);
            if (!ok)
                return usageError(tr("\"%1\" is not an outbox id.").arg(a));
        }
        if (ids.isEmpty())
            return usageError(tr("outbox %1 needs one or more ids.").arg(sub));
        if (!openWorkspace(db))
            return 1;
        Outbox box(db);
        const int changed = sub == QLatin1String("retry") ? box.retry(ids) : box.cancel(ids);
        if (changed < 0)
            return fail(box.errorString());
        m_out << tr("%n message(s) changed", nullptr, changed) << '\n';
        return changed == ids.size() ? 0 : 1;
    }
    return usageError(tr("Unknown outbox subcommand \"%1\".").arg(sub));
}

int CliApp::unsubscribe(Database &db, const QStringList &args)
{
    if (args.size() != 1)
        return usageError(tr("unsubscribe needs the token from the link."));
    if (!openWorkspace(db))
        return 1;
    UnsubscribeTokens tokens(db);
    if (!tokens.unsubscribe(args.first(), QStringLiteral("masir-cli")))
        return fail(tokens.errorString());
    return 0;
}

} // namespace masir

namespace masir {

int CliApp::settings(Database &db, const QStringList &args)
{
    using K = WorkspaceSettings::Key;
    const std::pair<const char *, K> keys[] = {
        {"business-name", K::BusinessName},
        {"postal-address", K::PostalAddress},
        {"unsubscribe-url", K::UnsubscribeUrl},
        {"unsubscribe-mailto", K::UnsubscribeMailto},
        {"emails-per-day", K::EmailsPerDay},
        {"sending-paused", K::SendingPaused},
        {"max-attempts", K::MaxAttempts},
        {"retry-base-ms", K::RetryBaseMs},
        {"default-region", K::DefaultRegion},
        {"quiet-from", K::QuietFrom},
        {"quiet-to", K::QuietTo},
    };
    QStringList names;
    for (const auto &[name, key] : keys)
        names << QLatin1String(name);
    const bool get = args.size() == 2 && args.first() == QLatin1String("get");
    const bool set = args.size() == 3 && args.first() == QLatin1String("set");
    if (!get && !set)
        return usageError(tr("settings get KEY or settings set KEY VALUE; keys: %1")
                              .arg(names.join(QLatin1String(", "))));
    for (const auto &[name, key] : keys) {
        if (args.at(1) != QLatin1String(name))
            continue;
        if (!openWorkspace(db))
            return 1;
        WorkspaceSettings s(db);
        if (get) {
            m_out << s.value(key).toString() << '\n';
            return 0;
        }
        QString value = args.at(2);
        if (key == K::SendingPaused)
            value = (value == QLatin1String("1") || value == QLatin1String("true") ||
                     value == QLatin1String("yes"))
                        ? QStringLiteral("1")
                        : QStringLiteral("0");
        if (!s.setValue(key, value))
            return fail(tr("Cannot save the setting."));
        return 0;
    }
    return usageError(
        tr("Unknown setting \"%1\"; keys: %2").arg(args.at(1), names.join(QLatin1String(", "))));
}

} // namespace masir
