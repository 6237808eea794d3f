#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// How far a sending account's mailbox has been read.
struct MailboxCursor
{
    qint64 accountId = 0;
    qint64 uidValidity = 0; ///< 0: never read
    qint64 lastUid = 0;
    qint64 checkedAt = 0; ///< 0: never
    QString error;        ///< what went wrong the last time, empty when it worked
};

/// One message read from a mailbox, and what Masir did about it.
struct ReturnedMessage
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString account; ///< the account's name, when listed
    qint64 uid = 0;
    qint64 receivedAt = 0;
    QString sender;
    QString subject;
    QString kind;           ///< the first finding's kind ("hard", "complaint", ..., "unparsed")
    QJsonArray findings;    ///< BounceFinding::toJson() of each
    QString outcome;        ///< what was done, for people
    bool keptAside = false; ///< could not be read or acted on: a person looks
};

/// The one writer of mailbox_state and returned_mail: where each mailbox was
/// read to, and the log of returned mail, with the bytes of the messages kept
/// aside (never dropped, never guessed).
class ReturnedMail final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ReturnedMail)

public:
    explicit ReturnedMail(const Database &db);

    std::optional<MailboxCursor> cursor(qint64 accountId) const;
    std::optional<QList<MailboxCursor>> cursors() const;
    /// In the caller's transaction, or on its own. Within one UIDVALIDITY the
    /// cursor only moves on (two polls at once never move it back).
    bool saveCursor(const MailboxCursor &cursor);
    /// Writes \a message, keyed by its bytes' digest, in the caller's
    /// transaction; the bytes are kept when it is kept aside. Its id, or 0 when
    /// the same message was read from this account before (nothing is written).
    std::optional<qint64> add(const ReturnedMessage &message, const QByteArray &raw);
    /// Whether the message with these bytes was read before (from any account:
    /// two accounts may share a mailbox).
    std::optional<bool> contains(const QByteArray &raw) const;
    /// Newest first; \a keptAsideOnly lists what a person has to look at.
    std::optional<QList<ReturnedMessage>> list(bool keptAsideOnly, int limit = 500) const;
    /// The bytes of a message kept aside; empty for the others.
    std::optional<QByteArray> raw(qint64 id) const;
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    mutable QString m_error;
};

} // namespace masir
