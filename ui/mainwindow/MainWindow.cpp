#include "mainwindow/MainWindow.h"

#include "campaigns/CampaignsPage.h"
#include "contacts/ContactDetailPane.h"
#include "contacts/ContactListModel.h"
#include "contacts/ContactsPage.h"
#include "crm/DealsPage.h"
#include "crm/Tasks.h"
#include "crm/TasksPage.h"
#include "i18n/Formatter.h"
#include "journeys/JourneysPage.h"
#include "mainwindow/OpenServerDialog.h"
#include "mainwindow/TrackingHost.h"
#include "outbox/OutboxPage.h"
#include "outbox/ReturnedMailPanel.h"
#include "reports/ReportsPage.h"
#include "scheduler/Worker.h"
#include "scoring/ScoringDialog.h"
#include "segments/SegmentsPage.h"
#include "settings/AppSettings.h"
#include "settings/ChannelsDialog.h"
#include "settings/CrmDialog.h"
#include "settings/SettingsPage.h"
#include "settings/TrackingDialog.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/PostgresWorkspace.h"
#include "storage/WorkerHeartbeat.h"
#include "storage/WorkspaceAddress.h"
#include "templates/TemplatesPage.h"
#include "widgets/Icons.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>

namespace masir::ui {

MainWindow::MainWindow(const Database &db, QWidget *parent)
    : QMainWindow(parent)
    , m_db(db)
{
    const bool demo = WorkspaceSettings(db).isDemo();
    // "[*]": the title marks a segment or template edited and not saved
    setWindowTitle((demo ? tr("Masir — %1 (demo workspace)").arg(QFileInfo(db.path()).fileName())
                         : tr("Masir — %1").arg(QFileInfo(db.path()).fileName())) +
                   QStringLiteral("[*]"));
    setObjectName(QStringLiteral("MainWindow"));
    m_undo = new QUndoStack(this);

    m_navigation = new QListWidget;
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    m_navigation->setMaximumWidth(200);
    m_navigation->setMinimumWidth(150);
    QFont navFont = m_navigation->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
    m_navigation->setFont(navFont);
    m_pages = new QStackedWidget;

    m_contacts = new ContactsPage(db, m_undo);
    addPage(tr("Contacts"), QStringLiteral("contacts"), m_contacts);
    m_tasks = new TasksPage(db);
    addPage(tr("Tasks"), QStringLiteral("tasks"), m_tasks);
    m_deals = new DealsPage(db, m_undo);
    addPage(tr("Deals"), QStringLiteral("deals"), m_deals);
    connect(m_tasks, &TasksPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_deals, &DealsPage::statusMessage, this, &MainWindow::showStatus);
    auto openContact = [this](qint64 id) {
        showPage(ContactsPageIndex);
        m_contacts->selectContact(id);
        m_contacts->detailPane()->showContact(id);
    };
    connect(m_tasks, &TasksPage::openContact, this, openContact);
    connect(m_deals, &DealsPage::openContact, this, openContact);
    connect(m_tasks, &TasksPage::tasksChanged, this, &MainWindow::updateTaskBadge);
    connect(m_deals, &DealsPage::dealsChanged, this, [this] {
        m_tasks->refresh();
        updateTaskBadge();
        if (const qint64 id = m_contacts->detailPane()->contactId())
            m_contacts->detailPane()->showContact(id);
    });
    ContactDetailPane *pane = m_contacts->detailPane();
    connect(pane, &ContactDetailPane::crmChanged, this, [this] {
        m_tasks->refresh();
        m_deals->refresh();
        updateTaskBadge();
    });
    connect(pane, &ContactDetailPane::newDealRequested, this, [this, pane](qint64 id) {
        if (m_deals->newDeal(id))
            pane->showContact(id);
    });
    m_segments = new SegmentsPage(db);
    addPage(tr("Segments"), QStringLiteral("segments"), m_segments);
    connect(m_segments, &SegmentsPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_segments, &SegmentsPage::modifiedChanged, this, &MainWindow::updateModified);
    connect(m_segments, &SegmentsPage::segmentsChanged, m_contacts, &ContactsPage::reloadSegments);
    connect(m_segments, &SegmentsPage::showInContacts, this, [this](qint64 id) {
        m_contacts->setSegmentFilter(id);
        showPage(ContactsPageIndex);
    });
    m_journeys = new JourneysPage(db);
    addPage(tr("Journeys"), QStringLiteral("journeys"), m_journeys);
    connect(m_journeys, &JourneysPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_contacts, &ContactsPage::journeysChanged, this, [this] {
        m_journeys->reload();
        m_worker->wake();
    });

    // The worker runs journeys in the background for as long as the window is open.
    m_worker = new Worker(db, m_clock, this);
    // On a shared server the server's worker sends; a desktop sends only when asked.
    if (db.isPostgres())
        m_worker->setSending(AppSettings().sendsFrom(db.displayName()));
    connect(m_journeys, &JourneysPage::journeysChanged, m_worker, &Worker::wake);
    connect(m_worker, &Worker::cycleFinished, this, [this](const JourneyRunStats &stats) {
        if (stats.steps > 0 || stats.enrolled > 0)
            m_journeys->reload();
        updateTaskBadge(); // a journey's or a score's task, a deal's follow-up
        if (!stats.notifications.isEmpty()) {
            showStatus(stats.notifications.constLast(), 10000);
            notifyDesktop(stats.notifications);
        }
    });
    connect(m_worker, &Worker::cycleFailed, this, [this](const QString &error) {
        showStatus(tr("Journeys could not run: %1").arg(error), 10000);
    });
    // The server came back (its worker found it again): the window's own
    // connection opens again now, quickly, instead of probing a server that
    // may be away from this thread, and the pages read again.
    connect(m_worker, &Worker::serverReturned, this, &MainWindow::connectAgain);
    connect(m_worker, &Worker::intakeFinished, this, [this](const IntakeStats &stats) {
        if (!stats.collectorError.isEmpty())
            showStatus(tr("%1 Marketing messages wait until the collector answers.")
                           .arg(stats.collectorError),
                       15000);
        if (stats.hits.opens || stats.hits.clicks || stats.hits.unsubscribes)
            showStatus(tr("Tracking: %1 opens, %2 clicks, %3 unsubscribes came in.")
                           .arg(Formatter::number(stats.hits.opens),
                                Formatter::number(stats.hits.clicks),
                                Formatter::number(stats.hits.unsubscribes)),
                       8000);
    });
    // The app's own tracking server, when Settings → Tracking asks for it.
    m_tracking = new TrackingHost(db, this);
    connect(m_tracking, &TrackingHost::hitsArrived, m_worker, &Worker::wake, Qt::QueuedConnection);
    connect(m_tracking, &TrackingHost::stateChanged, this, [this] {
        if (!m_tracking->problem().isEmpty())
            showStatus(m_tracking->problem(), 15000);
    });
    m_campaigns = new CampaignsPage(db, m_clock);
    connect(m_campaigns, &CampaignsPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_campaigns, &CampaignsPage::campaignsChanged, m_worker, &Worker::wake);
    connect(m_worker, &Worker::campaignsChanged, this, [this](const CampaignRunStats &stats) {
        for (const QString &refused : stats.refused)
            showStatus(tr("A campaign did not start: %1").arg(refused), 15000);
        m_campaigns->refresh();
    });
    addPage(tr("Campaigns"), QStringLiteral("campaigns"), m_campaigns);
    m_templates = new TemplatesPage(db);
    connect(m_templates, &TemplatesPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_templates, &TemplatesPage::modifiedChanged, this, &MainWindow::updateModified);
    addPage(tr("Templates"), QStringLiteral("templates"), m_templates);
    m_outbox = new OutboxPage(db);
    connect(m_outbox, &OutboxPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_outbox, &OutboxPage::outboxChanged, m_worker, &Worker::wake);
    connect(m_worker, &Worker::sendFinished, this, [this](const SendStats &stats) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < stats.sent; ++i)
            m_sentTimes << now;
        if (stats.sent || stats.failed || stats.retried || stats.interrupted || stats.cancelled ||
            stats.suppressed)
            m_outbox->refresh();
        if (!stats.accountErrors.isEmpty())
            showStatus(stats.accountErrors.constLast(), 10000);
        updateWorkerLabel();
    });
    connect(m_worker, &Worker::mailboxesRead, this, [this](const MailboxStats &stats) {
        if (!stats.errors.isEmpty())
            showStatus(tr("A mailbox could not be read: %1").arg(stats.errors.constLast()), 15000);
        else
            showStatus(MailboxPoller::describe(stats), 8000);
        m_outbox->returnedMail()->refresh();
        m_campaigns->refresh();
    });
    addPage(tr("Outbox"), QStringLiteral("outbox"), m_outbox);
    auto *reports = new ReportsPage(db);
    connect(reports, &ReportsPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_campaigns, &CampaignsPage::reportRequested, this, [this, reports](qint64 id) {
        showPage(ReportsPageIndex);
        reports->showCampaign(id);
    });
    connect(m_journeys, &JourneysPage::reportRequested, this, [this, reports](qint64 id) {
        showPage(ReportsPageIndex);
        reports->showJourney(id);
    });
    connect(reports, &ReportsPage::segmentSaved, this, [this](qint64 id) {
        m_segments->reload(id);
        m_contacts->reloadSegments();
    });
    addPage(tr("Reports"), QStringLiteral("reports"), reports);
    auto *settings = new SettingsPage(db);
    connect(settings, &SettingsPage::statusMessage, this, &MainWindow::showStatus);
    connect(settings, &SettingsPage::scoringRequested, this, &MainWindow::editScoring);
    connect(settings, &SettingsPage::channelsRequested, this, &MainWindow::editChannels);
    connect(settings, &SettingsPage::trackingRequested, this, &MainWindow::editTracking);
    connect(settings, &SettingsPage::crmRequested, this, [this] {
        CrmDialog dialog(m_db, this);
        connect(&dialog, &CrmDialog::synced, this, [this] {
            m_contacts->refreshAction()->trigger();
            m_deals->refresh();
            m_tasks->refresh();
        });
        dialog.exec();
    });
    connect(m_worker, &Worker::crmSynced, this, [this](const QString &summary) {
        showStatus(summary, 10000);
        m_deals->refresh();
    });
    addPage(tr("Settings"), QStringLiteral("settings"), settings);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        // leaving the segment editor with unsaved changes asks first
        if (m_pages->currentWidget() == m_segments && row != SegmentsPageIndex &&
            !m_segments->maybeSave()) {
            const QSignalBlocker block(m_navigation);
            m_navigation->setCurrentRow(SegmentsPageIndex);
            return;
        }
        if (m_pages->currentWidget() == m_templates && row != TemplatesPageIndex &&
            !m_templates->maybeSave()) {
            const QSignalBlocker block(m_navigation);
            m_navigation->setCurrentRow(TemplatesPageIndex);
            return;
        }
        m_pages->setCurrentIndex(row);
        // the contacts' count and selection are about the contacts page
        for (QLabel *label : {m_totalLabel, m_selectionLabel}) {
            if (label)
                label->setVisible(row == ContactsPageIndex);
        }
    });
    m_navigation->setCurrentRow(ContactsPageIndex);

    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6); // the page does not touch the sidebar
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    // Status bar
    m_totalLabel = new QLabel;
    m_totalLabel->setObjectName(QStringLiteral("totalLabel"));
    m_selectionLabel = new QLabel;
    // a server's address never shows its password
    auto *workspaceLabel = new QLabel(
        demo ? tr("Demo workspace")
             : (db.isPostgres() ? tr("%1 on the server")
                                      .arg(Formatter::leftToRight(
                                          QUrl(db.displayName()).path().section(u'/', 1)))
                                : QFileInfo(db.path()).fileName()));
    workspaceLabel->setToolTip(Formatter::leftToRight(db.displayName()));
    m_workerLabel = new QLabel;
    m_workerLabel->setObjectName(QStringLiteral("workerLabel"));
    statusBar()->addPermanentWidget(m_workerLabel);
    statusBar()->addPermanentWidget(m_selectionLabel);
    statusBar()->addPermanentWidget(m_totalLabel);
    statusBar()->addPermanentWidget(workspaceLabel);
    connect(m_contacts, &ContactsPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_contacts, &ContactsPage::totalChanged, this, &MainWindow::updateTotal);
    connect(m_contacts, &ContactsPage::selectionCountChanged, this, [this](int count) {
        m_selectionLabel->setText(count > 1 ? tr("%1 selected").arg(Formatter::number(count))
                                            : QString());
    });
    updateTotal(m_contacts->model()->rowCount());

    buildMenus();
    connect(m_worker, &Worker::pausedChanged, this, [this](bool paused) {
        m_pauseJourneys->setChecked(paused);
        updateWorkerLabel();
    });
    updateWorkerLabel();
    m_worker->start();
    if (m_db.isPostgres()) { // the server's workers come and go: look again now and then
        auto *workers = new QTimer(this);
        workers->setInterval(10000);
        connect(workers, &QTimer::timeout, this, &MainWindow::updateWorkerLabel);
        workers->start();
    }
    m_tracking->apply();
    // Tasks that fall due remind the user while the window is open.
    auto *reminders = new QTimer(this);
    reminders->setInterval(30000);
    connect(reminders, &QTimer::timeout, this, &MainWindow::remindTasks);
    reminders->start();
    QTimer::singleShot(2000, this, &MainWindow::remindTasks);
    updateTaskBadge();

    AppSettings app;
    if (!restoreGeometry(app.value(AppSettings::Key::MainWindowGeometry).toByteArray()))
        resize(1200, 760);
    restoreState(app.value(AppSettings::Key::MainWindowState).toByteArray());
    m_contacts->restoreState();
    m_contacts->view()->setFocus();
}

MainWindow::~MainWindow()
{
    // The worker thread reads m_clock: it stops before the members go, not later
    // with the other children.
    delete m_worker;
}

void MainWindow::addPage(const QString &title, const QString &icon, QWidget *page)
{
    const int index = m_pages->addWidget(page);
    auto *item = new QListWidgetItem(Icons::icon(icon), title, m_navigation);
    item->setSizeHint(QSize(0, 36));
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(title).arg((index + 1) % 10));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_contacts->newAction());
    file->addAction(m_contacts->importAction());
    file->addAction(m_contacts->exportAction());
    file->addSeparator();
    file->addAction(m_tasks->newAction());
    file->addAction(m_deals->newAction());
    file->addSeparator();
    buildWorkspaceMenu(file);
    file->addSeparator();
    QAction *quit =
        file->addAction(Icons::icon(QStringLiteral("exit")), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(m_contacts->editAction());
    edit->addAction(m_contacts->deleteAction());
    edit->addSeparator();
    edit->addAction(m_contacts->findAction());
    edit->addSeparator();
    edit->addAction(m_contacts->addToListAction());
    edit->addAction(m_contacts->addToJourneyAction());
    edit->addSeparator();
    edit->addAction(m_contacts->detailPane()->addNoteAction());
    edit->addAction(m_contacts->detailPane()->addTaskAction());
    edit->addAction(m_contacts->detailPane()->newDealAction());
    edit->addAction(m_contacts->detailPane()->logPurchaseAction());
    edit->addSeparator();
    edit->addAction(m_contacts->manageTagsAction());
    edit->addAction(Icons::icon(QStringLiteral("score")), tr("Lead &Scoring and Stages…"), this,
                    &MainWindow::editScoring);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < PageCount; ++i) {
        QAction *go = view->addAction(m_navigation->item(i)->text());
        go->setShortcut(QKeySequence(Qt::CTRL | (i < 9 ? Qt::Key(Qt::Key_1 + i) : Qt::Key_0)));
        connect(go, &QAction::triggered, this, [this, i] { showPage(Page(i)); });
    }
    view->addSeparator();
    view->addAction(m_contacts->refreshAction());

    QMenu *journeys = menuBar()->addMenu(tr("&Journeys"));
    journeys->addAction(m_journeys->newAction());
    journeys->addAction(m_journeys->simulateAction());
    journeys->addSeparator();
    m_pauseJourneys =
        journeys->addAction(Icons::icon(QStringLiteral("pause")), tr("&Pause All Journeys"));
    m_pauseJourneys->setCheckable(true);
    m_pauseJourneys->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pauseJourneys->setToolTip(
        tr("Stop running journey steps and sends until you resume; nothing is lost"));
    connect(m_pauseJourneys, &QAction::toggled, m_worker, &Worker::setPaused);
    if (m_db.isPostgres()) {
        m_sendHere = journeys->addAction(tr("&Send From This Computer"));
        m_sendHere->setCheckable(true);
        m_sendHere->setChecked(AppSettings().sendsFrom(m_db.displayName()));
        m_sendHere->setToolTip(tr("Send the outbox from this computer while Masir is open. "
                                  "Usually a worker on the server sends; only one process "
                                  "sends at a time, the others stand by."));
        connect(m_sendHere, &QAction::toggled, this, [this](bool on) {
            AppSettings().setSendsFrom(m_db.displayName(), on);
            m_worker->setSending(on);
            updateWorkerLabel();
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Masir"), this, [this] {
        QMessageBox::about(this, tr("About Masir"),
                           tr("<h3>Masir %1</h3><p>Marketing automation for small businesses: "
                              "contacts, segments, journeys, email and SMS, on your own "
                              "computer.</p><p>Workspace: %2</p>")
                               .arg(QStringLiteral(MASIR_VERSION),
                                    Formatter::leftToRight(m_db.displayName()).toHtmlEscaped()));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(page);
    if (page == ContactsPageIndex)
        m_contacts->view()->setFocus();
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::showStatus(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::updateTotal(qint64 total)
{
    const bool filtered = m_contacts->model()->isFiltered();
    m_totalLabel->setText(filtered ? tr("%1 found").arg(Formatter::number(total))
                                   : tr("%n contact(s)", nullptr, int(total)));
}

void MainWindow::editScoring()
{
    ScoringDialog dialog(m_db, this);
    connect(&dialog, &ScoringDialog::statusMessage, this, &MainWindow::showStatus);
    dialog.exec();
    m_contacts->refreshAction()->trigger(); // stages and scores may have moved
}

void MainWindow::remindTasks()
{
    Tasks tasks(m_db.connection());
    const QList<Task> due =
        tasks.takeReminders(TasksPage::me(), QDateTime::currentMSecsSinceEpoch());
    if (!due.isEmpty()) {
        QStringList messages;
        for (const Task &t : due)
            messages << (t.contactName.isEmpty()
                             ? tr("Task due: %1").arg(t.title)
                             : tr("Task due: %1 (%2)")
                                   .arg(t.title, Formatter::leftToRight(t.contactName)));
        showStatus(messages.constLast(), 15000);
        notifyDesktop(messages);
        m_tasks->refresh();
    }
    updateTaskBadge();
}

void MainWindow::updateTaskBadge()
{
    // The tasks due by the end of today, on the sidebar and the tray icon.
    const qint64 endOfToday =
        QDateTime(QDate::currentDate().addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
    const qint64 due = Tasks(m_db.connection()).countDue(TasksPage::me(), endOfToday);
    QListWidgetItem *item = m_navigation->item(TasksPageIndex);
    if (due != m_dueTasks) {
        m_dueTasks = due;
        m_tasks->scheduleRefresh();
    }
    item->setText(due > 0 ? tr("Tasks (%1)").arg(Formatter::number(due)) : tr("Tasks"));
    item->setToolTip(due > 0 ? tr("%n task(s) due today or overdue (Ctrl+2)", nullptr, int(due))
                             : tr("Tasks (Ctrl+2)"));
    if (m_tray)
        m_tray->setToolTip(due > 0 ? tr("Masir: %n task(s) due", nullptr, int(due)) : tr("Masir"));
}

void MainWindow::notifyDesktop(const QStringList &messages)
{
    // A journey's "notify" step also reaches the desktop, where there is a tray.
    if (!QSystemTrayIcon::isSystemTrayAvailable() || messages.isEmpty())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Masir"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        m_tray->show();
    }
    const QString text = messages.size() == 1 ? messages.first()
                                              : tr("%n notification(s); the latest: %1", nullptr,
                                                   int(messages.size()))
                                                    .arg(messages.last());
    m_tray->showMessage(tr("Masir"), text, QSystemTrayIcon::Information, 8000);
}

void MainWindow::editChannels()
{
    ChannelsDialog dialog(m_db, this);
    connect(&dialog, &ChannelsDialog::accountsChanged, m_worker, &Worker::wake);
    dialog.exec();
    m_worker->wake();
}

void MainWindow::editTracking()
{
    TrackingDialog dialog(m_db, this);
    connect(&dialog, &TrackingDialog::trackingChanged, this, [this] {
        m_tracking->apply();
        m_worker->wake();
    });
    dialog.exec();
}

void MainWindow::updateWorkerLabel()
{
    // Sends in the last minute, from the worker's reports.
    const qint64 minuteAgo = QDateTime::currentMSecsSinceEpoch() - 60000;
    while (!m_sentTimes.isEmpty() && m_sentTimes.first() < minuteAgo)
        m_sentTimes.removeFirst();
    QString toolTip;
    if (m_worker->isPaused())
        m_workerLabel->setText(tr("Journeys and sending paused"));
    else if (m_sendHere && !m_sendHere->isChecked())
        m_workerLabel->setText(serverWorkerText(&toolTip));
    else if (!m_sentTimes.isEmpty())
        m_workerLabel->setText(tr("Sending %1/min").arg(Formatter::number(m_sentTimes.size())));
    else if (WorkspaceSettings(m_db).value(WorkspaceSettings::Key::SendingPaused).toBool())
        m_workerLabel->setText(tr("Journeys running, sending paused"));
    else
        m_workerLabel->setText(tr("Journeys running"));
    m_workerLabel->setToolTip(toolTip);
}

void MainWindow::connectAgain()
{
    bool again = false;
    if (!PostgresWorkspace::reconnect(m_db.connection(), m_db.mode() == Database::Mode::ReadOnly,
                                      &again) ||
        !again)
        return; // still away (the worker's next cycle tells again), or never lost
    showStatus(tr("Connected to the server again."), 8000);
    m_contacts->refreshAction()->trigger();
    m_journeys->reload();
    m_campaigns->refresh();
    m_outbox->refresh();
    m_deals->refresh();
    m_tasks->refresh();
    updateTaskBadge();
    updateWorkerLabel();
}

QString MainWindow::serverWorkerText(QString *toolTip) const
{
    QString error;
    const auto workers = WorkerHeartbeat::list(m_db, &error);
    if (!workers) {
        *toolTip = error;
        return tr("Workers unknown");
    }
    // a worker silent past the lease is gone (killed, or its machine is off)
    const qint64 leaseMs =
        1000LL * WorkspaceSettings(m_db).value(WorkspaceSettings::Key::SenderLeaseSeconds).toInt();
    QStringList lines;
    const WorkerBeat *sender = nullptr;
    for (const WorkerBeat &w : *workers) {
        if (w.silentMs > leaseMs)
            continue;
        lines << tr("%1 (pid %2), heard %3 s ago")
                     .arg(WorkerHeartbeat::describe(w), Formatter::editableNumber(double(w.pid)),
                          Formatter::number(w.silentMs / 1000));
        if (!sender && w.state == QLatin1String("sending"))
            sender = &w;
    }
    if (sender) {
        *toolTip = lines.join(QLatin1Char('\n'));
        return tr("Sent by %1 on %2")
            .arg(Formatter::leftToRight(sender->program), Formatter::leftToRight(sender->host));
    }
    lines.prepend(tr("Messages wait in the outbox until a worker sends: start %1 on the server, "
                     "or choose Journeys → Send From This Computer.")
                      .arg(Formatter::leftToRight(QStringLiteral("masir-cli worker run"))));
    *toolTip = lines.join(QLatin1Char('\n'));
    return tr("No worker is sending");
}

void MainWindow::buildWorkspaceMenu(QMenu *file)
{
    QAction *create = file->addAction(Icons::icon(QStringLiteral("new-workspace")),
                                      tr("New &Workspace…"), this, &MainWindow::newWorkspace);
    create->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QAction *open = file->addAction(Icons::icon(QStringLiteral("open")), tr("&Open Workspace…"),
                                    this, &MainWindow::openWorkspace);
    open->setShortcut(QKeySequence::Open);
    QAction *server = file->addAction(tr("Open &Server Workspace…"), this, [this] {
        if (const auto address =
                OpenServerDialog::ask(this, m_db.isPostgres() ? m_db.displayName() : QString()))
            Q_EMIT workspaceRequested(*address);
    });
    server->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    server->setStatusTip(tr("Open a team workspace on a PostgreSQL server"));
    QMenu *recent = file->addMenu(tr("Open &Recent"));
    recent->setObjectName(QStringLiteral("recentWorkspaces"));
    // filled as it opens: the files that still exist, this one left out
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        recent->clear();
        const QString current =
            m_db.isPostgres() ? m_db.displayName() : QFileInfo(m_db.path()).absoluteFilePath();
        for (const QString &path : AppSettings().recentWorkspaces()) {
            if (path == current)
                continue;
            // a server's address in full (it has no password in it), a file by its name
            const QString label = WorkspaceAddress::isUrl(path)
                                      ? Formatter::leftToRight(path)
                                      : QFileInfo(path).completeBaseName();
            QAction *a =
                recent->addAction(label, this, [this, path] { Q_EMIT workspaceRequested(path); });
            a->setToolTip(path);
            a->setStatusTip(path);
        }
        if (recent->isEmpty()) {
            recent->addAction(tr("No other workspaces yet"))->setEnabled(false);
            return;
        }
        recent->addSeparator();
        recent->addAction(tr("Clear This List"), this,
                          [] { AppSettings().clearRecentWorkspaces(); });
    });
}

void MainWindow::newWorkspace()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(
        this, tr("New Workspace"), QDir(folder).filePath(tr("My business.masir")),
        tr("Masir workspaces (*.masir)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".masir")))
        path += QLatin1String(".masir");
    if (QFileInfo::exists(path)) {
        // never emptied: a file of that name is opened as it is
        const auto answer =
            QMessageBox::question(this, tr("New Workspace"),
                                  tr("%1 exists already. Open it as it is?")
                                      .arg(Formatter::leftToRight(QDir::toNativeSeparators(path))));
        if (answer != QMessageBox::Yes)
            return;
    }
    Q_EMIT workspaceRequested(path);
}

void MainWindow::openWorkspace()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Workspace"), QFileInfo(m_db.path()).absolutePath(),
        tr("Masir workspaces (*.masir);;All files (*)"));
    if (!path.isEmpty())
        Q_EMIT workspaceRequested(path);
}

void MainWindow::updateModified()
{
    setWindowModified(m_segments->isModified() || m_templates->isModified());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_segments->maybeSave() || !m_templates->maybeSave()) {
        event->ignore();
        return;
    }
    AppSettings app;
    app.setValue(AppSettings::Key::MainWindowGeometry, saveGeometry());
    app.setValue(AppSettings::Key::MainWindowState, saveState());
    m_contacts->saveState();
    event->accept();
}

} // namespace masir::ui
