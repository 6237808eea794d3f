#pragma once

#include <QHash>
#include <QPair>
#include <QWidget>

class QAction;
class QLabel;
class QTableWidget;
class QTreeWidget;

namespace masir {
class Database;
}

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

    QTableWidget *table() const { return m_table; }
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

private:
    void chooseTemplate();
    void updateActions();
    void loadCounts(const QList<qint64> &ids);

    const Database &m_db;
    QTableWidget *m_table = nullptr;
    QTreeWidget *m_simulation = nullptr;
    QLabel *m_simulationTitle = nullptr;
    QAction *m_new = nullptr;
    QAction *m_activate = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_simulate = nullptr;
    QAction *m_edit = nullptr;
    struct Totals
    {
        qint64 waiting = 0;       ///< in the journey now
        qint64 steps = 0;         ///< steps run
        double conversion = -1.0; ///< % of those who entered who reached a goal; -1: no goal
    };
    QHash<qint64, Totals> m_totals;
    quint64 m_countGeneration = 0;
};

} // namespace masir::ui
