#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace masir {

class NodeBehaviour;

/// One setting of a node, as the inspector shows it.
struct ConfigField
{
    enum class Kind
    {
        Text,
        Number,
        Boolean,
        Choice,     ///< one of choices
        DateTime,   ///< ISO 8601
        TimeOfDay,  ///< HH:mm
        Weekdays,   ///< a list of ISO weekdays (1 = Monday)
        Template,   ///< the name of a message template of channel
        WebAddress, ///< an http(s) address the journey calls
        Rule,       ///< a segment rule (the rule builder edits it)
        Json,       ///< a list: edited as JSON until it has its own editor
    };
    QString key;
    Kind kind = Kind::Text;
    const char *labelText = ""; ///< untranslated; label() translates
    QStringList choices;        ///< for Choice
    QString channel;            ///< for Template: "email" or "sms"
    QString label() const;
    /// A choice as the user reads it ("added" → "added", in their language).
    static QString choiceLabel(const QString &choice);
};

/// How a trigger finds the contacts it enrols. The trigger scanner works by
/// source, so that a new trigger of a known source needs no change there.
struct TriggerSource
{
    enum class Kind
    {
        None,        ///< not a trigger
        Events,      ///< an event of eventTypes() that matches() enrols its contact
        NewContacts, ///< every contact created or imported
        Dates,       ///< a date of the contact's (birthday, a date field), once a year or once
        Segment,     ///< entering or leaving a segment
        Score,       ///< a score crossing the config's "threshold" upwards
        Manual,      ///< only by hand, or from another journey
    };
    Kind kind = Kind::None;
    /// Events: the types a config listens to.
    std::function<QStringList(const QJsonObject &config)> eventTypes;
    /// Events: whether one event (its payload) enrols the contact.
    std::function<bool(const QJsonObject &config, const QJsonObject &payload)> matches;
};

/// What a journey node can be: triggers start a journey, flow nodes decide
/// where and when a contact goes next, actions do something for the contact.
///
/// As in QtNodes, everything a type is lives together in its registration
/// (see journeys/nodes/): caption, ports, settings, validation, summary,
/// and its behaviour when the engine runs it.
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
    /// One line about what a config does ("3 days", "welcome.hello"), for the
    /// canvas and the outline; may be empty.
    std::function<QString(const QJsonObject &config)> summary;
    QJsonObject defaults;
    /// Its settings, in the order the inspector shows them (the config schema).
    QList<ConfigField> fields;
    /// A wait: the only kind of node a cycle may pass through.
    bool waits = false;
    /// A goal: a contact who meets its rule anywhere in the journey is pulled
    /// to it (once), and its passing counts as a conversion.
    bool isGoal = false;
    /// For a trigger: how it enrols. Manual triggers are where contacts added
    /// by hand or by another journey enter.
    TriggerSource trigger;
    /// What the engine does at this node (NodeBehaviour's defaults: go on by
    /// "next", write nothing).
    std::shared_ptr<const NodeBehaviour> behaviour;
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
