#include "journeys/JourneyReferences.h"

#include "contacts/ContactRepository.h"
#include "contacts/CustomFields.h"
#include "journeys/JourneyRepository.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/MessageTemplate.h"
#include "segments/SegmentRepository.h"

#include <QHash>

namespace masir {

QList<JourneyIssue> JourneyReferences::check(const Database &db, const JourneyGraph &graph)
{
    QList<JourneyIssue> issues;
    const TemplateRepository templates(db);
    const SegmentRepository segments(db);
    const JourneyRepository journeys(db);
    const CustomFieldRepository fields(db);
    for (const JourneyNode &n : graph.nodes()) {
        auto named = [&n](const char *key) {
            return n.config.value(QLatin1String(key)).toString().trimmed();
        };
        const bool email = n.type == QLatin1String("action.email");
        if (email || n.type == QLatin1String("action.sms")) {
            const QString name = named("template");
            if (name.isEmpty())
                continue; // the node's own check asks for one
            const auto t = templates.find(name);
            if (!t)
                issues << JourneyIssue{n.id, tr("There is no template named \"%1\": make it on the "
                                                "Templates page, or choose another.")
                                                 .arg(name)};
            else if (t->isEmail() != email)
                issues << JourneyIssue{n.id, email ? tr("\"%1\" is a text message template, not "
                                                        "an email.")
                                                         .arg(name)
                                                   : tr("\"%1\" is an email template, not a text "
                                                        "message.")
                                                         .arg(name)};
        } else if (n.type == QLatin1String("trigger.segment")) {
            const QString name = named("segment");
            if (!name.isEmpty() && !segments.findByName(name))
                issues << JourneyIssue{n.id,
                                       tr("There is no segment or list named \"%1\".").arg(name)};
        } else if (n.type == QLatin1String("action.field") ||
                   n.type == QLatin1String("trigger.date")) {
            const QString name = named("field");
            if (name.isEmpty())
                continue;
            const bool date = n.type == QLatin1String("trigger.date");
            if (name.startsWith(QLatin1String("custom."))) {
                const auto f = fields.field(name.mid(7));
                if (!f)
                    issues << JourneyIssue{n.id, tr("There is no custom field \"%1\": add it in "
                                                    "Settings, or choose another.")
                                                     .arg(name.mid(7))};
                else if (date && f->type != FieldType::Date)
                    issues << JourneyIssue{n.id, tr("\"%1\" is not a date field.").arg(f->label)};
            } else if (date ? name != QLatin1String("birthday")
                            : !ContactRepository::isSettableField(name)) {
                issues << JourneyIssue{n.id, date ? tr("\"%1\" is not a date field.").arg(name)
                                                  : tr("\"%1\" is not a field a journey can "
                                                       "set.")
                                                        .arg(name)};
            }
        } else if (n.type == QLatin1String("action.enrol")) {
            const QString name = named("journey");
            if (!name.isEmpty() && !journeys.findByName(name))
                issues << JourneyIssue{n.id, tr("There is no journey named \"%1\".").arg(name)};
        }
    }
    return issues;
}

QString JourneyReferences::channelProblem(const Database &db, const QString &channel)
{
    for (const ChannelAccount &a : ChannelAccounts(db).list())
        if (a.enabled && a.channel() == channel)
            return {};
    return channel == QLatin1String("sms")
               ? tr("No SMS gateway is set up: its messages wait in the outbox until you add "
                    "one (Settings, Channels).")
               : tr("No email account is set up: its messages wait in the outbox until you add "
                    "one (Settings, Channels).");
}

QList<JourneyIssue> JourneyReferences::warnings(const Database &db, const JourneyGraph &graph)
{
    QList<JourneyIssue> found;
    QHash<QString, QString> problems; // per channel, asked once
    for (const JourneyNode &n : graph.nodes()) {
        const QString channel = n.type == QLatin1String("action.email") ? QStringLiteral("email")
                                : n.type == QLatin1String("action.sms") ? QStringLiteral("sms")
                                                                        : QString();
        if (channel.isEmpty())
            continue;
        if (!problems.contains(channel))
            problems.insert(channel, channelProblem(db, channel));
        if (!problems.value(channel).isEmpty())
            found << JourneyIssue{n.id, problems.value(channel)};
    }
    return found;
}

} // namespace masir
