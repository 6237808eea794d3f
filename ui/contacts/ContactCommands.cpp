#include "contacts/ContactCommands.h"

#include <QCoreApplication>

namespace masir::ui {

void ContactCommand::report(bool ok, qint64 focusId)
{
    // A failed undo/redo (the file became read-only, say) leaves the stack as it is;
    // the command is marked obsolete so it is not offered again.
    if (!ok)
        setObsolete(true);
    if (m_changed)
        m_changed(focusId);
}

CreateContactCommand::CreateContactCommand(ContactRepository &repo, const Contact &created,
                                           Changed changed)
    : ContactCommand(repo, std::move(changed))
    , m_id(created.id)
{
    setText(QCoreApplication::translate("masir::ui::ContactCommands", "Add %1")
                .arg(created.displayName()));
}

void CreateContactCommand::undo()
{
    m_snapshot = m_repo.snapshot({m_id});
    report(m_repo.remove({m_id}), 0);
}

void CreateContactCommand::redo()
{
    if (firstRedo())
        return;
    report(m_repo.restore(m_snapshot), m_id);
}

EditContactCommand::EditContactCommand(ContactRepository &repo, const Contact &before,
                                       const Contact &after, Changed changed)
    : ContactCommand(repo, std::move(changed))
    , m_before(before)
    , m_after(after)
{
    setText(QCoreApplication::translate("masir::ui::ContactCommands", "Edit %1")
                .arg(after.displayName()));
}

void EditContactCommand::undo()
{
    report(m_repo.update(m_before), m_before.id);
}

void EditContactCommand::redo()
{
    if (firstRedo())
        return;
    report(m_repo.update(m_after), m_after.id);
}

DeleteContactsCommand::DeleteContactsCommand(ContactRepository &repo, const QList<qint64> &ids,
                                             ContactSnapshot snapshot, Changed changed)
    : ContactCommand(repo, std::move(changed))
    , m_ids(ids)
    , m_snapshot(std::move(snapshot))
{
    setText(QCoreApplication::translate("masir::ui::ContactCommands", "Delete %n contact(s)",
                                        nullptr, int(ids.size())));
}

void DeleteContactsCommand::undo()
{
    report(m_repo.restore(m_snapshot), m_ids.value(0));
}

void DeleteContactsCommand::redo()
{
    if (firstRedo())
        return;
    report(m_repo.remove(m_ids), 0);
}

} // namespace masir::ui
