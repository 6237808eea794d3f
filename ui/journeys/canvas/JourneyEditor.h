#pragma once

#include "journeys/JourneyGraph.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QWidget>

#include <functional>

class QAction;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QTreeWidget;
class QUndoStack;

namespace masir {
class Database;
}

namespace masir::ui {

class TestSendController;

class JourneyScene;
class JourneyView;

/// The journey designer: a palette of node types to drag onto the canvas, the
/// canvas, an inspector for the selected node, the problems that stop the
/// journey from starting, and one undo stack for this journey.
class JourneyEditor final : public QWidget
{
    Q_OBJECT

public:
    JourneyEditor(const Database &db, qint64 journeyId, QWidget *parent = nullptr);
    ~JourneyEditor() override;

    qint64 journeyId() const { return m_journeyId; }
    JourneyGraph *graph() const { return m_graph; }
    JourneyScene *scene() const { return m_scene; }
    JourneyView *view() const { return m_view; }
    QUndoStack *undoStack() const { return m_undo; }
    QTreeWidget *palette() const { return m_palette; }
    QListWidget *problems() const { return m_problems; }
    /// Every node as a line of text, in step with the canvas's selection: the way
    /// to the nodes for the keyboard and screen readers.
    QListWidget *outline() const { return m_outline; }

    /// Connects the one selected node's \a port to \a targetId (the keyboard's
    /// way of drawing an edge); false with a message when refused.
    bool connectSelectedTo(const QString &port, const QString &targetId);
    QAction *saveAction() const { return m_save; }

    /// Writes the graph back; a running journey gets a new version.
    bool save();
    /// Saves, then starts the journey (only offered when nothing stops it).
    bool start();
    bool pause();
    QAction *startAction() const { return m_start; }
    QAction *pauseAction() const { return m_pause; }
    bool isModified() const;
    bool exportImage(const QString &path);

    void copy();
    void paste();
    void duplicate();

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    void saved();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPalette();
    void buildActions();
    void updateInspector();
    void updateProblems();
    void updateRunActions();
    void updateOutline();
    void chooseConnection();
    /// Inspector editors that fit their setting: the template with a preview,
    /// the weekdays of business hours, and a webhook address with "Send Test".
    QWidget *templatePicker(const QString &channel, const QString &current,
                            const std::function<void(const QJsonValue &)> &apply);
    QWidget *weekdayPicker(const QJsonArray &days,
                           const std::function<void(const QJsonValue &)> &apply);
    QWidget *webhookEditor(const QString &nodeId, const QString &current,
                           const std::function<void(const QJsonValue &)> &apply);

    const Database &m_db;
    TestSendController *m_tests = nullptr;
    qint64 m_journeyId;
    JourneyGraph *m_graph = nullptr;
    QUndoStack *m_undo = nullptr;
    JourneyScene *m_scene = nullptr;
    JourneyView *m_view = nullptr;
    QTreeWidget *m_palette = nullptr;
    QListWidget *m_problems = nullptr;
    QListWidget *m_outline = nullptr;
    bool m_syncingSelection = false;
    QWidget *m_inspector = nullptr;
    QFormLayout *m_inspectorForm = nullptr;
    QLabel *m_inspectorTitle = nullptr;
    QLineEdit *m_find = nullptr;
    QAction *m_save = nullptr;
    QAction *m_start = nullptr;
    QAction *m_pause = nullptr;
    QString m_inspected;
    bool m_applying = false; ///< the inspector is writing a change
};

} // namespace masir::ui
