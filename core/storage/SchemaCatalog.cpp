#include "storage/SchemaCatalog.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace masir {

namespace {

QString sqliteType(const QString &declared)
{
    const QString t = declared.toUpper();
    if (t == QLatin1String("INTEGER") || t == QLatin1String("BIGINT"))
        return QStringLiteral("bigint");
    if (t == QLatin1String("REAL"))
        return QStringLiteral("double precision");
    if (t == QLatin1String("BLOB"))
        return QStringLiteral("bytea");
    return declared.toLower();
}

/// A default as written, without PostgreSQL's casts ("'active'::text").
QString plainDefault(QString value)
{
    static const QRegularExpression cast(QStringLiteral("::[a-z ]+$"));
    value.remove(cast);
    if (value.startsWith(QLatin1Char('(')) && value.endsWith(QLatin1Char(')')))
        value = value.mid(1, value.size() - 2);
    // PostgreSQL quotes a negative number it casts ("'-1'::bigint")
    static const QRegularExpression quotedNumber(QStringLiteral("^'(-?[0-9.]+)'$"));
    if (const auto m = quotedNumber.match(value); m.hasMatch())
        value = m.captured(1);
    return value;
}

QString column(const QString &table, const QString &name, const QString &type, bool notNull,
               const QString &dflt)
{
    QString line = QStringLiteral("column %1.%2 %3").arg(table, name, type);
    if (notNull)
        line += QStringLiteral(" not null");
    if (!dflt.isEmpty())
        line += QStringLiteral(" default ") + plainDefault(dflt);
    return line;
}

QString action(const QString &onDelete)
{
    const QString a = onDelete.toLower();
    return a == QLatin1String("no action") ? QString() : QStringLiteral(" on delete ") + a;
}

} // namespace

QStringList SchemaCatalog::describe(const Database &db, QString *error)
{
    QStringList lines = db.isPostgres() ? describePostgres(db, error) : describeSqlite(db, error);
    lines.sort();
    return lines;
}

QStringList SchemaCatalog::describeSqlite(const Database &db, QString *error)
{
    QSqlQuery q(db.connection());
    QStringList tables;
    QHash<QString, QString> sql;
    if (!Sql::exec(
            lcStorage(), q,
            QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name "
                           "NOT LIKE 'sqlite_%'"),
            {}, error))
        return {};
    while (q.next()) {
        tables << q.value(0).toString();
        sql.insert(tables.last(), q.value(1).toString());
    }
    QStringList out;
    static const QRegularExpression check(QStringLiteral("\\bCHECK\\s*\\("),
                                          QRegularExpression::CaseInsensitiveOption);
    for (const QString &t : std::as_const(tables)) {
        QStringList keyColumns;
        if (!Sql::exec(lcStorage(), q,
                       QStringLiteral("SELECT name, type, \"notnull\", dflt_value, pk FROM "
                                      "pragma_table_info('%1') ORDER BY pk, cid")
                           .arg(t),
                       {}, error))
            return {};
        while (q.next()) {
            const bool key = q.value(4).toInt() > 0;
            if (key)
                keyColumns << q.value(0).toString();
            out << column(t, q.value(0).toString(), sqliteType(q.value(1).toString()),
                          q.value(2).toBool() || key, q.value(3).toString());
        }
        if (!keyColumns.isEmpty())
            out << QStringLiteral("key %1 (%2)").arg(t, keyColumns.join(QStringLiteral(", ")));
        if (const qsizetype checks = sql.value(t).count(check))
            out << QStringLiteral("checks %1 %2").arg(t).arg(checks);
        if (!Sql::exec(lcStorage(), q,
                       QStringLiteral("SELECT \"table\", group_concat(\"from\", ', '), \"to\", "
                                      "on_delete FROM (SELECT * FROM pragma_foreign_key_list('%1') "
                                      "ORDER BY id, seq) GROUP BY id")
                           .arg(t),
                       {}, error))
            return {};
        while (q.next())
            out << QStringLiteral("reference %1 (%2) -> %3 (%4)%5")
                       .arg(t, q.value(1).toString(), q.value(0).toString(),
                            q.value(2).toString().isEmpty() ? QStringLiteral("id")
                                                            : q.value(2).toString(),
                            action(q.value(3).toString()));
        QSqlQuery indexes(db.connection());
        if (!Sql::exec(lcStorage(), indexes,
                       QStringLiteral("SELECT name, \"unique\", origin, partial FROM "
                                      "pragma_index_list('%1') WHERE origin <> 'pk'")
                           .arg(t),
                       {}, error))
            return {};
        while (indexes.next()) {
            const QString name = indexes.value(0).toString();
            QStringList columns;
            if (!Sql::exec(lcStorage(), q,
                           QStringLiteral("SELECT coalesce(name, '(expression)') FROM "
                                          "pragma_index_info('%1') ORDER BY seqno")
                               .arg(name),
                           {}, error))
                return {};
            while (q.next())
                columns << q.value(0).toString();
            const bool constraint = indexes.value(2).toString() == QLatin1String("u");
            out << QStringLiteral("index %1%2 (%3)%4")
                       .arg(constraint ? QStringLiteral("of ") + t : name,
                            indexes.value(1).toBool() ? QStringLiteral(" unique") : QString(),
                            columns.join(QStringLiteral(", ")),
                            indexes.value(3).toBool() ? QStringLiteral(" partial") : QString());
        }
    }
    return out;
}

QStringList SchemaCatalog::describePostgres(const Database &db, QString *error)
{
    QSqlQuery q(db.connection());
    QStringList out;
    if (!Sql::exec(lcStorage(), q,
                   QStringLiteral(
                       "SELECT c.table_name, c.column_name, c.data_type, c.is_nullable = 'NO', "
                       "coalesce(c.column_default, '') FROM information_schema.columns c JOIN "
                       "pg_catalog.pg_tables t ON t.tablename = c.table_name AND t.schemaname = "
                       "c.table_schema WHERE c.table_schema = current_schema() AND c.table_name <> "
                       "'masir_meta'"),
                   {}, error))
        return {};
    while (q.next())
        out << column(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toBool(), q.value(4).toString());
    // keys, references and checks, from pg_constraint
    if (!Sql::exec(lcStorage(), q,
                   QStringLiteral(
                       "SELECT k.contype, t.relname, (SELECT string_agg(a.attname, ', ' ORDER BY "
                       "u.i) FROM unnest(k.conkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON "
                       "a.attrelid = k.conrelid AND a.attnum = u.n), f.relname, (SELECT "
                       "string_agg(a.attname, ', ' ORDER BY u.i) FROM unnest(k.confkey) WITH "
                       "ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.confrelid AND "
                       "a.attnum = u.n), k.confdeltype FROM pg_constraint k JOIN pg_class t ON "
                       "t.oid = k.conrelid LEFT JOIN pg_class f ON f.oid = k.confrelid WHERE "
                       "t.relnamespace = current_schema()::regnamespace AND t.relname <> "
                       "'masir_meta'"),
                   {}, error))
        return {};
    QHash<QString, int> checks;
    while (q.next()) {
        const QString type = q.value(0).toString();
        const QString table = q.value(1).toString();
        if (type == QLatin1String("p")) {
            out << QStringLiteral("key %1 (%2)").arg(table, q.value(2).toString());
        } else if (type == QLatin1String("f")) {
            static const QHash<QString, QString> actions{
                {QStringLiteral("c"), QStringLiteral("cascade")},
                {QStringLiteral("n"), QStringLiteral("set null")},
                {QStringLiteral("r"), QStringLiteral("restrict")},
                {QStringLiteral("d"), QStringLiteral("set default")},
            };
            out << QStringLiteral("reference %1 (%2) -> %3 (%4)%5")
                       .arg(table, q.value(2).toString(), q.value(3).toString(),
                            q.value(4).toString(),
                            action(
                                actions.value(q.value(5).toString(), QStringLiteral("no action"))));
        } else if (type == QLatin1String("c")) {
            ++checks[table];
        }
    }
    for (auto it = checks.cbegin(); it != checks.cend(); ++it)
        out << QStringLiteral("checks %1 %2").arg(it.key()).arg(it.value());
    // indexes other than the primary keys'; one a constraint made is named by its table
    if (!Sql::exec(
            lcStorage(), q,
            QStringLiteral(
                "SELECT i.relname, t.relname, x.indisunique, EXISTS (SELECT 1 FROM "
                "pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('u', 'x')), "
                "(SELECT "
                "string_agg(coalesce(a.attname, '(expression)'), ', ' ORDER BY u.i) FROM "
                "unnest(x.indkey::int2[]) WITH ORDINALITY u(n, i) LEFT JOIN pg_attribute a "
                "ON a.attrelid = x.indrelid AND a.attnum = u.n AND u.n > 0), x.indpred IS NOT "
                "NULL FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t "
                "ON t.oid = x.indrelid WHERE t.relnamespace = current_schema()::regnamespace "
                "AND NOT x.indisprimary AND t.relname <> 'masir_meta'"),
            {}, error))
        return {};
    while (q.next())
        out << QStringLiteral("index %1%2 (%3)%4")
                   .arg(q.value(3).toBool() ? QStringLiteral("of ") + q.value(1).toString()
                                            : q.value(0).toString(),
                        q.value(2).toBool() ? QStringLiteral(" unique") : QString(),
                        q.value(4).toString(),
                        q.value(5).toBool() ? QStringLiteral(" partial") : QString());
    return out;
}

} // namespace masir
