// masir-cli: the tracking collector (serve), the desktop's link to it
// (collector ...), what a message tracks (tracking ...) and events from
// outside (event add, event import).

#include "CliCommand.h"

#include "common/Clock.h"
#include "common/Logging.h"
#include "exporting/CsvWriter.h"
#include "intake/CollectorStore.h"
#include "intake/CollectorSync.h"
#include "intake/EventImport.h"
#include "intake/EventIntake.h"
#include "intake/WorkspaceTracking.h"
#include "messaging/Outbox.h"
#include "scheduler/Worker.h"
#include "server/TrackingServer.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/WorkNotices.h"
#include "tracking/TrackingKeys.h"
#include "tracking/TrackingRequest.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSysInfo>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <csignal>

namespace masir {

namespace {

QCommandLineOption jsonOption()
{
    return {QStringLiteral("json"), CliRun::tr("Print JSON.")};
}

std::atomic<bool> g_stopServer{false};
extern "C" void stopServer(int)
{
    g_stopServer = true;
}

/// "0.0.0.0:8787", "[::]:8787", ":8787" into an address and a port.
bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    *port = quint16(p);
    if (host.isEmpty()) {
        *address = QHostAddress::Any;
        return true;
    }
    if (host == QLatin1String("localhost")) {
        *address = QHostAddress::LocalHost;
        return true;
    }
    return address->setAddress(host);
}

class Serve final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    Serve()
        : CliCommand({QStringLiteral("serve"),
                      QStringLiteral("--listen ADDR:PORT --public-url URL [--data DIR] "
                                     "[--trusted-proxy CIDR]"),
                      tr("run the public tracking collector (pixel, clicks, unsubscribe and "
                         "preference pages, and the desktop's pull API); with --workspace, "
                         "it writes straight into that workspace"),
                      {{QStringLiteral("listen"), tr("Address and port to listen on."),
                        QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:8787")},
                       {QStringLiteral("public-url"),
                        tr("The address people reach it at (https://t.example.com)."),
                        QStringLiteral("URL")},
                       {QStringLiteral("data"), tr("Folder for its store and API key."),
                        QStringLiteral("DIR")},
                       {QStringLiteral("trusted-proxy"),
                        tr("A proxy (address or CIDR range, comma-separated) whose X-Forwarded-For "
                           "is believed."),
                        QStringLiteral("CIDR")},
                       {QStringLiteral("threads"), tr("Threads that answer requests (default 2)."),
                        QStringLiteral("N"), QStringLiteral("2")},
                       {QStringLiteral("request-timeout"),
                        tr("Milliseconds a client has to send a whole request (default 10000)."),
                        QStringLiteral("MS"), QStringLiteral("10000")}},
                      Workspace::IfGiven})
    {}

    int check(CliRun &run) const override
    {
        if (!run.words.isEmpty())
            return run.usageError(tr("serve takes only options."));
        QHostAddress address;
        quint16 port = 0;
        if (!parseListen(run.value(QStringLiteral("listen")), &address, &port))
            return run.usageError(tr("--listen must be ADDRESS:PORT, such as 0.0.0.0:8787; "
                                     "\"%1\" is not.")
                                      .arg(run.value(QStringLiteral("listen"))));
        const QUrl url(run.value(QStringLiteral("public-url")), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return run.usageError(tr("--public-url must be the address people reach the "
                                     "collector at, such as https://t.example.com."));
        QList<QPair<QHostAddress, int>> proxies;
        QString bad;
        for (const QString &v : run.parser.values(QStringLiteral("trusted-proxy")))
            if (!parseSubnets(v, &proxies, &bad))
                return run.usageError(
                    tr("--trusted-proxy: \"%1\" is not an address or a range.").arg(bad));
        return run.number(QStringLiteral("threads"), 1) &&
                       run.number(QStringLiteral("request-timeout"), 100)
                   ? Proceed
                   : 2;
    }

    int execute(CliRun &run) const override
    {
        ServerOptions options;
        parseListen(run.value(QStringLiteral("listen")), &options.address, &options.port);
        options.publicUrl = run.value(QStringLiteral("public-url"));
        while (options.publicUrl.endsWith(QLatin1Char('/')))
            options.publicUrl.chop(1);
        options.threads = run.value(QStringLiteral("threads")).toInt();
        options.requestTimeoutMs = run.value(QStringLiteral("request-timeout")).toInt();
        QString bad;
        for (const QString &v : run.parser.values(QStringLiteral("trusted-proxy")))
            parseSubnets(v, &options.trustedProxies, &bad);
        if (run.db && run.isSet(QStringLiteral("data")))
            return run.usageError(tr("--data is for a collector with a store of its own; with "
                                     "--workspace it writes into the workspace."));
        if (run.db)
            return serveInto(run, options);
        const QString data = run.isSet(QStringLiteral("data"))
                                 ? run.value(QStringLiteral("data"))
                                 : QDir::current().filePath(QStringLiteral("masir-collector"));
        CollectorStore store(data);
        if (!store.open())
            return run.fail(store.errorString());
        TrackingServer server(&store, &store, options);
        if (!server.listen())
            return run.fail(server.errorString());
        run.out << tr("Collecting on %1:%2 for %3; data in %4; the desktop's key is in %5")
                       .arg(options.address.toString())
                       .arg(server.port())
                       .arg(options.publicUrl, QDir(data).absolutePath(),
                            QDir(data).absoluteFilePath(QStringLiteral("api-key")))
                << '\n';
        run.out.flush();
        serveUntilStopped(run, server);
        store.flush();
        return 0;
    }

private:
    /// The collector writing straight into the workspace (a server's, shared
    /// with the workers): no store of its own, nothing to pull.
    int serveInto(CliRun &run, const ServerOptions &options) const
    {
        Database &db = *run.db;
        CollectorSync pulled(db);
        if (pulled.isConfigured())
            return run.fail(tr("This workspace pulls its tracking from the collector at %1. "
                               "Disconnect it first (masir-cli collector disconnect), or run "
                               "this collector without --workspace.")
                                .arg(pulled.url()));
        // Links in new messages point here from now on.
        WorkspaceSettings settings(db);
        if (settings.value(WorkspaceSettings::Key::TrackingPublicUrl).toString() !=
                options.publicUrl &&
            !settings.setValue(WorkspaceSettings::Key::TrackingPublicUrl, options.publicUrl))
            return run.fail(tr("Cannot keep the collector's address in the workspace."));
        // The hits' own name: one collector per machine and port writes them.
        const QString source =
            QStringLiteral("serve:%1:%2").arg(QSysInfo::machineHostName()).arg(options.port);
        WorkspaceTracking backend(
            db,
            [&db] {
                // a server thread, after its hits committed: the workers react now
                if (!WorkNotices::announce(db.connection()))
                    qCWarning(lcTracking) << "cannot wake the workers";
            },
            source);
        TrackingServer server(&backend, nullptr, options);
        if (!server.listen())
            return run.fail(server.errorString());
        run.out << tr("Collecting on %1:%2 for %3, straight into the workspace %4")
                       .arg(options.address.toString())
                       .arg(server.port())
                       .arg(options.publicUrl, db.displayName())
                << '\n';
        run.out.flush();
        serveUntilStopped(run, server);
        backend.flush();
        return 0;
    }

    static void serveUntilStopped(CliRun &run, TrackingServer &server)
    {
        g_stopServer = false;
        std::signal(SIGINT, stopServer);
        std::signal(SIGTERM, stopServer);
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (g_stopServer.load())
                loop.quit();
        });
        poll.start(100);
        loop.exec();
        server.close();
        run.out << tr("Stopped after %1 requests (%2 refused).")
                       .arg(server.counters().requests.load())
                       .arg(server.counters().refused.load())
                << '\n';
    }
};

class CollectorConnect final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CollectorConnect()
        : CliCommand({QStringLiteral("collector connect"),
                      QStringLiteral("URL --key KEY"),
                      tr("pull tracking from a collector on a public host"),
                      {{QStringLiteral("key"),
                        tr("The collector's API key (the file api-key in its data folder)."),
                        QStringLiteral("KEY")}}})
    {}
    int check(CliRun &run) const override
    {
        if (run.words.size() != 1)
            return run.usageError(tr("collector connect takes the collector's address."));
        if (!run.isSet(QStringLiteral("key")))
            return run.usageError(tr("Give the collector's key with --key."));
        return Proceed;
    }
    int execute(CliRun &run) const override
    {
        CollectorSync sync(*run.db);
        if (!sync.connect(run.words.first(), run.value(QStringLiteral("key"))))
            return run.fail(sync.errorString());
        run.out << tr("Connected to %1. Tracking links in new messages point at it; the worker "
                      "pulls from it every cycle.")
                       .arg(sync.url())
                << '\n';
        return 0;
    }
};

class CollectorDisconnect final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CollectorDisconnect()
        : CliCommand({QStringLiteral("collector disconnect"), QString(),
                      tr("stop pulling from the collector")})
    {}
    int execute(CliRun &run) const override
    {
        CollectorSync sync(*run.db);
        if (!sync.disconnect())
            return run.fail(sync.errorString());
        run.out << tr("Disconnected. New messages are not tracked until a collector is set.")
                << '\n';
        return 0;
    }
};

class CollectorStatus final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CollectorStatus()
        : CliCommand({QStringLiteral("collector status"),
                      QStringLiteral("[--json]"),
                      tr("the collector, the last pull, and what the collector holds"),
                      {jsonOption()}})
    {}
    int execute(CliRun &run) const override
    {
        CollectorSync sync(*run.db);
        if (!sync.isConfigured())
            return run.fail(tr("No collector is set. Connect one with masir-cli collector "
                               "connect URL --key KEY."));
        QJsonObject status = sync.lastStatus();
        const auto remote = sync.remoteStatus();
        status.insert(QStringLiteral("reachable"), remote.has_value());
        if (remote)
            status.insert(QStringLiteral("remote"), *remote);
        else
            status.insert(QStringLiteral("remoteError"), sync.errorString());
        if (run.json()) {
            run.printJson(status);
            return remote ? 0 : 1;
        }
        run.out << tr("Collector: %1").arg(sync.url()) << '\n';
        const qint64 at = qint64(status.value(QStringLiteral("at")).toDouble());
        run.out << tr("Last pull: %1, %2")
                       .arg(at ? QDateTime::fromMSecsSinceEpoch(at).toString(Qt::ISODate)
                               : tr("never"),
                            status.value(QStringLiteral("ok")).toBool()
                                ? tr("%1 hits").arg(status.value(QStringLiteral("pulled")).toInt())
                                : status.value(QStringLiteral("error")).toString())
                << '\n';
        if (remote)
            run.out << tr("Reachable; it holds %1 hits, the newest %2; pulled up to %3")
                           .arg(remote->value(QStringLiteral("hits")).toInteger())
                           .arg(remote->value(QStringLiteral("newest")).toInteger())
                           .arg(status.value(QStringLiteral("cursor")).toInteger())
                    << '\n';
        else
            run.err << sync.errorString() << '\n';
        if (remote && remote->value(QStringLiteral("lost")).toInteger() > 0)
            run.err << tr("It lost %1 hits: its store could not keep up with the requests.")
                           .arg(remote->value(QStringLiteral("lost")).toInteger())
                    << '\n';
        return remote ? 0 : 1;
    }
};

QJsonObject intakeJson(const IntakeStats &s)
{
    return {{QStringLiteral("pulled"), double(s.collector.pulled)},
            {QStringLiteral("pushedChoices"), double(s.collector.pushedChoices)},
            {QStringLiteral("hits"), double(s.hits.hits)},
            {QStringLiteral("opens"), double(s.hits.opens)},
            {QStringLiteral("clicks"), double(s.hits.clicks)},
            {QStringLiteral("machine"), double(s.hits.machine)},
            {QStringLiteral("unsubscribes"), double(s.hits.unsubscribes)},
            {QStringLiteral("preferences"), double(s.hits.preferences)},
            {QStringLiteral("ignored"), double(s.hits.ignored)},
            {QStringLiteral("scored"), double(s.scored)}};
}

class CollectorPull final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CollectorPull()
        : CliCommand({QStringLiteral("collector pull"),
                      QStringLiteral("[--json]"),
                      tr("pull new hits now and apply them (scores included), as the worker "
                         "does"),
                      {jsonOption()}})
    {}
    int execute(CliRun &run) const override
    {
        SystemClock clock;
        WorkerCycle cycle(*run.db, clock);
        const auto stats = cycle.intake();
        if (!stats)
            return run.fail(cycle.errorString());
        if (run.json()) {
            QJsonObject o = intakeJson(*stats);
            if (!stats->collectorError.isEmpty())
                o.insert(QStringLiteral("error"), stats->collectorError);
            run.printJson(o);
        } else {
            run.out << tr("%1 hits pulled; %2 applied: %3 opens, %4 clicks, %5 by machines, %6 "
                          "unsubscribes, %7 preference changes; %8 events scored")
                           .arg(stats->collector.pulled)
                           .arg(stats->hits.hits)
                           .arg(stats->hits.opens)
                           .arg(stats->hits.clicks)
                           .arg(stats->hits.machine)
                           .arg(stats->hits.unsubscribes)
                           .arg(stats->hits.preferences)
                           .arg(stats->scored)
                    << '\n';
            if (!stats->collectorError.isEmpty())
                run.err << stats->collectorError << '\n';
        }
        return stats->collectorError.isEmpty() ? 0 : 1;
    }
};

class TrackingLinks final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    TrackingLinks()
        : CliCommand({QStringLiteral("tracking links"),
                      QStringLiteral("MESSAGE_ID [--json]"),
                      tr("the open pixel and tracked links of a sent message"),
                      {jsonOption()},
                      Workspace::ReadOnly})
    {}
    int check(CliRun &run) const override
    {
        bool ok = false;
        if (run.words.size() != 1 || run.words.first().toLongLong(&ok) <= 0 || !ok)
            return run.usageError(tr("tracking links takes a message id (see masir-cli outbox)."));
        return Proceed;
    }
    int execute(CliRun &run) const override
    {
        Outbox outbox(*run.db);
        const auto tracked = outbox.tracked(run.words.first().toLongLong());
        if (!tracked)
            return run.fail(outbox.errorString());
        if (run.json()) {
            run.printJson(*tracked);
            return 0;
        }
        if (tracked->isEmpty()) {
            run.out << tr("This message is not tracked (not sent yet, not marketing, or tracking "
                          "was off).")
                    << '\n';
            return 0;
        }
        if (const QString pixel = tracked->value(QStringLiteral("pixel")).toString();
            !pixel.isEmpty())
            run.out << tr("pixel") << '\t' << pixel << '\n';
        for (const QJsonValue &v : tracked->value(QStringLiteral("links")).toArray()) {
            const QJsonObject l = v.toObject();
            run.out << l.value(QStringLiteral("index")).toInt() << '\t'
                    << l.value(QStringLiteral("target")).toString() << '\t'
                    << l.value(QStringLiteral("url")).toString() << '\n';
        }
        return 0;
    }
};

class TrackingRotateKey final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    TrackingRotateKey()
        : CliCommand({QStringLiteral("tracking rotate-key"), QString(),
                      tr("sign new tracking links with a new key (old links keep working for "
                         "the grace period)")})
    {}
    int execute(CliRun &run) const override
    {
        TrackingKeys keys(*run.db);
        const auto key = keys.rotate(QDateTime::currentMSecsSinceEpoch());
        if (!key)
            return run.fail(keys.errorString());
        run.out << tr("New links are signed with key %1.").arg(key->kid) << '\n';
        return 0;
    }
};

std::optional<qint64> timeOption(const QString &text)
{
    if (text.isEmpty())
        return QDateTime::currentMSecsSinceEpoch();
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

class EventAdd final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    EventAdd()
        : CliCommand(
              {QStringLiteral("event add"),
               QStringLiteral("--contact EMAIL --type TYPE [--at TIME] [--props JSON]"),
               tr("record an event for a contact (scores, journeys and segments react "
                  "in the worker's next cycle)"),
               {{QStringLiteral("contact"), tr("The contact's email address."),
                 QStringLiteral("EMAIL")},
                {QStringLiteral("type"), tr("The event's type (purchase, form_submitted...)."),
                 QStringLiteral("TYPE")},
                {QStringLiteral("at"), tr("When, in ISO 8601 (default: now)."),
                 QStringLiteral("TIME")},
                {QStringLiteral("props"), tr("Its properties, a JSON object ({\"amount\": 120})."),
                 QStringLiteral("JSON")}}})
    {}
    int check(CliRun &run) const override
    {
        if (!run.words.isEmpty())
            return run.usageError(tr("event add takes only options."));
        if (!run.isSet(QStringLiteral("contact")) || !run.isSet(QStringLiteral("type")))
            return run.usageError(tr("Give --contact and --type."));
        if (!timeOption(run.value(QStringLiteral("at"))))
            return run.usageError(tr("--at must be a time such as 2026-03-20T14:30:00Z."));
        if (run.isSet(QStringLiteral("props")) &&
            !QJsonDocument::fromJson(run.value(QStringLiteral("props")).toUtf8()).isObject())
            return run.usageError(tr("--props must be a JSON object, such as {\"amount\": 120}."));
        return Proceed;
    }
    int execute(CliRun &run) const override
    {
        IncomingEvent e;
        e.email = run.value(QStringLiteral("contact"));
        e.type = run.value(QStringLiteral("type"));
        e.atMs = *timeOption(run.value(QStringLiteral("at")));
        e.payload = QJsonDocument::fromJson(run.value(QStringLiteral("props")).toUtf8()).object();
        EventIntake intake(run.db->connection());
        const auto contact = intake.recordAlone(e);
        if (!contact)
            return run.fail(intake.errorField().isEmpty()
                                ? intake.errorString()
                                : QStringLiteral("--%1: %2")
                                      .arg(intake.errorField() == QLatin1String("email")
                                               ? QStringLiteral("contact")
                                               : intake.errorField(),
                                           intake.errorString()));
        run.out << tr("Recorded %1 for contact %2.").arg(e.type).arg(*contact) << '\n';
        return 0;
    }
};

class EventImportCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    EventImportCommand()
        : CliCommand({QStringLiteral("event import"),
                      QStringLiteral("FILE.csv [--type TYPE] [--report FILE] [--json]"),
                      tr("import events (orders, sign-ups) from a CSV file"),
                      {{QStringLiteral("type"),
                        tr("The type of rows with no type column (e.g. purchase)."),
                        QStringLiteral("TYPE")},
                       {QStringLiteral("report"), tr("Write the rejected rows to this CSV file."),
                        QStringLiteral("FILE")},
                       jsonOption()}})
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 1 ? Proceed
                                     : run.usageError(tr("event import takes one CSV file."));
    }
    int execute(CliRun &run) const override
    {
        EventImport import(*run.db, run.value(QStringLiteral("type")));
        const auto r = import.run(run.words.first());
        if (!r)
            return run.fail(import.errorString());
        if (run.isSet(QStringLiteral("report")) && !writeReport(run, *r))
            return 1;
        if (run.json()) {
            QJsonArray issues;
            for (const EventImportIssue &i : r->issues)
                issues.append(QJsonObject{{QStringLiteral("row"), double(i.row)},
                                          {QStringLiteral("line"), double(i.line)},
                                          {QStringLiteral("field"), i.field},
                                          {QStringLiteral("message"), i.message}});
            run.printJson(QJsonObject{{QStringLiteral("rows"), double(r->rows)},
                                      {QStringLiteral("imported"), double(r->imported)},
                                      {QStringLiteral("duplicates"), double(r->duplicates)},
                                      {QStringLiteral("rejected"), double(r->rejected)},
                                      {QStringLiteral("issues"), issues}});
            return 0;
        }
        run.out << tr("%1 rows: %2 imported, %3 imported before, %4 rejected")
                       .arg(r->rows)
                       .arg(r->imported)
                       .arg(r->duplicates)
                       .arg(r->rejected)
                << '\n';
        for (const EventImportIssue &i : r->issues)
            run.err << tr("row %1 (line %2): rejected: %3%4")
                           .arg(i.row)
                           .arg(i.line)
                           .arg(i.field.isEmpty() ? QString() : i.field + QStringLiteral(": "),
                                i.message)
                    << '\n';
        return 0;
    }

private:
    bool writeReport(CliRun &run, const EventImportReport &r) const
    {
        QSaveFile file(run.value(QStringLiteral("report")));
        if (!file.open(QIODevice::WriteOnly)) {
            run.fail(tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
            return false;
        }
        CsvWriter csv(&file);
        csv.writeBom();
        csv.writeRow({QStringLiteral("row"), QStringLiteral("line"), QStringLiteral("field"),
                      QStringLiteral("message"), QStringLiteral("raw")});
        for (const EventImportIssue &i : r.issues)
            csv.writeRow(
                {QString::number(i.row), QString::number(i.line), i.field, i.message, i.raw});
        if (!file.commit()) {
            run.fail(tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
            return false;
        }
        return true;
    }
};

} // namespace

void addTrackingCommands(CliCommands &commands)
{
    commands.push_back(std::make_unique<Serve>());
    commands.push_back(std::make_unique<CollectorConnect>());
    commands.push_back(std::make_unique<CollectorStatus>());
    commands.push_back(std::make_unique<CollectorPull>());
    commands.push_back(std::make_unique<CollectorDisconnect>());
    commands.push_back(std::make_unique<TrackingLinks>());
    commands.push_back(std::make_unique<TrackingRotateKey>());
    commands.push_back(std::make_unique<EventAdd>());
    commands.push_back(std::make_unique<EventImportCommand>());
}

} // namespace masir
