#include "importing/ImportHistory.h"

#include "common/Logging.h"
#include "exporting/CsvWriter.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/StatementCache.h"
#include "storage/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

namespace masir {

namespace {

const QString kColumns = QStringLiteral(
    "id, file_name, status, encoding, delimiter, rows_read, created, updated, skipped, rejected, "
    "warnings, started_at, finished_at");

ImportRecord readRecord(const QSqlQuery &q)
{
    ImportRecord r;
    r.id = q.value(0).toLongLong();
    r.fileName = q.value(1).toString();
    r.status = q.value(2).toString();
    r.encoding = q.value(3).toString();
    r.delimiter = q.value(4).toString();
    r.rows = q.value(5).toLongLong();
    r.created = q.value(6).toLongLong();
    r.updated = q.value(7).toLongLong();
    r.skipped = q.value(8).toLongLong();
    r.rejected = q.value(9).toLongLong();
    r.warnings = q.value(10).toLongLong();
    r.startedAt = QDateTime::fromMSecsSinceEpoch(q.value(11).toLongLong(), Qt::UTC);
    if (!q.value(12).isNull())
        r.finishedAt = QDateTime::fromMSecsSinceEpoch(q.value(12).toLongLong(), Qt::UTC);
    return r;
}

bool processAlive(qint64 pid)
{
#ifdef Q_OS_UNIX
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
#else
    Q_UNUSED(pid);
    return false; // without a cheap check, an unfinished import is shown as interrupted
#endif
}

} // namespace

ImportHistory::ImportHistory(const Database &db)
    : m_db(db)
{}

ImportHistory::~ImportHistory() = default;

qint64 ImportHistory::begin(const QString &fileName, const QString &encoding, QChar delimiter,
                            const QJsonObject &options)
{
    QSqlQuery q(m_db.connection());
    QString error;
    const bool prepared = Sql::exec(
        lcImport(), q,
        QStringLiteral("INSERT INTO imports (file_name, encoding, delimiter, options, started_at) "
                       "VALUES (?, ?, ?, ?, ?) RETURNING id"),
        {fileName, encoding, QString(delimiter),
         QString::fromUtf8(QJsonDocument(options).toJson(QJsonDocument::Compact)),
         QDateTime::currentMSecsSinceEpoch()},
        &error);
    const qint64 id = prepared && q.next() ? q.value(0).toLongLong() : 0;
    if (!id)
        m_error = tr("Cannot record the import: %1").arg(error);
    return id;
}

bool ImportHistory::addBatch(qint64 importId, const ImportCounts &counts)
{
    if (!m_statements)
        m_statements = std::make_unique<StatementCache>(m_db.connection());
    PreparedStatement *issue = m_statements->get(
        QStringLiteral("INSERT INTO import_issues (import_id, row_number, line_number, severity, "
                       "field, message, raw) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        &m_error);
    if (!issue)
        return false;
    for (const ImportIssue &i : counts.issues) {
        issue->bind(1, importId);
        issue->bind(2, i.row);
        issue->bind(3, i.line);
        issue->bind(4, i.rejected ? QByteArrayLiteral("rejected") : QByteArrayLiteral("warning"));
        issue->bind(5, i.field.toUtf8());
        issue->bind(6, i.message.toUtf8());
        issue->bind(7, i.raw.toUtf8());
        if (!issue->exec()) {
            m_error = issue->errorString();
            return false;
        }
    }
    PreparedStatement *update = m_statements->get(
        QStringLiteral("UPDATE imports SET rows_read = rows_read + ?, created = created + ?, "
                       "updated = updated + ?, skipped = skipped + ?, rejected = rejected + ?, "
                       "warnings = warnings + ? WHERE id = ?"),
        &m_error);
    if (!update)
        return false;
    int column = 1;
    for (const qint64 v : {counts.rows, counts.created, counts.updated, counts.skipped,
                           counts.rejected, counts.warnings, importId})
        update->bind(column++, v);
    if (!update->exec()) {
        m_error = update->errorString();
        return false;
    }
    return true;
}

bool ImportHistory::finish(qint64 importId, const QString &status)
{
    QSqlQuery q(m_db.connection());
    return Sql::exec(lcImport(), q,
                     QStringLiteral("UPDATE imports SET status = ?, finished_at = ? WHERE id = ?"),
                     {status, QDateTime::currentMSecsSinceEpoch(), importId}, &m_error);
}

QList<ImportRecord> ImportHistory::list(int limit) const
{
    QList<ImportRecord> out;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM imports ORDER BY id DESC LIMIT ?").arg(kColumns));
    q.addBindValue(limit);
    if (q.exec()) {
        while (q.next())
            out << readRecord(q);
    }
    return out;
}

std::optional<ImportRecord> ImportHistory::find(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM imports WHERE id = ?").arg(kColumns));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return readRecord(q);
    return std::nullopt;
}

QList<ImportIssue> ImportHistory::issues(qint64 importId, int limit) const
{
    QList<ImportIssue> out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT row_number, line_number, severity, field, message, raw "
                             "FROM import_issues WHERE import_id = ? ORDER BY row_number, id") +
              (limit >= 0 ? QStringLiteral(" LIMIT ?") : QString()));
    q.addBindValue(importId);
    if (limit >= 0)
        q.addBindValue(limit);
    if (q.exec()) {
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toLongLong(),
                        q.value(2).toString() == QLatin1String("rejected"), q.value(3).toString(),
                        q.value(4).toString(), q.value(5).toString()});
    }
    return out;
}

bool ImportHistory::exportIssues(qint64 importId, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    CsvWriter csv(&file);
    csv.writeBom();
    csv.writeRow(
        {tr("row"), tr("line"), tr("result"), tr("field"), tr("reason"), tr("original text")});
    for (const ImportIssue &i : issues(importId)) {
        csv.writeRow({QString::number(i.row), QString::number(i.line),
                      i.rejected ? tr("rejected") : tr("imported with a warning"), i.field,
                      i.message, i.raw});
    }
    if (!file.commit()) {
        m_error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

ContactFilter ImportHistory::contactFilter(qint64 importId)
{
    return {QStringLiteral("import:%1").arg(importId),
            QStringLiteral("contacts.import_id = ?"),
            {importId}};
}

qint64 ImportHistory::undo(qint64 importId)
{
    const auto record = find(importId);
    if (!record) {
        m_error = tr("There is no import %1.").arg(importId);
        return -1;
    }
    if (record->status == QLatin1String("undone")) {
        m_error = tr("This import was already undone.");
        return -1;
    }
    if (record->status == QLatin1String("running")) {
        m_error = tr("This import is still running; cancel it first.");
        return -1;
    }
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM contacts WHERE import_id = ?"));
    q.addBindValue(importId);
    if (!tx.isActive() || !q.exec()) {
        m_error = tr("The import could not be undone: %1").arg(q.lastError().text());
        return -1;
    }
    const qint64 removed = q.numRowsAffected();
    q.prepare(QStringLiteral("UPDATE imports SET status = 'undone' WHERE id = ?"));
    q.addBindValue(importId);
    if (!q.exec() || !tx.commit()) {
        m_error = tr("The import could not be undone: %1").arg(q.lastError().text());
        return -1;
    }
    return removed;
}

int ImportHistory::markInterrupted()
{
    QSqlQuery q(m_db.connection());
    QList<qint64> gone;
    if (q.exec(QStringLiteral("SELECT id, options FROM imports WHERE status = 'running'"))) {
        while (q.next()) {
            const qint64 pid = QJsonDocument::fromJson(q.value(1).toString().toUtf8())
                                   .object()
                                   .value(QLatin1String("pid"))
                                   .toInteger();
            if (!processAlive(pid))
                gone << q.value(0).toLongLong();
        }
    }
    for (const qint64 id : gone) {
        q.prepare(QStringLiteral(
            "UPDATE imports SET status = 'interrupted' WHERE id = ? AND status = 'running'"));
        q.addBindValue(id);
        q.exec();
    }
    return int(gone.size());
}

} // namespace masir
