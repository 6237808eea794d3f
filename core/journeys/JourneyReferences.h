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

    /// What lets the journey start but keeps a node from working yet: a
    /// message on a channel with no account set up (it waits in the outbox
    /// until one is). The canvas shows these apart from the problems.
    static QList<JourneyIssue> warnings(const Database &db, const JourneyGraph &graph);

    /// Why a message on \a channel ("email", "sms") would not go out now: no
    /// account of that channel is set up and on; empty if one is.
    static QString channelProblem(const Database &db, const QString &channel);
};

} // namespace masir
