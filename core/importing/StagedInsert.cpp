#include "importing/StagedInsert.h"

#include "common/Logging.h"
#include "contacts/ContactColumns.h"
#include "importing/RowParser.h"
#include "storage/Savepoint.h"
#include "storage/SqlExec.h"

#include <QSqlError>
#include <QSqlQuery>

namespace masir {

namespace {
const QString kTable = QStringLiteral("masir_import_rows");
} // namespace

StagedInsert::StagedInsert(const QSqlDatabase &db, bool matchPhone, qint64 importId)
    : m_db(db)
    , m_copy(db)
    , m_matchPhone(matchPhone)
    , m_importId(importId)
    , m_columns(ContactColumns::names() + QStringList{QStringLiteral("import_id")})
{}

StagedInsert::~StagedInsert()
{
    if (m_opened)
        exec(QStringLiteral("DROP TABLE pg_temp.%1").arg(kTable));
}

bool StagedInsert::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcImport) << "staged insert:" << m_error;
    return false;
}

bool StagedInsert::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    QString error;
    return Sql::exec(lcImport(), q, sql, {}, &error) || fail(error);
}

bool StagedInsert::open()
{
    // The contacts' ids come from their sequence, named once here (looked up
    // in each row, it cost as much as the rest of the row's match).
    QSqlQuery q(m_db);
    QString error;
    if (!Sql::first(lcImport(), q,
                    QStringLiteral("SELECT pg_get_serial_sequence('contacts', 'id')"), &error))
        return fail(error);
    m_sequence = q.value(0).toString();
    q.finish();
    // The session's own table, with the contacts' column types; its rows are
    // gone at each commit and with the session.
    // (Left by an import of this session that failed before it could drop it.
    // Asked first: DROP … IF EXISTS prints a notice in a session without
    // temporary tables.)
    if (!Sql::first(lcImport(), q,
                    QStringLiteral("SELECT to_regclass('pg_temp.%1') IS NOT NULL").arg(kTable),
                    &error))
        return fail(error);
    const bool left = q.value(0).toBool();
    q.finish();
    m_opened = (!left || exec(QStringLiteral("DROP TABLE pg_temp.%1").arg(kTable))) &&
               exec(QStringLiteral("CREATE TEMPORARY TABLE %1 ON COMMIT DELETE ROWS AS "
                                   "SELECT 0 AS k, id, %2 FROM contacts WITH NO DATA")
                        .arg(kTable, m_columns.join(QLatin1Char(','))));
    return m_opened;
}

bool StagedInsert::copy(const std::vector<const PreparedRow *> &rows)
{
    if (!exec(QStringLiteral("TRUNCATE %1").arg(kTable)))
        return false;
    QStringList columns = m_columns;
    columns.prepend(QStringLiteral("k"));
    if (!m_copy.begin(kTable, columns))
        return fail(m_copy.errorString());
    int k = 0;
    for (const PreparedRow *row : rows) {
        m_copy.addInteger(k++);
        m_copy.addRow(row->contact);
        if (m_importId)
            m_copy.addInteger(m_importId);
        else
            m_copy.addNull();
        m_copy.endRow();
    }
    return m_copy.end() || fail(m_copy.errorString());
}

bool StagedInsert::insertNew(const std::vector<const PreparedRow *> &rows, std::vector<qint64> &ids)
{
    ids.assign(rows.size(), 0);
    if (rows.empty())
        return true;
    // A refused group is undone alone and given back: row by row, each
    // failure is reported at its row. Refused in the copy (a byte the server
    // takes in no text, U+0000) or in the insert (a value a check turns down).
    Savepoint mark(m_db, QStringLiteral("masir_staged"));
    if (!mark.isActive())
        return fail(mark.errorString());
    if (!copy(rows)) {
        qCInfo(lcImport) << "a group of" << rows.size() << "rows goes in row by row:" << m_error;
        m_error.clear();
        return mark.rollback() || fail(mark.errorString());
    }
    // A row is plainly new when it is the first of the group with its email
    // (and phone), and no contact has them: the lowest id would match it. Each
    // row asks the contacts' indexes (a scalar subquery per row: the planner
    // would rather read the whole table for a small group it knows nothing
    // about). The ids are taken here, in the file's order, as row by row.
    const QString phoneFirst = m_matchPhone ? QStringLiteral("AND by_phone = k") : QString();
    const QString phoneKnown =
        m_matchPhone ? QStringLiteral("AND (phone = '' OR (SELECT c.id FROM contacts c "
                                      "WHERE c.phone = f.phone LIMIT 1) IS NULL)")
                     : QString();
    const QString pick =
        QStringLiteral(
            "WITH firsts AS (SELECT k, email, phone, "
            "CASE WHEN email <> '' THEN min(k) OVER (PARTITION BY email) ELSE k END AS by_email, "
            "CASE WHEN phone <> '' THEN min(k) OVER (PARTITION BY phone) ELSE k END AS by_phone "
            "FROM %1), "
            "picked AS (SELECT k FROM firsts f WHERE by_email = k %2 "
            "AND (email = '' OR (SELECT c.id FROM contacts c "
            "WHERE c.email = f.email AND c.email <> '' LIMIT 1) IS NULL) %3 ORDER BY k), "
            "numbered AS (SELECT k, nextval('%4'::regclass) AS id FROM picked) "
            "UPDATE %1 s SET id = n.id FROM numbered n WHERE n.k = s.k RETURNING s.k, s.id")
            .arg(kTable, phoneFirst, phoneKnown, m_sequence);
    const QString columns = m_columns.join(QLatin1Char(','));
    const QString move = QStringLiteral("INSERT INTO contacts (id, %1) SELECT id, %1 FROM %2 "
                                        "WHERE id IS NOT NULL ORDER BY id")
                             .arg(columns, kTable);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    std::vector<std::pair<qsizetype, qint64>> picked;
    bool ok = q.exec(pick);
    while (ok && q.next())
        picked.emplace_back(q.value(0).toLongLong(), q.value(1).toLongLong());
    QString refused = ok ? QString() : q.lastError().text();
    q.finish();
    if (ok && !picked.empty() && !q.exec(move)) {
        ok = false;
        refused = q.lastError().text();
    }
    if (!ok) {
        qCInfo(lcImport) << "a group of" << rows.size() << "rows goes in row by row:" << refused;
        return mark.rollback() || fail(mark.errorString());
    }
    if (!mark.release())
        return fail(mark.errorString());
    for (const auto &[k, id] : picked) {
        if (k >= 0 && size_t(k) < ids.size())
            ids[size_t(k)] = id;
    }
    return true;
}

} // namespace masir
