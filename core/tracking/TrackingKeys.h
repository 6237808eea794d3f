#pragma once

#include "tracking/TrackingToken.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>

#include <optional>

namespace masir {

class Database;

/// A key that signs tracking links. The newest is current; a retired one still
/// opens the links it signed until its grace period ends.
struct TrackingKey
{
    QString kid;
    QByteArray secret;
    qint64 createdAtMs = 0;
    qint64 retiredAtMs = 0; ///< 0: the current key
    qint64 expiresAtMs = 0; ///< 0: never; else when its links stop working
};

/// The keys a server checks tokens with, as a value: the workspace's, or what
/// a collector was sent.
class KeyRing final
{
public:
    KeyRing() = default;
    explicit KeyRing(QList<TrackingKey> keys);

    /// The token in \a text when it is well formed, signed by a key of the ring
    /// and that key has not expired at \a nowMs.
    std::optional<TrackingToken> verify(QStringView text, qint64 nowMs) const;
    const QList<TrackingKey> &keys() const { return m_keys; }
    bool isEmpty() const { return m_keys.isEmpty(); }

    QJsonArray toJson() const;
    static KeyRing fromJson(const QJsonArray &json);

private:
    QList<TrackingKey> m_keys;
};

/// The tracking_keys table: its one writer and reader.
class TrackingKeys final
{
    Q_DECLARE_TR_FUNCTIONS(masir::TrackingKeys)

public:
    explicit TrackingKeys(const Database &db);

    /// The current key, made on first use.
    std::optional<TrackingKey> current();
    /// Retires the current key (its links work for the grace period) and
    /// makes a new one.
    std::optional<TrackingKey> rotate(qint64 nowMs);
    /// Every key whose links still work at \a nowMs, the current one first.
    KeyRing ring(qint64 nowMs) const;

    QString errorString() const { return m_error; }

private:
    std::optional<TrackingKey> make(qint64 nowMs);

    const Database &m_db;
    QString m_error;
};

} // namespace masir
