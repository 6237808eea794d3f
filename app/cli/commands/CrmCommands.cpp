// masir-cli: the light CRM (task, deal) and a person's data under GDPR
// (contact export, contact erase, privacy log).

#include "CliCommand.h"

#include "common/ValueParsers.h"
#include "connectors/CrmConnections.h"
#include "connectors/CrmConnector.h"
#include "connectors/CrmSync.h"
#include "contacts/ContactRepository.h"
#include "crm/Deals.h"
#include "crm/Pipelines.h"
#include "crm/Tasks.h"
#include "privacy/Erasure.h"
#include "privacy/PersonalData.h"
#include "privacy/PrivacyLog.h"
#include "settings/AppSettings.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"

#include <QCalendar>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTime>

namespace masir {

namespace {

QCommandLineOption jsonOption()
{
    return {QStringLiteral("json"), CliRun::tr("Print JSON.")};
}

QString time(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(Qt::ISODate) : QString();
}

QString me()
{
    return AppSettings().value(AppSettings::Key::UserName).toString();
}

/// The contact with \a email; 0 (with the error said) when there is none.
qint64 contactByEmail(CliRun &run, const QString &email)
{
    const auto id = ContactRepository(*run.db).findIdByEmail(email);
    if (!id)
        run.fail(CliRun::tr("There is no contact with the email address %1.").arg(email));
    return id.value_or(0);
}

/// "2026-12-24", "2026-12-24T15:30" or a Jalali date ("1405-10-03"), in local
/// time; a date alone is due at 09:00.
std::optional<QDateTime> parseDue(const QString &text)
{
    if (text.contains(QLatin1Char('T'))) {
        const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
        return t.isValid() ? std::optional<QDateTime>(t) : std::nullopt;
    }
    if (const auto d = ValueParsers::parseDate(text, ValueParsers::DateMode::Auto))
        return QDateTime(*d, QTime(9, 0));
    return std::nullopt;
}

QJsonObject taskJson(const Task &t)
{
    return {
        {QStringLiteral("id"), double(t.id)},       {QStringLiteral("title"), t.title},
        {QStringLiteral("contact"), t.contactName}, {QStringLiteral("deal"), t.dealTitle},
        {QStringLiteral("owner"), t.owner},         {QStringLiteral("priority"), int(t.priority)},
        {QStringLiteral("due"), time(t.dueAt)},     {QStringLiteral("done"), time(t.doneAt)}};
}

class TaskList final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    TaskList()
        : CliCommand({QStringLiteral("task list"),
                      QStringLiteral("[--done|--all] [--owner O] [--contact EMAIL] [--json]"),
                      tr("list open tasks, the earliest due first"),
                      {{QStringLiteral("done"), tr("List the tasks that are done.")},
                       {QStringLiteral("all"), tr("List open and done tasks.")},
                       {QStringLiteral("owner"), tr("Only this owner's tasks (and nobody's)."),
                        QStringLiteral("O")},
                       {QStringLiteral("contact"), tr("Only the tasks about this contact."),
                        QStringLiteral("EMAIL")},
                       jsonOption()},
                      Workspace::ReadOnly})
    {}
    int execute(CliRun &run) const override
    {
        TaskQuery query;
        query.state = run.isSet(QStringLiteral("all"))    ? TaskQuery::State::All
                      : run.isSet(QStringLiteral("done")) ? TaskQuery::State::Done
                                                          : TaskQuery::State::Open;
        query.owner = run.value(QStringLiteral("owner"));
        if (run.isSet(QStringLiteral("contact"))) {
            query.contactId = contactByEmail(run, run.value(QStringLiteral("contact")));
            if (!query.contactId)
                return 1;
        }
        QJsonArray out;
        for (const Task &t : Tasks(run.db->connection()).list(query)) {
            if (run.json())
                out.append(taskJson(t));
            else
                run.out << t.id << '\t' << (t.isDone() ? QStringLiteral("done") : QString()) << '\t'
                        << time(t.dueAt) << '\t' << Tasks::priorityLabel(t.priority) << '\t'
                        << t.title << '\t' << t.contactName << '\t' << t.owner << '\n';
        }
        if (run.json())
            run.printJson(out, true);
        return 0;
    }
};

class TaskAdd final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    TaskAdd()
        : CliCommand({QStringLiteral("task add"),
                      QStringLiteral("TITLE [--contact EMAIL] [--due WHEN] [--owner O] "
                                     "[--priority low|normal|high]"),
                      tr("add a task"),
                      {{QStringLiteral("contact"), tr("The contact it is about."),
                        QStringLiteral("EMAIL")},
                       {QStringLiteral("due"),
                        tr("When it is due: 2026-12-24, 2026-12-24T15:30 or a Jalali date."),
                        QStringLiteral("WHEN")},
                       {QStringLiteral("owner"), tr("Whose task it is (default: you)."),
                        QStringLiteral("O")},
                       {QStringLiteral("priority"), tr("low, normal (the default) or high."),
                        QStringLiteral("P")}}})
    {}
    int check(CliRun &run) const override
    {
        if (run.words.size() != 1)
            return run.usageError(tr("task add needs the task's title (in quotes)."));
        const QString priority = run.value(QStringLiteral("priority"));
        if (!priority.isEmpty() &&
            !QStringList{QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high")}
                 .contains(priority))
            return run.usageError(
                tr("--priority is low, normal or high, not \"%1\".").arg(priority));
        if (run.isSet(QStringLiteral("due")) && !parseDue(run.value(QStringLiteral("due"))))
            return run.usageError(tr("--due \"%1\" is not a date such as 2026-12-24 or "
                                     "2026-12-24T15:30.")
                                      .arg(run.value(QStringLiteral("due"))));
        return Proceed;
    }
    int execute(CliRun &run) const override
    {
        NewTask t;
        t.title = run.words.first();
        t.owner = run.isSet(QStringLiteral("owner")) ? run.value(QStringLiteral("owner")) : me();
        t.createdAtMs = QDateTime::currentMSecsSinceEpoch();
        if (run.isSet(QStringLiteral("contact"))) {
            t.contactId = contactByEmail(run, run.value(QStringLiteral("contact")));
            if (!t.contactId)
                return 1;
        }
        if (run.isSet(QStringLiteral("due")))
            t.dueAtMs = parseDue(run.value(QStringLiteral("due")))->toMSecsSinceEpoch();
        const QString priority = run.value(QStringLiteral("priority"));
        t.priority = priority == QLatin1String("low")    ? TaskPriority::Low
                     : priority == QLatin1String("high") ? TaskPriority::High
                                                         : TaskPriority::Normal;
        Tasks tasks(run.db->connection());
        const auto id = tasks.create(t);
        if (!id)
            return run.fail(tasks.errorString());
        run.out << *id << '\n';
        return 0;
    }
};

class TaskDone final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    TaskDone()
        : CliCommand({QStringLiteral("task done"),
                      QStringLiteral("ID [--undo]"),
                      tr("mark a task done (or open again with --undo)"),
                      {{QStringLiteral("undo"), tr("Open the task again.")}}})
    {}
    int check(CliRun &run) const override
    {
        bool ok = false;
        if (run.words.size() == 1)
            run.words.first().toLongLong(&ok);
        return ok ? Proceed : run.usageError(tr("task done needs the task's number (task list)."));
    }
    int execute(CliRun &run) const override
    {
        Tasks tasks(run.db->connection());
        const qint64 id = run.words.first().toLongLong();
        if (!tasks.find(id))
            return run.fail(tr("There is no task %1.").arg(id));
        if (!tasks.setDone(id, !run.isSet(QStringLiteral("undo")),
                           QDateTime::currentMSecsSinceEpoch()))
            return run.fail(tasks.errorString());
        return 0;
    }
};

/// The pipeline named by --pipeline, or the first; nullopt (said) when there is none.
std::optional<Pipeline> pipelineOf(CliRun &run)
{
    const QString name = run.value(QStringLiteral("pipeline"));
    auto p = Pipelines(run.db->connection()).findByName(name);
    if (!p)
        run.fail(CliRun::tr("There is no pipeline named \"%1\".").arg(name));
    return p;
}

QCommandLineOption pipelineOption()
{
    return {QStringLiteral("pipeline"), CliRun::tr("The pipeline (default: the first)."),
            QStringLiteral("P")};
}

class DealList final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    DealList()
        : CliCommand({QStringLiteral("deal list"),
                      QStringLiteral("[--pipeline P] [--open] [--forecast] [--json]"),
                      tr("list a pipeline's deals, or its weighted forecast per month"),
                      {pipelineOption(),
                       {QStringLiteral("open"), tr("Only deals not yet won or lost.")},
                       {QStringLiteral("forecast"),
                        tr("The open deals' amounts per expected month, weighted by their "
                           "stage's probability.")},
                       jsonOption()},
                      Workspace::ReadOnly})
    {}
    int execute(CliRun &run) const override
    {
        const auto pipeline = pipelineOf(run);
        if (!pipeline)
            return 1;
        Deals deals(run.db->connection());
        QJsonArray out;
        if (run.isSet(QStringLiteral("forecast"))) {
            for (const ForecastMonth &m : deals.forecast(pipeline->id, QCalendar())) {
                const QString month =
                    m.month.isValid() ? m.month.toString(QStringLiteral("yyyy-MM")) : tr("no date");
                if (run.json())
                    out.append(QJsonObject{{QStringLiteral("month"), month},
                                           {QStringLiteral("deals"), m.deals},
                                           {QStringLiteral("amount"), m.amount},
                                           {QStringLiteral("weighted"), m.weighted}});
                else
                    run.out << month << '\t' << m.deals << '\t' << m.amount << '\t' << m.weighted
                            << '\n';
            }
        } else {
            DealQuery query;
            query.pipelineId = pipeline->id;
            query.openOnly = run.isSet(QStringLiteral("open"));
            for (const Deal &d : deals.list(query)) {
                const PipelineStage *s = pipeline->stage(d.stageId);
                const QString stage = s ? s->key : QString();
                if (run.json())
                    out.append(QJsonObject{
                        {QStringLiteral("id"), double(d.id)},
                        {QStringLiteral("title"), d.title},
                        {QStringLiteral("stage"), stage},
                        {QStringLiteral("contact"), d.contactName},
                        {QStringLiteral("amount"), d.amount},
                        {QStringLiteral("currency"), d.currency},
                        {QStringLiteral("expectedClose"), d.expectedClose.toString(Qt::ISODate)},
                        {QStringLiteral("owner"), d.owner}});
                else
                    run.out << d.id << '\t' << stage << '\t' << d.title << '\t' << d.contactName
                            << '\t' << d.amount << ' ' << d.currency << '\t'
                            << d.expectedClose.toString(Qt::ISODate) << '\t' << d.owner << '\n';
            }
        }
        if (run.json())
            run.printJson(out, true);
        return 0;
    }
};

class DealAdd final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    DealAdd()
        : CliCommand({QStringLiteral("deal add"),
                      QStringLiteral("TITLE --contact EMAIL [--amount N] [--currency C] "
                                     "[--stage S] [--close DATE] [--owner O] [--pipeline P]"),
                      tr("open a deal"),
                      {{QStringLiteral("contact"), tr("The contact the deal is with."),
                        QStringLiteral("EMAIL")},
                       {QStringLiteral("amount"), tr("What it is worth."), QStringLiteral("N")},
                       {QStringLiteral("currency"), tr("Its currency (default: the business's)."),
                        QStringLiteral("C")},
                       {QStringLiteral("stage"),
                        tr("Its stage, by key or name (default: the "
                           "first)."),
                        QStringLiteral("S")},
                       {QStringLiteral("close"), tr("When it is expected to close."),
                        QStringLiteral("DATE")},
                       {QStringLiteral("owner"), tr("Whose deal it is (default: you)."),
                        QStringLiteral("O")},
                       pipelineOption()}})
    {}
    int check(CliRun &run) const override
    {
        if (run.words.size() != 1 || !run.isSet(QStringLiteral("contact")))
            return run.usageError(tr("deal add needs the deal's title and --contact EMAIL."));
        bool ok = true;
        if (run.isSet(QStringLiteral("amount")))
            run.value(QStringLiteral("amount")).toDouble(&ok);
        if (!ok)
            return run.usageError(
                tr("--amount \"%1\" is not a number.").arg(run.value(QStringLiteral("amount"))));
        if (run.isSet(QStringLiteral("close")) &&
            !ValueParsers::parseDate(run.value(QStringLiteral("close")),
                                     ValueParsers::DateMode::Auto))
            return run.usageError(tr("--close \"%1\" is not a date such as 2026-12-24.")
                                      .arg(run.value(QStringLiteral("close"))));
        return Proceed;
    }
    int execute(CliRun &run) const override
    {
        const auto pipeline = pipelineOf(run);
        if (!pipeline)
            return 1;
        Deal d;
        d.pipelineId = pipeline->id;
        d.title = run.words.first();
        d.contactId = contactByEmail(run, run.value(QStringLiteral("contact")));
        if (!d.contactId)
            return 1;
        if (run.isSet(QStringLiteral("stage"))) {
            const PipelineStage *s = pipeline->stageByKey(run.value(QStringLiteral("stage")));
            if (!s)
                return run.fail(tr("The pipeline \"%1\" has no stage \"%2\".")
                                    .arg(pipeline->name, run.value(QStringLiteral("stage"))));
            d.stageId = s->id;
        }
        d.amount = run.value(QStringLiteral("amount")).toDouble();
        d.currency =
            run.isSet(QStringLiteral("currency"))
                ? run.value(QStringLiteral("currency"))
                : WorkspaceSettings(*run.db).value(WorkspaceSettings::Key::Currency).toString();
        if (run.isSet(QStringLiteral("close")))
            d.expectedClose = *ValueParsers::parseDate(run.value(QStringLiteral("close")),
                                                       ValueParsers::DateMode::Auto);
        d.owner = run.isSet(QStringLiteral("owner")) ? run.value(QStringLiteral("owner")) : me();
        Deals deals(run.db->connection());
        const auto id = deals.create(d, QDateTime::currentMSecsSinceEpoch());
        if (!id)
            return run.fail(deals.errorString());
        run.out << *id << '\n';
        return 0;
    }
};

class DealMove final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    DealMove()
        : CliCommand({QStringLiteral("deal move"), QStringLiteral("ID STAGE"),
                      tr("move a deal to another stage of its pipeline (won: revenue)")})
    {}
    int check(CliRun &run) const override
    {
        bool ok = false;
        if (run.words.size() == 2)
            run.words.first().toLongLong(&ok);
        return ok ? Proceed
                  : run.usageError(tr("deal move needs the deal's number and the stage."));
    }
    int execute(CliRun &run) const override
    {
        Deals deals(run.db->connection());
        const auto deal = deals.find(run.words.first().toLongLong());
        if (!deal)
            return run.fail(tr("There is no deal %1.").arg(run.words.first()));
        const auto pipeline = Pipelines(run.db->connection()).find(deal->pipelineId);
        const PipelineStage *to = pipeline ? pipeline->stageByKey(run.words.at(1)) : nullptr;
        if (!to) {
            QStringList keys;
            if (pipeline) {
                for (const PipelineStage &s : pipeline->stages)
                    keys << s.key;
            }
            return run.fail(tr("The deal's pipeline has no stage \"%1\"; its stages are: %2.")
                                .arg(run.words.at(1), keys.join(QStringLiteral(", "))));
        }
        if (!deals.move(deal->id, to->id, QDateTime::currentMSecsSinceEpoch()))
            return run.fail(deals.errorString());
        return 0;
    }
};

class ContactExportData final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ContactExportData()
        : CliCommand({QStringLiteral("contact export"),
                      QStringLiteral("EMAIL [FILE.json|FILE.html]"),
                      tr("export everything kept about one person (GDPR Art. 15 and 20)")})
    {}
    int check(CliRun &run) const override
    {
        if (run.words.isEmpty() || run.words.size() > 2)
            return run.usageError(tr("contact export needs the person's email address, and "
                                     "the file to write (else JSON is printed)."));
        return Proceed;
    }
    int execute(CliRun &run) const override
    {
        const qint64 id = contactByEmail(run, run.words.first());
        if (!id)
            return 1;
        PersonalData data(*run.db);
        const auto json = data.collect(id);
        if (!json)
            return run.fail(data.errorString());
        const QString path = run.words.value(1);
        const bool html = path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) ||
                          path.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive);
        const QByteArray bytes = html ? PersonalData::toHtml(*json).toUtf8()
                                      : QJsonDocument(*json).toJson(QJsonDocument::Indented);
        if (path.isEmpty()) {
            run.out << QString::fromUtf8(bytes);
        } else {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() ||
                !file.commit())
                return run.fail(tr("Cannot write %1: %2")
                                    .arg(QDir::toNativeSeparators(path), file.errorString()));
            run.err << tr("Wrote %1.").arg(QDir::toNativeSeparators(path)) << '\n';
        }
        if (!data.logExport(id, me(), html ? QStringLiteral("html") : QStringLiteral("json")))
            return run.fail(data.errorString());
        return 0;
    }
};

class ContactErase final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ContactErase()
        : CliCommand({QStringLiteral("contact erase"),
                      QStringLiteral("EMAIL --yes"),
                      tr("erase one person everywhere, for good (GDPR Art. 17)"),
                      {{QStringLiteral("yes"), tr("Yes, erase them: this cannot be undone.")}}})
    {}
    int check(CliRun &run) const override
    {
        if (run.words.size() != 1)
            return run.usageError(tr("contact erase needs the person's email address."));
        if (!run.isSet(QStringLiteral("yes")))
            return run.usageError(
                tr("Erasing cannot be undone: add --yes to erase %1.").arg(run.words.first()));
        return Proceed;
    }
    int execute(CliRun &run) const override
    {
        const qint64 id = contactByEmail(run, run.words.first());
        if (!id)
            return 1;
        Erasure erasure(*run.db);
        const auto report = erasure.erase(id, me(), QDateTime::currentMSecsSinceEpoch());
        if (!report)
            return run.fail(erasure.errorString());
        run.err << tr("Erased %1: %n event(s), %2 message(s), %3 open(s) and click(s), %4 "
                      "returned mail(s) and %5 import row(s). Only a hash of the address is "
                      "kept, so that nothing is sent to it again.",
                      nullptr, int(report->events))
                       .arg(run.words.first())
                       .arg(report->messages)
                       .arg(report->hits)
                       .arg(report->returned)
                       .arg(report->importRows)
                << '\n';
        if (!report->warning.isEmpty())
            run.err << report->warning << '\n';
        return 0;
    }
};

class PrivacyLogList final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    PrivacyLogList()
        : CliCommand({QStringLiteral("privacy log"),
                      QStringLiteral("[--json]"),
                      tr("list the exports and erasures of people's data"),
                      {jsonOption()},
                      Workspace::ReadOnly})
    {}
    int execute(CliRun &run) const override
    {
        QJsonArray out;
        for (const PrivacyLogEntry &e : PrivacyLog(run.db->connection()).entries()) {
            if (run.json())
                out.append(QJsonObject{{QStringLiteral("at"), time(e.at)},
                                       {QStringLiteral("action"), e.action},
                                       {QStringLiteral("subject"), e.subjectHash},
                                       {QStringLiteral("by"), e.byUser},
                                       {QStringLiteral("detail"), e.detail}});
            else
                run.out << time(e.at) << '\t' << e.action << '\t' << e.byUser << '\t'
                        << e.subjectHash.left(16) << '\t' << e.detail << '\n';
        }
        if (run.json())
            run.printJson(out, true);
        return 0;
    }
};

bool isConnectorName(CliRun &run, const QString &key)
{
    if (CrmConnector::keys().contains(key))
        return true;
    run.usageError(CliRun::tr("Masir syncs with hubspot and pipedrive, not \"%1\".").arg(key));
    return false;
}

class CrmConnect final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CrmConnect()
        : CliCommand({QStringLiteral("crm connect"),
                      QStringLiteral("hubspot|pipedrive --token T [--url U] [--every HOURS] "
                                     "[--write-back FIELDS] [--property F=P]"),
                      tr("connect a CRM: the token is checked and kept in the keychain"),
                      {{QStringLiteral("token"),
                        tr("HubSpot: a private app's access token; Pipedrive: your API token."),
                        QStringLiteral("T")},
                       {QStringLiteral("url"), tr("The CRM's API address (default: the vendor's)."),
                        QStringLiteral("U")},
                       {QStringLiteral("every"),
                        tr("Sync in the background every HOURS hours (0: only on demand)."),
                        QStringLiteral("HOURS")},
                       {QStringLiteral("write-back"),
                        tr("Write Masir's values to the CRM's contacts: any of score, stage, "
                           "unsubscribed, comma separated."),
                        QStringLiteral("FIELDS")},
                       {QStringLiteral("property"),
                        tr("The CRM property (Pipedrive: the custom field's key) a field goes "
                           "to, as field=property; may be repeated."),
                        QStringLiteral("F=P")}}})
    {}
    int check(CliRun &run) const override
    {
        if (run.words.size() != 1)
            return run.usageError(tr("crm connect needs the CRM: hubspot or pipedrive."));
        if (!isConnectorName(run, run.words.first()))
            return 2;
        if (!run.isSet(QStringLiteral("token")))
            return run.usageError(tr("crm connect needs --token."));
        if (run.isSet(QStringLiteral("every")) && !run.number(QStringLiteral("every"), 0))
            return 2;
        return Proceed;
    }
    int execute(CliRun &run) const override
    {
        CrmConnection c;
        c.key = run.words.first();
        c.url = run.value(QStringLiteral("url"));
        c.everyHours = run.value(QStringLiteral("every")).toInt();
        for (const QString &f :
             run.value(QStringLiteral("write-back")).split(QLatin1Char(','), Qt::SkipEmptyParts))
            c.writeBack << f.trimmed();
        for (const QString &p : run.parser.values(QStringLiteral("property"))) {
            if (!p.contains(QLatin1Char('=')))
                return run.usageError(tr("--property takes field=property, not \"%1\".").arg(p));
            c.properties.insert(p.section(QLatin1Char('='), 0, 0).trimmed(),
                                p.section(QLatin1Char('='), 1).trimmed());
        }
        CrmConnections connections(*run.db);
        if (!connections.connect(c, run.value(QStringLiteral("token"))))
            return run.fail(connections.errorString());
        run.err << tr("Connected to %1.").arg(CrmConnections::label(c.key)) << '\n';
        return 0;
    }
};

class CrmSyncCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CrmSyncCommand()
        : CliCommand(
              {QStringLiteral("crm sync"),
               QStringLiteral("hubspot|pipedrive [--full] [--json]"),
               tr("sync contacts and deals from a CRM (what changed since the last sync)"),
               {{QStringLiteral("full"), tr("Read everything again, not only what changed.")},
                jsonOption()}})
    {}
    int check(CliRun &run) const override
    {
        if (run.words.size() != 1)
            return run.usageError(tr("crm sync needs the CRM: hubspot or pipedrive."));
        return isConnectorName(run, run.words.first()) ? Proceed : 2;
    }
    int execute(CliRun &run) const override
    {
        CrmConnections connections(*run.db);
        auto connector = connections.connector(run.words.first());
        if (!connector)
            return run.fail(connections.errorString());
        CrmSync sync(*run.db, *connector);
        if (const auto c = connections.find(run.words.first()))
            sync.setWriteBack(c->writeBack, c->properties);
        qint64 shown = -1;
        const auto report =
            sync.run(run.isSet(QStringLiteral("full")), [&run, &shown](const CrmSyncProgress &p) {
                if (p.done / 1000 == shown)
                    return;
                shown = p.done / 1000;
                run.err << QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz")) << ' '
                        << tr("%1: %2").arg(p.phase).arg(p.done) << '\n';
                run.err.flush();
            });
        if (!report)
            return run.fail(sync.errorString());
        if (run.json()) {
            run.printJson(report->toJson(), true);
        } else {
            run.out << tr("%1 people read, %2 new, %3 updated, %4 rejected (import %5); deals: %6 "
                          "new, %7 updated, %8 moved; %9 s")
                           .arg(report->people)
                           .arg(report->import.created)
                           .arg(report->import.updated)
                           .arg(report->import.rejected)
                           .arg(report->import.importId)
                           .arg(report->dealsCreated)
                           .arg(report->dealsUpdated)
                           .arg(report->dealsMoved)
                           .arg(report->seconds, 0, 'f', 1)
                    << '\n';
            for (const QString &issue : report->dealIssues)
                run.out << issue << '\n';
        }
        return 0;
    }
};

} // namespace

void addCrmCommands(CliCommands &commands)
{
    commands.push_back(std::make_unique<TaskList>());
    commands.push_back(std::make_unique<TaskAdd>());
    commands.push_back(std::make_unique<TaskDone>());
    commands.push_back(std::make_unique<DealList>());
    commands.push_back(std::make_unique<DealAdd>());
    commands.push_back(std::make_unique<DealMove>());
    commands.push_back(std::make_unique<ContactExportData>());
    commands.push_back(std::make_unique<ContactErase>());
    commands.push_back(std::make_unique<PrivacyLogList>());
    commands.push_back(std::make_unique<CrmConnect>());
    commands.push_back(std::make_unique<CrmSyncCommand>());
}

} // namespace masir
