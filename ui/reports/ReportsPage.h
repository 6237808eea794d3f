#pragma once

#include "reports/DashboardReport.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace masir {
class BackgroundTasks;
class Database;
} // namespace masir

namespace masir::ui {

class MessageLabel;
class ReportChart;

/// Reports → Dashboard: a period (presets, or from and to in the user's
/// calendar) against the one before it, as tiles with their change, a chart
/// of sending, opens and clicks per day and one of new contacts by source,
/// each with its numbers in a table beside it, and the top campaigns by
/// revenue. Read off the UI thread; Copy puts every table on the clipboard,
/// Export writes them to CSV.
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
    void setPreset(Preset preset);
    void setPeriod(QDate first, QDate last);
    ReportPeriod period() const;
    /// The dashboard shown, once read.
    const std::optional<Dashboard> &dashboard() const { return m_dashboard; }
    bool isBusy() const;

    QTableWidget *daysTable() const { return m_days; }
    QTableWidget *sourcesTable() const { return m_sources; }
    QTableWidget *campaignsTable() const { return m_campaigns; }
    QLabel *tile(const QString &key) const;

    /// Every table as tab-separated text, for the clipboard.
    QString tablesAsText() const;
    void copyToClipboard();
    bool exportCsv(const QString &path);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    /// A refresh delivered (tests wait for it).
    void dashboardShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showDashboard(const std::optional<Dashboard> &dashboard, const QString &error);
    void fillTiles(const Dashboard &d);
    void fillTables(const Dashboard &d);
    void addTile(QGridLayout *grid, int index, const QString &key, const QString &title);

    const Database &m_db;
    BackgroundTasks *m_tasks = nullptr;
    QComboBox *m_preset = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QProgressBar *m_busy = nullptr;
    MessageLabel *m_error = nullptr;
    QHash<QString, QLabel *> m_tiles;
    ReportChart *m_activityChart = nullptr;
    ReportChart *m_sourcesChart = nullptr;
    QTableWidget *m_days = nullptr;
    QTableWidget *m_sources = nullptr;
    QTableWidget *m_campaigns = nullptr;
    std::optional<Dashboard> m_dashboard;
    bool m_settingPeriod = false;
};

} // namespace masir::ui
