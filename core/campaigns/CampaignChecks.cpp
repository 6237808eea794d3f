#include "campaigns/CampaignChecks.h"

#include "common/Clock.h"
#include "common/Logging.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/MessageTemplate.h"
#include "messaging/TestSend.h"
#include "segments/SegmentCompiler.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QLocale>
#include <QSqlQuery>
#include <QTime>

namespace masir {

CampaignChecks::CampaignChecks(const Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

std::optional<bool> CampaignChecks::isMarketing(const Campaign &c) const
{
    const auto t = TemplateRepository(m_db).find(c.templateName);
    if (!t)
        return std::nullopt;
    return t->marketing;
}

std::optional<AudienceSql> CampaignChecks::audienceSql(const Campaign &c, QStringList *errors) const
{
    if (c.audience.isEmpty()) {
        *errors << tr("Choose at least one segment or list to send to.");
        return std::nullopt;
    }
    SegmentContext context;
    context.now = m_clock.now();
    const CompiledSegment compiled = SegmentCompiler(m_db, context).compile(c.audience.rule());
    if (!compiled.ok()) {
        for (const SegmentError &e : compiled.errors)
            *errors << e.message;
        return std::nullopt;
    }
    const bool sms = c.channel == QLatin1String("sms");
    const bool marketing = isMarketing(c).value_or(true);
    AudienceSql out;
    out.inAudience = compiled.where;
    out.inAudienceBinds = compiled.binds;
    const QString address =
        sms ? QStringLiteral("contacts.phone") : QStringLiteral("contacts.email");
    const QString consent =
        sms ? QStringLiteral("contacts.sms_consent") : QStringLiteral("contacts.email_consent");
    // As the sender decides at send time (OutboxSender): marketing needs an
    // active contact who has not withdrawn consent; every message needs an
    // address off the suppression list (unsubscribes stop marketing only).
    out.sendable =
        QStringLiteral("%1 <> '' AND %2 AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE "
                       "s.channel = ? AND s.address = %1 AND (? = 1 OR s.reason <> "
                       "'unsubscribe'))")
            .arg(address, marketing ? QStringLiteral("contacts.status = 'active' AND %1 <> "
                                                     "'withdrawn'")
                                          .arg(consent)
                                    : QStringLiteral("contacts.status NOT IN ('bounced', "
                                                     "'complained')"));
    out.sendableBinds = {c.channel, marketing ? 1 : 0};
    return out;
}

std::optional<AudienceCounts> CampaignChecks::count(const Campaign &c)
{
    QStringList errors;
    const auto sql = audienceSql(c, &errors);
    if (!sql) {
        m_error = errors.join(QLatin1Char('\n'));
        return std::nullopt;
    }
    const bool sms = c.channel == QLatin1String("sms");
    const bool marketing = isMarketing(c).value_or(true);
    const QString address =
        sms ? QStringLiteral("contacts.phone") : QStringLiteral("contacts.email");
    const QString consent =
        sms ? QStringLiteral("contacts.sms_consent") : QStringLiteral("contacts.email_consent");
    const QString unwilling =
        marketing ? QStringLiteral("(contacts.status <> 'active' OR %1 = 'withdrawn')").arg(consent)
                  : QStringLiteral("contacts.status IN ('bounced', 'complained')");
    QVariantList binds = sql->sendableBinds;
    binds << sql->inAudienceBinds;
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcCampaigns(), q,
                   QStringLiteral("SELECT count(*), sum(CASE WHEN %1 = '' THEN 1 ELSE 0 END), "
                                  "sum(CASE WHEN %1 <> '' AND %2 THEN 1 ELSE 0 END), "
                                  "sum(CASE WHEN %3 THEN 1 ELSE 0 END) FROM contacts WHERE %4")
                       .arg(address, unwilling, sql->sendable, sql->inAudience),
                   binds, &m_error) ||
        !q.next())
        return std::nullopt;
    AudienceCounts counts;
    counts.audience = q.value(0).toLongLong();
    counts.noAddress = q.value(1).toLongLong();
    counts.unwilling = q.value(2).toLongLong();
    counts.sendable = q.value(3).toLongLong();
    counts.suppressed = std::max<qint64>(0, counts.audience - counts.noAddress - counts.unwilling -
                                                counts.sendable);
    q.finish();
    const int cap = WorkspaceSettings(m_db).value(WorkspaceSettings::Key::EmailsPerDay).toInt();
    if (!sms && marketing && cap > 0) {
        QVariantList capBinds{m_clock.nowMs() - 24 * 3600 * 1000LL, cap};
        capBinds << sql->sendableBinds << sql->inAudienceBinds;
        if (!Sql::exec(lcCampaigns(), q,
                       QStringLiteral("SELECT count(*) FROM contacts WHERE (SELECT count(*) FROM "
                                      "outbox o WHERE o.contact_id = contacts.id AND o.channel = "
                                      "'email' AND o.marketing = 1 AND o.state IN ('sending', "
                                      "'sent') AND o.claimed_at > ?) >= ? AND %1 AND %2")
                           .arg(sql->sendable, sql->inAudience),
                       capBinds, &m_error) ||
            !q.next())
            return std::nullopt;
        counts.atDailyCap = q.value(0).toLongLong();
    }
    return counts;
}

QStringList CampaignChecks::templateProblems(const Campaign &c) const
{
    QStringList out;
    QStringList names{c.templateName};
    for (const AbVariant &v : c.ab.variants)
        if (!v.templateName.isEmpty() && !names.contains(v.templateName))
            names << v.templateName;
    TemplateRepository templates(m_db);
    for (const QString &name : std::as_const(names)) {
        auto t = templates.find(name);
        if (!t) {
            out << tr("There is no template named \"%1\": create it on the Templates page, or "
                      "choose another.")
                       .arg(name);
            continue;
        }
        if (t->channel != c.channel) {
            out << tr("Template \"%1\" is for %2, but the campaign sends %3.")
                       .arg(name, t->channel, c.channel);
            continue;
        }
        // Consent and unsubscribe follow the main template: a variant may not differ.
        if (const auto main = templates.find(c.templateName);
            main && name != c.templateName && main->marketing != t->marketing)
            out << tr("Template \"%1\" is %2, but the campaign's template is %3: the variants "
                      "must all be marketing or all transactional.")
                       .arg(name, t->marketing ? tr("marketing") : tr("transactional"),
                            main->marketing ? tr("marketing") : tr("transactional"));
        QList<MessageTemplate> versions{*t};
        for (const AbVariant &v : c.ab.variants)
            if (!v.subject.isEmpty() &&
                (v.templateName.isEmpty() ? c.templateName : v.templateName) == name) {
                MessageTemplate other = *t;
                other.subject = v.subject;
                versions << other;
            }
        for (const MessageTemplate &version : std::as_const(versions)) {
            QStringList errors;
            if (!TestSend::sample(m_db, version, &errors))
                out << tr("Template \"%1\" has errors: %2")
                           .arg(name, errors.join(QStringLiteral("; ")));
        }
    }
    return out;
}

QStringList CampaignChecks::accountProblems(const Campaign &c) const
{
    const QList<ChannelAccount> accounts = ChannelAccounts(m_db).list();
    QStringList out;
    bool usable = false;
    for (const ChannelAccount &a : accounts) {
        if (a.channel() != c.channel || (!c.account.isEmpty() && a.name != c.account))
            continue;
        if (!a.enabled) {
            if (!c.account.isEmpty())
                out << tr("Account \"%1\" is turned off: turn it on in Settings → Channels.")
                           .arg(a.name);
            continue;
        }
        const QStringList problems = ChannelAccounts::validate(a);
        if (!problems.isEmpty()) {
            out << tr("Account \"%1\": %2").arg(a.name, problems.join(QStringLiteral("; ")));
            continue;
        }
        usable = true;
    }
    if (!usable && out.isEmpty())
        out << (c.account.isEmpty()
                    ? tr("There is no %1 account to send from: add one in Settings → Channels.")
                          .arg(c.channel == QLatin1String("sms") ? tr("SMS") : tr("email"))
                    : tr("There is no %1 account named \"%2\".")
                          .arg(c.channel == QLatin1String("sms") ? tr("SMS") : tr("email"),
                               c.account));
    return usable ? QStringList() : out;
}

QStringList CampaignChecks::scheduleProblems(const Campaign &c) const
{
    const qint64 now = m_clock.nowMs();
    if (c.schedule == Campaign::Schedule::At && c.sendAtMs < now - 60 * 1000)
        return {tr("The send time has passed: choose a time in the future, or send now.")};
    if (c.schedule == Campaign::Schedule::LocalTime) {
        // The last zone (UTC−12) reaches the time 12 hours after UTC does.
        const QTime time = QTime::fromString(c.localTime, QStringLiteral("HH:mm"));
        const QDate day = QDateTime::fromMSecsSinceEpoch(c.sendAtMs).date();
        const qint64 last = QDateTime(day, time, Qt::UTC).toMSecsSinceEpoch() + 12 * 3600 * 1000LL;
        if (time.isValid() && last < now)
            return {tr("%1 has passed in every time zone on that day: choose a later day.")
                        .arg(c.localTime)};
    }
    return {};
}

QStringList CampaignChecks::problems(const Campaign &c, When when)
{
    QStringList out = c.problems();
    if (!out.isEmpty())
        return out;
    out << templateProblems(c) << accountProblems(c);
    if (when == When::Scheduling)
        out << scheduleProblems(c);
    QStringList audienceErrors;
    if (!audienceSql(c, &audienceErrors)) {
        out << audienceErrors;
        return out;
    }
    if (when == When::Starting)
        return out;
    const auto counts = count(c);
    if (!counts) {
        out << m_error;
        return out;
    }
    if (counts->sendable == 0)
        out << (counts->audience == 0
                    ? tr("The audience is empty: no contact is in the chosen segments.")
                    : tr("No one in the audience can be sent to: of %L1 contacts, %L2 have no "
                         "address, %L3 unsubscribed, bounced or withdrew consent, and %L4 are "
                         "suppressed.")
                          .arg(counts->audience)
                          .arg(counts->noAddress)
                          .arg(counts->unwilling)
                          .arg(counts->suppressed));
    return out;
}

} // namespace masir
