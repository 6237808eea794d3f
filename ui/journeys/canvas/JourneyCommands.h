#pragma once

#include "journeys/JourneyGraph.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QUndoCommand>

namespace masir::ui {

/// The translation context of the canvas.
class JourneyCanvas final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ui::JourneyCanvas)
};

/// Every edit of a journey on the canvas is one of these: the canvas never
/// changes the graph any other way, so undo and redo restore the exact JSON.

class AddNodeCommand final : public QUndoCommand
{
public:
    AddNodeCommand(JourneyGraph *graph, const QString &type, const QJsonObject &config,
                   const QPointF &position, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    QString nodeId() const { return m_id; }

private:
    JourneyGraph *m_graph;
    QString m_type;
    QJsonObject m_config; ///< empty until the first redo fills in the defaults
    QPointF m_position;
    QString m_id;
};

/// Removes nodes with their edges (and edges on their own); undo puts back
/// the same IDs, configs, positions and connections.
class RemoveCommand final : public QUndoCommand
{
public:
    RemoveCommand(JourneyGraph *graph, const QStringList &nodeIds, const QStringList &edgeIds,
                  QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    JourneyGraph *m_graph;
    QList<QPair<int, JourneyNode>> m_nodes; ///< with their places in the list, ascending
    QList<QPair<int, JourneyEdge>> m_edges;
};

class ConnectCommand final : public QUndoCommand
{
public:
    ConnectCommand(JourneyGraph *graph, const QString &from, const QString &port, const QString &to,
                   QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    JourneyGraph *m_graph;
    QString m_from;
    QString m_port;
    QString m_to;
    QString m_id;
};

/// Moves nodes; consecutive moves of the same nodes merge into one step.
class MoveNodesCommand final : public QUndoCommand
{
public:
    MoveNodesCommand(JourneyGraph *graph, const QHash<QString, QPointF> &from,
                     const QHash<QString, QPointF> &to, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    JourneyGraph *m_graph;
    QHash<QString, QPointF> m_from;
    QHash<QString, QPointF> m_to;
};

class SetConfigCommand final : public QUndoCommand
{
public:
    SetConfigCommand(JourneyGraph *graph, const QString &nodeId, const QJsonObject &config,
                     QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    JourneyGraph *m_graph;
    QString m_id;
    QJsonObject m_before;
    QJsonObject m_after;
    QList<QPair<int, JourneyEdge>> m_lost;
};

} // namespace masir::ui
