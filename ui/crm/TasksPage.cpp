#include "crm/TasksPage.h"
#include "widgets/Icons.h"

#include "crm/CrmDialogs.h"
#include "crm/Tasks.h"
#include "i18n/Formatter.h"
#include "settings/AppSettings.h"
#include "storage/Database.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

enum Column
{
    TitleColumn,
    AboutColumn,
    DueColumn,
    PriorityColumn,
    OwnerColumn,
    ColumnCount
};

constexpr int kIdRole = Qt::UserRole;
constexpr int kContactRole = Qt::UserRole + 1;

} // namespace

QString TasksPage::me()
{
    return AppSettings().value(AppSettings::Key::UserName).toString();
}

TasksPage::TasksPage(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QToolBar;
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_new = bar->addAction(Icons::icon(QStringLiteral("tasks")), tr("&New Task…"), this,
                           [this] { editTask(0); });
    m_new->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_new->setToolTip(tr("Add a task (Ctrl+Shift+T)"));
    m_done = bar->addAction(Icons::icon(QStringLiteral("done")), tr("&Done"), this, [this] {
        for (const qint64 id : selectedIds())
            setDone(id, true);
        refresh();
    });
    m_done->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_done->setToolTip(tr("Mark the selected tasks done (Ctrl+D)"));
    m_snooze = new QMenu(tr("S&nooze"), this);
    auto snoozeFor = [this](const QString &label, auto until) {
        m_snooze->addAction(label, this, [this, until] { snoozeSelected(until()); });
    };
    snoozeFor(tr("For an hour"), [] { return QDateTime::currentMSecsSinceEpoch() + 3600000; });
    snoozeFor(tr("Until tomorrow at 9:00"), [] {
        return QDateTime(QDate::currentDate().addDays(1), QTime(9, 0)).toMSecsSinceEpoch();
    });
    snoozeFor(tr("For a week"), [] {
        return QDateTime(QDate::currentDate().addDays(7), QTime(9, 0)).toMSecsSinceEpoch();
    });
    auto *snoozeButton = new QToolButton;
    snoozeButton->setMenu(m_snooze);
    snoozeButton->setPopupMode(QToolButton::InstantPopup);
    snoozeButton->setText(m_snooze->title());
    snoozeButton->setToolTip(tr("Remind me of the selected tasks later"));
    bar->addWidget(snoozeButton);
    m_edit = bar->addAction(Icons::icon(QStringLiteral("edit")), tr("&Edit…"), this,
                            [this] { editTask(selectedIds().value(0)); });
    m_open =
        bar->addAction(Icons::icon(QStringLiteral("contact")), tr("Open &Contact"), this, [this] {
            const QTreeWidgetItem *item = m_list->currentItem();
            if (item && item->data(0, kContactRole).toLongLong())
                Q_EMIT openContact(item->data(0, kContactRole).toLongLong());
        });
    m_delete = bar->addAction(Icons::icon(QStringLiteral("delete")), tr("De&lete"), this,
                              &TasksPage::deleteSelected);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    layout->addWidget(bar);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:")));
    m_whose = new QComboBox;
    m_whose->addItem(tr("My tasks and unassigned ones"), true);
    m_whose->addItem(tr("Everyone's tasks"), false);
    filters->addWidget(m_whose);
    m_showDone = new QCheckBox(tr("Include tasks done"));
    filters->addWidget(m_showDone);
    filters->addStretch(1);
    layout->addLayout(filters);
    connect(m_whose, &QComboBox::currentIndexChanged, this, &TasksPage::refresh);
    connect(m_showDone, &QCheckBox::toggled, this, &TasksPage::refresh);

    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("tasks"));
    m_list->setAccessibleName(tr("Tasks"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Task"), tr("About"), tr("Due"), tr("Priority"), tr("Owner")});
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->setColumnWidth(AboutColumn, 200);
    m_list->setColumnWidth(DueColumn, 170);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    layout->addWidget(m_list, 1);
    m_empty = new QLabel(tr("No tasks here: you are all caught up. Tasks come from score "
                            "thresholds, journeys and deals left untouched, or add one with "
                            "New Task."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    layout->addWidget(m_empty, 1);
    addAction(m_delete);

    connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (m_filling || column != TitleColumn || !item->data(0, kIdRole).toLongLong())
            return;
        setDone(item->data(0, kIdRole).toLongLong(), item->checkState(0) == Qt::Checked);
        scheduleRefresh(); // not while the item is still being changed
    });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (item->data(0, kIdRole).toLongLong())
            editTask(item->data(0, kIdRole).toLongLong());
    });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &TasksPage::updateActions);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (selectedIds().isEmpty())
            return;
        QMenu menu;
        menu.addAction(m_done);
        menu.addMenu(m_snooze);
        menu.addAction(m_edit);
        menu.addAction(m_open);
        menu.addSeparator();
        menu.addAction(m_delete);
        menu.exec(m_list->viewport()->mapToGlobal(pos));
    });
    refresh();
}

QList<qint64> TasksPage::selectedIds() const
{
    QList<qint64> ids;
    for (const QTreeWidgetItem *item : m_list->selectedItems()) {
        if (const qint64 id = item->data(0, kIdRole).toLongLong())
            ids << id;
    }
    return ids;
}

void TasksPage::updateActions()
{
    const QList<qint64> ids = selectedIds();
    m_done->setEnabled(!ids.isEmpty());
    m_snooze->setEnabled(!ids.isEmpty());
    m_edit->setEnabled(ids.size() == 1);
    m_delete->setEnabled(!ids.isEmpty());
    const QTreeWidgetItem *item = m_list->currentItem();
    m_open->setEnabled(item && item->data(0, kContactRole).toLongLong());
}

void TasksPage::addGroup(const QString &title, const QList<Task> &tasks, bool warn)
{
    if (tasks.isEmpty())
        return;
    auto *group =
        new QTreeWidgetItem(m_list, {tr("%1 (%2)").arg(title, Formatter::number(tasks.size()))});
    QFont bold = group->font(0);
    bold.setBold(true);
    group->setFont(0, bold);
    group->setFlags(Qt::ItemIsEnabled);
    group->setFirstColumnSpanned(true);
    if (warn)
        group->setForeground(0, QColor(0xb0, 0x00, 0x20));
    for (const Task &t : tasks) {
        QString about = t.contactName;
        if (!t.dealTitle.isEmpty())
            about = about.isEmpty() ? t.dealTitle : tr("%1, %2").arg(about, t.dealTitle);
        auto *item = new QTreeWidgetItem(
            group, {t.title, about, t.dueAt.isValid() ? Formatter::dateTime(t.dueAt) : QString(),
                    Tasks::priorityLabel(t.priority), t.owner});
        item->setData(0, kIdRole, t.id);
        item->setData(0, kContactRole, t.contactId);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(0, t.isDone() ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(0, t.details.isEmpty() ? t.title : t.details);
        if (t.priority == TaskPriority::High) {
            QFont f = item->font(0);
            f.setBold(true);
            item->setFont(0, f);
        }
        if (t.isDone())
            item->setForeground(0, palette().color(QPalette::Disabled, QPalette::Text));
    }
    group->setExpanded(true);
}

void TasksPage::scheduleRefresh()
{
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, &TasksPage::refresh);
}

void TasksPage::refresh()
{
    m_refreshPending = false;
    m_filling = true;
    m_list->clear();
    Tasks tasks(m_db.connection());
    TaskQuery query;
    query.owner = m_whose->currentData().toBool() ? me() : QString();
    const QList<Task> open = tasks.list(query);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime endOfToday = QDateTime(QDate::currentDate().addDays(1), QTime(0, 0)).toUTC();
    QList<Task> overdue, today, upcoming, undated;
    for (const Task &t : open) {
        if (!t.dueAt.isValid())
            undated << t;
        else if (t.dueAt < now)
            overdue << t;
        else if (t.dueAt < endOfToday)
            today << t;
        else
            upcoming << t;
    }
    m_due = int(overdue.size() + today.size());
    addGroup(tr("Overdue"), overdue, true);
    addGroup(tr("Today"), today, false);
    addGroup(tr("Upcoming"), upcoming, false);
    addGroup(tr("No due date"), undated, false);
    if (m_showDone->isChecked()) {
        query.state = TaskQuery::State::Done;
        query.limit = 200;
        addGroup(tr("Done"), tasks.list(query), false);
    }
    const bool empty = m_list->topLevelItemCount() == 0;
    m_list->setVisible(!empty);
    m_empty->setVisible(empty);
    m_filling = false;
    updateActions();
}

void TasksPage::editTask(qint64 id)
{
    Tasks tasks(m_db.connection());
    Task task;
    if (id) {
        const auto found = tasks.find(id);
        if (!found)
            return;
        task = *found;
    } else {
        task.owner = me();
    }
    TaskDialog dialog(task, task.contactName, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Task edited = dialog.task();
    bool ok = false;
    if (id) {
        ok = tasks.update(edited);
    } else {
        ok = tasks.create(dialog.newTask(QDateTime::currentMSecsSinceEpoch())).has_value();
    }
    if (!ok)
        QMessageBox::warning(this, tr("Tasks"),
                             tr("The task could not be saved: %1").arg(tasks.errorString()));
    refresh();
    Q_EMIT tasksChanged();
}

void TasksPage::setDone(qint64 id, bool done)
{
    Tasks tasks(m_db.connection());
    if (!tasks.setDone(id, done, QDateTime::currentMSecsSinceEpoch())) {
        Q_EMIT statusMessage(tr("The task could not be saved: %1").arg(tasks.errorString()), 10000);
        return;
    }
    if (done)
        Q_EMIT statusMessage(tr("Task done."), 4000);
    Q_EMIT tasksChanged();
}

void TasksPage::snoozeSelected(qint64 untilMs)
{
    Tasks tasks(m_db.connection());
    const QList<qint64> ids = selectedIds();
    for (const qint64 id : ids) {
        if (!tasks.snooze(id, untilMs)) {
            Q_EMIT statusMessage(tr("The task could not be snoozed: %1").arg(tasks.errorString()),
                                 10000);
            return;
        }
    }
    Q_EMIT statusMessage(
        tr("You will be reminded again %1.")
            .arg(Formatter::dateTime(QDateTime::fromMSecsSinceEpoch(untilMs, Qt::UTC))),
        6000);
    refresh();
    Q_EMIT tasksChanged();
}

void TasksPage::deleteSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty() ||
        QMessageBox::question(
            this, tr("Delete Tasks"),
            tr("Delete %n task(s)? This cannot be undone.", nullptr, int(ids.size())),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    Tasks tasks(m_db.connection());
    for (const qint64 id : ids) {
        if (!tasks.remove(id))
            Q_EMIT statusMessage(tasks.errorString(), 10000);
    }
    refresh();
    Q_EMIT tasksChanged();
}

} // namespace masir::ui
