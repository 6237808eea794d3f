#pragma once

#include <QString>
#include <QVariant>
#include <QVariantList>

namespace masir {

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
    qint64 segmentId = 0; ///< only the members of this segment or list (0: everyone)
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
