#include "journeys/canvas/JourneyScene.h"

#include "i18n/Formatter.h"
#include "journeys/NodeTypes.h"
#include "journeys/canvas/CanvasStyle.h"
#include "journeys/canvas/EdgeItem.h"
#include "journeys/canvas/JourneyCommands.h"
#include "journeys/canvas/NodeItem.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QSet>
#include <QStyleOptionGraphicsItem>
#include <QSvgGenerator>
#include <QTimer>
#include <QUndoStack>

namespace masir::ui {

// --- scene ---------------------------------------------------------------------------------

JourneyScene::JourneyScene(JourneyGraph *graph, QUndoStack *undo, QObject *parent)
    : QGraphicsScene(parent)
    , m_graph(graph)
    , m_undo(undo)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(graph, &JourneyGraph::nodeAdded, this, [this](const QString &id) {
        addNodeItem(id);
        revalidate();
    });
    connect(graph, &JourneyGraph::nodeRemoved, this, [this](const QString &id) {
        delete m_nodes.take(id);
        revalidate();
    });
    connect(graph, &JourneyGraph::nodeMoved, this, [this](const QString &id) {
        if (NodeItem *item = m_nodes.value(id)) {
            item->setPos(m_graph->node(id)->position);
            updateEdgesOf(id);
        }
    });
    connect(graph, &JourneyGraph::nodeChanged, this, [this](const QString &id) {
        if (NodeItem *item = m_nodes.value(id)) {
            item->configChanged();
            updateEdgesOf(id);
        }
        revalidate();
    });
    connect(graph, &JourneyGraph::edgeAdded, this, [this](const QString &id) {
        addEdgeItem(id);
        revalidate();
    });
    connect(graph, &JourneyGraph::edgeRemoved, this, [this](const QString &id) {
        delete m_edges.take(id);
        revalidate();
    });
    connect(graph, &JourneyGraph::reset, this, &JourneyScene::rebuild);
    rebuild();
}

JourneyScene::~JourneyScene() = default;

void JourneyScene::setRightToLeft(bool rtl)
{
    if (m_rtl == rtl)
        return;
    m_rtl = rtl;
    for (NodeItem *n : std::as_const(m_nodes))
        n->update();
    for (EdgeItem *e : std::as_const(m_edges))
        e->refresh();
}

void JourneyScene::setInteracting(bool interacting)
{
    if (m_interacting == interacting)
        return;
    m_interacting = interacting;
    if (!interacting)
        update(); // the settled frame, smooth again
}

void JourneyScene::rebuild()
{
    for (EdgeItem *e : std::as_const(m_edges))
        delete e;
    for (NodeItem *n : std::as_const(m_nodes))
        delete n;
    m_edges.clear();
    m_nodes.clear();
    for (const JourneyNode &n : m_graph->nodes())
        addNodeItem(n.id);
    for (const JourneyEdge &e : m_graph->edges())
        addEdgeItem(e.id);
    revalidate();
}

void JourneyScene::addNodeItem(const QString &id)
{
    auto *item = new NodeItem(this, id);
    item->setPos(m_graph->node(id)->position);
    addItem(item);
    m_nodes.insert(id, item);
}

void JourneyScene::addEdgeItem(const QString &id)
{
    auto *item = new EdgeItem(this, id);
    addItem(item);
    m_edges.insert(id, item);
    item->refresh();
    if (const JourneyEdge *e = m_graph->edge(id))
        if (NodeItem *from = m_nodes.value(e->from))
            from->update(); // the port is now filled
}

void JourneyScene::updateEdgesOf(const QString &nodeId)
{
    for (const JourneyEdge &e : m_graph->edgesOf(nodeId))
        if (EdgeItem *item = m_edges.value(e.id))
            item->refresh();
}

void JourneyScene::setExtraChecks(std::function<QList<JourneyIssue>(const JourneyGraph &)> checks)
{
    m_extraChecks = std::move(checks);
    revalidate();
}

void JourneyScene::setWarningChecks(std::function<QList<JourneyIssue>(const JourneyGraph &)> checks)
{
    m_warningChecks = std::move(checks);
    revalidate();
}

void JourneyScene::revalidate()
{
    // Once per burst of changes: a paste of fifty nodes validates once.
    if (m_validationQueued)
        return;
    m_validationQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_validationQueued = false;
        m_issues.clear();
        QList<JourneyIssue> issues = m_graph->validate();
        if (m_extraChecks)
            issues += m_extraChecks(*m_graph);
        for (const JourneyIssue &i : std::as_const(issues))
            m_issues[i.nodeId] << i.message;
        m_warnings.clear();
        if (m_warningChecks)
            for (const JourneyIssue &i : m_warningChecks(*m_graph))
                m_warnings[i.nodeId] << i.message;
        for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
            const QStringList problems = m_issues.value(it.key()) + m_warnings.value(it.key());
            it.value()->setToolTip(problems.join(QLatin1Char('\n')));
            it.value()->update();
        }
        Q_EMIT issuesChanged();
    });
}

QPointF JourneyScene::inputPortPos(const QString &nodeId) const
{
    const NodeItem *n = m_nodes.value(nodeId);
    return n ? n->mapToScene(n->inputPort()) : QPointF();
}

QPointF JourneyScene::outputPortPos(const QString &nodeId, const QString &port) const
{
    const NodeItem *n = m_nodes.value(nodeId);
    return n ? n->mapToScene(n->outputPort(port)) : QPointF();
}

QString JourneyScene::addNode(const QString &type, const QPointF &scenePos)
{
    if (!NodeTypes::find(type))
        return QString();
    const QPointF snapped(std::round(scenePos.x() / GridSize) * GridSize,
                          std::round(scenePos.y() / GridSize) * GridSize);
    auto *command = new AddNodeCommand(m_graph, type, {}, snapped);
    m_undo->push(command);
    return command->nodeId();
}

bool JourneyScene::connectPorts(const QString &from, const QString &port, const QString &to)
{
    QString reason;
    if (!m_graph->canConnect(from, port, to, &reason)) {
        Q_EMIT message(reason);
        return false;
    }
    m_undo->push(new ConnectCommand(m_graph, from, port, to));
    return true;
}

void JourneyScene::removeSelection()
{
    const QStringList nodes = selectedNodeIds();
    const QStringList edges = selectedEdgeIds();
    if (nodes.isEmpty() && edges.isEmpty())
        return;
    m_undo->push(new RemoveCommand(m_graph, nodes, edges));
}

void JourneyScene::nudgeSelection(const QPointF &delta)
{
    QHash<QString, QPointF> from;
    QHash<QString, QPointF> to;
    for (const QString &id : selectedNodeIds()) {
        from.insert(id, m_graph->node(id)->position);
        to.insert(id, m_graph->node(id)->position + delta);
    }
    if (!from.isEmpty())
        m_undo->push(new MoveNodesCommand(m_graph, from, to));
}

void JourneyScene::commitMoves(const QHash<QString, QPointF> &from)
{
    QHash<QString, QPointF> starts;
    QHash<QString, QPointF> ends;
    for (auto it = from.cbegin(); it != from.cend(); ++it) {
        NodeItem *item = m_nodes.value(it.key());
        if (!item)
            continue;
        const QPointF snapped(std::round(item->pos().x() / GridSize) * GridSize,
                              std::round(item->pos().y() / GridSize) * GridSize);
        if (snapped == m_graph->node(it.key())->position) {
            item->setPos(snapped);
            continue;
        }
        starts.insert(it.key(), m_graph->node(it.key())->position);
        ends.insert(it.key(), snapped);
    }
    if (!starts.isEmpty())
        m_undo->push(new MoveNodesCommand(m_graph, starts, ends));
}

void JourneyScene::tidyUp()
{
    // Column = the longest path from a trigger (edges back into a loop ignored);
    // rows keep the current top-to-bottom order.
    QHash<QString, int> depth;
    QList<QString> order;
    for (const JourneyNode &n : m_graph->nodes()) {
        const NodeType *t = NodeTypes::find(n.type);
        if (t && t->category == NodeType::Category::Trigger) {
            depth.insert(n.id, 0);
            order << n.id;
        }
    }
    for (qsizetype i = 0; i < order.size(); ++i) {
        const QString id = order.at(i);
        for (const JourneyEdge &e : m_graph->edges()) {
            if (e.from != id)
                continue;
            const int d = depth.value(id) + 1;
            if (!depth.contains(e.to) || (depth.value(e.to) < d && d < m_graph->nodes().size())) {
                depth.insert(e.to, d);
                order << e.to;
            }
        }
    }
    QMap<int, QList<const JourneyNode *>> columns;
    for (const JourneyNode &n : m_graph->nodes())
        columns[depth.value(n.id, 0)] << &n;
    QHash<QString, QPointF> from;
    QHash<QString, QPointF> to;
    const qreal dx = NodeWidth + 80;
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        std::sort(it->begin(), it->end(), [](const JourneyNode *a, const JourneyNode *b) {
            return a->position.y() < b->position.y();
        });
        for (qsizetype row = 0; row < it->size(); ++row) {
            const JourneyNode *n = it->at(row);
            const qreal x = (m_rtl ? -1 : 1) * it.key() * dx;
            const QPointF p(x, row * 140.0);
            if (p != n->position) {
                from.insert(n->id, n->position);
                to.insert(n->id, p);
            }
        }
    }
    if (from.isEmpty())
        return;
    auto *command = new MoveNodesCommand(m_graph, from, to);
    command->setText(JourneyCanvas::tr("Tidy up"));
    m_undo->push(command);
}

QStringList JourneyScene::selectedNodeIds() const
{
    QStringList ids;
    for (QGraphicsItem *item : selectedItems())
        if (auto *n = qgraphicsitem_cast<NodeItem *>(item))
            ids << n->id();
    std::sort(ids.begin(), ids.end());
    return ids;
}

QStringList JourneyScene::selectedEdgeIds() const
{
    QStringList ids;
    for (QGraphicsItem *item : selectedItems())
        if (auto *e = qgraphicsitem_cast<EdgeItem *>(item))
            ids << e->id();
    return ids;
}

void JourneyScene::selectNodes(const QStringList &ids)
{
    clearSelection();
    for (const QString &id : ids)
        if (NodeItem *n = m_nodes.value(id))
            n->setSelected(true);
}

QByteArray JourneyScene::copySelection() const
{
    const QStringList ids = selectedNodeIds();
    QJsonArray nodes;
    QJsonArray edges;
    const QJsonObject all = m_graph->toJson();
    for (const QJsonValue &n : all.value(QStringLiteral("nodes")).toArray())
        if (ids.contains(n.toObject().value(QStringLiteral("id")).toString()))
            nodes.append(n);
    for (const QJsonValue &e : all.value(QStringLiteral("edges")).toArray()) {
        const QJsonObject o = e.toObject();
        if (ids.contains(o.value(QStringLiteral("from")).toString()) &&
            ids.contains(o.value(QStringLiteral("to")).toString()))
            edges.append(e);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("formatVersion"), JourneyGraph::formatVersion},
                                     {QStringLiteral("nodes"), nodes},
                                     {QStringLiteral("edges"), edges}})
        .toJson(QJsonDocument::Compact);
}

QStringList JourneyScene::paste(const QByteArray &json, const QPointF &offset)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.value(QStringLiteral("formatVersion")).toInt() != JourneyGraph::formatVersion)
        return {};
    QHash<QString, QString> newIds;
    QStringList added;
    m_undo->beginMacro(JourneyCanvas::tr("Paste"));
    for (const QJsonValue &v : o.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject n = v.toObject();
        const QString type = n.value(QStringLiteral("type")).toString();
        if (!NodeTypes::find(type))
            continue;
        auto *command =
            new AddNodeCommand(m_graph, type, n.value(QStringLiteral("config")).toObject(),
                               QPointF(n.value(QStringLiteral("x")).toDouble(),
                                       n.value(QStringLiteral("y")).toDouble()) +
                                   offset);
        m_undo->push(command);
        newIds.insert(n.value(QStringLiteral("id")).toString(), command->nodeId());
        added << command->nodeId();
    }
    for (const QJsonValue &v : o.value(QStringLiteral("edges")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString from = newIds.value(e.value(QStringLiteral("from")).toString());
        const QString to = newIds.value(e.value(QStringLiteral("to")).toString());
        const QString port = e.value(QStringLiteral("port")).toString();
        if (!from.isEmpty() && !to.isEmpty() && m_graph->canConnect(from, port, to))
            m_undo->push(new ConnectCommand(m_graph, from, port, to));
    }
    m_undo->endMacro();
    selectNodes(added);
    return added;
}

QString JourneyScene::findNode(const QString &text, const QString &after) const
{
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return QString();
    const QList<JourneyNode> &nodes = m_graph->nodes();
    qsizetype start = 0;
    for (qsizetype i = 0; i < nodes.size(); ++i)
        if (nodes.at(i).id == after)
            start = i + 1;
    for (qsizetype k = 0; k < nodes.size(); ++k) {
        const JourneyNode &n = nodes.at((start + k) % nodes.size());
        const NodeType *t = NodeTypes::find(n.type);
        const QString haystack =
            (t ? t->label() + QLatin1Char(' ') + t->summary(n.config) : n.type) + QLatin1Char(' ') +
            QString::fromUtf8(QJsonDocument(n.config).toJson());
        if (haystack.contains(needle, Qt::CaseInsensitive))
            return n.id;
    }
    return QString();
}

QString JourneyScene::describe(const QString &nodeId) const
{
    const JourneyNode *n = m_graph->node(nodeId);
    const NodeType *t = n ? NodeTypes::find(n->type) : nullptr;
    if (!t)
        return QString();
    QString text = t->label();
    const QString what = t->summary(n->config);
    if (!what.isEmpty())
        text += JourneyCanvas::tr(": %1").arg(what);
    const QStringList problems = m_issues.value(nodeId);
    if (!problems.isEmpty())
        text += JourneyCanvas::tr(" (problem: %1)").arg(problems.join(QStringLiteral("; ")));
    return text;
}

void JourneyScene::setCounts(const QList<JourneyNodeCount> &counts)
{
    m_counts.clear();
    for (const JourneyNodeCount &c : counts)
        m_counts.insert(c.nodeId, c);
    for (NodeItem *n : std::as_const(m_nodes))
        n->update();
}

QImage JourneyScene::renderImage(qreal scale)
{
    clearSelection();
    const QRectF area = itemsBoundingRect().adjusted(-20, -20, 20, 20);
    QImage image((area.size() * scale).toSize().expandedTo(QSize(1, 1)), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    render(&painter, QRectF(QPointF(), image.size()), area);
    return image;
}

bool JourneyScene::exportSvg(const QString &path)
{
    clearSelection();
    const QRectF area = itemsBoundingRect().adjusted(-20, -20, 20, 20);
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(area.size().toSize());
    svg.setViewBox(QRectF(QPointF(), area.size()));
    svg.setTitle(JourneyCanvas::tr("Journey"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    render(&painter, QRectF(QPointF(), area.size()), area);
    return painter.end();
}

void JourneyScene::beginConnection(const QString &from, const QString &port,
                                   const QPointF &scenePos)
{
    m_pendingFrom = from;
    m_pendingPort = port;
    delete m_pending;
    m_pending = addPath(QPainterPath(),
                        QPen(CanvasStyle::category(NodeType::Category::Action), 2, Qt::DashLine));
    m_pending->setZValue(2);
    updateConnection(scenePos);
}

void JourneyScene::updateConnection(const QPointF &scenePos)
{
    if (!m_pending)
        return;
    QPainterPath path(outputPortPos(m_pendingFrom, m_pendingPort));
    path.lineTo(scenePos);
    m_pending->setPath(path);
}

void JourneyScene::endConnection(const QPointF &scenePos)
{
    delete m_pending;
    m_pending = nullptr;
    for (QGraphicsItem *item : items(scenePos)) {
        if (auto *n = qgraphicsitem_cast<NodeItem *>(item)) {
            connectPorts(m_pendingFrom, m_pendingPort, n->id());
            return;
        }
    }
}

} // namespace masir::ui
