#pragma once

#include "journeys/NodeTypes.h"

#include <QColor>
#include <QGuiApplication>
#include <QHash>
#include <QPalette>
#include <QString>

// How the journey canvas draws: sizes, and the colours of categories, of the
// selection and of problems. One place, shared by the scene and its items.
namespace masir::ui::CanvasStyle {

constexpr qreal Header = 30; ///< a node's title bar
constexpr qreal Line = 20;   ///< a line of text in a node
constexpr qreal PortRadius = 6;
constexpr qreal DetailLevel = 0.45;      ///< below this zoom, nodes are drawn as blocks
constexpr qreal OverviewTextLevel = 0.2; ///< blocks show their name from this zoom

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

/// The icon (ui/widgets/Icons) of a node type, on its card and in the palette.
inline QString iconName(const QString &type)
{
    static const QHash<QString, QString> icons = {
        {QStringLiteral("trigger.contact_created"), QStringLiteral("enrol")},
        {QStringLiteral("trigger.date"), QStringLiteral("calendar")},
        {QStringLiteral("trigger.deal_stage"), QStringLiteral("deals")},
        {QStringLiteral("trigger.event"), QStringLiteral("event")},
        {QStringLiteral("trigger.field_changed"), QStringLiteral("edit")},
        {QStringLiteral("trigger.manual"), QStringLiteral("contact")},
        {QStringLiteral("trigger.score"), QStringLiteral("score")},
        {QStringLiteral("trigger.segment"), QStringLiteral("segments")},
        {QStringLiteral("trigger.stage_changed"), QStringLiteral("stage")},
        {QStringLiteral("trigger.tag"), QStringLiteral("tag")},
        {QStringLiteral("wait.duration"), QStringLiteral("wait")},
        {QStringLiteral("wait.event"), QStringLiteral("wait")},
        {QStringLiteral("wait.until"), QStringLiteral("calendar")},
        {QStringLiteral("condition"), QStringLiteral("condition")},
        {QStringLiteral("split"), QStringLiteral("split")},
        {QStringLiteral("goal"), QStringLiteral("goal")},
        {QStringLiteral("exit"), QStringLiteral("exit")},
        {QStringLiteral("action.email"), QStringLiteral("mail")},
        {QStringLiteral("action.sms"), QStringLiteral("sms")},
        {QStringLiteral("action.tag"), QStringLiteral("tag")},
        {QStringLiteral("action.remove"), QStringLiteral("remove")},
        {QStringLiteral("action.enrol"), QStringLiteral("journeys")},
        {QStringLiteral("action.field"), QStringLiteral("edit")},
        {QStringLiteral("action.notify"), QStringLiteral("notify")},
        {QStringLiteral("action.score"), QStringLiteral("score")},
        {QStringLiteral("action.stage"), QStringLiteral("stage")},
        {QStringLiteral("action.task"), QStringLiteral("tasks")},
        {QStringLiteral("action.webhook"), QStringLiteral("webhook")},
    };
    return icons.value(type, QStringLiteral("trigger"));
}

inline QColor selection()
{
    return QColor(0xff, 0x8f, 0x00);
}
inline QColor problem()
{
    return QColor(0xc6, 0x28, 0x28);
}
inline QColor warning()
{
    return QColor(0xe6, 0x8a, 0x00);
}
// The rest from the palette, so that a dark theme draws dark cards.
inline QColor card()
{
    return QGuiApplication::palette().color(QPalette::Base);
}
inline QColor text()
{
    return QGuiApplication::palette().color(QPalette::Text);
}
inline QColor quietText()
{
    return QGuiApplication::palette().color(QPalette::PlaceholderText);
}
inline QColor edge()
{
    QColor c = text();
    c.setAlpha(150);
    return c;
}
inline QColor canvas()
{
    return QGuiApplication::palette().color(QPalette::AlternateBase);
}

} // namespace masir::ui::CanvasStyle
