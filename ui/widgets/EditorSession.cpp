#include "widgets/EditorSession.h"

#include <QAction>
#include <QMessageBox>
#include <QWidget>

namespace masir::ui {

EditorSession::EditorSession(QWidget *page, Actions actions, Steps steps)
    : QObject(page)
    , m_page(page)
    , m_actions(actions)
    , m_steps(std::move(steps))
{
    updateActions();
}

EditorSession::Loading::Loading(EditorSession &session)
    : m_session(session)
{
    ++m_session.m_loading;
}

EditorSession::Loading::~Loading()
{
    --m_session.m_loading;
}

void EditorSession::opened(qint64 id)
{
    m_id = id;
    m_open = true;
    m_modified = false;
    updateActions();
}

void EditorSession::closed()
{
    m_id = 0;
    m_open = false;
    m_modified = false;
    updateActions();
}

void EditorSession::saved(qint64 id)
{
    m_id = id;
    m_modified = false;
    updateActions();
}

void EditorSession::edited()
{
    if (!isLoading())
        setModified(true);
}

void EditorSession::setModified(bool modified)
{
    if (isLoading() || m_modified == modified)
        return;
    m_modified = modified;
    updateActions();
}

bool EditorSession::maybeSave()
{
    if (!m_modified)
        return true;
    const auto answer = QMessageBox::question(
        m_page, tr("Unsaved changes"), tr("Save the changes to \"%1\"?").arg(m_steps.itemName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return m_steps.save();
    revert();
    return true;
}

void EditorSession::revert()
{
    m_modified = false;
    if (m_id != 0) {
        const Loading loading(*this);
        m_steps.showSaved();
    }
    updateActions();
}

void EditorSession::updateActions()
{
    if (m_actions.save)
        m_actions.save->setEnabled(m_open && (m_modified || m_id == 0));
    if (m_actions.revert)
        m_actions.revert->setEnabled(m_open && m_modified && m_id != 0);
    if (m_actions.duplicate)
        m_actions.duplicate->setEnabled(m_open && m_id != 0);
    if (m_actions.remove)
        m_actions.remove->setEnabled(m_open);
    Q_EMIT stateChanged();
}

} // namespace masir::ui
