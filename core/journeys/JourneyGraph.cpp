#include "journeys/JourneyGraph.h"

#include "journeys/NodeTypes.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace masir {

JourneyGraph::JourneyGraph(QObject *parent)
    : QObject(parent)
{}

QString JourneyGraph::nextId(QChar prefix)
{
    QString id;
    do {
        id = prefix + QString::number(++m_serial);
    } while (node(id) || edge(id));
    return id;
}

QString JourneyGraph::addNode(const QString &type, const QJsonObject &config,
                              const QPointF &position, const QString &id, int index)
{
    const NodeType *t = NodeTypes::find(type);
    if (!t || (!id.isEmpty() && (node(id) || edge(id))))
        return QString();
    JourneyNode n;
    n.id = id.isEmpty() ? nextId(QLatin1Char('n')) : id;
    n.type = type;
    n.config = t->defaults;
    for (auto it = config.begin(); it != config.end(); ++it)
        n.config.insert(it.key(), it.value());
    n.position = position;
    m_nodes.insert(index < 0 || index > m_nodes.size() ? m_nodes.size() : index, n);
    reindex();
    Q_EMIT nodeAdded(n.id);
    return n.id;
}

bool JourneyGraph::removeNode(const QString &id)
{
    const auto it = std::find_if(m_nodes.begin(), m_nodes.end(),
                                 [&](const JourneyNode &n) { return n.id == id; });
    if (it == m_nodes.end())
        return false;
    for (const JourneyEdge &e : edgesOf(id))
        disconnect(e.id);
    m_nodes.erase(std::find_if(m_nodes.begin(), m_nodes.end(),
                               [&](const JourneyNode &n) { return n.id == id; }));
    reindex();
    Q_EMIT nodeRemoved(id);
    return true;
}

bool JourneyGraph::setConfig(const QString &id, const QJsonObject &config)
{
    for (JourneyNode &n : m_nodes) {
        if (n.id != id)
            continue;
        if (n.config == config)
            return true;
        n.config = config;
        // a port that no longer exists (a split lost a branch) loses its edge
        const NodeType *t = NodeTypes::find(n.type);
        const QStringList ports = t ? t->ports(config) : QStringList();
        for (const JourneyEdge &e : edgesOf(id))
            if (e.from == id && !ports.contains(e.port))
                disconnect(e.id);
        Q_EMIT nodeChanged(id);
        return true;
    }
    return false;
}

bool JourneyGraph::moveNode(const QString &id, const QPointF &position)
{
    for (JourneyNode &n : m_nodes) {
        if (n.id == id) {
            n.position = position;
            Q_EMIT nodeMoved(id);
            return true;
        }
    }
    return false;
}

bool JourneyGraph::canConnect(const QString &from, const QString &port, const QString &to,
                              QString *reason) const
{
    auto refuse = [&](const QString &why) {
        if (reason)
            *reason = why;
        return false;
    };
    const JourneyNode *a = node(from);
    const JourneyNode *b = node(to);
    if (!a || !b)
        return refuse(tr("Both ends must be nodes of this journey."));
    if (from == to)
        return refuse(tr("A node cannot lead to itself; put a wait in between."));
    const NodeType *ta = NodeTypes::find(a->type);
    const NodeType *tb = NodeTypes::find(b->type);
    if (!ta || !tb)
        return refuse(tr("Unknown node type."));
    if (!tb->hasInput)
        return refuse(tr("A trigger has no input: it starts the journey."));
    if (!ta->ports(a->config).contains(port))
        return refuse(tr("\"%1\" has no output called \"%2\".").arg(ta->label(), port));
    if (!target(from, port).isEmpty())
        return refuse(tr("This output is already connected; remove that connection first."));
    return true;
}

std::optional<QString> JourneyGraph::connectNodes(const QString &from, const QString &port,
                                                  const QString &to, QString *reason,
                                                  const QString &id, int index)
{
    if (!canConnect(from, port, to, reason))
        return std::nullopt;
    if (!id.isEmpty() && (node(id) || edge(id))) {
        if (reason)
            *reason = tr("The connection ID is taken.");
        return std::nullopt;
    }
    JourneyEdge e{id.isEmpty() ? nextId(QLatin1Char('e')) : id, from, port, to};
    m_edges.insert(index < 0 || index > m_edges.size() ? m_edges.size() : index, e);
    reindex();
    Q_EMIT edgeAdded(e.id);
    return e.id;
}

bool JourneyGraph::disconnect(const QString &edgeId)
{
    for (qsizetype i = 0; i < m_edges.size(); ++i) {
        if (m_edges.at(i).id == edgeId) {
            m_edges.removeAt(i);
            reindex();
            Q_EMIT edgeRemoved(edgeId);
            return true;
        }
    }
    return false;
}

const JourneyNode *JourneyGraph::node(const QString &id) const
{
    const auto it = m_nodeIndex.constFind(id);
    return it == m_nodeIndex.cend() ? nullptr : &m_nodes.at(*it);
}

const JourneyEdge *JourneyGraph::edge(const QString &id) const
{
    const auto it = m_edgeIndex.constFind(id);
    return it == m_edgeIndex.cend() ? nullptr : &m_edges.at(*it);
}

QString JourneyGraph::target(const QString &from, const QString &port) const
{
    return m_targets.value(from + QLatin1Char('\n') + port);
}

void JourneyGraph::reindex()
{
    m_nodeIndex.clear();
    m_edgeIndex.clear();
    m_targets.clear();
    for (qsizetype i = 0; i < m_nodes.size(); ++i)
        m_nodeIndex.insert(m_nodes.at(i).id, int(i));
    for (qsizetype i = 0; i < m_edges.size(); ++i) {
        const JourneyEdge &e = m_edges.at(i);
        m_edgeIndex.insert(e.id, int(i));
        m_targets.insert(e.from + QLatin1Char('\n') + e.port, e.to);
    }
}

QList<JourneyEdge> JourneyGraph::edgesOf(const QString &nodeId) const
{
    QList<JourneyEdge> out;
    for (const JourneyEdge &e : m_edges)
        if (e.from == nodeId || e.to == nodeId)
            out << e;
    return out;
}

int JourneyGraph::indexOfNode(const QString &id) const
{
    return m_nodeIndex.value(id, -1);
}

int JourneyGraph::indexOfEdge(const QString &id) const
{
    return m_edgeIndex.value(id, -1);
}

QList<JourneyIssue> JourneyGraph::validate() const
{
    QList<JourneyIssue> issues;
    QStringList triggers;
    QStringList goals;
    for (const JourneyNode &n : m_nodes) {
        const NodeType *t = NodeTypes::find(n.type);
        if (!t) {
            issues << JourneyIssue{n.id,
                                   tr("\"%1\" is not a node type this Masir knows.").arg(n.type)};
            continue;
        }
        if (t->category == NodeType::Category::Trigger)
            triggers << n.id;
        if (t->isGoal)
            goals << n.id;
        for (const QString &problem : t->validate(n.config))
            issues << JourneyIssue{n.id, problem};
    }
    if (triggers.isEmpty())
        issues << JourneyIssue{QString(), tr("Add a trigger: it decides who enters the journey.")};

    // Reachable from a trigger (a goal is reached from anywhere by its rule).
    QSet<QString> reached;
    QList<QString> queue = triggers + goals;
    while (!queue.isEmpty()) {
        const QString id = queue.takeFirst();
        if (reached.contains(id))
            continue;
        reached.insert(id);
        for (const JourneyEdge &e : m_edges)
            if (e.from == id)
                queue << e.to;
    }
    for (const JourneyNode &n : m_nodes)
        if (!reached.contains(n.id))
            issues << JourneyIssue{n.id, tr("No path leads here from a trigger.")};

    // A cycle must pass through a wait: otherwise a contact loops for ever at once.
    QHash<QString, int> state; // 0 new, 1 on the path, 2 done
    QSet<QString> flagged;
    std::function<void(const QString &, QList<QString> &)> visit = [&](const QString &id,
                                                                       QList<QString> &path) {
        state[id] = 1;
        path << id;
        for (const JourneyEdge &e : m_edges) {
            if (e.from != id)
                continue;
            if (state.value(e.to) == 1) {
                const QList<QString> loop = path.mid(path.indexOf(e.to));
                bool waits = false;
                for (const QString &n : loop) {
                    const NodeType *t = NodeTypes::find(node(n)->type);
                    waits = waits || (t && t->waits);
                }
                if (!waits && !flagged.contains(e.to)) {
                    flagged.insert(e.to);
                    issues << JourneyIssue{e.to, tr("This loop has no wait in it: a contact "
                                                    "would go round it for ever.")};
                }
            } else if (state.value(e.to) == 0) {
                visit(e.to, path);
            }
        }
        path.removeLast();
        state[id] = 2;
    };
    for (const JourneyNode &n : m_nodes) {
        if (state.value(n.id) == 0) {
            QList<QString> path;
            visit(n.id, path);
        }
    }
    return issues;
}

QJsonObject JourneyGraph::toJson() const
{
    QJsonArray nodes;
    for (const JourneyNode &n : m_nodes)
        nodes.append(QJsonObject{{QStringLiteral("id"), n.id},
                                 {QStringLiteral("type"), n.type},
                                 {QStringLiteral("config"), n.config},
                                 {QStringLiteral("x"), n.position.x()},
                                 {QStringLiteral("y"), n.position.y()}});
    QJsonArray edges;
    for (const JourneyEdge &e : m_edges)
        edges.append(QJsonObject{{QStringLiteral("id"), e.id},
                                 {QStringLiteral("from"), e.from},
                                 {QStringLiteral("port"), e.port},
                                 {QStringLiteral("to"), e.to}});
    return {{QStringLiteral("formatVersion"), formatVersion},
            {QStringLiteral("nodes"), nodes},
            {QStringLiteral("edges"), edges}};
}

QByteArray JourneyGraph::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

bool JourneyGraph::fromJson(const QJsonObject &json, QString *error)
{
    const int version = json.value(QStringLiteral("formatVersion")).toInt();
    if (version < 1) {
        *error = tr("This is not a Masir journey.");
        return false;
    }
    if (version > formatVersion) {
        *error = tr("This journey was saved by a newer Masir (format %1); update Masir to open "
                    "it.")
                     .arg(version);
        return false;
    }
    // Build into a scratch graph so that a broken file changes nothing.
    JourneyGraph scratch;
    const QJsonArray nodes = json.value(QStringLiteral("nodes")).toArray();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const QJsonObject n = nodes.at(i).toObject();
        const QString id = n.value(QStringLiteral("id")).toString();
        const QString type = n.value(QStringLiteral("type")).toString();
        if (id.isEmpty() || !NodeTypes::find(type)) {
            *error = tr("Node %1 (\"%2\") has no ID or an unknown type \"%3\".")
                         .arg(i + 1)
                         .arg(id, type);
            return false;
        }
        if (scratch.addNode(type, {}, QPointF(), id).isEmpty()) {
            *error = tr("The node ID \"%1\" is used twice.").arg(id);
            return false;
        }
        // the config is taken as saved: defaults only fill what a new node lacks
        JourneyNode &added = scratch.m_nodes.last();
        added.config = n.value(QStringLiteral("config")).toObject();
        added.position = QPointF(n.value(QStringLiteral("x")).toDouble(),
                                 n.value(QStringLiteral("y")).toDouble());
    }
    const QJsonArray edges = json.value(QStringLiteral("edges")).toArray();
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const QJsonObject e = edges.at(i).toObject();
        QString reason;
        if (!scratch.connectNodes(e.value(QStringLiteral("from")).toString(),
                                  e.value(QStringLiteral("port")).toString(),
                                  e.value(QStringLiteral("to")).toString(), &reason,
                                  e.value(QStringLiteral("id")).toString())) {
            *error = tr("Connection %1: %2").arg(i + 1).arg(reason);
            return false;
        }
    }
    m_nodes = scratch.m_nodes;
    m_edges = scratch.m_edges;
    reindex();
    m_serial = 0;
    for (const JourneyNode &n : m_nodes)
        m_serial = std::max(m_serial, n.id.mid(1).toInt());
    for (const JourneyEdge &e : m_edges)
        m_serial = std::max(m_serial, e.id.mid(1).toInt());
    Q_EMIT reset();
    return true;
}

void JourneyGraph::clear()
{
    m_nodes.clear();
    m_edges.clear();
    reindex();
    Q_EMIT reset();
}

} // namespace masir
