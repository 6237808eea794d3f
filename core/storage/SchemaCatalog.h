#pragma once

#include <QStringList>

namespace masir {

class Database;

/// A workspace's schema as read back from the engine's own catalog, one fact
/// a line in a form both engines share, sorted:
///
///     column contacts.email text not null default ''
///     index contacts_email unique (email) partial
///     key contact_values (contact_id, field_id)
///     reference tasks (deal_id) -> deals (id) on delete cascade
///     checks contacts 3
///
/// Types are spelled as PostgreSQL does (SQLite's INTEGER is bigint); an index
/// a constraint made is named by its table, as the engines name them apart.
/// Two workspaces with the same lines have the same tables, columns, types,
/// keys, indexes and constraints (`masir-cli workspace schema`).
class SchemaCatalog final
{
public:
    /// nullopt-like: an empty list with \a error set when the catalog cannot be read.
    static QStringList describe(const Database &db, QString *error);

private:
    static QStringList describeSqlite(const Database &db, QString *error);
    static QStringList describePostgres(const Database &db, QString *error);
};

} // namespace masir
