#include "segments/SegmentLiveCount.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace masir {

SegmentLiveCount::SegmentLiveCount(const Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(350); // the user has paused: a count per keystroke is waste
    connect(&m_timer, &QTimer::timeout, this, &SegmentLiveCount::run);
    m_pool.setMaxThreadCount(1);
}

SegmentLiveCount::~SegmentLiveCount()
{
    ++*m_generation; // a count still running is not wanted any more
    m_pool.waitForDone();
}

void SegmentLiveCount::request(const SegmentRule &rule)
{
    m_rule = rule;
    ++*m_generation;
    m_timer.start();
}

void SegmentLiveCount::requestNow(const SegmentRule &rule)
{
    m_rule = rule;
    m_timer.stop();
    run();
}

void SegmentLiveCount::run()
{
    const quint64 generation = ++*m_generation;
    const auto current = m_generation;
    m_busy = true;
    Q_EMIT started();
    const Database *db = &m_db;
    const SegmentRule rule = m_rule;
    const int previewSize = m_previewSize;
    QPointer<SegmentLiveCount> self(this);
    (void)QtConcurrent::run(&m_pool, [db, rule, previewSize, generation, current, self] {
        if (*current != generation)
            return; // edited again before this one started
        QElapsedTimer timer;
        timer.start();
        SegmentRepository repo(*db);
        const CompiledSegment compiled = repo.compile(rule);
        QList<SegmentError> errors = compiled.errors;
        qint64 count = 0;
        QList<SegmentPreviewRow> preview;
        if (errors.isEmpty()) {
            const auto n = repo.count(rule);
            if (n) {
                count = *n;
                if (*current == generation)
                    preview = repo.preview(rule, previewSize);
            } else {
                errors << SegmentError{QString(), repo.errorString()};
            }
        }
        const qint64 elapsed = timer.elapsed();
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, errors, count, preview, elapsed] {
                if (!self || *self->m_generation != generation)
                    return;
                self->m_busy = false;
                if (errors.isEmpty())
                    Q_EMIT self->counted(count, preview, elapsed);
                else
                    Q_EMIT self->failed(errors);
            },
            Qt::QueuedConnection);
    });
}

} // namespace masir
