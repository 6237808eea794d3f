#include "campaigns/BestSendTime.h"

#include "common/Clock.h"
#include "common/Logging.h"
#include "i18n/Formatter.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"

#include <QLocale>
#include <QSqlQuery>

namespace masir {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
// 1970-01-01 was a Thursday: its midnight is hour 72 of its week.
constexpr qint64 kEpochHourOfWeek = 72;
const QString kHourOfWeek =
    QStringLiteral("((occurred_at / 3600000 + 72) % 168)"); // kEpochHourOfWeek
const QString kPeopleOnly = QStringLiteral("type IN ('email_opened', 'email_clicked', "
                                           "'sms_clicked') AND occurred_at >= ?");

} // namespace

BestSendTime::BestSendTime(const Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

int BestSendTime::hourOfWeek(qint64 ms)
{
    return int((ms / kHourMs + kEpochHourOfWeek) % 168);
}

qint64 BestSendTime::nextHourOfDay(int hourOfWeek, qint64 fromMs)
{
    const qint64 firstHour = (fromMs + kHourMs - 1) / kHourMs; // the next whole hour
    const int wanted = hourOfWeek % 24;
    const int at = int(firstHour % 24);
    return (firstHour + (wanted - at + 24) % 24) * kHourMs;
}

QString BestSendTime::describe(int hourOfWeek, const QTimeZone &zone)
{
    // A Monday 00:00 UTC, moved on by the hour of the week, seen in the zone.
    const QDateTime utc =
        QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(hourOfWeek) * 3600);
    const QDateTime local = utc.toTimeZone(zone);
    QLocale locale;
    return tr("%1 %2", "day of the week, time")
        .arg(locale.dayName(local.date().dayOfWeek()), Formatter::time(local.time()));
}

bool BestSendTime::isDue() const
{
    const qint64 at =
        WorkspaceSettings(m_db).value(WorkspaceSettings::Key::BestHoursAt).toLongLong();
    return m_clock.nowMs() - at >= kRefreshMs;
}

std::optional<qint64> BestSendTime::refresh()
{
    const qint64 now = m_clock.nowMs();
    const qint64 since = now - kHistoryMs;
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcCampaigns(), q, QStringLiteral("DELETE FROM contact_send_hours"), {},
                   &m_error))
        return std::nullopt;
    // Per contact, the hour with the most activity (the earliest in the week on a tie).
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("INSERT INTO contact_send_hours (contact_id, hour_of_week, "
                                  "activity) SELECT contact_id, how, n FROM (SELECT contact_id, "
                                  "how, n, ROW_NUMBER() OVER (PARTITION BY contact_id ORDER BY n "
                                  "DESC, how) AS pick FROM (SELECT contact_id, %1 AS how, "
                                  "count(*) AS n FROM events WHERE %2 GROUP BY contact_id, how) "
                                  "AS hours) AS ranked WHERE pick = 1 ORDER BY contact_id")
                       .arg(kHourOfWeek, kPeopleOnly),
                   {since}, &m_error))
        return std::nullopt;
    const qint64 contacts = q.numRowsAffected();
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("SELECT %1 AS how, count(*) AS n FROM events WHERE %2 GROUP BY "
                                  "how ORDER BY n DESC, how LIMIT 1")
                       .arg(kHourOfWeek, kPeopleOnly),
                   {since}, &m_error))
        return std::nullopt;
    const int workspace = q.next() ? q.value(0).toInt() : -1;
    q.finish();
    WorkspaceSettings settings(m_db);
    if (!settings.setValue(WorkspaceSettings::Key::WorkspaceBestHour, workspace) ||
        !settings.setValue(WorkspaceSettings::Key::BestHoursAt, now)) {
        m_error = tr("Cannot save when the best hours were computed.");
        return std::nullopt;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    qCInfo(lcCampaigns) << "best hours to send computed for" << contacts << "contacts";
    return contacts;
}

std::optional<int> BestSendTime::ofContact(qint64 contactId) const
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(
            lcCampaigns(), q,
            QStringLiteral("SELECT hour_of_week FROM contact_send_hours WHERE contact_id = ?"),
            {contactId}, &m_error) ||
        !q.next())
        return std::nullopt;
    return q.value(0).toInt();
}

std::optional<int> BestSendTime::ofWorkspace() const
{
    const int h = WorkspaceSettings(m_db).value(WorkspaceSettings::Key::WorkspaceBestHour).toInt();
    return h >= 0 ? std::optional<int>(h) : std::nullopt;
}

} // namespace masir
