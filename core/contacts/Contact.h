#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace masir {

enum class ContactStatus
{
    Active,
    Unsubscribed,
    Bounced,
    Complained,
};

enum class ConsentStatus
{
    Unknown,
    Granted,
    Withdrawn,
};

enum class Channel
{
    Email,
    Sms,
};

struct Consent
{
    ConsentStatus status = ConsentStatus::Unknown;
    QDateTime changedAt; ///< UTC; invalid when never recorded
    QString source;      ///< where it was given: "web form", "import: shop.csv", ...
    bool operator==(const Consent &) const = default;
};

/// A contact as the repository reads and writes it. Custom field values are kept
/// in their canonical text form, keyed by the field's key.
struct Contact
{
    qint64 id = 0;
    QString email; ///< case-folded
    QString phone; ///< E.164
    QString firstName;
    QString lastName;
    QString company;
    QString city;
    QString country;  ///< ISO 3166 code
    QString language; ///< BCP 47 ("fa", "en-GB")
    QString timezone; ///< IANA id ("Asia/Tehran")
    QDate birthday;
    QString gender;
    QString source;
    QString stage = QStringLiteral("subscriber");
    QString owner;
    int score = 0;
    ContactStatus status = ContactStatus::Active;
    Consent emailConsent;
    Consent smsConsent;
    QDateTime createdAt;
    QDateTime updatedAt;
    QStringList tags;
    QMap<QString, QString> custom;

    QString displayName() const;
    bool operator==(const Contact &) const = default;
};

/// A validation problem tied to one field ("email", "phone", "custom.vip_level").
struct FieldError
{
    QString field;
    QString message;
};

/// Names and translated labels of the contact vocabulary.
class ContactVocabulary final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ContactVocabulary)

public:
    static QString statusKey(ContactStatus status);
    static ContactStatus statusFromKey(const QString &key, bool *ok = nullptr);
    static QString statusLabel(ContactStatus status);
    static QList<ContactStatus> statuses();

    static QString consentKey(ConsentStatus status);
    static ConsentStatus consentFromKey(const QString &key, bool *ok = nullptr);
    static QString consentLabel(ConsentStatus status);

    static QString channelLabel(Channel channel);

    /// Lifecycle stages in funnel order (the segments and scoring work makes this
    /// configurable).
    static QStringList stageKeys();
    static QString stageLabel(const QString &key);
    /// The stages a contact moves up through, in order (all but "lost"): the
    /// lifecycle funnel.
    static QStringList funnelStages();

    /// Where a contact came from, in words: the usual sources ("website",
    /// "instagram", "referral"...) translated, anything else as written,
    /// isolated from the text around it.
    static QString sourceLabel(const QString &source);

    static QStringList genderKeys();
    static QString genderLabel(const QString &key);
};

} // namespace masir
