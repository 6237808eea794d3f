#pragma once

#include "journeys/NodeTypes.h"

#include <QColor>

// How the journey canvas draws: sizes, and the colours of categories, of the
// selection and of problems. One place, shared by the scene and its items.
namespace masir::ui::CanvasStyle {

constexpr qreal Header = 30; ///< a node's title bar
constexpr qreal Line = 20;   ///< a line of text in a node
constexpr qreal PortRadius = 6;
constexpr qreal DetailLevel = 0.45; ///< below this zoom, nodes are drawn as blocks

inline QColor category(NodeType::Category c)
{
    switch (c) {
    case NodeType::Category::Trigger:
        return QColor(0x2e, 0x7d, 0x32);
    case NodeType::Category::Flow:
        return QColor(0xb2, 0x6a, 0x00);
    case NodeType::Category::Action:
        return QColor(0x15, 0x65, 0xc0);
    }
    return Qt::gray;
}

inline QColor selection()
{
    return QColor(0xff, 0x8f, 0x00);
}
inline QColor problem()
{
    return QColor(0xc6, 0x28, 0x28);
}
inline QColor text()
{
    return QColor(0x30, 0x30, 0x30);
}
inline QColor quietText()
{
    return QColor(0x60, 0x60, 0x60);
}
inline QColor edge()
{
    return QColor(0x60, 0x60, 0x60);
}

} // namespace masir::ui::CanvasStyle
