#pragma once

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>

namespace masir {

/// The one way Masir runs work off the UI thread (as KeePassXC's AsyncTask):
/// run() does work on threads of its own and hands the result back to the
/// thread the object lives in, to its owner (a page, a dialog, a model) only
/// while the owner lives. Its threads end with it: the destructor says
/// stopping() and waits for what still runs, so no work outlives its page,
/// nor the workspace it reads (each thread's connection is closed when the
/// thread ends). With a \a latest key, only the newest request delivers.
///
/// Work must not touch its owner: it gets values, returns a value, and may
/// post() progress.
class BackgroundTasks final : public QObject
{
    Q_OBJECT

public:
    /// A child of \a owner, with at most \a threads threads at once.
    explicit BackgroundTasks(QObject *owner, int threads = 1);
    ~BackgroundTasks() override;

    /// Runs \a work() off the UI thread, then \a done(result) on it. With a
    /// \a latest key, only the newest request of that key delivers: what an
    /// older one returns is dropped (a count the user has typed past).
    template<typename Work, typename Done>
    void run(Work work, Done done, const QString &latest = QString());

    /// From inside work: runs \a f on the UI thread (progress), unless the
    /// owner has gone meanwhile.
    void post(std::function<void()> f);

    /// Set when the owner goes: long work checks it and stops early.
    const std::atomic<bool> *stopping() const { return &m_stopping; }
    bool isBusy() const { return m_running > 0; }
    /// Waits until no work runs (what it returned is delivered as usual, later).
    void waitForDone();

Q_SIGNALS:
    /// The last piece of work has delivered; nothing runs.
    void idle();

private:
    void finished();

    QThreadPool m_pool;
    std::atomic<bool> m_stopping{false};
    int m_running = 0;
    QHash<QString, quint64> m_latest;
};

template<typename Work, typename Done>
void BackgroundTasks::run(Work work, Done done, const QString &latest)
{
    using Result = std::invoke_result_t<Work &>;
    const quint64 ticket = latest.isEmpty() ? 0 : ++m_latest[latest];
    ++m_running;
    auto deliver = std::make_shared<Done>(std::move(done));
    m_pool.start([this, work = std::move(work), deliver, latest, ticket]() mutable {
        auto result = std::make_shared<Result>(work());
        // "this" lives until every thread of its pool has returned: see the destructor
        QMetaObject::invokeMethod(
            this,
            [this, deliver, result, latest, ticket] {
                finished();
                if (!latest.isEmpty() && m_latest.value(latest) != ticket)
                    return;
                (*deliver)(std::move(*result));
            },
            Qt::QueuedConnection);
    });
}

} // namespace masir
