#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace masir {

/// What one message that came back to a sending mailbox says about one
/// recipient.
struct BounceFinding
{
    enum class Kind
    {
        Hard,        ///< the address does not exist or refuses for good
        Soft,        ///< for now: mailbox full, server busy, delayed
        Complaint,   ///< the recipient marked it as spam (ARF, RFC 5965)
        AutoReply,   ///< out of office, vacation (RFC 3834): never a bounce
        Unsubscribe, ///< a request sent to the List-Unsubscribe address
        NotBounce,   ///< anything else (a person's reply): left alone
        Unparsed,    ///< from the mail system, but what failed cannot be read: kept aside
    };
    Kind kind = Kind::NotBounce;
    QString recipient;   ///< the address that failed or complained, case-folded
    QString status;      ///< the enhanced status code, "5.1.1"
    int reply = 0;       ///< the SMTP reply code, 550
    qint64 outboxId = 0; ///< the Masir message it answers, when the report shows it
    QString token;       ///< an unsubscribe request's token
    QString diagnostic;  ///< the server's words, for people

    static QString kindKey(Kind kind);
    QJsonObject toJson() const;
};

/// Classifies a message read from a sending account's mailbox: RFC 3464
/// delivery status notifications (Postfix, Exchange, Gmail, Amazon SES...),
/// the common non-standard bounces (Exim, qmail, Yahoo, old Exchange), ARF
/// feedback-loop reports, RFC 3834 auto-replies and List-Unsubscribe mails.
/// One finding per failed recipient; one NotBounce finding when there is
/// nothing to act on; one Unparsed finding for a report from the mail system
/// that names no recipient or no failure Masir can read (never guessed).
/// Pure: reads only the bytes given.
class BounceParser final
{
    Q_DECLARE_TR_FUNCTIONS(masir::BounceParser)

public:
    static QList<BounceFinding> parse(const QByteArray &message);
    /// "Hard bounce", "Complaint", ... for a kindKey().
    static QString kindLabel(const QString &key);

    /// Who sent a message, its subject and date (invalid when it has none),
    /// decoded, for the log of returned mail.
    struct Headline
    {
        QString from;
        QString subject;
        QDateTime date;
    };
    static Headline headline(const QByteArray &message);
};

} // namespace masir
