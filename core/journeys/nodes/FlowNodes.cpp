// Flow: where and when a contact goes next. Waits, conditions, splits, goals
// and the exit decide; none of them writes anything of its own.

#include "journeys/nodes/NodeKit.h"

#include "common/LocalTime.h"
#include "journeys/JourneyGraph.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"

#include "common/Logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace masir::NodeKit {

namespace {

using Category = NodeType::Category;
using K = ConfigField::Kind;

constexpr qint64 kMinuteMs = 60000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

/// FNV-1a: the same bucket for the same enrolment and node on every machine.
int bucketOf(qint64 enrollmentId, const QString &nodeId)
{
    quint32 h = 2166136261u;
    const QByteArray key = QByteArray::number(enrollmentId) + ':' + nodeId.toUtf8();
    for (const char c : key) {
        h ^= quint8(c);
        h *= 16777619u;
    }
    return int(h % 100);
}

class WaitDuration final : public NodeBehaviour
{
public:
    std::optional<StepDecision> decide(StepContext &c) const override
    {
        const QJsonObject &cfg = c.node.config;
        const QString unit = text(cfg, "unit");
        const qint64 ms = unit == QLatin1String("minutes") ? kMinuteMs
                          : unit == QLatin1String("hours") ? kHourMs
                                                           : kDayMs;
        const qint64 until =
            c.enrolment.nodeSince + cfg.value(QStringLiteral("amount")).toInt() * ms;
        StepDecision d;
        if (c.now < until)
            d.waitUntil = until;
        return d;
    }
};

class WaitUntil final : public NodeBehaviour
{
public:
    std::optional<StepDecision> decide(StepContext &c) const override
    {
        const QJsonObject &cfg = c.node.config;
        StepDecision d;
        if (text(cfg, "mode") == QLatin1String("datetime")) {
            const qint64 until =
                QDateTime::fromString(text(cfg, "at"), Qt::ISODate).toMSecsSinceEpoch();
            if (c.now < until)
                d.waitUntil = until;
            return d;
        }
        // the next moment inside the weekday and hours window, in the contact's zone
        const QTimeZone zone = LocalTime::zoneOf(c.enrolment.timezone);
        QList<int> days;
        for (const QJsonValue &day : cfg.value(QStringLiteral("days")).toArray())
            days << day.toInt();
        const QTime from = LocalTime::parse(text(cfg, "from"));
        const QTime to = LocalTime::parse(text(cfg, "to"));
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(c.now, zone);
        if (days.contains(local.date().dayOfWeek()) && LocalTime::inWindow(local.time(), from, to))
            return d;
        for (int i = 0; i <= 7; ++i) {
            const QDate day = local.date().addDays(i);
            const QDateTime start(day, from, zone);
            if (days.contains(day.dayOfWeek()) && start.toMSecsSinceEpoch() > c.now) {
                d.waitUntil = start.toMSecsSinceEpoch();
                break;
            }
        }
        return d;
    }
};

class WaitEvent final : public NodeBehaviour
{
public:
    std::optional<StepDecision> decide(StepContext &c) const override
    {
        const QJsonObject &cfg = c.node.config;
        const QString event = text(cfg, "event");
        QSqlQuery &q = c.writers.query;
        if (!Sql::exec(lcJourneys(), q,
                       QStringLiteral("SELECT 1 FROM events WHERE contact_id = ? AND "
                                      "occurred_at >= ? AND type = ? LIMIT 1"),
                       {c.enrolment.contactId, c.enrolment.nodeSince, event}, &c.error))
            return std::nullopt;
        const qint64 timeout =
            c.enrolment.nodeSince +
            qint64(cfg.value(QStringLiteral("timeoutHours")).toDouble() * kHourMs);
        StepDecision d;
        if (q.next()) {
            d.port = QStringLiteral("yes");
        } else if (c.now >= timeout) {
            d.port = QStringLiteral("timeout");
        } else {
            d.waitUntil = timeout;
            d.waitEvent = event;
        }
        q.finish();
        return d;
    }
};

class Condition final : public NodeBehaviour
{
public:
    std::optional<StepDecision> decide(StepContext &c) const override
    {
        const QJsonObject &cfg = c.node.config;
        std::optional<bool> yes;
        if (cfg.contains(QStringLiteral("message")))
            yes = messageOutcome(c, text(cfg, "message"), text(cfg, "outcome"));
        else
            yes = c.services.matchesRule(c.node.id, c.enrolment.contactId);
        if (!yes)
            return std::nullopt;
        StepDecision d;
        d.port = *yes ? QStringLiteral("yes") : QStringLiteral("no");
        return d;
    }

private:
    /// Whether an earlier send of this enrolment (from node \a message) was
    /// opened, clicked, or neither, as \a wanted asks.
    static std::optional<bool> messageOutcome(StepContext &c, const QString &message,
                                              const QString &wanted)
    {
        QSqlQuery &q = c.writers.query;
        if (!Sql::exec(lcJourneys(), q,
                       QStringLiteral("SELECT id FROM outbox WHERE enrollment_id = ? AND "
                                      "node_id = ? ORDER BY id DESC LIMIT 1"),
                       {c.enrolment.id, message}, &c.error))
            return std::nullopt;
        const qint64 outboxId = q.next() ? q.value(0).toLongLong() : 0;
        q.finish();
        auto happened = [&](const QString &type) -> std::optional<bool> {
            if (!outboxId)
                return false;
            if (!Sql::exec(lcJourneys(), q,
                           QStringLiteral("SELECT 1 FROM events WHERE contact_id = ? AND type = ? "
                                          "AND %1 = ? LIMIT 1")
                               .arg(SqlDialect::toNumber(
                                   SqlDialect(q.driver()).jsonValue(QStringLiteral("payload")))),
                           {c.enrolment.contactId, type,
                            SqlDialect(q.driver()).jsonPath(QStringLiteral("outbox")), outboxId},
                           &c.error))
                return std::nullopt;
            const bool found = q.next();
            q.finish();
            return found;
        };
        const auto clicked = happened(EventType::EmailClicked);
        if (!clicked)
            return std::nullopt;
        std::optional<bool> opened = true;
        if (!*clicked)
            opened = happened(EventType::EmailOpened);
        if (!opened)
            return std::nullopt;
        return wanted == QLatin1String("clicked")  ? *clicked
               : wanted == QLatin1String("opened") ? *opened
                                                   : !*opened;
    }
};

class Split final : public NodeBehaviour
{
public:
    std::optional<StepDecision> decide(StepContext &c) const override
    {
        const int bucket = bucketOf(c.enrolment.id, c.node.id);
        const QJsonArray branches = c.node.config.value(QStringLiteral("branches")).toArray();
        StepDecision d;
        int upTo = 0;
        for (qsizetype i = 0; i < branches.size(); ++i) {
            upTo += branches.at(i).toObject().value(QStringLiteral("percent")).toInt();
            if (bucket < upTo || i == branches.size() - 1) {
                d.port = QString(QChar(u'a' + char16_t(i)));
                break;
            }
        }
        return d;
    }
};

class Exit final : public NodeBehaviour
{
public:
    std::optional<StepDecision> decide(StepContext &) const override
    {
        StepDecision d;
        d.port.clear();
        d.end = StepDecision::End::Complete;
        return d;
    }
};

QStringList yesNo(const QJsonObject &)
{
    return {QStringLiteral("yes"), QStringLiteral("no")};
}

NodeType waitDuration()
{
    NodeType t =
        make("wait.duration", Category::Flow, QT_TRANSLATE_NOOP("masir::NodeTypes", "Wait"));
    t.waits = true;
    t.defaults = {{QStringLiteral("amount"), 1}, {QStringLiteral("unit"), QStringLiteral("days")}};
    t.fields = {
        field("amount", K::Number, QT_TRANSLATE_NOOP("masir::NodeTypes", "How long")),
        field("unit", K::Choice, QT_TRANSLATE_NOOP("masir::NodeTypes", "minutes, hours or days"),
              {QStringLiteral("minutes"), QStringLiteral("hours"), QStringLiteral("days")})};
    t.validate = [](const QJsonObject &c) {
        QStringList p;
        if (c.value(QStringLiteral("amount")).toInt() <= 0)
            p << NodeTypes::tr("Set how long to wait.");
        static const QStringList units = {QStringLiteral("minutes"), QStringLiteral("hours"),
                                          QStringLiteral("days")};
        if (!units.contains(text(c, "unit")))
            p << NodeTypes::tr("Choose minutes, hours or days.");
        return p;
    };
    t.summary = [](const QJsonObject &c) {
        const QString unit = text(c, "unit");
        const int amount = c.value(QStringLiteral("amount")).toInt();
        return unit == QLatin1String("minutes") ? NodeTypes::tr("%n minute(s)", nullptr, amount)
               : unit == QLatin1String("hours") ? NodeTypes::tr("%n hour(s)", nullptr, amount)
                                                : NodeTypes::tr("%n day(s)", nullptr, amount);
    };
    t.behaviour = behaviour<WaitDuration>();
    return t;
}

NodeType waitUntil()
{
    NodeType t =
        make("wait.until", Category::Flow, QT_TRANSLATE_NOOP("masir::NodeTypes", "Wait until"));
    t.waits = true;
    t.defaults = {{QStringLiteral("mode"), QStringLiteral("window")},
                  {QStringLiteral("days"), QJsonArray{1, 2, 3, 4, 5}},
                  {QStringLiteral("from"), QStringLiteral("09:00")},
                  {QStringLiteral("to"), QStringLiteral("17:00")}};
    t.fields = {
        field("mode", K::Choice, QT_TRANSLATE_NOOP("masir::NodeTypes", "datetime or window"),
              {QStringLiteral("window"), QStringLiteral("datetime")}),
        field("at", K::DateTime, QT_TRANSLATE_NOOP("masir::NodeTypes", "Date and time")),
        field("days", K::Weekdays, QT_TRANSLATE_NOOP("masir::NodeTypes", "Weekdays (1 = Monday)")),
        field("from", K::TimeOfDay, QT_TRANSLATE_NOOP("masir::NodeTypes", "From")),
        field("to", K::TimeOfDay, QT_TRANSLATE_NOOP("masir::NodeTypes", "To"))};
    t.validate = [](const QJsonObject &c) {
        const QString mode = text(c, "mode");
        if (mode == QLatin1String("datetime")) {
            return QDateTime::fromString(text(c, "at"), Qt::ISODate).isValid()
                       ? QStringList()
                       : QStringList{NodeTypes::tr("Set the date and time to wait for.")};
        }
        if (mode == QLatin1String("window")) {
            QStringList p;
            if (c.value(QStringLiteral("days")).toArray().isEmpty())
                p << NodeTypes::tr("Choose at least one weekday.");
            if (!isTime(text(c, "from")) || !isTime(text(c, "to")))
                p << NodeTypes::tr("Set the hours as HH:mm.");
            return p;
        }
        return QStringList{NodeTypes::tr("Choose a date and time, or weekdays and hours.")};
    };
    t.summary = [](const QJsonObject &c) {
        return text(c, "mode") == QLatin1String("datetime")
                   ? text(c, "at")
                   : NodeTypes::tr("%1–%2 on chosen days").arg(text(c, "from"), text(c, "to"));
    };
    t.behaviour = behaviour<WaitUntil>();
    return t;
}

NodeType waitEvent()
{
    NodeType t = make("wait.event", Category::Flow,
                      QT_TRANSLATE_NOOP("masir::NodeTypes", "Wait for an event"));
    t.waits = true;
    t.defaults = {{QStringLiteral("event"), QStringLiteral("email_opened")},
                  {QStringLiteral("timeoutHours"), 48}};
    t.fields = {
        field("event", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Event")),
        field("timeoutHours", K::Number, QT_TRANSLATE_NOOP("masir::NodeTypes", "At most (hours)"))};
    t.validate = [](const QJsonObject &c) {
        QStringList p;
        if (!isEventName(text(c, "event")))
            p << NodeTypes::tr("Choose the event to wait for.");
        if (c.value(QStringLiteral("timeoutHours")).toDouble() <= 0)
            p << NodeTypes::tr("Set how many hours to wait at most.");
        return p;
    };
    t.ports = [](const QJsonObject &) {
        return QStringList{QStringLiteral("yes"), QStringLiteral("timeout")};
    };
    t.portLabel = [](const QJsonObject &, const QString &port) {
        return port == QLatin1String("yes") ? NodeTypes::tr("yes") : NodeTypes::tr("timeout");
    };
    t.summary = [](const QJsonObject &c) {
        return NodeTypes::tr("%1, at most %2 h")
            .arg(text(c, "event"))
            .arg(c.value(QStringLiteral("timeoutHours")).toDouble());
    };
    t.behaviour = behaviour<WaitEvent>();
    return t;
}

NodeType condition()
{
    NodeType t =
        make("condition", Category::Flow, QT_TRANSLATE_NOOP("masir::NodeTypes", "If / else"));
    t.fields = {
        field("rule", K::Rule, QT_TRANSLATE_NOOP("masir::NodeTypes", "Conditions")),
        field("message", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Earlier message (node)")),
        field("outcome", K::Choice,
              QT_TRANSLATE_NOOP("masir::NodeTypes", "opened, clicked or neither"),
              {QStringLiteral("opened"), QStringLiteral("clicked"), QStringLiteral("neither")})};
    t.validate = [](const QJsonObject &c) {
        if (!c.contains(QStringLiteral("message")))
            return ruleProblems(c);
        static const QStringList outcomes = {QStringLiteral("opened"), QStringLiteral("clicked"),
                                             QStringLiteral("neither")};
        QStringList p;
        if (!hasText(c, "message"))
            p << NodeTypes::tr("Choose the earlier message.");
        if (!outcomes.contains(text(c, "outcome")))
            p << NodeTypes::tr("Choose opened, clicked or neither.");
        return p;
    };
    t.ports = yesNo;
    t.portLabel = [](const QJsonObject &, const QString &port) {
        return port == QLatin1String("yes") ? NodeTypes::tr("yes") : NodeTypes::tr("no");
    };
    const auto common = t.summary;
    t.summary = [common](const QJsonObject &c) {
        const QString first = common(c);
        if (!first.isEmpty())
            return first;
        return c.contains(QStringLiteral("message"))
                   ? NodeTypes::tr("if the message was %1").arg(text(c, "outcome"))
                   : NodeTypes::tr("if they match the rule");
    };
    t.behaviour = behaviour<Condition>();
    return t;
}

NodeType split()
{
    NodeType t = make("split", Category::Flow, QT_TRANSLATE_NOOP("masir::NodeTypes", "A/B split"));
    t.defaults = {
        {QStringLiteral("branches"), QJsonArray{QJsonObject{{QStringLiteral("percent"), 50}},
                                                QJsonObject{{QStringLiteral("percent"), 50}}}}};
    t.fields = {field("branches", K::Json, QT_TRANSLATE_NOOP("masir::NodeTypes", "Branches"))};
    t.validate = [](const QJsonObject &c) {
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
                   : QStringList{NodeTypes::tr("The shares add up to %1%, not 100%.").arg(total)};
    };
    t.ports = [](const QJsonObject &c) {
        QStringList ports;
        const QJsonArray branches = c.value(QStringLiteral("branches")).toArray();
        for (qsizetype i = 0; i < branches.size() && i < 26; ++i)
            ports << QString(QChar(u'a' + char16_t(i)));
        return ports;
    };
    t.portLabel = [](const QJsonObject &c, const QString &port) {
        const int i = port.isEmpty() ? -1 : port.at(0).unicode() - u'a';
        const int percent = c.value(QStringLiteral("branches"))
                                .toArray()
                                .at(i)
                                .toObject()
                                .value(QStringLiteral("percent"))
                                .toInt();
        return NodeTypes::tr("%1 %2%").arg(port.toUpper()).arg(percent);
    };
    t.behaviour = behaviour<Split>();
    return t;
}

} // namespace

void addFlowNodes(QList<NodeType> &types)
{
    types << waitDuration() << waitUntil() << waitEvent() << condition() << split();

    NodeType goal = make("goal", Category::Flow, QT_TRANSLATE_NOOP("masir::NodeTypes", "Goal"));
    goal.isGoal = true;
    goal.fields = {field("rule", K::Rule, QT_TRANSLATE_NOOP("masir::NodeTypes", "Conditions"))};
    goal.validate = ruleProblems;
    types << goal;

    NodeType exit = make("exit", Category::Flow, QT_TRANSLATE_NOOP("masir::NodeTypes", "Exit"));
    exit.ports = [](const QJsonObject &) { return QStringList(); };
    exit.behaviour = behaviour<Exit>();
    types << exit;
}

} // namespace masir::NodeKit
