#include "campaigns/CampaignActivity.h"

#include "events/EventStore.h"
#include "storage/PreparedStatement.h"
#include "storage/SqlDialect.h"
#include "storage/StatementCache.h"

#include <QVariant>

#include <algorithm>

namespace masir {

namespace {

// The order of the counters in campaign_totals (and of addToTotals()'s array).
enum Total
{
    UniqueOpens,
    Opens,
    MachineOpens,
    UniqueClicks,
    Clicks,
    MachineClicks,
    Unsubscribes,
    Complaints,
    Bounces,
    Conversions,
};

} // namespace

CampaignActivity::CampaignActivity(QSqlDatabase db)
    : m_db(std::move(db))
    , m_statements(std::make_unique<StatementCache>(m_db))
{}

CampaignActivity::~CampaignActivity() = default;

bool CampaignActivity::count(qint64 campaignId, int variant, qint64 contactId, Kind kind,
                             qint64 atMs)
{
    PreparedStatement *st = m_statements->get(
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
            "excluded.first_click_at) RETURNING opens, clicks"),
        &m_error);
    if (!st)
        return false;
    // A flag (unsubscribed, complained, bounced) counts a recipient once.
    bool wasFlagged = false;
    if (kind == Kind::Unsubscribe || kind == Kind::Complaint || kind == Kind::Bounce) {
        PreparedStatement *flags = m_statements->get(
            QStringLiteral("SELECT unsubscribed, complained, bounced FROM campaign_activity "
                           "WHERE campaign_id = ? AND contact_id = ?"),
            &m_error);
        if (!flags)
            return false;
        flags->bind(1, campaignId);
        flags->bind(2, contactId);
        const PreparedStatement::Result r = flags->step();
        if (r == PreparedStatement::Result::Error) {
            m_error = flags->errorString();
            flags->reset();
            return false;
        }
        if (r == PreparedStatement::Result::Row)
            wasFlagged = flags->columnInt64(kind == Kind::Unsubscribe ? 0
                                            : kind == Kind::Complaint ? 1
                                                                      : 2) != 0;
        flags->reset();
    }
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
    if (st->step() != PreparedStatement::Result::Row) {
        m_error = st->errorString();
        st->reset();
        return false;
    }
    // What this event adds to its variant: a first open or click of this
    // recipient is also a unique one; a flag counts once.
    const qint64 opens = st->columnInt64(0);
    const qint64 clicks = st->columnInt64(1);
    qint64 add[10] = {};
    add[UniqueOpens] = kind == Kind::Open && opens == 1;
    add[Opens] = flag(Kind::Open);
    add[MachineOpens] = flag(Kind::MachineOpen);
    add[UniqueClicks] = kind == Kind::Click && clicks == 1;
    add[Clicks] = flag(Kind::Click);
    add[MachineClicks] = flag(Kind::MachineClick);
    st->reset();
    add[Unsubscribes] = kind == Kind::Unsubscribe && !wasFlagged;
    add[Complaints] = kind == Kind::Complaint && !wasFlagged;
    add[Bounces] = kind == Kind::Bounce && !wasFlagged;
    return addToTotals(campaignId, variant, add, 0, 0);
}

bool CampaignActivity::addToTotals(qint64 campaignId, int variant, const qint64 (&c)[10],
                                   double revenue, double squares)
{
    PreparedStatement *st = m_statements->get(
        QStringLiteral(
            "INSERT INTO campaign_totals (campaign_id, variant, unique_opens, opens, "
            "machine_opens, unique_clicks, clicks, machine_clicks, unsubscribes, complaints, "
            "bounces, conversions, revenue, revenue_squares) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?) ON CONFLICT (campaign_id, variant) DO UPDATE SET "
            "unique_opens = campaign_totals.unique_opens + excluded.unique_opens, "
            "opens = campaign_totals.opens + excluded.opens, "
            "machine_opens = campaign_totals.machine_opens + excluded.machine_opens, "
            "unique_clicks = campaign_totals.unique_clicks + excluded.unique_clicks, "
            "clicks = campaign_totals.clicks + excluded.clicks, "
            "machine_clicks = campaign_totals.machine_clicks + excluded.machine_clicks, "
            "unsubscribes = campaign_totals.unsubscribes + excluded.unsubscribes, "
            "complaints = campaign_totals.complaints + excluded.complaints, "
            "bounces = campaign_totals.bounces + excluded.bounces, "
            "conversions = campaign_totals.conversions + excluded.conversions, "
            "revenue = campaign_totals.revenue + excluded.revenue, "
            "revenue_squares = campaign_totals.revenue_squares + excluded.revenue_squares"),
        &m_error);
    if (!st)
        return false;
    st->bind(1, campaignId);
    st->bind(2, qint64(variant));
    for (int i = 0; i < 10; ++i)
        st->bind(3 + i, c[i]);
    st->bind(13, QVariant(revenue));
    st->bind(14, QVariant(squares));
    if (!st->exec()) {
        m_error = st->errorString();
        return false;
    }
    return true;
}

bool CampaignActivity::engaged(qint64 campaignId, int variant, bool click, qint64 hours, int link,
                               const QString &url)
{
    PreparedStatement *st = m_statements->get(
        QStringLiteral("INSERT INTO campaign_hours (campaign_id, variant, hour, opens, clicks) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign_id, variant, hour) DO UPDATE "
                       "SET opens = campaign_hours.opens + excluded.opens, clicks = "
                       "campaign_hours.clicks + excluded.clicks"),
        &m_error);
    if (!st)
        return false;
    st->bind(1, campaignId);
    st->bind(2, qint64(variant));
    st->bind(3, std::clamp<qint64>(hours, 0, kLastHour));
    st->bind(4, qint64(click ? 0 : 1));
    st->bind(5, qint64(click ? 1 : 0));
    if (!st->exec()) {
        m_error = st->errorString();
        return false;
    }
    if (!click)
        return true;
    PreparedStatement *links = m_statements->get(
        QStringLiteral("INSERT INTO campaign_links (campaign_id, variant, link, url, clicks) "
                       "VALUES (?, ?, ?, ?, 1) ON CONFLICT (campaign_id, variant, link) DO UPDATE "
                       "SET clicks = campaign_links.clicks + 1, url = excluded.url"),
        &m_error);
    if (!links)
        return false;
    links->bind(1, campaignId);
    links->bind(2, qint64(variant));
    links->bind(3, qint64(link));
    links->bind(4, url.toUtf8());
    if (!links->exec()) {
        m_error = links->errorString();
        return false;
    }
    return true;
}

bool CampaignActivity::firstTouch(qint64 contactId, double amount, qint64 atMs, qint64 windowMs)
{
    PreparedStatement *first = m_statements->get(
        QStringLiteral("SELECT campaign_id, variant FROM outbox WHERE contact_id = ? AND %1 = "
                       "'sent' AND marketing = 1 AND sent_at <= ? AND sent_at >= ? ORDER BY "
                       "sent_at, id LIMIT 1")
            .arg(SqlDialect(m_db).notIndexed(QStringLiteral("state"))),
        &m_error);
    if (!first)
        return false;
    first->bind(1, contactId);
    first->bind(2, atMs);
    first->bind(3, atMs - windowMs);
    const PreparedStatement::Result r = first->step();
    if (r == PreparedStatement::Result::Error) {
        m_error = first->errorString();
        first->reset();
        return false;
    }
    const bool found = r == PreparedStatement::Result::Row && !first->columnIsNull(0);
    const qint64 campaignId = found ? first->columnInt64(0) : 0;
    const qint64 variant = found ? first->columnInt64(1) : 0;
    first->reset();
    if (!found)
        return true;
    PreparedStatement *st = m_statements->get(
        QStringLiteral("INSERT INTO campaign_totals (campaign_id, variant, first_conversions, "
                       "first_revenue) VALUES (?, ?, 1, ?) ON CONFLICT (campaign_id, variant) DO "
                       "UPDATE SET first_conversions = campaign_totals.first_conversions + 1, "
                       "first_revenue = campaign_totals.first_revenue + excluded.first_revenue"),
        &m_error);
    if (!st)
        return false;
    st->bind(1, campaignId);
    st->bind(2, variant);
    st->bind(3, QVariant(amount));
    if (!st->exec()) {
        m_error = st->errorString();
        return false;
    }
    return true;
}

bool CampaignActivity::attribute(qint64 atMs, const QByteArray &channel, qint64 campaignId,
                                 qint64 journeyId, double amount)
{
    PreparedStatement *st = m_statements->get(
        QStringLiteral("INSERT INTO attributed_revenue (slot, channel, campaign_id, journey_id, "
                       "conversions, revenue) VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (slot, "
                       "channel, campaign_id, journey_id) DO UPDATE SET conversions = "
                       "attributed_revenue.conversions + 1, revenue = attributed_revenue.revenue "
                       "+ excluded.revenue"),
        &m_error);
    if (!st)
        return false;
    st->bind(1, atMs / EventTally::kSlotMs);
    st->bind(2, channel);
    st->bind(3, campaignId);
    st->bind(4, journeyId);
    st->bind(5, QVariant(amount));
    if (!st->exec()) {
        m_error = st->errorString();
        return false;
    }
    return true;
}

bool CampaignActivity::purchase(qint64 contactId, double amount, qint64 atMs, qint64 windowMs)
{
    if (!firstTouch(contactId, amount, atMs, windowMs))
        return false;
    // The last marketing message the contact was sent before the purchase.
    PreparedStatement *last = m_statements->get(
        // by the contact's few messages (outbox_contact), never by every sent one
        QStringLiteral("SELECT campaign_id, variant, sent_at, journey_id, channel FROM outbox "
                       "WHERE contact_id = ? AND %1 = 'sent' AND marketing = 1 AND sent_at <= ? "
                       "ORDER BY sent_at DESC, id DESC LIMIT 1")
            .arg(SqlDialect(m_db).notIndexed(QStringLiteral("state"))),
        &m_error);
    if (!last)
        return false;
    last->bind(1, contactId);
    last->bind(2, atMs);
    const PreparedStatement::Result r = last->step();
    if (r == PreparedStatement::Result::Error) {
        m_error = last->errorString();
        last->reset();
        return false;
    }
    const bool inWindow =
        r == PreparedStatement::Result::Row && last->columnInt64(2) >= atMs - windowMs;
    const bool found = inWindow && !last->columnIsNull(0);
    const qint64 campaignId = found ? last->columnInt64(0) : 0;
    const int variant = found ? int(last->columnInt64(1)) : 0;
    const qint64 journeyId = inWindow && !last->columnIsNull(3) ? last->columnInt64(3) : 0;
    const QByteArray channel = inWindow ? last->columnBytes(4).toByteArray() : QByteArray();
    last->reset();
    if (!attribute(atMs, channel, campaignId, journeyId, amount))
        return false;
    if (!found)
        return true;
    PreparedStatement *st = m_statements->get(
        QStringLiteral("INSERT INTO campaign_activity (campaign_id, contact_id, variant, "
                       "conversions, revenue) VALUES (?, ?, ?, 1, ?) ON CONFLICT (campaign_id, "
                       "contact_id) DO UPDATE SET conversions = campaign_activity.conversions + "
                       "1, revenue = campaign_activity.revenue + excluded.revenue RETURNING "
                       "revenue"),
        &m_error);
    if (!st)
        return false;
    st->bind(1, campaignId);
    st->bind(2, contactId);
    st->bind(3, qint64(variant));
    st->bind(4, QVariant(amount));
    if (st->step() != PreparedStatement::Result::Row) {
        m_error = st->errorString();
        st->reset();
        return false;
    }
    // The variance of revenue per recipient needs the sum of its squares:
    // this recipient's square grows from (total - amount)² to total².
    const double total = st->value(0).toDouble();
    st->reset();
    const double before = total - amount;
    qint64 add[10] = {};
    add[Conversions] = 1;
    return addToTotals(campaignId, variant, add, amount, total * total - before * before);
}

} // namespace masir
