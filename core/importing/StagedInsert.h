#pragma once

#include "storage/PostgresCopy.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace masir {

struct PreparedRow;

/// An import's new contacts on a server workspace, a group of rows at a time:
/// the rows go into a staging table of the session with COPY, one statement
/// picks those that are plainly new (no contact and no earlier row of the
/// group has their email, nor their phone when phones match) and gives them
/// ids, and one INSERT … SELECT moves them into the contacts table. Each other
/// row, and every row of a group the table refuses, is left to the caller,
/// which writes it on its own and reports it at its row.
///
/// The shared table keeps its indexes: other desktops read and write while an
/// import runs. The import's writes take turns with theirs (the write lock), so
/// nothing comes between the match and the insert.
class StagedInsert final
{
    Q_DISABLE_COPY_MOVE(StagedInsert)

public:
    StagedInsert(const QSqlDatabase &db, bool matchPhone, qint64 importId);
    ~StagedInsert();

    /// Makes the session's staging table; false with errorString().
    bool open();
    /// Writes the plainly new rows of \a rows; \a ids gets, for each row, the
    /// id of the contact made from it, or 0 where the caller writes the row.
    /// False with errorString() only when the transaction cannot go on (the
    /// connection or the copy failed); a group the table refuses is given back
    /// whole, with every id 0.
    bool insertNew(const std::vector<const PreparedRow *> &rows, std::vector<qint64> &ids);

    QString errorString() const { return m_error; }

private:
    bool copy(const std::vector<const PreparedRow *> &rows);
    bool exec(const QString &sql);
    bool fail(const QString &message);

    QSqlDatabase m_db;
    PostgresCopy m_copy;
    const bool m_matchPhone;
    const qint64 m_importId;
    QStringList m_columns; ///< the staged contact's columns, in ContactColumns order
    QString m_sequence;    ///< the contacts' ids' sequence
    bool m_opened = false;
    QString m_error;
};

} // namespace masir
