#pragma once

#include "messaging/ChannelAccounts.h"
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
    /// Sends a short test message, or \a content rendered for a sample contact
    /// (the first contact, or one made up) when given.
    static DeliveryResult send(const Database &db, const ChannelAccount &account, const QString &to,
                               const std::optional<MessageTemplate> &content = std::nullopt);
};

} // namespace masir
