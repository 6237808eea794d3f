#pragma once

#include "render/ReportDocument.h"
#include "reports/DashboardReport.h"
#include "reports/FunnelReport.h"
#include "reports/RfmReport.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace masir {
class BackgroundTasks;
class Database;
} // namespace masir

namespace masir::ui {

class MessageLabel;
class ReportChart;
class ReportView;

/// Reports: a period (presets, or from and to in the user's calendar) and the
/// reports over it, one tab each.
/// - Dashboard: the period against the one before it, as tiles with their
///   change, a chart of sending, opens and clicks per day and one of new
///   contacts by source, and the top campaigns by revenue.
/// - Funnel: the lifecycle stages, reached in the period or by the contacts
///   who came in it, with the conversion and the median time between them.
/// - Customers: the RFM view as of today, each group saved as a segment in
///   one click.
/// - Campaign: one campaign's delivery, people's opens and clicks (machines
///   apart), rates, purchases by last or first touch, the variants side by
///   side, opens and clicks over the hours after sending and the click map.
/// - Journey: one journey's contacts at and through each step, its goal, the
///   median time to it and the revenue it earned.
/// - Revenue: per channel, campaign and journey with the return on the cost
///   of sending; the cost of a new customer per source; lifetime value per
///   segment.
/// Every chart has its numbers in a table beside it. Read off the UI thread;
/// Copy puts the report's tables on the clipboard, Export writes CSV or PDF.
class ReportsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit ReportsPage(const Database &db, QWidget *parent = nullptr);

    enum Preset
    {
        Last7,
        Last30,
        Last90,
        ThisMonth,
        LastMonth,
        Custom,
    };
    enum Report
    {
        DashboardReportTab,
        FunnelReportTab,
        CustomersReportTab,
        CampaignReportTab,
        JourneyReportTab,
        RevenueReportTab,
    };
    void setPreset(Preset preset);
    void setPeriod(QDate first, QDate last);
    ReportPeriod period() const;
    void showReport(Report report);
    void setFunnelBasis(Funnel::Basis basis);
    /// The Campaign tab, on campaign \a campaignId.
    void showCampaign(qint64 campaignId);
    /// The Journey tab, on journey \a journeyId.
    void showJourney(qint64 journeyId);
    /// The reports shown, once read.
    const std::optional<Dashboard> &dashboard() const { return m_dashboard; }
    const std::optional<Funnel> &funnel() const { return m_funnel; }
    const std::optional<Rfm> &rfm() const { return m_rfm; }
    const std::optional<CampaignReportData> &campaignReport() const { return m_campaign; }
    const std::optional<JourneyFigures> &journeyReport() const { return m_journey; }
    const std::optional<Revenue> &revenue() const { return m_revenue; }
    ReportView *revenueView() const { return m_revenueView; }
    bool isBusy() const;

    QTableWidget *daysTable() const { return m_days; }
    QTableWidget *sourcesTable() const { return m_sources; }
    QTableWidget *campaignsTable() const { return m_campaigns; }
    QTableWidget *funnelTable() const { return m_funnelTable; }
    QTableWidget *rfmTable() const { return m_rfmTable; }
    QTableWidget *campaignResultsTable() const { return m_campaignResults; }
    QTableWidget *campaignLinksTable() const { return m_campaignLinks; }
    QTableWidget *journeyStepsTable() const { return m_journeySteps; }
    /// Saves the customers of RFM group \a row (of rfmTable()) as a segment
    /// that follows the group's thresholds; its name, or empty on an error.
    QString saveGroupAsSegment(int row);
    QLabel *tile(const QString &key) const;

    /// The report shown, as tab-separated text for the clipboard.
    QString tablesAsText() const;
    void copyToClipboard();
    bool exportCsv(const QString &path);
    bool exportPdf(const QString &path);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    /// A refresh delivered (tests wait for it).
    void reportShown();
    /// A segment was saved from a report.
    void segmentSaved(qint64 segmentId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Result
    {
        std::optional<Dashboard> dashboard;
        std::optional<Funnel> funnel;
        std::optional<Rfm> rfm;
        std::optional<CampaignReportData> campaign;
        Campaign campaignInfo;
        std::optional<JourneyFigures> journey;
        std::optional<Revenue> revenue;
        QString error;
    };
    QWidget *makeDashboardTab();
    QWidget *makeFunnelTab();
    QWidget *makeCustomersTab();
    QWidget *makeCampaignTab();
    QWidget *makeJourneyTab();
    QWidget *makeRevenueTab();
    void loadCampaigns();
    void loadJourneys();
    /// No period on the reports that are not over one.
    void periodApplies(int tab);
    void showCampaignDocument();
    ReportDocuments::Touch touch() const;
    void display(const Result &result);
    void fillTiles(QGridLayout *grid, const ReportDocument &doc, const QString &prefix);
    void addTile(QGridLayout *grid, int index, const QString &key, const QString &title);
    std::optional<ReportDocument> document() const;
    QList<QList<QStringList>> csvTables() const;
    void saved(bool ok, const QString &path, const QString &error);

    const Database &m_db;
    BackgroundTasks *m_tasks = nullptr;
    QComboBox *m_preset = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QProgressBar *m_busy = nullptr;
    MessageLabel *m_error = nullptr;
    QTabWidget *m_reports = nullptr;
    QGridLayout *m_tileGrid = nullptr;
    QHash<QString, QLabel *> m_tiles;
    ReportChart *m_activityChart = nullptr;
    ReportChart *m_sourcesChart = nullptr;
    QTableWidget *m_days = nullptr;
    QTableWidget *m_sources = nullptr;
    QTableWidget *m_campaigns = nullptr;
    QTableWidget *m_journeys = nullptr;
    QComboBox *m_funnelBasis = nullptr;
    ReportChart *m_funnelChart = nullptr;
    QTableWidget *m_funnelTable = nullptr;
    ReportChart *m_rfmChart = nullptr;
    QTableWidget *m_rfmTable = nullptr;
    QTableWidget *m_rfmGrid = nullptr;
    QPushButton *m_saveSegment = nullptr;
    QComboBox *m_campaignPick = nullptr;
    QComboBox *m_touch = nullptr;
    QGridLayout *m_campaignTiles = nullptr;
    QTableWidget *m_campaignResults = nullptr;
    ReportChart *m_hoursChart = nullptr;
    QTableWidget *m_hoursTable = nullptr;
    ReportChart *m_linksChart = nullptr;
    QTableWidget *m_campaignLinks = nullptr;
    QLabel *m_campaignNote = nullptr;
    QComboBox *m_journeyPick = nullptr;
    QGridLayout *m_journeyTiles = nullptr;
    ReportChart *m_journeyChart = nullptr;
    QTableWidget *m_journeySteps = nullptr;
    ReportView *m_revenueView = nullptr;
    std::optional<Dashboard> m_dashboard;
    std::optional<Funnel> m_funnel;
    std::optional<Rfm> m_rfm;
    std::optional<CampaignReportData> m_campaign;
    Campaign m_campaignInfo;
    std::optional<JourneyFigures> m_journey;
    std::optional<Revenue> m_revenue;
    bool m_settingPeriod = false;
};

} // namespace masir::ui
