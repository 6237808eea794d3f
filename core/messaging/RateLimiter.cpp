#include "messaging/RateLimiter.h"

#include <algorithm>

namespace masir {

namespace {
constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;
} // namespace

RateLimiter::RateLimiter(const RateLimits &limits)
    : m_limits(limits)
{}

void RateLimiter::setLimits(const RateLimits &limits)
{
    m_limits = limits;
}

qint64 RateLimiter::spacingMs() const
{
    if (m_limits.perSecond <= 0)
        return 0;
    return (1000 + m_limits.perSecond - 1) / m_limits.perSecond;
}

void RateLimiter::seed(const QList<qint64> &sentAtMs)
{
    QList<qint64> sorted = sentAtMs;
    std::sort(sorted.begin(), sorted.end());
    for (const qint64 t : sorted) {
        if (m_limits.perSecond > 0) {
            m_lastSecond.push_back({t, t});
            if (qsizetype(m_lastSecond.size()) > m_limits.perSecond)
                m_lastSecond.pop_front();
        }
        m_day.push_back(t);
        m_hour.push_back(t);
        m_lastStart = std::max(m_lastStart, t);
    }
}

void RateLimiter::prune(qint64 nowMs) const
{
    while (!m_day.empty() && m_day.front() <= nowMs - kDay)
        m_day.pop_front();
    while (!m_hour.empty() && m_hour.front() <= nowMs - kHour)
        m_hour.pop_front();
}

qint64 RateLimiter::nextAllowedAt(qint64 nowMs) const
{
    prune(nowMs);
    qint64 at = nowMs;
    if (m_limits.perSecond > 0) {
        at = std::max(at, m_lastStart + spacingMs());
        if (qsizetype(m_lastSecond.size()) >= m_limits.perSecond) {
            const Send &oldest = m_lastSecond.front();
            // Still on the wire: ask again when it has had a second to finish.
            at = std::max(at, oldest.end < 0 ? nowMs + 1000 : oldest.end + 1001);
        }
    }
    if (m_limits.perHour > 0 && qsizetype(m_hour.size()) >= m_limits.perHour)
        at = std::max(at, m_hour.at(m_hour.size() - size_t(m_limits.perHour)) + kHour);
    if (m_limits.perDay > 0 && qsizetype(m_day.size()) >= m_limits.perDay)
        at = std::max(at, m_day.at(m_day.size() - size_t(m_limits.perDay)) + kDay);
    return at;
}

void RateLimiter::record(qint64 nowMs)
{
    m_lastStart = nowMs;
    if (m_limits.perSecond > 0) {
        m_lastSecond.push_back({nowMs, -1});
        if (qsizetype(m_lastSecond.size()) > m_limits.perSecond)
            m_lastSecond.pop_front();
    }
    if (m_limits.perDay > 0)
        m_day.push_back(nowMs);
    if (m_limits.perHour > 0)
        m_hour.push_back(nowMs);
}

void RateLimiter::finish(qint64 startMs, qint64 endMs)
{
    for (Send &s : m_lastSecond) {
        if (s.start == startMs && s.end < 0) {
            s.end = endMs;
            return;
        }
    }
}

} // namespace masir
