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

/// The standard columns, in a fixed order (email ... search_text, created_at, updated_at).
const QStringList &names();
/// The values of \a contact in names() order, ready to bind.
QVariantList values(const Contact &contact);
/// Reads names() from \a query, starting at result column \a first.
Contact read(const QSqlQuery &query, int first);
Contact read(const SqliteStatement &statement, int first);
Contact read(const SqliteRow &row, int first);

/// INSERT of names() plus \a extra columns, with placeholders.
QString insertSql(const QStringList &extra = {});
/// UPDATE of every column but created_at, "WHERE id = ?" last.
QString updateSql();
/// The values for updateSql(), without the trailing id.
QVariantList updateValues(const Contact &contact);

} // namespace ContactColumns
} // namespace masir
