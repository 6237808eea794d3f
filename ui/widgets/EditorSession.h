#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QWidget;

namespace masir::ui {

/// What a page with a list on the left and an editor on the right shares
/// (Templates, Segments): which saved item the editor shows (its id, 0 for a
/// new draft), whether it holds unsaved changes, the question before they are
/// lost, and which of Save, Revert, Duplicate and Delete apply.
///
/// The page gives three steps of its own: save the editor, show the saved
/// item again, and the item's name for the question.
class EditorSession final : public QObject
{
    Q_OBJECT

public:
    struct Actions
    {
        QAction *save = nullptr;
        QAction *revert = nullptr;
        QAction *duplicate = nullptr;
        QAction *remove = nullptr;
    };
    struct Steps
    {
        std::function<bool()> save;        ///< saves the editor; false when it cannot
        std::function<void()> showSaved;   ///< fills the editor from the saved item
        std::function<QString()> itemName; ///< as the editor names it now
    };

    EditorSession(QWidget *page, Actions actions, Steps steps);

    qint64 id() const { return m_id; }
    bool isOpen() const { return m_open; }
    bool isModified() const { return m_modified; }
    bool isLoading() const { return m_loading > 0; }

    /// The editor now shows item \a id (0: a new draft), as saved.
    void opened(qint64 id);
    /// Nothing is open (the list is empty, or the item was deleted).
    void closed();
    /// The editor's content was saved as item \a id.
    void saved(qint64 id);
    /// The user changed something; ignored while the page fills the editor.
    void edited();
    void setModified(bool modified);

    /// While the page fills the editor, its change signals are not edits.
    class Loading
    {
    public:
        explicit Loading(EditorSession &session);
        ~Loading();
        Q_DISABLE_COPY_MOVE(Loading)

    private:
        EditorSession &m_session;
    };

    /// Before the editor shows something else: if it holds unsaved changes,
    /// asks. Save saves; Discard shows the saved item again (a draft is
    /// dropped); Cancel stays. False when the user stays (or the save failed).
    bool maybeSave();
    /// Shows the saved item again, dropping the changes.
    void revert();

Q_SIGNALS:
    /// Open, modified or id changed: the page updates its other actions.
    void stateChanged();

private:
    void updateActions();

    QWidget *m_page;
    Actions m_actions;
    Steps m_steps;
    qint64 m_id = 0;
    bool m_open = false;
    bool m_modified = false;
    int m_loading = 0;
};

} // namespace masir::ui
