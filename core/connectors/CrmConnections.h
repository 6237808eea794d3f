#pragma once

#include "connectors/CrmSync.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace masir {

class CrmConnector;
class Database;

/// How the workspace reaches one CRM: its address and how often it syncs
/// (0: on demand); its token lives in the keychain (SecretStore), never here.
struct CrmConnection
{
    QString key; ///< "hubspot", "pipedrive"
    QString url; ///< empty: the vendor's
    int everyHours = 0;
    QStringList writeBack; ///< Masir fields written to the CRM: score, stage, unsubscribed
    QMap<QString, QString> properties; ///< the CRM property of each (else the connector's default)
};

/// The CRMs the workspace syncs with: connecting one (its token checked on
/// the CRM and kept in the keychain), a connector ready to sync, and the
/// syncs that are due (or were killed midway) for the worker.
class CrmConnections final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CrmConnections)

public:
    explicit CrmConnections(const Database &db);

    QList<CrmConnection> all() const;
    std::optional<CrmConnection> find(const QString &key) const;
    /// Checks \a token against the CRM (one authenticated call), then keeps
    /// the connection and the token; an empty \a token keeps the one kept.
    bool connect(const CrmConnection &connection, const QString &token, bool checkToken = true);
    /// The check connect() makes, alone (off the UI thread): "" when the CRM
    /// took \a token, else what is wrong.
    static QString check(const CrmConnection &connection, const QString &token);
    /// A connector for \a key, or nullptr with errorString() (naming the
    /// missing token and how to give it).
    std::unique_ptr<CrmConnector> connector(const QString &key,
                                            const std::atomic<bool> *stop = nullptr);
    /// Runs the syncs that are due, and those a kill left halfway.
    QList<CrmSyncReport> runDue(qint64 nowMs, const std::atomic<bool> *stop);
    static QString label(const QString &key);
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    QString m_error;
};

} // namespace masir
