#pragma once

#include <QGraphicsPathItem>
#include <QString>

namespace masir::ui {

class JourneyScene;

/// An edge: a curve from an output port to an input, with an arrow head. It
/// holds the edge's ID; qgraphicsitem_cast<EdgeItem *>() finds it.
class EdgeItem final : public QGraphicsPathItem
{
public:
    enum
    {
        Type = UserType + 2
    };

    EdgeItem(JourneyScene *scene, const QString &id);

    int type() const override { return Type; }
    QString id() const { return m_id; }
    /// Follows its nodes' ports.
    void refresh();
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    JourneyScene *m_scene;
    QString m_id;
    QPointF m_start;
    QPointF m_end;
};

} // namespace masir::ui
