#include "journeys/Enroller.h"

#include "common/Logging.h"
#include "journeys/JourneyRepository.h"
#include "storage/Database.h"
#include "storage/StatementCache.h"

namespace masir {

namespace {
constexpr qint64 kDayMs = 86400000;
} // namespace

Enroller::Enroller(const Database &db)
    : m_db(db)
{}

Enroller::~Enroller() = default;

std::optional<qint64> Enroller::enrol(const Journey &journey, const QString &nodeId,
                                      qint64 contactId, qint64 now)
{
    // Prepared once: enrolling a large list runs these per contact.
    if (!m_statements)
        m_statements = std::make_unique<StatementCache>(m_db.connection());
    static const QString guard =
        QStringLiteral("SELECT 1 FROM enrollments WHERE journey_id = ? AND contact_id = ?");
    static const QString tails[] = {QString(), QStringLiteral(" AND state = 'active'"),
                                    QStringLiteral(" AND (state = 'active' OR entered_at > ?)")};
    PreparedStatement *check = m_statements->get(
        guard + tails[int(journey.policy.entry)] + QStringLiteral(" LIMIT 1"), &m_error);
    if (!check)
        return std::nullopt;
    check->bind(1, journey.id);
    check->bind(2, contactId);
    if (journey.policy.entry == JourneyPolicy::Entry::Period)
        check->bind(3, now - qint64(std::max(journey.policy.periodDays, 0)) * kDayMs);
    const PreparedStatement::Result seen = check->step();
    if (seen == PreparedStatement::Result::Error)
        m_error = check->errorString();
    check->reset();
    if (seen == PreparedStatement::Result::Error)
        return std::nullopt;
    if (seen == PreparedStatement::Result::Row)
        return 0; // the policy says not again
    PreparedStatement *insert = m_statements->get(
        QStringLiteral("INSERT INTO enrollments (journey_id, version, contact_id, node_id, "
                       "node_since, due_at, entered_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
        &m_error);
    if (!insert)
        return std::nullopt;
    insert->bind(1, journey.id);
    insert->bind(2, qint64(journey.version));
    insert->bind(3, contactId);
    insert->bind(4, nodeId.toUtf8());
    for (int i = 5; i <= 8; ++i)
        insert->bind(i, now);
    if (!insert->exec()) {
        m_error = insert->errorString();
        qCWarning(lcJourneys) << "cannot enrol contact" << contactId << "in journey" << journey.id
                              << m_error;
        return std::nullopt;
    }
    // Another writer enrolled them since the check (on a server, a worker
    // beside this one): the index allows one active enrolment, and that one stands.
    return insert->changes() > 0 ? 1 : 0;
}

} // namespace masir
