// HubSpot and Pipedrive syncs against a local stand-in of their APIs
// (tests/support/crm_api.py: their paging, authentication, incremental
// filters and 429s): contacts and deals in, the same import report as a CSV,
// a changed stage moving a deal, a refused or missing token said clearly, and
// a sync killed midway that goes on from its cursor without a duplicate.

#include "connectors/CrmConnections.h"
#include "connectors/CrmConnector.h"
#include "connectors/CrmSync.h"
#include "contacts/ContactRepository.h"
#include "crm/Deals.h"
#include "crm/Pipelines.h"
#include "events/EventStore.h"
#include "scoring/LeadScoring.h"

#include "CliProcess.h"
#include "TestServers.h"
#include "TestWorkspace.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace masir;

namespace {

/// The stand-in API in its own process, on a free port.
class CrmApi
{
public:
    bool start(const QStringList &args)
    {
        const QString portFile = m_dir.filePath(QStringLiteral("port"));
        if (!m_server.start(test::systemPython(),
                            QStringList{test::supportScript("crm_api.py"), portFile} + args,
                            portFile))
            return false;
        QFile f(portFile);
        return f.open(QIODevice::ReadOnly) && (m_port = f.readAll().toInt()) > 0;
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    bool control(const QJsonObject &body) const
    {
        CrmHttp http;
        return http
            .call("POST", url() + QStringLiteral("/_control"), {},
                  QJsonDocument(body).toJson(QJsonDocument::Compact))
            .ok();
    }
    QJsonObject stats() const
    {
        CrmHttp http;
        return QJsonDocument::fromJson(http.call("GET", url() + QStringLiteral("/_stats"), {}).body)
            .object();
    }

private:
    QTemporaryDir m_dir;
    test::ServerProcess m_server;
    int m_port = 0;
};

} // namespace

class tst_CrmSync : public QObject
{
    Q_OBJECT

    QTemporaryDir m_secrets;

    static qint64 scalar(const Database &db, const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(db.connection());
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No desktop keychain here: the tokens go to a file only we may read.
        qputenv("MASIR_SECRETS", "file");
        qputenv("MASIR_SECRETS_FILE", m_secrets.filePath(QStringLiteral("secrets.json")).toUtf8());
    }

    void hubspotFullThenIncremental()
    {
        CrmApi api;
        QVERIFY(
            api.start({QStringLiteral("--people"), QStringLiteral("250"), QStringLiteral("--deals"),
                       QStringLiteral("20"), QStringLiteral("--rate-limit"), QStringLiteral("7")}));
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        CrmConnections connections(ws.db());
        // No token yet: the error says which and how to give it.
        QVERIFY(!connections.connector(QStringLiteral("hubspot")));
        QVERIFY(connections.errorString().contains(QStringLiteral("crm connect hubspot")));
        // A refused token is said at once, and nothing is kept.
        QVERIFY(!connections.connect({QStringLiteral("hubspot"), api.url(), 0, {}, {}},
                                     QStringLiteral("wrong")));
        QVERIFY2(connections.errorString().contains(QStringLiteral("refused the token")),
                 qPrintable(connections.errorString()));
        QVERIFY(connections.connect({QStringLiteral("hubspot"), api.url(), 0, {}, {}},
                                    QStringLiteral("secret-token")));
        auto connector = connections.connector(QStringLiteral("hubspot"));
        QVERIFY(connector);

        CrmSync sync(ws.db(), *connector);
        const auto report = sync.run(false);
        QVERIFY2(report, qPrintable(sync.errorString()));
        QCOMPARE(report->people, 250);
        QCOMPARE(report->import.created, 250);
        QVERIFY(report->import.importId > 0);
        QCOMPARE(report->dealsCreated, 20);
        QVERIFY(report->rateLimitWaits > 0); // every 7th request was a 429, waited out
        QVERIFY(report->dealIssues.isEmpty());
        QCOMPARE(scalar(ws.db(), QStringLiteral("SELECT count(*) FROM contacts")), 250);
        // The CRM's id on each contact; its lifecycle stage as Masir's.
        const auto first =
            ContactRepository(ws.db()).findIdByEmail(QStringLiteral("person0@crm.example"));
        QVERIFY(first);
        const Contact c = *ContactRepository(ws.db()).find(*first);
        QCOMPARE(c.custom.value(QStringLiteral("hubspot_id")), QStringLiteral("1000"));
        QCOMPARE(c.stage, QStringLiteral("customer"));
        // Deals in a pipeline named after HubSpot's, with its stages' probabilities.
        const auto pipeline =
            Pipelines(ws.db().connection()).findByName(QStringLiteral("HubSpot: Sales Pipeline"));
        QVERIFY(pipeline);
        QCOMPARE(pipeline->stageByKey(QStringLiteral("contractsent"))->probability, 90);
        QCOMPARE(pipeline->stageByKey(QStringLiteral("closedwon"))->outcome,
                 PipelineStage::Outcome::Won);
        Deals deals(ws.db().connection());
        const auto deal0 = deals.findExternal(QStringLiteral("hubspot"), QStringLiteral("5000"));
        QVERIFY(deal0);
        QCOMPARE(deal0->contactId, *first);
        QCOMPARE(deal0->stageId, pipeline->stageByKey(QStringLiteral("appointmentscheduled"))->id);
        QVERIFY(QFile::exists(CrmSync::stagingPath(ws.db(), QStringLiteral("hubspot"))) == false);

        // Ten people change in HubSpot, and deal 0 is won there: only they come.
        QVERIFY(api.control({{QStringLiteral("changed"), 10},
                             {QStringLiteral("dealStages"),
                              QJsonObject{{QStringLiteral("0"), QStringLiteral("closedwon")}}}}));
        const auto again = sync.run(false);
        QVERIFY2(again, qPrintable(sync.errorString()));
        QVERIFY2(again->people <= 11,
                 qPrintable(QString::number(again->people))); // + the newest seen
        QCOMPARE(again->import.created, 0);
        QCOMPARE(scalar(ws.db(), QStringLiteral("SELECT count(*) FROM contacts")), 250);
        QCOMPARE(ContactRepository(ws.db()).find(*first)->lastName, QStringLiteral("Changed0"));
        QCOMPARE(again->dealsMoved, 1);
        QCOMPARE(deals.findExternal(QStringLiteral("hubspot"), QStringLiteral("5000"))->stageId,
                 pipeline->stageByKey(QStringLiteral("closedwon"))->id);
        // the move is on the contact's timeline, where journeys start from
        QCOMPARE(scalar(ws.db(),
                        QStringLiteral("SELECT count(*) FROM events WHERE contact_id = ? AND type "
                                       "= 'deal_stage_changed'"),
                        {*first}),
                 1);
    }

    void pipedriveFull()
    {
        CrmApi api;
        QVERIFY(api.start({QStringLiteral("--people"), QStringLiteral("120"),
                           QStringLiteral("--deals"), QStringLiteral("10")}));
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        CrmConnections connections(ws.db());
        QVERIFY2(connections.connect({QStringLiteral("pipedrive"), api.url(), 0, {}, {}},
                                     QStringLiteral("secret-token")),
                 qPrintable(connections.errorString()));
        auto connector = connections.connector(QStringLiteral("pipedrive"));
        CrmSync sync(ws.db(), *connector);
        const auto report = sync.run(true);
        QVERIFY2(report, qPrintable(sync.errorString()));
        QCOMPARE(report->import.created, 120);
        QCOMPARE(report->dealsCreated, 10);
        const auto pipeline =
            Pipelines(ws.db().connection()).findByName(QStringLiteral("Pipedrive: Pipeline"));
        QVERIFY(pipeline);
        QCOMPARE(pipeline->stages.size(), 5); // three stages, won and lost
        Deals deals(ws.db().connection());
        // deal 3 is won in Pipedrive: won here, and revenue
        QCOMPARE(deals.findExternal(QStringLiteral("pipedrive"), QStringLiteral("5003"))->stageId,
                 pipeline->stageByKey(QStringLiteral("won"))->id);
        QCOMPARE(scalar(ws.db(), QStringLiteral("SELECT CAST(sum(amount) AS INTEGER) FROM "
                                                "event_tallies WHERE kind = 'purchase'")),
                 400 + 900); // deals 3 and 8
        // Changed since: only through /recents.
        QVERIFY(api.control({{QStringLiteral("changed"), 5}}));
        const auto again = sync.run(false);
        QVERIFY2(again, qPrintable(sync.errorString()));
        QVERIFY(again->people <= 6);
        QCOMPARE(scalar(ws.db(), QStringLiteral("SELECT count(*) FROM contacts")), 120);
    }

    // Masir's score and stage go back to the CRM's contacts, only for the
    // people they changed for here (not the values the sync itself brought).
    void writeBackToBothCrms()
    {
        for (const QString &crm : {QStringLiteral("hubspot"), QStringLiteral("pipedrive")}) {
            CrmApi api;
            QVERIFY(api.start({QStringLiteral("--people"), QStringLiteral("30"),
                               QStringLiteral("--deals"), QStringLiteral("0")}));
            test::TestWorkspace ws;
            QVERIFY(ws.opened());
            CrmConnections connections(ws.db());
            CrmConnection c{
                crm, api.url(), 0, {QStringLiteral("score"), QStringLiteral("stage")}, {}};
            if (crm == QLatin1String("pipedrive")) {
                // Pipedrive's custom fields are known by their keys only: asked for.
                QVERIFY(!connections.connect(c, QStringLiteral("secret-token")));
                QVERIFY(connections.errorString().contains(QStringLiteral("--property score=KEY")));
                c.properties = {{QStringLiteral("score"), QStringLiteral("a1b2c3")},
                                {QStringLiteral("stage"), QStringLiteral("d4e5f6")}};
            }
            QVERIFY2(connections.connect(c, QStringLiteral("secret-token")),
                     qPrintable(connections.errorString()));
            auto connector = connections.connector(crm);
            CrmSync sync(ws.db(), *connector);
            sync.setWriteBack(c.writeBack, c.properties);
            const auto first = sync.run(false);
            QVERIFY2(first, qPrintable(sync.errorString()));
            QCOMPARE(first->writtenBack, 0); // the CRM's own values are not echoed
            // Two people open an email: their scores change here (+5).
            ContactRepository repo(ws.db());
            EventStore events(ws.db().connection());
            for (const QString &email :
                 {QStringLiteral("person1@crm.example"), QStringLiteral("person2@crm.example")})
                QVERIFY(events.append(*repo.findIdByEmail(email), EventType::EmailOpened,
                                      QDateTime::currentMSecsSinceEpoch()));
            LeadScoring scoring(ws.db());
            QVERIFY(scoring.scoreNewEvents());
            const auto second = sync.run(false);
            QVERIFY2(second, qPrintable(sync.errorString()));
            QCOMPARE(second->writtenBack, 2);
            const QJsonObject writes = api.stats().value(QStringLiteral("writes")).toObject();
            QCOMPARE(writes.size(), 2);
            const QJsonObject one = writes.value(QStringLiteral("1001")).toObject();
            const QString scoreKey = crm == QLatin1String("hubspot") ? QStringLiteral("masir_score")
                                                                     : QStringLiteral("a1b2c3");
            QCOMPARE(one.value(scoreKey).toVariant().toString(), QStringLiteral("5"));
        }
    }

    // masir-cli crm sync killed while it reads, then run again: it says it
    // goes on, reads from its cursor, and every person is there once.
    void killedSyncResumes()
    {
        CrmApi api;
        QVERIFY(api.start({QStringLiteral("--people"), QStringLiteral("3000"),
                           QStringLiteral("--deals"), QStringLiteral("0"),
                           QStringLiteral("--delay-ms"), QStringLiteral("40")}));
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("crm.masir"));
        QCOMPARE(test::runCli({QStringLiteral("--workspace"), ws, QStringLiteral("crm"),
                               QStringLiteral("connect"), QStringLiteral("hubspot"),
                               QStringLiteral("--token"), QStringLiteral("secret-token"),
                               QStringLiteral("--url"), api.url()}),
                 0);
        QProcess sync;
        sync.start(QStringLiteral(MASIR_CLI_PATH),
                   {QStringLiteral("--workspace"), ws, QStringLiteral("crm"),
                    QStringLiteral("sync"), QStringLiteral("hubspot")});
        QVERIFY(sync.waitForStarted());
        // until some pages are in, then killed without warning
        QTRY_VERIFY_WITH_TIMEOUT(
            test::scalarIn(ws, QStringLiteral("SELECT staged_rows FROM crm_sync")) >= 500, 20000);
        sync.kill();
        sync.waitForFinished();
        const qint64 staged =
            test::scalarIn(ws, QStringLiteral("SELECT staged_rows FROM crm_sync"));
        QVERIFY(staged < 3000);
        const qint64 before = api.stats().value(QStringLiteral("requests")).toInt();
        QByteArray out;
        QCOMPARE(test::runCli({QStringLiteral("--workspace"), ws, QStringLiteral("crm"),
                               QStringLiteral("sync"), QStringLiteral("hubspot"),
                               QStringLiteral("--json")},
                              &out),
                 0);
        const QJsonObject report = QJsonDocument::fromJson(out).object();
        QVERIFY(report.value(QStringLiteral("resumed")).toBool());
        QCOMPARE(report.value(QStringLiteral("created")).toInt(), 3000);
        // it asked only for the pages it did not have (and the stages)
        const qint64 asked = api.stats().value(QStringLiteral("requests")).toInt() - before;
        QVERIFY2(asked <= (3000 - staged) / 100 + 3, qPrintable(QString::number(asked)));
        QCOMPARE(test::scalarIn(ws, QStringLiteral("SELECT count(*) FROM contacts")), 3000);
        QCOMPARE(test::scalarIn(ws, QStringLiteral("SELECT count(DISTINCT email) FROM contacts")),
                 3000);
    }
};

QTEST_GUILESS_MAIN(tst_CrmSync)
#include "tst_CrmSync.moc"
