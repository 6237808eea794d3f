#pragma once

#include "messaging/ChannelAccounts.h"

namespace masir::test {

/// An SMTP account that passes validation (nothing listens at its host): for
/// tests of what needs an email account to exist, not to send.
inline ChannelAccount smtpAccount(const QString &name = QStringLiteral("main"))
{
    ChannelAccount a;
    a.name = name;
    a.config = {{QStringLiteral("host"), QStringLiteral("smtp.shop.test")},
                {QStringLiteral("port"), 587},
                {QStringLiteral("security"), QStringLiteral("starttls")},
                {QStringLiteral("from"), QStringLiteral("Shop <news@shop.test>")}};
    return a;
}

} // namespace masir::test
