#pragma once

#include "contacts/ContactRepository.h"
#include "contacts/CustomFields.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;
class QUndoStack;

namespace masir {
class BackgroundTasks;
class ContactListModel;
class Database;
} // namespace masir

namespace masir::ui {

class ContactDetailPane;

/// The contact list: search as you type, sorting on indexed columns, multi-select,
/// undoable create/edit/delete, CSV export, and the detail pane of the selection.
class ContactsPage final : public QWidget
{
    Q_OBJECT

public:
    ContactsPage(const Database &db, QUndoStack *undoStack, QWidget *parent = nullptr);

    QAction *newAction() const { return m_newAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *findAction() const { return m_findAction; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *importAction() const { return m_importAction; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *addToListAction() const { return m_addToListAction; }
    QAction *manageTagsAction() const { return m_manageTagsAction; }
    QAction *addToJourneyAction() const { return m_addToJourneyAction; }

    ContactListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *segmentFilter() const { return m_segmentFilter; }

    /// Shows only the members of a segment or list (0: every contact).
    void setSegmentFilter(qint64 segmentId);
    /// Shows the contacts an import created (its wizard's "Show Imported Contacts").
    void showImport(qint64 importId, const QString &fileName);
    /// Re-reads the segments offered in the filter (after one was saved or deleted).
    void reloadSegments();
    /// Adds the selected contacts to the list \a name, created if missing;
    /// returns how many were added, or -1 with a message shown.
    qint64 addSelectionToList(const QString &name);
    /// Starts the journey \a journeyId for the selected contacts; how many
    /// entered, or -1 with a message shown.
    qint64 addSelectionToJourney(qint64 journeyId);
    ContactDetailPane *detailPane() const { return m_detail; }

    /// Opens the editor for a new contact (or for \a id); returns the saved id, 0 if cancelled.
    qint64 editContact(qint64 id = 0);
    /// Deletes the selected contacts (asks first when more than one).
    void deleteSelected();
    QList<qint64> selectedIds(int limit) const;
    int selectedCount() const;
    /// Selects \a id if it is among the rows loaded so far (it usually is after an edit).
    void selectContact(qint64 id);
    void selectRow(int row);

    /// Opens the import wizard, on \a path if given (a file dropped on the list).
    void importFile(const QString &path = QString());

    void saveState() const;
    void restoreState();

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    void totalChanged(qint64 total);
    void selectionCountChanged(int count);
    /// Contacts were added to a journey: the worker can start at once.
    void journeysChanged();

private:
    void applySearch();
    /// Shows the segment chosen in the filter box; false when it was shown already.
    bool applySegmentFilter();
    std::pair<qint64, QString> m_shownImport{0, QString()};
    void updateSelection();
    void refresh(qint64 focusId);
    void exportContacts();
    void chooseListForSelection();
    void chooseJourneyForSelection();

    const Database &m_db;
    BackgroundTasks *m_tasks = nullptr;
    QUndoStack *m_undo;
    ContactRepository m_repo;
    CustomFieldRepository m_fields;
    ContactListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_segmentFilter = nullptr;
    QTimer *m_searchTimer = nullptr;
    QSplitter *m_splitter = nullptr;
    ContactDetailPane *m_detail = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_addToListAction = nullptr;
    QAction *m_manageTagsAction = nullptr;
    QAction *m_addToJourneyAction = nullptr;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace masir::ui
