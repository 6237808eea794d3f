#include "storage/WorkNotices.h"

#include "common/Logging.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"

#include <QSqlQuery>

namespace masir {

QString WorkNotices::channel()
{
    return QStringLiteral("masir_work");
}

WorkNotices::WorkNotices(QObject *parent)
    : QObject(parent)
{}

bool WorkNotices::announce(const QSqlDatabase &db)
{
    if (!SqlDialect(db).isPostgres())
        return true;
    QSqlQuery q(db);
    QString error;
    return Sql::exec(lcStorage(), q, QStringLiteral("SELECT pg_notify(?, 'hits')"), {channel()},
                     &error);
}

bool WorkNotices::listen(const QSqlDatabase &db)
{
    QSqlDriver *driver = db.driver();
    if (!driver || !SqlDialect(driver).isPostgres() || !db.isOpen())
        return false;
    if (m_driver != driver) {
        if (m_driver)
            disconnect(m_driver, nullptr, this, nullptr);
        m_driver = driver;
        connect(
            driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource source, const QVariant &) {
                if (name == channel() && source != QSqlDriver::SelfSource)
                    Q_EMIT workArrived();
            });
    }
    // Subscribed already, unless the connection was opened again since.
    if (driver->subscribedToNotifications().contains(channel()))
        return true;
    if (driver->subscribeToNotification(channel()))
        return true;
    qCWarning(lcStorage) << "cannot listen for work:" << driver->lastError().text();
    return false;
}

} // namespace masir
