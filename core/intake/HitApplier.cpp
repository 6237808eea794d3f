#include "intake/HitApplier.h"

#include "campaigns/CampaignActivity.h"

#include "common/Logging.h"
#include "events/EventStore.h"
#include "intake/EventIntake.h"
#include "messaging/Outbox.h"
#include "messaging/UnsubscribeTokens.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/StatementCache.h"
#include "storage/Transaction.h"
#include "tracking/MachineRules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace masir {

namespace {

constexpr qint64 kKeepHitsMs = 30LL * 86400000; // raw hits, once applied
constexpr int kForgetAtOnce = 50000;            // more than a cycle applies, mostly

} // namespace

void HitStats::add(const HitStats &o)
{
    hits += o.hits;
    opens += o.opens;
    clicks += o.clicks;
    machine += o.machine;
    unsubscribes += o.unsubscribes;
    preferences += o.preferences;
    ignored += o.ignored;
}

HitApplier::HitApplier(const Database &db)
    : m_db(db)
{}

HitApplier::~HitApplier() = default;

std::optional<HitStats> HitApplier::applyWaiting(qint64 untilAtMs, int batchSize)
{
    HitStats total;
    const ScopedCacheSize cache(m_db.connection(), kCacheKiB);
    for (;;) {
        HitStats stats;
        const auto more = applyBatch(untilAtMs, batchSize, stats);
        if (!more)
            return std::nullopt;
        total.add(stats);
        if (!*more)
            break;
    }
    if (total.hits && !forgetOldHits())
        return std::nullopt;
    if (total.hits)
        qCInfo(lcTracking) << "applied" << total.hits << "hits:" << total.opens << "opens,"
                           << total.clicks << "clicks," << total.machine << "by machines,"
                           << total.unsubscribes << "unsubscribes," << total.preferences
                           << "preference changes," << total.ignored << "ignored";
    return total;
}

std::optional<bool> HitApplier::applyBatch(qint64 untilAtMs, int batchSize, HitStats &stats)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    // What was read of messages before this transaction may be stale (a
    // contact deleted meanwhile).
    m_messages.clear();
    // Read inside the write transaction: two appliers (the worker, and the
    // app's server answering an unsubscribe) never apply the same hits.
    const qint64 after =
        WorkspaceSettings(m_db).value(WorkspaceSettings::Key::HitCursor).toLongLong();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Sql::exec(lcTracking(), q,
                   QStringLiteral("SELECT id, source, source_id, kind, method, outbox_id, link, "
                                  "target, at, ip, user_agent, data FROM tracking_hits WHERE id > "
                                  "? ORDER BY id LIMIT ?"),
                   {after, batchSize}, &m_error))
        return std::nullopt;
    QList<std::pair<qint64, TrackingHit>> hits;
    bool later = false; // a hit newer than untilAtMs: it and those after it wait
    while (!later && q.next()) {
        if (q.value(8).toLongLong() > untilAtMs) {
            later = true;
            break;
        }
        TrackingHit h;
        h.source = q.value(1).toString();
        h.sourceId = q.value(2).toLongLong();
        h.kind = q.value(3).toString();
        h.method = q.value(4).toString();
        h.outboxId = q.value(5).toLongLong();
        h.link = q.value(6).toInt();
        h.target = q.value(7).toString();
        h.atMs = q.value(8).toLongLong();
        h.ip = q.value(9).toString();
        h.userAgent = q.value(10).toString();
        if (const QString data = q.value(11).toString(); data.size() > 2) // not "{}"
            h.data = QJsonDocument::fromJson(data.toUtf8()).object();
        hits.push_back({q.value(0).toLongLong(), h});
    }
    q.finish();
    if (hits.isEmpty())
        return false;
    const bool more = !later && hits.size() == batchSize;
    const qint64 last = hits.constLast().first;
    const qint64 lastAt = hits.constLast().second.atMs;
    // Applied in contact order (each contact's hits still in theirs): the
    // events, and then scoring and journeys, read and write the contacts'
    // pages one after another instead of all over a large file.
    QList<std::pair<qint64, qsizetype>> order; // contact, index in hits
    order.reserve(hits.size());
    for (qsizetype i = 0; i < hits.size(); ++i) {
        const auto m = message(hits.at(i).second.outboxId);
        if (!m)
            return std::nullopt;
        order.push_back({m->contactId, i});
    }
    std::sort(order.begin(), order.end());
    EventIntake intake(db);
    for (const auto &[contact, index] : std::as_const(order)) {
        const auto &[id, hit] = hits.at(index);
        if (!apply(hit, id, intake, stats))
            return std::nullopt;
        ++stats.hits;
    }
    if (!WorkspaceSettings(m_db).setValue(WorkspaceSettings::Key::HitCursor, last)) {
        m_error = tr("Cannot save where the applied hits end.");
        return std::nullopt;
    }
    m_lastApplied = {last, lastAt};
    if (!tx.commit()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    return more;
}

bool HitApplier::forgetOldHits()
{
    // Applied hits are kept a month (the every-link rule reads a message's
    // recent clicks), then forgotten, the oldest first: a bounded look at the
    // head of the table, however many hits it keeps.
    const auto [last, lastAt] = m_lastApplied;
    const auto oldest =
        row(QStringLiteral("SELECT at FROM tracking_hits ORDER BY id LIMIT 1"), {}, 1);
    if (!oldest)
        return false;
    if (oldest->isEmpty() || oldest->first().toLongLong() >= lastAt - kKeepHitsMs)
        return true; // nothing a month old at the head
    QSqlQuery q(m_db.connection());
    return Sql::exec(lcTracking(), q,
                     QStringLiteral("DELETE FROM tracking_hits WHERE at < ? AND id IN (SELECT id "
                                    "FROM tracking_hits WHERE id <= ? ORDER BY id LIMIT %1)")
                         .arg(kForgetAtOnce),
                     {lastAt - kKeepHitsMs, last}, &m_error);
}

std::optional<HitApplier::Message> HitApplier::message(qint64 outboxId)
{
    if (const auto it = m_messages.constFind(outboxId); it != m_messages.cend())
        return *it;
    const auto r = row(QStringLiteral("SELECT contact_id, channel, sent_at, journey_id, node_id, "
                                      "tracked, template, campaign_id, variant FROM outbox WHERE "
                                      "id = ?"),
                       {outboxId}, 9);
    if (!r)
        return std::nullopt;
    Message m;
    if (!r->isEmpty()) {
        m.found = !r->at(0).isNull();
        m.contactId = r->at(0).toLongLong();
        m.channel = r->at(1).toString();
        m.sentAtMs = r->at(2).toLongLong();
        m.journeyId = r->at(3).toLongLong();
        m.node = r->at(4).toString();
        m.templateName = r->at(6).toString();
        m.campaignId = r->at(7).toLongLong();
        m.variant = r->at(8).toInt();
        const QString plan = r->at(5).toString();
        auto it = m_plans.constFind(plan);
        if (it == m_plans.cend()) {
            if (m_plans.size() >= 1000)
                m_plans.clear();
            const QJsonObject tracked = QJsonDocument::fromJson(plan.toUtf8()).object();
            it = m_plans.insert(plan, {int(tracked.value(QStringLiteral("links")).toArray().size()),
                                       tracked.value(QStringLiteral("subject")).toString()});
        }
        m.links = it->first;
        m.subject = it->second;
    }
    m_messages.insert(outboxId, m);
    return m;
}

std::optional<QVariantList> HitApplier::row(const QString &sql, const QVariantList &binds,
                                            int columns)
{
    if (!m_statements)
        m_statements = std::make_unique<StatementCache>(m_db.connection());
    return m_statements->row(sql, binds, &m_error, columns); // empty: no row
}

std::optional<int> HitApplier::linksClickedInSecond(const TrackingHit &hit)
{
    const auto r = row(QStringLiteral("SELECT count(DISTINCT link) FROM tracking_hits WHERE "
                                      "outbox_id = ? AND kind = 'click' AND at > ? AND at < ?"),
                       {hit.outboxId, hit.atMs - MachineRules::kSameMomentMs,
                        hit.atMs + MachineRules::kSameMomentMs},
                       1);
    if (!r)
        return std::nullopt;
    return r->value(0).toInt();
}

bool HitApplier::apply(const TrackingHit &hit, qint64 hitId, EventIntake &intake, HitStats &stats)
{
    const auto m = message(hit.outboxId);
    if (!m)
        return false;
    if (!m->found) {
        ++stats.ignored;
        qCDebug(lcTracking) << "hit" << hitId << "names message" << hit.outboxId
                            << "which is gone, or whose contact is";
        return true;
    }
    if (hit.kind == QLatin1String("open") || hit.kind == QLatin1String("click"))
        return applyOpenOrClick(hit, *m, intake, stats);
    const QJsonObject extra{{QStringLiteral("outbox"), double(hit.outboxId)}};
    if (hit.kind == QLatin1String("unsubscribe")) {
        UnsubscribeTokens tokens(m_db);
        const bool oneClick = hit.data.value(QStringLiteral("oneClick")).toBool();
        if (!tokens.unsubscribeContact(
                m->contactId, oneClick ? QStringLiteral("one-click") : QStringLiteral("page"),
                hit.atMs, extra)) {
            m_error = tokens.errorString();
            return false;
        }
        ++stats.unsubscribes;
        return countForCampaign(*m, int(CampaignActivity::Kind::Unsubscribe), hit.atMs);
    }
    if (hit.kind == QLatin1String("preferences")) {
        if (!applyChoices(m->contactId, ChoiceChange::fromJson(hit.data), hit.atMs, hit.outboxId))
            return false;
        ++stats.preferences;
        return true;
    }
    ++stats.ignored;
    return true;
}

bool HitApplier::applyOpenOrClick(const TrackingHit &hit, const Message &m, EventIntake &intake,
                                  HitStats &stats)
{
    HitFacts facts;
    facts.click = hit.kind == QLatin1String("click");
    facts.method = hit.method;
    facts.userAgent = hit.userAgent;
    facts.ip = hit.ip;
    facts.atMs = hit.atMs;
    facts.deliveredAtMs = m.sentAtMs;
    facts.linksInMessage = m.links;
    if (facts.click && m.links >= 2) {
        const auto n = linksClickedInSecond(hit);
        if (!n)
            return false;
        facts.linksClickedInSecond = *n;
    }
    const HitVerdict verdict = MachineRules::judge(facts);
    IncomingEvent e;
    e.contactId = m.contactId;
    e.atMs = hit.atMs;
    e.payload.insert(QStringLiteral("outbox"), double(hit.outboxId));
    e.payload.insert(QStringLiteral("template"), m.templateName);
    if (!m.subject.isEmpty())
        e.payload.insert(QStringLiteral("subject"), m.subject);
    if (m.journeyId) {
        e.payload.insert(QStringLiteral("journey_id"), double(m.journeyId));
        e.payload.insert(QStringLiteral("node"), m.node);
    }
    if (m.campaignId)
        e.payload.insert(QStringLiteral("campaign"), double(m.campaignId));
    if (facts.click) {
        e.payload.insert(QStringLiteral("link"), hit.link);
        e.payload.insert(QStringLiteral("url"), hit.target);
    }
    if (!verdict.countsAsHuman()) {
        e.type = facts.click ? EventType::EmailMachineClicked : EventType::EmailMachineOpened;
        e.payload.insert(QStringLiteral("rule"), verdict.rule);
        ++stats.machine;
    } else if (facts.click) {
        e.type =
            m.channel == QLatin1String("sms") ? EventType::SmsClicked : EventType::EmailClicked;
        ++stats.clicks;
    } else {
        e.type = EventType::EmailOpened;
        if (verdict.kind == HitVerdict::Kind::Proxied)
            e.payload.insert(QStringLiteral("proxied"), true);
        ++stats.opens;
    }
    if (verdict.countsAsHuman()) {
        if (!m_outbox)
            m_outbox = std::make_unique<Outbox>(m_db);
        const auto first = m_outbox->markEngaged(
            hit.outboxId, facts.click ? Outbox::Engagement::Clicked : Outbox::Engagement::Opened);
        if (!first) {
            m_error = m_outbox->errorString();
            return false;
        }
        e.firstOfMessage = *first;
    }
    if (!intake.record(e)) {
        m_error = intake.errorString();
        return false;
    }
    using Kind = CampaignActivity::Kind;
    const Kind kind = !verdict.countsAsHuman()
                          ? (facts.click ? Kind::MachineClick : Kind::MachineOpen)
                      : facts.click ? Kind::Click
                                    : Kind::Open;
    if (!countForCampaign(m, int(kind), hit.atMs))
        return false;
    if (!m.campaignId || !verdict.countsAsHuman())
        return true;
    // people's, for the campaign's click map and its hours after sending
    if (!m_campaigns->engaged(m.campaignId, m.variant, facts.click,
                              (hit.atMs - m.sentAtMs) / (3600 * 1000), hit.link, hit.target)) {
        m_error = m_campaigns->errorString();
        return false;
    }
    return true;
}

bool HitApplier::countForCampaign(const Message &m, int kind, qint64 atMs)
{
    if (!m.campaignId)
        return true;
    if (!m_campaigns)
        m_campaigns = std::make_unique<CampaignActivity>(m_db.connection());
    if (!m_campaigns->count(m.campaignId, m.variant, m.contactId, CampaignActivity::Kind(kind),
                            atMs)) {
        m_error = m_campaigns->errorString();
        return false;
    }
    return true;
}

bool HitApplier::applyChoices(qint64 contactId, const ChoiceChange &change, qint64 atMs,
                              qint64 outboxId)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcTracking(), q,
                   QStringLiteral("SELECT phone, status, sms_consent FROM contacts WHERE id = ?"),
                   {contactId}, &m_error))
        return false;
    if (!q.next())
        return true; // deleted meanwhile
    const QString phone = q.value(0).toString();
    const bool unsubscribed = q.value(1).toString() == QLatin1String("unsubscribed");
    const bool smsWithdrawn = q.value(2).toString() == QLatin1String("withdrawn");
    q.finish();
    const QString source = QStringLiteral("preference page");
    const QJsonObject extra{{QStringLiteral("outbox"), double(outboxId)}};
    const bool wantsEmail = change.email && !change.everything;
    const bool wantsSms = change.sms && !change.everything;
    UnsubscribeTokens consent(m_db);
    const bool ok = (wantsEmail == !unsubscribed ||
                     (wantsEmail ? consent.resubscribeContact(contactId, source, atMs)
                                 : consent.unsubscribeContact(contactId, source, atMs, extra))) &&
                    (wantsSms != smsWithdrawn || phone.isEmpty() ||
                     consent.setSmsConsent(contactId, wantsSms, source, atMs));
    if (!ok) {
        m_error = consent.errorString();
        return false;
    }
    SegmentRepository lists(m_db);
    QJsonArray joined;
    for (const Segment &s : lists.list()) {
        if (!s.isPublic)
            continue;
        const bool member = !change.everything && change.topics.contains(s.id);
        if (!member && !change.known && !change.everything)
            continue; // an unticked box the page did not know about
        if (!lists.setMember(s.id, contactId, member, atMs)) {
            m_error = lists.errorString();
            return false;
        }
        if (member)
            joined.append(s.name);
    }
    EventStore events(m_db.connection());
    QJsonObject payload = extra;
    payload.insert(QStringLiteral("email"), wantsEmail);
    payload.insert(QStringLiteral("sms"), wantsSms);
    payload.insert(QStringLiteral("lists"), joined);
    if (!events.append(contactId, EventType::PreferencesChanged, atMs, payload)) {
        m_error = events.errorString();
        return false;
    }
    return true;
}

} // namespace masir
