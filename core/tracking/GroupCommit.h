#pragma once

#include "tracking/TrackingHit.h"

#include <QList>
#include <QMutex>
#include <QWaitCondition>

#include <functional>
#include <thread>

namespace masir {

/// Hits answered at once and written together: a thread of its own takes
/// what the request threads queued and hands it to \a write at most every
/// \a windowMs (or sooner when many wait). A crash loses at most the hits of
/// one window; stop() writes what is queued.
class GroupCommit final
{
    Q_DISABLE_COPY_MOVE(GroupCommit)

public:
    using Write = std::function<bool(const QList<TrackingHit> &)>;
    GroupCommit(Write write, int windowMs = 50);
    ~GroupCommit();

    void add(TrackingHit hit);
    /// Writes what is queued and ends the thread.
    void stop();
    /// Blocks until what was queued before the call is written (tests, pulls).
    void flush();
    /// Hits lost: dropped while the store was far behind, or refused by it.
    qint64 failed() const;

    static constexpr int kMaxQueued = 100000; ///< beyond this, hits are dropped and counted

private:
    void run();

    Write m_write;
    const int m_windowMs;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    QWaitCondition m_done;
    QList<TrackingHit> m_queue;
    qint64 m_queuedTotal = 0;
    qint64 m_writtenTotal = 0;
    qint64 m_failed = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace masir
