#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace masir {

/// What a tracking link names: a message (an outbox row), and for a click the
/// link and its target; for the unsubscribe and preference pages, the
/// subscriber's pseudonym (never an address).
///
/// On the wire: "<kid>.<payload>.<mac>", URL-safe base64 without padding. The
/// payload is a version byte, the kind, the message id and the rest as the
/// kind needs; the MAC is the first 16 bytes of HMAC-SHA256 over the kid and
/// the payload with the secret of key \a kid. A token is stateless: a click
/// token carries its target, and covers it, so the redirect goes nowhere its
/// signer did not send it.
struct TrackingToken
{
    enum class Kind : char
    {
        Open = 'o',
        Click = 'c',
        Unsubscribe = 'u',
        Preferences = 'p',
    };

    Kind kind = Kind::Open;
    QString kid; ///< the key that signed it
    qint64 outboxId = 0;
    int link = -1;      ///< clicks: the link's place in the message
    QString target;     ///< clicks: where the redirect goes
    QByteArray subject; ///< unsubscribe and preferences: the subscriber's pseudonym

    /// The token, signed with \a secret (the secret of kid).
    QString encode(const QByteArray &secret) const;

    /// The parts of a token, read but not yet verified.
    struct Parts
    {
        QString kid;
        QByteArray payload;
        QByteArray mac;
    };
    /// Splits \a text, or nullopt when it cannot be a token (the shape, the
    /// lengths, the alphabet). Cheap: run before any key is looked up.
    static std::optional<Parts> split(QStringView text);
    /// The token in \a parts when its MAC is right for \a secret (compared in
    /// constant time) and its payload reads; nullopt otherwise.
    static std::optional<TrackingToken> verify(const Parts &parts, const QByteArray &secret);

    /// A subscriber's pseudonym: stable per contact and workspace, and no use
    /// to anyone without the workspace's secret.
    static QByteArray subjectOf(qint64 contactId, const QByteArray &workspaceSecret);

    static constexpr int kMaxLength = 4096; ///< longer text is not a token
    static constexpr int kMacBytes = 16;
};

} // namespace masir
