#pragma once

#include <functional>

#include "journeys/JourneyGraph.h"
#include "journeys/JourneyRepository.h"

#include <QGraphicsScene>
#include <QHash>
#include <QImage>
#include <QStringList>

class QGraphicsPathItem;
class QUndoStack;

namespace masir::ui {

class EdgeItem;
class NodeItem;

/// The canvas over a JourneyGraph, in the QtNodes way: the scene only reacts
/// to the graph's signals, items hold node and edge IDs (never data), and
/// every edit goes through an undo command that calls the graph's API.
class JourneyScene final : public QGraphicsScene
{
    Q_OBJECT

public:
    static constexpr qreal NodeWidth = 210;
    static constexpr qreal GridSize = 20;
    static constexpr const char *NodeMimeType = "application/x-masir-node-type";
    static constexpr const char *ClipboardMimeType = "application/x-masir-journey-nodes";

    JourneyScene(JourneyGraph *graph, QUndoStack *undo, QObject *parent = nullptr);
    ~JourneyScene() override;

    JourneyGraph *graph() const { return m_graph; }
    QUndoStack *undoStack() const { return m_undo; }

    /// Problems beyond the graph's own (the names its nodes give that the
    /// workspace lacks), checked with the graph's after each change.
    void setExtraChecks(std::function<QList<JourneyIssue>(const JourneyGraph &)> checks);
    /// Checks whose findings are warnings: shown, but the journey may start.
    void setWarningChecks(std::function<QList<JourneyIssue>(const JourneyGraph &)> checks);

    /// In Persian the flow runs right to left: inputs on the right, outputs on the left.
    void setRightToLeft(bool rtl);
    bool isRightToLeft() const { return m_rtl; }

    NodeItem *nodeItem(const QString &id) const { return m_nodes.value(id); }
    EdgeItem *edgeItem(const QString &id) const { return m_edges.value(id); }
    QPointF inputPortPos(const QString &nodeId) const;
    QPointF outputPortPos(const QString &nodeId, const QString &port) const;

    // Editing; each is one undo step.
    QString addNode(const QString &type, const QPointF &scenePos);
    /// Connects, or says why not through message().
    bool connectPorts(const QString &from, const QString &port, const QString &to);
    void removeSelection();
    void nudgeSelection(const QPointF &delta);
    /// Moves nodes already dragged on screen into the graph (snapped to the grid).
    void commitMoves(const QHash<QString, QPointF> &from);
    /// Lays the nodes out in columns by their distance from a trigger.
    void tidyUp();

    QStringList selectedNodeIds() const;
    QStringList selectedEdgeIds() const;
    void selectNodes(const QStringList &ids);
    /// The selected nodes and the edges between them, as JSON.
    QByteArray copySelection() const;
    /// Adds copies with new IDs, shifted by \a offset; returns the new IDs.
    QStringList paste(const QByteArray &json, const QPointF &offset);
    /// The first node whose label or settings contain \a text, after \a after.
    QString findNode(const QString &text, const QString &after = QString()) const;

    /// A node as words, for the outline and screen readers: its type, what it is
    /// set to do, and its problems.
    QString describe(const QString &nodeId) const;

    /// Validation problems by node ID ("" for the journey as a whole).
    const QHash<QString, QStringList> &issues() const { return m_issues; }
    /// What lets the journey start but needs attention, by node.
    const QHash<QString, QStringList> &warnings() const { return m_warnings; }
    /// Contacts waiting at each node and passed through, shown under each node.
    void setCounts(const QList<JourneyNodeCount> &counts);
    JourneyNodeCount countFor(const QString &nodeId) const { return m_counts.value(nodeId); }

    /// While the view pans or zooms, edges are drawn without antialiasing (a long
    /// smooth curve costs a frame); the view turns it back on when it settles.
    void setInteracting(bool interacting);
    bool isInteracting() const { return m_interacting; }

    /// The whole journey as an image (PNG export, tests) or SVG file.
    QImage renderImage(qreal scale = 1.0);
    bool exportSvg(const QString &path);

    // used by the items
    void updateEdgesOf(const QString &nodeId);
    void beginConnection(const QString &from, const QString &port, const QPointF &scenePos);
    void updateConnection(const QPointF &scenePos);
    void endConnection(const QPointF &scenePos);

Q_SIGNALS:
    /// A refused edit and why ("a trigger has no input").
    void message(const QString &text);
    void issuesChanged();

private:
    void rebuild();
    void addNodeItem(const QString &id);
    void addEdgeItem(const QString &id);
    void revalidate();

    JourneyGraph *m_graph;
    QUndoStack *m_undo;
    bool m_rtl = false;
    QHash<QString, NodeItem *> m_nodes;
    QHash<QString, EdgeItem *> m_edges;
    QHash<QString, QStringList> m_issues;
    QHash<QString, QStringList> m_warnings;
    QHash<QString, JourneyNodeCount> m_counts;
    QGraphicsPathItem *m_pending = nullptr; ///< the edge being drawn
    QString m_pendingFrom;
    QString m_pendingPort;
    std::function<QList<JourneyIssue>(const JourneyGraph &)> m_extraChecks;
    std::function<QList<JourneyIssue>(const JourneyGraph &)> m_warningChecks;
    bool m_validationQueued = false;
    bool m_interacting = false;
};

} // namespace masir::ui
