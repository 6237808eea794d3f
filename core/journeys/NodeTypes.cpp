#include "journeys/NodeTypes.h"

#include "segments/SegmentRule.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTime>
#include <QUrl>

namespace masir {

namespace {

using Category = NodeType::Category;

QStringList next(const QJsonObject &)
{
    return {QStringLiteral("next")};
}

QStringList none(const QJsonObject &)
{
    return {};
}

QString nextLabel(const QJsonObject &, const QString &)
{
    return QString();
}

QStringList complete(const QJsonObject &)
{
    return {};
}

bool hasText(const QJsonObject &c, const char *key)
{
    return !c.value(QLatin1String(key)).toString().trimmed().isEmpty();
}

bool isEventName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]{0,63}$"));
    return re.match(name).hasMatch();
}

bool isTime(const QString &text)
{
    return QTime::fromString(text, QStringLiteral("HH:mm")).isValid();
}

QStringList ruleProblems(const QJsonObject &c)
{
    QString error;
    if (!SegmentRule::fromJson(c.value(QStringLiteral("rule")).toObject(), &error))
        return {NodeTypes::tr("Set the conditions: %1").arg(error)};
    return {};
}

QStringList splitPorts(const QJsonObject &c)
{
    QStringList ports;
    const QJsonArray branches = c.value(QStringLiteral("branches")).toArray();
    for (qsizetype i = 0; i < branches.size() && i < 26; ++i)
        ports << QString(QChar(u'a' + char16_t(i)));
    return ports;
}

NodeType make(const char *key, Category category, const char *label,
              std::function<QStringList(const QJsonObject &)> validate = complete,
              QJsonObject defaults = {})
{
    NodeType t;
    t.key = QLatin1String(key);
    t.category = category;
    t.labelText = label;
    t.hasInput = category != Category::Trigger;
    t.ports = next;
    t.portLabel = nextLabel;
    t.validate = std::move(validate);
    t.defaults = std::move(defaults);
    return t;
}

QList<NodeType> build()
{
    QList<NodeType> types;

    // --- triggers ---------------------------------------------------------------
    types << make("trigger.contact_created", Category::Trigger,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Contact created or imported"));
    types << make("trigger.tag", Category::Trigger,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Tag added or removed"),
                  [](const QJsonObject &c) {
                      QStringList p;
                      if (!hasText(c, "tag"))
                          p << NodeTypes::tr("Choose the tag.");
                      const QString change = c.value(QStringLiteral("change")).toString();
                      if (change != QLatin1String("added") && change != QLatin1String("removed"))
                          p << NodeTypes::tr("Choose whether the tag is added or removed.");
                      return p;
                  },
                  {{QStringLiteral("change"), QStringLiteral("added")}});
    types << make("trigger.field_changed", Category::Trigger,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Field changed"), [](const QJsonObject &c) {
                      return hasText(c, "field") ? QStringList()
                                                 : QStringList{NodeTypes::tr("Choose the field.")};
                  });
    types << make("trigger.stage_changed", Category::Trigger,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Stage changed"), [](const QJsonObject &c) {
                      return hasText(c, "to") || hasText(c, "from")
                                 ? QStringList()
                                 : QStringList{
                                       NodeTypes::tr("Choose the stage it changes from or to.")};
                  });
    types << make("trigger.segment", Category::Trigger,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Entered or left a segment"),
                  [](const QJsonObject &c) {
                      QStringList p;
                      if (!hasText(c, "segment"))
                          p << NodeTypes::tr("Choose the segment.");
                      const QString change = c.value(QStringLiteral("change")).toString();
                      if (change != QLatin1String("entered") && change != QLatin1String("left"))
                          p << NodeTypes::tr("Choose whether the contact enters or leaves it.");
                      return p;
                  },
                  {{QStringLiteral("change"), QStringLiteral("entered")}});
    types << make("trigger.event", Category::Trigger,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Event received"),
                  [](const QJsonObject &c) {
                      return isEventName(c.value(QStringLiteral("event")).toString())
                                 ? QStringList()
                                 : QStringList{NodeTypes::tr("Choose the event, e.g. purchase or "
                                                             "cart_abandoned.")};
                  });
    types << make(
        "trigger.date", Category::Trigger,
        QT_TRANSLATE_NOOP("masir::NodeTypes", "Date: birthday, anniversary or a date field"),
        [](const QJsonObject &c) {
            QStringList p;
            if (!hasText(c, "field"))
                p << NodeTypes::tr("Choose the date field.");
            if (!isTime(c.value(QStringLiteral("time")).toString()))
                p << NodeTypes::tr("Set the time of day as HH:mm.");
            return p;
        },
        {{QStringLiteral("field"), QStringLiteral("birthday")},
         {QStringLiteral("offsetDays"), 0},
         {QStringLiteral("time"), QStringLiteral("09:00")},
         {QStringLiteral("yearly"), true}});
    types << make("trigger.score", Category::Trigger,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Score crossed a threshold"),
                  [](const QJsonObject &c) {
                      return c.value(QStringLiteral("threshold")).isDouble()
                                 ? QStringList()
                                 : QStringList{NodeTypes::tr("Set the score threshold.")};
                  });
    types << make("trigger.manual", Category::Trigger,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Added by hand from the contact list"));

    // --- flow ---------------------------------------------------------------------
    NodeType wait =
        make("wait.duration", Category::Flow, QT_TRANSLATE_NOOP("masir::NodeTypes", "Wait"),
             [](const QJsonObject &c) {
                 QStringList p;
                 if (c.value(QStringLiteral("amount")).toInt() <= 0)
                     p << NodeTypes::tr("Set how long to wait.");
                 static const QStringList units = {QStringLiteral("minutes"),
                                                   QStringLiteral("hours"), QStringLiteral("days")};
                 if (!units.contains(c.value(QStringLiteral("unit")).toString()))
                     p << NodeTypes::tr("Choose minutes, hours or days.");
                 return p;
             },
             {{QStringLiteral("amount"), 1}, {QStringLiteral("unit"), QStringLiteral("days")}});
    wait.waits = true;
    types << wait;

    NodeType until = make(
        "wait.until", Category::Flow, QT_TRANSLATE_NOOP("masir::NodeTypes", "Wait until"),
        [](const QJsonObject &c) {
            const QString mode = c.value(QStringLiteral("mode")).toString();
            if (mode == QLatin1String("datetime")) {
                return QDateTime::fromString(c.value(QStringLiteral("at")).toString(), Qt::ISODate)
                               .isValid()
                           ? QStringList()
                           : QStringList{NodeTypes::tr("Set the date and time to wait for.")};
            }
            if (mode == QLatin1String("window")) {
                QStringList p;
                if (c.value(QStringLiteral("days")).toArray().isEmpty())
                    p << NodeTypes::tr("Choose at least one weekday.");
                if (!isTime(c.value(QStringLiteral("from")).toString()) ||
                    !isTime(c.value(QStringLiteral("to")).toString()))
                    p << NodeTypes::tr("Set the hours as HH:mm.");
                return p;
            }
            return QStringList{NodeTypes::tr("Choose a date and time, or weekdays and hours.")};
        },
        {{QStringLiteral("mode"), QStringLiteral("window")},
         {QStringLiteral("days"), QJsonArray{1, 2, 3, 4, 5}},
         {QStringLiteral("from"), QStringLiteral("09:00")},
         {QStringLiteral("to"), QStringLiteral("17:00")}});
    until.waits = true;
    types << until;

    NodeType waitEvent = make("wait.event", Category::Flow,
                              QT_TRANSLATE_NOOP("masir::NodeTypes", "Wait for an event"),
                              [](const QJsonObject &c) {
                                  QStringList p;
                                  if (!isEventName(c.value(QStringLiteral("event")).toString()))
                                      p << NodeTypes::tr("Choose the event to wait for.");
                                  if (c.value(QStringLiteral("timeoutHours")).toDouble() <= 0)
                                      p << NodeTypes::tr("Set how many hours to wait at most.");
                                  return p;
                              },
                              {{QStringLiteral("event"), QStringLiteral("email_opened")},
                               {QStringLiteral("timeoutHours"), 48}});
    waitEvent.waits = true;
    waitEvent.ports = [](const QJsonObject &) {
        return QStringList{QStringLiteral("yes"), QStringLiteral("timeout")};
    };
    waitEvent.portLabel = [](const QJsonObject &, const QString &port) {
        return port == QLatin1String("yes") ? NodeTypes::tr("yes") : NodeTypes::tr("timeout");
    };
    types << waitEvent;

    NodeType condition =
        make("condition", Category::Flow, QT_TRANSLATE_NOOP("masir::NodeTypes", "If / else"),
             [](const QJsonObject &c) {
                 if (c.contains(QStringLiteral("message"))) {
                     static const QStringList outcomes = {QStringLiteral("opened"),
                                                          QStringLiteral("clicked"),
                                                          QStringLiteral("neither")};
                     QStringList p;
                     if (!hasText(c, "message"))
                         p << NodeTypes::tr("Choose the earlier message.");
                     if (!outcomes.contains(c.value(QStringLiteral("outcome")).toString()))
                         p << NodeTypes::tr("Choose opened, clicked or neither.");
                     return p;
                 }
                 return ruleProblems(c);
             });
    condition.ports = [](const QJsonObject &) {
        return QStringList{QStringLiteral("yes"), QStringLiteral("no")};
    };
    condition.portLabel = [](const QJsonObject &, const QString &port) {
        return port == QLatin1String("yes") ? NodeTypes::tr("yes") : NodeTypes::tr("no");
    };
    types << condition;

    NodeType split = make(
        "split", Category::Flow, QT_TRANSLATE_NOOP("masir::NodeTypes", "A/B split"),
        [](const QJsonObject &c) {
            const QJsonArray branches = c.value(QStringLiteral("branches")).toArray();
            if (branches.size() < 2 || branches.size() > 26)
                return QStringList{NodeTypes::tr("A split needs 2 to 26 branches.")};
            int total = 0;
            for (const QJsonValue &b : branches) {
                const int percent = b.toObject().value(QStringLiteral("percent")).toInt();
                if (percent <= 0)
                    return QStringList{NodeTypes::tr("Every branch needs a share above 0%.")};
                total += percent;
            }
            return total == 100
                       ? QStringList()
                       : QStringList{
                             NodeTypes::tr("The shares add up to %1%, not 100%.").arg(total)};
        },
        {{QStringLiteral("branches"), QJsonArray{QJsonObject{{QStringLiteral("percent"), 50}},
                                                 QJsonObject{{QStringLiteral("percent"), 50}}}}});
    split.ports = splitPorts;
    split.portLabel = [](const QJsonObject &c, const QString &port) {
        const int i = port.isEmpty() ? -1 : port.at(0).unicode() - u'a';
        const int percent = c.value(QStringLiteral("branches"))
                                .toArray()
                                .at(i)
                                .toObject()
                                .value(QStringLiteral("percent"))
                                .toInt();
        return NodeTypes::tr("%1 %2%").arg(port.toUpper()).arg(percent);
    };
    types << split;

    types << make("goal", Category::Flow, QT_TRANSLATE_NOOP("masir::NodeTypes", "Goal"),
                  ruleProblems);
    NodeType exit = make("exit", Category::Flow, QT_TRANSLATE_NOOP("masir::NodeTypes", "Exit"));
    exit.ports = none;
    types << exit;

    // --- actions --------------------------------------------------------------------
    auto needs = [](const char *key, const QString &message) {
        return [key, message](const QJsonObject &c) {
            return hasText(c, key) ? QStringList() : QStringList{message};
        };
    };
    types << make("action.email", Category::Action,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Send email"),
                  needs("template", NodeTypes::tr("Choose the email template.")));
    types << make("action.sms", Category::Action, QT_TRANSLATE_NOOP("masir::NodeTypes", "Send SMS"),
                  needs("template", NodeTypes::tr("Choose the SMS template.")));
    types << make("action.tag", Category::Action,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Add or remove a tag"),
                  [](const QJsonObject &c) {
                      QStringList p;
                      if (!hasText(c, "tag"))
                          p << NodeTypes::tr("Choose the tag.");
                      const QString op = c.value(QStringLiteral("op")).toString();
                      if (op != QLatin1String("add") && op != QLatin1String("remove"))
                          p << NodeTypes::tr("Choose add or remove.");
                      return p;
                  },
                  {{QStringLiteral("op"), QStringLiteral("add")}});
    types << make("action.field", Category::Action,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Set a field"),
                  needs("field", NodeTypes::tr("Choose the field to set.")));
    types << make("action.stage", Category::Action,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Change the stage"),
                  needs("stage", NodeTypes::tr("Choose the stage.")));
    types << make(
        "action.score", Category::Action, QT_TRANSLATE_NOOP("masir::NodeTypes", "Adjust the score"),
        [](const QJsonObject &c) {
            return c.value(QStringLiteral("points")).toInt() != 0
                       ? QStringList()
                       : QStringList{NodeTypes::tr("Set the points to add or take away.")};
        });
    types << make(
        "action.task", Category::Action, QT_TRANSLATE_NOOP("masir::NodeTypes", "Create a task"),
        needs("title", NodeTypes::tr("Give the task a title.")), {{QStringLiteral("dueDays"), 1}});
    types << make("action.notify", Category::Action,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Notify"),
                  needs("message", NodeTypes::tr("Write the notification.")));
    types << make(
        "action.webhook", Category::Action, QT_TRANSLATE_NOOP("masir::NodeTypes", "Call a webhook"),
        [](const QJsonObject &c) {
            const QUrl url(c.value(QStringLiteral("url")).toString());
            const bool web = url.isValid() && (url.scheme() == QLatin1String("https") ||
                                               url.scheme() == QLatin1String("http"));
            return web && !url.host().isEmpty()
                       ? QStringList()
                       : QStringList{NodeTypes::tr("Enter an http:// or https:// address.")};
        });
    types << make("action.enrol", Category::Action,
                  QT_TRANSLATE_NOOP("masir::NodeTypes", "Enrol in another journey"),
                  needs("journey", NodeTypes::tr("Choose the journey.")));
    NodeType remove = make("action.remove", Category::Action,
                           QT_TRANSLATE_NOOP("masir::NodeTypes", "Remove from this journey"));
    remove.ports = none;
    types << remove;

    // The config schema: which settings each type has, and of what kind.
    using K = ConfigField::Kind;
    struct Spec
    {
        const char *type;
        const char *key;
        K kind;
        const char *label;
    };
    static const Spec specs[] = {
        {"trigger.tag", "tag", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Tag")},
        {"trigger.tag", "change", K::Choice,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "added or removed")},
        {"trigger.field_changed", "field", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Field")},
        {"trigger.stage_changed", "from", K::Text,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "From stage")},
        {"trigger.stage_changed", "to", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "To stage")},
        {"trigger.segment", "segment", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Segment")},
        {"trigger.segment", "change", K::Choice,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "entered or left")},
        {"trigger.event", "event", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Event")},
        {"trigger.event", "filters", K::Json,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "Property filters")},
        {"trigger.date", "field", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Date field")},
        {"trigger.date", "offsetDays", K::Number,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "Days after (negative: before)")},
        {"trigger.date", "time", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Time of day")},
        {"trigger.date", "yearly", K::Boolean, QT_TRANSLATE_NOOP("masir::NodeTypes", "Every year")},
        {"trigger.score", "threshold", K::Number, QT_TRANSLATE_NOOP("masir::NodeTypes", "Score")},
        {"wait.duration", "amount", K::Number, QT_TRANSLATE_NOOP("masir::NodeTypes", "How long")},
        {"wait.duration", "unit", K::Choice,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "minutes, hours or days")},
        {"wait.until", "mode", K::Choice,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "datetime or window")},
        {"wait.until", "at", K::DateTime, QT_TRANSLATE_NOOP("masir::NodeTypes", "Date and time")},
        {"wait.until", "days", K::Json,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "Weekdays (1 = Monday)")},
        {"wait.until", "from", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "From")},
        {"wait.until", "to", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "To")},
        {"wait.event", "event", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Event")},
        {"wait.event", "timeoutHours", K::Number,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "At most (hours)")},
        {"condition", "rule", K::Rule, QT_TRANSLATE_NOOP("masir::NodeTypes", "Conditions")},
        {"condition", "message", K::Text,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "Earlier message (node)")},
        {"condition", "outcome", K::Choice,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "opened, clicked or neither")},
        {"split", "branches", K::Json, QT_TRANSLATE_NOOP("masir::NodeTypes", "Branches")},
        {"goal", "rule", K::Rule, QT_TRANSLATE_NOOP("masir::NodeTypes", "Conditions")},
        {"action.email", "template", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Template")},
        {"action.email", "transactional", K::Boolean,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "Transactional (no daily cap)")},
        {"action.sms", "template", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Template")},
        {"action.tag", "tag", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Tag")},
        {"action.tag", "op", K::Choice, QT_TRANSLATE_NOOP("masir::NodeTypes", "add or remove")},
        {"action.field", "field", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Field")},
        {"action.field", "value", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Value")},
        {"action.stage", "stage", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Stage")},
        {"action.score", "points", K::Number, QT_TRANSLATE_NOOP("masir::NodeTypes", "Points")},
        {"action.task", "title", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Title")},
        {"action.task", "dueDays", K::Number,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "Due in (days)")},
        {"action.notify", "message", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Message")},
        {"action.webhook", "url", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Address")},
        {"action.webhook", "allowPrivate", K::Boolean,
         QT_TRANSLATE_NOOP("masir::NodeTypes", "Allow addresses on this network")},
        {"action.enrol", "journey", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Journey")},
    };
    static const QHash<QString, QStringList> choices = {
        {QStringLiteral("trigger.tag/change"),
         {QStringLiteral("added"), QStringLiteral("removed")}},
        {QStringLiteral("trigger.segment/change"),
         {QStringLiteral("entered"), QStringLiteral("left")}},
        {QStringLiteral("wait.duration/unit"),
         {QStringLiteral("minutes"), QStringLiteral("hours"), QStringLiteral("days")}},
        {QStringLiteral("wait.until/mode"), {QStringLiteral("window"), QStringLiteral("datetime")}},
        {QStringLiteral("condition/outcome"),
         {QStringLiteral("opened"), QStringLiteral("clicked"), QStringLiteral("neither")}},
        {QStringLiteral("action.tag/op"), {QStringLiteral("add"), QStringLiteral("remove")}},
    };
    for (NodeType &t : types)
        for (const Spec &spec : specs)
            if (t.key == QLatin1String(spec.type))
                t.fields << ConfigField{
                    QLatin1String(spec.key), spec.kind, spec.label,
                    choices.value(t.key + QLatin1Char('/') + QLatin1String(spec.key))};
    return types;
}

} // namespace

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
    static const QList<NodeType> types = build();
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
