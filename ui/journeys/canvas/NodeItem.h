#pragma once

#include <QGraphicsItem>
#include <QHash>
#include <QString>
#include <QStringList>

namespace masir {
struct JourneyNode;
struct NodeType;
} // namespace masir

namespace masir::ui {

class JourneyScene;

/// A node on the canvas: it holds the node's ID and reads everything else from
/// the graph when it paints. qgraphicsitem_cast<NodeItem *>() finds it.
class NodeItem final : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 1
    };

    NodeItem(JourneyScene *scene, const QString &id);

    int type() const override { return Type; }
    QString id() const { return m_id; }
    const JourneyNode *node() const;
    const NodeType *nodeType() const;
    /// The node's ports or size may have changed with its config.
    void configChanged();
    /// The output ports, as of the last config change (asked for in every paint).
    const QStringList &ports() const { return m_ports; }

    QRectF boundingRect() const override;
    /// The node's frame, without the room for ports and the badge around it.
    QRectF body() const;
    QPointF inputPort() const;
    QPointF outputPort(const QString &port) const;
    /// The output port under \a local, or "".
    QString portAt(const QPointF &local) const;

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void refreshPorts();
    /// A card: header with icon and name, the summary, live counts, ports.
    void paintCard(QPainter *painter);
    /// Zoomed out: a block with the icon and, while it reads, the name.
    void paintOverview(QPainter *painter, qreal lod);
    void paintBadge(QPainter *painter, const QRectF &b, bool rtl, const QFont &bold);

    JourneyScene *m_scene;
    QString m_id;
    bool m_connecting = false;
    QHash<QString, QPointF> m_starts;
    QStringList m_ports;
};

} // namespace masir::ui
