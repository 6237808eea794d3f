// masir-cli: journeys (list, templates, create, import, activate, pause, enrol,
// simulate) and the worker.

#include "CliCommand.h"

#include "common/Clock.h"
#include "contacts/ContactRepository.h"
#include "journeys/JourneyEngine.h"
#include "journeys/JourneyRepository.h"
#include "journeys/JourneySimulator.h"
#include "journeys/JourneyTemplates.h"
#include "journeys/NodeTypes.h"
#include "scheduler/Worker.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/WorkNotices.h"
#include "storage/WorkerHeartbeat.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QThread>

#include <atomic>
#include <csignal>

namespace masir {

namespace {

QCommandLineOption jsonOption()
{
    return {QStringLiteral("json"), CliRun::tr("Print JSON.")};
}

QString language()
{
    return QLocale().name().left(2);
}

/// The journey called \a name; nullopt (with the reason said) when there is none.
std::optional<Journey> journeyNamed(CliRun &run, const QString &name)
{
    const auto j = JourneyRepository(*run.db).findByName(name);
    if (!j)
        run.fail(CliRun::tr("There is no journey called \"%1\".").arg(name));
    return j;
}

/// What stopped a journey from being saved or started, node by node.
void printIssues(CliRun &run, const QList<JourneyIssue> &issues)
{
    for (const JourneyIssue &i : issues)
        run.err << (i.nodeId.isEmpty() ? CliRun::tr("journey")
                                       : CliRun::tr("node %1").arg(i.nodeId))
                << ": " << i.message << '\n';
    run.err.flush();
}

/// Every contact, or the members of --segment, as ids; nullopt when the segment is unknown.
std::optional<QList<qint64>> contactsOf(CliRun &run, int limit)
{
    ContactQuery query;
    if (run.isSet(QStringLiteral("segment"))) {
        SegmentRepository segments(*run.db);
        const auto s = segments.findByName(run.value(QStringLiteral("segment")));
        if (!s) {
            run.fail(CliRun::tr("There is no segment called \"%1\".")
                         .arg(run.value(QStringLiteral("segment"))));
            return std::nullopt;
        }
        query.filter = segments.contactFilter(s->id);
    }
    QList<qint64> ids;
    ContactRepository contacts(*run.db);
    PageRequest page;
    page.limit = std::min(limit, 5000);
    for (;;) {
        const QList<ContactListRow> rows = contacts.page(query, page);
        for (const ContactListRow &r : rows)
            ids << r.id;
        if (rows.size() < page.limit || ids.size() >= limit)
            break;
        page.from = PageRequest::From::After;
        page.anchorId = rows.last().id;
        page.anchorValue = rows.last().id;
    }
    return ids.mid(0, limit);
}

class JourneyList final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    JourneyList()
        : CliCommand({QStringLiteral("journey list"),
                      QStringLiteral("[--json]"),
                      tr("list journeys with their status and counts"),
                      {jsonOption()}})
    {}
    int execute(CliRun &run) const override
    {
        JourneyRepository repo(*run.db);
        QJsonArray list;
        for (const Journey &j : repo.list()) {
            qint64 waiting = 0;
            qint64 passed = 0;
            for (const JourneyNodeCount &c : repo.counts(j.id)) {
                waiting += c.waiting;
                passed += c.passed;
            }
            if (run.json())
                list.append(QJsonObject{{QStringLiteral("name"), j.name},
                                        {QStringLiteral("status"), j.status},
                                        {QStringLiteral("version"), j.version},
                                        {QStringLiteral("inJourney"), waiting},
                                        {QStringLiteral("steps"), passed}});
            else
                run.out << j.name << '\t' << j.status << '\t' << tr("version %1").arg(j.version)
                        << '\t' << tr("%1 in the journey").arg(waiting) << '\n';
        }
        if (run.json())
            run.printJson(list, true);
        return 0;
    }
};

class JourneyImport final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    JourneyImport()
        : CliCommand({QStringLiteral("journey import"),
                      QStringLiteral("FILE.json [--name N] [--activate]"),
                      tr("save a journey from a file"),
                      {{QStringLiteral("name"), tr("The journey's name."), QStringLiteral("NAME")},
                       {QStringLiteral("activate"), tr("Start the journey once saved.")}}})
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 1 ? Proceed
                                     : run.usageError(tr("journey import takes one file."));
    }
    int execute(CliRun &run) const override
    {
        QFile file(run.words.first());
        if (!file.open(QIODevice::ReadOnly))
            return run.fail(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        QJsonParseError parseError;
        const QJsonObject json = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        if (parseError.error != QJsonParseError::NoError)
            return run.fail(
                tr("%1 is not JSON: %2").arg(file.fileName(), parseError.errorString()));
        // Either a bare graph, or {"name", "policy", "graph"}.
        const bool wrapped = json.contains(QStringLiteral("graph"));
        JourneyRepository repo(*run.db);
        Journey j;
        j.name = run.isSet(QStringLiteral("name"))
                     ? run.value(QStringLiteral("name"))
                     : json.value(QStringLiteral("name")).toString(QFileInfo(file).baseName());
        if (const auto existing = repo.findByName(j.name))
            j = *existing;
        j.graph = wrapped ? json.value(QStringLiteral("graph")).toObject() : json;
        if (wrapped)
            j.policy = JourneyPolicy::fromJson(json.value(QStringLiteral("policy")).toObject());
        if (!repo.save(j) || (run.isSet(QStringLiteral("activate")) && !repo.activate(j.id))) {
            printIssues(run, repo.issues());
            return run.fail(repo.errorString());
        }
        run.out << tr("Saved journey \"%1\".").arg(j.name) << '\n';
        return 0;
    }
};

class JourneyTemplatesList final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    JourneyTemplatesList()
        : CliCommand({QStringLiteral("journey templates"),
                      QStringLiteral("[--json]"),
                      tr("list the ready journeys to start from"),
                      {jsonOption()},
                      Workspace::None})
    {}
    int execute(CliRun &run) const override
    {
        QJsonArray list;
        for (const JourneyTemplate &t : JourneyTemplates::all(language())) {
            if (run.json())
                list.append(QJsonObject{{QStringLiteral("key"), t.key},
                                        {QStringLiteral("name"), t.name},
                                        {QStringLiteral("description"), t.description}});
            else
                run.out << t.key << '\t' << t.name << "\n    " << t.description << '\n';
        }
        if (run.json())
            run.printJson(list, true);
        return 0;
    }
};

class JourneyCreate final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    JourneyCreate()
        : CliCommand({QStringLiteral("journey create"),
                      QStringLiteral("NAME --template KEY"),
                      tr("save a new journey from a template"),
                      {{QStringLiteral("template"), tr("The template to start from."),
                        QStringLiteral("KEY")}}})
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 1 && run.isSet(QStringLiteral("template"))
                   ? Proceed
                   : run.usageError(tr("journey create takes a name and --template KEY."));
    }
    int execute(CliRun &run) const override
    {
        const auto t = JourneyTemplates::find(run.value(QStringLiteral("template")), language());
        if (!t)
            return run.fail(tr("There is no template \"%1\"; see journey templates.")
                                .arg(run.value(QStringLiteral("template"))));
        QString error;
        if (!JourneyTemplates::create(*run.db, *t, run.words.first(), &error))
            return run.fail(error);
        run.out << tr("Saved journey \"%1\".").arg(run.words.first().trimmed()) << '\n';
        return 0;
    }
};

/// journey activate and journey pause.
class JourneyStatus final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    explicit JourneyStatus(bool activate)
        : CliCommand(
              {activate ? QStringLiteral("journey activate") : QStringLiteral("journey pause"),
               QStringLiteral("NAME"), activate ? tr("start a journey") : tr("pause a journey")})
        , m_activate(activate)
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 1
                   ? Proceed
                   : run.usageError(tr("journey %1 takes a journey name.")
                                        .arg(m_activate ? QStringLiteral("activate")
                                                        : QStringLiteral("pause")));
    }
    int execute(CliRun &run) const override
    {
        const auto j = journeyNamed(run, run.words.first());
        if (!j)
            return 1;
        JourneyRepository repo(*run.db);
        if (!(m_activate ? repo.activate(j->id) : repo.pause(j->id))) {
            printIssues(run, repo.issues());
            return run.fail(repo.errorString());
        }
        return 0;
    }

private:
    bool m_activate;
};

class JourneyEnrol final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    JourneyEnrol()
        : CliCommand({QStringLiteral("journey enrol"),
                      QStringLiteral("NAME (--segment S | --all)"),
                      tr("add contacts to a journey by hand"),
                      {{QStringLiteral("segment"), tr("The segment or list to enrol."),
                        QStringLiteral("NAME")},
                       {QStringLiteral("all"), tr("Enrol every contact.")}}})
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 1 &&
                       run.isSet(QStringLiteral("all")) != run.isSet(QStringLiteral("segment"))
                   ? Proceed
                   : run.usageError(
                         tr("journey enrol takes a journey name and --segment S or --all."));
    }
    int execute(CliRun &run) const override
    {
        const auto j = journeyNamed(run, run.words.first());
        if (!j)
            return 1;
        const auto ids = contactsOf(run, std::numeric_limits<int>::max());
        if (!ids)
            return 1;
        SystemClock clock;
        JourneyEngine engine(*run.db, clock);
        const auto n = engine.enrol(j->id, *ids);
        if (!n)
            return run.fail(engine.errorString());
        run.out << *n << '\n';
        return 0;
    }
};

class JourneySimulate final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    JourneySimulate()
        : CliCommand(
              {QStringLiteral("journey simulate"),
               QStringLiteral("NAME (--contact ID ... | --segment S [--sample N]) [--days N] "
                              "[--json]"),
               tr("show what a journey would do, sending nothing"),
               {{QStringLiteral("contact"), tr("A contact to simulate (repeatable)."),
                 QStringLiteral("ID")},
                {QStringLiteral("segment"), tr("The segment or list to enrol."),
                 QStringLiteral("NAME")},
                {QStringLiteral("sample"), tr("How many contacts of the segment to simulate."),
                 QStringLiteral("N"), QStringLiteral("10")},
                {QStringLiteral("days"), tr("How many days to simulate."), QStringLiteral("N"),
                 QStringLiteral("60")},
                jsonOption()}})
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 1 &&
                       run.isSet(QStringLiteral("contact")) != run.isSet(QStringLiteral("segment"))
                   ? Proceed
                   : run.usageError(tr(
                         "journey simulate takes a journey name and --contact ID or --segment S."));
    }
    int execute(CliRun &run) const override
    {
        const auto j = journeyNamed(run, run.words.first());
        if (!j)
            return 1;
        QList<qint64> ids;
        for (const QString &v : run.parser.values(QStringLiteral("contact")))
            ids << v.toLongLong();
        if (run.isSet(QStringLiteral("segment"))) {
            const auto members =
                contactsOf(run, std::max(1, run.value(QStringLiteral("sample")).toInt()));
            if (!members)
                return 1;
            ids = *members;
        }
        JourneySimulator sim(*run.db);
        const auto runs = sim.run(j->id, ids, QDateTime::currentDateTimeUtc(),
                                  std::max(1, run.value(QStringLiteral("days")).toInt()));
        if (!runs)
            return run.fail(sim.errorString());
        printIssues(run, sim.problems());
        QJsonArray out;
        for (const JourneySimulator::ContactRun &r : *runs)
            out.append(describe(run, r));
        if (run.json())
            run.printJson(out, true);
        return 0;
    }

private:
    /// One contact's run as JSON, printed as text too unless --json.
    static QJsonObject describe(CliRun &run, const JourneySimulator::ContactRun &r)
    {
        const bool text = !run.json();
        QJsonArray path;
        QJsonArray messages;
        if (text)
            run.out << r.name << " (#" << r.contactId << "): " << r.state << '\n';
        for (const JourneySimulator::Step &step : r.path) {
            const NodeType *type = NodeTypes::find(step.nodeType);
            path.append(QJsonObject{{QStringLiteral("at"), step.at.toString(Qt::ISODate)},
                                    {QStringLiteral("node"), step.nodeId},
                                    {QStringLiteral("type"), step.nodeType},
                                    {QStringLiteral("port"), step.port},
                                    {QStringLiteral("outcome"), step.outcome}});
            if (text)
                run.out << "  " << step.at.toString(Qt::ISODate) << "  "
                        << (type ? type->label() : step.nodeType)
                        << (step.port.isEmpty() || step.port == QLatin1String("next")
                                ? QString()
                                : QStringLiteral(" -> ") + step.port)
                        << (step.outcome.isEmpty()
                                ? QString()
                                : QStringLiteral(" (") + JourneyEngine::outcomeLabel(step.outcome) +
                                      QLatin1Char(')'))
                        << '\n';
        }
        for (const JourneySimulator::Message &msg : r.messages) {
            messages.append(QJsonObject{{QStringLiteral("at"), msg.at.toString(Qt::ISODate)},
                                        {QStringLiteral("channel"), msg.channel},
                                        {QStringLiteral("template"), msg.templateKey},
                                        {QStringLiteral("to"), msg.to},
                                        {QStringLiteral("problem"), msg.problem}});
            if (text)
                run.out << "  "
                        << (msg.problem.isEmpty()
                                ? tr("would send %1 \"%2\" to %3 at %4")
                                      .arg(msg.channel, msg.templateKey, msg.to,
                                           msg.at.toString(Qt::ISODate))
                                : tr("%1 \"%2\" to %3 at %4: %5")
                                      .arg(msg.channel, msg.templateKey, msg.to,
                                           msg.at.toString(Qt::ISODate), msg.problem))
                        << '\n';
        }
        return QJsonObject{{QStringLiteral("contact"), r.contactId},
                           {QStringLiteral("name"), r.name},
                           {QStringLiteral("state"), r.state},
                           {QStringLiteral("path"), path},
                           {QStringLiteral("messages"), messages}};
    }
};

std::atomic<bool> g_stopWorker{false};
extern "C" void stopWorker(int)
{
    g_stopWorker = true;
}

class WorkerRun final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    WorkerRun()
        : CliCommand(
              {QStringLiteral("worker run"),
               QStringLiteral("[--once] [--batch N] [--campaign-batch N] [--send-budget MS]"),
               tr("run journeys and campaigns and send in the foreground (--once: one "
                  "cycle)"),
               {{QStringLiteral("once"), tr("Run one cycle, then stop.")},
                {QStringLiteral("batch"), tr("Enrolments per transaction."), QStringLiteral("N"),
                 QString::number(JourneyEngine::kBatchSize)},
                {QStringLiteral("campaign-batch"),
                 tr("Campaign recipients written to the outbox per transaction."),
                 QStringLiteral("N"), QString::number(CampaignRunner::kBatchSize)},
                {QStringLiteral("send-budget"),
                 tr("Milliseconds to send for in each cycle (default 1000)."), QStringLiteral("MS"),
                 QStringLiteral("1000")}}})
    {}
    int check(CliRun &run) const override
    {
        if (!run.number(QStringLiteral("batch"), 1) ||
            !run.number(QStringLiteral("campaign-batch"), 1))
            return 2;
        return run.words.isEmpty() ? Proceed : run.usageError(tr("worker run takes only options."));
    }
    int execute(CliRun &run) const override
    {
        const int batch = run.value(QStringLiteral("batch")).toInt();
        const bool once = run.isSet(QStringLiteral("once"));
        SystemClock clock;
        WorkerCycle cycle(*run.db, clock);
        std::signal(SIGINT, stopWorker);
        std::signal(SIGTERM, stopWorker);
        // On a server, new work another process commits ends the sleep.
        WorkNotices notices;
        bool woken = false;
        QObject::connect(&notices, &WorkNotices::workArrived, &notices, [&woken] { woken = true; });
        do {
            QStringList failed;
            { // the cycle's cache and checkpointer are the cycle's, not the sleep's
                const auto scope = cycle.scope();
                failed = runCycle(run, cycle, batch, once);
            }
            notices.listen(run.db->connection()); // again after a reconnect
            const bool ok = failed.isEmpty();
            if (!ok) {
                if (once)
                    return run.fail(failed.join(QLatin1Char('\n')));
                // A worker that runs for good outlives a failed cycle (the server
                // restarting, a lock held too long): it says so and tries again.
                for (const QString &error : std::as_const(failed))
                    run.err << tr("This cycle failed; the next one tries again: %1").arg(error)
                            << '\n';
                run.err.flush();
            }
            if (once)
                break;
            // Sleep until the next step is due, looking for new events every 5 s;
            // on a server, after a cycle that did not fail, sooner when notified
            // (at most a cycle a second).
            woken = false;
            qint64 slept = 0;
            for (qint64 left = ok ? cycle.sleepMs(5000) : 5000;
                 left > 0 && !g_stopWorker && !(ok && woken && slept >= 1000);
                 left -= 100, slept += 100) {
                QThread::msleep(std::min<qint64>(left, 100));
                QCoreApplication::processEvents(); // the driver reads notices
            }
        } while (!g_stopWorker);
        return 0;
    }

private:
    /// One cycle, as the app's worker runs it: what came in, journeys,
    /// campaigns, sending, returned mail; what failed, if anything. A part
    /// that fails does not stop the others: a sender holding the lock still
    /// sends (else no one would while it holds it).
    QStringList runCycle(CliRun &run, WorkerCycle &cycle, int batch, bool once) const
    {
        QStringList failed;
        const auto in = cycle.intake(&g_stopWorker);
        if (!in)
            failed << cycle.errorString();
        else if (!in->collectorError.isEmpty())
            run.err << in->collectorError << '\n';
        if (g_stopWorker)
            return failed;
        if (const auto stats = cycle.run(batch); !stats)
            failed << cycle.errorString();
        else if (stats->steps || stats->enrolled || once)
            run.out << tr("%1 enrolled, %2 steps, %3 messages queued, %4 finished")
                           .arg(stats->enrolled)
                           .arg(stats->steps)
                           .arg(stats->queued)
                           .arg(stats->completed + stats->exited)
                    << '\n';
        if (const auto campaigns =
                cycle.campaigns(2000, run.value(QStringLiteral("campaign-batch")).toInt());
            !campaigns) {
            failed << cycle.errorString();
        } else {
            if (campaigns->started || campaigns->queued || campaigns->decided ||
                campaigns->finished)
                run.out << tr("campaigns: %1 started, %2 messages queued, %3 tests decided, "
                              "%4 done")
                               .arg(campaigns->started)
                               .arg(campaigns->queued)
                               .arg(campaigns->decided)
                               .arg(campaigns->finished)
                        << '\n';
            for (const QString &refused : campaigns->refused)
                run.err << refused << '\n';
        }
        if (const auto sent = cycle.send(run.value(QStringLiteral("send-budget")).toLongLong());
            !sent) {
            failed << cycle.errorString();
        } else {
            if (sent->sent || sent->failed || sent->retried || sent->interrupted ||
                sent->cancelled || sent->suppressed || once)
                run.out << tr("%1 sent, %2 retrying, %3 failed, %4 dropped, %5 interrupted")
                               .arg(sent->sent)
                               .arg(sent->retried)
                               .arg(sent->failed)
                               .arg(sent->cancelled + sent->suppressed)
                               .arg(sent->interrupted)
                        << '\n';
            for (const QString &problem : sent->accountErrors)
                run.err << problem << '\n';
        }
        if (const auto returned = cycle.mailboxes(&g_stopWorker); !returned) {
            failed << cycle.errorString();
        } else {
            if (returned->mailboxes && (returned->read || once))
                run.out << MailboxPoller::describe(*returned) << '\n';
            for (const QString &problem : returned->errors)
                run.err << problem << '\n';
        }
        run.err.flush();
        run.out.flush();
        return failed;
    }
};

/// worker status: the workspace's workers and what each does, from their heartbeats.
class WorkerStatus final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    WorkerStatus()
        : CliCommand({QStringLiteral("worker status"),
                      QStringLiteral("[--json]"),
                      tr("show the workspace's workers (desktops and masir-cli worker run): "
                         "which one sends, which stand by, when each was last heard from"),
                      {jsonOption()},
                      Workspace::ReadOnly})
    {}
    int execute(CliRun &run) const override
    {
        QString error;
        const auto workers = WorkerHeartbeat::list(*run.db, &error);
        if (!workers)
            return run.fail(tr("Cannot read the workers: %1").arg(error));
        // a worker silent past the lease has stopped or is gone (killed, its machine off)
        const qint64 leaseMs =
            1000LL *
            WorkspaceSettings(*run.db).value(WorkspaceSettings::Key::SenderLeaseSeconds).toInt();
        QJsonArray list;
        for (const WorkerBeat &w : *workers) {
            if (run.json())
                list.append(QJsonObject{{QStringLiteral("program"), w.program},
                                        {QStringLiteral("host"), w.host},
                                        {QStringLiteral("pid"), w.pid},
                                        {QStringLiteral("state"), w.state},
                                        {QStringLiteral("detail"), w.detail},
                                        {QStringLiteral("serverPid"), w.lockPid},
                                        {QStringLiteral("silentMs"), w.silentMs}});
            else
                run.out << w.program << '\t' << w.host << '\t' << tr("pid %1").arg(w.pid) << '\t'
                        << tr("heard %1 s ago").arg(QLocale().toString(w.silentMs / 1000)) << '\t'
                        << (w.silentMs > leaseMs
                                ? tr("silent past the lease: stopped, or gone without a word")
                                : WorkerHeartbeat::describe(w))
                        << '\n';
        }
        if (run.json())
            run.printJson(list, true);
        else if (workers->isEmpty())
            run.out << tr("No worker runs on this workspace. Start one with masir-cli worker run.")
                    << '\n';
        return 0;
    }
};

} // namespace

void addJourneyCommands(CliCommands &commands)
{
    commands.push_back(std::make_unique<JourneyList>());
    commands.push_back(std::make_unique<JourneyImport>());
    commands.push_back(std::make_unique<JourneyTemplatesList>());
    commands.push_back(std::make_unique<JourneyCreate>());
    commands.push_back(std::make_unique<JourneyStatus>(true));
    commands.push_back(std::make_unique<JourneyStatus>(false));
    commands.push_back(std::make_unique<JourneyEnrol>());
    commands.push_back(std::make_unique<JourneySimulate>());
    commands.push_back(std::make_unique<WorkerRun>());
    commands.push_back(std::make_unique<WorkerStatus>());
}

} // namespace masir
