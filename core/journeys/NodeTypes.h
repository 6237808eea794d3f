#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace masir {

/// One setting of a node, as the inspector shows it.
struct ConfigField
{
    enum class Kind
    {
        Text,
        Number,
        Boolean,
        Choice,   ///< one of choices
        DateTime, ///< ISO 8601
        Rule,     ///< a segment rule (the rule builder edits it)
        Json,     ///< a list: edited as JSON until it has its own editor
    };
    QString key;
    Kind kind = Kind::Text;
    const char *labelText = ""; ///< untranslated; label() translates
    QStringList choices;        ///< for Choice
    QString label() const;
    /// A choice as the user reads it ("added" → "added", in their language).
    static QString choiceLabel(const QString &choice);
};

/// What a journey node can be: triggers start a journey, flow nodes decide
/// where and when a contact goes next, actions do something for the contact.
struct NodeType
{
    enum class Category
    {
        Trigger,
        Flow,
        Action,
    };
    QString key; ///< stable: stored in journey files ("action.email")
    Category category = Category::Action;
    const char *labelText = ""; ///< untranslated; label() translates
    QString label() const;
    bool hasInput = true; ///< triggers have none
    /// The output ports for a config: most nodes have "next"; a condition has
    /// "yes" and "no"; a split has one per branch; exit has none.
    std::function<QStringList(const QJsonObject &config)> ports;
    /// A label for each port ("yes", "timeout", "A 50%").
    std::function<QString(const QJsonObject &config, const QString &port)> portLabel;
    /// What is missing or wrong in a config, one message each; empty when complete.
    std::function<QStringList(const QJsonObject &config)> validate;
    QJsonObject defaults;
    /// Its settings, in the order the inspector shows them (the config schema).
    QList<ConfigField> fields;
    /// A wait: the only kind of node a cycle may pass through.
    bool waits = false;
};

/// The registry of node types, by key.
class NodeTypes final
{
    Q_DECLARE_TR_FUNCTIONS(masir::NodeTypes)

public:
    static const QList<NodeType> &all();
    static const NodeType *find(const QString &key);
    static QString categoryLabel(NodeType::Category category);
};

} // namespace masir
