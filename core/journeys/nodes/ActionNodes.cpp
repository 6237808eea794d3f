// Actions: what a journey does for a contact. Each decides first (whether it
// can act now), then writes its effect through the table's one writer, inside
// the step's transaction, once.

#include "journeys/nodes/NodeKit.h"

#include "common/LocalTime.h"
#include "common/Logging.h"
#include "common/TextNormalizer.h"
#include "contacts/ContactRepository.h"
#include "journeys/JourneyGraph.h"
#include "journeys/JourneyRepository.h"
#include "storage/SqlExec.h"

#include <QJsonArray>
#include <QUrl>

namespace masir::NodeKit {

namespace {

using Category = NodeType::Category;
using K = ConfigField::Kind;

constexpr qint64 kDayMs = 86400000;

QString skipped(const char *why)
{
    return QStringLiteral("skipped: ") + QLatin1String(why);
}

/// Email and SMS: an outbox row, when the contact can be reached, outside quiet
/// hours and under the daily cap of marketing email.
class Send final : public NodeBehaviour
{
public:
    explicit Send(bool email)
        : m_email(email)
    {}

    std::optional<StepDecision> decide(StepContext &c) const override
    {
        const Enrolment &e = c.enrolment;
        StepDecision d;
        const bool reachable =
            e.status == QLatin1String("active") &&
            (m_email ? !e.email.isEmpty() && e.emailConsent != QLatin1String("withdrawn")
                     : !e.phone.isEmpty() && e.smsConsent != QLatin1String("withdrawn"));
        if (!reachable) {
            d.outcome = skipped("not reachable on this channel");
            return d;
        }
        // Quiet hours in the contact's zone, then the daily cap across journeys.
        if (const auto quietEnd = LocalTime::endOfQuietHours(
                c.now, e.timezone, c.journey.policy.quietFrom, c.journey.policy.quietTo)) {
            d.waitUntil = *quietEnd;
        } else if (m_email && c.writers.emailsPerDay > 0 &&
                   !c.node.config.value(QStringLiteral("transactional")).toBool()) {
            QSqlQuery &q = c.writers.query;
            if (!Sql::exec(lcJourneys(), q,
                           QStringLiteral("SELECT count(*), min(created_at) FROM outbox WHERE "
                                          "contact_id = ? AND channel = 'email' AND created_at > "
                                          "? AND marketing = 1 AND state NOT IN ('cancelled', "
                                          "'suppressed')"),
                           {e.contactId, c.now - kDayMs}, &c.error) ||
                !q.next())
                return std::nullopt;
            if (q.value(0).toInt() >= c.writers.emailsPerDay)
                d.waitUntil = q.value(1).toLongLong() + kDayMs;
            q.finish();
        }
        d.deferred = d.waitUntil != 0;
        return d;
    }

    bool apply(StepContext &c, const StepDecision &d) const override
    {
        if (!d.outcome.isEmpty())
            return true;
        const Enrolment &e = c.enrolment;
        const QString to = m_email ? e.email : e.phone;
        const QString templateName = text(c.node.config, "template").trimmed();
        OutboxEntry entry;
        entry.idempotencyKey = c.stepKey();
        entry.channel = m_email ? QStringLiteral("email") : QStringLiteral("sms");
        entry.contactId = e.contactId;
        entry.journeyId = e.journeyId;
        entry.enrollmentId = e.id;
        entry.nodeId = c.node.id;
        entry.templateName = templateName;
        entry.payload = {{QStringLiteral("template"), templateName},
                         {QStringLiteral("to"), to},
                         {QStringLiteral("journey"), c.journey.name}};
        entry.marketing = !c.node.config.value(QStringLiteral("transactional")).toBool();
        entry.recipient = to;
        entry.dueAtMs = entry.createdAtMs = c.now;
        const auto id = c.writers.outbox.add(entry);
        if (!id)
            return c.fail(c.writers.outbox.errorString());
        c.stats.queued += *id ? 1 : 0;
        return true;
    }

private:
    bool m_email;
};

class Webhook final : public NodeBehaviour
{
public:
    bool apply(StepContext &c, const StepDecision &) const override
    {
        const QJsonObject &cfg = c.node.config;
        const Enrolment &e = c.enrolment;
        OutboxEntry entry;
        entry.idempotencyKey = c.stepKey();
        entry.channel = QStringLiteral("webhook");
        entry.contactId = e.contactId;
        entry.journeyId = e.journeyId;
        entry.enrollmentId = e.id;
        entry.nodeId = c.node.id;
        entry.payload = {
            {QStringLiteral("url"), cfg.value(QStringLiteral("url"))},
            {QStringLiteral("allowPrivate"), cfg.value(QStringLiteral("allowPrivate"))},
            {QStringLiteral("body"),
             QJsonObject{
                 {QStringLiteral("contact"), e.contactId},
                 {QStringLiteral("email"), e.email},
                 {QStringLiteral("journey"), c.journey.name},
                 {QStringLiteral("node"), c.node.id},
                 {QStringLiteral("at"),
                  QDateTime::fromMSecsSinceEpoch(c.now, Qt::UTC).toString(Qt::ISODateWithMs)}}}};
        entry.marketing = false;
        entry.recipient = text(cfg, "url");
        entry.dueAtMs = entry.createdAtMs = c.now;
        const auto id = c.writers.outbox.add(entry);
        if (!id)
            return c.fail(c.writers.outbox.errorString());
        c.stats.queued += *id ? 1 : 0;
        return true;
    }
};

class Tag final : public NodeBehaviour
{
public:
    bool apply(StepContext &c, const StepDecision &) const override
    {
        const QString name = text(c.node.config, "tag");
        if (!ContactTags::isTagName(name))
            return true; // validation refuses it; an older journey's does nothing
        const QJsonObject extra{{QStringLiteral("journey"), c.journey.name}};
        ContactTags &tags = c.writers.tags;
        const bool ok = text(c.node.config, "op") == QLatin1String("remove")
                            ? tags.removeRecorded(c.enrolment.contactId, name, c.now, extra)
                            : tags.addRecorded(c.enrolment.contactId, name, c.now, extra);
        return ok || c.fail(tags.errorString());
    }
};

class SetField final : public NodeBehaviour
{
public:
    std::optional<StepDecision> decide(StepContext &c) const override
    {
        StepDecision d;
        if (!ContactRepository::isSettableField(text(c.node.config, "field")))
            d.outcome = skipped("unknown field");
        return d;
    }

    bool apply(StepContext &c, const StepDecision &d) const override
    {
        if (!d.outcome.isEmpty())
            return true;
        const QString value = TextNormalizer::normalize(
            c.node.config.value(QStringLiteral("value")).toVariant().toString());
        ContactRepository &contacts = c.writers.contacts;
        if (!contacts.setField(c.enrolment.contactId, text(c.node.config, "field"), value, c.now,
                               {{QStringLiteral("journey"), c.journey.name}}))
            return c.fail(contacts.errorString());
        return true;
    }
};

class Stage final : public NodeBehaviour
{
public:
    bool apply(StepContext &c, const StepDecision &) const override
    {
        const QString to = text(c.node.config, "stage");
        if (!c.writers.stages.change(c.enrolment.contactId, c.enrolment.stage, to, c.now,
                                     {{QStringLiteral("journey"), c.journey.name}}))
            return c.fail(c.writers.stages.errorString());
        c.enrolment.stage = to;
        return true;
    }
};

class Score final : public NodeBehaviour
{
public:
    bool apply(StepContext &c, const StepDecision &) const override
    {
        const int points = c.node.config.value(QStringLiteral("points")).toInt();
        Enrolment &e = c.enrolment;
        if (!Sql::exec(lcJourneys(), c.writers.query,
                       QStringLiteral("UPDATE contact_scores SET score = score + ? WHERE "
                                      "contact_id = ?"),
                       {points, e.contactId}, &c.error))
            return false;
        if (!c.writers.scores.append(e.contactId, QDateTime::fromMSecsSinceEpoch(c.now, Qt::UTC),
                                     e.score, e.score + points, QStringLiteral("journey")))
            return c.fail(c.writers.scores.errorString());
        e.score += points;
        return true;
    }
};

class Task final : public NodeBehaviour
{
public:
    bool apply(StepContext &c, const StepDecision &) const override
    {
        NewTask task;
        task.contactId = c.enrolment.contactId;
        task.title = text(c.node.config, "title");
        task.owner = c.enrolment.owner;
        task.dueAtMs = c.now + c.node.config.value(QStringLiteral("dueDays")).toInt() * kDayMs;
        task.createdAtMs = c.now;
        if (!c.writers.tasks.create(task, {{QStringLiteral("journey"), c.journey.name}}))
            return c.fail(c.writers.tasks.errorString());
        return true;
    }
};

class Notify final : public NodeBehaviour
{
public:
    bool apply(StepContext &c, const StepDecision &) const override
    {
        const QString message = text(c.node.config, "message");
        if (!Sql::exec(lcJourneys(), c.writers.query,
                       QStringLiteral("INSERT INTO notifications (contact_id, message, source, "
                                      "created_at) VALUES (?, ?, ?, ?)"),
                       {c.enrolment.contactId, message, c.journey.name, c.now}, &c.error))
            return false;
        c.stats.notifications << message;
        return true;
    }
};

class Enrol final : public NodeBehaviour
{
public:
    std::optional<StepDecision> decide(StepContext &c) const override
    {
        StepDecision d;
        if (!c.services.canEnrolInto(text(c.node.config, "journey"), c.enrolment.journeyId))
            d.outcome = skipped("the other journey is not running");
        return d;
    }

    bool apply(StepContext &c, const StepDecision &d) const override
    {
        if (!d.outcome.isEmpty())
            return true;
        const auto n =
            c.services.enrolInto(text(c.node.config, "journey"), c.enrolment.contactId, c.now);
        if (!n)
            return false;
        c.stats.enrolled += *n;
        return true;
    }
};

class Remove final : public NodeBehaviour
{
public:
    std::optional<StepDecision> decide(StepContext &) const override
    {
        StepDecision d;
        d.port.clear();
        d.end = StepDecision::End::Remove;
        return d;
    }
};

NodeType send(bool email)
{
    NodeType t = email ? make("action.email", Category::Action,
                              QT_TRANSLATE_NOOP("masir::NodeTypes", "Send email"))
                       : make("action.sms", Category::Action,
                              QT_TRANSLATE_NOOP("masir::NodeTypes", "Send SMS"));
    ConfigField templ =
        field("template", K::Template, QT_TRANSLATE_NOOP("masir::NodeTypes", "Template"));
    templ.channel = email ? QStringLiteral("email") : QStringLiteral("sms");
    t.fields = {templ};
    if (email)
        t.fields << field("transactional", K::Boolean,
                          QT_TRANSLATE_NOOP("masir::NodeTypes", "Transactional (no daily cap)"));
    t.validate = required(
        "template", email ? QT_TRANSLATE_NOOP("masir::NodeTypes", "Choose the email template.")
                          : QT_TRANSLATE_NOOP("masir::NodeTypes", "Choose the SMS template."));
    t.behaviour = std::make_shared<const Send>(email);
    return t;
}

NodeType tag()
{
    NodeType t = make("action.tag", Category::Action,
                      QT_TRANSLATE_NOOP("masir::NodeTypes", "Add or remove a tag"));
    t.defaults = {{QStringLiteral("op"), QStringLiteral("add")}};
    t.fields = {field("tag", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Tag")),
                field("op", K::Choice, QT_TRANSLATE_NOOP("masir::NodeTypes", "add or remove"),
                      {QStringLiteral("add"), QStringLiteral("remove")})};
    t.validate = [](const QJsonObject &c) {
        QStringList p;
        if (!ContactTags::isTagName(text(c, "tag")))
            p << NodeTypes::tr("Choose the tag.");
        const QString op = text(c, "op");
        if (op != QLatin1String("add") && op != QLatin1String("remove"))
            p << NodeTypes::tr("Choose add or remove.");
        return p;
    };
    t.behaviour = behaviour<Tag>();
    return t;
}

NodeType simple(const char *key, const char *label, QList<ConfigField> fields,
                std::function<QStringList(const QJsonObject &)> validate,
                std::shared_ptr<const NodeBehaviour> b, QJsonObject defaults = {})
{
    NodeType t = make(key, Category::Action, label);
    t.fields = std::move(fields);
    t.validate = std::move(validate);
    t.behaviour = std::move(b);
    t.defaults = std::move(defaults);
    return t;
}

} // namespace

void addActionNodes(QList<NodeType> &types)
{
    types << send(true) << send(false) << tag();
    types << simple(
        "action.field", QT_TRANSLATE_NOOP("masir::NodeTypes", "Set a field"),
        {field("field", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Field")),
         field("value", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Value"))},
        required("field", QT_TRANSLATE_NOOP("masir::NodeTypes", "Choose the field to set.")),
        behaviour<SetField>());
    types << simple("action.stage", QT_TRANSLATE_NOOP("masir::NodeTypes", "Change the stage"),
                    {field("stage", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Stage"))},
                    required("stage", QT_TRANSLATE_NOOP("masir::NodeTypes", "Choose the stage.")),
                    behaviour<Stage>());
    types << simple(
        "action.score", QT_TRANSLATE_NOOP("masir::NodeTypes", "Adjust the score"),
        {field("points", K::Number, QT_TRANSLATE_NOOP("masir::NodeTypes", "Points"))},
        [](const QJsonObject &c) {
            return c.value(QStringLiteral("points")).toInt() != 0
                       ? QStringList()
                       : QStringList{NodeTypes::tr("Set the points to add or take away.")};
        },
        behaviour<Score>());
    types << simple(
        "action.task", QT_TRANSLATE_NOOP("masir::NodeTypes", "Create a task"),
        {field("title", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Title")),
         field("dueDays", K::Number, QT_TRANSLATE_NOOP("masir::NodeTypes", "Due in (days)"))},
        required("title", QT_TRANSLATE_NOOP("masir::NodeTypes", "Give the task a title.")),
        behaviour<Task>(), {{QStringLiteral("dueDays"), 1}});
    types << simple(
        "action.notify", QT_TRANSLATE_NOOP("masir::NodeTypes", "Notify"),
        {field("message", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Message"))},
        required("message", QT_TRANSLATE_NOOP("masir::NodeTypes", "Write the notification.")),
        behaviour<Notify>());
    types << simple(
        "action.webhook", QT_TRANSLATE_NOOP("masir::NodeTypes", "Call a webhook"),
        {field("url", K::WebAddress, QT_TRANSLATE_NOOP("masir::NodeTypes", "Address")),
         field("allowPrivate", K::Boolean,
               QT_TRANSLATE_NOOP("masir::NodeTypes", "Allow addresses on this network"))},
        [](const QJsonObject &c) {
            const QUrl url(text(c, "url"));
            const bool web = url.isValid() && (url.scheme() == QLatin1String("https") ||
                                               url.scheme() == QLatin1String("http"));
            return web && !url.host().isEmpty()
                       ? QStringList()
                       : QStringList{NodeTypes::tr("Enter an http:// or https:// address.")};
        },
        behaviour<Webhook>());
    types << simple(
        "action.enrol", QT_TRANSLATE_NOOP("masir::NodeTypes", "Enrol in another journey"),
        {field("journey", K::Text, QT_TRANSLATE_NOOP("masir::NodeTypes", "Journey"))},
        required("journey", QT_TRANSLATE_NOOP("masir::NodeTypes", "Choose the journey.")),
        behaviour<Enrol>());
    NodeType remove = make("action.remove", Category::Action,
                           QT_TRANSLATE_NOOP("masir::NodeTypes", "Remove from this journey"));
    remove.ports = [](const QJsonObject &) { return QStringList(); };
    remove.behaviour = behaviour<Remove>();
    types << remove;
}

} // namespace masir::NodeKit
