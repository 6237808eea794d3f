#include "tracking/MachineRules.h"

#include <QHash>
#include <QMutex>

#include <QHostAddress>

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

bool inRange(const QHostAddress &ip, const char *range)
{
    // parsed once: every open and click is judged
    static QHash<const char *, QPair<QHostAddress, int>> parsed;
    static QMutex mutex;
    QPair<QHostAddress, int> subnet;
    {
        const QMutexLocker lock(&mutex);
        auto it = parsed.constFind(range);
        if (it == parsed.cend())
            it = parsed.insert(range, QHostAddress::parseSubnet(QString::fromLatin1(range)));
        subnet = *it;
    }
    return ip.isInSubnet(subnet);
}

bool agentHas(const QString &agent, const char *needle)
{
    return agent.contains(QLatin1String(needle), Qt::CaseInsensitive);
}

struct Rule
{
    const char *name;
    Kind kind;
    bool (*matches)(const HitFacts &, const QHostAddress &);
};

const Rule kRules[] = {
    {"head", Kind::Machine,
     [](const HitFacts &f, const QHostAddress &) {
         return f.method.compare(QLatin1String("HEAD"), Qt::CaseInsensitive) == 0;
     }},
    {"no-agent", Kind::Machine,
     [](const HitFacts &f, const QHostAddress &) { return f.userAgent.trimmed().isEmpty(); }},
    {"scanner-agent", Kind::Machine,
     [](const HitFacts &f, const QHostAddress &) {
         for (const char *a : kScannerAgents)
             if (agentHas(f.userAgent, a))
                 return true;
         return false;
     }},
    {"scanner-range", Kind::Machine,
     [](const HitFacts &, const QHostAddress &ip) {
         for (const char *r : kScannerRanges)
             if (inRange(ip, r))
                 return true;
         return false;
     }},
    {"apple-privacy", Kind::Machine,
     [](const HitFacts &f, const QHostAddress &ip) {
         return !f.click &&
                (inRange(ip, kAppleRange) || f.userAgent.trimmed() == QLatin1String("Mozilla/5.0"));
     }},
    {"image-proxy", Kind::Proxied,
     [](const HitFacts &f, const QHostAddress &) {
         return !f.click &&
                (agentHas(f.userAgent, "GoogleImageProxy") || agentHas(f.userAgent, "ggpht.com") ||
                 agentHas(f.userAgent, "YahooMailProxy"));
     }},
    {"too-soon", Kind::Machine,
     [](const HitFacts &f, const QHostAddress &) {
         return f.click && f.deliveredAtMs > 0 && f.atMs >= f.deliveredAtMs &&
                f.atMs - f.deliveredAtMs < MachineRules::kTooSoonMs;
     }},
    {"every-link", Kind::Machine,
     [](const HitFacts &f, const QHostAddress &) {
         return f.click && f.linksInMessage >= 2 && f.linksClickedInSecond >= f.linksInMessage;
     }},
};

} // namespace

HitVerdict MachineRules::judge(const HitFacts &facts)
{
    const QHostAddress ip(facts.ip);
    for (const Rule &rule : kRules) {
        if (rule.matches(facts, ip))
            return {rule.kind, QLatin1String(rule.name)};
    }
    return {Kind::Human, QString()};
}

} // namespace masir
