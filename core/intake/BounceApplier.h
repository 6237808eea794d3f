#pragma once

#include "messaging/BounceParser.h"
#include "messaging/BounceRecorder.h"
#include "messaging/Outbox.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace masir {

class CampaignActivity;
class Database;
class EventStore;

/// What acting on one returned message did.
struct ReturnedOutcome
{
    QString text;         ///< for people: "Suppressed ali@example.ir: hard bounce (5.1.1)"
    bool actedOn = false; ///< something changed (the message is marked read)
    bool keptAside = false;
    int hard = 0;
    int soft = 0;
    int complaints = 0;
    int unsubscribes = 0;
};

/// Acts on what came back about sent email, inside the caller's transaction:
/// - a hard bounce suppresses the address, marks its contact bounced and
///   cancels what waits for it;
/// - a soft bounce is noted on the message; three sends in a row to an address
///   that soft-bounced suppress it as a hard bounce would;
/// - a complaint marks the contact complained and suppresses the address;
/// - an unsubscribe request (its token, or else its sender's address)
///   unsubscribes the contact;
/// - auto-replies and people's own mail are left alone; what cannot be read is
///   kept aside.
/// Each is tied to the message it answers (X-Masir-Id, Message-ID, or the last
/// email sent to the address), becomes an event, and counts for its campaign.
class BounceApplier final
{
    Q_DECLARE_TR_FUNCTIONS(masir::BounceApplier)
    Q_DISABLE_COPY_MOVE(BounceApplier)

public:
    explicit BounceApplier(const Database &db);
    ~BounceApplier();

    /// Acts on \a findings of one message received at \a atMs.
    std::optional<ReturnedOutcome> apply(const QList<BounceFinding> &findings, qint64 atMs);

    static constexpr int kSoftBouncesInARow = 3;
    QString errorString() const { return m_error; }

private:
    std::optional<SentEmail> messageOf(const BounceFinding &f, qint64 atMs);
    bool hardBounce(const SentEmail &message, const QString &address, const QString &reply,
                    qint64 atMs);
    bool countForCampaign(const SentEmail &message, qint64 contactId, int kind, qint64 atMs);
    std::optional<QString> softBounce(const BounceFinding &f, const SentEmail &message,
                                      qint64 atMs);
    std::optional<QString> complaint(const BounceFinding &f, const SentEmail &message, qint64 atMs);
    std::optional<QString> unsubscribe(const BounceFinding &f, const SentEmail &message,
                                       qint64 atMs);
    bool fail(const QString &error);
    std::nullopt_t failed(const QString &error);

    const Database &m_db;
    Outbox m_outbox;
    BounceRecorder m_recorder;
    std::unique_ptr<EventStore> m_events;
    std::unique_ptr<CampaignActivity> m_activity;
    QString m_error;
};

} // namespace masir
