#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace masir {

class CampaignActivity;

class EventStore;
class StatementCache;

/// An event that comes from outside Masir's own writers: a tracked open or
/// click, an unsubscribe, an order from a shop's export, a line of
/// `masir-cli event add`.
struct IncomingEvent
{
    qint64 contactId = 0; ///< the contact, or 0 to find it by \a email
    QString email;
    QString type; ///< lower case letters, digits and _ ("purchase", "cart_abandoned")
    qint64 atMs = 0;
    QJsonObject payload;
    /// A person's first open or click of its message (outbox, set by the
    /// tracking's applier): the reports' unique opens and clicks.
    bool firstOfMessage = false;
};

/// The one way in for events: it checks an event, finds its contact and
/// appends it, inside the caller's transaction. Everything that reacts to
/// events (live scoring, journey triggers and waits, goals, behaviour
/// segments, the timeline) reads the events table, so an event in through
/// here is seen by all of them in the worker's next cycle.
class EventIntake final
{
    Q_DECLARE_TR_FUNCTIONS(masir::EventIntake)
    Q_DISABLE_COPY_MOVE(EventIntake)

public:
    explicit EventIntake(QSqlDatabase db);
    ~EventIntake();

    /// The contact the event was recorded for, or nullopt with errorString()
    /// naming the field that is wrong (or the database's refusal).
    std::optional<qint64> record(const IncomingEvent &event);
    /// record() in a transaction of its own (one event from the command line).
    std::optional<qint64> recordAlone(const IncomingEvent &event);

    /// The contact \a event is for (by id, or by email), or nullopt with
    /// errorString() and errorField().
    std::optional<qint64> contactOf(const IncomingEvent &event);

    /// What is wrong with \a type as an event type, or "".
    static QString typeProblem(const QString &type);
    /// Largest payload accepted, in bytes of compact JSON.
    static constexpr int kMaxPayloadBytes = 16 * 1024;

    QString errorString() const { return m_error; }
    /// The field the last error is about ("email", "type", "at", "props"), or
    /// "" when the database refused (then nothing more should be written).
    QString errorField() const { return m_field; }
    bool isDatabaseError() const { return !m_error.isEmpty() && m_field.isEmpty(); }

private:
    bool countPurchase(qint64 contactId, const IncomingEvent &e);

    QSqlDatabase m_db;
    std::unique_ptr<CampaignActivity> m_campaigns;
    qint64 m_attributionMs = 0;
    std::unique_ptr<EventStore> m_events;
    std::unique_ptr<StatementCache> m_statements;
    QSet<QString> m_goodTypes; ///< types already checked: a batch has a few
    QString m_error;
    QString m_field;
};

} // namespace masir
