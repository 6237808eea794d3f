#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace masir {

class Database;

/// Copies a workspace file into a new PostgreSQL workspace (`masir-cli
/// workspace push FILE URL`): every table, in the order their references
/// need, in one transaction on the server, so a failure leaves the server's
/// workspace empty as it was. Ids are kept, and each table's id sequence then
/// starts after the highest. The server's workspace must have no contacts,
/// campaigns or journeys yet.
class WorkspacePush final
{
    Q_DECLARE_TR_FUNCTIONS(masir::WorkspacePush)

public:
    /// \a progress: the table being copied and the rows copied so far.
    static bool push(const Database &file, const Database &server, QString *error,
                     const std::function<void(const QString &table, qint64 rows)> &progress = {});
};

} // namespace masir
