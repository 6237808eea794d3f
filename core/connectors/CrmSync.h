#pragma once

#include "importing/ImportJob.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace masir {

class CrmConnector;
class Database;

/// How a CRM sync went: what came in, what the import made of it, the deals.
struct CrmSyncReport
{
    QString connector;
    bool full = false;
    bool resumed = false; ///< went on from where a killed sync stopped
    bool cancelled = false;
    qint64 people = 0;   ///< people read from the CRM
    ImportReport import; ///< the same report as a CSV import's (its id, counts, issues)
    qint64 dealsCreated = 0;
    qint64 dealsUpdated = 0;
    qint64 dealsMoved = 0;
    QStringList dealIssues;   ///< deals that could not be written, each with its reason
    qint64 writtenBack = 0;   ///< people whose score, stage or unsubscribe went to the CRM
    qint64 erasedLeftOut = 0; ///< people the CRM still has whom the user erased here
    int rateLimitWaits = 0;
    double seconds = 0;
    QString error;
    QJsonObject toJson() const;
};

/// What the sync of one connector is doing, for progress bars.
struct CrmSyncProgress
{
    QString phase; ///< "people", "import", "deals"
    qint64 done = 0;
};

/// One sync of a CRM into the workspace, in three phases, each resumable:
///
/// 1. people: pages of people (all, or those changed since the last sync)
///    appended to a staging CSV beside the workspace, the cursor and the
///    file's length saved after each page;
/// 2. import: the staging file through the same import as a CSV file (the
///    connector's remembered column mapping, matching by email then phone,
///    the CRM's id in a custom field), so the report, undo and crash safety
///    are the import's;
/// 3. deals: pages of deals written by the CRM's id, moved between the
///    stages of a pipeline named after the CRM's (a stage change starts
///    journeys, a won deal is revenue).
///
/// The one writer of crm_sync. A sync killed at any point goes on from its
/// cursor the next time, and writes no person or deal twice.
class CrmSync final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CrmSync)

public:
    CrmSync(const Database &db, CrmConnector &connector);

    std::optional<CrmSyncReport>
    run(bool full, const std::function<void(const CrmSyncProgress &)> &progress = {},
        const std::atomic<bool> *stop = nullptr);
    QString errorString() const { return m_error; }
    /// After the deals, writes these Masir fields of the people changed here
    /// since the last write-back into the CRM (CrmConnection::writeBack).
    void setWriteBack(const QStringList &fields, const QMap<QString, QString> &properties);

    /// The column mapping the import uses when none was remembered.
    static QStringList defaultTargets(const QString &connector);
    /// The staging file's column names for a CRM called \a label ("HubSpot
    /// email"...): the import remembers the mapping the user chose for them.
    static QStringList headers(const QString &label);
    /// Where the staging file of \a connector lies.
    static QString stagingPath(const Database &db, const QString &connector);
    /// The last sync's report, and when it ended (0: never).
    static std::pair<QJsonObject, qint64> lastReport(const Database &db, const QString &connector);

private:
    struct State;
    std::optional<State> load();
    bool save(const State &state);
    bool stagePeople(State &state, CrmSyncReport &report,
                     const std::function<void(const CrmSyncProgress &)> &progress,
                     const std::atomic<bool> *stop);
    bool importPeople(State &state, CrmSyncReport &report,
                      const std::function<void(const CrmSyncProgress &)> &progress,
                      const std::atomic<bool> *stop);
    bool writeBack(CrmSyncReport &report);
    bool syncDeals(State &state, CrmSyncReport &report,
                   const std::function<void(const CrmSyncProgress &)> &progress,
                   const std::atomic<bool> *stop);

    const Database &m_db;
    CrmConnector &m_connector;
    QStringList m_writeBack;
    QMap<QString, QString> m_properties;
    QString m_error;
};

} // namespace masir
