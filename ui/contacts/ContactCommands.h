#pragma once

#include "contacts/Contact.h"
#include "contacts/ContactRepository.h"

#include <QUndoCommand>

#include <functional>

namespace masir::ui {

/// Undoable contact edits. Each command has already been applied when it is
/// pushed (the write can fail, and a failed write must not land on the stack),
/// so the first redo() does nothing. \a changed is called after every undo/redo
/// so the views can refresh.
class ContactCommand : public QUndoCommand
{
public:
    using Changed = std::function<void(qint64 focusId)>;
    ContactCommand(ContactRepository &repo, Changed changed)
        : m_repo(repo)
        , m_changed(std::move(changed))
    {}

protected:
    bool firstRedo()
    {
        const bool first = m_first;
        m_first = false;
        return first;
    }
    void report(bool ok, qint64 focusId);

    ContactRepository &m_repo;
    Changed m_changed;

private:
    bool m_first = true;
};

class CreateContactCommand final : public ContactCommand
{
public:
    CreateContactCommand(ContactRepository &repo, const Contact &created, Changed changed);
    void undo() override;
    void redo() override;

private:
    qint64 m_id;
    ContactSnapshot m_snapshot;
};

class EditContactCommand final : public ContactCommand
{
public:
    EditContactCommand(ContactRepository &repo, const Contact &before, const Contact &after,
                       Changed changed);
    void undo() override;
    void redo() override;

private:
    Contact m_before;
    Contact m_after;
};

class DeleteContactsCommand final : public ContactCommand
{
public:
    /// \a snapshot is what was stored before the delete.
    DeleteContactsCommand(ContactRepository &repo, const QList<qint64> &ids,
                          ContactSnapshot snapshot, Changed changed);
    void undo() override;
    void redo() override;

private:
    QList<qint64> m_ids;
    ContactSnapshot m_snapshot;
};

} // namespace masir::ui
