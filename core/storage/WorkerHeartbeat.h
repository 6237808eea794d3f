#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QThread;

namespace masir {

class Database;

/// One background worker of a workspace, as its heartbeat row says.
struct WorkerBeat
{
    QString id;
    QString program; ///< "masir-cli", "masir"
    QString host;
    qint64 pid = 0;
    qint64 lockPid = 0; ///< on a server: the server process holding its sender lock
    QString state;      ///< starting, sending, standby, paused, off, error
    QString detail;     ///< what it last said: who sends instead, an error
    qint64 startedAt = 0;
    qint64 heartbeatAt = 0;
    qint64 silentMs = 0; ///< since its last beat, by the database's clock
};

/// This process's row in `workers`, and the only writer of that table: what
/// its worker does (sending, standby, paused, off, error), written every few
/// seconds from a thread and a connection of its own. The beats go on through a
/// long cycle, and stop only when the process is stopped (SIGSTOP) or gone: a
/// standby judges a silent sender by them (OutboxSender's lease). The row is
/// removed when the worker stops; rows silent for a week are cleared.
class WorkerHeartbeat final
{
    Q_DECLARE_TR_FUNCTIONS(masir::WorkerHeartbeat)
    Q_DISABLE_COPY_MOVE(WorkerHeartbeat)

public:
    enum class State
    {
        Starting,
        Sending,
        Standby,
        Paused,
        Off,
        Error,
    };
    static constexpr int kBeatMs = 5000;

    explicit WorkerHeartbeat(const Database &db, int beatMs = kBeatMs);
    /// Stops the beats and removes the row.
    ~WorkerHeartbeat();

    /// What the worker does now; written at once when it changed, else at the next beat.
    void set(State state, const QString &detail = QString(), qint64 lockPid = 0);
    QString id() const;

    /// The workspace's workers, the latest beat first.
    static std::optional<QList<WorkerBeat>> list(const Database &db, QString *error);
    /// Whether the sender whose lock is held by server process \a lockPid,
    /// in a session that began at \a sinceMs, has been silent for longer than
    /// \a leaseMs. False when no beat of that session is known: a holder that
    /// never beat is never judged.
    static std::optional<bool> isSilent(const Database &db, qint64 lockPid, qint64 sinceMs,
                                        qint64 leaseMs, QString *error);
    /// A state's words, for a person.
    static QString describe(const WorkerBeat &beat);

private:
    class Beats;
    std::unique_ptr<Beats> m_beats;
};

} // namespace masir
