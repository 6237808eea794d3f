#pragma once

#include "messaging/ChannelAccounts.h"

#include <QList>
#include <QtGlobal>

#include <deque>

namespace masir {

/// Limits one account to N sends a second, an hour and a day.
///
/// The per-second limit paces sends evenly (one every 1000/N ms, plus 1 ms), so
/// that no one-second window ever holds more than N sends even when the network
/// bunches them a little; hours and days are sliding windows.
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
    qint64 spacingMs() const;

private:
    void prune(qint64 nowMs) const;

    RateLimits m_limits;
    qint64 m_lastStart = std::numeric_limits<qint64>::min() / 2;
    mutable std::deque<qint64> m_day; ///< send times in the last 24 hours, oldest first
    mutable std::deque<qint64> m_hour;
};

} // namespace masir
