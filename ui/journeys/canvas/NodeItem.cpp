#include "journeys/canvas/NodeItem.h"

#include "i18n/Formatter.h"
#include "journeys/JourneyGraph.h"
#include "journeys/NodeTypes.h"
#include "journeys/canvas/CanvasStyle.h"
#include "journeys/canvas/JourneyCommands.h"
#include "journeys/canvas/JourneyScene.h"
#include "widgets/Icons.h"

#include <QFontInfo>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace masir::ui {

using namespace CanvasStyle;

NodeItem::NodeItem(JourneyScene *scene, const QString &id)
    : m_scene(scene)
    , m_id(id)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setZValue(1);
    refreshPorts();
}

const JourneyNode *NodeItem::node() const
{
    return m_scene->graph()->node(m_id);
}

const NodeType *NodeItem::nodeType() const
{
    const JourneyNode *n = node();
    return n ? NodeTypes::find(n->type) : nullptr;
}

void NodeItem::configChanged()
{
    prepareGeometryChange();
    refreshPorts();
    update();
}

void NodeItem::refreshPorts()
{
    const NodeType *t = nodeType();
    m_ports = t ? t->ports(node()->config) : QStringList();
}

QRectF NodeItem::boundingRect() const
{
    // header, the summary line, a line per output port, the counts line
    const qreal h = Header + Line * (2 + std::max<qsizetype>(ports().size(), 1)) + 4;
    return QRectF(0, 0, JourneyScene::NodeWidth, h)
        .adjusted(-PortRadius - 2, -8, PortRadius + 2, 2);
}

QRectF NodeItem::body() const
{
    return boundingRect().adjusted(PortRadius + 2, 8, -PortRadius - 2, -2);
}

QPointF NodeItem::inputPort() const
{
    const QRectF b = body();
    return QPointF(m_scene->isRightToLeft() ? b.right() : b.left(), b.top() + Header / 2);
}

QPointF NodeItem::outputPort(const QString &port) const
{
    const QRectF b = body();
    const qsizetype i = std::max<qsizetype>(ports().indexOf(port), 0);
    return QPointF(m_scene->isRightToLeft() ? b.left() : b.right(),
                   b.top() + Header + Line * (i + 1.5));
}

QString NodeItem::portAt(const QPointF &local) const
{
    for (const QString &p : ports())
        if (QLineF(local, outputPort(p)).length() <= PortRadius + 4)
            return p;
    return QString();
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const JourneyNode *n = node();
    const NodeType *t = nodeType();
    if (!n || !t)
        return;
    const qreal lod =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (lod < DetailLevel)
        paintOverview(painter, lod);
    else
        paintCard(painter);
}

void NodeItem::paintOverview(QPainter *painter, qreal lod)
{
    // Zoomed out, a card's small text would be unreadable: the node is a
    // block in its category's colour with its type's icon and its name in
    // letters as large on screen as the interface's, while a few of them
    // fit; further out, the icon alone. Hundreds of nodes stay fast.
    const NodeType *t = nodeType();
    const QRectF b = body();
    const QColor color = category(t->category);
    painter->fillRect(b, isSelected() ? selection() : color);
    if (m_scene->issues().contains(m_id))
        painter->fillRect(QRectF(b.topLeft(), QSizeF(b.width(), 8 / lod)), problem());
    const bool rtl = m_scene->isRightToLeft();
    const qreal pad = 6 / lod;
    const qreal icon = std::min(18 / lod, b.height() - 2 * pad);
    if (icon * lod < 8)
        return; // smaller than a few pixels: the colour says enough
    const QRectF iconRect(rtl ? b.right() - pad - icon : b.left() + pad, b.center().y() - icon / 2,
                          icon, icon);
    const QPixmap glyph =
        Icons::pixmap(iconName(t->key), Qt::white, int(std::ceil(icon * lod * 2)));
    painter->drawPixmap(iconRect, glyph, QRectF(glyph.rect()));
    if (lod < OverviewTextLevel)
        return;
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(std::max(1, int(std::round(QFontInfo(font).pixelSize() / lod))));
    painter->setFont(font);
    const qreal textWidth = b.width() - icon - 3 * pad;
    const QRectF textRect(rtl ? b.left() + pad : iconRect.right() + pad, b.top(), textWidth,
                          b.height());
    QTextOption option(Qt::AlignLeading | Qt::AlignVCenter);
    option.setTextDirection(rtl ? Qt::RightToLeft : Qt::LeftToRight);
    // the whole name on as many lines as the block holds, else one line cut short
    const QRectF wrapped = painter->fontMetrics().boundingRect(
        textRect.toRect(), Qt::TextWordWrap | Qt::AlignLeading, t->label());
    QString label = t->label();
    if (wrapped.height() <= textRect.height() && wrapped.width() <= textRect.width() + 1) {
        option.setWrapMode(QTextOption::WordWrap);
    } else {
        option.setWrapMode(QTextOption::NoWrap);
        label = painter->fontMetrics().elidedText(label, Qt::ElideRight, int(textWidth));
        if (label.size() < 4)
            return;
    }
    painter->setPen(Qt::white);
    painter->drawText(textRect, label, option);
}

void NodeItem::paintCard(QPainter *painter)
{
    const JourneyNode *n = node();
    const NodeType *t = nodeType();
    const bool rtl = m_scene->isRightToLeft();
    const QRectF b = body();
    const QColor color = category(t->category);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(isSelected() ? selection() : color.darker(120), isSelected() ? 3 : 1.5));
    painter->setBrush(card());
    painter->drawRoundedRect(b, 8, 8);
    // header in the category's colour, the type's icon at its leading side
    QPainterPath header;
    header.addRoundedRect(QRectF(b.topLeft(), QSizeF(b.width(), Header)), 8, 8);
    painter->fillPath(header, color);
    constexpr qreal iconSize = 18;
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QRectF iconRect(rtl ? b.right() - 8 - iconSize : b.left() + 8,
                          b.top() + (Header - iconSize) / 2, iconSize, iconSize);
    const QPixmap glyph = Icons::pixmap(iconName(t->key), Qt::white, int(iconSize * ratio * 2));
    painter->drawPixmap(iconRect, glyph, QRectF(glyph.rect()));
    // leading alignment: the text direction puts it on the right in Persian
    QTextOption option(Qt::AlignLeading | Qt::AlignVCenter);
    option.setTextDirection(rtl ? Qt::RightToLeft : Qt::LeftToRight);
    option.setWrapMode(QTextOption::NoWrap);
    QFont bold = painter->font();
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(Qt::white);
    const qreal titleWidth = b.width() - iconSize - 26;
    painter->drawText(
        QRectF(rtl ? b.left() + 10 : iconRect.right() + 6, b.top(), titleWidth, Header),
        painter->fontMetrics().elidedText(t->label(), Qt::ElideRight, int(titleWidth)), option);
    QFont normal = bold;
    normal.setBold(false);
    painter->setFont(normal);
    painter->setPen(text());
    const QString line = painter->fontMetrics().elidedText(t->summary(n->config), Qt::ElideRight,
                                                           int(b.width() - 60));
    painter->drawText(QRectF(b.left() + 10, b.top() + Header, b.width() - 20, Line), line, option);
    // counts from the worker
    const JourneyNodeCount counts = m_scene->countFor(m_id);
    if (counts.waiting || counts.passed) {
        painter->setPen(quietText());
        QString text =
            JourneyCanvas::tr("%1 here · %2 passed")
                .arg(Formatter::number(counts.waiting), Formatter::number(counts.passed));
        if (counts.conversionPercent() >= 0)
            text += JourneyCanvas::tr(" · %1% converted")
                        .arg(QLocale().toString(counts.conversionPercent(), 'f', 0));
        painter->drawText(QRectF(b.left() + 10, b.bottom() - Line, b.width() - 20, Line), text,
                          option);
    }
    // ports and their labels
    painter->setPen(QPen(color.darker(130), 1.5));
    painter->setBrush(card());
    if (t->hasInput)
        painter->drawEllipse(inputPort(), PortRadius, PortRadius);
    QTextOption portOption(Qt::AlignTrailing | Qt::AlignVCenter);
    portOption.setTextDirection(option.textDirection());
    for (const QString &p : ports()) {
        const QPointF at = outputPort(p);
        painter->setBrush(m_scene->graph()->target(m_id, p).isEmpty() ? card() : color);
        painter->drawEllipse(at, PortRadius, PortRadius);
        const QString label = t->portLabel(n->config, p);
        if (!label.isEmpty()) {
            painter->setPen(quietText());
            const QRectF r = rtl ? QRectF(at.x() + 10, at.y() - Line / 2, 80, Line)
                                 : QRectF(at.x() - 90, at.y() - Line / 2, 80, Line);
            painter->drawText(r, label, portOption);
            painter->setPen(QPen(color.darker(130), 1.5));
        }
    }
    paintBadge(painter, b, rtl, bold);
}

void NodeItem::paintBadge(QPainter *painter, const QRectF &b, bool rtl, const QFont &bold)
{
    // the validation badge: red for a problem, amber for a warning
    const bool blocking = !m_scene->issues().value(m_id).isEmpty();
    if (!blocking && m_scene->warnings().value(m_id).isEmpty())
        return;
    const QPointF c(rtl ? b.left() + 4 : b.right() - 4, b.top());
    painter->setPen(Qt::NoPen);
    painter->setBrush(blocking ? problem() : warning());
    painter->drawEllipse(c, 9, 9);
    painter->setPen(Qt::white);
    painter->setFont(bold);
    painter->drawText(QRectF(c.x() - 9, c.y() - 9, 18, 18), QStringLiteral("!"),
                      QTextOption(Qt::AlignCenter));
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        m_scene->updateEdgesOf(m_id); // edges follow while the node is dragged
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    const QString port = event->button() == Qt::LeftButton ? portAt(event->pos()) : QString();
    if (!port.isEmpty()) {
        m_connecting = true;
        m_scene->beginConnection(m_id, port, event->scenePos());
        event->accept();
        return;
    }
    // remember where every selected node started, to commit one move
    m_starts.clear();
    QGraphicsItem::mousePressEvent(event);
    for (QGraphicsItem *item : m_scene->selectedItems())
        if (auto *n = qgraphicsitem_cast<NodeItem *>(item))
            m_starts.insert(n->id(), n->pos());
    m_starts.insert(m_id, pos());
}

void NodeItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connecting) {
        m_scene->updateConnection(event->scenePos());
        return;
    }
    QGraphicsItem::mouseMoveEvent(event);
}

void NodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connecting) {
        m_connecting = false;
        m_scene->endConnection(event->scenePos());
        return;
    }
    QGraphicsItem::mouseReleaseEvent(event);
    m_scene->commitMoves(m_starts);
    m_starts.clear();
}

} // namespace masir::ui
