#pragma once

#include "importing/ImportJob.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace masir {

class Database;

/// One import as recorded in the workspace.
struct ImportRecord
{
    qint64 id = 0;
    QString fileName;
    QString status; ///< running, done, cancelled, failed, interrupted, undone
    QString encoding;
    QString delimiter;
    qint64 rows = 0;
    qint64 created = 0;
    qint64 updated = 0;
    qint64 skipped = 0;
    qint64 rejected = 0;
    qint64 warnings = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
};

/// Past imports: their counts, their rejected rows, and undo.
class ImportHistory final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ImportHistory)

public:
    explicit ImportHistory(const Database &db);

    QList<ImportRecord> list(int limit = 100) const;
    std::optional<ImportRecord> find(qint64 id) const;
    QList<ImportIssue> issues(qint64 importId, int limit = -1) const;
    /// Writes every issue of an import (row, line, severity, field, message, raw text) as CSV.
    bool exportIssues(qint64 importId, const QString &path);
    /// Removes the contacts the import created (contacts it updated keep the
    /// changes). Returns how many were removed, or -1.
    qint64 undo(qint64 importId);
    /// Imports left "running" by a process that is gone become "interrupted".
    int markInterrupted();
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    QString m_error;
};

} // namespace masir
