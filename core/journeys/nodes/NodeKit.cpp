#include "journeys/nodes/NodeKit.h"

#include "segments/SegmentRule.h"

#include <QRegularExpression>
#include <QTime>

namespace masir::NodeKit {

namespace {

/// The first setting a node has of these, as the canvas shows it in one line.
QString firstText(const QJsonObject &config)
{
    for (const char *key : {"template", "tag", "event", "segment", "stage", "to", "field", "title",
                            "message", "url", "journey", "threshold", "points"}) {
        const QString v = text(config, key);
        if (!v.isEmpty())
            return v;
    }
    return {};
}

} // namespace

NodeType make(const char *key, NodeType::Category category, const char *label)
{
    NodeType t;
    t.key = QLatin1String(key);
    t.category = category;
    t.labelText = label;
    t.hasInput = category != NodeType::Category::Trigger;
    t.ports = [](const QJsonObject &) { return QStringList{QStringLiteral("next")}; };
    t.portLabel = [](const QJsonObject &, const QString &) { return QString(); };
    t.validate = [](const QJsonObject &) { return QStringList(); };
    t.summary = firstText;
    t.behaviour = behaviour<NodeBehaviour>();
    return t;
}

ConfigField field(const char *key, ConfigField::Kind kind, const char *label,
                  const QStringList &choices)
{
    ConfigField f;
    f.key = QLatin1String(key);
    f.kind = kind;
    f.labelText = label;
    f.choices = choices;
    return f;
}

QString text(const QJsonObject &config, const char *key)
{
    return config.value(QLatin1String(key)).toVariant().toString();
}

bool hasText(const QJsonObject &config, const char *key)
{
    return !config.value(QLatin1String(key)).toString().trimmed().isEmpty();
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

QStringList ruleProblems(const QJsonObject &config)
{
    QString error;
    if (!SegmentRule::fromJson(config.value(QStringLiteral("rule")).toObject(), &error))
        return {NodeTypes::tr("Set the conditions: %1").arg(error)};
    return {};
}

std::function<QStringList(const QJsonObject &)> required(const char *key, const char *message)
{
    return [key, message](const QJsonObject &config) {
        return hasText(config, key) ? QStringList() : QStringList{NodeTypes::tr(message)};
    };
}

} // namespace masir::NodeKit
