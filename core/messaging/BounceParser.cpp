#include "messaging/BounceParser.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

namespace masir {

namespace {

/// One MIME part: its headers (names lower case, values unfolded), its body
/// decoded from its transfer encoding, and its parts.
struct Part
{
    QList<std::pair<QByteArray, QString>> headers;
    QByteArray type; ///< "multipart/report", lower case
    QHash<QByteArray, QString> params;
    QByteArray body;
    QList<Part> children;

    QString header(const QByteArray &name) const
    {
        for (const auto &[n, v] : headers)
            if (n == name)
                return v;
        return {};
    }
};

QByteArray decodeQuotedPrintable(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c != '=') {
            out += c;
            continue;
        }
        if (i + 1 < in.size() && (in.at(i + 1) == '\n' || in.at(i + 1) == '\r')) {
            i += in.at(i + 1) == '\r' && i + 2 < in.size() && in.at(i + 2) == '\n' ? 2 : 1;
            continue;
        }
        bool ok = false;
        const int v = in.mid(i + 1, 2).toInt(&ok, 16);
        if (ok) {
            out += char(v);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

/// RFC 2047 encoded words in a header, as text.
QString decodeWords(const QByteArray &value)
{
    static const QRegularExpression word(QStringLiteral("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?="));
    QString text = QString::fromLatin1(value);
    QString out;
    qsizetype last = 0;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        QString between = text.mid(last, m.capturedStart() - last);
        if (!(last > 0 && between.trimmed().isEmpty()))
            out += between;
        const QByteArray data = m.captured(3).toLatin1();
        const QByteArray bytes = m.captured(2).compare(QLatin1String("b"), Qt::CaseInsensitive) == 0
                                     ? QByteArray::fromBase64(data)
                                     : decodeQuotedPrintable(QByteArray(data).replace('_', ' '));
        QStringDecoder decoder(m.captured(1).toLatin1().constData());
        out += decoder.isValid() ? QString(decoder(bytes)) : QString::fromUtf8(bytes);
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

Part parsePart(const QByteArray &raw, int depth = 0);

void splitHeaders(const QByteArray &raw, Part &p, QByteArray *body)
{
    qsizetype end = raw.indexOf("\r\n\r\n");
    qsizetype skip = 4;
    const qsizetype lf = raw.indexOf("\n\n");
    if (end < 0 || (lf >= 0 && lf < end)) {
        end = lf;
        skip = 2;
    }
    const QByteArray head = end < 0 ? raw : raw.left(end);
    *body = end < 0 ? QByteArray() : raw.mid(end + skip);
    QByteArray name, value;
    const auto flush = [&] {
        if (!name.isEmpty())
            p.headers.append({name.trimmed().toLower(), decodeWords(value.trimmed())});
        name.clear();
        value.clear();
    };
    for (QByteArray line : head.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.isEmpty() && (line.at(0) == ' ' || line.at(0) == '\t')) {
            value += ' ' + line.trimmed();
            continue;
        }
        flush();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        name = line.left(colon);
        value = line.mid(colon + 1);
    }
    flush();
}

void parseContentType(Part &p)
{
    const QString ct = p.header("content-type");
    const QStringList pieces = ct.split(QLatin1Char(';'));
    p.type = pieces.value(0).trimmed().toLower().toLatin1();
    if (p.type.isEmpty())
        p.type = "text/plain";
    for (qsizetype i = 1; i < pieces.size(); ++i) {
        const QString piece = pieces.at(i).trimmed();
        const qsizetype eq = piece.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        QString v = piece.mid(eq + 1).trimmed();
        if (v.size() >= 2 && v.startsWith(QLatin1Char('"')) && v.endsWith(QLatin1Char('"')))
            v = v.mid(1, v.size() - 2);
        p.params.insert(piece.left(eq).trimmed().toLower().toLatin1(), v);
    }
}

Part parsePart(const QByteArray &raw, int depth)
{
    Part p;
    QByteArray body;
    splitHeaders(raw, p, &body);
    parseContentType(p);
    const QString encoding = p.header("content-transfer-encoding").toLower();
    if (encoding == QLatin1String("base64"))
        body = QByteArray::fromBase64(body);
    else if (encoding == QLatin1String("quoted-printable"))
        body = decodeQuotedPrintable(body);
    p.body = body;
    if (depth > 8)
        return p;
    if (p.type.startsWith("multipart/")) {
        const QByteArray boundary = "--" + p.params.value("boundary").toLatin1();
        if (boundary.size() <= 2)
            return p;
        qsizetype at = body.indexOf(boundary);
        while (at >= 0) {
            qsizetype start = at + boundary.size();
            if (body.mid(start, 2) == "--")
                break;
            start = body.indexOf('\n', start);
            if (start < 0)
                break;
            ++start;
            const qsizetype next = body.indexOf(QByteArray("\n" + boundary), start);
            const QByteArray chunk = body.mid(start, next < 0 ? -1 : next - start);
            p.children.append(parsePart(chunk, depth + 1));
            at = next < 0 ? -1 : next + 1;
        }
    } else if (p.type == "message/rfc822" || p.type == "message/global") {
        p.children.append(parsePart(body, depth + 1));
    } else if (p.type == "text/rfc822-headers" || p.type == "text/rfc822-header") {
        p.children.append(parsePart(body + "\n\n", depth + 1));
    }
    return p;
}

const Part *find(const Part &p, const QByteArray &type)
{
    if (p.type == type)
        return &p;
    for (const Part &c : p.children)
        if (const Part *f = find(c, type))
            return f;
    return nullptr;
}

/// The message being answered: the first message/rfc822 or headers part.
const Part *original(const Part &p)
{
    for (const QByteArray &type : {QByteArray("message/rfc822"), QByteArray("message/global"),
                                   QByteArray("text/rfc822-headers")})
        if (const Part *f = find(p, type); f && !f->children.isEmpty())
            return &f->children.first();
    return nullptr;
}

/// Text parts outside the message being answered.
QString text(const Part &p)
{
    if (p.type == "message/rfc822" || p.type == "message/global" || p.type == "text/rfc822-headers")
        return {};
    if (p.children.isEmpty()) {
        if (!p.type.startsWith("text/"))
            return {};
        QStringDecoder decoder(
            p.params.value("charset", QStringLiteral("utf-8")).toLatin1().constData());
        QString t = decoder.isValid() ? QString(decoder(p.body)) : QString::fromUtf8(p.body);
        if (p.type == "text/html")
            t.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        return t;
    }
    QString out;
    for (const Part &c : p.children)
        out += text(c) + QLatin1Char('\n');
    return out;
}

QString addressIn(const QString &value)
{
    static const QRegularExpression re(
        QStringLiteral("([A-Za-z0-9._%+'=-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})"));
    const auto m = re.match(value);
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

qint64 masirIdIn(const QString &text)
{
    static const QRegularExpression header(QStringLiteral("X-Masir-Id:\\s*(\\d+)"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression messageId(QStringLiteral("<masir\\.(\\d+)\\."));
    if (const auto m = header.match(text); m.hasMatch())
        return m.captured(1).toLongLong();
    if (const auto m = messageId.match(text); m.hasMatch())
        return m.captured(1).toLongLong();
    return 0;
}

/// The Masir message a report answers: the returned message's X-Masir-Id or
/// Message-ID, or a reply's In-Reply-To / References, or the text quoting them.
qint64 outboxOf(const Part &top, const QString &bodyText)
{
    if (const Part *o = original(top)) {
        if (const qint64 id = o->header("x-masir-id").toLongLong())
            return id;
        if (const qint64 id = masirIdIn(o->header("message-id")))
            return id;
    }
    for (const QByteArray &h : {QByteArray("in-reply-to"), QByteArray("references")})
        if (const qint64 id = masirIdIn(top.header(h)))
            return id;
    return masirIdIn(bodyText);
}

bool saysFailure(const QString &words)
{
    static const QRegularExpression failure(
        QStringLiteral("user unknown|unknown user|no such user|does not exist|doesn't exist|"
                       "mailbox unavailable|invalid recipient|address rejected|no mailbox|"
                       "mailbox (is )?full|over quota|quota exceeded|recipient rejected|"
                       "account (has been )?disabled|could not be delivered|undeliverable"),
        QRegularExpression::CaseInsensitiveOption);
    return failure.match(words).hasMatch();
}

BounceFinding::Kind kindOfStatus(const QString &status, int reply, const QString &words)
{
    using K = BounceFinding::Kind;
    if (status.startsWith(QLatin1Char('5')))
        return status == QLatin1String("5.2.2") ? K::Soft : K::Hard; // 5.2.2: mailbox full
    if (status.startsWith(QLatin1Char('4')))
        return K::Soft;
    if (reply >= 500)
        return K::Hard;
    if (reply >= 400)
        return K::Soft;
    static const QRegularExpression hard(
        QStringLiteral("user unknown|unknown user|no such user|does not exist|doesn't exist|"
                       "mailbox unavailable|invalid recipient|address rejected|no mailbox|"
                       "not found|recipient rejected|account (has been )?disabled"),
        QRegularExpression::CaseInsensitiveOption);
    return hard.match(words).hasMatch() ? K::Hard : K::Soft;
}

void readCodes(const QString &words, BounceFinding &f)
{
    // not a dotted address ("[5.9.140.10]"): no digit or dot on either side
    static const QRegularExpression status(
        QStringLiteral("(?<![\\d.])([245]\\.\\d{1,3}\\.\\d{1,3})(?![\\d.])"));
    static const QRegularExpression reply(QStringLiteral("(?:^|[^\\d.])([245]\\d\\d)[ :-]"));
    if (f.status.isEmpty())
        if (const auto m = status.match(words); m.hasMatch())
            f.status = m.captured(1);
    if (!f.reply)
        if (const auto m = reply.match(words); m.hasMatch())
            f.reply = m.captured(1).toInt();
}

/// RFC 3464: one finding per recipient that failed or was delayed.
QList<BounceFinding> fromDeliveryStatus(const Part &report, qint64 outbox)
{
    QList<BounceFinding> out;
    QString body = QString::fromUtf8(report.body);
    body.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    const QStringList blocks = body.split(QRegularExpression(QStringLiteral("\\n\\s*\\n")));
    for (qsizetype i = 1; i < blocks.size(); ++i) {
        Part fields;
        QByteArray ignored;
        splitHeaders(blocks.at(i).toUtf8() + "\n\n", fields, &ignored);
        const QString action = fields.header("action").toLower();
        const QString recipient = addressIn(fields.header("final-recipient").isEmpty()
                                                ? fields.header("original-recipient")
                                                : fields.header("final-recipient"));
        if (recipient.isEmpty() || action.startsWith(QLatin1String("delivered")) ||
            action.startsWith(QLatin1String("relayed")) ||
            action.startsWith(QLatin1String("expanded")))
            continue;
        BounceFinding f;
        f.recipient = recipient;
        f.outboxId = outbox;
        f.status = fields.header("status").section(QLatin1Char(' '), 0, 0).trimmed();
        f.diagnostic = fields.header("diagnostic-code").section(QLatin1Char(';'), 1).trimmed();
        readCodes(f.diagnostic, f);
        f.kind = action.startsWith(QLatin1String("delayed"))
                     ? BounceFinding::Kind::Soft
                     : kindOfStatus(f.status, f.reply, f.diagnostic);
        out << f;
    }
    return out;
}

/// A bounce in words (Exim, qmail, Yahoo, old Exchange): each address that
/// starts a line, with the codes and words that follow it.
QList<BounceFinding> fromText(const QString &words, const QSet<QString> &ignore, qint64 outbox)
{
    static const QRegularExpression lineAddress(
        QStringLiteral("(?m)^[ \\t]*<?([A-Za-z0-9._%+'=-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})>?[ \\t]*"
                       "(?::|$|\\(|\\s+\\S)"));
    QList<BounceFinding> out;
    QList<std::pair<QString, qsizetype>> found;
    auto it = lineAddress.globalMatch(words);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString a = m.captured(1).toLower();
        if (!ignore.contains(a) &&
            std::none_of(found.cbegin(), found.cend(), [&](const auto &f) { return f.first == a; }))
            found.append({a, m.capturedStart()});
    }
    if (found.isEmpty()) {
        // "The following message to <x> was undeliverable": the first address in the text.
        const QString a = addressIn(words);
        if (a.isEmpty() || ignore.contains(a))
            return out;
        found.append({a, words.indexOf(a, 0, Qt::CaseInsensitive)});
    }
    for (qsizetype i = 0; i < found.size(); ++i) {
        const qsizetype end = i + 1 < found.size() ? found.at(i + 1).second : words.size();
        const QString segment = words.mid(found.at(i).second, end - found.at(i).second);
        BounceFinding f;
        f.recipient = found.at(i).first;
        f.outboxId = outbox;
        readCodes(segment, f);
        if (f.status.isEmpty() && !f.reply)
            readCodes(words, f);
        f.kind = kindOfStatus(f.status, f.reply, segment);
        f.diagnostic = segment.simplified().left(300);
        // Never guessed: without a code or words that say so, it is not one.
        if (f.status.isEmpty() && !f.reply && !saysFailure(segment))
            continue;
        out << f;
    }
    return out;
}

/// A bounce in words comes from the mail system, not from a person replying.
bool looksLikeBounce(const Part &top)
{
    static const QRegularExpression from(QStringLiteral("mailer-daemon|postmaster|mail delivery"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression reply(QStringLiteral("^\\s*(re|fwd?|aw|wg)\\s*:"),
                                          QRegularExpression::CaseInsensitiveOption);
    return from.match(top.header("from")).hasMatch() &&
           !reply.match(top.header("subject")).hasMatch();
}

bool looksLikeAutoReply(const Part &top)
{
    const QString submitted = top.header("auto-submitted").toLower();
    if (submitted.startsWith(QLatin1String("auto-replied")) ||
        submitted.startsWith(QLatin1String("auto-generated")))
        return true;
    if (!top.header("x-autoreply").isEmpty() || !top.header("x-autorespond").isEmpty())
        return true;
    if (top.header("precedence").toLower() == QLatin1String("auto_reply"))
        return true;
    static const QRegularExpression subject(
        QStringLiteral("^(automatic reply|auto:|autoreply|auto-reply|out of (the )?office|"
                       "abwesenheit|réponse automatique|پاسخ خودکار)"),
        QRegularExpression::CaseInsensitiveOption);
    return subject.match(top.header("subject").trimmed()).hasMatch();
}

} // namespace

QString BounceFinding::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Hard:
        return QStringLiteral("hard");
    case Kind::Soft:
        return QStringLiteral("soft");
    case Kind::Complaint:
        return QStringLiteral("complaint");
    case Kind::AutoReply:
        return QStringLiteral("auto_reply");
    case Kind::Unsubscribe:
        return QStringLiteral("unsubscribe");
    case Kind::NotBounce:
        return QStringLiteral("not_bounce");
    case Kind::Unparsed:
        return QStringLiteral("unparsed");
    }
    return {};
}

QJsonObject BounceFinding::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kindKey(kind)},
                  {QStringLiteral("recipient"), recipient}};
    if (!status.isEmpty())
        o.insert(QStringLiteral("status"), status);
    if (reply)
        o.insert(QStringLiteral("reply"), reply);
    if (outboxId)
        o.insert(QStringLiteral("message"), outboxId);
    if (!token.isEmpty())
        o.insert(QStringLiteral("token"), token);
    if (!diagnostic.isEmpty())
        o.insert(QStringLiteral("diagnostic"), diagnostic);
    return o;
}

QList<BounceFinding> BounceParser::parse(const QByteArray &message)
{
    const Part top = parsePart(message);
    const QString words = text(top);
    const qint64 outbox = outboxOf(top, words);
    const QString reportType = top.params.value("report-type").toLower();

    // ARF (RFC 5965): a complaint about the message returned inside.
    if (const Part *feedback = find(top, "message/feedback-report");
        feedback || reportType == QLatin1String("feedback-report")) {
        BounceFinding f;
        f.kind = BounceFinding::Kind::Complaint;
        f.outboxId = outbox;
        if (feedback) {
            Part fields;
            QByteArray ignored;
            splitHeaders(feedback->body + "\n\n", fields, &ignored);
            f.recipient = addressIn(fields.header("original-rcpt-to"));
            f.diagnostic = fields.header("feedback-type");
        }
        if (f.recipient.isEmpty())
            if (const Part *o = original(top))
                f.recipient = addressIn(o->header("to"));
        return {f};
    }
    // RFC 3464.
    bool failureReported = false;
    if (const Part *status = find(top, "message/delivery-status")) {
        const QList<BounceFinding> found = fromDeliveryStatus(*status, outbox);
        if (!found.isEmpty())
            return found;
        static const QRegularExpression failed(QStringLiteral("(?mi)^action:\\s*(failed|delayed)"));
        failureReported = failed.match(QString::fromUtf8(status->body)).hasMatch();
        if (!failureReported) { // delivered, relayed, expanded: good news
            BounceFinding none;
            none.outboxId = outbox;
            return {none};
        }
    }
    BounceFinding f;
    f.recipient = addressIn(top.header("from"));
    f.outboxId = outbox;
    if (looksLikeAutoReply(top) && !looksLikeBounce(top)) {
        f.kind = BounceFinding::Kind::AutoReply;
        return {f};
    }
    if (looksLikeBounce(top)) {
        QSet<QString> ignore{addressIn(top.header("from")), addressIn(top.header("to"))};
        if (const Part *o = original(top))
            ignore << addressIn(o->header("from"));
        const QList<BounceFinding> found = fromText(words, ignore, outbox);
        if (!found.isEmpty())
            return found;
        failureReported = true;
    }
    if (failureReported) {
        f.kind = BounceFinding::Kind::Unparsed;
        f.recipient.clear();
        return {f};
    }
    static const QRegularExpression unsubscribe(QStringLiteral("^\\s*unsubscribe\\b\\s*(\\S*)"),
                                                QRegularExpression::CaseInsensitiveOption);
    if (const auto m = unsubscribe.match(top.header("subject")); m.hasMatch()) {
        f.kind = BounceFinding::Kind::Unsubscribe;
        f.token = m.captured(1);
        return {f};
    }
    return {f};
}

BounceParser::Headline BounceParser::headline(const QByteArray &message)
{
    Part top;
    QByteArray ignored;
    splitHeaders(message, top, &ignored);
    QString date = top.header("date").simplified();
    date.remove(QRegularExpression(QStringLiteral("\\s*\\(.*\\)$"))); // "(UTC)" after the zone
    QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (when.isValid())
        when = when.toUTC();
    return {top.header("from"), top.header("subject"), when};
}

QString BounceParser::kindLabel(const QString &key)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("hard"), QT_TR_NOOP("Hard bounce")},
        {QStringLiteral("soft"), QT_TR_NOOP("Soft bounce")},
        {QStringLiteral("complaint"), QT_TR_NOOP("Spam complaint")},
        {QStringLiteral("auto_reply"), QT_TR_NOOP("Automatic reply")},
        {QStringLiteral("unsubscribe"), QT_TR_NOOP("Unsubscribe request")},
        {QStringLiteral("not_bounce"), QT_TR_NOOP("Other mail")},
        {QStringLiteral("unparsed"), QT_TR_NOOP("Cannot be read")},
    };
    const char *label = labels.value(key);
    return label ? tr(label) : key;
}

} // namespace masir
