#include "messaging/MimeMessage.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>
#include <QUuid>

namespace masir {

namespace {

bool isPlainAscii(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    return true;
}

QByteArray crlf(const QString &text)
{
    QString t = text;
    t.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    t.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    t.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    return t.toUtf8();
}

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    out.reserve(b64.size() + b64.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + "\r\n";
    return out;
}

/// A text part: quoted-printable when mostly ASCII, base64 when not (Persian).
QByteArray textPart(const QByteArray &contentType, const QString &text)
{
    const QByteArray utf8 = crlf(text);
    qsizetype high = 0;
    for (const char c : utf8)
        high += (uchar(c) >= 0x80);
    QByteArray out = "Content-Type: " + contentType + "; charset=utf-8\r\n";
    if (high * 3 > utf8.size()) {
        out += "Content-Transfer-Encoding: base64\r\n\r\n" + base64Lines(utf8);
    } else {
        out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
               MimeMessage::quotedPrintable(utf8);
        if (!out.endsWith("\r\n"))
            out += "\r\n";
    }
    return out;
}

/// RFC 2231 for a file name that is not plain ASCII.
QByteArray fileNameParameter(const QByteArray &param, const QString &name)
{
    if (isPlainAscii(name) && !name.contains(QLatin1Char('"')) && !name.contains(QLatin1Char('\\')))
        return param + "=\"" + name.toLatin1() + '"';
    return param + "*=UTF-8''" + QUrl::toPercentEncoding(name);
}

QByteArray boundary()
{
    return "=_masir_" +
           QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
}

} // namespace

Mailbox Mailbox::parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*\"?([^\"<]*?)\"?\\s*<([^>]+)>\\s*$"));
    const auto m = re.match(text);
    if (m.hasMatch())
        return {m.captured(1).trimmed(), m.captured(2).trimmed()};
    return {QString(), text.trimmed()};
}

QString Mailbox::toString() const
{
    return name.isEmpty() ? address : QStringLiteral("%1 <%2>").arg(name, address);
}

bool Mailbox::isValid() const
{
    static const QRegularExpression re(
        QStringLiteral("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$"));
    return re.match(address).hasMatch();
}

QByteArray MimeMessage::encodeHeader(const QString &value, int used)
{
    QString v = value;
    v.replace(QRegularExpression(QStringLiteral("[\\r\\n]+")), QStringLiteral(" "));
    if (isPlainAscii(v)) {
        // Fold plain text at spaces before 78 characters.
        QByteArray out;
        int line = used;
        const QStringList words = v.split(QLatin1Char(' '));
        for (int i = 0; i < words.size(); ++i) {
            const QByteArray w = words.at(i).toLatin1();
            if (i > 0) {
                if (line + 1 + w.size() > 78) {
                    out += "\r\n ";
                    line = 1;
                } else {
                    out += ' ';
                    ++line;
                }
            }
            out += w;
            line += int(w.size());
        }
        return out;
    }
    // Encoded words of at most 75 characters, each whole UTF-8 characters.
    const QByteArray prefix = "=?UTF-8?B?";
    const QByteArray suffix = "?=";
    QByteArray out;
    QByteArray chunk;
    auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\r\n ";
        out += prefix + chunk.toBase64() + suffix;
        chunk.clear();
    };
    // An encoded word is at most 75 characters (45 bytes of text); the first one
    // also shares its line with "Name: ", and no line passes 78 characters.
    int budget = std::clamp(3 * ((66 - used) / 4), 3, 45);
    for (qsizetype i = 0; i < v.size(); ++i) {
        QString ch(v.at(i));
        if (v.at(i).isHighSurrogate() && i + 1 < v.size())
            ch += v.at(++i);
        const QByteArray bytes = ch.toUtf8();
        if (chunk.size() + bytes.size() > budget) {
            flush();
            budget = 45;
        }
        chunk += bytes;
    }
    flush();
    return out;
}

QByteArray Mailbox::asciiAddress() const
{
    // An internationalised domain goes as punycode; the local part as it is.
    const QString local = address.section(QLatin1Char('@'), 0, 0);
    const QString domain = address.section(QLatin1Char('@'), 1);
    if (domain.isEmpty())
        return address.toUtf8();
    return local.toUtf8() + '@' + QUrl::toAce(domain);
}

QByteArray MimeMessage::encodeMailbox(const Mailbox &mailbox, int used)
{
    const QByteArray address = '<' + mailbox.asciiAddress() + '>';
    // No control characters in a name: a line break would start a new header.
    QString name;
    for (const QChar c : mailbox.name)
        name += c.category() == QChar::Other_Control ? QLatin1Char(' ') : c;
    name = name.simplified();
    if (name.isEmpty())
        return mailbox.asciiAddress();
    if (isPlainAscii(name)) {
        QString quoted = name;
        quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
        return '"' + quoted.toLatin1() + "\" " + address;
    }
    return encodeHeader(name, used) + "\r\n " + address;
}

QByteArray MimeMessage::quotedPrintable(const QByteArray &utf8)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(utf8.size() * 3 / 2);
    int line = 0;
    auto put = [&](const QByteArray &piece) {
        if (line + piece.size() > 75) {
            out += "=\r\n";
            line = 0;
        }
        out += piece;
        line += int(piece.size());
    };
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const uchar c = uchar(utf8.at(i));
        if (c == '\r' && i + 1 < utf8.size() && utf8.at(i + 1) == '\n') {
            out += "\r\n";
            line = 0;
            ++i;
            continue;
        }
        const bool lineEnd = i + 1 == utf8.size() || utf8.at(i + 1) == '\r';
        const bool literal =
            (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !lineEnd);
        // A dot that starts a line is safe in SMTP (curl dot-stuffs), but "From "
        // at the start of a line is mangled by some mailboxes: encode its F.
        const bool fromLine = c == 'F' && line == 0 && utf8.mid(i, 5) == "From ";
        if (literal && !fromLine) {
            put(QByteArray(1, char(c)));
        } else {
            const char enc[3] = {'=', hex[c >> 4], hex[c & 15]};
            put(QByteArray(enc, 3));
        }
    }
    return out;
}

QByteArray MimeMessage::dateHeader(const QDateTime &when)
{
    const QDateTime t = when.isValid() ? when : QDateTime::currentDateTime();
    const int offset = t.offsetFromUtc() / 60;
    const QString zone = QStringLiteral("%1%2%3")
                             .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                             .arg(std::abs(offset) / 60, 2, 10, QLatin1Char('0'))
                             .arg(std::abs(offset) % 60, 2, 10, QLatin1Char('0'));
    return QLocale::c()
        .toString(t, QStringLiteral("ddd, d MMM yyyy HH:mm:ss "))
        .append(zone)
        .toLatin1();
}

QByteArray MimeMessage::compose(const OutgoingEmail &e)
{
    QByteArray h;
    auto header = [&h](const char *name, const QByteArray &value) {
        h += name;
        h += ": ";
        h += value;
        h += "\r\n";
    };
    const QString domain = e.from.address.section(QLatin1Char('@'), 1);
    const QString messageId =
        e.messageId.isEmpty()
            ? QUuid::createUuid().toString(QUuid::WithoutBraces) + QLatin1Char('@') + domain
            : e.messageId;
    header("Date", dateHeader(e.date));
    header("From", encodeMailbox(e.from, 6));
    header("To", encodeMailbox(e.to, 4));
    if (!e.replyTo.address.isEmpty())
        header("Reply-To", encodeMailbox(e.replyTo, 10));
    header("Subject", encodeHeader(e.subject, 9));
    header("Message-ID", '<' + messageId.toLatin1() + '>');
    header("MIME-Version", "1.0");
    QByteArrayList unsubscribe;
    if (!e.unsubscribeUrl.isEmpty())
        unsubscribe << '<' + QUrl(e.unsubscribeUrl).toEncoded() + '>';
    if (!e.unsubscribeMailto.isEmpty())
        unsubscribe << '<' + QUrl(e.unsubscribeMailto).toEncoded() + '>';
    if (!unsubscribe.isEmpty())
        header("List-Unsubscribe", unsubscribe.join(",\r\n "));
    if (e.unsubscribeUrl.startsWith(QLatin1String("https://")))
        header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    if (!e.masirId.isEmpty())
        header("X-Masir-Id", e.masirId.toLatin1());

    QByteArray content; // the body under the top-level headers, with its Content-Type
    if (e.html.isEmpty()) {
        content = textPart("text/plain", e.text);
    } else {
        const QByteArray b = boundary();
        content = "Content-Type: multipart/alternative; boundary=\"" + b + "\"\r\n\r\n";
        content += "--" + b + "\r\n" + textPart("text/plain", e.text);
        content += "--" + b + "\r\n" + textPart("text/html", e.html);
        content += "--" + b + "--\r\n";
    }
    if (!e.attachments.isEmpty()) {
        const QByteArray b = boundary();
        QByteArray mixed = "Content-Type: multipart/mixed; boundary=\"" + b + "\"\r\n\r\n";
        mixed += "--" + b + "\r\n" + content;
        for (const Attachment &a : e.attachments) {
            mixed += "--" + b + "\r\n";
            mixed += "Content-Type: " + a.mimeType.toLatin1() + "; " +
                     fileNameParameter("name", a.fileName) + "\r\n";
            mixed += "Content-Disposition: attachment; " +
                     fileNameParameter("filename", a.fileName) + "\r\n";
            mixed += "Content-Transfer-Encoding: base64\r\n\r\n" + base64Lines(a.data);
        }
        mixed += "--" + b + "--\r\n";
        content = mixed;
    }
    return h + content;
}

} // namespace masir
