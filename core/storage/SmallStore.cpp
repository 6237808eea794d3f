#include "storage/SmallStore.h"

#include "common/Logging.h"
#include "storage/Migrations.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QThreadStorage>

namespace masir {

namespace {

std::atomic<int> g_serial{0};

/// The connections a thread opened, closed when it ends.
struct Opened
{
    QStringList names;
    ~Opened()
    {
        for (const QString &name : std::as_const(names)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
};
QThreadStorage<Opened *> t_opened;

} // namespace

SmallStore::SmallStore(QString path, QList<QStringList> schema)
    : m_path(std::move(path))
    , m_schema(std::move(schema))
    , m_serial(++g_serial)
{}

SmallStore::~SmallStore()
{
    const QString name = connectionName();
    if (t_opened.hasLocalData() && t_opened.localData()->names.removeOne(name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString SmallStore::connectionName() const
{
    return QStringLiteral("masir-store-%1-%2")
        .arg(m_serial)
        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

QSqlDatabase SmallStore::connection() const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    if (!t_opened.hasLocalData())
        t_opened.setLocalData(new Opened);
    t_opened.localData()->names << name;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        qCWarning(lcStorage) << "cannot open" << m_path << db.lastError().text();
        return db;
    }
    QSqlQuery q(db);
    for (const char *pragma :
         {"PRAGMA busy_timeout = 5000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"})
        if (!q.exec(QLatin1String(pragma)))
            qCWarning(lcStorage) << pragma << q.lastError().text();
    return db;
}

bool SmallStore::open()
{
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        m_error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        m_error = q.lastError().text();
        return false;
    }
    const int current = q.value(0).toInt();
    q.finish();
    for (int v = current + 1; v <= m_schema.size(); ++v)
        if (!Migrations::applyStep(db, v, m_schema.at(v - 1), &m_error))
            return false;
    return true;
}

} // namespace masir
