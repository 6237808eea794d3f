#include "journeys/JourneyGraph.h"
#include "journeys/NodeTypes.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace masir;

class tst_JourneyGraph : public QObject
{
    Q_OBJECT

    static QStringList messagesFor(const QList<JourneyIssue> &issues, const QString &nodeId)
    {
        QStringList out;
        for (const JourneyIssue &i : issues)
            if (i.nodeId == nodeId)
                out << i.message;
        return out;
    }

private Q_SLOTS:
    void everyNodeTypeIsRegisteredOnce()
    {
        QSet<QString> keys;
        for (const NodeType &t : NodeTypes::all()) {
            QVERIFY2(!keys.contains(t.key), qPrintable(t.key));
            keys.insert(t.key);
            QVERIFY(!t.label().isEmpty());
            QCOMPARE(t.hasInput, t.category != NodeType::Category::Trigger);
            // a new node of each type is valid or says what is missing
            const QStringList problems = t.validate(t.defaults);
            for (const QString &p : problems)
                QVERIFY(!p.isEmpty());
        }
        for (const char *key : {"trigger.contact_created",
                                "trigger.tag",
                                "trigger.field_changed",
                                "trigger.stage_changed",
                                "trigger.segment",
                                "trigger.event",
                                "trigger.date",
                                "trigger.score",
                                "trigger.manual",
                                "wait.duration",
                                "wait.until",
                                "wait.event",
                                "condition",
                                "split",
                                "goal",
                                "exit",
                                "action.email",
                                "action.sms",
                                "action.tag",
                                "action.field",
                                "action.stage",
                                "action.score",
                                "action.task",
                                "action.notify",
                                "action.webhook",
                                "action.enrol",
                                "action.remove"})
            QVERIFY2(keys.contains(QLatin1String(key)), key);
        QCOMPARE(NodeTypes::find(QStringLiteral("wait.event"))->ports({}),
                 (QStringList{QStringLiteral("yes"), QStringLiteral("timeout")}));
        QVERIFY(NodeTypes::find(QStringLiteral("exit"))->ports({}).isEmpty());
    }

    void editsEmitSignalsAndRefuseBadConnections()
    {
        JourneyGraph g;
        QSignalSpy added(&g, &JourneyGraph::nodeAdded);
        QSignalSpy edges(&g, &JourneyGraph::edgeAdded);
        QSignalSpy removed(&g, &JourneyGraph::nodeRemoved);
        QSignalSpy unlinked(&g, &JourneyGraph::edgeRemoved);
        const QString t = g.addNode(QStringLiteral("trigger.event"),
                                    {{QStringLiteral("event"), QStringLiteral("purchase")}});
        const QString mail = g.addNode(QStringLiteral("action.email"),
                                       {{QStringLiteral("template"), QStringLiteral("thanks")}});
        const QString other = g.addNode(QStringLiteral("trigger.manual"));
        QVERIFY(g.addNode(QStringLiteral("no.such.type")).isEmpty());
        QCOMPARE(added.size(), 3);

        QString reason;
        QVERIFY(!g.connectNodes(mail, QStringLiteral("next"), other, &reason));
        QVERIFY2(reason.contains(QLatin1String("trigger has no input")), qPrintable(reason));
        QVERIFY(!g.connectNodes(t, QStringLiteral("yes"), mail, &reason));
        QVERIFY(reason.contains(QLatin1String("no output")));
        QVERIFY(!g.connectNodes(mail, QStringLiteral("next"), mail, &reason));
        const auto e = g.connectNodes(t, QStringLiteral("next"), mail, &reason);
        QVERIFY(e);
        QCOMPARE(g.target(t, QStringLiteral("next")), mail);
        QVERIFY(!g.connectNodes(t, QStringLiteral("next"), mail, &reason)); // port taken
        QCOMPARE(edges.size(), 1);

        // removing a node removes its edges, with signals for both
        QVERIFY(g.removeNode(mail));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(unlinked.size(), 1);
        QVERIFY(g.edges().isEmpty());
        // IDs are never reused
        QVERIFY(g.addNode(QStringLiteral("exit")) != mail);
    }

    void splitLosingABranchLosesItsEdge()
    {
        JourneyGraph g;
        const QString s = g.addNode(QStringLiteral("split"));
        const QString a = g.addNode(QStringLiteral("exit"));
        const QString b = g.addNode(QStringLiteral("exit"));
        QVERIFY(g.connectNodes(s, QStringLiteral("a"), a));
        QVERIFY(g.connectNodes(s, QStringLiteral("b"), b));
        QCOMPARE(NodeTypes::find(QStringLiteral("split"))
                     ->portLabel(g.node(s)->config, QStringLiteral("b")),
                 QStringLiteral("B 50%"));
        QVERIFY(g.setConfig(s, {{QStringLiteral("branches"),
                                 QJsonArray{QJsonObject{{QStringLiteral("percent"), 100}}}}}));
        QCOMPARE(g.edges().size(), 1);
        QCOMPARE(g.target(s, QStringLiteral("a")), a);
    }

    void validationNamesTheNode()
    {
        JourneyGraph g;
        QList<JourneyIssue> issues = g.validate();
        QCOMPARE(issues.size(), 1);
        QVERIFY(issues.first().nodeId.isEmpty()); // no trigger: the journey as a whole

        const QString t = g.addNode(QStringLiteral("trigger.contact_created"));
        const QString mail = g.addNode(QStringLiteral("action.email"));
        const QString lonely = g.addNode(QStringLiteral("action.tag"),
                                         {{QStringLiteral("tag"), QStringLiteral("vip")}});
        QVERIFY(g.connectNodes(t, QStringLiteral("next"), mail));
        issues = g.validate();
        QVERIFY(
            messagesFor(issues, mail).join(QLatin1Char(' ')).contains(QLatin1String("template")));
        QVERIFY(
            messagesFor(issues, lonely).join(QLatin1Char(' ')).contains(QLatin1String("No path")));
        QVERIFY(messagesFor(issues, t).isEmpty());

        // a loop without a wait is refused; with a wait it is fine
        g.setConfig(mail, {{QStringLiteral("template"), QStringLiteral("news")}});
        QVERIFY(g.connectNodes(mail, QStringLiteral("next"), lonely));
        QVERIFY(g.connectNodes(lonely, QStringLiteral("next"), mail));
        issues = g.validate();
        QCOMPARE(messagesFor(issues, mail).size(), 1);
        QVERIFY(messagesFor(issues, mail).first().contains(QLatin1String("no wait")));
        const QString wait = g.addNode(QStringLiteral("wait.duration"));
        g.disconnect(g.edgesOf(lonely).last().id);
        QVERIFY(g.connectNodes(lonely, QStringLiteral("next"), wait));
        QVERIFY(g.connectNodes(wait, QStringLiteral("next"), mail));
        issues = g.validate();
        QVERIFY2(issues.isEmpty(),
                 qPrintable(issues.isEmpty() ? QString() : issues.first().message));
    }

    void jsonRoundTripsAndRefusesWhatItCannotRead()
    {
        JourneyGraph g;
        const QString t =
            g.addNode(QStringLiteral("trigger.tag"),
                      {{QStringLiteral("tag"), QStringLiteral("vip")}}, QPointF(10, 20));
        const QString w = g.addNode(QStringLiteral("wait.event"), {}, QPointF(200, 20));
        const QString yes = g.addNode(QStringLiteral("action.sms"),
                                      {{QStringLiteral("template"), QStringLiteral("hi")}});
        QVERIFY(g.connectNodes(t, QStringLiteral("next"), w));
        QVERIFY(g.connectNodes(w, QStringLiteral("yes"), yes));
        const QJsonObject json = g.toJson();
        QCOMPARE(json.value(QStringLiteral("formatVersion")).toInt(), 1);

        JourneyGraph copy;
        QSignalSpy reset(&copy, &JourneyGraph::reset);
        QString error;
        QVERIFY2(copy.fromJson(json, &error), qPrintable(error));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(copy.toJson(), json);
        QCOMPARE(copy.nodes(), g.nodes());
        QCOMPARE(copy.edges(), g.edges());
        // new IDs continue after the loaded ones
        const QString n = copy.addNode(QStringLiteral("exit"));
        QVERIFY(!g.node(n));

        QJsonObject newer = json;
        newer.insert(QStringLiteral("formatVersion"), 2);
        QVERIFY(!copy.fromJson(newer, &error));
        QVERIFY(error.contains(QLatin1String("newer")));
        QJsonObject broken = json;
        QJsonArray edges = broken.value(QStringLiteral("edges")).toArray();
        edges.append(QJsonObject{{QStringLiteral("from"), yes},
                                 {QStringLiteral("port"), QStringLiteral("next")},
                                 {QStringLiteral("to"), t}});
        broken.insert(QStringLiteral("edges"), edges);
        const QJsonObject before = copy.toJson();
        QVERIFY(!copy.fromJson(broken, &error));
        QVERIFY2(error.contains(QLatin1String("trigger")), qPrintable(error));
        QCOMPARE(copy.toJson(), before); // unchanged
    }
};

QTEST_GUILESS_MAIN(tst_JourneyGraph)
#include "tst_JourneyGraph.moc"
