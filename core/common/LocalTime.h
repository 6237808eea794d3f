#pragma once

#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace masir::LocalTime {

// Times of day in a contact's own time zone: quiet hours and business hours,
// shared by the journey engine and the outbox sender.

/// "21:30" as a time; invalid when it is not HH:mm.
inline QTime parse(const QString &text)
{
    return QTime::fromString(text, QStringLiteral("HH:mm"));
}

/// An IANA zone ("Asia/Tehran"), or the machine's when it is empty or unknown.
inline QTimeZone zoneOf(const QString &iana)
{
    if (!iana.isEmpty()) {
        const QTimeZone z(iana.toUtf8());
        if (z.isValid())
            return z;
    }
    return QTimeZone::systemTimeZone();
}

/// Whether \a local falls in [from, to), a window that may wrap past midnight.
inline bool inWindow(QTime local, QTime from, QTime to)
{
    if (from <= to)
        return local >= from && local < to;
    return local >= from || local < to;
}

/// When quiet hours [\a from, \a to) end, if \a nowMs falls in them in \a timezone;
/// nullopt when it does not, or when the window is not set.
inline std::optional<qint64> endOfQuietHours(qint64 nowMs, const QString &timezone,
                                             const QString &from, const QString &to)
{
    const QTime qFrom = parse(from);
    const QTime qTo = parse(to);
    if (!qFrom.isValid() || !qTo.isValid() || qFrom == qTo)
        return std::nullopt;
    const QTimeZone zone = zoneOf(timezone);
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(nowMs, zone);
    if (!inWindow(local.time(), qFrom, qTo))
        return std::nullopt;
    QDateTime end(local.date(), qTo, zone);
    if (end.toMSecsSinceEpoch() <= nowMs)
        end = QDateTime(local.date().addDays(1), qTo, zone);
    return end.toMSecsSinceEpoch();
}

} // namespace masir::LocalTime
