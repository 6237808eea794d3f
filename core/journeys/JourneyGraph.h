#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QString>

#include <optional>

namespace masir {

struct NodeType;

struct JourneyNode
{
    QString id; ///< "n1", unique in the journey, never reused
    QString type;
    QJsonObject config;
    QPointF position;
    bool operator==(const JourneyNode &) const = default;
};

/// From an output port of one node to the input of another.
struct JourneyEdge
{
    QString id; ///< "e1"
    QString from;
    QString port; ///< "next", "yes", "no", "timeout", "a", "b", ...
    QString to;
    bool operator==(const JourneyEdge &) const = default;
};

/// A problem that stops a journey from being activated, tied to a node (or to
/// the journey as a whole when nodeId is empty).
struct JourneyIssue
{
    QString nodeId;
    QString message;
};

/// A journey as a graph of nodes and edges, addressed by ID. Every change goes
/// through this API and is announced by a signal: the canvas only reacts, the
/// engine runs the same graph with no canvas at all.
///
/// JSON (formatVersion 1):
///   {"formatVersion": 1, "nodes": [{"id": "n1", "type": "trigger.event",
///     "config": {...}, "x": 0, "y": 0}], "edges": [{"id": "e1", "from": "n1",
///     "port": "next", "to": "n2"}]}
class JourneyGraph final : public QObject
{
    Q_OBJECT

public:
    static constexpr int formatVersion = 1;

    explicit JourneyGraph(QObject *parent = nullptr);

    /// Adds a node of a registered type (its defaults under \a config); returns
    /// its ID, or an empty string for an unknown type. \a id and \a index restore
    /// a removed node where it was (undo).
    QString addNode(const QString &type, const QJsonObject &config = {},
                    const QPointF &position = {}, const QString &id = QString(), int index = -1);
    bool removeNode(const QString &id);
    bool setConfig(const QString &id, const QJsonObject &config);
    bool moveNode(const QString &id, const QPointF &position);

    /// Whether connectNodes() would accept this connection, and if not, why.
    bool canConnect(const QString &from, const QString &port, const QString &to,
                    QString *reason = nullptr) const;
    /// Connects an output port to a node's input. A refused connection returns
    /// nullopt with the reason ("a trigger has no input"). \a id and \a index
    /// put a removed edge back where it was (undo); -1 appends.
    std::optional<QString> connectNodes(const QString &from, const QString &port, const QString &to,
                                        QString *reason = nullptr, const QString &id = QString(),
                                        int index = -1);
    bool disconnect(const QString &edgeId);

    const QList<JourneyNode> &nodes() const { return m_nodes; }
    const QList<JourneyEdge> &edges() const { return m_edges; }
    const JourneyNode *node(const QString &id) const;
    const JourneyEdge *edge(const QString &id) const;
    /// The node an output port leads to, or an empty string.
    QString target(const QString &from, const QString &port) const;
    QList<JourneyEdge> edgesOf(const QString &nodeId) const;
    /// Where a node or edge is in its list (the order the JSON keeps), or -1.
    int indexOfNode(const QString &id) const;
    int indexOfEdge(const QString &id) const;

    /// What stops this journey from running; empty when it can be activated.
    QList<JourneyIssue> validate() const;

    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;
    /// Replaces the graph; a file from a newer Masir or a broken one is refused
    /// and leaves the graph as it was.
    bool fromJson(const QJsonObject &json, QString *error);
    void clear();

Q_SIGNALS:
    void nodeAdded(const QString &id);
    void nodeRemoved(const QString &id);
    void nodeChanged(const QString &id);
    void nodeMoved(const QString &id);
    void edgeAdded(const QString &id);
    void edgeRemoved(const QString &id);
    /// Everything changed (loaded or cleared).
    void reset();

private:
    QString nextId(QChar prefix);
    /// Rebuilds the lookups after nodes or edges were added or removed.
    void reindex();

    QList<JourneyNode> m_nodes;
    QList<JourneyEdge> m_edges;
    // lookups: the canvas asks for nodes and targets in every paint
    QHash<QString, int> m_nodeIndex;
    QHash<QString, int> m_edgeIndex;
    QHash<QString, QString> m_targets; ///< "from\nport" -> to
    int m_serial = 0;
};

} // namespace masir
