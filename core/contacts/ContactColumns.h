#pragma once

#include "contacts/Contact.h"
#include "storage/PreparedStatement.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <vector>

namespace masir {

class PreparedStatement;

/// The one mapping between Contact and the contacts table's standard columns,
/// shared by the repository, the import engine and the demo generator.
namespace ContactColumns {

/// The standard columns, in a fixed order (email ... search_text, created_at, updated_at);
/// everything of Contact but the id, tags, custom values, the score and the stage.
const QStringList &names();
/// The values of \a contact in names() order, ready to bind.
QVariantList values(const Contact &contact);
/// The same values into \a row (emptied first, keeping its room), without going
/// through QVariant (bulk writers).
void row(const Contact &contact, PackedRow &row);
/// Rows of contacts that share the values of some columns (an import: the
/// columns its file does not fill). Writes what row() writes; where a contact's
/// text is the first contact's own string (the same data, as a default or an
/// option's value is), its bytes are copied from the first row instead of being
/// encoded again, and need no comparing.
class SharedRows final
{
    Q_DISABLE_COPY_MOVE(SharedRows)

public:
    /// \a shared: for each of names(), whether the rows should share it.
    explicit SharedRows(const std::vector<bool> &shared);
    /// row(\a contact, \a into); whether the contact holds the first contact's
    /// values in every shared column (the first contact itself does).
    bool row(const Contact &contact, PackedRow &into);

private:
    quint64 m_shared = 0; ///< bit i: column i is shared
    bool m_haveFirst = false;
    PackedRow m_firstRow;
    std::vector<PackedRow::Cell> m_firstCells; ///< into m_firstRow
    /// Per column, the text the first row was written from: kept, so that its
    /// data cannot be freed and another string take its address.
    std::vector<QString> m_firstText;
};

/// Reads names() from \a query, starting at result column \a first.
Contact read(const QSqlQuery &query, int first);
Contact read(const PreparedStatement &statement, int first);
Contact read(const PackedRow &row, int first);

/// INSERT of names() plus \a extra columns, with placeholders for \a rows rows.
/// A column where \a shared is true takes the first row's placeholder in every
/// row: bind the first row whole, then the others without those columns (see
/// PreparedStatement::bindAll()).
QString insertSql(const QStringList &extra = {}, int rows = 1,
                  const std::vector<bool> &shared = {});
/// UPDATE of every column but created_at, "WHERE id = ?" last.
QString updateSql();
/// The values for updateSql(), without the trailing id.
QVariantList updateValues(const Contact &contact);

/// The score and the lifecycle stage are not among the columns: they live in
/// contact_scores, one narrow row per contact (made by a trigger when the
/// contact is inserted), because scoring rewrites them far more often than
/// anything else (28,000 promotions wrote 230 MB of log on the wide rows,
/// 15 MB on the narrow ones). In a SELECT from contacts:
QString scoreSelect();
QString stageSelect();
/// Sets a contact's score: binds the score, then the contact's id.
QString scoreUpdateSql();
/// A new contact's score and stage, making the row if there is none yet (a bulk
/// import sets the trigger aside): binds the contact's id, the score, the stage.
QString lifecycleUpsertSql();
/// Changes a contact's stage, making the row if need be (StageChanges, which
/// records the change): binds the contact's id, then the stage.
QString stageUpsertSql();
/// A contact's score (binds the contact's id).
QString scoreSelectSql();

} // namespace ContactColumns
} // namespace masir
