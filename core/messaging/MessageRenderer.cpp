#include "messaging/MessageRenderer.h"

#include "contacts/Contact.h"

#include <QDate>
#include <QLocale>
#include <QRegularExpression>

#include <md4c-html.h>
#include <md4c.h>

namespace masir {

// ---------------------------------------------------------------- SMS parts

namespace {

/// The GSM 03.38 basic set, and the extension set that costs two septets.
const QString &gsmBasic()
{
    static const QString chars = QStringLiteral(
        "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5"
        "\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u00c6\u00e6\u00df\u00c9"
        " !\"#\u00a4%&'()*+,-./0123456789:;<=>?"
        "\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7"
        "\u00bfabcdefghijklmnopqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0");
    return chars;
}

const QString &gsmExtension()
{
    static const QString chars = QStringLiteral("\f^{}\\[~]|\u20ac");
    return chars;
}

} // namespace

SmsCount SmsCount::of(const QString &text)
{
    SmsCount c;
    int septets = 0;
    for (const QChar ch : text) {
        if (gsmBasic().contains(ch)) {
            septets += 1;
        } else if (gsmExtension().contains(ch)) {
            septets += 2;
        } else {
            c.unicode = true;
            break;
        }
    }
    // UCS-2 counts UTF-16 units: characters outside the BMP (emoji) take two.
    c.characters = c.unicode ? int(text.size()) : septets;
    const int single = c.unicode ? 70 : 160;
    const int multi = c.unicode ? 67 : 153;
    if (c.characters == 0) {
        c.segments = 0;
        c.perSegment = single;
        c.remaining = single;
    } else if (c.characters <= single) {
        c.segments = 1;
        c.perSegment = single;
        c.remaining = single - c.characters;
    } else {
        c.segments = (c.characters + multi - 1) / multi;
        c.perSegment = multi;
        c.remaining = c.segments * multi - c.characters;
    }
    return c;
}

// ---------------------------------------------------------------- merge values

ContactMergeContext::ContactMergeContext(const Contact &contact, const SenderInfo &sender,
                                         QString unsubscribeUrl)
    : m_contact(contact)
    , m_sender(sender)
    , m_unsubscribeUrl(std::move(unsubscribeUrl))
{}

QString ContactMergeContext::value(const QString &name) const
{
    const Contact &c = m_contact;
    if (name == QLatin1String("first_name"))
        return c.firstName;
    if (name == QLatin1String("last_name"))
        return c.lastName;
    if (name == QLatin1String("full_name"))
        return QString(c.firstName + QLatin1Char(' ') + c.lastName).trimmed();
    if (name == QLatin1String("email"))
        return c.email;
    if (name == QLatin1String("phone"))
        return c.phone;
    if (name == QLatin1String("company"))
        return c.company;
    if (name == QLatin1String("city"))
        return c.city;
    if (name == QLatin1String("country"))
        return c.country;
    if (name == QLatin1String("stage"))
        return c.stage;
    if (name == QLatin1String("score"))
        return QString::number(c.score);
    if (name == QLatin1String("business_name"))
        return m_sender.businessName;
    if (name == QLatin1String("postal_address"))
        return m_sender.postalAddress;
    if (name == QLatin1String("unsubscribe_url"))
        return m_unsubscribeUrl;
    if (name == QLatin1String("today")) {
        const QLocale locale(c.language.isEmpty() ? QStringLiteral("en") : c.language);
        return locale.toString(QDate::currentDate(), QLocale::LongFormat);
    }
    if (name.startsWith(QLatin1String("custom.")))
        return c.custom.value(name.mid(7));
    return {};
}

bool ContactMergeContext::hasTag(const QString &tag) const
{
    return m_contact.tags.contains(tag, Qt::CaseInsensitive);
}

// ---------------------------------------------------------------- Markdown

namespace {

void appendHtml(const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    static_cast<QByteArray *>(userdata)->append(text, qsizetype(size));
}

/// md4c's HTML with a theme of inline styles (email clients drop <style>).
QString styled(QString html)
{
    struct Rule
    {
        QRegularExpression tag;
        QString style;
    };
    static const QList<Rule> rules = [] {
        auto rule = [](const char *tag, const char *style) {
            return Rule{QRegularExpression(QStringLiteral("<(%1)([ >/])").arg(QLatin1String(tag))),
                        QLatin1String(style)};
        };
        return QList<Rule>{
            rule("p", "margin:0 0 16px 0;"),
            rule("h1", "font-size:26px;line-height:1.3;margin:0 0 16px 0;"),
            rule("h2", "font-size:21px;line-height:1.3;margin:24px 0 12px 0;"),
            rule("h3|h4|h5|h6", "font-size:17px;line-height:1.3;margin:20px 0 8px 0;"),
            rule("a", "color:#0b6bcb;text-decoration:underline;"),
            rule("img", "max-width:100%;height:auto;border:0;display:block;"),
            rule("ul|ol", "margin:0 0 16px 0;padding-left:24px;"),
            rule("li", "margin:0 0 6px 0;"),
            rule("blockquote", "margin:0 0 16px 0;padding:0 0 0 12px;"
                               "border-left:4px solid #d0d7de;color:#57606a;"),
            rule("pre", "background:#f6f8fa;padding:12px;border-radius:6px;overflow:auto;"),
            rule("code", "font-family:Consolas,Menlo,monospace;font-size:14px;"),
            rule("hr", "border:0;border-top:1px solid #d0d7de;margin:24px 0;"),
            rule("table", "border-collapse:collapse;margin:0 0 16px 0;"),
            rule("th|td", "border:1px solid #d0d7de;padding:6px 10px;"),
        };
    }();
    for (const Rule &r : rules)
        html.replace(r.tag, QStringLiteral("<\\1 style=\"") + r.style + QStringLiteral("\"\\2"));
    return html;
}

const unsigned kParserFlags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH |
                              MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_PERMISSIVEWWWAUTOLINKS;

/// Plain text from Markdown: paragraphs, "- " items, and links as "text (url)".
class TextRenderer
{
public:
    QString run(const QByteArray &markdown)
    {
        MD_PARSER parser{};
        parser.abi_version = 0;
        parser.flags = kParserFlags;
        parser.enter_block = [](MD_BLOCKTYPE t, void *d, void *u) {
            return static_cast<TextRenderer *>(u)->enterBlock(t, d);
        };
        parser.leave_block = [](MD_BLOCKTYPE t, void *d, void *u) {
            return static_cast<TextRenderer *>(u)->leaveBlock(t, d);
        };
        parser.enter_span = [](MD_SPANTYPE t, void *d, void *u) {
            return static_cast<TextRenderer *>(u)->enterSpan(t, d);
        };
        parser.leave_span = [](MD_SPANTYPE t, void *d, void *u) {
            return static_cast<TextRenderer *>(u)->leaveSpan(t, d);
        };
        parser.text = [](MD_TEXTTYPE t, const MD_CHAR *s, MD_SIZE n, void *u) {
            return static_cast<TextRenderer *>(u)->text(t, s, n);
        };
        md_parse(markdown.constData(), MD_SIZE(markdown.size()), &parser, this);
        return QString::fromUtf8(m_out).trimmed() + QLatin1Char('\n');
    }

private:
    void blankLine()
    {
        if (m_out.isEmpty())
            return;
        while (!m_out.endsWith("\n\n"))
            m_out.append('\n');
    }
    void newLine()
    {
        if (!m_out.isEmpty() && !m_out.endsWith('\n'))
            m_out.append('\n');
    }
    int enterBlock(MD_BLOCKTYPE type, void *detail)
    {
        switch (type) {
        case MD_BLOCK_P:
        case MD_BLOCK_H:
        case MD_BLOCK_CODE:
        case MD_BLOCK_TABLE:
        case MD_BLOCK_QUOTE:
            if (m_lists.isEmpty())
                blankLine();
            else
                newLine();
            break;
        case MD_BLOCK_UL:
            if (m_lists.isEmpty())
                blankLine();
            m_lists.append(-1);
            break;
        case MD_BLOCK_OL:
            if (m_lists.isEmpty())
                blankLine();
            m_lists.append(int(static_cast<MD_BLOCK_OL_DETAIL *>(detail)->start));
            break;
        case MD_BLOCK_LI: {
            newLine();
            m_out.append(QByteArray((m_lists.size() - 1) * 2, ' '));
            int &n = m_lists.last();
            if (n < 0)
                m_out.append("- ");
            else
                m_out.append(QByteArray::number(n++) + ". ");
            break;
        }
        case MD_BLOCK_HR:
            blankLine();
            m_out.append("----------\n");
            break;
        case MD_BLOCK_TR:
            newLine();
            m_cell = 0;
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
            if (m_cell++ > 0)
                m_out.append(" | ");
            break;
        default:
            break;
        }
        return 0;
    }
    int leaveBlock(MD_BLOCKTYPE type, void *)
    {
        if (type == MD_BLOCK_UL || type == MD_BLOCK_OL)
            m_lists.removeLast();
        if (type == MD_BLOCK_P || type == MD_BLOCK_H || type == MD_BLOCK_CODE)
            newLine();
        return 0;
    }
    int enterSpan(MD_SPANTYPE type, void *detail)
    {
        if (type == MD_SPAN_A) {
            const MD_ATTRIBUTE &href = static_cast<MD_SPAN_A_DETAIL *>(detail)->href;
            m_links.append({QByteArray(href.text, qsizetype(href.size)), m_out.size()});
        }
        return 0;
    }
    int leaveSpan(MD_SPANTYPE type, void *)
    {
        if (type == MD_SPAN_A && !m_links.isEmpty()) {
            const auto [href, start] = m_links.takeLast();
            // An autolink's text is its address already.
            if (m_out.mid(start) != href && !href.isEmpty())
                m_out.append(" (" + href + ')');
        }
        return 0;
    }
    int text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n)
    {
        const QByteArray t(s, qsizetype(n));
        switch (type) {
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
            m_out.append('\n');
            break;
        case MD_TEXT_HTML:
            break; // raw tags have no plain-text form
        case MD_TEXT_NULLCHAR:
            m_out.append("\xEF\xBF\xBD");
            break;
        case MD_TEXT_ENTITY:
            m_out.append(decodeEntity(t));
            break;
        default:
            m_out.append(t);
        }
        return 0;
    }
    static QByteArray decodeEntity(const QByteArray &e)
    {
        static const QHash<QByteArray, QByteArray> named{
            {"&amp;", "&"},
            {"&lt;", "<"},
            {"&gt;", ">"},
            {"&quot;", "\""},
            {"&apos;", "'"},
            {"&nbsp;", "\xC2\xA0"},
            {"&zwnj;", "\xE2\x80\x8C"},
            {"&copy;", "\xC2\xA9"},
        };
        if (named.contains(e))
            return named.value(e);
        if (e.startsWith("&#")) {
            bool ok = false;
            const QByteArray digits = e.mid(2, e.size() - 3);
            const uint code = digits.startsWith('x') || digits.startsWith('X')
                                  ? digits.mid(1).toUInt(&ok, 16)
                                  : digits.toUInt(&ok, 10);
            if (ok) {
                const char32_t c = code;
                return QString::fromUcs4(&c, 1).toUtf8();
            }
        }
        return e;
    }

    QByteArray m_out;
    QList<int> m_lists;
    QList<std::pair<QByteArray, qsizetype>> m_links;
    int m_cell = 0;
};

QString footerHtml(const SenderInfo &sender, const QString &unsubscribeUrl, bool rtl)
{
    // Recipients read the footer in the message's language, not in the UI's.
    const QString unsubscribe = rtl ? QStringLiteral("لغو اشتراک") : QStringLiteral("Unsubscribe");
    const QString why =
        rtl ? QStringLiteral("این ایمیل را چون مشترک %1 هستید دریافت "
                             "کرده‌اید.")
            : QStringLiteral("You receive this email because you subscribed to %1.");
    QString html = QStringLiteral("<p style=\"margin:0 0 6px 0;\">") +
                   why.arg(sender.businessName.toHtmlEscaped()) + QStringLiteral("</p>");
    if (!sender.postalAddress.isEmpty())
        html +=
            QStringLiteral("<p style=\"margin:0 0 6px 0;\">") +
            sender.postalAddress.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")) +
            QStringLiteral("</p>");
    html += QStringLiteral("<p style=\"margin:0;\"><a href=\"") + unsubscribeUrl.toHtmlEscaped() +
            QStringLiteral("\" style=\"color:#6b7280;text-decoration:underline;\">") + unsubscribe +
            QStringLiteral("</a></p>");
    return html;
}

QString footerText(const SenderInfo &sender, const QString &unsubscribeUrl, bool rtl)
{
    QString text = QStringLiteral("\n--\n") + sender.businessName;
    if (!sender.postalAddress.isEmpty())
        text += QLatin1Char('\n') + sender.postalAddress;
    text += QLatin1Char('\n') +
            (rtl ? QStringLiteral("لغو اشتراک: ") : QStringLiteral("Unsubscribe: ")) +
            unsubscribeUrl + QLatin1Char('\n');
    return text;
}

} // namespace

QString MessageRenderer::markdownToHtml(const QString &markdown)
{
    const QByteArray in = markdown.toUtf8();
    QByteArray out;
    md_html(in.constData(), MD_SIZE(in.size()), appendHtml, &out, kParserFlags, 0);
    return styled(QString::fromUtf8(out));
}

QString MessageRenderer::markdownToText(const QString &markdown)
{
    return TextRenderer().run(markdown.toUtf8());
}

bool MessageRenderer::isRightToLeft(const QString &text)
{
    int rtl = 0;
    int ltr = 0;
    for (const QChar c : text) {
        switch (c.direction()) {
        case QChar::DirR:
        case QChar::DirAL:
            ++rtl;
            break;
        case QChar::DirL:
            ++ltr;
            break;
        default:
            break;
        }
    }
    return rtl > ltr;
}

CompiledMessage MessageRenderer::compile(const MessageTemplate &t,
                                         const MergeVocabulary &vocabulary,
                                         const SenderInfo &sender)
{
    CompiledMessage m;
    m.source = t;
    auto collect = [&](const QString &field, const MergeTemplate &mt) {
        for (const TemplateError &e : mt.errors())
            m.errors << (e.line > 0 ? QStringLiteral("%1 %2").arg(field, e.toString())
                                    : QStringLiteral("%1: %2").arg(field, e.message));
    };
    const MergeTemplate body = MergeTemplate::parse(t.body, vocabulary);
    collect(tr("body"), body);
    if (!t.isEmail()) {
        m.text = body;
        if (t.body.trimmed().isEmpty())
            m.errors << tr("The message is empty.");
        return m;
    }
    m.subject = MergeTemplate::parse(t.subject, vocabulary);
    m.preheader = MergeTemplate::parse(t.preheader, vocabulary);
    collect(tr("subject"), m.subject);
    collect(tr("preheader"), m.preheader);
    if (t.subject.trimmed().isEmpty())
        m.errors << tr("The email needs a subject.");
    if (!body.isValid())
        return m;
    // Markdown first, with inert markers where the tags are, then the tags back.
    const QString marked = body.markedSource();
    m.html = body.withMarkedText(markdownToHtml(marked));
    m.text = body.withMarkedText(markdownToText(marked));
    collect(tr("body"), m.html);
    if (t.marketing) {
        if (sender.postalAddress.trimmed().isEmpty())
            m.errors << tr("Marketing email must show your postal address: enter it in Settings "
                           "→ Channels.");
        if (sender.unsubscribeUrl.isEmpty() && sender.unsubscribeMailto.isEmpty() &&
            !sender.hostedUnsubscribe)
            m.errors << tr("Marketing email needs a way to unsubscribe: enter an unsubscribe page "
                           "or address in Settings → Channels.");
    }
    return m;
}

RenderedMessage MessageRenderer::render(const CompiledMessage &m, const MergeContext &context,
                                        const SenderInfo &sender)
{
    RenderedMessage r;
    if (!m.isValid())
        return r;
    r.text = m.text.render(context, Escaping::Text);
    if (!m.source.isEmail()) {
        r.text = r.text.trimmed();
        r.rightToLeft = isRightToLeft(r.text);
        return r;
    }
    r.subject = m.subject.render(context, Escaping::Header).simplified();
    r.preheader = m.preheader.render(context, Escaping::Header).simplified();
    QString body = m.html.render(context, Escaping::Html);
    r.rightToLeft = isRightToLeft(r.subject + r.text);
    const QString dir = r.rightToLeft ? QStringLiteral("rtl") : QStringLiteral("ltr");
    const QString align = r.rightToLeft ? QStringLiteral("right") : QStringLiteral("left");
    if (r.rightToLeft) {
        // Each block says its direction: some clients (and Qt's own preview) do
        // not inherit it from the table cell.
        static const QRegularExpression blocks(
            QStringLiteral("<(p|h[1-6]|li|ul|ol|blockquote|table) style=\""));
        body.replace(blocks,
                     QStringLiteral("<\\1 dir=\"rtl\" align=\"right\" style=\"text-align:right;"));
        body.replace(QLatin1String("border-left:"), QLatin1String("border-right:"));
        body.replace(QLatin1String("padding:0 0 0 12px;"), QLatin1String("padding:0 12px 0 0;"));
        body.replace(QLatin1String("padding-left:"), QLatin1String("padding-right:"));
    }
    const QString unsubscribe = context.value(QStringLiteral("unsubscribe_url"));
    const QString font = r.rightToLeft ? QStringLiteral("Tahoma,'Segoe UI',Arial,sans-serif")
                                       : QStringLiteral("'Segoe UI',Helvetica,Arial,sans-serif");
    QString html;
    html +=
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\" dir=\"%2\">\n<head>\n"
                       "<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<title>%3</title>\n</head>\n")
            .arg(r.rightToLeft ? QStringLiteral("fa") : QStringLiteral("en"), dir,
                 r.subject.toHtmlEscaped());
    html += QStringLiteral("<body dir=\"%1\" style=\"margin:0;padding:0;background:#f3f4f6;\">\n")
                .arg(dir);
    if (!r.preheader.isEmpty())
        html += QStringLiteral("<div style=\"display:none;max-height:0;overflow:hidden;"
                               "mso-hide:all;\">") +
                r.preheader.toHtmlEscaped() + QStringLiteral("</div>\n");
    html +=
        QStringLiteral(
            "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
            "style=\"background:#f3f4f6;\"><tr><td align=\"center\" style=\"padding:24px "
            "12px;\">\n<table role=\"presentation\" width=\"600\" cellpadding=\"0\" "
            "cellspacing=\"0\" dir=\"%1\" style=\"max-width:600px;width:100%;background:#ffffff;"
            "border-radius:8px;\"><tr><td dir=\"%1\" style=\"padding:32px;font-family:%2;"
            "font-size:16px;line-height:1.6;color:#1f2933;text-align:%3;\">\n")
            .arg(dir, font, align);
    html += body;
    html += QStringLiteral("</td></tr></table>\n");
    if (m.source.marketing)
        html += QStringLiteral("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" "
                               "cellspacing=\"0\" dir=\"%1\" style=\"max-width:600px;width:100%;\">"
                               "<tr><td dir=\"%1\" style=\"padding:16px 32px;font-family:%2;"
                               "font-size:12px;line-height:1.5;color:#6b7280;text-align:%3;\">")
                    .arg(dir, font, align) +
                footerHtml(sender, unsubscribe, r.rightToLeft) +
                QStringLiteral("</td></tr></table>\n");
    html += QStringLiteral("</td></tr></table>\n</body>\n</html>\n");
    r.html = html;
    if (m.source.marketing)
        r.text =
            r.text.trimmed() + QLatin1Char('\n') + footerText(sender, unsubscribe, r.rightToLeft);
    return r;
}

} // namespace masir
