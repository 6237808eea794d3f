#include "messaging/ErasedAddresses.h"

#include "common/Logging.h"
#include "settings/WorkspaceSettings.h"
#include "storage/SqlExec.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace masir {

ErasedAddresses::ErasedAddresses(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString ErasedAddresses::hashOf(const QString &channel, const QString &address)
{
    if (m_key.isEmpty())
        m_key = WorkspaceSettings(m_db).token(WorkspaceSettings::Key::WorkspaceId).toUtf8();
    QString compared = address.trimmed();
    if (channel == QLatin1String("sms")) {
        QString digits;
        for (const QChar c : std::as_const(compared)) {
            if (c.isDigit())
                digits += QChar(u'0' + c.digitValue());
        }
        compared = digits;
    } else {
        compared = compared.toLower();
    }
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash((channel + QLatin1Char(':') + compared).toUtf8(), m_key,
                                         QCryptographicHash::Sha256)
            .toHex());
}

bool ErasedAddresses::add(const QString &channel, const QString &address, qint64 atMs)
{
    if (address.trimmed().isEmpty())
        return true;
    const QString hash = hashOf(channel, address);
    QSqlQuery q(m_db);
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("INSERT INTO erased_addresses (channel, address_hash, "
                                  "erased_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
                   {channel, hash, atMs}, &m_error))
        return false;
    m_hashes.insert(channel + QLatin1Char(':') + hash);
    return true;
}

bool ErasedAddresses::load()
{
    if (m_loaded)
        return true;
    QSqlQuery q(m_db);
    if (!Sql::exec(lcSend(), q,
                   QStringLiteral("SELECT channel, address_hash FROM erased_addresses"), {},
                   &m_error))
        return false;
    while (q.next())
        m_hashes.insert(q.value(0).toString() + QLatin1Char(':') + q.value(1).toString());
    m_loaded = true;
    return true;
}

bool ErasedAddresses::contains(const QString &channel, const QString &address)
{
    if (!load() || m_hashes.isEmpty() || address.trimmed().isEmpty())
        return false;
    return m_hashes.contains(channel + QLatin1Char(':') + hashOf(channel, address));
}

} // namespace masir
