#pragma once

#include "journeys/JourneyGraph.h"
#include "journeys/JourneyRepository.h"
#include "journeys/NodeTypes.h"
#include "segments/SegmentCompiler.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

namespace masir {

class Clock;
class Database;

/// One version of a journey, ready to run: its graph, each node's type, its
/// goals, and its condition and goal rules compiled to SQL.
struct CompiledJourney
{
    Journey journey; ///< name, policy, status as read
    int version = 0;
    JourneyGraph graph;
    QStringList goals;
    QHash<QString, const NodeType *> types;
    QHash<QString, CompiledSegment> rules; ///< by node, for the run's "now"

    const NodeType *type(const QString &nodeId) const { return types.value(nodeId); }
    /// Where a contact enrolled by hand or by another journey enters: the
    /// manual trigger, else the first trigger; "" when there is none.
    QString entryNode() const;
};

/// The journeys the engine runs, compiled once per version and kept for the
/// run (policies and versions may change between runs: clear() then).
class CompiledJourneys final
{
    Q_DECLARE_TR_FUNCTIONS(masir::JourneyEngine)
    Q_DISABLE_COPY_MOVE(CompiledJourneys)

public:
    CompiledJourneys(const Database &db, const Clock &clock);
    ~CompiledJourneys();

    /// nullptr with errorString() when the version is missing or broken.
    const CompiledJourney *get(qint64 journeyId, int version);
    /// The running version of the active journey called \a name, or nullptr.
    const CompiledJourney *running(const QString &name);
    void clear();
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    const Clock &m_clock;
    QHash<QString, std::shared_ptr<CompiledJourney>> m_journeys; ///< by "journey:version"
    QString m_error;
};

} // namespace masir
