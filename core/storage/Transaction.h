#pragma once

#include <QSqlDatabase>
#include <QString>

namespace masir {

/// RAII write transaction. Writers take the lock up front (BEGIN IMMEDIATE) so that
/// two writers never deadlock upgrading read locks; anything not committed is rolled
/// back when the object goes out of scope.
class Transaction final
{
    Q_DISABLE_COPY_MOVE(Transaction)

public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();

    bool isActive() const { return m_active; }
    bool commit();
    void rollback();
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace masir
