#include "messaging/OutboxSender.h"

#include "common/Clock.h"
#include "common/LocalTime.h"
#include "common/Logging.h"
#include "contacts/ContactRepository.h"
#include "events/EventStore.h"
#include "messaging/BounceRecorder.h"
#include "messaging/ErasedAddresses.h"
#include "messaging/MessageRenderer.h"
#include "messaging/MessageTracking.h"
#include "messaging/MimeMessage.h"
#include "messaging/Outbox.h"
#include "messaging/SecretStore.h"
#include "messaging/UnsubscribeTokens.h"
#include "messaging/channels/Transport.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"
#include "storage/Transaction.h"
#include "storage/WorkerHeartbeat.h"
#include "storage/WorkspaceLock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>
#include <QUuid>

namespace masir {

namespace {

// A message tried again goes back to the queue, unless its campaign was
// paused (it waits with the others) or cancelled meanwhile.
const QString kRequeued = QStringLiteral(
    "CASE (SELECT state FROM campaigns WHERE id = outbox.campaign_id) WHEN 'paused' THEN 'held' "
    "WHEN 'cancelled' THEN 'cancelled' ELSE 'queued' END");
/// A server's reply fit for the log: servers often repeat the recipient
/// ("550 <ana@example.com> unknown"), so addresses and phone numbers go.
QString withoutAddresses(QString reply)
{
    static const QRegularExpression email(QStringLiteral("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;]+"));
    static const QRegularExpression phone(QStringLiteral("\\+?\\d(?:[ ().-]?\\d){7,}"));
    return reply.replace(email, QStringLiteral("(address)"))
        .replace(phone, QStringLiteral("(number)"));
}

/// An outcome in words, for the log.
const char *outcomeName(DeliveryResult::Outcome outcome)
{
    using O = DeliveryResult::Outcome;
    switch (outcome) {
    case O::Sent:
        return "sent";
    case O::Temporary:
        return "failed for now";
    case O::Permanent:
        return "failed";
    case O::Bounce:
        return "bounced";
    case O::AccountError:
        return "account error";
    case O::Ambiguous:
        return "interrupted";
    }
    return "?";
}

} // namespace

struct OutboxSender::Account
{
    ChannelAccount config;
    std::unique_ptr<Transport> channel;
    RateLimiter limiter;
    QString problem;         ///< why it cannot send (no secret, login refused, ...)
    qint64 blockedUntil = 0; ///< after an account error, wait before trying again
    qint64 retryAt = 0;      ///< with a problem: when to read its secret again
};

struct OutboxSender::Claimed
{
    qint64 id = 0;
    qint64 contactId = 0;
    QString channel;
    QString recipient;
    QString templateName;
    int attempts = 0; ///< including this one
    qint64 claimedAt = 0;
    QString tracked; ///< what the message tracks, as JSON
    QString subject; ///< as it went out, for the timeline
    qint64 campaignId = 0;
    int variant = 0;

    Account *account = nullptr;
    Delivery delivery;
};

namespace {

constexpr qint64 kAccountBackoffMs = 60 * 1000;
constexpr qint64 kStandbyLookMs = 5 * 1000;
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

} // namespace

OutboxSender::OutboxSender(const Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
    , m_pool(std::make_unique<CurlPool>())
{}

OutboxSender::~OutboxSender()
{
    // Let what is on the wire finish, so that its result is written down.
    for (int i = 0; i < 600 && m_pool->running() > 0; ++i) {
        SendStats ignored;
        settle(m_pool->poll(100), ignored);
    }
}

bool OutboxSender::acquire(SendStats &stats)
{
    // A server's lock goes with its connection (cut, or the server restarted):
    // then this sender stops until it holds the lock again.
    if (m_locked && m_lock->isHeld())
        return true;
    m_locked = false;
    if (!m_lock)
        m_lock = std::make_unique<WorkspaceLock>(m_db, QStringLiteral("sender"));
    m_standby = !m_lock->tryLock();
    if (m_standby && m_lock->errorString().isEmpty() && replaceSilentSender(stats))
        m_standby = false;
    if (m_standby && !m_lock->errorString().isEmpty()) {
        m_standby = false; // not another sender: the server could not be asked
        m_error = m_lock->errorString();
        return false;
    }
    if (m_standby) {
        stats.otherSender = true;
        const QString holder = m_lock->holder();
        stats.accountErrors << (holder.isEmpty()
                                    ? tr("Another Masir process is sending from this workspace; "
                                         "this one only runs journeys.")
                                    : tr("Another Masir process (%1) is sending from this "
                                         "workspace; this one only runs journeys.")
                                          .arg(holder));
        return false;
    }
    m_locked = true;
    // Whatever is still "sending" belonged to a sender that died: it may or may
    // not have gone out. Never guess; show it.
    // This process's own messages are not: it may be taking the lock back after
    // its connection was cut, with results still to write down.
    const qint64 now = m_clock.nowMs();
    QVariantList binds{now, tr("Masir stopped while sending this message; it may or may not "
                               "have been delivered. Resend or discard it.")};
    QList<qint64> ours = m_inFlight.keys();
    for (const DeliveryResult &r : std::as_const(m_unsettled))
        ours << r.outboxId;
    for (const qint64 id : std::as_const(ours))
        binds << id;
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("UPDATE outbox SET state = 'interrupted', updated_at = ?, "
                                  "error = ? WHERE state = 'sending'%1")
                       .arg(ours.isEmpty() ? QString()
                                           : QStringLiteral(" AND id NOT IN (%1)")
                                                 .arg(Sql::placeholders(ours.size()))),
                   binds, &m_error)) {
        m_locked = false;
        m_lock->unlock();
        return false;
    }
    stats.interrupted = q.numRowsAffected();
    return true;
}

qint64 OutboxSender::lockServerPid() const
{
    return m_locked && m_lock ? m_lock->serverPid() : 0;
}

bool OutboxSender::replaceSilentSender(SendStats &stats)
{
    // On a server a sender can hang on to its lock without sending: stopped
    // (SIGSTOP, a frozen machine) while its connection stays open. Its
    // heartbeat then ages; past the lease its session is ended, and the lock
    // with it. A file's lock goes with its process.
    const auto holder = m_lock->holderProcess();
    if (!holder)
        return false;
    const qint64 leaseMs =
        1000LL *
        std::max(1,
                 WorkspaceSettings(m_db).value(WorkspaceSettings::Key::SenderLeaseSeconds).toInt());
    QString error;
    const auto silent =
        WorkerHeartbeat::isSilent(m_db, holder->pid, holder->sinceMs, leaseMs, &error);
    if (!silent)
        qCWarning(lcSend) << "cannot read the sender's heartbeat:" << error;
    if (!silent || !*silent)
        return false;
    if (!m_lock->evict(holder->pid)) {
        stats.accountErrors << m_lock->errorString();
        return false;
    }
    // the server lets the lock go as that process ends
    for (int i = 0; i < 50; ++i) {
        if (m_lock->tryLock())
            return true;
        if (!m_lock->errorString().isEmpty())
            return false;
        QThread::msleep(100);
    }
    return false;
}

bool OutboxSender::stillHeld(QList<Claimed> &claimed)
{
    // Checked after each claim commits, before a byte goes out: a sender that
    // was stopped and replaced meanwhile must not send beside its successor.
    // What it claimed goes back to the queue, unless the successor already
    // marked it interrupted.
    if (claimed.isEmpty() || m_lock->isHeld())
        return true;
    m_locked = false;
    m_standby = true; // looks again in a while, as a standby
    QVariantList binds{m_clock.nowMs()};
    for (const Claimed &c : std::as_const(claimed))
        binds << c.id;
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("UPDATE outbox SET state = 'queued', attempts = attempts - 1, "
                                  "updated_at = ? WHERE state = 'sending' AND id IN (%1)")
                       .arg(Sql::placeholders(claimed.size())),
                   binds, &m_error))
        return false;
    qCWarning(lcSend) << "lost the sender lock before sending" << claimed.size()
                      << "claimed messages; they wait for the sender that holds it";
    claimed.clear();
    return true;
}

bool OutboxSender::loadAccounts(SendStats &stats)
{
    const QList<ChannelAccount> accounts = ChannelAccounts(m_db).list();
    SecretStore secrets = SecretStore::ofWorkspace(m_db);
    std::vector<std::unique_ptr<Account>> next;
    for (const ChannelAccount &config : accounts) {
        if (!config.enabled)
            continue;
        std::unique_ptr<Account> account;
        qint64 blockedUntil = 0;
        for (auto &old : m_accounts) {
            if (old && old->config == config) {
                // An account that could not send is built again: its password may be fixed.
                const qint64 now = m_clock.nowMs();
                if ((old->problem.isEmpty() && old->blockedUntil <= now) ||
                    (!old->problem.isEmpty() && now < old->retryAt))
                    account = std::move(old); // as it is; a broken one is retried later
                else
                    blockedUntil = old->blockedUntil;
                break;
            }
        }
        if (!account) {
            account = std::make_unique<Account>();
            account->config = config;
            account->limiter.setLimits(config.limits);
            // What this account sent lately still counts against its limits,
            // and what a sender that died or was replaced had on the wire (it
            // may have reached the provider).
            QSqlQuery q(m_db.connection());
            QList<qint64> times;
            const qint64 since = m_clock.nowMs() - 24LL * 3600 * 1000;
            if (Sql::exec(lcSend(), q,
                          QStringLiteral("SELECT claimed_at FROM outbox WHERE account_id = ? AND "
                                         "sent_at IS NOT NULL AND sent_at > ? UNION ALL SELECT "
                                         "claimed_at FROM outbox WHERE state IN ('sending', "
                                         "'interrupted') AND updated_at > ? AND account_id = ? "
                                         "AND claimed_at > ?"),
                          {config.id, since, since, config.id, since}, &m_error))
                while (q.next())
                    times << q.value(0).toLongLong();
            account->limiter.seed(times);
            const bool needsSecret =
                !config.isSmtp() ||
                !config.config.value(QStringLiteral("user")).toString().isEmpty();
            QString secret;
            if (needsSecret) {
                const auto s = secrets.read(config.name);
                if (!s) {
                    account->problem = secrets.errorString();
                    account->retryAt = m_clock.nowMs() + kAccountBackoffMs;
                } else
                    secret = *s;
            }
            account->channel =
                config.isSmtp() ? makeSmtpChannel(config, secret) : makeSmsChannel(config, secret);
            account->blockedUntil = blockedUntil;
        }
        if (!account->problem.isEmpty())
            stats.accountErrors << config.name + QStringLiteral(": ") + account->problem;
        next.push_back(std::move(account));
    }
    // Accounts that were removed, changed or rebuilt: dropped once idle; those
    // still sending stay (not used) until their transfers end.
    for (auto &old : m_accounts) {
        if (!old)
            continue;
        if (m_pool->freeSlots(old->channel.get()) == old->channel->connections()) {
            m_pool->forget(old->channel.get());
            continue;
        }
        old->config.enabled = false;
        next.push_back(std::move(old));
    }
    m_accounts = std::move(next);
    if (!m_webhooks)
        m_webhooks = makeWebhookChannel(
            WorkspaceSettings(m_db).token(WorkspaceSettings::Key::TokenSecret), false);
    return true;
}

bool OutboxSender::dropUnwanted(SendStats &stats, qint64 now)
{
    QSqlQuery q(m_db.connection());
    // Suppressed addresses: bounces, complaints, unsubscribes, by hand.
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("UPDATE outbox SET state = 'suppressed', updated_at = ?, "
                                  "error = ? WHERE state = 'queued' AND EXISTS (SELECT 1 FROM "
                                  "suppressions s WHERE s.channel = outbox.channel AND "
                                  "s.address = outbox.recipient AND (outbox.marketing = 1 OR "
                                  "s.reason <> 'unsubscribe'))"),
                   {now, tr("The address is on the suppression list.")}, &m_error))
        return false;
    stats.suppressed += q.numRowsAffected();
    // Marketing to someone who unsubscribed, bounced or withdrew consent.
    if (!Sql::exec(
            lcSend(), q,
            QStringLiteral("UPDATE outbox SET state = 'cancelled', updated_at = ?, error = ? "
                           "WHERE state = 'queued' AND marketing = 1 AND EXISTS (SELECT 1 FROM "
                           "contacts c WHERE c.id = outbox.contact_id AND (c.status <> 'active' OR "
                           "(outbox.channel = 'email' AND c.email_consent = 'withdrawn') OR "
                           "(outbox.channel = 'sms' AND c.sms_consent = 'withdrawn')))"),
            {now, tr("The contact unsubscribed, bounced or withdrew consent.")}, &m_error))
        return false;
    stats.cancelled += q.numRowsAffected();
    return true;
}

const CompiledMessage *OutboxSender::compiled(const QString &name, const QString &subject,
                                              QString *error)
{
    // An A/B variant's subject is a template of its own, compiled once.
    const QString key = subject.isEmpty() ? name : name + QLatin1Char('\n') + subject;
    if (!m_templates.contains(key)) {
        auto t = TemplateRepository(m_db).find(name);
        if (!t) {
            *error = tr("There is no template named \"%1\".").arg(name);
            return nullptr;
        }
        if (!subject.isEmpty())
            t->subject = subject;
        const SenderInfo sender = UnsubscribeTokens(m_db).senderInfo();
        m_templates.insert(key, std::make_shared<CompiledMessage>(MessageRenderer::compile(
                                    *t, MergeVocabulary::of(m_db), sender)));
    }
    const CompiledMessage *m = m_templates.value(key).get();
    if (!m->isValid()) {
        *error = tr("Template \"%1\": %2").arg(name, m->errors.join(QStringLiteral("; ")));
        return nullptr;
    }
    return m;
}

bool OutboxSender::claim(SendStats &stats, QList<Claimed> &out, qint64 *waitUntil)
{
    const qint64 now = m_clock.nowMs();
    // Only channels with an account that can take a message now are read, so
    // rate-limited email never crowds due SMS and webhooks out of the batch.
    QHash<QString, QList<Account *>> byChannel;
    QStringList channels;
    int free = 0;
    for (auto &a : m_accounts) {
        if (!a->config.enabled || !a->problem.isEmpty() || a->blockedUntil > now)
            continue;
        byChannel[a->config.channel()] << a.get();
    }
    for (auto it = byChannel.cbegin(); it != byChannel.cend(); ++it) {
        int freeHere = 0;
        qint64 opensAt = 0;
        for (Account *a : it.value()) {
            const qint64 allowedAt = a->limiter.nextAllowedAt(now);
            if (allowedAt > now)
                opensAt = opensAt ? std::min(opensAt, allowedAt) : allowedAt;
            else
                freeHere += m_pool->freeSlots(a->channel.get());
        }
        if (freeHere > 0) {
            channels << it.key();
            free += freeHere;
        } else if (opensAt > 0) {
            // Limited: worth waiting for only if something of this channel is due.
            QSqlQuery q(m_db.connection());
            if (!Sql::exec(lcSend(), q,
                           QStringLiteral("SELECT 1 FROM outbox WHERE state = 'queued' AND "
                                          "channel = ? AND due_at <= ? LIMIT 1"),
                           {it.key(), now}, &m_error))
                return false;
            if (q.next())
                *waitUntil = *waitUntil ? std::min(*waitUntil, opensAt) : opensAt;
        }
    }
    const int webhookFree = m_pool->freeSlots(m_webhooks.get());
    if (webhookFree > 0) {
        channels << QStringLiteral("webhook");
        free += webhookFree;
    }
    if (free == 0)
        return true;

    QString placeholders;
    QVariantList binds{now};
    for (const QString &c : channels) {
        placeholders += placeholders.isEmpty() ? QStringLiteral("?") : QStringLiteral(", ?");
        binds << c;
    }
    struct Row
    {
        qint64 id;
        QString channel;
        qint64 contactId;
        QString templateName;
        QJsonObject payload;
        bool marketing;
        int attempts;
        QString recipient;
        qint64 journeyId;
        QString node;
        qint64 campaignId;
        int variant;
    };
    // The workspace's own messages (journeys, one-off sends) first, then
    // campaigns' in what is left: a million-recipient campaign never holds a
    // welcome email back for hours.
    QSqlQuery due(m_db.connection());
    QList<Row> rows;
    for (const bool campaigns : {false, true}) {
        QVariantList wave = binds;
        wave << free * 2 - rows.size();
        if (!Sql::exec(lcSend(), due,
                       QStringLiteral("SELECT id, channel, contact_id, template, payload, "
                                      "marketing, attempts, recipient, journey_id, node_id, "
                                      "campaign_id, variant FROM outbox WHERE state = 'queued' AND "
                                      "campaign_id IS %3NULL AND due_at <= ? AND channel IN "
                                      "(%1)%2 ORDER BY due_at, id LIMIT ?")
                           .arg(placeholders,
                                m_holdMarketing ? QStringLiteral(" AND marketing = 0") : QString(),
                                campaigns ? QStringLiteral("NOT ") : QString()),
                       wave, &m_error))
            return false;
        while (due.next())
            rows << Row{due.value(0).toLongLong(),
                        due.value(1).toString(),
                        due.value(2).toLongLong(),
                        due.value(3).toString(),
                        QJsonDocument::fromJson(due.value(4).toString().toUtf8()).object(),
                        due.value(5).toBool(),
                        due.value(6).toInt(),
                        due.value(7).toString(),
                        due.value(8).toLongLong(),
                        due.value(9).toString(),
                        due.value(10).toLongLong(),
                        due.value(11).toInt()};
        due.finish();
        if (rows.size() >= free * 2)
            break;
    }
    if (rows.isEmpty())
        return true;

    // Before the transaction: the first run makes the tracking key, which
    // writes in a transaction of its own.
    MessageTracking tracking(m_db);
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    QSqlQuery q(m_db.connection());
    ContactRepository contacts(m_db);
    UnsubscribeTokens tokens(m_db);
    const SenderInfo sender = tokens.senderInfo();
    const WorkspaceSettings settings(m_db);
    const QString quietFrom = settings.value(WorkspaceSettings::Key::QuietFrom).toString();
    const QString quietTo = settings.value(WorkspaceSettings::Key::QuietTo).toString();
    const int emailsPerDay = settings.value(WorkspaceSettings::Key::EmailsPerDay).toInt();
    QHash<Account *, int> used;
    int webhooksUsed = 0;
    ErasedAddresses erased(m_db.connection());
    auto drop = [&](const Row &row, const QString &state, const QString &why) {
        if (!Sql::exec(lcSend(), q,
                       QStringLiteral("UPDATE outbox SET state = ?, error = ?, updated_at = ? "
                                      "WHERE id = ? AND state = 'queued'"),
                       {state, why, now, row.id}, &m_error))
            return false;
        if (state == QLatin1String("failed"))
            ++stats.failed;
        else if (state == QLatin1String("suppressed"))
            ++stats.suppressed;
        else
            ++stats.cancelled;
        return true;
    };

    for (const Row &row : rows) {
        Claimed c;
        c.id = row.id;
        c.contactId = row.contactId;
        c.channel = row.channel;
        c.recipient = row.recipient;
        c.templateName = row.templateName;
        c.campaignId = row.campaignId;
        c.variant = row.variant;
        c.attempts = row.attempts + 1;
        c.delivery.outboxId = row.id;
        c.delivery.recipient = row.recipient;

        if (row.channel == QLatin1String("webhook")) {
            if (webhooksUsed >= webhookFree)
                continue;
            ++webhooksUsed;
            c.delivery.content = QJsonDocument(row.payload.value(QStringLiteral("body")).toObject())
                                     .toJson(QJsonDocument::Compact);
            c.delivery.allowPrivateNetwork =
                row.payload.value(QStringLiteral("allowPrivate")).toBool();
        } else if (erased.contains(row.channel, row.recipient)) {
            // A person who was erased is never sent anything again, whoever adds them.
            if (!drop(row, QStringLiteral("suppressed"),
                      tr("The person at this address asked to be erased; nothing is sent to "
                         "it again.")))
                return false;
            continue;
        } else {
            // An account of this channel with a free connection whose limits allow a send now.
            // A campaign may name its account; otherwise the channel's accounts take turns.
            const QString pinned = row.payload.value(QStringLiteral("account")).toString();
            if (!pinned.isEmpty() &&
                std::none_of(m_accounts.cbegin(), m_accounts.cend(), [&](const auto &a) {
                    return a->config.name == pinned && a->config.enabled;
                })) {
                // Never waits for ever on an account that is gone or turned off.
                if (!drop(row, QStringLiteral("failed"),
                          tr("The campaign's account \"%1\" was removed or turned off: turn it "
                             "on in Settings → Channels, then resend.")
                              .arg(pinned)))
                    return false;
                continue;
            }
            const QList<Account *> &candidates = byChannel.value(row.channel);
            Account *account = nullptr;
            for (int k = 0; k < candidates.size() && !account; ++k) {
                Account *a = candidates.at((m_rotation + k) % candidates.size());
                if (!pinned.isEmpty() && a->config.name != pinned)
                    continue;
                const qint64 allowedAt = a->limiter.nextAllowedAt(now);
                if (allowedAt > now) {
                    *waitUntil = *waitUntil ? std::min(*waitUntil, allowedAt) : allowedAt;
                    continue;
                }
                if (used.value(a) < m_pool->freeSlots(a->channel.get()))
                    account = a;
            }
            if (!account)
                continue;
            ++m_rotation;

            // At send time: is the address suppressed, the contact still willing?
            const auto suppressed =
                Outbox(m_db).isSuppressed(row.channel, row.recipient, row.marketing);
            if (!suppressed) {
                m_error = tr("Cannot read the suppression list.");
                return false;
            }
            if (*suppressed) {
                if (!drop(row, QStringLiteral("suppressed"),
                          tr("The address is on the suppression list.")))
                    return false;
                continue;
            }
            std::optional<Contact> contact;
            if (row.contactId)
                contact = contacts.find(row.contactId);
            if (!contact && row.contactId) {
                // Deleted, or a read error? Only a real absence cancels the message.
                if (!Sql::exec(lcSend(), q,
                               QStringLiteral("SELECT count(*) FROM contacts WHERE id = ?"),
                               {row.contactId}, &m_error) ||
                    !q.next())
                    return false;
                const bool exists = q.value(0).toLongLong() > 0;
                q.finish();
                if (exists) {
                    m_error = tr("Cannot read contact %1.").arg(row.contactId);
                    return false;
                }
            }
            if (!contact) {
                if (row.contactId || row.recipient.isEmpty()) {
                    if (!drop(row, QStringLiteral("cancelled"), tr("The contact was deleted.")))
                        return false;
                    continue;
                }
                contact = Contact{};
                (row.channel == QLatin1String("email") ? contact->email : contact->phone) =
                    row.recipient;
            }
            const Consent &consent =
                row.channel == QLatin1String("email") ? contact->emailConsent : contact->smsConsent;
            if (row.marketing && (contact->status != ContactStatus::Active ||
                                  consent.status == ConsentStatus::Withdrawn)) {
                if (!drop(row, QStringLiteral("cancelled"),
                          tr("The contact unsubscribed, bounced or withdrew consent.")))
                    return false;
                continue;
            }
            // Marketing waits out the quiet hours in the contact's zone, and the daily cap.
            if (row.marketing) {
                qint64 deferTo = 0;
                QString why;
                if (const auto end =
                        LocalTime::endOfQuietHours(now, contact->timezone, quietFrom, quietTo)) {
                    deferTo = *end;
                    why = tr("Waiting for the end of quiet hours (%1–%2).").arg(quietFrom, quietTo);
                } else if (row.channel == QLatin1String("email") && emailsPerDay > 0 &&
                           contact->id) {
                    if (!Sql::exec(lcSend(), q,
                                   QStringLiteral("SELECT count(*), min(claimed_at) FROM "
                                                  "outbox WHERE contact_id = ? AND channel = "
                                                  "'email' AND marketing = 1 AND state IN "
                                                  "('sending', 'sent') AND claimed_at > ?"),
                                   {contact->id, now - kDayMs}, &m_error) ||
                        !q.next())
                        return false;
                    if (q.value(0).toInt() >= emailsPerDay) {
                        deferTo = q.value(1).toLongLong() + kDayMs;
                        why = tr("Waiting: at most %n marketing email(s) a day reach one contact.",
                                 nullptr, emailsPerDay);
                    }
                    q.finish();
                }
                if (deferTo > now) {
                    if (!Sql::exec(lcSend(), q,
                                   QStringLiteral("UPDATE outbox SET due_at = ?, error = ?, "
                                                  "updated_at = ? WHERE id = ? AND state = "
                                                  "'queued'"),
                                   {deferTo, why, now, row.id}, &m_error))
                        return false;
                    ++stats.deferred;
                    continue;
                }
            }
            if (row.recipient.isEmpty()) {
                if (!drop(row, QStringLiteral("failed"),
                          row.channel == QLatin1String("email")
                              ? tr("The contact has no email address.")
                              : tr("The contact has no phone number.")))
                    return false;
                continue;
            }
            QString error;
            const CompiledMessage *m = compiled(
                row.templateName, row.payload.value(QStringLiteral("subject")).toString(), &error);
            if (m && m->source.channel != row.channel) {
                error = tr("Template \"%1\" is for %2, not %3.")
                            .arg(row.templateName, m->source.channel, row.channel);
                m = nullptr;
            }
            if (!m) {
                if (!drop(row, QStringLiteral("failed"), error))
                    return false;
                continue;
            }
            TrackedSend send{row.id,          contact->id,   row.channel, row.marketing,
                             m->source.track, row.journeyId, row.node,    row.templateName,
                             QString(),       row.campaignId};
            QString unsubscribeUrl = tracking.unsubscribeUrl(send);
            if (unsubscribeUrl.isEmpty())
                unsubscribeUrl = tokens.url(contact->id);
            if (m->source.marketing && unsubscribeUrl.isEmpty() &&
                tokens.mailto(contact->id).isEmpty()) {
                // never a marketing email without a way out
                if (!drop(row, QStringLiteral("failed"),
                          tr("There is no unsubscribe page or address: set one in Settings → "
                             "Channels, or a tracking address in Settings → Tracking, then "
                             "resend.")))
                    return false;
                continue;
            }
            const RenderedMessage rendered = MessageRenderer::render(
                *m, ContactMergeContext(*contact, sender, unsubscribeUrl), sender);
            send.subject = rendered.subject;
            const MessageTracking::Result r = tracking.apply(send, rendered.html, rendered.text);
            c.tracked = r.tracked;
            c.subject = rendered.subject;
            if (row.channel == QLatin1String("email")) {
                OutgoingEmail e;
                e.from =
                    Mailbox::parse(account->config.config.value(QStringLiteral("from")).toString());
                if (const QString name = row.payload.value(QStringLiteral("fromName")).toString();
                    !name.isEmpty())
                    e.from.name = name;
                e.replyTo = Mailbox::parse(
                    account->config.config.value(QStringLiteral("replyTo")).toString());
                e.to = {contact->displayName() == contact->email ? QString()
                                                                 : contact->displayName(),
                        row.recipient};
                e.subject = rendered.subject;
                e.text = r.text;
                e.html = r.html;
                e.masirId = QString::number(row.id);
                // A bounce or reply that quotes only the Message-ID still names the message.
                e.messageId = QStringLiteral("masir.%1.%2@%3")
                                  .arg(row.id)
                                  .arg(QUuid::createUuid().toString(QUuid::Id128).left(12),
                                       e.from.address.section(QLatin1Char('@'), 1));
                e.date = m_clock.now();
                if (m->source.marketing) {
                    e.unsubscribeUrl = unsubscribeUrl;
                    e.unsubscribeMailto = tokens.mailto(contact->id);
                }
                c.delivery.content = MimeMessage::compose(e);
            } else {
                c.delivery.text = r.text;
            }
            c.account = account;
            c.claimedAt = now;
            used[account] += 1;
            account->limiter.record(now);
        }
        // Claimed, and committed below, before a byte goes out.
        if (!Sql::exec(
                lcSend(), q,
                QStringLiteral("UPDATE outbox SET state = 'sending', attempts = attempts "
                               "+ 1, account_id = ?, claimed_at = ?, updated_at = ?, "
                               "tracked = COALESCE(?, '') WHERE id = ? AND state = 'queued'"),
                {c.account ? QVariant(c.account->config.id) : QVariant(), now, now, c.tracked,
                 row.id},
                &m_error))
            return false;
        if (q.numRowsAffected() == 1)
            out << c;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

bool OutboxSender::settle(const QList<DeliveryResult> &fresh, SendStats &total)
{
    // Results stay here until the transaction that records them commits: a
    // failure (a busy database) keeps them for the next try, never drops them.
    m_unsettled += fresh;
    if (m_unsettled.isEmpty())
        return true;
    const QList<DeliveryResult> results = m_unsettled;
    SendStats stats;
    const qint64 now = m_clock.nowMs();
    const int maxAttempts = std::max(1, m_maxAttempts);
    const qint64 retryBase = std::max<qint64>(1, m_retryBaseMs);
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    QSqlQuery q(m_db.connection());
    EventStore events(m_db.connection());
    BounceRecorder bounces(m_db);
    auto set = [&](const QString &sql, const QVariantList &binds) {
        return Sql::exec(lcSend(), q, sql, binds, &m_error);
    };
    for (const DeliveryResult &r : results) {
        Claimed *c = m_inFlight.value(r.outboxId);
        if (!c)
            continue;
        if (c->account)
            c->account->limiter.finish(c->claimedAt, now);
        using O = DeliveryResult::Outcome;
        // The message's id, channel, account and what happened: never its
        // recipient, body or the account's secret.
        const QString account = c->account ? c->account->config.name : QStringLiteral("webhook");
        if (r.outcome == O::Sent)
            qCDebug(lcSend) << "message" << c->id << c->channel << "via" << account << "sent";
        else if (r.outcome == O::AccountError)
            qCWarning(lcSend) << "account" << account << "refused message" << c->id << r.code
                              << withoutAddresses(r.reply);
        else
            qCInfo(lcSend) << "message" << c->id << c->channel << "via" << account
                           << outcomeName(r.outcome) << r.code << withoutAddresses(r.reply);
        bool ok = true;
        switch (r.outcome) {
        case O::Sent:
            ok =
                set(QStringLiteral("UPDATE outbox SET state = 'sent', sent_at = ?, updated_at = ?, "
                                   "provider_id = ?, error = '' WHERE id = ? AND state = "
                                   "'sending'"),
                    {now, now, SqlValues::text(r.providerId), c->id});
            if (ok && c->contactId && c->channel != QLatin1String("webhook"))
                ok = events.appendIfPresent(c->contactId,
                                            c->channel == QLatin1String("email")
                                                ? EventType::EmailSent
                                                : EventType::SmsSent,
                                            QDateTime::fromMSecsSinceEpoch(now, Qt::UTC),
                                            {{QStringLiteral("outbox"), c->id},
                                             {QStringLiteral("template"), c->templateName},
                                             {QStringLiteral("subject"), c->subject}});
            ++stats.sent;
            break;
        case O::Ambiguous:
            // It may have gone out: a person decides, as after a crash.
            ok = set(QStringLiteral("UPDATE outbox SET state = 'interrupted', updated_at = ?, "
                                    "error = ? WHERE id = ? AND state = 'sending'"),
                     {now, r.reply, c->id});
            ++stats.interrupted;
            break;
        case O::AccountError:
            // Not the message's fault: it waits, its attempt not counted.
            if (c->account) {
                c->account->blockedUntil = now + kAccountBackoffMs;
                stats.accountErrors << c->account->config.name + QStringLiteral(": ") + r.reply;
            }
            ok = set(QStringLiteral("UPDATE outbox SET state = %1, attempts = attempts - 1, "
                                    "due_at = ?, updated_at = ?, error = ? WHERE id = ? AND state "
                                    "= 'sending'")
                         .arg(kRequeued),
                     {now + kAccountBackoffMs, now, r.reply, c->id});
            ++stats.retried;
            break;
        case O::Temporary:
            if (c->attempts < maxAttempts) {
                const qint64 wait =
                    std::min<qint64>(retryBase << std::min(c->attempts - 1, 12), 6LL * 3600 * 1000);
                ok = set(QStringLiteral("UPDATE outbox SET state = %1, due_at = ?, "
                                        "updated_at = ?, error = ? WHERE id = ? AND state = "
                                        "'sending'")
                             .arg(kRequeued),
                         {now + wait, now, r.reply, c->id});
                ++stats.retried;
                break;
            }
            ok = set(QStringLiteral("UPDATE outbox SET state = 'failed', updated_at = ?, error = ? "
                                    "WHERE id = ? AND state = 'sending'"),
                     {now, tr("Gave up after %n attempts: %1", nullptr, c->attempts).arg(r.reply),
                      c->id});
            ++stats.failed;
            break;
        case O::Permanent:
        case O::Bounce:
            ok = set(QStringLiteral("UPDATE outbox SET state = 'failed', updated_at = ?, error = ? "
                                    "WHERE id = ? AND state = 'sending'"),
                     {now, r.reply, c->id});
            ++stats.failed;
            if (ok && r.outcome == O::Bounce) {
                ++stats.bounced;
                // refused at once, it never left: its campaign counts it as failed
                ok = bounces
                         .hardBounce({c->id, c->contactId, c->campaignId, c->variant, c->recipient},
                                     c->recipient, r.reply, QStringLiteral("smtp"), now)
                         .has_value();
                if (!ok)
                    m_error = bounces.errorString();
            }
            break;
        }
        if (!ok) {
            if (m_error.isEmpty())
                m_error = events.errorString();
            return false;
        }
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    for (const DeliveryResult &r : results)
        m_inFlight.remove(r.outboxId);
    m_unsettled.clear();
    total.sent += stats.sent;
    total.retried += stats.retried;
    total.failed += stats.failed;
    total.bounced += stats.bounced;
    total.interrupted += stats.interrupted;
    total.accountErrors += stats.accountErrors;
    // The claims that ended can go.
    std::erase_if(m_claims, [this](const std::unique_ptr<Claimed> &c) {
        return !m_inFlight.contains(c->id);
    });
    return true;
}

std::optional<SendStats> OutboxSender::run(qint64 budgetMs)
{
    SendStats stats;
    m_error.clear();
    if (WorkspaceSettings(m_db).value(WorkspaceSettings::Key::SendingPaused).toBool()) {
        stats.paused = true;
        return stats;
    }
    if (!acquire(stats))
        return m_error.isEmpty() ? std::optional<SendStats>(stats) : std::nullopt;
    {
        const WorkspaceSettings settings(m_db); // read once a run, not once a message
        m_maxAttempts = settings.value(WorkspaceSettings::Key::MaxAttempts).toInt();
        m_retryBaseMs = settings.value(WorkspaceSettings::Key::RetryBaseMs).toLongLong();
    }
    if (!settle({}, stats)) // results a failed commit kept back
        return std::nullopt;
    m_templates.clear(); // templates and settings may have changed since the last run
    if (!loadAccounts(stats) || !dropUnwanted(stats, m_clock.nowMs()))
        return std::nullopt;

    const qint64 deadline = m_clock.nowMs() + budgetMs;
    for (;;) {
        const qint64 now = m_clock.nowMs();
        qint64 waitUntil = 0;
        // a sender that lost its lock claims no more; what is on the wire ends
        if (now < deadline && m_locked) {
            QList<Claimed> claimed;
            if (!claim(stats, claimed, &waitUntil) || !stillHeld(claimed))
                return std::nullopt;
            if (!m_locked) {
                stats.otherSender = true;
                waitUntil = 0;
            }
            for (const Claimed &c : claimed) {
                m_claims.push_back(std::make_unique<Claimed>(c));
                Claimed *held = m_claims.back().get();
                m_inFlight.insert(held->id, held);
                m_pool->start(held->account ? held->account->channel.get() : m_webhooks.get(),
                              held->delivery);
            }
        }
        if (m_pool->running() == 0) {
            // Nothing on the wire: stop unless a rate limit opens within the budget.
            if (!settle(m_pool->poll(0), stats))
                return std::nullopt;
            if (waitUntil == 0 || waitUntil >= deadline)
                break;
            QThread::msleep(ulong(std::max<qint64>(1, waitUntil - m_clock.nowMs())));
            continue;
        }
        qint64 timeout = 50;
        if (waitUntil > 0)
            timeout = std::clamp<qint64>(waitUntil - now, 1, 50);
        if (!settle(m_pool->poll(int(timeout)), stats))
            return std::nullopt;
    }
    if (stats.sent || stats.retried || stats.failed || stats.interrupted)
        qCInfo(lcSend) << "sent" << stats.sent << "retried" << stats.retried << "failed"
                       << stats.failed << "bounced" << stats.bounced << "interrupted"
                       << stats.interrupted;
    return stats;
}

std::optional<qint64> OutboxSender::nextWakeAt()
{
    // Per channel: when its first row is due, but not before one of its accounts
    // may send again. A channel whose accounts cannot send does not wake us.
    const qint64 now = m_clock.nowMs();
    // Another process sends: look again now and then whether it still does
    // (a standby takes over when the sender dies), not at every due row.
    if (m_standby)
        return now + kStandbyLookMs;
    QHash<QString, qint64> opens{{QStringLiteral("webhook"), now}};
    for (auto &a : m_accounts) {
        if (!a->config.enabled || !a->problem.isEmpty())
            continue;
        const qint64 at = std::max(a->limiter.nextAllowedAt(now), a->blockedUntil);
        const QString c = a->config.channel();
        opens.insert(c, opens.contains(c) ? std::min(opens.value(c), at) : at);
    }
    // Accounts are loaded on the first run; before it, assume every channel.
    if (m_accounts.empty()) {
        opens.insert(QStringLiteral("email"), now);
        opens.insert(QStringLiteral("sms"), now);
    }
    std::optional<qint64> wake;
    QSqlQuery q(m_db.connection());
    for (auto it = opens.cbegin(); it != opens.cend(); ++it) {
        if (!Sql::exec(lcSend(), q,
                       QStringLiteral("SELECT min(due_at) FROM outbox WHERE state = 'queued' AND "
                                      "channel = ?%1")
                           .arg(m_holdMarketing ? QStringLiteral(" AND marketing = 0") : QString()),
                       {it.key()}, &m_error) ||
            !q.next() || q.value(0).isNull())
            continue;
        const qint64 at = std::max(q.value(0).toLongLong(), it.value());
        wake = wake ? std::min(*wake, at) : at;
    }
    return wake;
}

} // namespace masir
