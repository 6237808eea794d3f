#include "intake/TrackingPages.h"

#include <QCryptographicHash>
#include <QMutex>
#include <QRegularExpression>
#include <QTranslator>

namespace masir {

namespace {

constexpr const char *kContext = "masir::TrackingPages";

/// Text in the page's language, whatever language the app itself runs in.
QString text(const QString &language, const char *source)
{
    if (language == QLatin1String("fa")) {
        static QMutex mutex;
        static QTranslator *fa = nullptr;
        const QMutexLocker lock(&mutex);
        if (!fa) {
            fa = new QTranslator;
            if (!fa->load(QStringLiteral(":/i18n/masir_fa.qm")))
                qWarning("masir: the Persian pages have no translation");
        }
        const QString t = fa->translate(kContext, source);
        if (!t.isEmpty())
            return t;
    }
    return QString::fromUtf8(source);
}

QString safeColor(const QString &color)
{
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return hex.match(color).hasMatch() ? color : QStringLiteral("#1565c0");
}

QString css(const QString &color, bool rtl)
{
    const QString font = rtl ? QStringLiteral("Vazirmatn,\"Noto Naskh Arabic\",Tahoma,sans-serif")
                             : QStringLiteral("system-ui,-apple-system,\"Segoe UI\",Roboto,"
                                              "sans-serif");
    return QStringLiteral(
               "*{box-sizing:border-box}"
               "body{margin:0;background:#f3f4f6;color:#111827;font:16px/1.5 %1}"
               "header{background:%2;color:#fff;padding:16px 20px;display:flex;"
               "align-items:center;gap:12px}"
               "header img{max-height:40px;max-width:120px}"
               "header span{font-weight:600;font-size:18px;overflow-wrap:anywhere}"
               "main{max-width:480px;margin:24px auto;padding:0 16px}"
               ".card{background:#fff;border-radius:12px;padding:24px;"
               "box-shadow:0 1px 3px rgba(0,0,0,.12)}"
               "h1{font-size:22px;margin:0 0 12px}"
               "p{margin:0 0 16px}"
               "label{display:flex;align-items:flex-start;gap:10px;margin:0 0 12px;"
               "overflow-wrap:anywhere}"
               "input[type=checkbox]{width:20px;height:20px;margin:2px 0 0;flex:none}"
               "fieldset{border:0;padding:0;margin:0 0 16px}"
               "legend{font-weight:600;margin:0 0 8px;padding:0}"
               "button{display:block;width:100%;font:inherit;font-weight:600;padding:12px 16px;"
               "border-radius:8px;border:0;background:%2;color:#fff;margin:0 0 12px;"
               "cursor:pointer}"
               "button.quiet{background:#fff;color:#b91c1c;border:1px solid #d1d5db}"
               "a{color:%2}"
               ".ok{background:#ecfdf5;color:#065f46;padding:12px;border-radius:8px}"
               "bdi{unicode-bidi:isolate}")
        .arg(font, color);
}

/// The whole document around \a body; its style is allowed by hash alone.
HostedPage page(const Branding &brand, const QString &language, const QString &title,
                const QString &body, int status = 200)
{
    const bool rtl = language == QLatin1String("fa");
    const QString style = css(safeColor(brand.color), rtl);
    QString logo;
    if (!brand.logo.isEmpty() && brand.logoType.startsWith(QLatin1String("image/")))
        logo = QStringLiteral("<img alt=\"\" src=\"data:%1;base64,%2\">")
                   .arg(brand.logoType.toHtmlEscaped(), QString::fromLatin1(brand.logo.toBase64()));
    const QString name = brand.name.isEmpty() ? QString() : brand.name.toHtmlEscaped();
    const QString html =
        QStringLiteral("<!doctype html><html lang=\"%1\" dir=\"%2\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                       "<meta name=\"referrer\" content=\"no-referrer\">"
                       "<title>%3</title><style>%4</style></head><body>"
                       "<header>%5<span><bdi>%6</bdi></span></header>"
                       "<main><div class=\"card\">%7</div></main></body></html>")
            .arg(rtl ? QStringLiteral("fa") : QStringLiteral("en"),
                 rtl ? QStringLiteral("rtl") : QStringLiteral("ltr"), title.toHtmlEscaped(), style,
                 logo, name, body);
    HostedPage p;
    p.status = status;
    p.html = html.toUtf8();
    const QByteArray hash =
        QCryptographicHash::hash(style.toUtf8(), QCryptographicHash::Sha256).toBase64();
    p.contentSecurityPolicy = "default-src 'none'; style-src 'sha256-" + hash +
                              "'; img-src data:; form-action 'self'; base-uri 'none'; "
                              "frame-ancestors 'none'";
    return p;
}

QString business(const Branding &brand, const QString &language)
{
    return brand.name.isEmpty()
               ? text(language, QT_TRANSLATE_NOOP("masir::TrackingPages", "this sender"))
               : QStringLiteral("<bdi>") + brand.name.toHtmlEscaped() + QStringLiteral("</bdi>");
}

} // namespace

QStringList TrackingPages::languages()
{
    return {QStringLiteral("en"), QStringLiteral("fa")};
}

QString TrackingPages::pick(const QString &subscriber, const QByteArray &acceptLanguage)
{
    const QString mine = subscriber.left(2).toLower();
    if (languages().contains(mine))
        return mine;
    for (const QByteArray &part : acceptLanguage.split(',')) {
        const QString lang = QString::fromLatin1(part.trimmed().left(2)).toLower();
        if (languages().contains(lang))
            return lang;
    }
    return QStringLiteral("en");
}

HostedPage TrackingPages::confirmUnsubscribe(const Branding &brand, const QString &language,
                                             const QString &preferencesUrl)
{
    const QString title = text(language, QT_TRANSLATE_NOOP("masir::TrackingPages", "Unsubscribe"));
    QString body =
        QStringLiteral("<h1>%1</h1><p>%2</p><form method=\"post\">"
                       "<input type=\"hidden\" name=\"confirm\" value=\"yes\">"
                       "<button type=\"submit\">%3</button></form>")
            .arg(title,
                 text(language, QT_TRANSLATE_NOOP("masir::TrackingPages",
                                                  "Stop receiving marketing email from %1?"))
                     .arg(business(brand, language)),
                 text(language, QT_TRANSLATE_NOOP("masir::TrackingPages", "Yes, unsubscribe me")));
    if (!preferencesUrl.isEmpty())
        body += QStringLiteral("<p><a href=\"%1\">%2</a></p>")
                    .arg(preferencesUrl.toHtmlEscaped(),
                         text(language, QT_TRANSLATE_NOOP("masir::TrackingPages",
                                                          "Or choose what you receive")));
    return page(brand, language, title, body);
}

HostedPage TrackingPages::unsubscribed(const Branding &brand, const QString &language,
                                       const QString &preferencesUrl)
{
    const QString title =
        text(language, QT_TRANSLATE_NOOP("masir::TrackingPages", "You are unsubscribed"));
    QString body = QStringLiteral("<h1>%1</h1><p class=\"ok\">%2</p>")
                       .arg(title, text(language, QT_TRANSLATE_NOOP("masir::TrackingPages",
                                                                    "%1 will not send you "
                                                                    "marketing email any more."))
                                       .arg(business(brand, language)));
    if (!preferencesUrl.isEmpty())
        body += QStringLiteral("<p><a href=\"%1\">%2</a></p>")
                    .arg(preferencesUrl.toHtmlEscaped(),
                         text(language, QT_TRANSLATE_NOOP("masir::TrackingPages",
                                                          "Change your preferences")));
    return page(brand, language, title, body);
}

HostedPage TrackingPages::preferences(const Branding &brand, const QString &language,
                                      const Choices &choices, const QList<Topic> &topics,
                                      bool saved)
{
    const QString title =
        text(language, QT_TRANSLATE_NOOP("masir::TrackingPages", "Your preferences"));
    auto box = [](const QString &name, const QString &value, bool checked, const QString &label) {
        return QStringLiteral("<label><input type=\"checkbox\" name=\"%1\" value=\"%2\"%3>"
                              "<span>%4</span></label>")
            .arg(name, value, checked ? QStringLiteral(" checked") : QString(), label);
    };
    QString body = QStringLiteral("<h1>%1</h1>").arg(title);
    if (saved)
        body += QStringLiteral("<p class=\"ok\" role=\"status\">%1</p>")
                    .arg(text(language, QT_TRANSLATE_NOOP("masir::TrackingPages",
                                                          "Your choices are saved.")));
    body += QStringLiteral("<form method=\"post\"><fieldset><legend>%1</legend>")
                .arg(text(language, QT_TRANSLATE_NOOP("masir::TrackingPages", "Channels")));
    body += box(QStringLiteral("email"), QStringLiteral("yes"), choices.email,
                text(language, QT_TRANSLATE_NOOP("masir::TrackingPages", "Marketing email from %1"))
                    .arg(business(brand, language)));
    if (choices.hasPhone || !choices.known)
        body +=
            box(QStringLiteral("sms"), QStringLiteral("yes"), choices.sms,
                text(language, QT_TRANSLATE_NOOP("masir::TrackingPages", "Text messages (SMS)")));
    body += QStringLiteral("</fieldset>");
    if (!topics.isEmpty()) {
        body += QStringLiteral("<fieldset><legend>%1</legend>")
                    .arg(text(language, QT_TRANSLATE_NOOP("masir::TrackingPages", "Topics")));
        for (const Topic &t : topics)
            body +=
                box(QStringLiteral("topic"), QString::number(t.id), choices.topics.contains(t.id),
                    QStringLiteral("<bdi>") + t.name.toHtmlEscaped() + QStringLiteral("</bdi>"));
        body += QStringLiteral("</fieldset>");
    }
    body += QStringLiteral("<button type=\"submit\" name=\"action\" value=\"save\">%1</button>"
                           "<button type=\"submit\" name=\"action\" value=\"everything\" "
                           "class=\"quiet\">%2</button></form>")
                .arg(text(language, QT_TRANSLATE_NOOP("masir::TrackingPages", "Save")),
                     text(language, QT_TRANSLATE_NOOP("masir::TrackingPages",
                                                      "Unsubscribe from everything")));
    return page(brand, language, title, body);
}

HostedPage TrackingPages::notFound(const QString &language)
{
    const QString title =
        text(language, QT_TRANSLATE_NOOP("masir::TrackingPages", "This link does not work"));
    return page(Branding(), language, title,
                QStringLiteral("<h1>%1</h1><p>%2</p>")
                    .arg(title, text(language, QT_TRANSLATE_NOOP("masir::TrackingPages",
                                                                 "The link may be incomplete, "
                                                                 "or too old."))),
                404);
}

} // namespace masir
