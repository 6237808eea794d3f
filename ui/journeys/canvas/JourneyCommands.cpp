#include "journeys/canvas/JourneyCommands.h"

#include "journeys/NodeTypes.h"

namespace masir::ui {

namespace {

QString labelOf(const QString &type)
{
    const NodeType *t = NodeTypes::find(type);
    return t ? t->label() : type;
}

} // namespace

// --- add ---------------------------------------------------------------------------

AddNodeCommand::AddNodeCommand(JourneyGraph *graph, const QString &type, const QJsonObject &config,
                               const QPointF &position, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_graph(graph)
    , m_type(type)
    , m_config(config)
    , m_position(position)
{
    setText(JourneyCanvas::tr("Add %1").arg(labelOf(type)));
}

void AddNodeCommand::redo()
{
    if (m_id.isEmpty()) {
        m_id = m_graph->addNode(m_type, m_config, m_position);
        if (const JourneyNode *n = m_graph->node(m_id))
            m_config = n->config;
        return;
    }
    m_graph->addNode(m_type, {}, m_position, m_id);
    m_graph->setConfig(m_id, m_config);
}

void AddNodeCommand::undo()
{
    m_graph->removeNode(m_id);
}

// --- remove --------------------------------------------------------------------------

RemoveCommand::RemoveCommand(JourneyGraph *graph, const QStringList &nodeIds,
                             const QStringList &edgeIds, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_graph(graph)
{
    const QList<JourneyNode> &nodes = graph->nodes();
    for (qsizetype i = 0; i < nodes.size(); ++i)
        if (nodeIds.contains(nodes.at(i).id))
            m_nodes << qMakePair(int(i), nodes.at(i));
    // the edges that go with the nodes, and the ones chosen on their own
    const QList<JourneyEdge> &edges = graph->edges();
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const JourneyEdge &e = edges.at(i);
        if (edgeIds.contains(e.id) || nodeIds.contains(e.from) || nodeIds.contains(e.to))
            m_edges << qMakePair(int(i), e);
    }
    setText(m_nodes.size() == 1
                ? JourneyCanvas::tr("Delete %1").arg(labelOf(m_nodes.first().second.type))
            : m_nodes.isEmpty() ? JourneyCanvas::tr("Delete connection")
                                : JourneyCanvas::tr("Delete %1 nodes").arg(m_nodes.size()));
}

void RemoveCommand::redo()
{
    for (const auto &[index, e] : std::as_const(m_edges))
        m_graph->disconnect(e.id);
    for (const auto &[index, n] : std::as_const(m_nodes))
        m_graph->removeNode(n.id);
}

void RemoveCommand::undo()
{
    // ascending places: each goes back exactly where it was
    for (const auto &[index, n] : std::as_const(m_nodes)) {
        m_graph->addNode(n.type, {}, n.position, n.id, index);
        m_graph->setConfig(n.id, n.config);
    }
    for (const auto &[index, e] : std::as_const(m_edges))
        m_graph->connectNodes(e.from, e.port, e.to, nullptr, e.id, index);
}

// --- connect ---------------------------------------------------------------------------

ConnectCommand::ConnectCommand(JourneyGraph *graph, const QString &from, const QString &port,
                               const QString &to, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_graph(graph)
    , m_from(from)
    , m_port(port)
    , m_to(to)
{
    setText(JourneyCanvas::tr("Connect"));
}

void ConnectCommand::redo()
{
    if (const auto id = m_graph->connectNodes(m_from, m_port, m_to, nullptr, m_id))
        m_id = *id;
}

void ConnectCommand::undo()
{
    m_graph->disconnect(m_id);
}

// --- move ---------------------------------------------------------------------------------

MoveNodesCommand::MoveNodesCommand(JourneyGraph *graph, const QHash<QString, QPointF> &from,
                                   const QHash<QString, QPointF> &to, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_graph(graph)
    , m_from(from)
    , m_to(to)
{
    setText(from.size() == 1 ? JourneyCanvas::tr("Move node")
                             : JourneyCanvas::tr("Move %1 nodes").arg(from.size()));
}

void MoveNodesCommand::redo()
{
    for (auto it = m_to.cbegin(); it != m_to.cend(); ++it)
        m_graph->moveNode(it.key(), it.value());
}

void MoveNodesCommand::undo()
{
    for (auto it = m_from.cbegin(); it != m_from.cend(); ++it)
        m_graph->moveNode(it.key(), it.value());
}

bool MoveNodesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = static_cast<const MoveNodesCommand *>(other);
    if (move->m_graph != m_graph || QSet<QString>(move->m_to.keyBegin(), move->m_to.keyEnd()) !=
                                        QSet<QString>(m_to.keyBegin(), m_to.keyEnd()))
        return false;
    m_to = move->m_to; // from the first move's start to the last move's end
    return true;
}

// --- config ---------------------------------------------------------------------------------

SetConfigCommand::SetConfigCommand(JourneyGraph *graph, const QString &nodeId,
                                   const QJsonObject &config, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_graph(graph)
    , m_id(nodeId)
    , m_after(config)
{
    if (const JourneyNode *n = graph->node(nodeId)) {
        m_before = n->config;
        setText(JourneyCanvas::tr("Change %1").arg(labelOf(n->type)));
    }
}

void SetConfigCommand::redo()
{
    // a port that goes away (a split loses a branch) takes its edge: keep it for undo
    QList<QPair<int, JourneyEdge>> before;
    for (const JourneyEdge &e : m_graph->edgesOf(m_id))
        before << qMakePair(m_graph->indexOfEdge(e.id), e);
    std::sort(before.begin(), before.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    m_graph->setConfig(m_id, m_after);
    m_lost.clear();
    for (const auto &pair : std::as_const(before))
        if (!m_graph->edge(pair.second.id))
            m_lost << pair;
}

void SetConfigCommand::undo()
{
    m_graph->setConfig(m_id, m_before);
    for (const auto &[index, e] : std::as_const(m_lost))
        m_graph->connectNodes(e.from, e.port, e.to, nullptr, e.id, index);
}

} // namespace masir::ui
