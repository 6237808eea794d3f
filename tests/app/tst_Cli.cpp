// Runs the real masir-cli executable, as a script or a user would.

#include "contacts/ContactRepository.h"
#include "storage/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace masir;

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

Result run(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(MASIR_CLI_PATH), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString ws() const { return m_dir.filePath(QStringLiteral("cli.masir")); }

private Q_SLOTS:
    void helpAndVersion()
    {
        Result r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("contacts count")));
        r = run({QStringLiteral("version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("masir ")));
        // each command's help comes from its definition, options and defaults
        r = run({QStringLiteral("import"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("--policy P")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("(default fill)")), qPrintable(r.out));
        // a family names its commands
        r = run({QStringLiteral("outbox"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("outbox retry ID...")));
        QVERIFY(r.out.contains(QStringLiteral("outbox cancel ID...")));
        r = run({QStringLiteral("outbox")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("outbox list")));
        QCOMPARE(run({QStringLiteral("nonsense")}).exitCode, 2);
    }

    void countOnNewWorkspaceIsZero()
    {
        const Result r = run({QStringLiteral("--workspace"), ws(), QStringLiteral("contacts"),
                              QStringLiteral("count")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("0\n"));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }

    void demoThenCountAndExport()
    {
        Result r = run({QStringLiteral("--workspace"), ws(), QStringLiteral("demo"),
                        QStringLiteral("--contacts"), QStringLiteral("150")});
        QCOMPARE(r.exitCode, 0);
        r = run({QStringLiteral("--workspace"), ws(), QStringLiteral("contacts"),
                 QStringLiteral("count")});
        QCOMPARE(r.out, QStringLiteral("150\n"));
        // a formula planted in the workspace is neutralised on export
        {
            Database db(ws());
            QVERIFY(db.open());
            ContactRepository repo(db);
            Contact c;
            c.firstName = QStringLiteral("=1+1");
            c.company = QStringLiteral("@evil");
            c.email = QStringLiteral("formula@example.com");
            QVERIFY(repo.create(c));
        }
        const QString csv = m_dir.filePath(QStringLiteral("out.csv"));
        r = run({QStringLiteral("--workspace"), ws(), QStringLiteral("contacts"),
                 QStringLiteral("export"), csv});
        QCOMPARE(r.exitCode, 0);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QCOMPARE(text.count(QStringLiteral("\r\n")), 152); // header + 151 contacts
        QVERIFY(text.contains(QStringLiteral(",'=1+1,")));
        QVERIFY(text.contains(QStringLiteral(",'@evil,")));
        QVERIFY(!text.contains(QStringLiteral(",=1+1,")));
        r = run({QStringLiteral("--workspace"), ws(), QStringLiteral("contacts"),
                 QStringLiteral("count"), QStringLiteral("--search"), QStringLiteral("formula@")});
        QCOMPARE(r.out, QStringLiteral("1\n"));
        r = run({QStringLiteral("--workspace"), ws(), QStringLiteral("check")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("ok\n"));
    }

    void journeys()
    {
        const QString w = m_dir.filePath(QStringLiteral("journeys.masir"));
        auto cli = [&](QStringList args) {
            return run(QStringList{QStringLiteral("--workspace"), w} + args);
        };
        QCOMPARE(cli({QStringLiteral("demo"), QStringLiteral("--contacts"), QStringLiteral("40"),
                      QStringLiteral("--no-events")})
                     .exitCode,
                 0);
        const QString file = QStringLiteral(MASIR_TEST_DATA_DIR "/journeys/six_actions.json");
        Result r = cli({QStringLiteral("journey"), QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 0);
        // a draft can be simulated; nothing is sent or stored
        r = cli({QStringLiteral("journey"), QStringLiteral("simulate"),
                 QStringLiteral("Crash test"), QStringLiteral("--contact"), QStringLiteral("1"),
                 QStringLiteral("--contact"), QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray runs = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(0).toObject().value(QStringLiteral("path")).toArray().size(), 7);
        r = cli({QStringLiteral("journey"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())
                     .array()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("draft"));
        // enrolling needs a started journey; the error says so
        r = cli({QStringLiteral("journey"), QStringLiteral("enrol"), QStringLiteral("Crash test"),
                 QStringLiteral("--all")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QLatin1String("Start the journey")));
        // it names templates "a" and "b": it cannot start until they exist
        r = cli(
            {QStringLiteral("journey"), QStringLiteral("activate"), QStringLiteral("Crash test")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("There is no template named \"a\"")),
                 qPrintable(r.err));
        const QString body = m_dir.filePath(QStringLiteral("body.md"));
        {
            QFile f(body);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Hello {{first_name}}\n");
        }
        for (const char *name : {"a", "b"})
            QCOMPARE(
                cli({QStringLiteral("template"), QStringLiteral("add"), QStringLiteral("--name"),
                     QLatin1String(name), QStringLiteral("--subject"), QLatin1String(name),
                     QStringLiteral("--body-file"), body, QStringLiteral("--transactional")})
                    .exitCode,
                0);
        QCOMPARE(cli({QStringLiteral("journey"), QStringLiteral("activate"),
                      QStringLiteral("Crash test")})
                     .exitCode,
                 0);
        r = cli({QStringLiteral("journey"), QStringLiteral("enrol"), QStringLiteral("Crash test"),
                 QStringLiteral("--all")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("40"));
        r = cli({QStringLiteral("worker"), QStringLiteral("run"), QStringLiteral("--once")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("40 finished")), qPrintable(r.out));
        // a broken file is refused with the node it is about
        const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"formatVersion":1,"nodes":[{"id":"n1","type":"action.email","config":{}}],"edges":[]})");
        f.close();
        r = cli({QStringLiteral("journey"), QStringLiteral("import"), broken,
                 QStringLiteral("--activate")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("node n1")), qPrintable(r.err));
        QCOMPARE(cli({QStringLiteral("journey"), QStringLiteral("nonsense")}).exitCode, 2);
        // templates
        r = cli({QStringLiteral("journey"), QStringLiteral("templates"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 8);
        r = cli({QStringLiteral("journey"), QStringLiteral("create"), QStringLiteral("Birthdays"),
                 QStringLiteral("--template"), QStringLiteral("birthday")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(cli({QStringLiteral("journey"), QStringLiteral("activate"),
                      QStringLiteral("Birthdays")})
                     .exitCode,
                 0);
    }

    void segmentsAndScores()
    {
        const QString w = m_dir.filePath(QStringLiteral("segments.masir"));
        auto cli = [&](QStringList args) {
            return run(QStringList{QStringLiteral("--workspace"), w} + args);
        };
        QCOMPARE(cli({QStringLiteral("demo"), QStringLiteral("--contacts"), QStringLiteral("300")})
                     .exitCode,
                 0);
        auto write = [&](const QString &name, const QByteArray &json) {
            QFile f(m_dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(json);
            return f.fileName();
        };
        // an empty rule is everyone; a rule counts the same as SQL over the file
        const QString all =
            write(QStringLiteral("all.json"), R"({"formatVersion":1,"conditions":[]})");
        Result r = cli(
            {QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("--rule"), all});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("300\n"));
        const QString vip = write(QStringLiteral("vip.json"),
                                  R"({"formatVersion":1,"match":"all","conditions":[
                                      {"kind":"tag","op":"has_any","value":["vip"]}]})");
        r = cli({QStringLiteral("segment"), QStringLiteral("save"), QStringLiteral("VIPs"),
                 QStringLiteral("--rule"), vip});
        QCOMPARE(r.exitCode, 0);
        r = cli({QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("VIPs")});
        QCOMPARE(r.exitCode, 0);
        const qint64 vips = r.out.trimmed().toLongLong();
        QVERIFY(vips > 0 && vips < 300);
        r = cli({QStringLiteral("segment"), QStringLiteral("materialize"), QStringLiteral("VIPs")});
        QCOMPARE(r.out.trimmed().toLongLong(), vips);
        r = cli({QStringLiteral("segment"), QStringLiteral("list")});
        QVERIFY(r.out.contains(QStringLiteral("\tVIPs\n")));
        // a bad rule says which condition is wrong, on stderr, with exit code 1
        const QString bad = write(QStringLiteral("bad.json"),
                                  R"({"formatVersion":1,"conditions":[
                                      {"kind":"field","field":"score","op":"gt","value":"lots"}]})");
        r = cli(
            {QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("--rule"), bad});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Condition 1")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        r = cli({QStringLiteral("segment"), QStringLiteral("count")});
        QCOMPARE(r.exitCode, 2);
        r = cli({QStringLiteral("score"), QStringLiteral("recompute")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("changed")));
    }

    void sendingCommands()
    {
        const QString w = m_dir.filePath(QStringLiteral("sending.masir"));
        qputenv("MASIR_SECRETS", "file");
        qputenv("MASIR_SECRETS_FILE", m_dir.filePath(QStringLiteral("secrets.json")).toUtf8());
        auto cli = [&w](const QStringList &args) {
            return run(QStringList{QStringLiteral("--workspace"), w} + args);
        };
        QCOMPARE(cli({QStringLiteral("demo"), QStringLiteral("--contacts"), QStringLiteral("20"),
                      QStringLiteral("--no-events")})
                     .exitCode,
                 0);
        // No password anywhere: a clear error, and nothing saved.
        qunsetenv("MASIR_SMTP_PASSWORD");
        const QStringList smtp{QStringLiteral("channel"),
                               QStringLiteral("add"),
                               QStringLiteral("smtp"),
                               QStringLiteral("--name"),
                               QStringLiteral("main"),
                               QStringLiteral("--host"),
                               QStringLiteral("smtp.example.com"),
                               QStringLiteral("--port"),
                               QStringLiteral("587"),
                               QStringLiteral("--security"),
                               QStringLiteral("starttls"),
                               QStringLiteral("--user"),
                               QStringLiteral("news@shop.example")};
        Result r = cli(smtp);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("MASIR_SMTP_PASSWORD")), qPrintable(r.err));
        qputenv("MASIR_SMTP_PASSWORD", "pw");
        r = cli(smtp);
        QCOMPARE(r.exitCode, 0);
        qunsetenv("MASIR_SMTP_PASSWORD");
        // The secret is not in the workspace file.
        QFile file(w);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("\"pw\""));
        r = cli({QStringLiteral("channel"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 1);
        // A bad security value is refused with what to do.
        r = cli({QStringLiteral("channel"), QStringLiteral("add"), QStringLiteral("smtp"),
                 QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--host"),
                 QStringLiteral("h"), QStringLiteral("--port"), QStringLiteral("25"),
                 QStringLiteral("--security"), QStringLiteral("ssl"), QStringLiteral("--from"),
                 QStringLiteral("a@b.example")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("starttls, tls or none")));

        const QString body = m_dir.filePath(QStringLiteral("body.md"));
        QFile f(body);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Hello {{first_name}}\n{{frist_name}}\n");
        f.close();
        QCOMPARE(cli({QStringLiteral("settings"), QStringLiteral("set"),
                      QStringLiteral("postal-address"), QStringLiteral("1 Main St")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("settings"), QStringLiteral("get"),
                      QStringLiteral("postal-address")})
                     .out.trimmed(),
                 QStringLiteral("1 Main St"));
        cli({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("unsubscribe-url"),
             QStringLiteral("https://shop.example/u/{token}")});
        const QStringList add{QStringLiteral("template"),    QStringLiteral("add"),
                              QStringLiteral("--name"),      QStringLiteral("hello"),
                              QStringLiteral("--subject"),   QStringLiteral("Hi"),
                              QStringLiteral("--body-file"), body};
        r = cli(add);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("2:3: unknown merge tag {{frist_name}}")),
                 qPrintable(r.err));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Hello {{first_name|default:\"friend\"}}\n");
        f.close();
        QCOMPARE(cli(add).exitCode, 0);

        // send queues; outbox list shows it; cancel takes it out.
        r = cli({QStringLiteral("send"), QStringLiteral("--template"), QStringLiteral("hello"),
                 QStringLiteral("--to"), QStringLiteral("nobody@nowhere.example")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("No contact")));
        Database db(w, Database::Mode::ReadOnly);
        QVERIFY(db.open());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT email FROM contacts WHERE email <> '' LIMIT 1")) &&
                q.next());
        const QString email = q.value(0).toString();
        r = cli({QStringLiteral("send"), QStringLiteral("--template"), QStringLiteral("hello"),
                 QStringLiteral("--to"), email});
        QCOMPARE(r.exitCode, 0);
        const QString id = r.out.trimmed();
        r = cli({QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--state"),
                 QStringLiteral("queued"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("to")).toString(), email);
        QCOMPARE(cli({QStringLiteral("outbox"), QStringLiteral("cancel"), id}).exitCode, 0);
        r = cli({QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--state"),
                 QStringLiteral("bogus")});
        QCOMPARE(r.exitCode, 2);
    }

    void campaignsAndBounces()
    {
        const QString w = m_dir.filePath(QStringLiteral("campaigns.masir"));
        const QStringList ws{QStringLiteral("--workspace"), w};
        QCOMPARE(run(ws + QStringList{QStringLiteral("demo"), QStringLiteral("--contacts"),
                                      QStringLiteral("120"), QStringLiteral("--samples")})
                     .exitCode,
                 0);
        // The demo's draft, with its audience counted and what stops it said.
        Result r = run(ws + QStringList{QStringLiteral("campaign"), QStringLiteral("show"),
                                        QStringLiteral("Weekend offer"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(shown.value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
        QVERIFY(shown.value(QStringLiteral("counts"))
                    .toObject()
                    .value(QStringLiteral("audience"))
                    .toInt() > 0);
        QVERIFY2(shown.value(QStringLiteral("problems")).toArray().isEmpty(), qPrintable(r.out));
        // and the sent one, with its test decided and its report
        r = run(ws + QStringList{QStringLiteral("campaign"), QStringLiteral("show"),
                                 QStringLiteral("Spring cakes"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("state")),
                 QStringLiteral("done"));
        r = run(ws + QStringList{QStringLiteral("campaign"), QStringLiteral("report"),
                                 QStringLiteral("Spring cakes")});
        QVERIFY2(r.out.contains(QStringLiteral(" won: ")), qPrintable(r.out));
        // Without the demo's account, the draft says what stops it.
        QCOMPARE(run(ws + QStringList{QStringLiteral("channel"), QStringLiteral("remove"),
                                      QStringLiteral("Golestan mail")})
                     .exitCode,
                 0);
        r = run(ws + QStringList{QStringLiteral("campaign"), QStringLiteral("show"),
                                 QStringLiteral("Weekend offer"), QStringLiteral("--json")});
        const QJsonArray problems = QJsonDocument::fromJson(r.out.toUtf8())
                                        .object()
                                        .value(QStringLiteral("problems"))
                                        .toArray();
        QVERIFY2(problems.size() == 1 &&
                     problems.at(0).toString().contains(QStringLiteral("Settings")),
                 qPrintable(r.out));
        // Refused without an account: saved as a draft, exit 1, the reason on stderr.
        r = run(ws + QStringList{QStringLiteral("campaign"), QStringLiteral("create"),
                                 QStringLiteral("--name"), QStringLiteral("Now"),
                                 QStringLiteral("--audience"), QStringLiteral("In Tehran"),
                                 QStringLiteral("--template"), QStringLiteral("weekend.offer")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Settings")), qPrintable(r.err));
        r = run(ws + QStringList{QStringLiteral("campaign"), QStringLiteral("create"),
                                 QStringLiteral("--name"), QStringLiteral("Later"),
                                 QStringLiteral("--audience"), QStringLiteral("Nowhere"),
                                 QStringLiteral("--template"), QStringLiteral("weekend.offer")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Nowhere")), qPrintable(r.err));
        r = run(ws + QStringList{QStringLiteral("campaign"), QStringLiteral("duplicate"),
                                 QStringLiteral("Weekend offer")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("Weekend offer (copy)"));
        r = run(ws + QStringList{QStringLiteral("campaign"), QStringLiteral("list"),
                                 QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 5);
        r = run(ws + QStringList{QStringLiteral("campaign"), QStringLiteral("pause"),
                                 QStringLiteral("Now")});
        QCOMPARE(r.exitCode, 1); // a draft is not sending
        // Returned mail classified without a mailbox.
        const QString data = QStringLiteral(MASIR_TEST_DATA_DIR "/bounces/");
        r = run({QStringLiteral("bounces"), QStringLiteral("parse"),
                 data + QStringLiteral("postfix_dsn_hard.eml"),
                 data + QStringLiteral("arf_yahoo.eml"), data + QStringLiteral("ooo_outlook.eml"),
                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray parsed = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(parsed.size(), 3);
        const auto first = [&](int i) {
            return parsed.at(i)
                .toObject()
                .value(QStringLiteral("findings"))
                .toArray()
                .at(0)
                .toObject();
        };
        QCOMPARE(first(0).value(QStringLiteral("kind")).toString(), QStringLiteral("hard"));
        QCOMPARE(first(0).value(QStringLiteral("status")).toString(), QStringLiteral("5.1.1"));
        QCOMPARE(first(0).value(QStringLiteral("reply")).toInt(), 550);
        QCOMPARE(first(0).value(QStringLiteral("message")).toInt(), 101);
        QCOMPARE(first(1).value(QStringLiteral("kind")).toString(), QStringLiteral("complaint"));
        QCOMPARE(first(2).value(QStringLiteral("kind")).toString(), QStringLiteral("auto_reply"));
        r = run({QStringLiteral("bounces"), QStringLiteral("parse"),
                 data + QStringLiteral("missing.eml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("missing.eml")));
    }

    void reports()
    {
        const QString w = m_dir.filePath(QStringLiteral("reports.masir"));
        const QStringList ws{QStringLiteral("--workspace"), w};
        QCOMPARE(run(ws + QStringList{QStringLiteral("demo"), QStringLiteral("--contacts"),
                                      QStringLiteral("120")})
                     .exitCode,
                 0);
        Result r = run(ws + QStringList{QStringLiteral("report"), QStringLiteral("funnel"),
                                        QStringLiteral("--days"), QStringLiteral("720"),
                                        QStringLiteral("--cohort"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray steps = QJsonDocument::fromJson(r.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("steps"))
                                     .toArray();
        QCOMPARE(steps.size(), 6);
        QCOMPARE(steps.at(0).toObject().value(QStringLiteral("stage")).toString(),
                 QStringLiteral("subscriber"));
        QVERIFY(steps.at(1).toObject().value(QStringLiteral("contacts")).toInt() > 0);
        // the tallies recounted from the events give the same dashboard
        const QStringList dashboard{QStringLiteral("report"), QStringLiteral("dashboard"),
                                    QStringLiteral("--days"), QStringLiteral("365"),
                                    QStringLiteral("--json")};
        const QString before = run(ws + dashboard).out;
        r = run(ws + QStringList{QStringLiteral("report"), QStringLiteral("recount")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(run(ws + dashboard).out, before);
        // a PDF, in Persian, without a display
        const QString pdf = m_dir.filePath(QStringLiteral("funnel.pdf"));
        r = run(ws + QStringList{QStringLiteral("--lang"), QStringLiteral("fa"),
                                 QStringLiteral("report"), QStringLiteral("funnel"),
                                 QStringLiteral("--pdf"), pdf});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        // the customers by recency, frequency and value; a group saved as a segment
        r = run(ws + QStringList{QStringLiteral("report"), QStringLiteral("rfm"),
                                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject rfm = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(rfm.value(QStringLiteral("customers")).toInt() > 0);
        QCOMPARE(rfm.value(QStringLiteral("groups")).toArray().size(), 11);
        r = run(ws + QStringList{QStringLiteral("report"), QStringLiteral("rfm"),
                                 QStringLiteral("--save"), QStringLiteral("lost=Lost customers")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(run(ws + QStringList{QStringLiteral("segment"), QStringLiteral("list")})
                    .out.contains(QStringLiteral("Lost customers")));
        r = run(ws + QStringList{QStringLiteral("report"), QStringLiteral("rfm"),
                                 QStringLiteral("--save"), QStringLiteral("nobody=X")});
        QCOMPARE(r.exitCode, 2);
        // a day that does not exist is refused before anything is read
        r = run(ws + QStringList{QStringLiteral("report"), QStringLiteral("funnel"),
                                 QStringLiteral("--from"), QStringLiteral("2026-02-30"),
                                 QStringLiteral("--to"), QStringLiteral("2026-03-01")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--from")));
        r = run(ws + QStringList{QStringLiteral("report"), QStringLiteral("dashboard"),
                                 QStringLiteral("--json"), QStringLiteral("--pdf"), pdf});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("Choose one")));
    }

    void errorsGoToStderrWithNonZeroExit()
    {
        Result r = run({QStringLiteral("--workspace"),
                        m_dir.filePath(QStringLiteral("missing/dir/w.masir")),
                        QStringLiteral("contacts"), QStringLiteral("count")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));

        const QString notDb = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile f(notDb);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello, this is not a database at all "
                "................................................");
        f.close();
        r = run({QStringLiteral("--workspace"), notDb, QStringLiteral("contacts"),
                 QStringLiteral("count")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("not an SQLite database")));

        r = run({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("Unknown command")));
        r = run({QStringLiteral("--workspace"), ws(), QStringLiteral("contacts"),
                 QStringLiteral("export")});
        QCOMPARE(r.exitCode, 2);
        r = run({QStringLiteral("--workspace")});
        QCOMPARE(r.exitCode, 2);
        r = run({QStringLiteral("--workspace"), ws(), QStringLiteral("contacts"),
                 QStringLiteral("export"), m_dir.filePath(QStringLiteral("nope/x.csv"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("Cannot write")));
    }

    void importJsonAndPreview()
    {
        const QString ws2 = m_dir.filePath(QStringLiteral("import.masir"));
        const QString pl = QStringLiteral(MASIR_TEST_DATA_DIR "/import/pl_cp1250_semicolon.csv");
        Result r = run({QStringLiteral("--workspace"), ws2, QStringLiteral("import"), pl,
                        QStringLiteral("--preview"), QStringLiteral("--rows"), QStringLiteral("2"),
                        QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject preview = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(preview.value(QLatin1String("encoding")).toString(),
                 QStringLiteral("windows-1250"));
        QCOMPARE(preview.value(QLatin1String("delimiter")).toString(), QStringLiteral(";"));
        QCOMPARE(preview.value(QLatin1String("header")).toArray().first().toString(),
                 QStringLiteral("Imię"));
        QCOMPARE(preview.value(QLatin1String("rows")).toArray().size(), 2);
        QCOMPARE(preview.value(QLatin1String("rows")).toArray().at(1).toArray().at(1).toString(),
                 QStringLiteral("Żółkiewska"));

        const QString report = m_dir.filePath(QStringLiteral("rejects.csv"));
        r = run({QStringLiteral("--workspace"), ws2, QStringLiteral("import"),
                 QStringLiteral(MASIR_TEST_DATA_DIR "/import/blank_lines_bad_rows.csv"),
                 QStringLiteral("--tag"), QStringLiteral("t"), QStringLiteral("--report"), report,
                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(result.value(QLatin1String("created")).toInt(), 2);
        QCOMPARE(result.value(QLatin1String("rejected")).toInt(), 2);
        QCOMPARE(result.value(QLatin1String("updated")).toInt(), 0);
        QCOMPARE(result.value(QLatin1String("skipped")).toInt(), 0);
        QCOMPARE(result.value(QLatin1String("encoding")).toString(), QStringLiteral("utf-8"));
        QVERIFY(QFile::exists(report));

        r = run({QStringLiteral("--workspace"), ws2, QStringLiteral("import"), pl,
                 QStringLiteral("--dry-run"), QStringLiteral("--json"), QStringLiteral("--region"),
                 QStringLiteral("PL")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())
                     .object()
                     .value(QLatin1String("created"))
                     .toInt(),
                 3);
        r = run({QStringLiteral("--workspace"), ws2, QStringLiteral("contacts"),
                 QStringLiteral("count")});
        QCOMPARE(r.out, QStringLiteral("2\n")); // the dry run wrote nothing

        // fatal errors: a missing file, a bad option value, an unknown field
        r = run({QStringLiteral("--workspace"), ws2, QStringLiteral("import"),
                 m_dir.filePath(QStringLiteral("nope.csv"))});
        QCOMPARE(r.exitCode, 1);
        r = run({QStringLiteral("--workspace"), ws2, QStringLiteral("import"), pl,
                 QStringLiteral("--encoding"), QStringLiteral("klingon")});
        QCOMPARE(r.exitCode, 2);
        r = run({QStringLiteral("--workspace"), ws2, QStringLiteral("import"), pl,
                 QStringLiteral("--map"), QStringLiteral("E-mail=shoe_size")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("shoe_size")));
        // consent needs its proof
        r = run({QStringLiteral("--workspace"), ws2, QStringLiteral("import"), pl,
                 QStringLiteral("--consent"), QStringLiteral("email")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--consent-proof")));
        r = run({QStringLiteral("--workspace"), ws2, QStringLiteral("import"), pl,
                 QStringLiteral("--consent"), QStringLiteral("fax"),
                 QStringLiteral("--consent-proof"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);

        // imports and undo
        r = run({QStringLiteral("--workspace"), ws2, QStringLiteral("imports"),
                 QStringLiteral("--json")});
        const QJsonArray imports = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(imports.size(), 1);
        r = run(
            {QStringLiteral("--workspace"), ws2, QStringLiteral("imports"), QStringLiteral("undo"),
             QString::number(imports.first().toObject().value(QLatin1String("id")).toInteger())});
        QCOMPARE(r.exitCode, 0);
        r = run({QStringLiteral("--workspace"), ws2, QStringLiteral("contacts"),
                 QStringLiteral("count")});
        QCOMPARE(r.out, QStringLiteral("0\n"));
    }

    void persianMessages()
    {
        const Result r =
            run({QStringLiteral("--lang"), QStringLiteral("fa"), QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("فرمان")), qPrintable(r.err));
    }

    // The light CRM and GDPR from the command line on a real workspace.
    void tasksDealsAndPersonalData()
    {
        const QString w = m_dir.filePath(QStringLiteral("crm.masir"));
        auto cli = [&](QStringList args) {
            return run(QStringList{QStringLiteral("--workspace"), w} + args);
        };
        QCOMPARE(cli({QStringLiteral("demo"), QStringLiteral("--contacts"), QStringLiteral("50")})
                     .exitCode,
                 0);
        // A contact of the demo, by its address.
        const QString csv = m_dir.filePath(QStringLiteral("crm.csv"));
        QCOMPARE(cli({QStringLiteral("contacts"), QStringLiteral("export"), csv}).exitCode, 0);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString address;
        while (!f.atEnd() && !address.contains(QLatin1Char('@')))
            address = QString::fromUtf8(f.readLine()).section(QLatin1Char(','), 0, 0);
        QVERIFY(address.contains(QLatin1Char('@')));

        // Tasks: bad input says what is wrong; a task added, listed, done.
        Result r = cli({QStringLiteral("task"), QStringLiteral("add"), QStringLiteral("Call"),
                        QStringLiteral("--due"), QStringLiteral("tomorrow")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--due")));
        r = cli({QStringLiteral("task"), QStringLiteral("add"), QStringLiteral("Call back"),
                 QStringLiteral("--contact"), address, QStringLiteral("--due"),
                 QStringLiteral("2026-12-24T15:30"), QStringLiteral("--priority"),
                 QStringLiteral("high")});
        QCOMPARE(r.exitCode, 0);
        const QString task = r.out.trimmed();
        r = cli({QStringLiteral("task"), QStringLiteral("list"), QStringLiteral("--contact"),
                 address, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray tasks = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.first().toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Call back"));
        QCOMPARE(cli({QStringLiteral("task"), QStringLiteral("done"), task}).exitCode, 0);
        QCOMPARE(
            cli({QStringLiteral("task"), QStringLiteral("done"), QStringLiteral("999")}).exitCode,
            1);

        // Deals: opened, moved (a wrong stage names the right ones), won, forecast.
        r = cli({QStringLiteral("deal"), QStringLiteral("add"), QStringLiteral("Catering"),
                 QStringLiteral("--contact"), address, QStringLiteral("--amount"),
                 QStringLiteral("1200"), QStringLiteral("--close"), QStringLiteral("2027-01-15")});
        QCOMPARE(r.exitCode, 0);
        const QString deal = r.out.trimmed();
        r = cli({QStringLiteral("deal"), QStringLiteral("move"), deal, QStringLiteral("nowhere")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("negotiation")));
        QCOMPARE(
            cli({QStringLiteral("deal"), QStringLiteral("move"), deal, QStringLiteral("contract")})
                .exitCode,
            0);
        r = cli({QStringLiteral("deal"), QStringLiteral("list"), QStringLiteral("--forecast"),
                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        bool january = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array())
            january = january || (v.toObject().value(QStringLiteral("month")).toString() ==
                                      QStringLiteral("2027-01") &&
                                  v.toObject().value(QStringLiteral("weighted")).toDouble() >=
                                      960); // 80 % of 1,200
        QVERIFY(january);

        // GDPR: the export names the deal; erase asks for --yes, then leaves the hash only.
        const QString json = m_dir.filePath(QStringLiteral("person.json"));
        QCOMPARE(cli({QStringLiteral("contact"), QStringLiteral("export"), address, json}).exitCode,
                 0);
        QFile exported(json);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QVERIFY(exported.readAll().contains("Catering"));
        QCOMPARE(cli({QStringLiteral("contact"), QStringLiteral("erase"), address}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("contact"), QStringLiteral("erase"), address,
                      QStringLiteral("--yes")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("contact"), QStringLiteral("export"), address}).exitCode, 1);
        r = cli({QStringLiteral("privacy"), QStringLiteral("log"), QStringLiteral("--json")});
        const QJsonArray log = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).toObject().value(QStringLiteral("action")).toString(),
                 QStringLiteral("erase"));
        QVERIFY(!r.out.contains(address));
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_Cli.moc"
