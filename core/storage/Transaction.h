#pragma once

#include <QSqlDatabase>
#include <QString>

namespace masir {

/// RAII transaction on one connection; anything not committed is rolled back
/// when the object goes out of scope. Every transaction in Masir is opened
/// through this class, with its mode stated.
class Transaction final
{
    Q_DISABLE_COPY_MOVE(Transaction)

public:
    enum class Mode
    {
        /// Takes the write lock up front (SQLite: BEGIN IMMEDIATE), so that two
        /// writers never deadlock upgrading read locks; PostgreSQL: BEGIN.
        Write,
        /// A writer that works beside others of its kind: on a server it takes
        /// the write lock shared, so that such writers run at once while every
        /// Write transaction waits for all of them (and they for it). It must
        /// claim the rows it moves (SqlDialect::claim(): a row another claimed
        /// is passed over) and write nothing whose check another claim writer
        /// could change. On SQLite, as Write: one writer at a time.
        Claim,
        /// Several reads that see one state of the workspace, whatever is
        /// committed meanwhile; nothing may be written (PostgreSQL: repeatable
        /// read, read only).
        ReadSnapshot,
    };

    Transaction(QSqlDatabase db, Mode mode);
    ~Transaction();

    bool isActive() const { return m_active; }
    Mode mode() const { return m_mode; }
    bool commit();
    void rollback();
    QString errorString() const { return m_error; }

    /// Says that its writer gives up on the first statement the database
    /// refuses and undoes everything: on a server, writing statements then go
    /// without a savepoint each (one round trip, not three), since none is
    /// ever undone alone. Without it, a refused statement is undone alone, as
    /// SQLite does, and the writer may go on (an import reports the row).
    void setAllOrNothing();

    /// Whether a Transaction is open on \a db's connection (in this thread,
    /// where each connection is used).
    static bool isOpenOn(const QSqlDatabase &db);
    /// Whether the transaction open on \a db's connection is all or nothing.
    static bool isAllOrNothing(const QSqlDatabase &db);

private:
    void setActive(bool active);

    QSqlDatabase m_db;
    Mode m_mode;
    bool m_active = false;
    QString m_error;
};

} // namespace masir
