#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace masir {

/// "Name <address>" or a bare address.
struct Mailbox
{
    QString name;
    QString address;

    static Mailbox parse(const QString &text);
    QString toString() const;
    bool isValid() const;
    /// For headers and the SMTP envelope: the domain in punycode.
    QByteArray asciiAddress() const;
};

struct Attachment
{
    QString fileName;
    QString mimeType = QStringLiteral("application/octet-stream");
    QByteArray data;
};

struct OutgoingEmail
{
    Mailbox from;
    Mailbox to;
    Mailbox replyTo;
    QString subject;
    QString text;
    QString html; ///< empty: a text-only message
    QList<Attachment> attachments;
    QString unsubscribeUrl;    ///< https: also List-Unsubscribe-Post (RFC 8058)
    QString unsubscribeMailto; ///< "mailto:..." as it goes in List-Unsubscribe
    QString masirId;           ///< X-Masir-Id: the outbox row it came from
    QDateTime date;            ///< now when invalid
    QString messageId;         ///< without <>; made from a UUID when empty
};

/// Builds RFC 5322 / MIME messages ourselves: multipart/alternative (and
/// mixed with attachments), RFC 2047 headers for Persian subjects and names,
/// quoted-printable or base64 bodies, CRLF line ends.
class MimeMessage final
{
public:
    static QByteArray compose(const OutgoingEmail &email);

    /// A header value as RFC 2047 encoded words when it is not plain ASCII,
    /// folded so that no line passes 78 characters. \a used is the length of
    /// "Name: " already on the line.
    static QByteArray encodeHeader(const QString &value, int used);
    static QByteArray encodeMailbox(const Mailbox &mailbox, int used);
    static QByteArray quotedPrintable(const QByteArray &utf8);
    static QByteArray dateHeader(const QDateTime &when);
};

} // namespace masir
