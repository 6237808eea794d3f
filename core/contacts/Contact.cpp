#include "contacts/Contact.h"

#include "i18n/Formatter.h"

namespace masir {

QString Contact::displayName() const
{
    const QString name = QString(firstName + QLatin1Char(' ') + lastName).trimmed();
    if (!name.isEmpty())
        return name;
    if (!email.isEmpty())
        return email;
    return phone;
}

QString ContactVocabulary::statusKey(ContactStatus status)
{
    switch (status) {
    case ContactStatus::Active:
        return QStringLiteral("active");
    case ContactStatus::Unsubscribed:
        return QStringLiteral("unsubscribed");
    case ContactStatus::Bounced:
        return QStringLiteral("bounced");
    case ContactStatus::Complained:
        return QStringLiteral("complained");
    }
    return QStringLiteral("active");
}

ContactStatus ContactVocabulary::statusFromKey(const QString &key, bool *ok)
{
    for (const ContactStatus s : statuses()) {
        if (statusKey(s) == key) {
            if (ok)
                *ok = true;
            return s;
        }
    }
    if (ok)
        *ok = false;
    return ContactStatus::Active;
}

QList<ContactStatus> ContactVocabulary::statuses()
{
    return {ContactStatus::Active, ContactStatus::Unsubscribed, ContactStatus::Bounced,
            ContactStatus::Complained};
}

QString ContactVocabulary::statusLabel(ContactStatus status)
{
    switch (status) {
    case ContactStatus::Active:
        return tr("Active");
    case ContactStatus::Unsubscribed:
        return tr("Unsubscribed");
    case ContactStatus::Bounced:
        return tr("Bounced");
    case ContactStatus::Complained:
        return tr("Complained");
    }
    return {};
}

QString ContactVocabulary::consentKey(ConsentStatus status)
{
    switch (status) {
    case ConsentStatus::Unknown:
        return QStringLiteral("unknown");
    case ConsentStatus::Granted:
        return QStringLiteral("granted");
    case ConsentStatus::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return QStringLiteral("unknown");
}

ConsentStatus ContactVocabulary::consentFromKey(const QString &key, bool *ok)
{
    for (const ConsentStatus s :
         {ConsentStatus::Unknown, ConsentStatus::Granted, ConsentStatus::Withdrawn}) {
        if (consentKey(s) == key) {
            if (ok)
                *ok = true;
            return s;
        }
    }
    if (ok)
        *ok = false;
    return ConsentStatus::Unknown;
}

QString ContactVocabulary::consentLabel(ConsentStatus status)
{
    switch (status) {
    case ConsentStatus::Unknown:
        return tr("Not asked");
    case ConsentStatus::Granted:
        return tr("Opted in");
    case ConsentStatus::Withdrawn:
        return tr("Opted out");
    }
    return {};
}

QString ContactVocabulary::channelLabel(Channel channel)
{
    return channel == Channel::Email ? tr("Email") : tr("SMS");
}

QStringList ContactVocabulary::stageKeys()
{
    return {QStringLiteral("subscriber"), QStringLiteral("lead"),        QStringLiteral("mql"),
            QStringLiteral("sql"),        QStringLiteral("opportunity"), QStringLiteral("customer"),
            QStringLiteral("lost")};
}

QStringList ContactVocabulary::funnelStages()
{
    QStringList stages = stageKeys();
    stages.removeAll(QStringLiteral("lost"));
    return stages;
}

QString ContactVocabulary::stageLabel(const QString &key)
{
    if (key == QLatin1String("subscriber"))
        return tr("Subscriber");
    if (key == QLatin1String("lead"))
        return tr("Lead");
    if (key == QLatin1String("mql"))
        return tr("Marketing qualified");
    if (key == QLatin1String("sql"))
        return tr("Sales qualified");
    if (key == QLatin1String("opportunity"))
        return tr("Opportunity");
    if (key == QLatin1String("customer"))
        return tr("Customer");
    if (key == QLatin1String("lost"))
        return tr("Lost");
    return key;
}

QString ContactVocabulary::sourceLabel(const QString &source)
{
    static const std::pair<const char *, const char *> known[] = {
        {"website", QT_TR_NOOP("website")},
        {"instagram", QT_TR_NOOP("Instagram")},
        {"facebook", QT_TR_NOOP("Facebook")},
        {"telegram", QT_TR_NOOP("Telegram")},
        {"whatsapp", QT_TR_NOOP("WhatsApp")},
        {"linkedin", QT_TR_NOOP("LinkedIn")},
        {"google", QT_TR_NOOP("Google")},
        {"referral", QT_TR_NOOP("referral")},
        {"shop", QT_TR_NOOP("shop")},
        {"store", QT_TR_NOOP("shop")},
        {"workshop", QT_TR_NOOP("workshop")},
        {"event", QT_TR_NOOP("event")},
        {"manual", QT_TR_NOOP("added by hand")},
        {"import", QT_TR_NOOP("import")},
        {"form", QT_TR_NOOP("form")},
        {"api", QT_TR_NOOP("API")},
    };
    const QString key = source.trimmed().toLower();
    for (const auto &[k, label] : known)
        if (key == QLatin1String(k))
            return tr(label);
    return Formatter::isolate(source);
}

QStringList ContactVocabulary::genderKeys()
{
    return {QString(), QStringLiteral("female"), QStringLiteral("male"), QStringLiteral("other")};
}

QString ContactVocabulary::genderLabel(const QString &key)
{
    if (key == QLatin1String("female"))
        return tr("Female");
    if (key == QLatin1String("male"))
        return tr("Male");
    if (key == QLatin1String("other"))
        return tr("Other");
    return tr("Not specified");
}

} // namespace masir
