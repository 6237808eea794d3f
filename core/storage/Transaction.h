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

    /// Whether a Transaction is open on \a db's connection (in this thread,
    /// where each connection is used).
    static bool isOpenOn(const QSqlDatabase &db);

private:
    void setActive(bool active);

    QSqlDatabase m_db;
    Mode m_mode;
    bool m_active = false;
    QString m_error;
};

} // namespace masir
