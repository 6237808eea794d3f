#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// The reports' tallies recounted from the events there are now, in one
/// transaction (`masir-cli report recount`): after events were written around
/// Masir (a bulk load by SQL), or to check them. What happened to contacts
/// deleted since is no longer in the events, so it leaves the tallies too.
class ReportTallies final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ReportTallies)

public:
    explicit ReportTallies(const Database &db);

    /// The number of tally rows written, or nullopt with errorString().
    std::optional<qint64> recount();
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    QString m_error;
};

} // namespace masir
