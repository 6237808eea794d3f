// Journey canvas benchmark (offscreen): loading and first drawing a
// 500-node, 600-edge journey, and painting a frame while panning or zooming
// with every node in view.
#include "journeys/JourneyGraph.h"
#include "journeys/canvas/JourneyScene.h"
#include "journeys/canvas/JourneyView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QPixmap>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>

using namespace masir;

namespace {

QJsonObject bigJourney()
{
    // 100 splits (2 outputs) and 400 one-output nodes: 600 output ports, each used once.
    JourneyGraph g;
    QRandomGenerator random(1403);
    QStringList ids;
    ids << g.addNode(QStringLiteral("trigger.manual"), {}, QPointF(0, 0));
    const QStringList kinds = {QStringLiteral("action.email"), QStringLiteral("wait.duration"),
                               QStringLiteral("action.tag"), QStringLiteral("action.score")};
    for (int i = 1; i < 500; ++i) {
        const QString type = i % 5 == 0 ? QStringLiteral("split") : kinds.at(i % kinds.size());
        ids << g.addNode(type, {{QStringLiteral("template"), QStringLiteral("t%1").arg(i)}},
                         QPointF((i / 20) * 300, (i % 20) * 160));
    }
    int edges = 0;
    for (int i = 0; i < ids.size() && edges < 600; ++i) {
        for (const QString &port :
             {QStringLiteral("next"), QStringLiteral("a"), QStringLiteral("b")}) {
            for (int tries = 0; tries < 10 && edges < 600; ++tries) {
                const QString to = ids.at(1 + int(random.bounded(499)));
                if (g.connectNodes(ids.at(i), port, to)) {
                    ++edges;
                    break;
                }
            }
        }
    }
    std::printf("journey: %lld nodes, %lld edges\n", qint64(g.nodes().size()),
                qint64(g.edges().size()));
    return g.toJson();
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QJsonObject json = bigJourney();

    QList<double> loads;
    QList<double> frames;
    QList<double> closeFrames;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer t;
        t.start();
        QUndoStack undo;
        JourneyGraph graph;
        QString error;
        graph.fromJson(json, &error);
        ui::JourneyScene scene(&graph, &undo);
        ui::JourneyView view(&scene);
        view.resize(1600, 1000);
        view.show();
        view.zoomToFit(); // every node in view: the most a frame can hold
        QPixmap frame(view.viewport()->size());
        view.viewport()->render(&frame);
        loads << t.nsecsElapsed() / 1e6;

        // pan and zoom frames: 20 of them, alternately scrolling and zooming
        auto frames20 = [&](QScrollBar *bar, QList<double> &into) {
            for (int i = 0; i < 20; ++i) {
                QElapsedTimer f;
                f.start();
                if (i % 2)
                    view.zoomBy(i % 4 == 1 ? 1.05 : 1 / 1.05);
                else
                    bar->setValue(bar->value() + 40);
                view.viewport()->render(&frame);
                into << f.nsecsElapsed() / 1e6;
            }
        };
        frames20(view.horizontalScrollBar(), frames);
        // at 100%, where every node is drawn in full
        view.zoomTo100();
        view.centerOn(1500, 1500);
        frames20(view.verticalScrollBar(), closeFrames);
    }
    std::sort(closeFrames.begin(), closeFrames.end());
    std::sort(loads.begin(), loads.end());
    std::sort(frames.begin(), frames.end());
    std::printf("load and first draw: median %.1f ms (target <= 300 ms)\n",
                loads.at(loads.size() / 2));
    std::printf("pan or zoom frame, all nodes in view: median %.1f ms, 95th %.1f ms (target <= 16 "
                "ms)\n",
                frames.at(frames.size() / 2), frames.at(frames.size() * 95 / 100));
    std::printf("pan or zoom frame at 100%%: median %.1f ms, 95th %.1f ms (target <= 16 ms)\n",
                closeFrames.at(closeFrames.size() / 2),
                closeFrames.at(closeFrames.size() * 95 / 100));
    return 0;
}
