#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QStackedWidget;
class QTableView;
class QTextBrowser;
class QTimer;

namespace masir {
class BackgroundTasks;
class CampaignListModel;
class CampaignRepository;
class Clock;
class Database;
struct Campaign;
} // namespace masir

namespace masir::ui {

class MessageLabel;
class TestSendController;

/// Campaigns: the list with each one's state and live progress; new, edit,
/// duplicate, send a test, pause, resume, cancel and delete; below, the
/// selected campaign's report (sent, delivered, opens and clicks by people and
/// by machines, unsubscribes, complaints, conversions and revenue, by A/B
/// variant, with the test's result and, when it waits for one, the choice of
/// the winner).
class CampaignsPage final : public QWidget
{
    Q_OBJECT

public:
    CampaignsPage(const Database &db, const Clock &clock, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    CampaignListModel *model() const { return m_model; }
    QTextBrowser *report() const { return m_report; }
    QAction *newAction() const { return m_new; }
    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    QAction *cancelAction() const { return m_cancel; }

    qint64 currentId() const;
    void selectId(qint64 id);
    /// Opens the editor for a new campaign (or \a id's); true when saved.
    bool edit(qint64 id = 0);

public Q_SLOTS:
    /// Reads the campaigns and their progress again, off the UI thread.
    void refresh();

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    /// A campaign was scheduled, resumed or its winner chosen: the worker should look now.
    void campaignsChanged();
    /// "Full Report": the campaign's report on the Reports page.
    void reportRequested(qint64 campaignId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateActions();
    void showReport();
    void change(bool (CampaignRepository::*action)(qint64), const QString &done);
    void pickWinner(int variant);
    void sendTest();

    const Database &m_db;
    const Clock &m_clock;
    BackgroundTasks *m_tasks = nullptr;
    CampaignListModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_report = nullptr;
    MessageLabel *m_message = nullptr;
    QTimer *m_live = nullptr;
    bool m_changing = false; ///< a pause, resume, cancel or delete is on its way
    TestSendController *m_tests = nullptr;
    QAction *m_new = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_test = nullptr;
    QAction *m_fullReport = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_refresh = nullptr;
};

} // namespace masir::ui
