#pragma once

#include "storage/PostgresCopy.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace masir {

class PreparedStatement;

/// Many rows of one table given a new integer value by their integer key, the
/// fastest way each engine has, inside the caller's transaction: on a file one
/// prepared UPDATE a row; on a server the pairs are copied (COPY) into a
/// temporary table and one UPDATE … FROM changes every row (a million single
/// updates are a million round trips). A role without the TEMPORARY right on
/// the server updates a row a statement instead.
class BulkUpdate final
{
    Q_DISABLE_COPY_MOVE(BulkUpdate)

public:
    /// Sets \a column of \a table in the row whose \a key is given (names as
    /// written in SQL).
    BulkUpdate(const QSqlDatabase &db, const QString &table, const QString &key,
               const QString &column);
    ~BulkUpdate();

    /// The row with \a key gets \a value (on a server, at finish()). Nothing
    /// else may use the connection from the first set() to finish(): on a
    /// server a copy is open on it.
    bool set(qint64 key, qint64 value);
    /// Writes what set() gave; false with errorString() when the database
    /// refused (the caller's transaction is then to be rolled back).
    bool finish();
    QString errorString() const { return m_error; }

private:
    bool start();
    /// On a server: whether the pairs can go through COPY, and their table.
    bool prepareCopy();
    bool fail(const QString &message);

    QSqlDatabase m_db;
    QString m_table;
    QString m_key;
    QString m_column;
    bool m_started = false;
    bool m_copying = false; ///< the pairs go through COPY
    std::unique_ptr<PostgresCopy> m_copy;
    std::unique_ptr<PreparedStatement> m_update;
    QString m_error;
};

} // namespace masir
