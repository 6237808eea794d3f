#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>

namespace masir {

class Clock;
class Database;
struct ChannelAccount;

/// What reading the mailboxes found.
struct MailboxStats
{
    int mailboxes = 0; ///< read this time
    int read = 0;      ///< messages read
    int hard = 0;
    int soft = 0;
    int complaints = 0;
    int unsubscribes = 0;
    int keptAside = 0;
    int ignored = 0;    ///< auto-replies and people's own mail
    QStringList errors; ///< "account: what went wrong", one a mailbox
    bool changed() const { return hard || soft || complaints || unsubscribes || keptAside; }
};

/// Reads the returned mail of each sending account that has a mailbox: the
/// messages that arrived since the last read (the last two weeks the first
/// time), each classified by BounceParser, acted on by BounceApplier and
/// logged by ReturnedMail in one transaction with the mailbox's cursor, so
/// that a crash reads a message again at worst, and acts on it once. What was
/// acted on is left read; auto-replies and people's mail are marked unread
/// again. A mailbox that fails is noted on its cursor; the others go on.
class MailboxPoller final
{
    Q_DECLARE_TR_FUNCTIONS(masir::MailboxPoller)

public:
    MailboxPoller(const Database &db, const Clock &clock, const std::atomic<bool> *stop = nullptr);

    /// Reads the mailboxes due (each every kIntervalMs), or all with \a force.
    /// nullopt with errorString() only when the workspace could not be written.
    std::optional<MailboxStats> poll(bool force = false);

    /// "2 mailboxes read: 14 messages, 3 hard bounces, ..." for the log and the status bar.
    static QString describe(const MailboxStats &stats);

    static constexpr qint64 kIntervalMs = 5 * 60 * 1000;
    static constexpr int kFirstLookBackDays = 14;
    static constexpr int kMaxMessagesPerPoll = 500;
    QString errorString() const { return m_error; }

private:
    enum class Read
    {
        Done,
        ServerTrouble, ///< the message could not be fetched: it is tried next time
        Failed,        ///< the workspace could not be written (errorString())
    };
    bool pollOne(const ChannelAccount &account, MailboxStats &stats);
    Read readMessage(class ImapMailbox &imap, qint64 accountId, qint64 uidValidity, qint64 uid,
                     bool wasUnread, MailboxStats &stats);
    bool noteError(qint64 accountId, const QString &error, MailboxStats &stats,
                   const QString &account);

    const Database &m_db;
    const Clock &m_clock;
    const std::atomic<bool> *m_stop;
    QString m_error;
};

} // namespace masir

Q_DECLARE_METATYPE(masir::MailboxStats)
