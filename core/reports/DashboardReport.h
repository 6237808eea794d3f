#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace masir {

class Database;
class Transaction;

/// Days from \a first to \a last, inclusive, in \a zone: [fromMs, toMs).
struct ReportPeriod
{
    Q_DECLARE_TR_FUNCTIONS(masir::ReportPeriod)

public:
    QDate first;
    QDate last;
    QTimeZone zone = QTimeZone::systemTimeZone();

    qint64 fromMs() const;
    qint64 toMs() const;
    int days() const { return int(first.daysTo(last)) + 1; }
    /// What is wrong with the period for a report (empty: nothing).
    QString problem() const;
    /// The period of as many days just before this one.
    ReportPeriod previous() const;
    /// The last \a days days up to \a today.
    static ReportPeriod lastDays(int days, QDate today, const QTimeZone &zone);
};

/// A report's reading: its period checked, then one snapshot of the workspace
/// that every query of the report sees, whatever is committed meanwhile.
class ReportRead final
{
public:
    explicit ReportRead(const Database &db, const ReportPeriod *period = nullptr);
    ~ReportRead();
    Q_DISABLE_COPY_MOVE(ReportRead)
    /// Whether the report can be read; if not, \a error says why.
    bool started(QString &error) const;

private:
    QString m_problem;
    std::unique_ptr<Transaction> m_snapshot;
};

/// What happened in one period.
struct DashboardFigures
{
    qint64 newContacts = 0;
    qint64 leads = 0; ///< contacts who became leads, MQLs, SQLs, customers in the period,
                      ///< for the first time
    qint64 mqls = 0;
    qint64 sqls = 0;
    qint64 customers = 0;
    qint64 emailsSent = 0;
    qint64 smsSent = 0;
    qint64 bounces = 0;
    qint64 complaints = 0;
    qint64 unsubscribes = 0;
    qint64 uniqueOpens = 0;  ///< emails opened by a person (not a machine) for the first time
    qint64 uniqueClicks = 0; ///< ... clicked
    qint64 purchases = 0;    ///< refunds (negative amounts) included
    double revenue = 0;

    qint64 delivered() const;
    double deliveryRate() const;
    double openRate() const;
    double clickRate() const;
    QJsonObject toJson() const;
};

/// One day of the period, for the charts.
struct DashboardDay
{
    QDate day;
    qint64 emailsSent = 0;
    qint64 opens = 0;
    qint64 clicks = 0;
    qint64 newContacts = 0;
    double revenue = 0;
};

struct DashboardSource
{
    QString source; ///< empty: not known
    qint64 contacts = 0;
};

struct DashboardCampaign
{
    qint64 id = 0;
    QString name;
    qint64 recipients = 0;
    qint64 conversions = 0;
    double revenue = 0;
};

struct DashboardJourney
{
    qint64 id = 0;
    QString name;
    qint64 conversions = 0; ///< purchases whose last marketing message was the journey's
    double revenue = 0;
};

struct Dashboard
{
    ReportPeriod period;
    DashboardFigures figures;
    DashboardFigures before; ///< the period before, as long
    QList<DashboardDay> days;
    QList<DashboardSource> sources;     ///< of the period's new contacts, most first
    QList<DashboardCampaign> campaigns; ///< started in the period, by revenue
    QList<DashboardJourney> journeys;   ///< by the revenue of the period's purchases

    QJsonObject toJson() const;
    /// The figures as rows (a header, then metric, this period, the one before).
    QList<QStringList> figureRows() const;
    /// The days as rows (a header first).
    QList<QStringList> dayRows() const;
};

/// The Reports page's dashboard and `masir-cli report dashboard`: one period
/// compared with the one before it, read in one snapshot from the events'
/// tallies (event_tallies: per quarter of an hour and kind, so a period reads
/// a few thousand rows, not millions of events; what happened stays counted
/// when a contact is deleted later), the contacts' creation dates and sources,
/// and campaign_totals.
class DashboardReport final
{
    Q_DECLARE_TR_FUNCTIONS(masir::DashboardReport)

public:
    explicit DashboardReport(const Database &db);

    std::optional<Dashboard> build(const ReportPeriod &period);
    QString errorString() const { return m_error; }

    static constexpr int kTopCampaigns = 5;
    static constexpr int kTopSources = 6;

private:
    bool figures(const ReportPeriod &p, DashboardFigures &out);
    bool daily(const ReportPeriod &p, QList<DashboardDay> &out);
    bool sources(const ReportPeriod &p, QList<DashboardSource> &out);
    bool campaigns(const ReportPeriod &p, QList<DashboardCampaign> &out);
    bool journeys(const ReportPeriod &p, QList<DashboardJourney> &out);

    const Database &m_db;
    QString m_error;
};

} // namespace masir
