#include "intake/MailboxPoller.h"

#include "common/Clock.h"
#include "common/Logging.h"
#include "intake/BounceApplier.h"
#include "intake/ReturnedMail.h"
#include "messaging/BounceParser.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/ImapMailbox.h"
#include "messaging/SecretStore.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QMutex>

namespace masir {

MailboxPoller::MailboxPoller(const Database &db, const Clock &clock, const std::atomic<bool> *stop)
    : m_db(db)
    , m_clock(clock)
    , m_stop(stop)
{}

std::optional<MailboxStats> MailboxPoller::poll(bool force)
{
    // One poll at a time in a process (the worker's, "Check Now"): the second
    // waits, then finds the cursor moved on.
    static QMutex polling;
    const QMutexLocker lock(&polling);
    m_error.clear();
    MailboxStats stats;
    const ReturnedMail log(m_db);
    for (const ChannelAccount &a : ChannelAccounts(m_db).list()) {
        if (m_stop && m_stop->load())
            break;
        if (!a.isSmtp() || !a.enabled || !MailboxSettings::of(a).isSet())
            continue;
        const auto cursor = log.cursor(a.id);
        if (!cursor) {
            m_error = log.errorString();
            return std::nullopt;
        }
        if (!force && cursor->checkedAt && m_clock.nowMs() - cursor->checkedAt < kIntervalMs)
            continue;
        ++stats.mailboxes;
        if (!pollOne(a, stats))
            return std::nullopt;
    }
    return stats;
}

bool MailboxPoller::noteError(qint64 accountId, const QString &error, MailboxStats &stats,
                              const QString &account)
{
    ReturnedMail log(m_db);
    auto cursor = log.cursor(accountId);
    if (!cursor) {
        m_error = log.errorString();
        return false;
    }
    cursor->checkedAt = m_clock.nowMs();
    cursor->error = error;
    stats.errors << account + QStringLiteral(": ") + error;
    qCWarning(lcSend) << "mailbox of" << account << ":" << error;
    if (!log.saveCursor(*cursor)) {
        m_error = log.errorString();
        return false;
    }
    return true;
}

bool MailboxPoller::pollOne(const ChannelAccount &account, MailboxStats &stats)
{
    ReturnedMail log(m_db);
    const SecretStore secrets = SecretStore::ofWorkspace(m_db);
    const auto password = secrets.read(MailboxSettings::secretName(account.name));
    if (!password)
        return noteError(account.id,
                         tr("There is no password for the mailbox; enter it in Settings → "
                            "Channels, or with masir-cli channel mailbox and "
                            "MASIR_IMAP_PASSWORD."),
                         stats, account.name);
    ImapMailbox imap(MailboxSettings::of(account), *password, m_stop);
    const auto stopped = [this] { return m_stop && m_stop->load(); };
    const auto status = imap.status();
    if (!status)
        return stopped() || noteError(account.id, imap.errorString(), stats, account.name);
    auto cursor = log.cursor(account.id);
    if (!cursor) {
        m_error = log.errorString();
        return false;
    }
    std::optional<QList<qint64>> uids;
    if (cursor->uidValidity != status->uidValidity) {
        // a new mailbox, or one renumbered: the last two weeks, never older mail
        uids = imap.uidsSince(m_clock.now().date().addDays(-kFirstLookBackDays));
        if (uids) {
            cursor->uidValidity = status->uidValidity;
            cursor->lastUid = uids->isEmpty() ? status->uidNext - 1 : uids->first() - 1;
            if (uids->size() > kMaxMessagesPerPoll)
                uids->resize(kMaxMessagesPerPoll); // the rest come after the cursor
        }
    } else {
        uids = imap.uidsFrom(cursor->lastUid + 1, kMaxMessagesPerPoll);
    }
    if (!uids)
        return stopped() || noteError(account.id, imap.errorString(), stats, account.name);
    QSet<qint64> unread;
    if (!uids->isEmpty()) {
        const auto found = imap.unreadIn(uids->first(), uids->last());
        if (!found)
            return stopped() || noteError(account.id, imap.errorString(), stats, account.name);
        unread = *found;
    }
    QString trouble;
    for (const qint64 uid : std::as_const(*uids)) {
        if (stopped())
            break;
        const Read read =
            readMessage(imap, account.id, status->uidValidity, uid, unread.contains(uid), stats);
        if (read == Read::Failed)
            return false;
        if (read == Read::ServerTrouble) {
            trouble = imap.errorString(); // this message is read next time
            break;
        }
        cursor->lastUid = uid;
    }
    if (stopped())
        trouble.clear(); // not the mailbox's fault
    cursor->checkedAt = m_clock.nowMs();
    cursor->error = trouble;
    if (!trouble.isEmpty())
        stats.errors << account.name + QStringLiteral(": ") + trouble;
    if (!log.saveCursor(*cursor)) {
        m_error = log.errorString();
        return false;
    }
    return true;
}

namespace {

/// Whether Masir acts on what the findings say (the message is then left read).
bool actsOn(const QList<BounceFinding> &findings)
{
    using K = BounceFinding::Kind;
    return std::any_of(findings.cbegin(), findings.cend(), [](const BounceFinding &f) {
        return f.kind == K::Hard || f.kind == K::Soft || f.kind == K::Complaint ||
               f.kind == K::Unsubscribe;
    });
}

} // namespace

MailboxPoller::Read MailboxPoller::readMessage(ImapMailbox &imap, qint64 accountId,
                                               qint64 uidValidity, qint64 uid, bool wasUnread,
                                               MailboxStats &stats)
{
    const qint64 now = m_clock.nowMs();
    auto raw = imap.fetch(uidValidity, uid);
    if (!raw && !imap.tooLarge())
        return Read::ServerTrouble;
    ReturnedMessage m;
    m.accountId = accountId;
    m.uid = uid;
    ReturnedOutcome outcome;
    QList<BounceFinding> findings;
    if (raw) {
        const BounceParser::Headline h = BounceParser::headline(*raw);
        m.sender = h.from;
        m.subject = h.subject;
        m.receivedAt = h.date.isValid() && h.date.toMSecsSinceEpoch() <= now
                           ? h.date.toMSecsSinceEpoch()
                           : now;
        findings = BounceParser::parse(*raw);
    } else {
        // not read at all: noted, so that a person looks at it in the mailbox
        raw = QStringLiteral("UIDVALIDITY %1 UID %2: %3")
                  .arg(uidValidity)
                  .arg(uid)
                  .arg(imap.errorString())
                  .toUtf8();
        m.receivedAt = now;
        m.kind = BounceFinding::kindKey(BounceFinding::Kind::Unparsed);
        outcome.keptAside = true;
        outcome.text = tr("%1 Not read: look at it in the mailbox.").arg(imap.errorString());
    }
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return Read::Failed;
    }
    ReturnedMail log(m_db);
    const auto before = log.contains(*raw);
    if (!before) {
        m_error = log.errorString();
        return Read::Failed;
    }
    if (*before) { // read before (another poll, a renumbered mailbox): acted on once
        if (wasUnread && !actsOn(findings) && !imap.markUnread(uid))
            qCWarning(lcSend) << "cannot mark message" << uid
                              << "unread again:" << imap.errorString();
        return Read::Done;
    }
    if (m.kind.isEmpty()) {
        BounceApplier applier(m_db);
        const auto applied = applier.apply(findings, m.receivedAt);
        if (!applied) {
            m_error = applier.errorString();
            return Read::Failed;
        }
        outcome = *applied;
        m.kind = BounceFinding::kindKey(findings.value(0).kind);
        for (const BounceFinding &f : std::as_const(findings))
            m.findings.append(f.toJson());
    }
    m.outcome = outcome.text;
    m.keptAside = outcome.keptAside;
    if (!log.add(m, *raw)) {
        m_error = log.errorString();
        return Read::Failed;
    }
    const MailboxCursor cursor{accountId, uidValidity, uid, now, QString()};
    if (!log.saveCursor(cursor)) {
        m_error = log.errorString();
        return Read::Failed;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return Read::Failed;
    }
    ++stats.read;
    stats.hard += outcome.hard;
    stats.soft += outcome.soft;
    stats.complaints += outcome.complaints;
    stats.unsubscribes += outcome.unsubscribes;
    stats.keptAside += outcome.keptAside ? 1 : 0;
    stats.ignored += outcome.actedOn || outcome.keptAside ? 0 : 1;
    // what Masir did nothing about stays unread for the person who reads this mailbox
    if (wasUnread && !outcome.actedOn && !imap.markUnread(uid))
        qCWarning(lcSend) << "cannot mark message" << uid << "unread again:" << imap.errorString();
    return Read::Done;
}

QString MailboxPoller::describe(const MailboxStats &s)
{
    return tr("%n mailbox(es) read: %1 messages, %2 hard bounces, %3 soft bounces, %4 "
              "complaints, %5 unsubscribe requests, %6 kept aside, %7 left alone",
              nullptr, s.mailboxes)
        .arg(s.read)
        .arg(s.hard)
        .arg(s.soft)
        .arg(s.complaints)
        .arg(s.unsubscribes)
        .arg(s.keptAside)
        .arg(s.ignored);
}

} // namespace masir
