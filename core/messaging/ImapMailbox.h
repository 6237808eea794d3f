#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <atomic>
#include <optional>

typedef void CURL;

namespace masir {

struct ChannelAccount;

/// Where a sending account's returned mail arrives: an IMAP mailbox, kept in
/// the account's config under "mailbox" ({url, user, caFile}). Its password
/// is in the SecretStore under secretName(account).
struct MailboxSettings
{
    QString url; ///< imaps://host[:port]/MAILBOX (TLS), or imap:// (STARTTLS, required)
    QString user;
    QString caFile;

    bool isSet() const { return !url.isEmpty(); }
    QJsonObject toJson() const;
    static MailboxSettings of(const ChannelAccount &account);
    static QString secretName(const QString &accountName);
    /// What is wrong with the settings, a sentence that says what to fix; empty when fine.
    QString problem() const;
};

/// A small IMAP client on libcurl, for reading returned mail: the mailbox's
/// UIDVALIDITY, the UIDs that arrived after the last one read, a message's
/// bytes, and putting back the unread mark that fetching a person's own mail
/// took away. One connection, reused by every call. Blocking: for the worker
/// thread and the command line.
class ImapMailbox final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ImapMailbox)
    Q_DISABLE_COPY_MOVE(ImapMailbox)

public:
    ImapMailbox(MailboxSettings settings, QString password,
                const std::atomic<bool> *stop = nullptr);
    ~ImapMailbox();

    struct Status
    {
        qint64 uidValidity = 0;
        qint64 uidNext = 0;
        qint64 messages = 0;
    };
    std::optional<Status> status();
    /// UIDs from \a firstUid on, ascending, up to \a limit of them.
    std::optional<QList<qint64>> uidsFrom(qint64 firstUid, int limit);
    /// UIDs of the messages that arrived on or after \a day, ascending.
    std::optional<QList<qint64>> uidsSince(QDate day);
    /// Of the messages with UIDs from \a first to \a last, those not read yet.
    std::optional<QSet<qint64>> unreadIn(qint64 first, qint64 last);

    /// UIDs asked for at once: a server's answer stays one short line (libcurl
    /// keeps only the start of a line longer than its buffer).
    static constexpr qint64 kSearchSpan = 500;
    /// The whole message; nullopt when it cannot be read (tooLarge() tells one
    /// that is larger than kMaxMessageBytes).
    std::optional<QByteArray> fetch(qint64 uidValidity, qint64 uid);
    bool markUnread(qint64 uid);

    static constexpr qsizetype kMaxMessageBytes = 25 << 20;
    bool tooLarge() const { return m_tooLarge; }
    /// The login, certificate or address is wrong: nothing can be read until
    /// the settings change.
    bool settingsError() const { return m_settingsError; }
    QString errorString() const { return m_error; }

private:
    std::optional<QByteArray> perform(const QString &path, const QByteArray &command);
    std::optional<QList<qint64>> search(const QByteArray &criteria);
    std::optional<QList<qint64>> searchSpan(qint64 first, qint64 last, const QByteArray &more);
    bool knowNext();

    MailboxSettings m_settings;
    QString m_password;
    QString m_base; ///< scheme://host:port
    QString m_mailbox;
    const std::atomic<bool> *m_stop;
    CURL *m_curl = nullptr;
    qint64 m_uidNext = 0;
    bool m_tooLarge = false;
    bool m_settingsError = false;
    QString m_error;
};

} // namespace masir
