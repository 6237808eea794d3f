#include "common/BackgroundTasks.h"

namespace masir {

BackgroundTasks::BackgroundTasks(QObject *owner, int threads)
    : QObject(owner)
{
    m_pool.setMaxThreadCount(std::max(1, threads));
    m_pool.setObjectName(QStringLiteral("masir-background"));
}

BackgroundTasks::~BackgroundTasks()
{
    // Work still running stops early if it can; what it posts is dropped with
    // this object.
    m_stopping = true;
    m_pool.waitForDone();
}

void BackgroundTasks::waitForDone()
{
    m_pool.waitForDone();
}

void BackgroundTasks::post(std::function<void()> f)
{
    QMetaObject::invokeMethod(
        this,
        [this, f = std::move(f)] {
            if (!m_stopping)
                f();
        },
        Qt::QueuedConnection);
}

void BackgroundTasks::finished()
{
    if (--m_running == 0)
        Q_EMIT idle();
}

} // namespace masir
