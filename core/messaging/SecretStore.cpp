#include "messaging/SecretStore.h"

#include "settings/WorkspaceSettings.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace masir {

namespace {

const QString kService = QStringLiteral("Masir");

SecretStore::Backend chooseBackend()
{
    const QByteArray wanted = qgetenv("MASIR_SECRETS");
    if (wanted == "file")
        return SecretStore::Backend::File;
    if (wanted == "keychain")
        return SecretStore::Backend::Keychain;
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    // The Secret Service is reached over the session bus; without one (a server,
    // a container, CI) asking would only fail after a timeout.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return SecretStore::Backend::File;
#endif
    return SecretStore::Backend::Keychain;
}

/// Runs a QtKeychain job to its end (they are asynchronous), for at most 15 s.
bool runJob(QKeychain::Job &job, QString *error)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() == QKeychain::NoError)
        return true;
    *error = job.errorString();
    return false;
}

std::optional<QJsonObject> readFile(QString *error)
{
    QFile f(SecretStore::filePath());
    if (!f.exists())
        return QJsonObject{};
    if (!f.open(QIODevice::ReadOnly)) {
        *error = SecretStore::tr("Cannot read %1: %2").arg(f.fileName(), f.errorString());
        return std::nullopt;
    }
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

SecretStore SecretStore::ofWorkspace(const Database &db)
{
    return SecretStore(WorkspaceSettings(db).token(WorkspaceSettings::Key::WorkspaceId));
}

SecretStore::SecretStore(QString scope)
    : m_scope(std::move(scope))
    , m_backend(chooseBackend())
{}

QString SecretStore::filePath()
{
    const QString env = qEnvironmentVariable("MASIR_SECRETS_FILE");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/masir/secrets.json");
}

QString SecretStore::location() const
{
    return m_backend == Backend::Keychain ? tr("the system keychain")
                                          : QDir::toNativeSeparators(filePath());
}

QString SecretStore::environmentName(const QString &account)
{
    QString name = QStringLiteral("MASIR_SECRET_");
    for (const QChar c : account.toUpper())
        name += (c.isLetterOrNumber() && c.unicode() < 128) ? c : QLatin1Char('_');
    return name;
}

QString SecretStore::key(const QString &account) const
{
    return m_scope + QLatin1Char('/') + account;
}

bool SecretStore::write(const QString &account, const QString &secret)
{
    if (m_backend == Backend::Keychain) {
        QKeychain::WritePasswordJob job(kService);
        job.setKey(key(account));
        job.setTextData(secret);
        return runJob(job, &m_error);
    }
    const QString path = filePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QLockFile lock(path + QStringLiteral(".lock"));
    lock.lock();
    auto all = readFile(&m_error);
    if (!all)
        return false;
    all->insert(key(account), secret);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        m_error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    // Owner only, before a byte of a secret is written.
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(*all).toJson());
    if (!f.commit()) {
        m_error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

std::optional<QString> SecretStore::read(const QString &account) const
{
    const QString env = environmentName(account);
    if (qEnvironmentVariableIsSet(env.toLatin1().constData()))
        return qEnvironmentVariable(env.toLatin1().constData());
    if (m_backend == Backend::Keychain) {
        QKeychain::ReadPasswordJob job(kService);
        job.setKey(key(account));
        if (!runJob(job, &m_error))
            return std::nullopt;
        return job.textData();
    }
    const auto all = readFile(&m_error);
    if (!all)
        return std::nullopt;
    if (!all->contains(key(account))) {
        m_error = tr("No password or key is stored for \"%1\" in %2; set %3 or enter it again.")
                      .arg(account, location(), env);
        return std::nullopt;
    }
    return all->value(key(account)).toString();
}

bool SecretStore::remove(const QString &account)
{
    if (m_backend == Backend::Keychain) {
        QKeychain::DeletePasswordJob job(kService);
        job.setKey(key(account));
        return runJob(job, &m_error);
    }
    const QString path = filePath();
    QLockFile lock(path + QStringLiteral(".lock"));
    lock.lock();
    auto all = readFile(&m_error);
    if (!all)
        return false;
    if (!all->contains(key(account)))
        return true;
    all->remove(key(account));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(*all).toJson());
    return f.commit();
}

} // namespace masir
