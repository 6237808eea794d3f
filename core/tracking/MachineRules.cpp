#include "tracking/MachineRules.h"

#include <QHash>
#include <QHostAddress>
#include <QList>

namespace masir {

namespace {

using Kind = HitVerdict::Kind;

/// Agents of link scanners, security gateways, previewers and scripts.
const char *const kScannerAgents[] = {
    "barracuda",       "mimecast",       "proofpoint",
    "symantec",        "trendmicro",     "fortinet",
    "forcepoint",      "safelinks",      "msoffice-safe",
    "bingpreview",     "headlesschrome", "phantomjs",
    "python-requests", "python-urllib",  "go-http-client",
    "curl/",           "wget/",          "libwww-perl",
    "java/",           "okhttp",         "facebookexternalhit",
    "slackbot",        "twitterbot",     "linkedinbot",
    "whatsapp",        "telegrambot",    "discordbot",
    "skypeuripreview", "bot/",           "crawler",
    "spider",
};

/// Address ranges of mail security services that follow every link.
const char *const kScannerRanges[] = {
    "40.92.0.0/15",     // Microsoft Exchange Online Protection
    "40.107.0.0/16",    // Microsoft Exchange Online Protection
    "52.100.0.0/14",    // Microsoft Exchange Online Protection
    "104.47.0.0/17",    // Microsoft Exchange Online Protection
    "148.163.128.0/19", // Proofpoint
    "67.231.144.0/20",  // Proofpoint
    "205.139.110.0/24", // Mimecast
    "207.211.30.0/24",  // Mimecast
    "64.235.144.0/20",  // Barracuda
};

/// Apple's network, from which Mail Privacy Protection fetches.
const char *const kAppleRange = "17.0.0.0/8";

using Subnet = QPair<QHostAddress, int>;

/// The ranges, parsed once: every open and click is judged.
const QList<Subnet> &scannerRanges()
{
    static const QList<Subnet> parsed = [] {
        QList<Subnet> out;
        for (const char *r : kScannerRanges)
            out << QHostAddress::parseSubnet(QString::fromLatin1(r));
        return out;
    }();
    return parsed;
}

const Subnet &appleRange()
{
    static const Subnet parsed = QHostAddress::parseSubnet(QString::fromLatin1(kAppleRange));
    return parsed;
}

/// What a User-Agent says, read once per distinct agent: a campaign's hits
/// come from a few hundred mail clients, and reading an agent is 31 searches.
struct Agent
{
    bool empty = false;
    bool scanner = false;
    bool bareMozilla = false; ///< Apple's privacy proxy
    bool imageProxy = false;

    explicit Agent(const QString &userAgent)
    {
        const QByteArray a = userAgent.trimmed().toLower().toUtf8();
        empty = a.isEmpty();
        for (const char *needle : kScannerAgents)
            scanner = scanner || a.contains(needle);
        bareMozilla = a == "mozilla/5.0";
        imageProxy = a.contains("googleimageproxy") || a.contains("ggpht.com") ||
                     a.contains("yahoomailproxy");
    }

    static Agent of(const QString &userAgent)
    {
        thread_local QHash<QString, Agent> known;
        if (const auto it = known.constFind(userAgent); it != known.cend())
            return *it;
        if (known.size() >= 4096)
            known.clear();
        return *known.insert(userAgent, Agent(userAgent));
    }
};

/// One hit, prepared once for all the rules: its agent read, its address
/// parsed.
struct Seen
{
    explicit Seen(const HitFacts &facts)
        : f(facts)
        , agent(Agent::of(facts.userAgent))
        , ip(facts.ip)
    {}
    const HitFacts &f;
    const Agent agent;
    const QHostAddress ip;
};

struct Rule
{
    const char *name;
    Kind kind;
    bool (*matches)(const Seen &);
};

const Rule kRules[] = {
    {"head", Kind::Machine,
     [](const Seen &s) {
         return s.f.method.compare(QLatin1String("HEAD"), Qt::CaseInsensitive) == 0;
     }},
    {"no-agent", Kind::Machine, [](const Seen &s) { return s.agent.empty; }},
    {"scanner-agent", Kind::Machine, [](const Seen &s) { return s.agent.scanner; }},
    {"scanner-range", Kind::Machine,
     [](const Seen &s) {
         for (const Subnet &r : scannerRanges())
             if (s.ip.isInSubnet(r))
                 return true;
         return false;
     }},
    {"apple-privacy", Kind::Machine,
     [](const Seen &s) {
         return !s.f.click && (s.ip.isInSubnet(appleRange()) || s.agent.bareMozilla);
     }},
    {"image-proxy", Kind::Proxied, [](const Seen &s) { return !s.f.click && s.agent.imageProxy; }},
    {"too-soon", Kind::Machine,
     [](const Seen &s) {
         return s.f.click && s.f.deliveredAtMs > 0 && s.f.atMs >= s.f.deliveredAtMs &&
                s.f.atMs - s.f.deliveredAtMs < MachineRules::kTooSoonMs;
     }},
    {"every-link", Kind::Machine,
     [](const Seen &s) {
         return s.f.click && s.f.linksInMessage >= 2 &&
                s.f.linksClickedInSecond >= s.f.linksInMessage;
     }},
};

} // namespace

HitVerdict MachineRules::judge(const HitFacts &facts)
{
    const Seen seen(facts);
    for (const Rule &rule : kRules) {
        if (rule.matches(seen))
            return {rule.kind, QLatin1String(rule.name)};
    }
    return {Kind::Human, QString()};
}

} // namespace masir
