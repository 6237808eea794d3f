#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>

namespace masir::test {

/// The private PostgreSQL server ctest starts for the tests that need one
/// (the fixture "postgres", tests/support/pg_cluster.sh): its URL, and fresh
/// empty databases on it, one per test, dropped when the test ends.
class TestPostgres
{
public:
    /// The server's maintenance database; empty when no server was started.
    static QString serverUrl() { return qEnvironmentVariable("MASIR_TEST_PG"); }

    /// A new empty database on the server; \a url is how to reach it.
    explicit TestPostgres(const QString &tag = QStringLiteral("t"))
    {
        static std::atomic<int> serial{0};
        m_name = QStringLiteral("%1_%2_%3")
                     .arg(tag)
                     .arg(QCoreApplication::applicationPid())
                     .arg(serial++);
        QUrl url(serverUrl());
        if (url.isEmpty()) {
            m_error = QStringLiteral("MASIR_TEST_PG is not set: run the test through ctest, "
                                     "whose fixture starts a PostgreSQL server");
            return;
        }
        if (!admin(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_name)) ||
            !admin(QStringLiteral("CREATE DATABASE %1").arg(m_name)))
            return;
        url.setPath(QLatin1Char('/') + m_name);
        m_url = url.toString();
        m_ok = true;
    }
    ~TestPostgres()
    {
        if (m_ok)
            admin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    }
    TestPostgres(const TestPostgres &) = delete;
    TestPostgres &operator=(const TestPostgres &) = delete;

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QString url() const { return m_url; }
    QString name() const { return m_name; }

    /// Runs \a sql on the server's maintenance database.
    bool admin(const QString &sql) { return runIn(QUrl(serverUrl()).path().mid(1), sql); }
    /// Runs \a sql in this test's database, on a connection of its own.
    bool run(const QString &sql) { return runIn(m_name, sql); }

private:
    bool runIn(const QString &database, const QString &sql)
    {
        const QString connection = QStringLiteral("test-admin-") + m_name;
        bool done = false;
        {
            const QUrl server(serverUrl());
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(QUrlQuery(server).queryItemValue(QStringLiteral("host")));
            db.setUserName(server.userName());
            db.setDatabaseName(database);
            if (!db.open()) {
                m_error = db.lastError().text();
            } else {
                QSqlQuery q(db);
                done = q.exec(sql);
                if (!done)
                    m_error = q.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return done;
    }

    QString m_name;
    QString m_url;
    QString m_error;
    bool m_ok = false;
};

} // namespace masir::test
