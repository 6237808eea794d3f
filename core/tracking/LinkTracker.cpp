#include "tracking/LinkTracker.h"

#include <QRegularExpression>
#include <QUrl>

namespace masir {

namespace {

const QString kNoTrack = QStringLiteral("#notrack");

QString unescapeHtml(QString s)
{
    s.replace(QLatin1String("&quot;"), QLatin1String("\""));
    s.replace(QLatin1String("&#39;"), QLatin1String("'"));
    s.replace(QLatin1String("&lt;"), QLatin1String("<"));
    s.replace(QLatin1String("&gt;"), QLatin1String(">"));
    s.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return s;
}

bool isWebLink(const QString &url)
{
    return url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
           url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

/// Gives each target an index, in the order they first appear.
class Links
{
public:
    explicit Links(const TrackingPlan &plan)
        : m_plan(plan)
    {}

    /// What \a raw becomes in the message: its tracked address, itself with
    /// UTM, or itself untouched (\a untracked: it asked not to be tracked).
    QString rewrite(QString raw, bool untracked)
    {
        if (raw.endsWith(kNoTrack)) {
            raw.chop(kNoTrack.size());
            untracked = true;
        }
        if (untracked || !isWebLink(raw) || isUnsubscribe(raw) || isOurs(raw))
            return raw;
        const QString target = LinkTracker::withUtm(raw, m_plan.utm);
        if (!m_plan.clicks)
            return target;
        auto it = m_indexes.constFind(target);
        if (it == m_indexes.cend()) {
            TrackedLink link;
            link.index = int(m_links.size());
            link.target = target;
            link.url = LinkTracker::clickUrl(m_plan, link.index, target);
            m_links << link;
            it = m_indexes.insert(target, link.index);
        }
        return m_links.at(*it).url;
    }

    QList<TrackedLink> links() const { return m_links; }

private:
    bool isUnsubscribe(const QString &url) const
    {
        return !m_plan.unsubscribeUrl.isEmpty() && url == m_plan.unsubscribeUrl;
    }
    bool isOurs(const QString &url) const
    {
        return !m_plan.baseUrl.isEmpty() && url.startsWith(m_plan.baseUrl + QLatin1Char('/'));
    }

    const TrackingPlan &m_plan;
    QList<TrackedLink> m_links;
    QHash<QString, int> m_indexes;
};

QString rewriteHtml(const QString &html, Links &links)
{
    static const QRegularExpression anchor(QStringLiteral("<a\\b[^>]*>"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression href(
        QStringLiteral("(\\bhref\\s*=\\s*)(\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression noTrack(QStringLiteral("\\bdata-notrack\\b"),
                                            QRegularExpression::CaseInsensitiveOption);
    QString out;
    out.reserve(html.size() + html.size() / 2);
    qsizetype done = 0;
    auto tags = anchor.globalMatch(html);
    while (tags.hasNext()) {
        const QRegularExpressionMatch tag = tags.next();
        const QString text = tag.captured();
        const QRegularExpressionMatch h = href.match(text);
        if (!h.hasMatch())
            continue;
        const QString raw = unescapeHtml(
            h.captured(3).isNull() ? (h.captured(4).isNull() ? h.captured(5) : h.captured(4))
                                   : h.captured(3));
        const QString url = links.rewrite(raw, noTrack.match(text).hasMatch());
        out += QStringView(html).mid(done, tag.capturedStart() - done);
        out += QStringView(text).left(h.capturedStart(2));
        out += QLatin1Char('"') + url.toHtmlEscaped() + QLatin1Char('"');
        out += QStringView(text).mid(h.capturedEnd(2));
        done = tag.capturedEnd();
    }
    out += QStringView(html).mid(done);
    return out;
}

QString rewriteText(const QString &text, Links &links)
{
    static const QRegularExpression url(QStringLiteral("https?://[^\\s<>\"]+"),
                                        QRegularExpression::CaseInsensitiveOption);
    QString out;
    qsizetype done = 0;
    auto found = url.globalMatch(text);
    while (found.hasNext()) {
        const QRegularExpressionMatch m = found.next();
        QString raw = m.captured();
        // punctuation that ends a sentence, or closes a bracket, is not the link's
        qsizetype end = m.capturedEnd();
        while (!raw.isEmpty() && QStringLiteral(".,;:!?)]}'").contains(raw.back())) {
            raw.chop(1);
            --end;
        }
        out += QStringView(text).mid(done, m.capturedStart() - done);
        out += links.rewrite(raw, false);
        done = end;
    }
    out += QStringView(text).mid(done);
    return out;
}

} // namespace

QString LinkTracker::withUtm(const QString &url, const Utm &utm)
{
    // Appended to the link as it was written, its own encoding kept.
    const qsizetype hash = url.indexOf(QLatin1Char('#'));
    QString head = hash < 0 ? url : url.left(hash);
    const QString fragment = hash < 0 ? QString() : url.mid(hash);
    const qsizetype question = head.indexOf(QLatin1Char('?'));
    QStringList present;
    if (question >= 0) {
        for (const QString &item : head.mid(question + 1).split(QLatin1Char('&')))
            present << item.section(QLatin1Char('='), 0, 0).toLower();
    }
    const std::pair<const char *, QString> params[] = {{"utm_source", utm.source},
                                                       {"utm_medium", utm.medium},
                                                       {"utm_campaign", utm.campaign},
                                                       {"utm_content", utm.content}};
    for (const auto &[key, value] : params) {
        const QString name = QLatin1String(key);
        if (value.isEmpty() || present.contains(name))
            continue;
        head += (head.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + name +
                QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    return head + fragment;
}

QString LinkTracker::openUrl(const TrackingPlan &plan)
{
    TrackingToken t;
    t.kind = TrackingToken::Kind::Open;
    t.kid = plan.key.kid;
    t.outboxId = plan.outboxId;
    return plan.baseUrl + QStringLiteral("/o/") + t.encode(plan.key.secret);
}

QString LinkTracker::clickUrl(const TrackingPlan &plan, int index, const QString &target)
{
    TrackingToken t;
    t.kind = TrackingToken::Kind::Click;
    t.kid = plan.key.kid;
    t.outboxId = plan.outboxId;
    t.link = index;
    t.target = target;
    return plan.baseUrl + QStringLiteral("/c/") + t.encode(plan.key.secret);
}

TrackedMessage LinkTracker::apply(const TrackingPlan &plan, const QString &html,
                                  const QString &text)
{
    TrackedMessage out;
    Links links(plan);
    out.html = html.isEmpty() ? html : rewriteHtml(html, links);
    out.text = rewriteText(text, links);
    out.links = links.links();
    if (plan.opens && !html.isEmpty()) {
        out.pixelUrl = openUrl(plan);
        const QString pixel = QStringLiteral("<img src=\"") + out.pixelUrl.toHtmlEscaped() +
                              QStringLiteral("\" width=\"1\" height=\"1\" alt=\"\" "
                                             "style=\"display:block;width:1px;height:1px;"
                                             "border:0;\">");
        const qsizetype body =
            out.html.lastIndexOf(QLatin1String("</body>"), -1, Qt::CaseInsensitive);
        if (body >= 0)
            out.html.insert(body, pixel);
        else
            out.html += pixel;
    }
    return out;
}

} // namespace masir
