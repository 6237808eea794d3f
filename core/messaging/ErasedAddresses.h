#pragma once

#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace masir {

/// What is left of a person who asked to be erased (GDPR Art. 17): a keyed
/// hash of each address, so that nothing is ever sent to it again, and no way
/// back to the address. The one writer of erased_addresses; the sender asks it
/// about every message it claims.
class ErasedAddresses final
{
public:
    explicit ErasedAddresses(QSqlDatabase db);

    /// The hash kept for \a address of \a channel ("email", "sms"): HMAC-SHA256
    /// under the workspace's own key, of the address as it is compared
    /// (an email in lower case, a phone number's digits).
    QString hashOf(const QString &channel, const QString &address);
    /// Writes the hash of \a address, inside the caller's transaction.
    bool add(const QString &channel, const QString &address, qint64 atMs);
    /// Whether \a address was erased; the hashes are read once.
    bool contains(const QString &channel, const QString &address);
    QString errorString() const { return m_error; }

private:
    bool load();

    QSqlDatabase m_db;
    QByteArray m_key;
    QSet<QString> m_hashes; ///< "channel:hash"
    bool m_loaded = false;
    QString m_error;
};

} // namespace masir
