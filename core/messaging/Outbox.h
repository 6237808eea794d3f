#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace masir {

class Database;
class StatementCache;

/// One row of the outbox, as lists show it.
struct OutboxRow
{
    qint64 id = 0;
    QString channel;
    QString state;
    QString recipient;
    QString templateName;
    QString journey; ///< the journey or campaign that sent it
    qint64 contactId = 0;
    int attempts = 0;
    QDateTime dueAt;
    QDateTime sentAt;
    QDateTime updatedAt;
    QString error;
    QString providerId;
};

/// A message to write into the outbox (see Outbox::add()).
struct OutboxEntry
{
    QString idempotencyKey; ///< unique: a second row with it is not written
    QString channel;        ///< email, sms, webhook
    qint64 contactId = 0;   ///< 0: none (a test message)
    qint64 journeyId = 0;
    qint64 enrollmentId = 0;
    QString nodeId;
    QString templateName;
    QJsonObject payload;
    bool marketing = true;
    QString recipient;
    qint64 dueAtMs = 0;
    qint64 createdAtMs = 0;
};

/// What one variant of a campaign sends (see Outbox::addCampaignRecipients()).
struct CampaignContent
{
    int variant = 0; ///< campaign_recipients.variant it is for
    QString templateName;
    QJsonObject payload; ///< {"subject", "fromName", "account"}: what differs from the template
    qint64 delayMs = 0;  ///< added to the recipient's due time
};

/// A batch of a campaign's frozen audience to turn into outbox rows.
struct CampaignBatch
{
    qint64 campaignId = 0;
    QString channel;
    bool marketing = true;
    QList<CampaignContent> contents; ///< the variants this batch writes
    qint64 afterContactId = 0;       ///< recipients with a contact id above this...
    qint64 upToContactId = 0;        ///< ...and up to this one
    qint64 nowMs = 0;
};

/// A sent email, as mail that came back about it names it.
struct SentEmail
{
    qint64 id = 0;
    qint64 contactId = 0;
    qint64 campaignId = 0;
    int variant = 0;
    QString recipient;
};

struct OutboxFilter
{
    QString state; ///< empty: every state
    QString channel;
    int limit = 500;
    qint64 beforeId = 0; ///< paging: rows with a smaller id
};

/// What the user and scripts do with the outbox: queue one message, list,
/// retry, cancel, and settle rows a crash interrupted.
///
/// States: queued → sending → sent | failed | cancelled | suppressed, and
/// interrupted for rows found in "sending" after a crash: they may or may not
/// have gone out, so they are never resent on their own.
class Outbox final
{
    Q_DECLARE_TR_FUNCTIONS(masir::Outbox)

public:
    explicit Outbox(const Database &db);
    ~Outbox();

    static QStringList states();
    static QString stateLabel(const QString &state);

    /// The one writer of new outbox rows: writes \a entry inside the caller's
    /// transaction. Its id; 0 when a row with its idempotency key is there
    /// already (nothing is written); nullopt with errorString() on an error.
    std::optional<qint64> add(const OutboxEntry &entry);

    /// Writes one outbox row per recipient of \a batch (campaign_recipients
    /// with a contact that still exists), inside the caller's transaction; a
    /// recipient already written is not written again. The rows written, or
    /// nullopt with errorString().
    std::optional<qint64> addCampaignRecipients(const CampaignBatch &batch);
    /// A paused campaign's queued messages are held (the sender skips them);
    /// resumed, they are queued again; cancelled, what was not sent is
    /// cancelled. The rows changed, or nullopt with errorString().
    std::optional<qint64> holdCampaign(qint64 campaignId);
    std::optional<qint64> releaseCampaign(qint64 campaignId);
    std::optional<qint64> cancelCampaign(qint64 campaignId);
    /// A deleted campaign's messages: no longer counted for it.
    std::optional<qint64> detachCampaign(qint64 campaignId);
    /// A campaign's messages by state.
    std::optional<QMap<QString, qint64>> campaignCounts(qint64 campaignId) const;

    /// Queues one message to a contact now; returns its id.
    std::optional<qint64> enqueue(const QString &channel, qint64 contactId,
                                  const QString &recipient, const QString &templateName,
                                  bool marketing, const QString &idempotencyKey = {});
    QList<OutboxRow> list(const OutboxFilter &filter) const;
    QMap<QString, qint64> countsByState() const;
    /// What message \a id tracks: {"pixel": URL, "links": [{"index", "target",
    /// "url"}]}; an empty object when it was sent untracked or not yet; nullopt
    /// when there is no such message (errorString() says so).
    std::optional<QJsonObject> tracked(qint64 id);

    /// failed or interrupted → queued, due now (interrupted: "resend").
    int retry(const QList<qint64> &ids);
    /// queued or interrupted → cancelled (interrupted: "discard").
    int cancel(const QList<qint64> &ids);

    /// Adds an address to the suppression list and cancels what waits for it.
    bool suppress(const QString &channel, const QString &address, const QString &reason,
                  const QString &detail = {});
    /// An unsubscribe suppresses marketing only; bounces and complaints everything.
    /// nullopt when the database could not tell (never read that as "no").
    /// Takes an address off the list for \a reason: a person who unsubscribed
    /// and chose to hear from the business again on its preference page.
    bool unsuppress(const QString &channel, const QString &address, const QString &reason);
    std::optional<bool> isSuppressed(const QString &channel, const QString &address,
                                     bool marketing) const;

    /// Email \a id, whatever its state; an empty SentEmail (id 0) when there is none.
    std::optional<SentEmail> email(qint64 id) const;
    /// The last email sent to \a address (through its contact) before \a beforeMs.
    std::optional<SentEmail> lastEmailTo(const QString &address, qint64 beforeMs) const;
    /// Notes on sent message \a id what came back about it later: "hard",
    /// "soft" or "complaint". In the caller's transaction.
    bool markReturned(qint64 id, const QString &kind);
    enum class Engagement
    {
        Opened = 1,
        Clicked = 2,
    };
    /// Notes that a person opened or clicked message \a id, in the caller's
    /// transaction: true when it is the message's first (the reports' unique
    /// opens and clicks), false when it was noted before.
    std::optional<bool> markEngaged(qint64 id, Engagement what);
    /// What came back about each of the last \a count emails sent to \a address
    /// of \a contactId, newest first ("" for those nothing came back about).
    std::optional<QStringList> recentReturns(qint64 contactId, const QString &address,
                                             int count) const;

    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    std::unique_ptr<StatementCache> m_statements;
    mutable QString m_error;
};

} // namespace masir
