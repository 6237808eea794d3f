#pragma once

#include "events/EventStore.h"

#include <QCoreApplication>
#include <QList>

namespace masir {

class Database;

/// One contact's history as the contact page shows it: the events, the score
/// changes (kept in their own table, see ScoreHistory) and the import that made
/// the contact, newest first, each described in the user's language.
class ContactTimeline final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ContactTimeline)

public:
    explicit ContactTimeline(const Database &db);

    /// The newest \a limit entries of \a contactId.
    QList<Event> entries(qint64 contactId, int limit = 200) const;

    /// A one-line, translated description of an entry.
    static QString describe(const Event &event);
    /// Why a machine's open or click was not counted, in words (MachineRules' names).
    static QString machineRuleLabel(const QString &rule);

private:
    const Database &m_db;
};

} // namespace masir
