#pragma once

#include "contacts/ContactQuery.h"

#include "importing/ImportJob.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace masir {

class Database;
class StatementCache;

/// One import as recorded in the workspace.
struct ImportRecord : ImportTotals
{
    qint64 id = 0;
    QString fileName;
    QString status; ///< running, done, cancelled, failed, interrupted, undone
    QString encoding;
    QString delimiter;
    QDateTime startedAt;
    QDateTime finishedAt;
};

/// Past imports: their counts, their rejected rows, and undo. The one writer
/// of the imports and import_issues tables: a running import records itself,
/// its batches and its end through begin(), addBatch() and finish().
class ImportHistory final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ImportHistory)
    Q_DISABLE_COPY_MOVE(ImportHistory)

public:
    explicit ImportHistory(const Database &db);
    ~ImportHistory();

    /// Records an import that starts now (committed before any contact): its
    /// id, or 0 with errorString().
    qint64 begin(const QString &fileName, const QString &encoding, QChar delimiter,
                 const QJsonObject &options);
    /// A batch's counts and issues, inside the batch's transaction.
    bool addBatch(qint64 importId, const ImportCounts &counts);
    /// The import ended: "done" or "cancelled".
    bool finish(qint64 importId, const QString &status);

    QList<ImportRecord> list(int limit = 100) const;
    std::optional<ImportRecord> find(qint64 id) const;
    QList<ImportIssue> issues(qint64 importId, int limit = -1) const;
    /// Writes every issue of an import (row, line, severity, field, message, raw text) as CSV.
    bool exportIssues(qint64 importId, const QString &path);
    /// The contacts the import created, as a filter for the contact list.
    static ContactFilter contactFilter(qint64 importId);
    /// Removes the contacts the import created (contacts it updated keep the
    /// changes). Returns how many were removed, or -1.
    qint64 undo(qint64 importId);
    /// Imports left "running" by a process that is gone become "interrupted".
    int markInterrupted();
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    std::unique_ptr<StatementCache> m_statements;
    QString m_error;
};

} // namespace masir
