#pragma once

#include <QCoreApplication>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace masir {

class Clock;
class Database;

/// Each contact's best hour to send: the hour of the week at which they have
/// opened or clicked most in the last 180 days (people only, never machines),
/// kept in contact_send_hours (its one writer) and refreshed by the worker once
/// a day; and the workspace's, for contacts with no history. Hours of the week
/// are in UTC, 0 being Monday 00:00, so a habit survives a change of zone.
class BestSendTime final
{
    Q_DECLARE_TR_FUNCTIONS(masir::BestSendTime)

public:
    static constexpr qint64 kRefreshMs = 24 * 3600 * 1000LL;
    static constexpr qint64 kHistoryMs = 180 * 24 * 3600 * 1000LL;
    static constexpr int kFallbackLocalHour = 10; ///< no history anywhere: 10:00 in their zone

    BestSendTime(const Database &db, const Clock &clock);

    /// Refreshed more than a day ago (or never).
    bool isDue() const;
    /// Computes every contact's best hour again; how many have one, or nullopt
    /// with errorString().
    std::optional<qint64> refresh();
    /// The contact's best hour of the week, or nullopt when it has no history.
    std::optional<int> ofContact(qint64 contactId) const;
    /// The workspace's best hour of the week, or nullopt.
    std::optional<int> ofWorkspace() const;

    /// The hour of the week (UTC, 0: Monday 00:00) of a moment.
    static int hourOfWeek(qint64 ms);
    /// The first start of \a hourOfWeek's hour of the day at or after \a fromMs:
    /// within the next 24 hours.
    static qint64 nextHourOfDay(int hourOfWeek, qint64 fromMs);
    /// "Tuesday 09:00" in \a zone, in the UI language.
    static QString describe(int hourOfWeek, const QTimeZone &zone);

    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    const Clock &m_clock;
    mutable QString m_error;
};

} // namespace masir
