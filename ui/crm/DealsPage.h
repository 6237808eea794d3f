#pragma once

#include "crm/Deals.h"

#include <QListWidget>
#include <QWidget>

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableWidget;
class QUndoStack;

namespace masir {
class Database;
}

namespace masir::ui {

/// One column of the deal board: its cards can be dragged to another column.
class StageColumn final : public QListWidget
{
    Q_OBJECT

public:
    StageColumn(qint64 stageId, QWidget *parent = nullptr);
    qint64 stageId() const { return m_stageId; }

Q_SIGNALS:
    /// A card was dropped here from another column.
    void dealDropped(qint64 dealId, qint64 stageId);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    qint64 m_stageId;
};

/// Deals: a pipeline's board (drag a card to move the deal, undoable), the
/// same deals as a list, and the weighted forecast per month; the pipeline's
/// stages are edited here too.
class DealsPage final : public QWidget
{
    Q_OBJECT

public:
    DealsPage(const Database &db, QUndoStack *undo, QWidget *parent = nullptr);

    void refresh();
    QAction *newAction() const { return m_new; }
    QTabWidget *tabs() const { return m_tabs; }
    QList<StageColumn *> columns() const { return m_columns; }
    QTableWidget *listView() const { return m_listView; }
    QTableWidget *forecastView() const { return m_forecastView; }
    /// Moves a deal as a drag on the board does: undoable.
    void moveDeal(qint64 dealId, qint64 stageId);
    /// A new deal, with \a contactId when given; the id, 0 when cancelled.
    qint64 newDeal(qint64 contactId = 0);

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    void openContact(qint64 id);
    void dealsChanged();

private:
    qint64 currentPipeline() const;
    qint64 selectedDeal() const;
    void editDeal(qint64 id);
    void deleteDeal(qint64 id);
    void editPipeline();
    void fillBoard(const Pipeline &pipeline, const QList<Deal> &deals);
    void fillList(const Pipeline &pipeline, const QList<Deal> &deals);
    void fillForecast(qint64 pipelineId);
    void showMenu(qint64 dealId, const QPoint &globalPos);

    const Database &m_db;
    QUndoStack *m_undo;
    QComboBox *m_pipeline = nullptr;
    QLineEdit *m_search = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_board = nullptr;
    QHBoxLayout *m_boardLayout = nullptr;
    QList<StageColumn *> m_columns;
    QTableWidget *m_listView = nullptr;
    QTableWidget *m_forecastView = nullptr;
    QLabel *m_forecastTotal = nullptr;
    QAction *m_new = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_delete = nullptr;
    qint64 m_selected = 0;
};

} // namespace masir::ui
