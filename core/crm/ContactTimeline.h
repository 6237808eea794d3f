#pragma once

#include "events/EventStore.h"

#include <QCoreApplication>
#include <QList>

#include <limits>

namespace masir {

class Database;

/// What a timeline can be narrowed to.
enum class TimelineKind
{
    All,
    Messages,  ///< emails and SMS sent, opened, clicked, bounced
    Visits,    ///< pages viewed, forms, and the business's own events
    Purchases, ///< purchases, refunds and deals won
    Notes,
    Tasks,
    Deals,
    Changes, ///< stage, score, tags, consent, edits, merges, unsubscribes
};

/// Where the next page starts: after the last entry shown.
struct TimelineCursor
{
    qint64 atMs = std::numeric_limits<qint64>::max();
    int source = 0; ///< which table the entry came from (see ContactTimeline)
    qint64 id = std::numeric_limits<qint64>::max();
};

struct TimelinePage
{
    QList<Event> entries;
    TimelineCursor next; ///< where the page after this one starts
    bool more = false;   ///< whether there may be one
};

/// One contact's history as the contact page shows it: the events, the score
/// changes (kept in their own table, see ScoreHistory), the notes as they are
/// now (Notes) and the import that made the contact, newest first, each
/// described in the user's language. Read a page at a time, so that a contact
/// with a hundred thousand events opens at once.
class ContactTimeline final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ContactTimeline)

public:
    explicit ContactTimeline(const Database &db);

    /// The newest \a limit entries of \a contactId.
    QList<Event> entries(qint64 contactId, int limit = 200) const;
    /// The \a limit entries of \a kind after \a after.
    TimelinePage page(qint64 contactId, TimelineKind kind, const TimelineCursor &after = {},
                      int limit = 100) const;

    static QString kindLabel(TimelineKind kind);

    /// A one-line, translated description of an entry.
    static QString describe(const Event &event);
    /// Why a machine's open or click was not counted, in words (MachineRules' names).
    static QString machineRuleLabel(const QString &rule);

private:
    const Database &m_db;
};

} // namespace masir
