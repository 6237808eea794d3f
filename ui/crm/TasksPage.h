#pragma once

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QTreeWidget;
class QTreeWidgetItem;

namespace masir {
class Database;
struct Task;
} // namespace masir

namespace masir::ui {

/// "My tasks": the open tasks of the user (and nobody's) or everyone's, in
/// overdue, today, upcoming and undated groups, done ones on request; a task
/// is ticked off in its box, snoozed, edited or opened at its contact.
class TasksPage final : public QWidget
{
    Q_OBJECT

public:
    explicit TasksPage(const Database &db, QWidget *parent = nullptr);

    void refresh();
    /// refresh() once the current event is handled (several changes: once).
    void scheduleRefresh();
    QTreeWidget *list() const { return m_list; }
    QAction *newAction() const { return m_new; }
    /// The open tasks due before the end of today (the badge), as last shown.
    int dueCount() const { return m_due; }
    /// Whose tasks "mine" are (the user's name).
    static QString me();

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    void openContact(qint64 id);
    void tasksChanged();

private:
    QList<qint64> selectedIds() const;
    void editTask(qint64 id);
    void setDone(qint64 id, bool done);
    void snoozeSelected(qint64 untilMs);
    void deleteSelected();
    void addGroup(const QString &title, const QList<Task> &tasks, bool warn);
    void updateActions();

    const Database &m_db;
    QTreeWidget *m_list = nullptr;
    QComboBox *m_whose = nullptr;
    QCheckBox *m_showDone = nullptr;
    QLabel *m_empty = nullptr;
    QAction *m_new = nullptr;
    QAction *m_done = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_open = nullptr;
    QMenu *m_snooze = nullptr;
    int m_due = 0;
    bool m_filling = false;
    bool m_refreshPending = false;
};

} // namespace masir::ui
