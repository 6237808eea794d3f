#pragma once

#include "journeys/JourneySimulator.h"

#include <QPair>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QTableView;
class QTreeWidget;

namespace masir {
class BackgroundTasks;
class Database;
class JourneyListModel;
} // namespace masir

namespace masir::ui {

class JourneyEditor;

/// Journeys: every journey with its status, version and how many contacts are
/// in it; start one from a template, start, pause, duplicate, delete, and
/// simulate it for a sample of contacts. The canvas that edits a journey's
/// graph is its own screen (JourneyEditor).
class JourneysPage final : public QWidget
{
    Q_OBJECT

public:
    explicit JourneysPage(const Database &db, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    JourneyListModel *model() const { return m_model; }
    QTreeWidget *simulation() const { return m_simulation; }
    QAction *newAction() const { return m_new; }
    QAction *activateAction() const { return m_activate; }
    QAction *pauseAction() const { return m_pause; }
    QAction *simulateAction() const { return m_simulate; }
    QAction *editAction() const { return m_edit; }

    /// Opens the journey designer for the selected journey in its own window.
    JourneyEditor *editSelected();

    /// Re-reads journeys and counts (after the worker ran a cycle).
    void reload();
    qint64 selectedId() const;
    void select(qint64 id);

    /// Creates a journey from a template; returns its id, 0 on failure (with a message).
    qint64 createFromTemplate(const QString &key, const QString &name);
    bool activateSelected();
    bool pauseSelected();
    void duplicateSelected();
    void deleteSelected();
    /// Simulates the selected journey for up to \a sample contacts in the
    /// background; simulationFinished() follows.
    void simulateSelected(int sample = 10, int days = 60);

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    /// A journey was started, paused or changed: the worker should look now.
    void journeysChanged();
    void simulationFinished();
    /// "Report": the journey's report on the Reports page.
    void reportRequested(qint64 journeyId);

private:
    void chooseTemplate();
    void updateActions();
    struct Outcome
    {
        std::optional<QList<JourneySimulator::ContactRun>> runs;
        QList<JourneyIssue> problems;
        QString error;
    };
    void showSimulation(const Outcome &outcome, int days);

    const Database &m_db;
    BackgroundTasks *m_tasks = nullptr;
    JourneyListModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QTreeWidget *m_simulation = nullptr;
    QLabel *m_simulationTitle = nullptr;
    QAction *m_new = nullptr;
    QAction *m_activate = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_simulate = nullptr;
    QAction *m_report = nullptr;
    QAction *m_edit = nullptr;
};

} // namespace masir::ui
