#pragma once

#include <QString>
#include <QVariant>
#include <QVariantList>

namespace masir {

/// A condition on contacts, already compiled to SQL: the WHERE clause (without
/// the keyword) over the columns of contacts and contact_scores, and its binds.
/// A segment compiles to one (SegmentRepository::contactFilter()); \a key names
/// where it came from, so that the same filter compiled twice compares equal.
struct ContactFilter
{
    QString key;   ///< "segment:12"; empty: everyone
    QString where; ///< empty: everyone
    QVariantList binds;

    bool isEmpty() const { return where.isEmpty(); }
    bool operator==(const ContactFilter &) const = default;
};

/// Which contacts a list shows and in what order. Only indexed orders are offered,
/// so every page is an index range scan whatever the size of the workspace.
struct ContactQuery
{
    enum class SortKey
    {
        Created, ///< by id: contacts are numbered as they are created
        LastName,
        Company,
        Score,
    };

    QString search;       ///< free text: every word must match name, company, email or phone
    ContactFilter filter; ///< only the contacts it selects (a segment or list)
    SortKey sortKey = SortKey::Created;
    bool descending = false;

    bool operator==(const ContactQuery &) const = default;
};

/// Where a page starts. Pages are fetched by key (after/before a row we already
/// have); a jump far into the list uses an offset from the nearer end.
struct PageRequest
{
    enum class From
    {
        Start,  ///< skip \a offset rows from the first one
        End,    ///< skip \a offset rows from the last one
        After,  ///< the rows following (anchorValue, anchorId)
        Before, ///< the rows preceding (anchorValue, anchorId)
    };
    From from = From::Start;
    qint64 offset = 0;
    QVariant anchorValue;
    qint64 anchorId = 0;
    int limit = 200;
};

} // namespace masir
