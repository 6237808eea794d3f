#include "journeys/NodeBehaviour.h"

#include "journeys/JourneyGraph.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"

namespace masir {

JourneyRunStats &JourneyRunStats::operator+=(const JourneyRunStats &o)
{
    enrolled += o.enrolled;
    steps += o.steps;
    queued += o.queued;
    completed += o.completed;
    exited += o.exited;
    deferred += o.deferred;
    notifications += o.notifications;
    return *this;
}

StepWriters::StepWriters(const Database &db)
    : query(db.connection())
    , contacts(db)
    , events(db.connection())
    , tags(db.connection())
    , stages(db.connection())
    , scores(db.connection())
    , tasks(db.connection())
    , outbox(db)
    , emailsPerDay(WorkspaceSettings(db).value(WorkspaceSettings::Key::EmailsPerDay).toInt())
{}

QString StepContext::stepKey() const
{
    return QStringLiteral("journey:%1:%2:%3").arg(enrolment.id).arg(node.id).arg(occurrence);
}

bool StepContext::fail(const QString &message)
{
    error = message;
    return false;
}

std::optional<StepDecision> NodeBehaviour::decide(StepContext &) const
{
    return StepDecision{};
}

bool NodeBehaviour::apply(StepContext &, const StepDecision &) const
{
    return true;
}

} // namespace masir
