#include "journeys/canvas/EdgeItem.h"

#include "journeys/JourneyGraph.h"
#include "journeys/canvas/CanvasStyle.h"
#include "journeys/canvas/JourneyScene.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace masir::ui {

EdgeItem::EdgeItem(JourneyScene *scene, const QString &id)
    : m_scene(scene)
    , m_id(id)
{
    setFlags(ItemIsSelectable);
    setZValue(0);
    setPen(QPen(CanvasStyle::edge(), 2));
}

void EdgeItem::refresh()
{
    const JourneyEdge *e = m_scene->graph()->edge(m_id);
    if (!e)
        return;
    const QPointF a = m_scene->outputPortPos(e->from, e->port);
    const QPointF b = m_scene->inputPortPos(e->to);
    const qreal bend = std::max(60.0, std::abs(b.x() - a.x()) / 2);
    const qreal dir = m_scene->isRightToLeft() ? -1 : 1;
    QPainterPath path(a);
    path.cubicTo(a + QPointF(dir * bend, 0), b - QPointF(dir * bend, 0), b);
    setPath(path);
    m_start = a;
    m_end = b;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const bool detailed = QStyleOptionGraphicsItem::levelOfDetailFromTransform(
                              painter->worldTransform()) >= CanvasStyle::DetailLevel;
    const bool smooth = detailed && !m_scene->isInteracting();
    const QPen wanted(isSelected() ? CanvasStyle::selection() : CanvasStyle::edge(),
                      isSelected() ? 3 : 2);
    if (pen() != wanted)
        setPen(wanted);
    painter->setRenderHint(QPainter::Antialiasing, smooth);
    if (!detailed) { // far out: a straight thin line is all the eye can tell
        painter->setPen(QPen(wanted.color(), 0));
        painter->drawLine(m_start, m_end);
        return;
    }
    QGraphicsPathItem::paint(painter, option, widget);
    // an arrow head at the input
    const QPointF end = m_end;
    const qreal dir = m_scene->isRightToLeft() ? 1 : -1;
    QPolygonF head({end, end + QPointF(dir * 9, -5), end + QPointF(dir * 9, 5)});
    painter->setBrush(pen().color());
    painter->drawPolygon(head);
}

} // namespace masir::ui
