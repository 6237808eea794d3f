#pragma once

#include "crm/Pipelines.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace masir {

class EventStore;
class Tasks;

struct Deal
{
    qint64 id = 0;
    qint64 pipelineId = 0;
    qint64 stageId = 0;
    qint64 contactId = 0; ///< 0: none
    QString title;
    double amount = 0;
    QString currency;
    QDate expectedClose; ///< invalid: not set
    QString owner;
    QDateTime createdAt;
    QDateTime stageAt;      ///< when it came to its stage
    QDateTime activityAt;   ///< the last change, note or task done on it
    QDateTime closedAt;     ///< invalid: open
    QString contactName;    ///< as lists show it
    QString externalSource; ///< the CRM it came from ("hubspot"), "" when made here
    QString externalId;     ///< its id there
};

/// Which deals a board or list shows.
struct DealQuery
{
    qint64 pipelineId = 0; ///< 0: any
    qint64 contactId = 0;  ///< 0: any
    QString owner;         ///< empty: anyone's
    QString search;        ///< in the title and the contact's name or email
    bool openOnly = false;
    int limit = 5000;
};

/// One month of the weighted forecast: the open deals expected to close in it.
struct ForecastMonth
{
    QDate month; ///< the first day of the month, in the calendar asked for
    int deals = 0;
    double amount = 0;
    double weighted = 0; ///< each deal's amount times its stage's probability
};

/// The one writer of the deals table, and its reader. Every change is on the
/// contact's timeline in the same transaction (deal_created, deal_stage_changed
/// with the pipeline and both stages' keys, which journeys can start on), and a
/// deal that reaches a won stage is revenue: a purchase event of its amount,
/// taken back (a refund) when it leaves the won stage again.
class Deals final
{
    Q_DECLARE_TR_FUNCTIONS(masir::Deals)
    Q_DISABLE_COPY_MOVE(Deals)

public:
    explicit Deals(QSqlDatabase db);
    ~Deals();

    /// Its id, or nullopt with errorString(). \a deal.stageId 0: the first stage.
    std::optional<qint64> create(const Deal &deal, qint64 atMs);
    /// Title, contact, amount, currency, expected close and owner.
    bool update(const Deal &deal, qint64 atMs);
    /// Moves the deal to \a stageId (of its pipeline). The stage it was in, or
    /// nullopt with errorString().
    std::optional<qint64> move(qint64 dealId, qint64 stageId, qint64 atMs);
    bool remove(qint64 dealId, qint64 atMs);
    /// A note or task about the deal counts as activity.
    bool touch(qint64 dealId, qint64 atMs);

    std::optional<Deal> find(qint64 dealId) const;
    /// The deal that came from \a source with its id \a externalId there.
    std::optional<Deal> findExternal(const QString &source, const QString &externalId) const;
    /// In board order: by stage, then the longest in its stage first.
    QList<Deal> list(const DealQuery &query) const;
    /// Open deals by the month they are expected to close (in \a calendar);
    /// those with no date in an invalid month, first.
    QList<ForecastMonth> forecast(qint64 pipelineId, QCalendar calendar) const;

    /// A follow-up task, owned by the deal's owner, for every open deal with no
    /// activity for \a days days and no open task: how many were made, or
    /// nullopt with errorString().
    std::optional<int> createFollowUps(qint64 nowMs, int days);

    QString errorString() const { return m_error; }

private:
    bool writeRevenue(const Deal &deal, double amount, qint64 atMs, const QString &why);
    bool stageEvent(const Deal &deal, const Pipeline &pipeline, const PipelineStage *from,
                    const PipelineStage &to, qint64 atMs);

    QSqlDatabase m_db;
    std::unique_ptr<EventStore> m_events;
    std::unique_ptr<Tasks> m_tasks;
    QString m_error;
};

} // namespace masir
