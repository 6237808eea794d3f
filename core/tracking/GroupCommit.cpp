#include "tracking/GroupCommit.h"

#include "common/Logging.h"

#include <QDeadlineTimer>

namespace masir {

GroupCommit::GroupCommit(Write write, int windowMs)
    : m_write(std::move(write))
    , m_windowMs(windowMs)
    , m_thread([this] { run(); })
{}

GroupCommit::~GroupCommit()
{
    stop();
}

void GroupCommit::add(TrackingHit hit)
{
    const QMutexLocker lock(&m_mutex);
    if (m_queue.size() >= kMaxQueued) {
        // the store is far behind: the hit is dropped, counted, and said
        ++m_queuedTotal;
        if (m_failed++ % 10000 == 0)
            qCWarning(lcCollector) << "the store cannot keep up; dropped" << m_failed << "hits";
        return;
    }
    m_queue << std::move(hit);
    ++m_queuedTotal;
    // the first hit of a window starts its clock; a full batch goes at once
    if (m_queue.size() == 1 || m_queue.size() >= 2000)
        m_wake.wakeOne();
}

void GroupCommit::stop()
{
    {
        const QMutexLocker lock(&m_mutex);
        if (m_stopping)
            return;
        m_stopping = true;
        m_wake.wakeOne();
    }
    if (m_thread.joinable())
        m_thread.join();
}

void GroupCommit::flush()
{
    QMutexLocker lock(&m_mutex);
    const qint64 target = m_queuedTotal;
    m_wake.wakeOne();
    while (m_writtenTotal + m_failed < target && !m_stopping)
        m_done.wait(&m_mutex, 100);
}

qint64 GroupCommit::failed() const
{
    const QMutexLocker lock(&m_mutex);
    return m_failed;
}

void GroupCommit::run()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        if (m_queue.isEmpty() && !m_stopping)
            m_wake.wait(&m_mutex);
        // Let the window fill, unless many wait or we are stopping.
        const QDeadlineTimer window(m_windowMs);
        while (!m_stopping && m_queue.size() < 2000 && !window.hasExpired())
            m_wake.wait(&m_mutex, window);
        QList<TrackingHit> batch = std::exchange(m_queue, {});
        const bool stopping = m_stopping;
        lock.unlock();
        bool ok = batch.isEmpty() || m_write(batch);
        if (!ok) {
            // one more try, then the hits are counted as lost and logged
            ok = m_write(batch);
            if (!ok)
                qCWarning(lcCollector) << "lost" << batch.size() << "hits: the store refused them";
        }
        lock.relock();
        (ok ? m_writtenTotal : m_failed) += batch.size();
        m_done.wakeAll();
        if (stopping && m_queue.isEmpty())
            return;
    }
}

} // namespace masir
