#pragma once

#include "contacts/Contact.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

namespace masir {

class SqliteRow;
class SqliteStatement;

/// The one mapping between Contact and the contacts table's standard columns,
/// shared by the repository, the import engine and the demo generator.
namespace ContactColumns {

/// The standard columns, in a fixed order (email ... search_text, created_at, updated_at);
/// everything of Contact but the id, tags, custom values and the score.
const QStringList &names();
/// The values of \a contact in names() order, ready to bind.
QVariantList values(const Contact &contact);
/// The same values into \a row (emptied first, keeping its room), without going
/// through QVariant (bulk writers).
void row(const Contact &contact, SqliteRow &row);
/// Reads names() from \a query, starting at result column \a first.
Contact read(const QSqlQuery &query, int first);
Contact read(const SqliteStatement &statement, int first);
Contact read(const SqliteRow &row, int first);

/// INSERT of names() plus \a extra columns, with placeholders for \a rows rows.
/// A column where \a shared is true takes the first row's placeholder in every
/// row: bind the first row whole, then the others without those columns (see
/// SqliteStatement::bindAll()).
QString insertSql(const QStringList &extra = {}, int rows = 1,
                  const std::vector<bool> &shared = {});
/// UPDATE of every column but created_at, "WHERE id = ?" last.
QString updateSql();
/// The values for updateSql(), without the trailing id.
QVariantList updateValues(const Contact &contact);

/// The score is not among the columns: it lives in contact_scores, one narrow row
/// per contact (made by a trigger when the contact is inserted), because scoring
/// rewrites it far more often than anything else. In a SELECT from contacts:
QString scoreSelect();
/// Sets a contact's score: binds the score, then the contact's id.
QString scoreUpdateSql();
/// The same, making the row if there is none yet (a bulk import sets the trigger
/// aside): binds the contact's id, then the score.
QString scoreUpsertSql();

} // namespace ContactColumns
} // namespace masir
