#include "tracking/TrackingKeys.h"

#include "common/Logging.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace masir {

namespace {

constexpr qint64 kDayMs = 86400000;

QByteArray randomBytes(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(out.data()),
                                         reinterpret_cast<quint32 *>(out.data() + n));
    return out;
}

QString newKid()
{
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
    QString kid;
    for (const char byte : randomBytes(8))
        kid += QLatin1Char(alphabet[quint8(byte) % 32]);
    return kid;
}

} // namespace

KeyRing::KeyRing(QList<TrackingKey> keys)
    : m_keys(std::move(keys))
{}

std::optional<TrackingToken> KeyRing::verify(QStringView text, qint64 nowMs) const
{
    const auto parts = TrackingToken::split(text);
    if (!parts)
        return std::nullopt;
    for (const TrackingKey &k : m_keys) {
        if (k.kid != parts->kid)
            continue;
        if (k.expiresAtMs && nowMs >= k.expiresAtMs)
            return std::nullopt;
        return TrackingToken::verify(*parts, k.secret);
    }
    return std::nullopt;
}

QJsonArray KeyRing::toJson() const
{
    QJsonArray out;
    for (const TrackingKey &k : m_keys)
        out.append(QJsonObject{{QStringLiteral("kid"), k.kid},
                               {QStringLiteral("secret"), QString::fromLatin1(k.secret.toBase64())},
                               {QStringLiteral("expires"), double(k.expiresAtMs)}});
    return out;
}

KeyRing KeyRing::fromJson(const QJsonArray &json)
{
    QList<TrackingKey> keys;
    for (const QJsonValue &v : json) {
        const QJsonObject o = v.toObject();
        TrackingKey k;
        k.kid = o.value(QStringLiteral("kid")).toString();
        k.secret = QByteArray::fromBase64(o.value(QStringLiteral("secret")).toString().toLatin1());
        k.expiresAtMs = qint64(o.value(QStringLiteral("expires")).toDouble());
        if (!k.kid.isEmpty() && k.secret.size() >= 16)
            keys << k;
    }
    return KeyRing(keys);
}

TrackingKeys::TrackingKeys(const Database &db)
    : m_db(db)
{}

std::optional<TrackingKey> TrackingKeys::current()
{
    const KeyRing keys = ring(QDateTime::currentMSecsSinceEpoch());
    if (!keys.isEmpty() && keys.keys().first().retiredAtMs == 0)
        return keys.keys().first();
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    // another connection may have made it meanwhile
    const KeyRing again = ring(QDateTime::currentMSecsSinceEpoch());
    if (!again.isEmpty() && again.keys().first().retiredAtMs == 0)
        return again.keys().first();
    auto made = make(QDateTime::currentMSecsSinceEpoch());
    if (!made || !tx.commit()) {
        if (made)
            m_error = tx.errorString();
        return std::nullopt;
    }
    return made;
}

std::optional<TrackingKey> TrackingKeys::rotate(qint64 nowMs)
{
    Transaction tx(m_db.connection(), Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcTracking(), q,
                   QStringLiteral("UPDATE tracking_keys SET retired_at = ? WHERE retired_at IS "
                                  "NULL"),
                   {nowMs}, &m_error))
        return std::nullopt;
    auto made = make(nowMs + 1);
    if (!made)
        return std::nullopt;
    if (!tx.commit()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    qCInfo(lcTracking) << "tracking key rotated; the new key is" << made->kid;
    return made;
}

std::optional<TrackingKey> TrackingKeys::make(qint64 nowMs)
{
    TrackingKey k;
    k.kid = newKid();
    k.secret = randomBytes(32);
    k.createdAtMs = nowMs;
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcTracking(), q,
                   QStringLiteral("INSERT INTO tracking_keys (kid, secret, created_at) VALUES "
                                  "(?, ?, ?)"),
                   {k.kid, QString::fromLatin1(k.secret.toBase64()), nowMs}, &m_error))
        return std::nullopt;
    return k;
}

KeyRing TrackingKeys::ring(qint64 nowMs) const
{
    const qint64 grace =
        WorkspaceSettings(m_db).value(WorkspaceSettings::Key::KeyGraceDays).toLongLong() * kDayMs;
    QSqlQuery q(m_db.connection());
    QString error;
    QList<TrackingKey> keys;
    if (!Sql::exec(lcTracking(), q,
                   QStringLiteral("SELECT kid, secret, created_at, retired_at FROM tracking_keys "
                                  "ORDER BY retired_at IS NOT NULL, created_at DESC"),
                   {}, &error))
        return KeyRing();
    while (q.next()) {
        TrackingKey k;
        k.kid = q.value(0).toString();
        k.secret = QByteArray::fromBase64(q.value(1).toString().toLatin1());
        k.createdAtMs = q.value(2).toLongLong();
        k.retiredAtMs = q.value(3).isNull() ? 0 : q.value(3).toLongLong();
        k.expiresAtMs = k.retiredAtMs ? k.retiredAtMs + grace : 0;
        if (!k.expiresAtMs || k.expiresAtMs > nowMs)
            keys << k;
    }
    return KeyRing(keys);
}

} // namespace masir
