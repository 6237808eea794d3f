#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace masir {

/// What is known of one open or click when it is judged.
struct HitFacts
{
    bool click = false;
    QString method = QStringLiteral("GET");
    QString userAgent;
    QString ip;
    qint64 atMs = 0;
    qint64 deliveredAtMs = 0;     ///< when the message went out; 0: not known
    int linksInMessage = 0;       ///< tracked links in the message
    int linksClickedInSecond = 0; ///< distinct links of the message clicked within a second of this
};

/// Who opened or clicked: a person, a person through an image proxy, or a
/// machine (a privacy proxy that fetches every image, a link scanner).
struct HitVerdict
{
    enum class Kind
    {
        Human,
        Proxied, ///< a person, through a proxy that fetches when they open
        Machine,
    };
    Kind kind = Kind::Human;
    QString rule; ///< the rule that decided, for reports and the log
    bool countsAsHuman() const { return kind != Kind::Machine; }
};

/// The rules that tell people from machines, in one place, in order: the
/// first that matches decides. Each has a name (HitVerdict::rule).
///
/// - head: a HEAD request (a link checker) is a machine.
/// - no-agent: no User-Agent at all.
/// - scanner-agent: a known link scanner or security gateway by its agent.
/// - scanner-range: an address in a known scanner's range.
/// - apple-privacy: Apple Mail Privacy Protection fetches every image on
///   delivery (Apple's addresses, or its bare "Mozilla/5.0" agent).
/// - image-proxy: Google's and Yahoo's proxies fetch when the reader opens:
///   a person, marked proxied.
/// - too-soon: a click within seconds of delivery.
/// - every-link: every link of the message clicked in the same second.
class MachineRules final
{
public:
    static HitVerdict judge(const HitFacts &facts);

    static constexpr qint64 kTooSoonMs = 10000;
    /// every-link: clicks this close to each other are "at once".
    static constexpr qint64 kSameMomentMs = 1000;
};

} // namespace masir
