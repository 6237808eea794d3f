// Tracking through the real HTTP path: `masir-cli serve` on loopback (the
// public collector, in its own process), a workspace that sends through the
// SMTP test server and pulls from the collector, and requests made the way a
// mail client and a browser make them, over raw sockets.
#include "TestServers.h"
#include "TestWorkspace.h"

#include "common/Clock.h"
#include "contacts/ContactRepository.h"
#include "crm/ContactTimeline.h"
#include "intake/CollectorSync.h"
#include "intake/WorkspaceTracking.h"
#include "journeys/JourneyGraph.h"
#include "journeys/JourneyRepository.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/MessageTemplate.h"
#include "messaging/Outbox.h"
#include "messaging/SecretStore.h"
#include "scheduler/Worker.h"
#include "segments/SegmentRepository.h"
#include "server/TrackingServer.h"
#include "settings/WorkspaceSettings.h"
#include "storage/WorkNotices.h"
#include "tracking/TrackingKeys.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QUrlQuery>

#include <csignal>

using namespace masir;
using namespace masir::test;

namespace {

const QByteArray kBrowser =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36";

struct Reply
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
    bool closed = false; ///< the server closed the connection without an answer
};

/// One HTTP/1.1 request over a fresh connection, as raw bytes.
Reply http(int port, const QByteArray &request, int timeoutMs = 10000)
{
    Reply r;
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, quint16(port));
    if (!s.waitForConnected(5000))
        return r;
    s.write(request);
    s.waitForBytesWritten(5000);
    QByteArray data;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (!s.waitForReadyRead(200)) {
            if (s.state() != QAbstractSocket::ConnectedState)
                break;
            continue;
        }
        data += s.readAll();
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end < 0)
            continue;
        const QRegularExpression lengthRe(QStringLiteral("(?i)content-length:\\s*(\\d+)"));
        const auto m = lengthRe.match(QString::fromLatin1(data.left(end)));
        const qsizetype length = m.hasMatch() ? m.captured(1).toLongLong() : 0;
        if (data.size() >= end + 4 + length)
            break;
    }
    data += s.readAll();
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0) {
        r.closed = true;
        return r;
    }
    const QList<QByteArray> lines = data.left(end).split('\n');
    r.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            r.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                             lines.at(i).mid(colon + 1).trimmed());
    }
    r.body = data.mid(end + 4);
    return r;
}

QByteArray get(const QString &path, const QByteArray &agent = kBrowser,
               const QByteArray &method = "GET")
{
    return method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: t.shop.test\r\nUser-Agent: " + agent +
           "\r\nAccept-Language: en\r\nConnection: close\r\n\r\n";
}

QByteArray post(const QString &path, const QByteArray &body,
                const QByteArray &type = "application/x-www-form-urlencoded",
                const QByteArray &extra = {})
{
    return "POST " + path.toUtf8() + " HTTP/1.1\r\nHost: t.shop.test\r\nUser-Agent: " + kBrowser +
           "\r\nContent-Type: " + type + "\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\n" + extra + "Connection: close\r\n\r\n" + body;
}

QString pathOf(const QString &url)
{
    return QUrl(url).path();
}

/// `masir-cli serve` in its own process, with its own data folder.
class CollectorProcess
{
public:
    QTemporaryDir data;
    int port = 0;
    QString workspace; ///< set: it writes into this workspace, not a store of its own

    ~CollectorProcess() { stop(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port); }
    QString key() const
    {
        QFile f(data.filePath(QStringLiteral("api-key")));
        return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).trimmed() : QString();
    }
    bool start(int requestTimeoutMs = 10000)
    {
        if (!port)
            port = freePort();
        m_process.setProgram(QStringLiteral(MASIR_BINARY_DIR "/app/cli/masir-cli"));
        m_process.setArguments(arguments() + QStringList{QStringLiteral("--request-timeout"),
                                                         QString::number(requestTimeoutMs)});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return false;
        for (int i = 0; i < 100; ++i) {
            m_process.waitForReadyRead(100);
            if (m_process.readAllStandardOutput().contains("Collecting on"))
                return true;
            if (m_process.state() != QProcess::Running)
                return false;
        }
        return false;
    }
    QStringList arguments() const
    {
        QStringList args;
        if (!workspace.isEmpty())
            args << QStringLiteral("--workspace") << workspace;
        args << QStringLiteral("serve") << QStringLiteral("--listen")
             << QStringLiteral("127.0.0.1:%1").arg(port) << QStringLiteral("--public-url") << url();
        if (workspace.isEmpty())
            args << QStringLiteral("--data") << data.path();
        return args;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
    /// A crash: no chance to write what it holds.
    void kill()
    {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(5000);
    }

private:
    QProcess m_process;
};

} // namespace

class tst_Collector : public QObject
{
    Q_OBJECT

    SmtpSink m_smtp;
    QTemporaryDir m_secrets;
    SystemClock m_clock;

    static qint64 scalar(TestWorkspace &ws, const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(ws.db().connection());
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }

    /// A shop that sends a tracked newsletter through the SMTP test server and
    /// pulls from \a collector.
    void prepare(TestWorkspace &ws, CollectorProcess &collector)
    {
        QVERIFY(ws.opened());
        WorkspaceSettings s(ws.db());
        s.setValue(WorkspaceSettings::Key::BusinessName, QStringLiteral("Nan Bakery"));
        s.setValue(WorkspaceSettings::Key::PostalAddress, QStringLiteral("Valiasr 12, Tehran"));
        s.setValue(WorkspaceSettings::Key::UnsubscribeMailto, QStringLiteral("unsub@shop.test"));
        s.setValue(WorkspaceSettings::Key::EmailsPerDay, 0);
        s.setValue(WorkspaceSettings::Key::MqlScore, 15);
        MessageTemplate t;
        t.name = QStringLiteral("news");
        t.subject = QStringLiteral("Spring bread, {{first_name}}");
        t.body =
            QStringLiteral("# Hello {{first_name}}\n\nOur [spring loaf](https://shop.test/spring) "
                           "and the [blog](https://shop.test/blog?utm_source=blog).\n\n"
                           "Call [us](tel:+982100000000).\n");
        TemplateRepository templates(ws.db());
        QVERIFY2(templates.save(t), qPrintable(templates.errorString()));
        ChannelAccount a;
        a.name = QStringLiteral("main");
        a.kind = QStringLiteral("smtp");
        a.config = QJsonObject{{QStringLiteral("host"), QStringLiteral("localhost")},
                               {QStringLiteral("port"), m_smtp.tlsPort},
                               {QStringLiteral("security"), QStringLiteral("tls")},
                               {QStringLiteral("user"), m_smtp.user},
                               {QStringLiteral("from"), QStringLiteral("Nan <news@shop.test>")},
                               {QStringLiteral("caFile"), m_smtp.certificate()}};
        ChannelAccounts accounts(ws.db());
        QVERIFY2(accounts.save(a), qPrintable(accounts.errorString()));
        SecretStore(s.token(WorkspaceSettings::Key::WorkspaceId)).write(a.name, m_smtp.password);
        CollectorSync sync(ws.db());
        QVERIFY2(sync.connect(collector.url(), collector.key()), qPrintable(sync.errorString()));
    }

    qint64 addContact(TestWorkspace &ws, const QString &email, const QString &first)
    {
        Contact c;
        c.email = email;
        c.firstName = first;
        c.owner = QStringLiteral("sara");
        ContactRepository repo(ws.db());
        if (!repo.create(c))
            qWarning() << repo.errorString();
        return c.id;
    }

    qint64 journey(TestWorkspace &ws, const QString &name,
                   const std::function<void(JourneyGraph &)> &build)
    {
        JourneyGraph g;
        build(g);
        Journey j;
        j.name = name;
        j.graph = g.toJson();
        JourneyRepository repo(ws.db());
        if (!repo.save(j) || !repo.activate(j.id)) {
            qWarning() << repo.errorString();
            return 0;
        }
        return j.id;
    }

    /// One worker cycle, as the app's worker runs it.
    IntakeStats cycle(TestWorkspace &ws, SendStats *sent = nullptr)
    {
        WorkerCycle c(ws.db(), m_clock);
        const auto in = c.intake();
        if (!in)
            qWarning() << "intake:" << c.errorString();
        if (!c.run())
            qWarning() << "journeys:" << c.errorString();
        const auto s = c.send(10000);
        if (sent && s)
            *sent = *s;
        return in.value_or(IntakeStats{});
    }

    /// A newsletter to \a contact at \a address, queued and marked sent.
    static std::optional<qint64> sentNewsletter(TestWorkspace &ws, qint64 contact,
                                                const QString &address)
    {
        const auto outbox = Outbox(ws.db()).enqueue(QStringLiteral("email"), contact, address,
                                                    QStringLiteral("news"), true);
        if (!outbox ||
            !QSqlQuery(ws.db().connection())
                 .exec(QStringLiteral("UPDATE outbox SET state = 'sent', sent_at = 1 WHERE id = %1")
                           .arg(*outbox)))
            return std::nullopt;
        return outbox;
    }

    bool hasTag(TestWorkspace &ws, qint64 contact, const QString &tag)
    {
        return scalar(ws,
                      QStringLiteral("SELECT count(*) FROM contact_tags ct JOIN tags t ON t.id = "
                                     "ct.tag_id WHERE ct.contact_id = ? AND t.name = ?"),
                      {contact, tag}) == 1;
    }

    /// The newest message the SMTP server received, as Python reads it.
    QJsonObject lastMail()
    {
        const QList<QJsonObject> log = m_smtp.messages();
        return log.isEmpty()
                   ? QJsonObject()
                   : m_smtp.parsed(log.constLast().value(QStringLiteral("file")).toString());
    }

    static QStringList urls(const QString &text, const QString &kind)
    {
        QStringList out;
        const QRegularExpression re(
            QStringLiteral("http://127\\.0\\.0\\.1:\\d+/%1/[A-Za-z0-9_.-]+").arg(kind));
        for (auto it = re.globalMatch(text); it.hasNext();)
            out << it.next().captured(0);
        out.removeDuplicates();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MASIR_SECRETS", "file");
        qputenv("MASIR_SECRETS_FILE", m_secrets.filePath(QStringLiteral("secrets.json")).toUtf8());
        QVERIFY2(m_smtp.start(), "the SMTP test server did not start (python3-aiosmtpd, openssl)");
    }

    void openAndClickMoveEverythingInOneCycle()
    {
        CollectorProcess collector;
        QVERIFY2(collector.start(), "masir-cli serve did not start");
        TestWorkspace ws;
        prepare(ws, collector);
        if (QTest::currentTestFailed())
            return;
        // welcome: send the newsletter, wait for a click, then tag; and a
        // journey that starts on a click
        const qint64 welcome = journey(ws, QStringLiteral("Welcome"), [](JourneyGraph &g) {
            const QString t = g.addNode(QStringLiteral("trigger.contact_created"));
            const QString mail = g.addNode(QStringLiteral("action.email"),
                                           {{QStringLiteral("template"), QStringLiteral("news")}});
            const QString wait =
                g.addNode(QStringLiteral("wait.event"),
                          {{QStringLiteral("event"), QStringLiteral("email_clicked")},
                           {QStringLiteral("timeoutHours"), 48}});
            const QString check =
                g.addNode(QStringLiteral("condition"),
                          {{QStringLiteral("message"), mail},
                           {QStringLiteral("outcome"), QStringLiteral("clicked")}});
            const QString tag = g.addNode(QStringLiteral("action.tag"),
                                          {{QStringLiteral("tag"), QStringLiteral("clicked")}});
            g.connectNodes(t, QStringLiteral("next"), mail);
            g.connectNodes(mail, QStringLiteral("next"), wait);
            g.connectNodes(wait, QStringLiteral("yes"), check);
            g.connectNodes(check, QStringLiteral("yes"), tag);
        });
        QVERIFY(welcome);
        QVERIFY(journey(ws, QStringLiteral("Engaged"), [](JourneyGraph &g) {
            const QString t =
                g.addNode(QStringLiteral("trigger.event"),
                          {{QStringLiteral("event"), QStringLiteral("email_clicked")}});
            const QString tag = g.addNode(QStringLiteral("action.tag"),
                                          {{QStringLiteral("tag"), QStringLiteral("engaged")}});
            g.connectNodes(t, QStringLiteral("next"), tag);
        }));
        SegmentRule clickers;
        SegmentNode did =
            SegmentNode::condition(QStringLiteral("event"), QString(), QStringLiteral("did"));
        did.event = QStringLiteral("email_clicked");
        clickers.root.children << did;

        const qint64 sara =
            addContact(ws, QStringLiteral("sara@example.net"), QStringLiteral("Sara"));
        SendStats sent;
        cycle(ws, &sent);
        QCOMPARE(sent.sent, 1);
        const QJsonObject mail = lastMail();
        const QString html = mail.value(QStringLiteral("html")).toString();
        const QString text = mail.value(QStringLiteral("text")).toString();
        const QStringList pixels = urls(html, QStringLiteral("o"));
        const QStringList clicks = urls(html, QStringLiteral("c"));
        QCOMPARE(pixels.size(), 1);
        QCOMPARE(clicks.size(), 2);
        QVERIFY(html.contains(QLatin1String("tel:+982100000000")));
        QCOMPARE(urls(text, QStringLiteral("c")).size(), 2); // the plain-text part too
        // List-Unsubscribe points at the collector's one-click page
        const QString listUnsubscribe = mail.value(QStringLiteral("headers"))
                                            .toObject()
                                            .value(QStringLiteral("list-unsubscribe"))
                                            .toArray()
                                            .first()
                                            .toString();
        QVERIFY2(listUnsubscribe.contains(collector.url() + QStringLiteral("/u/")),
                 qPrintable(listUnsubscribe));
        // `tracking links` reads the same addresses
        const qint64 message = scalar(ws, QStringLiteral("SELECT max(id) FROM outbox"));
        const auto tracked = Outbox(ws.db()).tracked(message);
        QVERIFY(tracked);
        QCOMPARE(tracked->value(QStringLiteral("pixel")).toString(), pixels.first());

        // The reader opens it a minute later (a click within seconds of
        // delivery is a scanner's), shows images and clicks the loaf.
        QVERIFY(QSqlQuery(ws.db().connection())
                    .exec(QStringLiteral("UPDATE outbox SET sent_at = sent_at - 60000")));
        const Reply open = http(collector.port, get(pathOf(pixels.first())));
        QCOMPARE(open.status, 200);
        QCOMPARE(open.headers.value("content-type"), QByteArray("image/gif"));
        QVERIFY(open.headers.value("cache-control").contains("no-store"));
        QCOMPARE(open.body.left(6), QByteArray("GIF89a"));
        const Reply click = http(collector.port, get(pathOf(clicks.first())));
        QCOMPARE(click.status, 302);
        const QUrl target(QString::fromUtf8(click.headers.value("location")));
        QCOMPARE(target.host(), QStringLiteral("shop.test"));
        QCOMPARE(target.path(), QStringLiteral("/spring"));
        const QUrlQuery utm(target);
        QCOMPARE(utm.queryItemValue(QStringLiteral("utm_source")), QStringLiteral("masir"));
        QCOMPARE(utm.queryItemValue(QStringLiteral("utm_medium")), QStringLiteral("email"));
        QCOMPARE(utm.queryItemValue(QStringLiteral("utm_campaign")), QStringLiteral("Welcome"));
        // the blog link keeps its own utm_source, once (a link checker's HEAD, a
        // moment later: every link clicked in the same second is a scanner)
        QTest::qWait(1100);
        const Reply blog = http(collector.port, get(pathOf(clicks.at(1)), kBrowser, "HEAD"));
        QCOMPARE(blog.status, 302);
        QCOMPARE(QUrlQuery(QUrl(QString::fromUtf8(blog.headers.value("location"))))
                     .allQueryItemValues(QStringLiteral("utm_source")),
                 QStringList{QStringLiteral("blog")});

        // One cycle later everything has moved.
        const IntakeStats in = cycle(ws);
        QCOMPARE(in.collector.pulled, 3);
        QCOMPARE(in.hits.opens, 1);
        QCOMPARE(in.hits.clicks, 1);
        QCOMPARE(in.hits.machine, 1); // the HEAD request
        QCOMPARE(scalar(ws, QStringLiteral("SELECT score FROM contact_scores WHERE contact_id = ?"),
                        {sara}),
                 15);
        QCOMPARE(
            scalar(
                ws,
                QStringLiteral(
                    "SELECT count(*) FROM contact_scores WHERE contact_id = ? AND stage = 'mql'"),
                {sara}),
            1);
        QCOMPARE(
            scalar(ws, QStringLiteral("SELECT count(*) FROM tasks WHERE contact_id = ?"), {sara}),
            1);
        QVERIFY2(hasTag(ws, sara, QStringLiteral("clicked")), "the waiting step did not move");
        QVERIFY2(hasTag(ws, sara, QStringLiteral("engaged")), "the click did not start a journey");
        QCOMPARE(SegmentRepository(ws.db()).count(clickers).value_or(-1), 1);
        const QList<Event> timeline = ContactTimeline(ws.db()).entries(sara);
        QStringList said;
        for (const Event &e : timeline) {
            said << ContactTimeline::describe(e);
            QVERIFY2(!said.constLast().contains(e.type), qPrintable(said.constLast())); // words
        }
        QVERIFY2(said.join(QLatin1Char('\n')).contains(QLatin1String("https://shop.test/spring")),
                 qPrintable(said.join(QLatin1Char('\n'))));
        QVERIFY(said.contains(QStringLiteral("Opened email: Spring bread, Sara")));

        // pulling again finds nothing new, and a pull from the start keeps nothing twice
        QCOMPARE(cycle(ws).collector.pulled, 0);
        WorkspaceSettings(ws.db()).setValue(WorkspaceSettings::Key::CollectorCursor, 0);
        QCOMPARE(cycle(ws).collector.pulled, 0);
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM tracking_hits")), 3);
    }

    void badTokensGetTheSameShortAnswer()
    {
        CollectorProcess collector;
        QVERIFY(collector.start());
        TestWorkspace ws;
        prepare(ws, collector);
        const qint64 id =
            addContact(ws, QStringLiteral("reza@example.net"), QStringLiteral("Reza"));
        QVERIFY(Outbox(ws.db()).enqueue(QStringLiteral("email"), id,
                                        QStringLiteral("reza@example.net"), QStringLiteral("news"),
                                        true));
        cycle(ws);
        const QStringList clicks =
            urls(lastMail().value(QStringLiteral("html")).toString(), QStringLiteral("c"));
        QVERIFY(!clicks.isEmpty());
        const QString good = pathOf(clicks.first());
        QString tampered = good;
        tampered[tampered.size() - 5] =
            tampered[tampered.size() - 5] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        const QString token = good.section(QLatin1Char('/'), -1);
        const QStringList bad = {
            tampered,
            QStringLiteral("/c/nokey.") + token.section(QLatin1Char('.'), 1),
            QStringLiteral("/c/") + token + QStringLiteral("x"),
            QStringLiteral("/c/%2e%2e/%2e%2e/etc/passwd"),
            QStringLiteral("/c/https://evil.test"),
            QStringLiteral("/c//evil.test"),
            QStringLiteral("/o/") + token, // a click token is not a pixel
            QStringLiteral("/x/") + token,
            QStringLiteral("/"),
        };
        QByteArray first;
        for (const QString &path : bad) {
            const Reply r = http(collector.port, get(path));
            QVERIFY2(r.status == 404, qPrintable(path));
            QVERIFY2(!r.headers.contains("location"), qPrintable(path));
            if (first.isNull())
                first = r.body;
            QCOMPARE(r.body, first); // uniform: it says nothing about why
        }
        // extra query parameters cannot move the redirect
        const Reply r = http(collector.port,
                             get(good + QStringLiteral("?url=https://evil.test&next=//evil.test")));
        QCOMPARE(r.status, 302);
        QCOMPARE(QUrl(QString::fromUtf8(r.headers.value("location"))).host(),
                 QStringLiteral("shop.test"));
        // a method it does not serve
        QCOMPARE(http(collector.port, post(good, "x=1")).status, 405);
    }

    void oneClickUnsubscribeWhileTheDesktopIsOff()
    {
        CollectorProcess collector;
        QVERIFY(collector.start());
        TestWorkspace ws;
        prepare(ws, collector);
        const qint64 id = addContact(ws, QStringLiteral("ali@example.net"), QStringLiteral("Ali"));
        QVERIFY(Outbox(ws.db()).enqueue(QStringLiteral("email"), id,
                                        QStringLiteral("ali@example.net"), QStringLiteral("news"),
                                        true));
        cycle(ws);
        const QString unsubscribe = pathOf(lastMail()
                                               .value(QStringLiteral("headers"))
                                               .toObject()
                                               .value(QStringLiteral("list-unsubscribe"))
                                               .toArray()
                                               .first()
                                               .toString()
                                               .section(QLatin1Char('<'), 1)
                                               .section(QLatin1Char('>'), 0, 0));
        QVERIFY(unsubscribe.startsWith(QLatin1String("/u/")));
        // a GET (a scanner) shows the page and changes nothing
        const Reply page = http(collector.port, get(unsubscribe));
        QCOMPARE(page.status, 200);
        QVERIFY(page.headers.value("content-security-policy").contains("default-src 'none'"));
        QVERIFY(page.body.contains("<form"));
        // the mail client's RFC 8058 POST, while the desktop is closed
        // (multipart/form-data, as RFC 8058 asks mail providers to send it)
        const QByteArray multipart = "--XyZ\r\nContent-Disposition: form-data; "
                                     "name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--XyZ--\r\n";
        const Reply done =
            http(collector.port, post(unsubscribe, multipart, "multipart/form-data; boundary=XyZ"));
        QCOMPARE(done.status, 200);
        // a newsletter queued before the desktop heard of it is never sent
        const auto queued =
            Outbox(ws.db()).enqueue(QStringLiteral("email"), id, QStringLiteral("ali@example.net"),
                                    QStringLiteral("news"), true);
        QVERIFY(queued);
        const int before = int(m_smtp.messages().size());
        SendStats sent;
        const IntakeStats in = cycle(ws, &sent);
        QCOMPARE(in.hits.unsubscribes, 1);
        QCOMPARE(sent.sent, 0);
        QCOMPARE(int(m_smtp.messages().size()), before);
        QCOMPARE(scalar(ws,
                        QStringLiteral("SELECT count(*) FROM contacts WHERE id = ? AND status = "
                                       "'unsubscribed'"),
                        {id}),
                 1);
        QVERIFY(scalar(ws,
                       QStringLiteral("SELECT count(*) FROM outbox WHERE id = ? AND state = "
                                      "'sent'"),
                       {*queued}) == 0);
    }

    void marketingWaitsWhileTheCollectorIsDown()
    {
        CollectorProcess collector;
        QVERIFY(collector.start());
        TestWorkspace ws;
        prepare(ws, collector);
        const qint64 id =
            addContact(ws, QStringLiteral("mina@example.net"), QStringLiteral("Mina"));
        collector.stop();
        const auto queued =
            Outbox(ws.db()).enqueue(QStringLiteral("email"), id, QStringLiteral("mina@example.net"),
                                    QStringLiteral("news"), true);
        QVERIFY(queued);
        SendStats sent;
        const IntakeStats in = cycle(ws, &sent);
        QVERIFY(!in.collectorError.isEmpty());
        QCOMPARE(sent.sent, 0);
        QCOMPARE(scalar(ws,
                        QStringLiteral("SELECT count(*) FROM outbox WHERE id = ? AND state = "
                                       "'queued'"),
                        {*queued}),
                 1);
        QVERIFY(!CollectorSync(ws.db()).lastStatus().value(QStringLiteral("ok")).toBool());
        // back up: pulled first, then sent
        QVERIFY(collector.start());
        cycle(ws, &sent);
        QCOMPARE(sent.sent, 1);
    }

    void limitsAndTheApiKey()
    {
        CollectorProcess collector;
        QVERIFY(collector.start(1500));
        // bodies over 64 KiB are refused before they are read
        const Reply big =
            http(collector.port, post(QStringLiteral("/u/abc"), QByteArray(100 * 1024, 'a')));
        QVERIFY2(big.status == 413 || big.closed, QByteArray::number(big.status));
        // a client that never finishes its request is cut off
        {
            QTcpSocket slow;
            slow.connectToHost(QHostAddress::LocalHost, quint16(collector.port));
            QVERIFY(slow.waitForConnected(3000));
            slow.write("GET /o/abc HTTP/1.1\r\nHost: x\r\n");
            slow.waitForBytesWritten(1000);
            QElapsedTimer t;
            t.start();
            while (slow.state() == QAbstractSocket::ConnectedState && t.elapsed() < 8000)
                slow.waitForReadyRead(200);
            QVERIFY2(slow.state() != QAbstractSocket::ConnectedState, "a slow client was kept");
            QVERIFY(t.elapsed() < 5000);
        }
        // the API: the key on every call, 401 otherwise
        const QByteArray pull = "GET /api/v1/hits?after=0 HTTP/1.1\r\nHost: x\r\n";
        QCOMPARE(http(collector.port, pull + "Connection: close\r\n\r\n").status, 401);
        QCOMPARE(
            http(collector.port, pull + "Authorization: Bearer wrong\r\nConnection: close\r\n\r\n")
                .status,
            401);
        QCOMPARE(http(collector.port, pull + "Authorization: Bearer " + collector.key().toLatin1() +
                                          "\r\nConnection: close\r\n\r\n")
                     .status,
                 200);
        QCOMPARE(http(collector.port, get(QStringLiteral("/healthz"))).status, 200);
        // a large push is the desktop's only: without its key, 413 before it is read
        const QByteArray large = "{\"choices\": []" + QByteArray(200 * 1024, ' ') + "}";
        const Reply anonymous =
            http(collector.port, post(QStringLiteral("/api/v1/state"), large, "application/json"));
        QVERIFY2(anonymous.status == 413 || anonymous.closed, QByteArray::number(anonymous.status));
        QCOMPARE(http(collector.port,
                      post(QStringLiteral("/api/v1/state"), large, "application/json",
                           "Authorization: Bearer " + collector.key().toLatin1() + "\r\n"))
                     .status,
                 200);
    }

    void aNewStoreIsPulledFromTheStart()
    {
        CollectorProcess collector;
        QVERIFY(collector.start());
        TestWorkspace ws;
        prepare(ws, collector);
        const qint64 id =
            addContact(ws, QStringLiteral("nima@example.net"), QStringLiteral("Nima"));
        QVERIFY(Outbox(ws.db()).enqueue(QStringLiteral("email"), id,
                                        QStringLiteral("nima@example.net"), QStringLiteral("news"),
                                        true));
        cycle(ws);
        const QString pixel =
            pathOf(urls(lastMail().value(QStringLiteral("html")).toString(), QStringLiteral("o"))
                       .value(0));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(http(collector.port, get(pixel)).status, 200);
        QCOMPARE(cycle(ws).collector.pulled, 5);
        // the store is lost; the same address and key come back with an empty one
        collector.stop();
        for (const QString &f :
             QDir(collector.data.path()).entryList({QStringLiteral("collector.db*")}, QDir::Files))
            QVERIFY(QFile::remove(collector.data.filePath(f)));
        QVERIFY(collector.start());
        QCOMPARE(http(collector.port, get(pixel)).status, 404); // it knows no keys yet
        QCOMPARE(cycle(ws).collector.pulled, 0);                // ...until the desktop pushes
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http(collector.port, get(pixel)).status, 200);
        QCOMPARE(cycle(ws).collector.pulled, 3);
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM events WHERE type LIKE "
                                           "'email%opened'")),
                 8);
    }

    void aCrashLosesNoAnsweredHitAndAPullResumes()
    {
        CollectorProcess collector;
        QVERIFY(collector.start());
        TestWorkspace ws;
        prepare(ws, collector);
        const qint64 id =
            addContact(ws, QStringLiteral("leila@example.net"), QStringLiteral("Leila"));
        QVERIFY(Outbox(ws.db()).enqueue(QStringLiteral("email"), id,
                                        QStringLiteral("leila@example.net"), QStringLiteral("news"),
                                        true));
        cycle(ws);
        const QString pixel =
            pathOf(urls(lastMail().value(QStringLiteral("html")).toString(), QStringLiteral("o"))
                       .value(0));
        QVERIFY(!pixel.isEmpty());
        for (int i = 0; i < 300; ++i)
            QCOMPARE(http(collector.port, get(pixel)).status, 200);
        QTest::qWait(300); // beyond the group-commit window (50 ms)
        collector.kill();
        QVERIFY(collector.start());
        QCOMPARE(cycle(ws).collector.pulled, 300);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(http(collector.port, get(pixel)).status, 200);
        QTest::qWait(300);
        QCOMPARE(cycle(ws).collector.pulled, 20);
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM tracking_hits")), 320);
        QCOMPARE(scalar(ws, QStringLiteral("SELECT count(*) FROM events WHERE type IN "
                                           "('email_opened', 'email_machine_opened')")),
                 320);
    }

    void subscriberPagesInABrowser()
    {
        // Headless Chromium (Debian's chromium, npm's playwright-core, both
        // installed by scripts/bootstrap.sh) at 375 px, in Persian and English.
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        QVERIFY2(!node.isEmpty() && !chromium.isEmpty(),
                 "node and chromium are needed: scripts/bootstrap.sh installs them");
        QVERIFY2(QFile::exists(QStringLiteral(MASIR_SOURCE_DIR
                                              "/tests/browser/node_modules/playwright-core")),
                 "run npm install in tests/browser (scripts/bootstrap.sh does)");
        CollectorProcess collector;
        QVERIFY(collector.start());
        TestWorkspace ws;
        QVERIFY(ws.opened());
        SegmentRepository lists(ws.db());
        for (const QString &name : {QStringLiteral("اخبار نان تازه"), QStringLiteral("Offers")}) {
            Segment list;
            list.name = name;
            list.isStatic = true;
            list.isPublic = true;
            QVERIFY2(lists.save(list), qPrintable(lists.errorString()));
        }
        struct Person
        {
            QString email, name, language, page;
            qint64 id = 0;
            qint64 outbox = 0;
        };
        QList<Person> people = {
            {QStringLiteral("sara@example.ir"), QStringLiteral("سارا"), QStringLiteral("fa"),
             QStringLiteral("preferences")},
            {QStringLiteral("reza@example.ir"), QStringLiteral("رضا"), QStringLiteral("fa"),
             QStringLiteral("unsubscribe")},
            {QStringLiteral("john@example.com"), QStringLiteral("John"), QStringLiteral("en"),
             QStringLiteral("preferences")},
            {QStringLiteral("anna@example.com"), QStringLiteral("Anna"), QStringLiteral("en"),
             QStringLiteral("unsubscribe")},
        };
        for (Person &p : people) {
            Contact c;
            c.email = p.email;
            c.firstName = p.name;
            c.language = p.language;
            c.phone =
                p.language == QLatin1String("fa") ? QStringLiteral("+989121234567") : QString();
            ContactRepository repo(ws.db());
            QVERIFY2(repo.create(c), qPrintable(repo.errorString()));
            p.id = c.id;
            p.outbox =
                Outbox(ws.db())
                    .enqueue(QStringLiteral("email"), c.id, p.email, QStringLiteral("news"), true)
                    .value_or(0);
            QVERIFY(QSqlQuery(ws.db().connection())
                        .exec(QStringLiteral("UPDATE outbox SET state = 'sent', sent_at = 1, "
                                             "tracked = '{}' WHERE id = %1")
                                  .arg(p.outbox)));
        }
        prepare(ws, collector); // connects: the lists, branding and choices go to the collector
        const auto key = TrackingKeys(ws.db()).current();
        QVERIFY(key);
        const QByteArray secret =
            WorkspaceSettings(ws.db()).token(WorkspaceSettings::Key::TokenSecret).toUtf8();
        QStringList args{QStringLiteral(MASIR_SOURCE_DIR "/tests/browser/pages.mjs"),
                         QStringLiteral("--chromium"), chromium, QStringLiteral("--out"),
                         m_secrets.path()};
        for (const Person &p : std::as_const(people)) {
            TrackingToken t;
            t.kind = p.page == QLatin1String("preferences") ? TrackingToken::Kind::Preferences
                                                            : TrackingToken::Kind::Unsubscribe;
            t.kid = key->kid;
            t.outboxId = p.outbox;
            t.subject = TrackingToken::subjectOf(p.id, secret);
            args << QStringLiteral("--page")
                 << QStringLiteral("%1:%2:%3/%4/%5")
                        .arg(p.language, p.page, collector.url(),
                             p.page == QLatin1String("preferences") ? QStringLiteral("p")
                                                                    : QStringLiteral("u"),
                             t.encode(key->secret));
        }
        QProcess browser;
        browser.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        browser.setWorkingDirectory(QStringLiteral(MASIR_SOURCE_DIR "/tests/browser"));
        browser.start(node, args);
        QVERIFY(browser.waitForFinished(120000));
        const QByteArray report = browser.readAllStandardOutput();
        QVERIFY2(browser.exitCode() == 0, report.constData());
        QCOMPARE(report.count('\n'), 4);
        if (qEnvironmentVariableIsSet("MASIR_SCREENSHOTS"))
            for (const QString &f : QDir(m_secrets.path()).entryList({QStringLiteral("*.png")}))
                QFile::copy(m_secrets.filePath(f),
                            qEnvironmentVariable("MASIR_SCREENSHOTS") + QLatin1Char('/') + f);

        // the desktop pulls, and the workspace shows what people chose
        const IntakeStats in = cycle(ws);
        QCOMPARE(in.hits.unsubscribes, 2);
        QCOMPARE(in.hits.preferences, 2);
        for (const Person &p : std::as_const(people)) {
            const bool unsubscribed = p.page == QLatin1String("unsubscribe");
            QCOMPARE(scalar(ws,
                            QStringLiteral("SELECT count(*) FROM contacts WHERE id = ? AND "
                                           "status = 'unsubscribed'"),
                            {p.id}),
                     unsubscribed ? 1 : 0);
            if (!unsubscribed) {
                QCOMPARE(WorkspaceTracking::choicesOf(ws.db(), p.id).topics.size(), 2);
                QCOMPARE(scalar(ws,
                                QStringLiteral("SELECT count(*) FROM events WHERE contact_id "
                                               "= ? AND type = 'preferences_changed'"),
                                {p.id}),
                         1);
            }
        }
    }

    void theAppServesItsOwnLinks()
    {
        // Settings → Tracking → "serve from this computer": the same server,
        // with the workspace behind it.
        TestWorkspace ws;
        QVERIFY(ws.opened());
        const qint64 id =
            addContact(ws, QStringLiteral("omid@example.net"), QStringLiteral("Omid"));
        std::atomic<int> woken{0};
        WorkspaceTracking backend(ws.db(), [&] { ++woken; });
        ServerOptions options;
        options.publicUrl = QStringLiteral("http://127.0.0.1");
        TrackingServer server(&backend, nullptr, options);
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        WorkspaceSettings(ws.db()).setValue(
            WorkspaceSettings::Key::TrackingPublicUrl,
            QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        const auto outbox = sentNewsletter(ws, id, QStringLiteral("omid@example.net"));
        QVERIFY(outbox);
        const auto key = TrackingKeys(ws.db()).current();
        QVERIFY(key);
        TrackingToken t;
        t.kid = key->kid;
        t.outboxId = *outbox;
        QCOMPARE(http(server.port(), get(QStringLiteral("/o/") + t.encode(key->secret))).status,
                 200);
        backend.flush();
        QVERIFY(woken.load() >= 1);
        QCOMPARE(
            scalar(ws, QStringLiteral("SELECT count(*) FROM tracking_hits WHERE source = 'local'")),
            1);
        // no API on the app's own server
        QCOMPARE(http(server.port(), get(QStringLiteral("/api/v1/status"))).status, 404);
        server.close();
        const IntakeStats in = cycle(ws);
        QCOMPARE(in.hits.opens, 1);
    }

    void aCollectorWritesIntoTheWorkspace()
    {
        // A team's server workspace needs no collector store of its own:
        // `masir-cli --workspace URL serve` keeps its hits where the workers
        // read them, and wakes them (on a server) when it has.
        TestWorkspace ws;
        QVERIFY(ws.opened());
        const qint64 id =
            addContact(ws, QStringLiteral("neda@example.net"), QStringLiteral("Neda"));
        const auto key = TrackingKeys(ws.db()).current();
        QVERIFY(key);
        const auto outbox = sentNewsletter(ws, id, QStringLiteral("neda@example.net"));
        QVERIFY(outbox);
        WorkNotices notices;
        QSignalSpy woken(&notices, &WorkNotices::workArrived);
        QCOMPARE(notices.listen(ws.db().connection()), onPostgres());

        CollectorProcess collector;
        collector.workspace = ws.path();
        QVERIFY2(collector.start(), "masir-cli serve --workspace did not start");
        // links in new messages point at it
        QCOMPARE(WorkspaceSettings(ws.db()).value(WorkspaceSettings::Key::TrackingPublicUrl),
                 QVariant(collector.url()));
        TrackingToken t;
        t.kid = key->kid;
        t.outboxId = *outbox;
        QCOMPARE(http(collector.port, get(QStringLiteral("/o/") + t.encode(key->secret))).status,
                 200);
        const QString kept =
            QStringLiteral("SELECT count(*) FROM tracking_hits WHERE source LIKE 'serve:%'");
        QTRY_COMPARE_WITH_TIMEOUT(scalar(ws, kept), 1, 10000);
        if (onPostgres())
            QTRY_VERIFY_WITH_TIMEOUT(woken.count() >= 1, 10000);
        // nothing to pull: the worker's cycle applies it from the workspace
        QCOMPARE(http(collector.port, get(QStringLiteral("/api/v1/status"))).status, 404);
        const IntakeStats in = cycle(ws);
        QCOMPARE(in.hits.opens, 1);
        QCOMPARE(scalar(ws,
                        QStringLiteral("SELECT count(*) FROM events WHERE contact_id = ? AND "
                                       "type = 'email_opened'"),
                        {id}),
                 1);
        collector.stop();

        // A workspace that pulls from a collector elsewhere is not written into
        // behind that one's back.
        QVERIFY(CollectorSync(ws.db()).save(QStringLiteral("https://t.other.test"),
                                            QStringLiteral("a-key")));
        QProcess refused;
        refused.start(QStringLiteral(MASIR_BINARY_DIR "/app/cli/masir-cli"), collector.arguments());
        QVERIFY(refused.waitForFinished(30000));
        QVERIFY(refused.exitCode() != 0);
        QVERIFY2(refused.readAllStandardError().contains("collector disconnect"),
                 "the refusal does not say what to do");
    }
};

QTEST_GUILESS_MAIN(tst_Collector)
#include "tst_Collector.moc"
