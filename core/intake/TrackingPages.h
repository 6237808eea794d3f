#pragma once

#include "intake/Preferences.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace masir {

/// A page the collector serves, with the Content-Security-Policy that lets
/// exactly its own style and images run.
struct HostedPage
{
    int status = 200;
    QByteArray html;
    QByteArray contentSecurityPolicy;
};

/// The pages a subscriber sees behind a link: confirm an unsubscribe, the
/// unsubscribe done, their preferences, and the one answer to any link that is
/// not valid. In the subscriber's language (English or Persian, right to
/// left), with the business's name, colour and logo, usable on a 375 px
/// phone, with no external resource: one inline style allowed by its hash.
class TrackingPages final
{
    Q_DECLARE_TR_FUNCTIONS(masir::TrackingPages)

public:
    static HostedPage confirmUnsubscribe(const Branding &brand, const QString &language,
                                         const QString &preferencesUrl);
    static HostedPage unsubscribed(const Branding &brand, const QString &language,
                                   const QString &preferencesUrl);
    static HostedPage preferences(const Branding &brand, const QString &language,
                                  const Choices &choices, const QList<Topic> &topics, bool saved);
    static HostedPage notFound(const QString &language);

    /// The language to show: the subscriber's when known and translated, else
    /// the first of Accept-Language that is, else English.
    static QString pick(const QString &subscriber, const QByteArray &acceptLanguage);
    static QStringList languages();
};

} // namespace masir
