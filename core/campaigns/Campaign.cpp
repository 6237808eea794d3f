#include "campaigns/Campaign.h"

#include <QJsonArray>
#include <QTime>

namespace masir {

namespace {

QJsonArray toArray(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QStringList fromArray(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        if (const QString s = item.toString().trimmed(); !s.isEmpty())
            out << s;
    return out;
}

} // namespace

SegmentRule CampaignAudience::rule() const
{
    QList<SegmentNode> any;
    for (const QString &name : include)
        any << SegmentNode::condition(QStringLiteral("segment"), QString(), QStringLiteral("in"),
                                      name);
    QList<SegmentNode> all{SegmentNode::group(true, any)};
    for (const QString &name : exclude)
        all << SegmentNode::condition(QStringLiteral("segment"), QString(),
                                      QStringLiteral("not_in"), name);
    SegmentRule rule;
    rule.root = SegmentNode::group(false, all);
    return rule;
}

QJsonObject CampaignAudience::toJson() const
{
    return {{QStringLiteral("include"), toArray(include)},
            {QStringLiteral("exclude"), toArray(exclude)}};
}

CampaignAudience CampaignAudience::fromJson(const QJsonObject &json)
{
    return {fromArray(json.value(QStringLiteral("include"))),
            fromArray(json.value(QStringLiteral("exclude")))};
}

QString AbTest::metricKey(Metric m)
{
    switch (m) {
    case Metric::Opens:
        return QStringLiteral("opens");
    case Metric::Clicks:
        return QStringLiteral("clicks");
    case Metric::Revenue:
        return QStringLiteral("revenue");
    }
    return {};
}

std::optional<AbTest::Metric> AbTest::metricFromKey(const QString &key)
{
    for (Metric m : {Metric::Opens, Metric::Clicks, Metric::Revenue})
        if (metricKey(m) == key)
            return m;
    return std::nullopt;
}

QJsonObject AbTest::toJson() const
{
    if (!isEnabled())
        return {};
    QJsonArray list;
    for (const AbVariant &v : variants) {
        QJsonObject o;
        if (!v.templateName.isEmpty())
            o.insert(QStringLiteral("template"), v.templateName);
        if (!v.subject.isEmpty())
            o.insert(QStringLiteral("subject"), v.subject);
        if (!v.fromName.isEmpty())
            o.insert(QStringLiteral("fromName"), v.fromName);
        if (v.delayMinutes)
            o.insert(QStringLiteral("delayMinutes"), v.delayMinutes);
        list.append(o);
    }
    return {{QStringLiteral("variants"), list},
            {QStringLiteral("share"), sharePercent},
            {QStringLiteral("metric"), metricKey(metric)},
            {QStringLiteral("waitMinutes"), waitMinutes},
            {QStringLiteral("auto"), automatic}};
}

std::optional<AbTest> AbTest::fromJson(const QJsonObject &json, QString *error)
{
    AbTest t;
    if (json.isEmpty())
        return t;
    const QJsonValue variants = json.value(QStringLiteral("variants"));
    if (!variants.isArray()) {
        *error = Campaign::tr("A/B test: \"variants\" must be a list of variants.");
        return std::nullopt;
    }
    for (const QJsonValue &v : variants.toArray()) {
        const QJsonObject o = v.toObject();
        AbVariant a;
        a.templateName = o.value(QStringLiteral("template")).toString().trimmed();
        a.subject = o.value(QStringLiteral("subject")).toString().trimmed();
        a.fromName = o.value(QStringLiteral("fromName")).toString().trimmed();
        a.delayMinutes = o.value(QStringLiteral("delayMinutes")).toInt();
        if (a.delayMinutes < 0 || a.delayMinutes > 7 * 24 * 60) {
            *error = Campaign::tr("A/B test, variant %1: \"delayMinutes\" must be between 0 and "
                                  "10080 (a week).")
                         .arg(t.variants.size() + 1);
            return std::nullopt;
        }
        t.variants << a;
    }
    if (t.variants.size() < 2 || t.variants.size() > kMaxVariants) {
        *error = Campaign::tr("A/B test: give 2 to %1 variants, not %2.")
                     .arg(kMaxVariants)
                     .arg(t.variants.size());
        return std::nullopt;
    }
    t.sharePercent = json.value(QStringLiteral("share")).toInt(20);
    if (t.sharePercent < 2 || t.sharePercent > 100) {
        *error = Campaign::tr("A/B test: \"share\" is the percentage of the audience in the test, "
                              "from 2 to 100.");
        return std::nullopt;
    }
    const QString metric = json.value(QStringLiteral("metric")).toString(QStringLiteral("opens"));
    const auto m = metricFromKey(metric);
    if (!m) {
        *error = Campaign::tr("A/B test: \"metric\" must be opens, clicks or revenue, not \"%1\".")
                     .arg(metric);
        return std::nullopt;
    }
    t.metric = *m;
    if (json.contains(QStringLiteral("waitHours")))
        t.waitMinutes = int(json.value(QStringLiteral("waitHours")).toDouble() * 60);
    else
        t.waitMinutes = json.value(QStringLiteral("waitMinutes")).toInt(240);
    if (t.waitMinutes < 1 || t.waitMinutes > 30 * 24 * 60) {
        *error = Campaign::tr("A/B test: the wait must be from a minute to 30 days.");
        return std::nullopt;
    }
    t.automatic = json.value(QStringLiteral("auto")).toBool(true);
    return t;
}

QStringList Campaign::states()
{
    return {QStringLiteral("draft"),  QStringLiteral("scheduled"), QStringLiteral("sending"),
            QStringLiteral("paused"), QStringLiteral("done"),      QStringLiteral("cancelled")};
}

QString Campaign::stateLabel(const QString &state)
{
    if (state == QLatin1String("draft"))
        return tr("Draft");
    if (state == QLatin1String("scheduled"))
        return tr("Scheduled");
    if (state == QLatin1String("sending"))
        return tr("Sending");
    if (state == QLatin1String("paused"))
        return tr("Paused");
    if (state == QLatin1String("done"))
        return tr("Done");
    if (state == QLatin1String("cancelled"))
        return tr("Cancelled");
    return state;
}

QString Campaign::scheduleKey(Schedule s)
{
    switch (s) {
    case Schedule::Now:
        return QStringLiteral("now");
    case Schedule::At:
        return QStringLiteral("at");
    case Schedule::LocalTime:
        return QStringLiteral("local");
    case Schedule::BestHour:
        return QStringLiteral("best");
    }
    return {};
}

std::optional<Campaign::Schedule> Campaign::scheduleFromKey(const QString &key)
{
    for (Schedule s : {Schedule::Now, Schedule::At, Schedule::LocalTime, Schedule::BestHour})
        if (scheduleKey(s) == key)
            return s;
    return std::nullopt;
}

QStringList Campaign::problems() const
{
    QStringList out;
    if (name.trimmed().isEmpty())
        out << tr("Give the campaign a name.");
    if (channel != QLatin1String("email") && channel != QLatin1String("sms"))
        out << tr("The channel must be email or SMS.");
    if (templateName.trimmed().isEmpty())
        out << tr("Choose the template the campaign sends.");
    if (audience.isEmpty())
        out << tr("Choose at least one segment or list to send to.");
    if (schedule == Schedule::LocalTime &&
        !QTime::fromString(localTime, QStringLiteral("HH:mm")).isValid())
        out << tr("Give the local time as HH:MM, for example 09:30.");
    if ((schedule == Schedule::At || schedule == Schedule::LocalTime) && sendAtMs <= 0)
        out << tr("Choose when the campaign goes out.");
    return out;
}

} // namespace masir
