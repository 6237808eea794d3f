#include "journeys/Enroller.h"

#include "common/Logging.h"
#include "journeys/JourneyRepository.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

namespace masir {

namespace {
constexpr qint64 kDayMs = 86400000;
} // namespace

struct Enroller::Queries
{
    QSqlQuery guards[3]; ///< by JourneyPolicy::Entry
    QSqlQuery insert;
};

Enroller::Enroller(const Database &db)
    : m_db(db)
{}

Enroller::~Enroller() = default;

std::optional<qint64> Enroller::enrol(const Journey &journey, const QString &nodeId,
                                      qint64 contactId, qint64 now)
{
    // Prepared once: enrolling a large list runs these per contact.
    if (!m_queries) {
        m_queries = std::make_unique<Queries>();
        const QString guard =
            QStringLiteral("SELECT 1 FROM enrollments WHERE journey_id = ? AND contact_id = ?");
        const QString tails[] = {QString(), QStringLiteral(" AND state = 'active'"),
                                 QStringLiteral(" AND (state = 'active' OR entered_at > ?)")};
        for (int i = 0; i < 3; ++i) {
            m_queries->guards[i] = QSqlQuery(m_db.connection());
            m_queries->guards[i].prepare(guard + tails[i] + QStringLiteral(" LIMIT 1"));
        }
        m_queries->insert = QSqlQuery(m_db.connection());
        m_queries->insert.prepare(
            QStringLiteral("INSERT INTO enrollments (journey_id, version, contact_id, node_id, "
                           "node_since, due_at, entered_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    }
    QSqlQuery &guard = m_queries->guards[int(journey.policy.entry)];
    QVariantList binds{journey.id, contactId};
    if (journey.policy.entry == JourneyPolicy::Entry::Period)
        binds << now - qint64(std::max(journey.policy.periodDays, 0)) * kDayMs;
    if (!Sql::execPrepared(lcJourneys(), guard, binds, &m_error))
        return std::nullopt;
    const bool again = guard.next();
    guard.finish();
    if (again)
        return 0; // the policy says not again
    if (!Sql::execPrepared(lcJourneys(), m_queries->insert,
                           {journey.id, journey.version, contactId, nodeId, now, now, now, now},
                           &m_error))
        return std::nullopt;
    return 1;
}

} // namespace masir
