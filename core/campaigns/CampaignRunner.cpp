#include "campaigns/CampaignRunner.h"

#include "campaigns/AbDecision.h"
#include "campaigns/BestSendTime.h"
#include "campaigns/CampaignChecks.h"
#include "campaigns/CampaignReport.h"
#include "campaigns/CampaignRepository.h"
#include "common/Clock.h"
#include "common/Logging.h"
#include "messaging/Outbox.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTime>
#include <QTimeZone>

#include <limits>

namespace masir {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
// Where a recipient falls in a test: a spread of the contact id that differs
// per campaign, the same on every engine and every run.
const QString kSpread = QStringLiteral("((contacts.id * 2654435761 + ? * 40503) % 1000003)");

const QString kFanout = QStringLiteral("fanout");
const QString kTesting = QStringLiteral("testing");
const QString kChoose = QStringLiteral("choose");
const QString kRest = QStringLiteral("rest");
const QString kDelivering = QStringLiteral("delivering");

/// What the variants of the current wave send.
QList<CampaignContent> contentsOf(const Campaign &c)
{
    auto payload = [&](const AbVariant *v) {
        QJsonObject p;
        if (!c.account.isEmpty())
            p.insert(QStringLiteral("account"), c.account);
        if (v && !v->subject.isEmpty())
            p.insert(QStringLiteral("subject"), v->subject);
        if (v && !v->fromName.isEmpty())
            p.insert(QStringLiteral("fromName"), v->fromName);
        return p;
    };
    auto content = [&](int variant, const AbVariant *v, bool delayed) {
        CampaignContent out;
        out.variant = variant;
        out.templateName = v && !v->templateName.isEmpty() ? v->templateName : c.templateName;
        out.payload = payload(v);
        out.delayMs = v && delayed ? v->delayMinutes * kMinuteMs : 0;
        return out;
    };
    if (!c.ab.isEnabled())
        return {content(0, nullptr, false)};
    if (c.phase == kRest) {
        const AbVariant *winner = c.winner >= 1 && c.winner <= c.ab.variants.size()
                                      ? &c.ab.variants.at(c.winner - 1)
                                      : nullptr;
        return {content(0, winner, false)};
    }
    QList<CampaignContent> out;
    for (int i = 0; i < c.ab.variants.size(); ++i)
        out << content(i + 1, &c.ab.variants.at(i), true);
    return out;
}

} // namespace

CampaignRunner::CampaignRunner(const Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

qint64 CampaignRunner::startsAt(const Campaign &c) const
{
    switch (c.schedule) {
    case Campaign::Schedule::Now:
        return 0;
    case Campaign::Schedule::At:
        return c.sendAtMs;
    case Campaign::Schedule::BestHour:
        return c.sendAtMs;
    case Campaign::Schedule::LocalTime: {
        // The first zone (UTC+14) reaches the local time 14 hours before UTC does.
        const QTime time = QTime::fromString(c.localTime, QStringLiteral("HH:mm"));
        const QDate day = QDateTime::fromMSecsSinceEpoch(c.sendAtMs).date();
        return QDateTime(day, time, Qt::UTC).toMSecsSinceEpoch() - 14 * 60 * kMinuteMs;
    }
    }
    return 0;
}

QString CampaignRunner::dueExpression(const Campaign &c, QVariantList *binds) const
{
    const qint64 now = m_clock.nowMs();
    if (c.schedule == Campaign::Schedule::BestHour)
        return bestHourExpression(c, binds);
    if (c.schedule != Campaign::Schedule::LocalTime) {
        *binds << std::max(now, c.schedule == Campaign::Schedule::At ? c.sendAtMs : now);
        return SqlDialect::integer(QStringLiteral("?"));
    }
    // The chosen day (in the user's zone) at the local time of each contact's
    // zone; contacts without one, the user's. A moment already past goes now.
    const QTime time = QTime::fromString(c.localTime, QStringLiteral("HH:mm"));
    const QDate day = QDateTime::fromMSecsSinceEpoch(c.sendAtMs).date();
    const auto dueIn = [&](const QTimeZone &zone) {
        return std::max(now, QDateTime(day, time, zone).toMSecsSinceEpoch());
    };
    QString sql = QStringLiteral("CASE contacts.timezone");
    for (const QString &name : zones()) {
        sql += QStringLiteral(" WHEN ? THEN ") + SqlDialect::integer(QStringLiteral("?"));
        *binds << name << dueIn(QTimeZone(name.toUtf8()));
    }
    sql += QStringLiteral(" ELSE %1 END").arg(SqlDialect::integer(QStringLiteral("?")));
    *binds << dueIn(QTimeZone::systemTimeZone());
    return sql;
}

QString CampaignRunner::bestHourExpression(const Campaign &c, QVariantList *binds) const
{
    // Each contact's best hour of the day in the 24 hours from the start: its
    // own, else the workspace's, else 10:00 in its zone.
    const qint64 from = std::max(m_clock.nowMs(), c.sendAtMs);
    const qint64 firstHour = (from + 3600000 - 1) / 3600000;
    const QString fromBest = QStringLiteral("(%1 + ((%2 %% 24) - ? + 24) %% 24) * 3600000")
                                 .replace(QStringLiteral("%%"), QStringLiteral("%"));
    QString sql = QStringLiteral("CASE WHEN best.hour_of_week IS NOT NULL THEN %1")
                      .arg(fromBest.arg(SqlDialect::integer(QStringLiteral("?")),
                                        QStringLiteral("best.hour_of_week")));
    *binds << firstHour << int(firstHour % 24);
    if (const auto workspace = BestSendTime(m_db, m_clock).ofWorkspace()) {
        sql += QStringLiteral(" ELSE %1 END").arg(SqlDialect::integer(QStringLiteral("?")));
        *binds << BestSendTime::nextHourOfDay(*workspace, from);
        return sql;
    }
    const auto tenIn = [&](const QTimeZone &zone) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(from, zone);
        QDateTime at(local.date(), QTime(BestSendTime::kFallbackLocalHour, 0), zone);
        if (at.toMSecsSinceEpoch() < from)
            at = QDateTime(local.date().addDays(1), QTime(BestSendTime::kFallbackLocalHour, 0),
                           zone);
        return at.toMSecsSinceEpoch();
    };
    sql += QStringLiteral(" ELSE CASE contacts.timezone");
    for (const QString &name : zones()) {
        sql += QStringLiteral(" WHEN ? THEN ") + SqlDialect::integer(QStringLiteral("?"));
        *binds << name << tenIn(QTimeZone(name.toUtf8()));
    }
    sql += QStringLiteral(" ELSE %1 END END").arg(SqlDialect::integer(QStringLiteral("?")));
    *binds << tenIn(QTimeZone::systemTimeZone());
    return sql;
}

QStringList CampaignRunner::zones() const
{
    QStringList out;
    QSqlQuery q(m_db.connection());
    QString error;
    if (Sql::exec(lcCampaigns(), q,
                  QStringLiteral("SELECT DISTINCT timezone FROM contacts WHERE timezone <> ''"), {},
                  &error))
        while (q.next())
            if (const QString name = q.value(0).toString(); QTimeZone(name.toUtf8()).isValid())
                out << name;
    return out;
}

QString CampaignRunner::save(const Campaign &c, const QString &expectedState,
                             const QString &expectedPhase)
{
    CampaignRepository repository(m_db);
    if (repository.saveRun(c, expectedState, expectedPhase))
        return {};
    // Not an error when the user paused or cancelled it meanwhile.
    return repository.errorString().isEmpty() ? QStringLiteral("changed")
                                              : repository.errorString();
}

bool CampaignRunner::freeze(Campaign &c, qint64 *frozen)
{
    CampaignChecks checks(m_db, m_clock);
    QStringList errors;
    const auto audience = checks.audienceSql(c, &errors);
    if (!audience) {
        m_error = errors.join(QLatin1Char('\n'));
        return false;
    }
    QVariantList binds{c.id};
    QString variant = QStringLiteral("0");
    if (c.ab.isEnabled()) {
        variant = QStringLiteral("CASE WHEN %1 % 100 < ? THEN 1 + (%1 / 100) % ? ELSE 0 END")
                      .arg(kSpread);
        binds << c.id << c.ab.sharePercent << c.id << c.ab.variants.size();
    }
    const QString due = dueExpression(c, &binds);
    binds << audience->sendableBinds << audience->inAudienceBinds;
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("DELETE FROM campaign_recipients WHERE campaign_id = ?"), {c.id},
                   &m_error))
        return false;
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("INSERT INTO campaign_recipients (campaign_id, contact_id, "
                                  "variant, due_at, address) SELECT ?, contacts.id, %1, %2, %3 "
                                  "FROM contacts%6 WHERE %4 AND %5 ORDER BY contacts.id")
                       .arg(variant, due,
                            c.channel == QLatin1String("sms") ? QStringLiteral("contacts.phone")
                                                              : QStringLiteral("contacts.email"),
                            audience->sendable, audience->inAudience,
                            c.schedule == Campaign::Schedule::BestHour
                                ? QStringLiteral(" LEFT JOIN contact_send_hours best ON "
                                                 "best.contact_id = contacts.id")
                                : QString()),
                   binds, &m_error))
        return false;
    *frozen = q.numRowsAffected();
    return true;
}

bool CampaignRunner::start(Campaign &c, CampaignRunStats &stats)
{
    const QString was = c.state;
    const QString wasPhase = c.phase;
    const QStringList problems =
        CampaignChecks(m_db, m_clock).problems(c, CampaignChecks::When::Starting);
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    qint64 frozen = 0;
    QElapsedTimer timer;
    timer.start();
    if (problems.isEmpty() && !freeze(c, &frozen))
        return false;
    const qint64 freezeMs = timer.elapsed();
    const qint64 now = m_clock.nowMs();
    if (!problems.isEmpty() || frozen == 0) {
        // Back to a draft, saying why: the user fixes it and schedules again.
        c.state = QStringLiteral("draft");
        c.error = !problems.isEmpty()
                      ? problems.join(QLatin1Char('\n'))
                      : tr("No one in the audience can be sent to (unsubscribed, bounced, "
                           "without consent, suppressed or without an address).");
        stats.refused << c.name + QStringLiteral(": ") + c.error;
        qCWarning(lcCampaigns) << "campaign" << c.id << "did not start:" << c.error;
    } else {
        c.state = QStringLiteral("sending");
        c.phase = kFanout;
        c.recipients = frozen;
        c.fanoutCursor = 0;
        c.startedAtMs = now;
        c.error.clear();
        ++stats.started;
        qCInfo(lcCampaigns) << "campaign" << c.id << "started:" << frozen << "recipients frozen in"
                            << freezeMs << "ms";
    }
    if (const QString e = save(c, was, wasPhase); !e.isEmpty())
        return e == QLatin1String("changed") ? true : (m_error = e, false);
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

bool CampaignRunner::fanOutBatch(Campaign &c, int batchSize, qint64 *written, bool *done)
{
    const QList<CampaignContent> contents = contentsOf(c);
    QVariantList variants;
    for (const CampaignContent &x : contents)
        variants << x.variant;
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    QSqlQuery q(m_db.connection());
    QVariantList binds{c.id, c.fanoutCursor};
    binds << variants << batchSize - 1;
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("SELECT contact_id FROM campaign_recipients WHERE campaign_id "
                                  "= ? AND contact_id > ? AND variant IN (%1) ORDER BY "
                                  "contact_id LIMIT 1 OFFSET ?")
                       .arg(Sql::placeholders(variants.size())),
                   binds, &m_error))
        return false;
    *done = !q.next();
    const qint64 upTo = *done ? std::numeric_limits<qint64>::max() : q.value(0).toLongLong();
    q.finish();

    CampaignBatch batch;
    batch.campaignId = c.id;
    batch.channel = c.channel;
    batch.marketing = CampaignChecks(m_db, m_clock).isMarketing(c).value_or(true);
    batch.contents = contents;
    batch.afterContactId = c.fanoutCursor;
    batch.upToContactId = upTo;
    batch.nowMs = m_clock.nowMs();
    Outbox outbox(m_db);
    const auto n = outbox.addCampaignRecipients(batch);
    if (!n) {
        m_error = outbox.errorString();
        return false;
    }
    *written = *n;
    Campaign next = c;
    next.fanoutCursor = *done ? 0 : upTo;
    if (*done) {
        qCInfo(lcCampaigns) << "campaign" << c.id << "wave" << c.phase << "written";
        if (c.ab.isEnabled() && c.phase == kFanout) {
            // The test runs from when its last message is due.
            if (!Sql::exec(lcCampaigns(), q,
                           QStringLiteral("SELECT max(due_at) FROM campaign_recipients WHERE "
                                          "campaign_id = ? AND variant > 0"),
                           {c.id}, &m_error))
                return false;
            const qint64 lastDue = q.next() ? q.value(0).toLongLong() : 0;
            qint64 delay = 0;
            for (const AbVariant &v : c.ab.variants)
                delay = std::max<qint64>(delay, v.delayMinutes * kMinuteMs);
            next.phase = kTesting;
            next.testEndsAtMs =
                std::max(m_clock.nowMs(), lastDue) + delay + c.ab.waitMinutes * kMinuteMs;
        } else {
            next.phase = kDelivering;
        }
    }
    if (const QString e = save(next, QStringLiteral("sending"), c.phase); !e.isEmpty()) {
        // Paused or cancelled meanwhile: this batch is not written (rolled back).
        if (e == QLatin1String("changed")) {
            *written = 0;
            *done = true;
            return true;
        }
        m_error = e;
        return false;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    c = next;
    return true;
}

bool CampaignRunner::decide(Campaign &c)
{
    CampaignReport report(m_db);
    const auto data = report.build(c.id);
    if (!data) {
        m_error = report.errorString();
        return false;
    }
    const AbDecision d = AbDecision::decide(c.ab, data->variants);
    Campaign next = c;
    next.decision = d.toJson();
    next.decision.insert(QStringLiteral("summary"), d.summary(c.ab));
    next.decision.insert(QStringLiteral("decidedAt"), m_clock.nowMs());
    if (c.ab.automatic) {
        // Inconclusive: the first variant (the control) goes, and the result says so.
        next.winner = d.conclusive ? d.best : 1;
        next.decision.insert(QStringLiteral("chosen"), next.winner);
        next.phase = c.ab.sharePercent >= 100 ? kDelivering : kRest;
    } else {
        next.phase = kChoose;
    }
    next.fanoutCursor = 0;
    if (const QString e = save(next, QStringLiteral("sending"), c.phase); !e.isEmpty())
        return e == QLatin1String("changed") ? true : (m_error = e, false);
    qCInfo(lcCampaigns) << "campaign" << c.id << "test decided:" << d.summary(c.ab);
    c = next;
    return true;
}

bool CampaignRunner::pickWinner(qint64 campaignId, int variant)
{
    auto c = CampaignRepository(m_db).find(campaignId);
    if (!c) {
        m_error = tr("The campaign was deleted.");
        return false;
    }
    if (!c->ab.isEnabled() || variant < 1 || variant > c->ab.variants.size()) {
        m_error = tr("Campaign \"%1\" has no variant %2.").arg(c->name).arg(variant);
        return false;
    }
    if (c->state != QLatin1String("sending") || (c->phase != kTesting && c->phase != kChoose)) {
        m_error = tr("Campaign \"%1\" is not waiting for a winner.").arg(c->name);
        return false;
    }
    Campaign next = *c;
    next.winner = variant;
    next.decision.insert(QStringLiteral("chosen"), variant);
    next.decision.insert(QStringLiteral("pickedByUser"), true);
    next.phase = c->ab.sharePercent >= 100 ? kDelivering : kRest;
    next.fanoutCursor = 0;
    if (const QString e = save(next, QStringLiteral("sending"), c->phase); !e.isEmpty()) {
        m_error = e == QLatin1String("changed")
                      ? tr("Campaign \"%1\" changed meanwhile; try again.").arg(c->name)
                      : e;
        return false;
    }
    return true;
}

bool CampaignRunner::finishIfDelivered(Campaign &c, CampaignRunStats &stats)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("SELECT 1 FROM outbox WHERE campaign_id = ? AND state IN "
                                  "('queued', 'held', 'sending') LIMIT 1"),
                   {c.id}, &m_error))
        return false;
    if (q.next())
        return true;
    q.finish();
    Campaign next = c;
    next.state = QStringLiteral("done");
    next.phase.clear();
    next.finishedAtMs = m_clock.nowMs();
    if (const QString e = save(next, QStringLiteral("sending"), c.phase); !e.isEmpty())
        return e == QLatin1String("changed") ? true : (m_error = e, false);
    ++stats.finished;
    qCInfo(lcCampaigns) << "campaign" << c.id << "done";
    c = next;
    return true;
}

std::optional<CampaignRunStats> CampaignRunner::runOnce(qint64 budgetMs, int batchSize)
{
    QElapsedTimer timer;
    timer.start();
    CampaignRunStats stats;
    CampaignRepository repository(m_db);
    const auto campaigns = repository.list();
    if (!campaigns) {
        m_error = repository.errorString();
        return std::nullopt;
    }
    const qint64 now = m_clock.nowMs();
    for (Campaign c : *campaigns) {
        if (c.state == QLatin1String("scheduled") && startsAt(c) <= now && !start(c, stats))
            return std::nullopt;
        if (c.state != QLatin1String("sending"))
            continue;
        while (c.phase == kFanout || c.phase == kRest) {
            if (timer.elapsed() >= budgetMs) {
                stats.more = true;
                break;
            }
            qint64 written = 0;
            bool done = false;
            if (!fanOutBatch(c, batchSize, &written, &done))
                return std::nullopt;
            stats.queued += written;
            if (done && (c.phase == kFanout || c.phase == kRest))
                break; // paused or cancelled meanwhile
        }
        if (c.phase == kTesting && c.testEndsAtMs <= m_clock.nowMs()) {
            if (!decide(c))
                return std::nullopt;
            ++stats.decided;
            if (c.phase == kRest)
                stats.more = true;
        }
        if (c.phase == kDelivering && !finishIfDelivered(c, stats))
            return std::nullopt;
    }
    return stats;
}

std::optional<qint64> CampaignRunner::nextWakeAt()
{
    const auto campaigns = CampaignRepository(m_db).list();
    if (!campaigns)
        return std::nullopt;
    std::optional<qint64> next;
    const auto consider = [&](qint64 at) { next = next ? std::min(*next, at) : at; };
    for (const Campaign &c : *campaigns) {
        if (c.state == QLatin1String("scheduled"))
            consider(startsAt(c));
        else if (c.state == QLatin1String("sending") && c.phase == kTesting)
            consider(c.testEndsAtMs);
        else if (c.state == QLatin1String("sending") && (c.phase == kFanout || c.phase == kRest))
            consider(0);
    }
    return next;
}

} // namespace masir
