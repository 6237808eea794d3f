#pragma once

#include <QSqlDatabase>
#include <QString>

namespace masir {

/// A savepoint in the transaction open on a connection (see Transaction):
/// what runs after it is undone alone by rollback(), and kept by release().
/// Neither called, it is undone when the object goes out of scope, and the
/// transaction goes on from before it.
class Savepoint final
{
    Q_DISABLE_COPY_MOVE(Savepoint)

public:
    Savepoint(QSqlDatabase db, const QString &name);
    ~Savepoint();

    bool isActive() const { return m_active; }
    bool release();
    bool rollback();
    QString errorString() const { return m_error; }

private:
    bool run(const QString &sql);

    QSqlDatabase m_db;
    QString m_name;
    bool m_active = false;
    QString m_error;
};

} // namespace masir
