#include "journeys/canvas/JourneyView.h"
#include "journeys/canvas/CanvasStyle.h"

#include "journeys/canvas/JourneyScene.h"

#include <QDragEnterEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

namespace masir::ui {

JourneyView::JourneyView(JourneyScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setObjectName(QStringLiteral("journeyView"));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundBrush(CanvasStyle::canvas());
    setSceneRect(QRectF(-5000, -5000, 10000, 10000));
    m_settle = new QTimer(this);
    m_settle->setSingleShot(true);
    m_settle->setInterval(150);
    connect(m_settle, &QTimer::timeout, this, [this] { m_scene->setInteracting(false); });
}

void JourneyView::interacting()
{
    m_scene->setInteracting(true);
    m_settle->start();
}

void JourneyView::scrollContentsBy(int dx, int dy)
{
    interacting();
    QGraphicsView::scrollContentsBy(dx, dy);
}

void JourneyView::zoomBy(qreal factor)
{
    interacting();
    const qreal next = std::clamp(zoom() * factor, 0.1, 4.0);
    scale(next / zoom(), next / zoom());
}

void JourneyView::zoomToFit()
{
    const QRectF area = m_scene->itemsBoundingRect().adjusted(-40, -40, 40, 40);
    if (area.isEmpty())
        return zoomTo100();
    fitInView(area, Qt::KeepAspectRatio);
    if (zoom() > 1.0)
        zoomTo100();
    centerOn(area.center());
}

void JourneyView::zoomTo100()
{
    setTransform(QTransform());
}

void JourneyView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ShiftModifier) // Shift+wheel scrolls sideways
        return QGraphicsView::wheelEvent(event);
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void JourneyView::keyPressEvent(QKeyEvent *event)
{
    const qreal step = event->modifiers() & Qt::ShiftModifier ? 1 : JourneyScene::GridSize;
    switch (event->key()) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        m_scene->removeSelection();
        return;
    case Qt::Key_Left:
        m_scene->nudgeSelection(QPointF(-step, 0));
        return;
    case Qt::Key_Right:
        m_scene->nudgeSelection(QPointF(step, 0));
        return;
    case Qt::Key_Up:
        m_scene->nudgeSelection(QPointF(0, -step));
        return;
    case Qt::Key_Down:
        m_scene->nudgeSelection(QPointF(0, step));
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void JourneyView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        // pan: a middle-button drag scrolls the canvas
        setDragMode(QGraphicsView::ScrollHandDrag);
        QMouseEvent left(event->type(), event->position(), event->globalPosition(), Qt::LeftButton,
                         Qt::LeftButton, event->modifiers());
        QGraphicsView::mousePressEvent(&left);
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void JourneyView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        QMouseEvent left(event->type(), event->position(), event->globalPosition(), Qt::LeftButton,
                         Qt::NoButton, event->modifiers());
        QGraphicsView::mouseReleaseEvent(&left);
        setDragMode(QGraphicsView::RubberBandDrag);
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void JourneyView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(JourneyScene::NodeMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void JourneyView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(JourneyScene::NodeMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void JourneyView::dropEvent(QDropEvent *event)
{
    const QByteArray type = event->mimeData()->data(QLatin1String(JourneyScene::NodeMimeType));
    if (type.isEmpty())
        return QGraphicsView::dropEvent(event);
    const QString id =
        m_scene->addNode(QString::fromUtf8(type), mapToScene(event->position().toPoint()) -
                                                      QPointF(JourneyScene::NodeWidth / 2, 20));
    if (!id.isEmpty())
        m_scene->selectNodes({id});
    event->acceptProposedAction();
    setFocus();
}

void JourneyView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        setBackgroundBrush(CanvasStyle::canvas());
        if (scene())
            scene()->update();
    }
    QGraphicsView::changeEvent(event);
}

} // namespace masir::ui
