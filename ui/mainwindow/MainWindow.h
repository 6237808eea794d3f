#pragma once

#include "common/Clock.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;
class QUndoStack;

namespace masir {
class Database;
class Worker;
} // namespace masir

namespace masir::ui {

class ContactsPage;
class DealsPage;
class TasksPage;
class JourneysPage;
class OutboxPage;
class CampaignsPage;
class TemplatesPage;
class SegmentsPage;

/// The main window: a navigation sidebar, one page per part of Masir, menus with
/// keyboard shortcuts, and a status bar. Geometry is remembered between runs.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum Page
    {
        ContactsPageIndex,
        TasksPageIndex,
        DealsPageIndex,
        SegmentsPageIndex,
        JourneysPageIndex,
        CampaignsPageIndex,
        TemplatesPageIndex,
        OutboxPageIndex,
        ReportsPageIndex,
        SettingsPageIndex,
        PageCount
    };

    explicit MainWindow(const Database &db, QWidget *parent = nullptr);
    ~MainWindow() override;

    ContactsPage *contactsPage() const { return m_contacts; }
    SegmentsPage *segmentsPage() const { return m_segments; }
    JourneysPage *journeysPage() const { return m_journeys; }
    TasksPage *tasksPage() const { return m_tasks; }
    DealsPage *dealsPage() const { return m_deals; }
    /// Reminds of the tasks that fell due (desktop notification, status bar)
    /// and updates the badge on Tasks; run every half minute.
    void remindTasks();
    Worker *worker() const { return m_worker; }
    class TrackingHost *trackingHost() const { return m_tracking; }
    /// Opens the lead scoring and stages dialog.
    void editScoring();
    QListWidget *navigation() const { return m_navigation; }
    QUndoStack *undoStack() const { return m_undo; }
    void showPage(Page page);
    Page currentPage() const;

Q_SIGNALS:
    /// File → New or Open Workspace chose \a path: the application closes
    /// this window (if it may) and opens that workspace in a new one.
    void workspaceRequested(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildWorkspaceMenu(QMenu *file);
    void updateModified();
    void newWorkspace();
    void openWorkspace();
    void addPage(const QString &title, const QString &icon, QWidget *page);
    void showStatus(const QString &message, int timeoutMs);
    void updateTotal(qint64 total);

    const Database &m_db;
    QUndoStack *m_undo = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    ContactsPage *m_contacts = nullptr;
    TasksPage *m_tasks = nullptr;
    DealsPage *m_deals = nullptr;
    void updateTaskBadge();
    qint64 m_dueTasks = -1; ///< on the badge
    SegmentsPage *m_segments = nullptr;
    JourneysPage *m_journeys = nullptr;
    TemplatesPage *m_templates = nullptr;
    OutboxPage *m_outbox = nullptr;
    CampaignsPage *m_campaigns = nullptr;
    QList<qint64> m_sentTimes; ///< when the worker's recent sends finished, for "N/min"
    void updateWorkerLabel();
    /// On a server workspace this computer does not send unless asked: the
    /// label then says which worker sends, from the workers' heartbeats.
    QString serverWorkerText(QString *toolTip) const;
    /// On a server workspace whose worker found the server again: opens the
    /// window's connection again if it was lost, and reads the pages again.
    void connectAgain();
    void editChannels();
    void editTracking();
    void notifyDesktop(const QStringList &messages);
    QSystemTrayIcon *m_tray = nullptr;
    SystemClock m_clock;
    Worker *m_worker = nullptr;
    class TrackingHost *m_tracking = nullptr;
    QLabel *m_workerLabel = nullptr;
    QAction *m_pauseJourneys = nullptr;
    QAction *m_sendHere = nullptr; ///< a server workspace's "Send From This Computer"
    QLabel *m_totalLabel = nullptr;
    QLabel *m_selectionLabel = nullptr;
};

} // namespace masir::ui
