#pragma once

#include "journeys/JourneyGraph.h"

#include <QCoreApplication>
#include <QList>

namespace masir {

class Database;

/// What a journey's nodes name in the workspace: the templates its messages
/// send, the segment a trigger watches, the journey a contact is moved into.
/// A name that does not exist (or a template of the other channel) is a
/// problem on its node: the journey cannot start, the canvas and its problems
/// pane show it, and the simulator says the message would not go out.
class JourneyReferences final
{
    Q_DECLARE_TR_FUNCTIONS(masir::JourneyReferences)

public:
    static QList<JourneyIssue> check(const Database &db, const JourneyGraph &graph);
};

} // namespace masir
