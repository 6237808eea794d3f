// The journey canvas, offscreen: palette drops, connections (and refusals),
// exact undo and redo, copy and paste, save and load, and template images in
// English and Persian.

#include "i18n/Translations.h"
#include "journeys/JourneyRepository.h"
#include "journeys/JourneyTemplates.h"
#include "journeys/canvas/JourneyCommands.h"
#include "journeys/canvas/JourneyEditor.h"
#include "journeys/canvas/JourneyScene.h"
#include "journeys/canvas/JourneyView.h"
#include "messaging/MessageTemplate.h"
#include "segments/RuleBuilder.h"

#include "TestWorkspace.h"
#include "settings/WorkspaceSettings.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>
#include <QTimeEdit>
#include <QTreeWidget>
#include <QUndoStack>

using namespace masir;

class tst_JourneyCanvas : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;

    qint64 newJourney(const QString &name, const QJsonObject &graph = {})
    {
        Journey j;
        j.name = name;
        j.graph = graph;
        JourneyRepository repo(m_ws->db());
        return repo.save(j) ? j.id : 0;
    }

    static QByteArray json(const JourneyGraph *g)
    {
        return QJsonDocument(g->toJson()).toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
    }

    void dropFromPaletteCreatesANode()
    {
        ui::JourneyEditor editor(m_ws->db(), newJourney(QStringLiteral("Drop")));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto *mime = new QMimeData;
        mime->setData(QLatin1String(ui::JourneyScene::NodeMimeType), "action.email");
        const QPoint at = editor.view()->viewport()->rect().center();
        // as the drag and drop system delivers it: enter, move, drop
        QDragEnterEvent enter(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(editor.view()->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(editor.view()->viewport(), &move);
        QDropEvent drop(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(editor.view()->viewport(), &drop);
        QCOMPARE(editor.graph()->nodes().size(), 1);
        QCOMPARE(editor.graph()->nodes().first().type, QStringLiteral("action.email"));
        QVERIFY(editor.scene()->nodeItem(editor.graph()->nodes().first().id));
        QCOMPARE(editor.scene()->selectedNodeIds().size(), 1);
        QCOMPARE(editor.undoStack()->count(), 1);
        delete mime;
        // and from the keyboard: Enter on a palette entry adds it too
        const QList<QTreeWidgetItem *> items = editor.palette()->findItems(
            QStringLiteral("*"), Qt::MatchWildcard | Qt::MatchRecursive);
        QTreeWidgetItem *wait = nullptr;
        for (QTreeWidgetItem *item : items)
            if (item->data(0, Qt::UserRole).toString() == QLatin1String("wait.duration"))
                wait = item;
        QVERIFY(wait);
        Q_EMIT editor.palette()->itemActivated(wait, 0);
        QCOMPARE(editor.graph()->nodes().size(), 2);
    }

    void connectingAndRefusing()
    {
        QUndoStack undo;
        JourneyGraph graph;
        ui::JourneyScene scene(&graph, &undo);
        const QString t = scene.addNode(QStringLiteral("trigger.manual"), QPointF(0, 0));
        const QString m = scene.addNode(QStringLiteral("action.email"), QPointF(300, 0));
        QSignalSpy refused(&scene, &ui::JourneyScene::message);
        QVERIFY(scene.connectPorts(t, QStringLiteral("next"), m));
        QCOMPARE(graph.edges().size(), 1);
        QVERIFY(scene.edgeItem(graph.edges().first().id));
        QVERIFY(!scene.connectPorts(m, QStringLiteral("next"), t));
        QCOMPARE(refused.size(), 1);
        QVERIFY(refused.first().first().toString().contains(QLatin1String("trigger has no input")));
        QCOMPARE(graph.edges().size(), 1);
        // a connection drawn with the mouse: from the port to the node's body
        const QString w = scene.addNode(QStringLiteral("wait.duration"), QPointF(600, 0));
        scene.beginConnection(m, QStringLiteral("next"),
                              scene.outputPortPos(m, QStringLiteral("next")));
        scene.endConnection(scene.inputPortPos(w) + QPointF(40, 10));
        QCOMPARE(graph.target(m, QStringLiteral("next")), w);
    }

    void undoAndRedoRestoreTheExactJson()
    {
        QUndoStack undo;
        JourneyGraph graph;
        ui::JourneyScene scene(&graph, &undo);
        QList<QByteArray> states{json(&graph)};
        const QString t = scene.addNode(QStringLiteral("trigger.event"), QPointF(0, 0));
        states << json(&graph);
        const QString s = scene.addNode(QStringLiteral("split"), QPointF(300, 0));
        states << json(&graph);
        const QString a = scene.addNode(QStringLiteral("action.tag"), QPointF(600, -100));
        states << json(&graph);
        const QString b = scene.addNode(QStringLiteral("action.tag"), QPointF(600, 100));
        states << json(&graph);
        scene.connectPorts(t, QStringLiteral("next"), s);
        states << json(&graph);
        scene.connectPorts(s, QStringLiteral("a"), a);
        states << json(&graph);
        scene.connectPorts(s, QStringLiteral("b"), b);
        states << json(&graph);
        scene.selectNodes({a});
        scene.nudgeSelection(QPointF(20, 0));
        states << json(&graph);
        // a split down to one branch loses the edge of "b"; undo brings it back
        undo.push(new ui::SetConfigCommand(
            &graph, s,
            {{QStringLiteral("branches"),
              QJsonArray{QJsonObject{{QStringLiteral("percent"), 100}}}}}));
        QCOMPARE(graph.edges().size(), 2);
        states << json(&graph);
        scene.selectNodes({s});
        scene.removeSelection();
        QVERIFY(graph.edges().isEmpty());
        states << json(&graph);
        scene.tidyUp();
        states << json(&graph);

        for (qsizetype i = states.size() - 1; i > 0; --i) {
            QCOMPARE(json(&graph), states.at(i));
            undo.undo();
        }
        QCOMPARE(json(&graph), states.first());
        for (qsizetype i = 1; i < states.size(); ++i) {
            undo.redo();
            QCOMPARE(json(&graph), states.at(i));
        }
        // the scene follows: one item per node and edge
        for (const JourneyNode &n : graph.nodes())
            QVERIFY(scene.nodeItem(n.id));
    }

    void consecutiveDragsMergeIntoOneStep()
    {
        QUndoStack undo;
        JourneyGraph graph;
        ui::JourneyScene scene(&graph, &undo);
        const QString n = scene.addNode(QStringLiteral("exit"), QPointF(0, 0));
        const int before = undo.count();
        scene.selectNodes({n});
        for (int i = 0; i < 5; ++i)
            scene.nudgeSelection(QPointF(20, 0));
        QCOMPARE(undo.count(), before + 1);
        QCOMPARE(graph.node(n)->position, QPointF(100, 0));
        undo.undo();
        QCOMPARE(graph.node(n)->position, QPointF(0, 0));
    }

    void copyPasteAndSaveLoad()
    {
        const auto t = JourneyTemplates::find(QStringLiteral("welcome"), QStringLiteral("en"));
        QVERIFY(t);
        QString error;
        const qint64 id =
            JourneyTemplates::create(m_ws->db(), *t, QStringLiteral("Welcome canvas"), &error)
                .value_or(0);
        QVERIFY2(id, qPrintable(error));
        ui::JourneyEditor editor(m_ws->db(), id);
        const qsizetype nodes = editor.graph()->nodes().size();
        const qsizetype edges = editor.graph()->edges().size();
        // copy the trigger and the first email (one edge between them), paste
        editor.scene()->selectNodes({QStringLiteral("n1"), QStringLiteral("n2")});
        editor.copy();
        editor.paste();
        QCOMPARE(editor.graph()->nodes().size(), nodes + 2);
        QCOMPARE(editor.graph()->edges().size(), edges + 1);
        const QStringList pasted = editor.scene()->selectedNodeIds();
        QCOMPARE(pasted.size(), 2);
        QVERIFY(!pasted.contains(QStringLiteral("n1")));
        QCOMPARE(editor.graph()->node(pasted.last())->config,
                 editor.graph()->node(QStringLiteral("n2"))->config);
        editor.duplicate();
        QCOMPARE(editor.graph()->nodes().size(), nodes + 4);
        QVERIFY(editor.isModified());
        // the title has the place where the window shows it is modified
        QVERIFY(editor.windowTitle().contains(QLatin1String("[*]")));
        QVERIFY(editor.isWindowModified());
        QVERIFY(editor.save());
        QVERIFY(!editor.isModified());
        QVERIFY(!editor.isWindowModified());
        // a new editor on the same journey shows the same graph
        ui::JourneyEditor again(m_ws->db(), id);
        QCOMPARE(again.graph()->toJson(), editor.graph()->toJson());
        // the search finds the discount email
        QCOMPARE(again.scene()->findNode(QStringLiteral("discount")), QStringLiteral("n4"));
        // the pasted trigger starts its own path: the journey is still valid
        QTRY_VERIFY(again.scene()->issues().isEmpty());
        QTRY_VERIFY(again.startAction()->isEnabled());
        QVERIFY(again.start());
        QCOMPARE(JourneyRepository(m_ws->db()).find(id)->status, QStringLiteral("active"));
        QVERIFY(!again.startAction()->isEnabled());
        QVERIFY(again.pauseAction()->isEnabled());
        QVERIFY(again.pause());
        QCOMPARE(JourneyRepository(m_ws->db()).find(id)->status, QStringLiteral("paused"));
    }

    void inspectorEditsAreUndoable()
    {
        ui::JourneyEditor editor(m_ws->db(), newJourney(QStringLiteral("Inspect")));
        editor.show();
        const QString m = editor.scene()->addNode(QStringLiteral("action.email"), QPointF());
        editor.scene()->selectNodes({m});
        auto *picker = editor.findChild<QComboBox *>(QStringLiteral("template"));
        QVERIFY(picker && picker->lineEdit());
        QLineEdit *templ = picker->lineEdit();
        // a name the workspace has no template for is a problem on the node
        templ->setText(QStringLiteral("no_such_template"));
        Q_EMIT templ->editingFinished();
        QTRY_VERIFY(editor.scene()
                        ->issues()
                        .value(m)
                        .join(QLatin1Char(' '))
                        .contains(QLatin1String("no_such_template")));
        MessageTemplate spring;
        spring.name = QStringLiteral("spring_sale");
        spring.subject = QStringLiteral("Spring");
        spring.body = QStringLiteral("Hello");
        QVERIFY(TemplateRepository(m_ws->db()).save(spring));
        templ->setText(QStringLiteral("spring_sale"));
        Q_EMIT templ->editingFinished();
        QCOMPARE(editor.graph()->node(m)->config.value(QStringLiteral("template")).toString(),
                 QStringLiteral("spring_sale"));
        // the problem list had "choose the template"; it goes once the template is set
        QTRY_VERIFY(!editor.scene()
                         ->issues()
                         .value(m)
                         .join(QLatin1Char(' '))
                         .contains(QLatin1String("template")));
        editor.undoStack()->undo();
        editor.undoStack()->undo();
        QVERIFY(editor.graph()->node(m)->config.value(QStringLiteral("template")).isUndefined());
        QTRY_VERIFY(editor.scene()->issues().contains(m));
        QVERIFY(editor.problems()->count() > 0);
        // Start stays off while a problem stops the journey
        QVERIFY(!editor.startAction()->isEnabled());
    }

    void keyboardAndScreenReaderPath()
    {
        ui::JourneyEditor editor(m_ws->db(), newJourney(QStringLiteral("Keyboard")));
        editor.show();
        const QString t = editor.scene()->addNode(QStringLiteral("trigger.manual"), QPointF());
        const QString m = editor.scene()->addNode(QStringLiteral("action.email"), QPointF(300, 0));
        QCOMPARE(editor.outline()->count(), 2);
        // each line says what the node is, and its problem
        QTRY_VERIFY(editor.outline()
                        ->item(1)
                        ->data(Qt::AccessibleTextRole)
                        .toString()
                        .contains(QLatin1String("template")));
        // selecting in the outline selects on the canvas, and the other way round
        editor.outline()->item(0)->setSelected(true);
        QCOMPARE(editor.scene()->selectedNodeIds(), QStringList{t});
        editor.scene()->selectNodes({m});
        QVERIFY(editor.outline()->item(1)->isSelected());
        QVERIFY(!editor.outline()->item(0)->isSelected());
        // connecting without a mouse
        editor.scene()->selectNodes({t});
        QVERIFY(editor.connectSelectedTo(QStringLiteral("next"), m));
        QCOMPARE(editor.graph()->target(t, QStringLiteral("next")), m);
        editor.scene()->selectNodes({m});
        QVERIFY(!editor.connectSelectedTo(QStringLiteral("next"), t)); // into a trigger: refused
    }

    void inspectorUsesTheRuleBuilderAndChoices()
    {
        ui::JourneyEditor editor(m_ws->db(), newJourney(QStringLiteral("Widgets")));
        editor.show();
        const QString c = editor.scene()->addNode(QStringLiteral("condition"), QPointF());
        editor.scene()->selectNodes({c});
        auto *builder = editor.findChild<ui::RuleBuilder *>();
        QVERIFY(builder);
        builder->addCondition(); // an empty email condition: the rule changes
        const QJsonObject rule =
            editor.graph()->node(c)->config.value(QStringLiteral("rule")).toObject();
        QCOMPARE(rule.value(QStringLiteral("conditions")).toArray().size(), 1);
        QCOMPARE(editor.findChild<ui::RuleBuilder *>(), builder); // not rebuilt under itself
        editor.undoStack()->undo();
        QVERIFY(!editor.graph()->node(c)->config.contains(QStringLiteral("rule")));

        const QString w = editor.scene()->addNode(QStringLiteral("wait.duration"), QPointF(300, 0));
        editor.scene()->selectNodes({w});
        auto *unit = editor.findChild<QComboBox *>(QStringLiteral("unit"));
        QVERIFY(unit);
        QCOMPARE(unit->currentData().toString(), QStringLiteral("days"));
        unit->setCurrentIndex(unit->findData(QStringLiteral("hours")));
        QCOMPARE(editor.graph()->node(w)->config.value(QStringLiteral("unit")).toString(),
                 QStringLiteral("hours"));
    }

    void inspectorPicksTemplatesAndBusinessHours()
    {
        WorkspaceSettings s(m_ws->db());
        s.setValue(WorkspaceSettings::Key::PostalAddress, QStringLiteral("1 Main St"));
        s.setValue(WorkspaceSettings::Key::UnsubscribeUrl,
                   QStringLiteral("https://x.test/{token}"));
        MessageTemplate t;
        t.name = QStringLiteral("Welcome mail");
        t.subject = QStringLiteral("Hello {{first_name}}");
        t.body = QStringLiteral("Our **bakery** welcomes you.");
        QVERIFY(TemplateRepository(m_ws->db()).save(t));
        ui::JourneyEditor editor(m_ws->db(), newJourney(QStringLiteral("Pickers")));
        editor.show();
        const QString e = editor.scene()->addNode(QStringLiteral("action.email"), QPointF());
        editor.scene()->selectNodes({e});
        auto *combo = editor.findChild<QComboBox *>(QStringLiteral("template"));
        auto *preview = editor.findChild<QTextBrowser *>(QStringLiteral("templatePreview"));
        QVERIFY(combo && preview);
        QCOMPARE(combo->findText(QStringLiteral("Welcome mail")), 0);
        combo->setCurrentIndex(0);
        Q_EMIT combo->activated(0);
        QCOMPARE(editor.graph()->node(e)->config.value(QStringLiteral("template")).toString(),
                 QStringLiteral("Welcome mail"));
        QVERIFY2(preview->toPlainText().contains(QStringLiteral("bakery")),
                 qPrintable(preview->toPlainText()));

        const QString w = editor.scene()->addNode(QStringLiteral("wait.until"), QPointF(300, 0));
        editor.scene()->selectNodes({w});
        auto *days = editor.findChild<QWidget *>(QStringLiteral("days"));
        QVERIFY(days);
        const QList<QCheckBox *> boxes = days->findChildren<QCheckBox *>();
        QCOMPARE(boxes.size(), 7);
        for (QCheckBox *box : boxes)
            if (box->property("day").toInt() == 2)
                box->setChecked(true);
        QVERIFY(
            editor.graph()->node(w)->config.value(QStringLiteral("days")).toArray().contains(2));
        auto *from = editor.findChild<QTimeEdit *>(QStringLiteral("from"));
        QVERIFY(from);
        from->setTime(QTime(8, 30));
        Q_EMIT from->editingFinished();
        QCOMPARE(editor.graph()->node(w)->config.value(QStringLiteral("from")).toString(),
                 QStringLiteral("08:30"));

        const QString h =
            editor.scene()->addNode(QStringLiteral("action.webhook"), QPointF(600, 0));
        editor.scene()->selectNodes({h});
        QVERIFY(editor.findChild<QPushButton *>(QStringLiteral("webhookTest")));
    }

    void templatesRenderInEnglishAndPersian()
    {
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("fa")}) {
            Translations::install(lang);
            QApplication::setLayoutDirection(lang == QLatin1String("fa") ? Qt::RightToLeft
                                                                         : Qt::LeftToRight);
            const auto t = JourneyTemplates::find(QStringLiteral("abandoned_cart"), lang);
            QVERIFY(t);
            QUndoStack undo;
            JourneyGraph graph;
            QString error;
            QVERIFY(graph.fromJson(t->graph, &error));
            ui::JourneyScene scene(&graph, &undo);
            scene.setRightToLeft(lang == QLatin1String("fa"));
            scene.tidyUp();
            const QImage image = scene.renderImage(1.0);
            QVERIFY(image.width() > 600 && image.height() > 100);
            const QString path =
                QDir(QStringLiteral(MASIR_BINARY_DIR))
                    .filePath(QStringLiteral("journey_abandoned_cart_%1.png").arg(lang));
            QVERIFY(image.save(path));
            const QString svg =
                QDir(QStringLiteral(MASIR_BINARY_DIR))
                    .filePath(QStringLiteral("journey_abandoned_cart_%1.svg").arg(lang));
            QVERIFY(scene.exportSvg(svg));
            QFile f(svg);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.readAll().contains("<svg"));
            if (lang == QLatin1String("fa")) // the flow runs right to left
                QVERIFY(graph.node(QStringLiteral("n2"))->position.x() <
                        graph.node(QStringLiteral("n1"))->position.x());
        }
        Translations::install(QStringLiteral("en"));
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }
};

QTEST_MAIN(tst_JourneyCanvas)
#include "tst_JourneyCanvas.moc"
