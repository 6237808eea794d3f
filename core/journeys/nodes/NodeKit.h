#pragma once

#include "journeys/NodeBehaviour.h"
#include "journeys/NodeTypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

// What the node registrations in journeys/nodes/ share. Each file registers a
// category of node types, with everything each type is: see NodeType.
namespace masir::NodeKit {

/// A type with one "next" port, nothing to validate, the common summary and
/// the default behaviour; the registration then sets what differs.
NodeType make(const char *key, NodeType::Category category, const char *label);

/// A setting of a node, for NodeType::fields.
ConfigField field(const char *key, ConfigField::Kind kind, const char *label,
                  const QStringList &choices = {});

/// The text of a setting (numbers as text), or "".
QString text(const QJsonObject &config, const char *key);
bool hasText(const QJsonObject &config, const char *key);
/// Whether \a name can be an event type: lower case, digits and _.
bool isEventName(const QString &name);
/// Whether \a text is a time of day as HH:mm.
bool isTime(const QString &text);
/// What is wrong with the config's segment rule ("rule"), or nothing.
QStringList ruleProblems(const QJsonObject &config);
/// A validation that finds one problem, \a message (a QT_TRANSLATE_NOOP in
/// the masir::NodeTypes context, translated when it is shown), unless the
/// config has text under \a key.
std::function<QStringList(const QJsonObject &)> required(const char *key, const char *message);

template<typename Behaviour> std::shared_ptr<const NodeBehaviour> behaviour()
{
    return std::make_shared<const Behaviour>();
}

void addTriggerNodes(QList<NodeType> &types);
void addFlowNodes(QList<NodeType> &types);
void addActionNodes(QList<NodeType> &types);

} // namespace masir::NodeKit
