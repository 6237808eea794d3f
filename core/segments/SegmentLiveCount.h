#pragma once

#include "segments/SegmentRepository.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace masir {

/// Counts a rule while the user edits it: each change restarts a short timer;
/// when the user pauses, the count and a preview run on a background thread
/// with their own connection. Only the newest request's answer is delivered.
class SegmentLiveCount final : public QObject
{
    Q_OBJECT

public:
    explicit SegmentLiveCount(const Database &db, QObject *parent = nullptr);
    ~SegmentLiveCount() override;

    /// Counts \a rule after the debounce delay (the previous request is dropped).
    void request(const SegmentRule &rule);
    /// Counts at once, skipping the delay (after loading a saved segment).
    void requestNow(const SegmentRule &rule);
    void setDelay(int ms) { m_timer.setInterval(ms); }
    void setPreviewSize(int rows) { m_previewSize = rows; }
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void started();
    /// The number of matching contacts and the first of them.
    void counted(qint64 count, const QList<masir::SegmentPreviewRow> &preview, qint64 elapsedMs);
    /// The rule does not compile: one error per condition (by path), or a
    /// database error with an empty path.
    void failed(const QList<masir::SegmentError> &errors);

private:
    void run();

    const Database &m_db;
    QTimer m_timer;
    SegmentRule m_rule;
    int m_previewSize = 20;
    bool m_busy = false;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<quint64>> m_generation = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace masir
