#pragma once

#include "contacts/Contact.h"
#include "contacts/ContactColumns.h"
#include "importing/ImportJob.h"
#include "importing/RowParser.h"

#include <QByteArrayView>

#include <vector>

namespace masir {

/// What an import does with a row whose contact is already in the workspace
/// (skip it, fill its empty fields, or overwrite them). Pure: it compares and
/// merges values, and is tested without a workspace.
class MergePolicy final
{
public:
    explicit MergePolicy(ImportOptions::Policy policy);

    bool skipsExisting() const { return m_policy == ImportOptions::Policy::Skip; }
    bool overwrites() const { return m_policy == ImportOptions::Policy::Overwrite; }

    /// Whether merge() would change nothing: each column \a incoming fills
    /// already holds the same bytes. \a stored gives the stored contact's
    /// columns in ContactColumns::names() order: column(index) as UTF-8,
    /// score() and stage(). Compared before anything is decoded: a file of
    /// known contacts is read, not written.
    template<typename Stored> bool unchanged(const PreparedRow &incoming, const Stored &stored);

    /// The contact a row brings to an existing one: what the file says, with
    /// what a new contact starts with left out (the stage unless the file
    /// names one), and, when overwriting, no email another contact may hold.
    Contact incoming(const PreparedRow &row, const Contact &existing) const;
    /// Merges \a incoming into \a existing; whether anything changed.
    bool merge(Contact &existing, const Contact &incoming) const;

private:
    ImportOptions::Policy m_policy;
    std::vector<PackedRow::Cell> m_cells; ///< the incoming row's, reused
};

namespace MergeColumns {
/// What merge() takes from a file (and the stage, when the file names one),
/// and the consent columns, as indexes into ContactColumns::names().
const std::vector<int> &merged();
const std::vector<int> &consents();
} // namespace MergeColumns

template<typename Stored>
bool MergePolicy::unchanged(const PreparedRow &incoming, const Stored &stored)
{
    if (overwrites() && incoming.score != 0 && stored.score() != qint64(incoming.score))
        return false;
    m_cells = incoming.contact.cells();
    auto same = [&](int index) {
        const PackedRow::Cell &theirs = m_cells[size_t(index)];
        return theirs.size == 0 || stored.column(index) == QByteArrayView(theirs.data, theirs.size);
    };
    for (const int index : MergeColumns::merged()) {
        if (!same(index))
            return false;
    }
    if (incoming.stageGiven && stored.stage() != QByteArrayView(incoming.stage.toUtf8()))
        return false;
    for (const int index : MergeColumns::consents()) {
        const PackedRow::Cell &theirs = m_cells[size_t(index)];
        if (QByteArrayView(theirs.data, theirs.size) != "unknown" && !same(index))
            return false;
    }
    return true;
}

} // namespace masir
