#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace masir {

class Database;

/// One scoring rule: points for an event (optionally only when a payload
/// property passes a test), capped per period; or points per 30 days without
/// any activity (negative: decay).
struct ScoringRule
{
    enum class Kind
    {
        Event,
        Inactivity,
    };
    qint64 id = 0;
    Kind kind = Kind::Event;
    QString eventType;
    QString property; ///< payload property to test ("amount"), or empty
    QString op;       ///< eq, ne, lt, le, gt, ge
    double value = 0;
    int points = 0;
    int capPoints = 0; ///< at most this many points (in absolute value) per period; 0: no cap
    int capDays = 0;   ///< the period of the cap, in days; 0: for ever
    bool enabled = true;
};

/// The lifecycle stages, in funnel order (configurable per workspace).
class LifecycleStages final
{
    Q_DECLARE_TR_FUNCTIONS(masir::LifecycleStages)

public:
    explicit LifecycleStages(const Database &db);
    QStringList keys() const;
    bool setKeys(const QStringList &keys, QString *error);
    static QString label(const QString &key);
    /// Contacts per stage, in funnel order (stages no one is in are included, 0).
    QList<QPair<QString, qint64>> funnel() const;

private:
    const Database &m_db;
};

/// Lead scoring: rules, live scoring of new events, recomputation from history,
/// and the thresholds that move leads to MQL and SQL with a task for the owner.
class LeadScoring final
{
    Q_DECLARE_TR_FUNCTIONS(masir::LeadScoring)

public:
    explicit LeadScoring(const Database &db);

    QList<ScoringRule> rules() const;
    bool saveRule(ScoringRule &rule);
    bool removeRule(qint64 id);

    /// Live scoring: scores every event that came in since the last call (or
    /// the last recompute), by the rules, with their caps and the thresholds,
    /// \a batchSize events per transaction with the place it stopped. The
    /// worker runs it every cycle, so an event moves a score, and a crossed
    /// threshold promotes the lead, within one cycle of its arrival. Returns
    /// how many events it read. Batches grow from kFirstBatch up to
    /// \a batchSize while each holds the write lock for less than half of
    /// kBatchBudgetMs: small batches rewrite the same score pages more often
    /// (20,000: a quarter more written for 100,000 hits than 50,000).
    std::optional<qint64> scoreNewEvents(int batchSize = 50000);
    static constexpr int kFirstBatch = 25000;
    static constexpr qint64 kBatchBudgetMs = 2000;
    static constexpr int kLiveCacheKiB = 128 * 1024;

    struct RecomputeResult
    {
        qint64 contacts = 0; ///< contacts whose score changed
        qint64 promoted = 0; ///< contacts moved to MQL or SQL
    };
    /// Recomputes every score from the event history as of \a now. Each change
    /// is kept in the score history (ScoreHistory); thresholds are applied after.
    std::optional<RecomputeResult>
    recomputeAll(const QDateTime &now = QDateTime::currentDateTimeUtc());

    QString errorString() const { return m_error; }

private:
    struct Batch;
    std::optional<qint64> scoreBatch(int batchSize);
    std::optional<int> pointsFor(Batch &batch, const QList<ScoringRule> &rules, qint64 eventId,
                                 qint64 contactId, const QString &type, qint64 at,
                                 const QByteArray &payloadJson);
    bool addPoints(Batch &batch, qint64 contactId, int points, const QString &reason, qint64 atMs);
    bool applyThresholds(Batch &batch, qint64 contactId, int score, const QDateTime &when);

    const Database &m_db;
    QString m_error;
};

} // namespace masir
