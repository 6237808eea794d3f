#pragma once

#include "messaging/ChannelAccounts.h"
#include "messaging/MessageRenderer.h"
#include "messaging/MessageTemplate.h"
#include "messaging/channels/Transport.h"

#include <QCoreApplication>

#include <optional>

namespace masir {

class Database;

/// "Send test": one message straight through an account, not through the
/// outbox, with the server's exact reply. Blocking: call it off the UI thread.
class TestSend final
{
    Q_DECLARE_TR_FUNCTIONS(masir::TestSend)

public:
    /// Sends a short test message, or \a content rendered for a made-up
    /// sample contact when given.
    /// Given \a stop, the wait for the server is given up once *stop is set.
    static DeliveryResult send(const Database &db, const ChannelAccount &account, const QString &to,
                               const std::optional<MessageTemplate> &content = std::nullopt,
                               const std::atomic<bool> *stop = nullptr);

    /// \a t rendered for a made-up sample contact; nullopt with \a errors when
    /// the template has problems.
    static std::optional<RenderedMessage> sample(const Database &db, const MessageTemplate &t,
                                                 QStringList *errors);

    /// A webhook step's call with a sample body, signed like the real ones.
    static DeliveryResult webhook(const Database &db, const QString &url, bool allowPrivate,
                                  const std::atomic<bool> *stop = nullptr);
};

} // namespace masir
