#include "campaigns/CampaignActivity.h"

#include "storage/Database.h"
#include "storage/SqliteStatement.h"
#include "storage/StatementCache.h"

namespace masir {

CampaignActivity::CampaignActivity(const Database &db)
    : m_db(db)
{}

CampaignActivity::~CampaignActivity() = default;

bool CampaignActivity::count(qint64 campaignId, int variant, qint64 contactId, Kind kind,
                             qint64 atMs)
{
    if (!m_statements)
        m_statements = std::make_unique<StatementCache>(m_db.connection());
    SqliteStatement *st = m_statements->get(
        QStringLiteral(
            "INSERT INTO campaign_activity (campaign_id, contact_id, variant, opens, "
            "machine_opens, clicks, machine_clicks, unsubscribed, complained, bounced, "
            "first_open_at, first_click_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (campaign_id, contact_id) DO UPDATE SET "
            "opens = campaign_activity.opens + excluded.opens, "
            "machine_opens = campaign_activity.machine_opens + excluded.machine_opens, "
            "clicks = campaign_activity.clicks + excluded.clicks, "
            "machine_clicks = campaign_activity.machine_clicks + excluded.machine_clicks, "
            "unsubscribed = campaign_activity.unsubscribed | excluded.unsubscribed, "
            "complained = campaign_activity.complained | excluded.complained, "
            "bounced = campaign_activity.bounced | excluded.bounced, "
            "first_open_at = COALESCE(campaign_activity.first_open_at, excluded.first_open_at), "
            "first_click_at = COALESCE(campaign_activity.first_click_at, "
            "excluded.first_click_at)"),
        &m_error);
    if (!st)
        return false;
    const auto flag = [&](Kind k) { return qint64(kind == k ? 1 : 0); };
    st->bind(1, campaignId);
    st->bind(2, contactId);
    st->bind(3, qint64(variant));
    st->bind(4, flag(Kind::Open));
    st->bind(5, flag(Kind::MachineOpen));
    st->bind(6, flag(Kind::Click));
    st->bind(7, flag(Kind::MachineClick));
    st->bind(8, flag(Kind::Unsubscribe));
    st->bind(9, flag(Kind::Complaint));
    st->bind(10, flag(Kind::Bounce));
    if (kind == Kind::Open)
        st->bind(11, atMs);
    else
        st->bindNull(11);
    if (kind == Kind::Click)
        st->bind(12, atMs);
    else
        st->bindNull(12);
    if (!st->exec()) {
        m_error = st->errorString();
        return false;
    }
    return true;
}

} // namespace masir
