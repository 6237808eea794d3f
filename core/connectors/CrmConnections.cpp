#include "connectors/CrmConnections.h"

#include "common/Logging.h"
#include "connectors/CrmConnector.h"
#include "messaging/SecretStore.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace masir {

namespace {

QString account(const QString &key)
{
    return QStringLiteral("crm.") + key;
}

QJsonObject stored(const Database &db)
{
    return QJsonDocument::fromJson(WorkspaceSettings(db)
                                       .value(WorkspaceSettings::Key::CrmConnections)
                                       .toString()
                                       .toUtf8())
        .object();
}

} // namespace

CrmConnections::CrmConnections(const Database &db)
    : m_db(db)
{}

QString CrmConnections::label(const QString &key)
{
    return key == QLatin1String("hubspot") ? QStringLiteral("HubSpot")
                                           : QStringLiteral("Pipedrive");
}

QList<CrmConnection> CrmConnections::all() const
{
    QList<CrmConnection> out;
    const QJsonObject all = stored(m_db);
    for (auto it = all.constBegin(); it != all.constEnd(); ++it) {
        const QJsonObject o = it.value().toObject();
        CrmConnection c{it.key(),
                        o.value(QStringLiteral("url")).toString(),
                        o.value(QStringLiteral("everyHours")).toInt(),
                        {},
                        {}};
        for (const QJsonValue &v : o.value(QStringLiteral("writeBack")).toArray())
            c.writeBack << v.toString();
        const QJsonObject properties = o.value(QStringLiteral("properties")).toObject();
        for (auto p = properties.constBegin(); p != properties.constEnd(); ++p)
            c.properties.insert(p.key(), p.value().toString());
        out << c;
    }
    return out;
}

std::optional<CrmConnection> CrmConnections::find(const QString &key) const
{
    for (const CrmConnection &c : all()) {
        if (c.key == key)
            return c;
    }
    return std::nullopt;
}

QString CrmConnections::check(const CrmConnection &connection, const QString &token)
{
    const QString url =
        connection.url.isEmpty() ? CrmConnector::defaultUrl(connection.key) : connection.url;
    if (const QString problem = CrmHttp::urlProblem(url); !problem.isEmpty())
        return problem;
    const auto connector = CrmConnector::make(connection.key, url, token.trimmed());
    if (!connector)
        return tr("Masir syncs with HubSpot (hubspot) and Pipedrive (pipedrive), not \"%1\".")
            .arg(connection.key);
    return connector->stages() ? QString()
                               : connector->errorString(); // a call that needs the token
}

bool CrmConnections::connect(const CrmConnection &connection, const QString &token, bool checkToken)
{
    if (!CrmConnector::keys().contains(connection.key)) {
        m_error = tr("Masir syncs with HubSpot (hubspot) and Pipedrive (pipedrive), not \"%1\".")
                      .arg(connection.key);
        return false;
    }
    const QString url =
        connection.url.isEmpty() ? CrmConnector::defaultUrl(connection.key) : connection.url;
    if (const QString problem = CrmHttp::urlProblem(url); !problem.isEmpty()) {
        m_error = problem;
        return false;
    }
    QString secret = token.trimmed();
    if (secret.isEmpty()) // keeps the token it has
        secret = SecretStore::ofWorkspace(m_db).read(account(connection.key)).value_or(QString());
    if (secret.isEmpty()) {
        m_error = tr("Give the %1 token.").arg(label(connection.key));
        return false;
    }
    const auto connector = CrmConnector::make(connection.key, url, secret);
    if (checkToken) {
        if (const QString problem = CrmConnections::check(connection, secret); !problem.isEmpty()) {
            m_error = problem;
            return false;
        }
    }
    SecretStore secrets = SecretStore::ofWorkspace(m_db);
    if (!secrets.write(account(connection.key), secret)) {
        m_error = secrets.errorString();
        return false;
    }
    QJsonObject all = stored(m_db);
    for (const QString &field : connection.writeBack) {
        if (!QStringList{QStringLiteral("score"), QStringLiteral("stage"),
                         QStringLiteral("unsubscribed")}
                 .contains(field)) {
            m_error = tr("Masir writes score, stage and unsubscribed back to a CRM, not \"%1\".")
                          .arg(field);
            return false;
        }
        if (connection.properties.value(field).isEmpty() &&
            connector->defaultProperty(field).isEmpty()) {
            m_error = tr("%1 needs the key of the custom field that takes %2: --property %2=KEY.")
                          .arg(label(connection.key), field);
            return false;
        }
    }
    QJsonObject properties;
    for (auto it = connection.properties.cbegin(); it != connection.properties.cend(); ++it)
        properties.insert(it.key(), it.value());
    all.insert(connection.key, QJsonObject{{QStringLiteral("url"), connection.url},
                                           {QStringLiteral("everyHours"), connection.everyHours},
                                           {QStringLiteral("writeBack"),
                                            QJsonArray::fromStringList(connection.writeBack)},
                                           {QStringLiteral("properties"), properties}});
    if (!WorkspaceSettings(m_db).setValue(
            WorkspaceSettings::Key::CrmConnections,
            QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Compact)))) {
        m_error = tr("Cannot save the connection in the workspace.");
        return false;
    }
    return true;
}

std::unique_ptr<CrmConnector> CrmConnections::connector(const QString &key,
                                                        const std::atomic<bool> *stop)
{
    if (!CrmConnector::keys().contains(key)) {
        m_error = tr("Masir syncs with HubSpot (hubspot) and Pipedrive (pipedrive), not \"%1\".")
                      .arg(key);
        return nullptr;
    }
    const std::optional<CrmConnection> connection = find(key);
    const auto token = SecretStore::ofWorkspace(m_db).read(account(key));
    if (!connection || !token || token->isEmpty()) {
        m_error = tr("There is no %1 token: connect first with masir-cli crm connect %2 --token "
                     "TOKEN (%3), or in Settings → CRM.")
                      .arg(label(key), key,
                           key == QLatin1String("hubspot")
                               ? tr("a private app's access token")
                               : tr("the API token in your Pipedrive personal preferences"));
        return nullptr;
    }
    return CrmConnector::make(key, connection->url, *token, stop);
}

QList<CrmSyncReport> CrmConnections::runDue(qint64 nowMs, const std::atomic<bool> *stop)
{
    QList<CrmSyncReport> out;
    for (const CrmConnection &c : all()) {
        const auto [report, finishedAt] = CrmSync::lastReport(m_db, c.key);
        Q_UNUSED(report);
        QSqlQuery q(m_db.connection());
        QString error;
        bool halfway = false;
        bool failedLately = false; // a failing sync is tried again after an hour, not each cycle
        if (Sql::exec(lcCrm(), q,
                      QStringLiteral("SELECT phase <> 'idle', error <> '', COALESCE(started_at, 0) "
                                     "FROM crm_sync WHERE connector = ?"),
                      {c.key}, &error) &&
            q.next()) {
            halfway = q.value(0).toBool();
            failedLately = q.value(1).toBool() && nowMs - q.value(2).toLongLong() < 3600000;
        }
        q.finish();
        if (failedLately)
            continue;
        const bool due = c.everyHours > 0 && nowMs - finishedAt >= qint64(c.everyHours) * 3600000;
        if (!halfway && !due)
            continue;
        auto connector = this->connector(c.key, stop);
        if (!connector)
            continue;
        CrmSync sync(m_db, *connector);
        sync.setWriteBack(c.writeBack, c.properties);
        if (auto r = sync.run(false, {}, stop)) {
            out << *r;
        } else {
            CrmSyncReport failed;
            failed.connector = c.key;
            failed.error = sync.errorString();
            qCWarning(lcCrm) << "the" << c.key << "sync failed:" << failed.error;
            out << failed;
        }
        if (stop && stop->load())
            break;
    }
    return out;
}

} // namespace masir
