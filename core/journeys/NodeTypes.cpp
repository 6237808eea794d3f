#include "journeys/NodeTypes.h"

#include "journeys/nodes/NodeKit.h"

#include <QHash>

namespace masir {

QString ConfigField::label() const
{
    return NodeTypes::tr(labelText);
}

QString ConfigField::choiceLabel(const QString &choice)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("added"), QT_TRANSLATE_NOOP("masir::NodeTypes", "added")},
        {QStringLiteral("removed"), QT_TRANSLATE_NOOP("masir::NodeTypes", "removed")},
        {QStringLiteral("entered"), QT_TRANSLATE_NOOP("masir::NodeTypes", "entered")},
        {QStringLiteral("left"), QT_TRANSLATE_NOOP("masir::NodeTypes", "left")},
        {QStringLiteral("minutes"), QT_TRANSLATE_NOOP("masir::NodeTypes", "minutes")},
        {QStringLiteral("hours"), QT_TRANSLATE_NOOP("masir::NodeTypes", "hours")},
        {QStringLiteral("days"), QT_TRANSLATE_NOOP("masir::NodeTypes", "days")},
        {QStringLiteral("window"),
         QT_TRANSLATE_NOOP("masir::NodeTypes", "on chosen days and hours")},
        {QStringLiteral("datetime"),
         QT_TRANSLATE_NOOP("masir::NodeTypes", "until a date and time")},
        {QStringLiteral("opened"), QT_TRANSLATE_NOOP("masir::NodeTypes", "opened")},
        {QStringLiteral("clicked"), QT_TRANSLATE_NOOP("masir::NodeTypes", "clicked")},
        {QStringLiteral("neither"), QT_TRANSLATE_NOOP("masir::NodeTypes", "neither")},
        {QStringLiteral("add"), QT_TRANSLATE_NOOP("masir::NodeTypes", "add")},
        {QStringLiteral("remove"), QT_TRANSLATE_NOOP("masir::NodeTypes", "remove")},
    };
    const auto it = labels.constFind(choice);
    return it == labels.cend() ? choice : NodeTypes::tr(*it);
}

QString NodeType::label() const
{
    return NodeTypes::tr(labelText);
}

const QList<NodeType> &NodeTypes::all()
{
    static const QList<NodeType> types = [] {
        QList<NodeType> t;
        NodeKit::addTriggerNodes(t);
        NodeKit::addFlowNodes(t);
        NodeKit::addActionNodes(t);
        return t;
    }();
    return types;
}

const NodeType *NodeTypes::find(const QString &key)
{
    for (const NodeType &t : all())
        if (t.key == key)
            return &t;
    return nullptr;
}

QString NodeTypes::categoryLabel(NodeType::Category category)
{
    switch (category) {
    case NodeType::Category::Trigger:
        return tr("Triggers");
    case NodeType::Category::Flow:
        return tr("Flow");
    case NodeType::Category::Action:
        return tr("Actions");
    }
    return {};
}

} // namespace masir
