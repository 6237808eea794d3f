// Triggers: who enters a journey, and when. The trigger scanner reads each
// type's TriggerSource; a trigger's step only passes the contact on.

#include "journeys/nodes/NodeKit.h"

#include "common/TextNormalizer.h"
#include "events/EventStore.h"

#include <QJsonArray>

namespace masir::NodeKit {

namespace {

using Category = NodeType::Category;
using K = ConfigField::Kind;
using Source = TriggerSource::Kind;

/// An event trigger's property filters: [{"property", "op", "value"}], all must pass.
bool passesFilters(const QJsonArray &filters, const QJsonObject &payload)
{
    for (const QJsonValue &fv : filters) {
        const QJsonObject f = fv.toObject();
        const QJsonValue v = payload.value(f.value(QStringLiteral("property")).toString());
        const QString op = f.value(QStringLiteral("op")).toString();
        const QJsonValue want = f.value(QStringLiteral("value"));
        const double a = v.isDouble() ? v.toDouble() : v.toString().toDouble();
        const double b = want.isDouble() ? want.toDouble() : want.toString().toDouble();
        const QString as = v.isDouble() ? QString::number(a) : v.toString();
        const QString bs = want.isDouble() ? QString::number(b) : want.toString();
        const bool ok = op == QLatin1String("gt")         ? a > b
                        : op == QLatin1String("ge")       ? a >= b
                        : op == QLatin1String("lt")       ? a < b
                        : op == QLatin1String("le")       ? a <= b
                        : op == QLatin1String("ne")       ? as != bs
                        : op == QLatin1String("contains") ? as.contains(bs, Qt::CaseInsensitive)
                                                          : as == bs;
        if (!ok)
            return false;
    }
    return true;
}

TriggerSource events(std::function<QStringList(const QJsonObject &)> types,
                     std::function<bool(const QJsonObject &, const QJsonObject &)> matches)
{
    TriggerSource s;
    s.kind = Source::Events;
    s.eventTypes = std::move(types);
    s.matches = std::move(matches);
    return s;
}

TriggerSource source(Source kind)
{
    TriggerSource s;
    s.kind = kind;
    return s;
}

NodeType tagTrigger()
{
    NodeType t = make("trigger.tag", Category::Trigger,
                      QT_TRANSLATE_NOOP("masir::NodeTypes", "Tag added or removed"));
    t.defaults = {{QStringLiteral("change"), QStringLiteral("added")}};
    t.fields = {field("tag", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Tag")),
                field("change", K::Choice,
                      QT_TRANSLATE_NOOP("masir::NodeTypes", "added or removed"),
                      {QStringLiteral("added"), QStringLiteral("removed")})};
    t.validate = [](const QJsonObject &c) {
        QStringList p;
        if (!hasText(c, "tag"))
            p << NodeTypes::tr("Choose the tag.");
        const QString change = c.value(QStringLiteral("change")).toString();
        if (change != QLatin1String("added") && change != QLatin1String("removed"))
            p << NodeTypes::tr("Choose whether the tag is added or removed.");
        return p;
    };
    t.trigger = events(
        [](const QJsonObject &c) {
            return QStringList{c.value(QStringLiteral("change")).toString() ==
                                       QLatin1String("removed")
                                   ? EventType::TagRemoved
                                   : EventType::TagAdded};
        },
        [](const QJsonObject &c, const QJsonObject &payload) {
            return TextNormalizer::forSearch(payload.value(QStringLiteral("tag")).toString()) ==
                   TextNormalizer::forSearch(c.value(QStringLiteral("tag")).toString());
        });
    return t;
}

NodeType fieldTrigger()
{
    NodeType t = make("trigger.field_changed", Category::Trigger,
                      QT_TRANSLATE_NOOP("masir::NodeTypes", "Field changed"));
    t.fields = {field("field", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Field"))};
    t.validate = required("field", QT_TRANSLATE_NOOP("masir::NodeTypes", "Choose the field."));
    t.trigger = events([](const QJsonObject &) { return QStringList{EventType::ContactUpdated}; },
                       [](const QJsonObject &c, const QJsonObject &payload) {
                           return payload.value(QStringLiteral("fields"))
                               .toArray()
                               .contains(c.value(QStringLiteral("field")));
                       });
    return t;
}

NodeType stageTrigger()
{
    NodeType t = make("trigger.stage_changed", Category::Trigger,
                      QT_TRANSLATE_NOOP("masir::NodeTypes", "Stage changed"));
    t.fields = {field("from", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "From stage")),
                field("to", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "To stage"))};
    t.validate = [](const QJsonObject &c) {
        return hasText(c, "to") || hasText(c, "from")
                   ? QStringList()
                   : QStringList{NodeTypes::tr("Choose the stage it changes from or to.")};
    };
    t.trigger = events([](const QJsonObject &) { return QStringList{EventType::StageChanged}; },
                       [](const QJsonObject &c, const QJsonObject &payload) {
                           const QString from = text(c, "from");
                           const QString to = text(c, "to");
                           return (from.isEmpty() || text(payload, "from") == from) &&
                                  (to.isEmpty() || text(payload, "to") == to);
                       });
    return t;
}

NodeType dealStageTrigger()
{
    NodeType t = make("trigger.deal_stage", Category::Trigger,
                      QT_TRANSLATE_NOOP("masir::NodeTypes", "Deal entered a stage"));
    t.fields = {
        field("stage", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Stage")),
        field("pipeline", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Pipeline (empty: any)"))};
    t.validate = [](const QJsonObject &c) {
        return hasText(c, "stage")
                   ? QStringList()
                   : QStringList{NodeTypes::tr("Choose the stage, e.g. contract or lost.")};
    };
    // A deal made in a stage enters it too; the stage is matched by key or name.
    t.trigger = events(
        [](const QJsonObject &) {
            return QStringList{EventType::DealStageChanged, EventType::DealCreated};
        },
        [](const QJsonObject &c, const QJsonObject &payload) {
            const QString stage = text(c, "stage");
            const QString pipeline = text(c, "pipeline");
            return (text(payload, "to").compare(stage, Qt::CaseInsensitive) == 0 ||
                    text(payload, "to_name").compare(stage, Qt::CaseInsensitive) == 0) &&
                   (pipeline.isEmpty() ||
                    text(payload, "pipeline").compare(pipeline, Qt::CaseInsensitive) == 0);
        });
    return t;
}

NodeType segmentTrigger()
{
    NodeType t = make("trigger.segment", Category::Trigger,
                      QT_TRANSLATE_NOOP("masir::NodeTypes", "Entered or left a segment"));
    t.defaults = {{QStringLiteral("change"), QStringLiteral("entered")}};
    t.fields = {field("segment", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Segment")),
                field("change", K::Choice, QT_TRANSLATE_NOOP("masir::NodeTypes", "entered or left"),
                      {QStringLiteral("entered"), QStringLiteral("left")})};
    t.validate = [](const QJsonObject &c) {
        QStringList p;
        if (!hasText(c, "segment"))
            p << NodeTypes::tr("Choose the segment.");
        const QString change = c.value(QStringLiteral("change")).toString();
        if (change != QLatin1String("entered") && change != QLatin1String("left"))
            p << NodeTypes::tr("Choose whether the contact enters or leaves it.");
        return p;
    };
    t.trigger = source(Source::Segment);
    return t;
}

NodeType eventTrigger()
{
    NodeType t = make("trigger.event", Category::Trigger,
                      QT_TRANSLATE_NOOP("masir::NodeTypes", "Event received"));
    t.fields = {
        field("event", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Event")),
        field("filters", K::Json, QT_TRANSLATE_NOOP("masir::NodeTypes", "Property filters"))};
    t.validate = [](const QJsonObject &c) {
        return isEventName(text(c, "event"))
                   ? QStringList()
                   : QStringList{
                         NodeTypes::tr("Choose the event, e.g. purchase or cart_abandoned.")};
    };
    t.trigger =
        events([](const QJsonObject &c) { return QStringList{text(c, "event")}; },
               [](const QJsonObject &c, const QJsonObject &payload) {
                   return passesFilters(c.value(QStringLiteral("filters")).toArray(), payload);
               });
    return t;
}

NodeType dateTrigger()
{
    NodeType t =
        make("trigger.date", Category::Trigger,
             QT_TRANSLATE_NOOP("masir::NodeTypes", "Date: birthday, anniversary or a date field"));
    t.defaults = {{QStringLiteral("field"), QStringLiteral("birthday")},
                  {QStringLiteral("offsetDays"), 0},
                  {QStringLiteral("time"), QStringLiteral("09:00")},
                  {QStringLiteral("yearly"), true}};
    t.fields = {field("field", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Date field")),
                field("offsetDays", K::Number,
                      QT_TRANSLATE_NOOP("masir::NodeTypes", "Days after (negative: before)")),
                field("time", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Time of day")),
                field("yearly", K::Boolean, QT_TRANSLATE_NOOP("masir::NodeTypes", "Every year"))};
    t.validate = [](const QJsonObject &c) {
        QStringList p;
        if (!hasText(c, "field"))
            p << NodeTypes::tr("Choose the date field.");
        if (!isTime(text(c, "time")))
            p << NodeTypes::tr("Set the time of day as HH:mm.");
        return p;
    };
    t.trigger = source(Source::Dates);
    return t;
}

NodeType scoreTrigger()
{
    NodeType t = make("trigger.score", Category::Trigger,
                      QT_TRANSLATE_NOOP("masir::NodeTypes", "Score crossed a threshold"));
    t.fields = {field("threshold", K::Number, QT_TRANSLATE_NOOP("masir::NodeTypes", "Score"))};
    t.validate = [](const QJsonObject &c) {
        return c.value(QStringLiteral("threshold")).isDouble()
                   ? QStringList()
                   : QStringList{NodeTypes::tr("Set the score threshold.")};
    };
    t.trigger = source(Source::Score);
    return t;
}

} // namespace

void addTriggerNodes(QList<NodeType> &types)
{
    NodeType created = make("trigger.contact_created", Category::Trigger,
                            QT_TRANSLATE_NOOP("masir::NodeTypes", "Contact created or imported"));
    created.trigger = source(Source::NewContacts);
    types << created << tagTrigger() << fieldTrigger() << stageTrigger() << dealStageTrigger()
          << segmentTrigger() << eventTrigger() << dateTrigger() << scoreTrigger();
    NodeType manual =
        make("trigger.manual", Category::Trigger,
             QT_TRANSLATE_NOOP("masir::NodeTypes", "Added by hand from the contact list"));
    manual.trigger = source(Source::Manual);
    types << manual;
}

} // namespace masir::NodeKit
