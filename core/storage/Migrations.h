#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace masir {

class SqlDialect;

/// Versioned, forward-only schema migrations.
///
/// Each migration runs in its own transaction together with the bump of the
/// schema version, so a crash leaves the file at the previous or the next version,
/// never in between. Migrations are never edited once released: a change to the
/// schema is a new migration at the end of the list.
class Migrations final
{
    Q_DECLARE_TR_FUNCTIONS(masir::Migrations)

public:
    explicit Migrations(QSqlDatabase db);

    static int latestVersion();
    /// The statements of step \a version. Those after a server's baseline
    /// (PostgresWorkspace::kBaselineVersion) are written for both engines;
    /// \a onServer adds what a step changes only on PostgreSQL (a trigger
    /// SQLite has no form of).
    static QStringList step(int version, bool onServer = false);
    /// Recounts the reports' tallies (event_tallies, stage_reached,
    /// outbox.engaged, contact_purchases, attributed_revenue) from the events
    /// and messages there are now: schemas 19, 20 and 22 filled them so, and
    /// `masir-cli report recount` after events were written around Masir.
    static QStringList tallyStatements(const SqlDialect &dialect);

    /// Upgrades to \a targetVersion (the latest by default). Tests use a lower
    /// target to build files as earlier versions of Masir left them.
    bool migrate(int targetVersion = -1);
    int currentVersion() const;
    QString errorString() const { return m_error; }

    /// One step of a numbered schema on \a db, with the bump of its version,
    /// in one transaction (the workspace's steps, or another store's).
    static bool applyStep(QSqlDatabase db, int version, const QStringList &statements,
                          QString *error);

private:
    QSqlDatabase m_db;
    QString m_error;
};

} // namespace masir
