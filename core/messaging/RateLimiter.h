#pragma once

#include "messaging/ChannelAccounts.h"

#include <QList>
#include <QtGlobal>

#include <deque>

namespace masir {

/// Limits one account to N sends a second, an hour and a day.
///
/// The per-second limit paces sends evenly (one every 1000/N ms), and
/// a send starts only when the Nth one before it *finished* more than a second
/// ago: a message arrives between its start and its end, so however the network
/// bunches them, no one-second window at the server holds more than N. Hours and
/// days are sliding windows.
class RateLimiter final
{
public:
    explicit RateLimiter(const RateLimits &limits = {});
    void setLimits(const RateLimits &limits);
    const RateLimits &limits() const { return m_limits; }

    /// Sends already made (from the outbox), so a restart keeps counting.
    void seed(const QList<qint64> &sentAtMs);
    /// When the next send may start: \a nowMs or later.
    qint64 nextAllowedAt(qint64 nowMs) const;
    bool allows(qint64 nowMs) const { return nextAllowedAt(nowMs) <= nowMs; }
    void record(qint64 nowMs);
    /// The send that started at \a startMs has ended (sent or not).
    void finish(qint64 startMs, qint64 endMs);
    qint64 spacingMs() const;

private:
    void prune(qint64 nowMs) const;

    struct Send
    {
        qint64 start;
        qint64 end; ///< -1 while it is on the wire
    };
    RateLimits m_limits;
    std::deque<Send> m_lastSecond; ///< the last perSecond sends
    qint64 m_lastStart = std::numeric_limits<qint64>::min() / 2;
    mutable std::deque<qint64> m_day; ///< send times in the last 24 hours, oldest first
    mutable std::deque<qint64> m_hour;
};

} // namespace masir
