#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <limits>
#include <map>
#include <memory>

namespace masir {

class StatementCache;

/// One thing that happened to a contact. Scoring, segments, journey triggers and
/// reports all read these; nobody invents a side channel.
struct Event
{
    qint64 id = 0;
    qint64 contactId = 0;
    QString type; ///< "contact_created", "email_opened", "purchase", ...
    QDateTime occurredAt;
    QJsonObject payload;
};

/// Well-known event types.
namespace EventType {
inline const QString ContactCreated = QStringLiteral("contact_created");
inline const QString ContactImported = QStringLiteral("contact_imported"); ///< derived from imports
inline const QString ContactUpdated = QStringLiteral("contact_updated");
inline const QString ContactsMerged = QStringLiteral("contacts_merged");
inline const QString TagAdded = QStringLiteral("tag_added");
inline const QString TagRemoved = QStringLiteral("tag_removed");
inline const QString ConsentChanged = QStringLiteral("consent_changed");
inline const QString StageChanged = QStringLiteral("stage_changed");
inline const QString ScoreChanged = QStringLiteral("score_changed"); ///< from ScoreHistory
inline const QString EmailSent = QStringLiteral("email_sent");
inline const QString EmailOpened = QStringLiteral("email_opened");
inline const QString EmailClicked = QStringLiteral("email_clicked");
inline const QString SmsSent = QStringLiteral("sms_sent");
inline const QString EmailBounced = QStringLiteral("email_bounced");
/// Refused for now (mailbox full, server busy), read from the mailbox: three
/// in a row suppress the address.
inline const QString EmailSoftBounced = QStringLiteral("email_soft_bounced");
/// The recipient marked the email as spam (a feedback-loop report).
inline const QString EmailComplained = QStringLiteral("email_complained");
inline const QString Unsubscribed = QStringLiteral("unsubscribed");
inline const QString FormSubmitted = QStringLiteral("form_submitted");
inline const QString Purchase = QStringLiteral("purchase");
inline const QString PageViewed = QStringLiteral("page_viewed");
inline const QString NoteAdded = QStringLiteral("note_added");
inline const QString TaskCreated = QStringLiteral("task_created");
inline const QString TaskDone = QStringLiteral("task_done");
/// A deal was opened, moved to another stage of its pipeline, or deleted (the
/// payload names the deal, its title, its pipeline and the stages' keys).
inline const QString DealCreated = QStringLiteral("deal_created");
inline const QString DealStageChanged = QStringLiteral("deal_stage_changed");
inline const QString DealDeleted = QStringLiteral("deal_deleted");
inline const QString SmsClicked = QStringLiteral("sms_clicked");
/// Opens and clicks by machines (privacy proxies, link scanners): kept for
/// reports, but no rule, trigger or segment counts them as the person's.
inline const QString EmailMachineOpened = QStringLiteral("email_machine_opened");
inline const QString EmailMachineClicked = QStringLiteral("email_machine_clicked");
inline const QString PreferencesChanged = QStringLiteral("preferences_changed");
} // namespace EventType

/// What an event adds to the reports' tallies (event_tallies): one event of
/// its kind in its quarter of an hour, and for a purchase its amount.
struct EventTally
{
    static constexpr qint64 kSlotMs = 15 * 60 * 1000; ///< any zone's days add up
    qint64 slot = 0;
    QString kind;       ///< the type; "stage_changed:STAGE" for a stage reached
    bool first = false; ///< an open or click that was its message's first (people's), or
                        ///< a stage the contact reached for the first time
    double amount = 0;
};

/// While one is open on a connection, the tallies of every EventStore on that
/// connection are added up in memory and written by flush(), one row a slot
/// and kind, in key order. A writer that works beside others on a server (a
/// journey batch: Transaction::Mode::Claim) holds its tallies this way, so
/// that a busy tally row is locked from its flush to its commit, not from its
/// first event on, and two such writers lock them in the same order. Dropped
/// unflushed, what it held is lost with the transaction it belonged to.
class EventTallyHold final
{
    Q_DISABLE_COPY_MOVE(EventTallyHold)

public:
    explicit EventTallyHold(QSqlDatabase db);
    ~EventTallyHold();

    /// Writes what it holds (inside the caller's transaction) and empties it;
    /// false with errorString() when the database refused.
    bool flush();
    QString errorString() const { return m_error; }

private:
    friend class EventStore;
    struct Sum
    {
        qint64 events = 0;
        qint64 firsts = 0;
        double amount = 0;
    };
    void add(const EventTally &t);

    QSqlDatabase m_db;
    std::map<std::pair<qint64, QString>, Sum> m_sums;
    QString m_error;
};

/// Where a page of a timeline starts: the entries before (at, id) in newest
/// first order. The defaults start from the newest; id 0 takes none at \a atMs,
/// the largest id all of them.
struct TimelineBefore
{
    qint64 atMs = std::numeric_limits<qint64>::max();
    qint64 id = std::numeric_limits<qint64>::max();
};

/// Which types of event a timeline page shows: only \a types, or all but them.
struct TypeFilter
{
    QStringList types; ///< empty with exclude: every type
    bool exclude = true;
};

/// The one writer of the events table and of its tallies (event_tallies, and
/// contact_purchases: what each customer bought), and its plain reader.
///
/// Writes happen on the connection given, inside the caller's transaction; an
/// EventStore keeps its statements prepared, so a caller that writes many events
/// (a recomputation, the demo) keeps one EventStore for all of them.
class EventStore final
{
    Q_DECLARE_TR_FUNCTIONS(masir::EventStore)
    Q_DISABLE_COPY_MOVE(EventStore)

public:
    explicit EventStore(QSqlDatabase db);
    ~EventStore();

    bool append(qint64 contactId, const QString &type, const QDateTime &when,
                const QJsonObject &payload = {});
    /// \a first: the event is a first (a person's first open or click of
    /// its message, a contact's first time at a stage), for the reports'
    /// tallies; an open or click of no message is always its own first.
    bool append(qint64 contactId, const QString &type, qint64 whenMs,
                const QJsonObject &payload = {}, bool first = false);
    /// The same, with the payload already written as compact JSON.
    bool appendJson(qint64 contactId, const QString &type, qint64 whenMs,
                    const QByteArray &payloadJson, bool first = false);
    /// The same, but writes nothing (and succeeds) when the contact was deleted
    /// meanwhile: for results that arrive after the fact, such as a delivery.
    bool appendIfPresent(qint64 contactId, const QString &type, const QDateTime &when,
                         const QJsonObject &payload = {});
    /// Gives every event of \a fromContact to \a toContact (a merge).
    bool moveContact(qint64 fromContact, qint64 toContact);
    /// A purchase's amount as the reports read it: a number, or text that is
    /// one (refunds are negative); anything else 0.
    static double purchaseAmount(const QJsonObject &payload);
    /// Newest first, from \a before on, of the types \a filter lets through.
    QList<Event> timeline(qint64 contactId, int limit = 100, const TimelineBefore &before = {},
                          const TypeFilter &filter = {}) const;
    qint64 countFor(qint64 contactId) const;
    QString errorString() const { return m_error; }

private:
    /// What an event of \a type at \a whenMs with \a payloadJson adds to the tallies.
    static EventTally tallyOf(const QString &type, qint64 whenMs, const QByteArray &payloadJson,
                              bool first);
    bool tally(qint64 contactId, const QString &type, qint64 whenMs, const QByteArray &payloadJson,
               bool first);
    /// Adds \a events of a slot and kind to event_tallies.
    bool writeTally(qint64 slot, const QString &kind, qint64 events, qint64 firsts, double amount);
    friend class EventTallyHold;
    /// contact_purchases: the customer's orders, revenue, first and last purchase.
    bool addPurchase(qint64 contactId, double amount, qint64 whenMs);
    /// A customer's revenue in the year from the first purchase, from the events.
    bool recountFirstYear(qint64 contactId);
    bool insert(const QString &sql, qint64 contactId, const QString &type, qint64 whenMs,
                const QByteArray &payloadJson, bool onlyIfPresent, bool first = false);

    QSqlDatabase m_db;
    std::unique_ptr<StatementCache> m_statements;
    QString m_error;
};

} // namespace masir
