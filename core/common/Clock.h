#pragma once

#include <QDateTime>

#include <atomic>

namespace masir {

/// What time it is, for everything that schedules: the journey engine, the
/// worker, the simulator. Tests and the simulator move a ManualClock instead
/// of waiting.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    qint64 nowMs() const { return now().toMSecsSinceEpoch(); }
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

/// A clock that only moves when told to; safe to read from another thread.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &start)
        : m_ms(start.toMSecsSinceEpoch())
    {}
    QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_ms.load(), Qt::UTC); }
    void set(const QDateTime &t) { m_ms = t.toMSecsSinceEpoch(); }
    void advance(qint64 ms) { m_ms += ms; }

private:
    std::atomic<qint64> m_ms;
};

} // namespace masir
