#pragma once

#include "messaging/Outbox.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

namespace masir {

class Database;
class EventStore;

/// What a bounce or complaint does to an address and its contact, inside the
/// caller's transaction: the address suppressed (and what waits for it
/// cancelled), the message marked, the contact's status, an event. The SMTP
/// sender's refusals at once and the mailbox's later reports both come here.
class BounceRecorder final
{
    Q_DECLARE_TR_FUNCTIONS(masir::BounceRecorder)
    Q_DISABLE_COPY_MOVE(BounceRecorder)

public:
    explicit BounceRecorder(const Database &db);
    ~BounceRecorder();

    /// A hard bounce of \a address for \a message (id 0 when not known);
    /// \a source is "smtp" or "mailbox". The contact it was about (0: none),
    /// or nullopt with errorString().
    std::optional<qint64> hardBounce(const SentEmail &message, const QString &address,
                                     const QString &reply, const QString &source, qint64 atMs);
    /// A complaint (the recipient marked it as spam) about \a address.
    std::optional<qint64> complaint(const SentEmail &message, const QString &address,
                                    const QString &feedback, qint64 atMs);
    /// The contact \a message went to, or else the one with \a address; 0: none.
    std::optional<qint64> contactOf(const SentEmail &message, const QString &address);
    /// Whether contact \a id still exists (it may have been deleted since).
    std::optional<bool> exists(qint64 contactId);
    QString errorString() const { return m_error; }

private:
    std::optional<qint64> record(const SentEmail &message, const QString &address,
                                 const QString &reason, const QString &detail,
                                 const QString &status, const QString &eventType,
                                 const QJsonObject &payload, qint64 atMs);

    const Database &m_db;
    Outbox m_outbox;
    std::unique_ptr<EventStore> m_events;
    QString m_error;
};

} // namespace masir
