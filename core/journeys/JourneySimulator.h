#pragma once

#include "journeys/JourneyGraph.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// Runs a journey for chosen contacts on a virtual clock, with no real sends,
/// and tells what would happen: each contact's path and the messages queued.
///
/// The run happens in a scratch workspace in a temporary folder: the journey,
/// the chosen contacts with their tags, fields and history are copied there,
/// the engine runs with a clock that jumps from one due step to the next, and
/// the scratch file is deleted. The real workspace is only read.
class JourneySimulator final
{
    Q_DECLARE_TR_FUNCTIONS(masir::JourneySimulator)

public:
    struct Step
    {
        QDateTime at;
        QString nodeId;
        QString nodeType;
        QString port;    ///< where the contact went on
        QString outcome; ///< "skipped: ..." when a step did nothing
    };
    struct Message
    {
        QDateTime at;
        QString channel;
        QString templateKey;
        QString to;
        QString problem; ///< why it would not go out after all (no such template), or empty
    };
    struct ContactRun
    {
        qint64 contactId = 0;
        QString name;
        QList<Step> path;
        QList<Message> messages;
        QString state; ///< active (still waiting at the horizon), completed, exited
        QString exitReason;
    };

    explicit JourneySimulator(const Database &db);

    /// Simulates \a journeyId (its saved graph, even if never started) for
    /// \a contactIds from \a start for \a days.
    std::optional<QList<ContactRun>> run(qint64 journeyId, const QList<qint64> &contactIds,
                                         const QDateTime &start, int days = 60);

    /// What stops the journey starting in the real workspace (a template,
    /// segment, field or journey its nodes name that does not exist), found
    /// by the last run().
    QList<JourneyIssue> problems() const { return m_problems; }
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    QList<JourneyIssue> m_problems;
    QString m_error;
};

} // namespace masir
