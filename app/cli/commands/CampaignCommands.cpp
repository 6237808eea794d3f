// masir-cli: broadcast campaigns.

#include "CliCommand.h"

#include "campaigns/AbDecision.h"
#include "campaigns/CampaignChecks.h"
#include "campaigns/CampaignListModel.h"
#include "campaigns/CampaignReport.h"
#include "campaigns/CampaignRepository.h"
#include "campaigns/CampaignRunner.h"
#include "common/Clock.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/MessageTemplate.h"
#include "messaging/Outbox.h"
#include "messaging/TestSend.h"
#include "settings/WorkspaceSettings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTime>

namespace masir {

namespace {

QCommandLineOption jsonOption()
{
    return {QStringLiteral("json"), CliRun::tr("Print JSON.")};
}

QStringList names(const QString &option)
{
    QStringList out;
    for (const QString &n : option.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString t = n.trimmed(); !t.isEmpty())
            out << t;
    return out;
}

QString time(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODate) : QString();
}

QJsonObject countsJson(const AudienceCounts &c)
{
    return {
        {QStringLiteral("audience"), c.audience},   {QStringLiteral("noAddress"), c.noAddress},
        {QStringLiteral("unwilling"), c.unwilling}, {QStringLiteral("suppressed"), c.suppressed},
        {QStringLiteral("sendable"), c.sendable},   {QStringLiteral("atDailyCap"), c.atDailyCap}};
}

QJsonObject campaignJson(const Campaign &c)
{
    QJsonObject o{{QStringLiteral("name"), c.name},
                  {QStringLiteral("channel"), c.channel},
                  {QStringLiteral("template"), c.templateName},
                  {QStringLiteral("audience"), c.audience.toJson()},
                  {QStringLiteral("account"), c.account},
                  {QStringLiteral("schedule"), Campaign::scheduleKey(c.schedule)},
                  {QStringLiteral("sendAt"), time(c.sendAtMs)},
                  {QStringLiteral("localTime"), c.localTime},
                  {QStringLiteral("state"), c.state},
                  {QStringLiteral("phase"), c.phase},
                  {QStringLiteral("recipients"), c.recipients},
                  {QStringLiteral("started"), time(c.startedAtMs)},
                  {QStringLiteral("finished"), time(c.finishedAtMs)},
                  {QStringLiteral("error"), c.error}};
    if (c.ab.isEnabled()) {
        o.insert(QStringLiteral("ab"), c.ab.toJson());
        o.insert(QStringLiteral("testEnds"), time(c.testEndsAtMs));
        o.insert(QStringLiteral("winner"), c.winner);
        o.insert(QStringLiteral("decision"), c.decision);
    }
    return o;
}

/// campaign create
class CampaignCreate final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CampaignCreate()
        : CliCommand(
              {QStringLiteral("campaign create"),
               QStringLiteral("--name N --audience SEGMENT[,LIST...] --template T [--exclude "
                              "SEGMENT,...] [--at DATETIME | --local-time HH:MM [--on DATE] | "
                              "--best-time [--at DATETIME]] "
                              "[--ab-file FILE.json] [--account NAME] [--draft] [--json]"),
               tr("create a campaign and schedule it (it starts at its time in the worker)"),
               {{QStringLiteral("name"), tr("The campaign's name."), QStringLiteral("N")},
                {QStringLiteral("audience"), tr("Segments and lists to send to, by name."),
                 QStringLiteral("NAMES")},
                {QStringLiteral("exclude"), tr("Segments and lists to leave out."),
                 QStringLiteral("NAMES")},
                {QStringLiteral("template"), tr("The template to send."), QStringLiteral("T")},
                {QStringLiteral("at"), tr("Send at this time (ISO 8601, your zone unless given)."),
                 QStringLiteral("DATETIME")},
                {QStringLiteral("local-time"),
                 tr("Send at this time of day in each contact's time zone."),
                 QStringLiteral("HH:MM")},
                {QStringLiteral("on"), tr("The day for --local-time (default: today)."),
                 QStringLiteral("DATE")},
                {QStringLiteral("best-time"),
                 tr("Send at each contact's best hour in the next 24 hours (from --at if "
                    "given).")},
                {QStringLiteral("ab-file"), tr("An A/B test, as JSON."), QStringLiteral("FILE")},
                {QStringLiteral("account"),
                 tr("Send from this account only (default: the channel's accounts in turn)."),
                 QStringLiteral("NAME")},
                {QStringLiteral("draft"), tr("Save it as a draft; do not schedule it.")},
                jsonOption()}})
    {}

    int check(CliRun &run) const override
    {
        for (const char *required : {"name", "audience", "template"})
            if (!run.isSet(QLatin1String(required)))
                return run.usageError(
                    tr("campaign create needs --name, --audience and --template."));
        if (run.isSet(QStringLiteral("local-time")) &&
            (run.isSet(QStringLiteral("at")) || run.isSet(QStringLiteral("best-time"))))
            return run.usageError(tr("Give --at or --local-time, not both."));
        return Proceed;
    }

    int execute(CliRun &run) const override
    {
        Campaign c;
        c.name = run.value(QStringLiteral("name"));
        c.templateName = run.value(QStringLiteral("template")).trimmed();
        if (const auto t = TemplateRepository(*run.db).find(c.templateName))
            c.channel = t->channel;
        c.audience.include = names(run.value(QStringLiteral("audience")));
        c.audience.exclude = names(run.value(QStringLiteral("exclude")));
        c.account = run.value(QStringLiteral("account")).trimmed();
        if (run.isSet(QStringLiteral("at"))) {
            QDateTime at = QDateTime::fromString(run.value(QStringLiteral("at")), Qt::ISODate);
            if (!at.isValid())
                return run.usageError(tr("--at: \"%1\" is not a date and time such as "
                                         "2026-12-10T09:30.")
                                          .arg(run.value(QStringLiteral("at"))));
            c.schedule = run.isSet(QStringLiteral("best-time")) ? Campaign::Schedule::BestHour
                                                                : Campaign::Schedule::At;
            c.sendAtMs = at.toMSecsSinceEpoch();
        } else if (run.isSet(QStringLiteral("best-time"))) {
            c.schedule = Campaign::Schedule::BestHour;
        } else if (run.isSet(QStringLiteral("local-time"))) {
            c.schedule = Campaign::Schedule::LocalTime;
            c.localTime = run.value(QStringLiteral("local-time"));
            QDate day = QDate::currentDate();
            if (run.isSet(QStringLiteral("on"))) {
                day = QDate::fromString(run.value(QStringLiteral("on")), Qt::ISODate);
                if (!day.isValid())
                    return run.usageError(tr("--on: \"%1\" is not a date such as 2026-12-10.")
                                              .arg(run.value(QStringLiteral("on"))));
            }
            c.sendAtMs = QDateTime(day, QTime(12, 0)).toMSecsSinceEpoch();
        }
        if (run.isSet(QStringLiteral("ab-file"))) {
            QFile file(run.value(QStringLiteral("ab-file")));
            if (!file.open(QIODevice::ReadOnly))
                return run.fail(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
            if (!doc.isObject())
                return run.fail(tr("%1 is not a JSON object: %2")
                                    .arg(file.fileName(), parseError.errorString()));
            QString error;
            const auto ab = AbTest::fromJson(doc.object(), &error);
            if (!ab)
                return run.fail(tr("%1: %2").arg(file.fileName(), error));
            c.ab = *ab;
        }
        CampaignRepository campaigns(*run.db);
        if (!campaigns.save(c))
            return run.fail(campaigns.errorString());
        SystemClock clock;
        CampaignChecks checks(*run.db, clock);
        const QStringList problems = checks.problems(c);
        const auto counts = checks.count(c);
        const bool schedule = problems.isEmpty() && !run.isSet(QStringLiteral("draft"));
        if (schedule && !campaigns.schedule(c.id))
            return run.fail(campaigns.errorString());
        if (run.json()) {
            QJsonObject o{{QStringLiteral("name"), c.name},
                          {QStringLiteral("state"),
                           schedule ? QStringLiteral("scheduled") : QStringLiteral("draft")},
                          {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
            if (counts)
                o.insert(QStringLiteral("counts"), countsJson(*counts));
            run.printJson(o, true);
        } else {
            if (counts)
                run.out << tr("Audience: %L1; can be sent to: %L2 (%L3 without an address, %L4 "
                              "unsubscribed, bounced or without consent, %L5 suppressed; %L6 wait "
                              "for the daily cap)")
                               .arg(counts->audience)
                               .arg(counts->sendable)
                               .arg(counts->noAddress)
                               .arg(counts->unwilling)
                               .arg(counts->suppressed)
                               .arg(counts->atDailyCap)
                        << '\n';
            run.out << (schedule ? tr("Campaign \"%1\" is scheduled; the worker sends it "
                                      "(masir-cli worker run, or the app).")
                                 : tr("Campaign \"%1\" is saved as a draft."))
                           .arg(c.name)
                    << '\n';
        }
        for (const QString &p : problems)
            run.err << p << '\n';
        return problems.isEmpty() ? 0 : 1;
    }
};

class CampaignList final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CampaignList()
        : CliCommand({QStringLiteral("campaign list"),
                      QStringLiteral("[--json]"),
                      tr("list campaigns"),
                      {jsonOption()},
                      Workspace::ReadOnly})
    {}
    int execute(CliRun &run) const override
    {
        CampaignRepository campaigns(*run.db);
        const auto list = campaigns.list();
        if (!list)
            return run.fail(campaigns.errorString());
        QJsonArray out;
        for (const Campaign &c : *list) {
            if (run.json())
                out.append(campaignJson(c));
            else
                run.out << c.name << '\t' << c.state << '\t' << c.channel << '\t' << c.templateName
                        << '\t' << c.recipients << '\t' << time(c.startedAtMs) << '\n';
        }
        if (run.json())
            run.printJson(out, true);
        return 0;
    }
};

/// Commands that name one campaign.
class OneCampaign : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    using CliCommand::CliCommand;
    int check(CliRun &run) const override
    {
        return run.words.size() == wordCount()
                   ? Proceed
                   : run.usageError(
                         tr("%1 needs %2.").arg(definition().name, definition().arguments));
    }

protected:
    virtual qsizetype wordCount() const { return 1; }
    std::optional<Campaign> campaign(CliRun &run) const
    {
        CampaignRepository campaigns(*run.db);
        auto c = campaigns.find(run.words.first());
        if (!c)
            run.fail(campaigns.errorString().isEmpty()
                         ? tr("There is no campaign named \"%1\".").arg(run.words.first())
                         : campaigns.errorString());
        return c;
    }
};

class CampaignShow final : public OneCampaign
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CampaignShow()
        : OneCampaign({QStringLiteral("campaign show"),
                       QStringLiteral("NAME [--json]"),
                       tr("show a campaign, its progress and its audience's counts"),
                       {jsonOption()},
                       Workspace::ReadOnly})
    {}
    int execute(CliRun &run) const override
    {
        const auto c = campaign(run);
        if (!c)
            return 1;
        QJsonObject o = campaignJson(*c);
        const auto messages = Outbox(*run.db).campaignCounts(c->id);
        if (!messages)
            return run.fail(tr("Cannot read the outbox."));
        QJsonObject progress;
        for (auto it = messages->cbegin(); it != messages->cend(); ++it)
            progress.insert(it.key(), it.value());
        progress.insert(QStringLiteral("left"), CampaignRow{*c, *messages}.left());
        o.insert(QStringLiteral("messages"), progress);
        if (c->isEditable()) {
            SystemClock clock;
            CampaignChecks checks(*run.db, clock);
            if (const auto counts = checks.count(*c))
                o.insert(QStringLiteral("counts"), countsJson(*counts));
            o.insert(QStringLiteral("problems"), QJsonArray::fromStringList(checks.problems(*c)));
        }
        if (run.json()) {
            run.printJson(o, true);
            return 0;
        }
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QJsonValue v = it.value();
            run.out << it.key() << ": "
                    << (v.isObject() || v.isArray()
                            ? QString::fromUtf8(
                                  v.isObject()
                                      ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                      : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact))
                            : v.toVariant().toString())
                    << '\n';
        }
        return 0;
    }
};

/// campaign pause, resume, cancel, duplicate and delete.
class CampaignChange final : public OneCampaign
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    enum class Action
    {
        Pause,
        Resume,
        Cancel,
        Duplicate,
        Delete,
    };
    explicit CampaignChange(Action action)
        : OneCampaign(definition(action))
        , m_action(action)
    {}
    int execute(CliRun &run) const override
    {
        const auto c = campaign(run);
        if (!c)
            return 1;
        CampaignRepository campaigns(*run.db);
        bool ok = false;
        switch (m_action) {
        case Action::Pause:
            ok = campaigns.pause(c->id);
            break;
        case Action::Resume:
            ok = campaigns.resume(c->id);
            break;
        case Action::Cancel:
            ok = campaigns.cancel(c->id);
            break;
        case Action::Delete:
            ok = campaigns.remove(c->id);
            break;
        case Action::Duplicate:
            if (const auto copy = campaigns.duplicate(c->id)) {
                run.out << copy->name << '\n';
                return 0;
            }
            break;
        }
        if (!ok)
            return run.fail(campaigns.errorString());
        return 0;
    }

private:
    static Definition definition(Action a)
    {
        switch (a) {
        case Action::Pause:
            return {QStringLiteral("campaign pause"), QStringLiteral("NAME"),
                    tr("pause a sending campaign: its queued messages wait")};
        case Action::Resume:
            return {QStringLiteral("campaign resume"), QStringLiteral("NAME"),
                    tr("resume a paused campaign")};
        case Action::Cancel:
            return {QStringLiteral("campaign cancel"), QStringLiteral("NAME"),
                    tr("cancel a campaign: what was not sent is cancelled")};
        case Action::Duplicate:
            return {QStringLiteral("campaign duplicate"), QStringLiteral("NAME"),
                    tr("copy a campaign as a new draft")};
        case Action::Delete:
            return {QStringLiteral("campaign delete"), QStringLiteral("NAME"),
                    tr("delete a campaign that is not sending")};
        }
        return {};
    }
    Action m_action;
};

class CampaignSchedule final : public OneCampaign
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CampaignSchedule()
        : OneCampaign({QStringLiteral("campaign schedule"), QStringLiteral("NAME"),
                       tr("check a draft and schedule it")})
    {}
    int execute(CliRun &run) const override
    {
        const auto c = campaign(run);
        if (!c)
            return 1;
        SystemClock clock;
        const QStringList problems = CampaignChecks(*run.db, clock).problems(*c);
        if (!problems.isEmpty())
            return run.fail(problems.join(QLatin1Char('\n')));
        CampaignRepository campaigns(*run.db);
        return campaigns.schedule(c->id) ? 0 : run.fail(campaigns.errorString());
    }
};

class CampaignPick final : public OneCampaign
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CampaignPick()
        : OneCampaign({QStringLiteral("campaign pick"), QStringLiteral("NAME VARIANT"),
                       tr("choose the A/B test's winner (A, B, C or D) for the rest")})
    {}
    qsizetype wordCount() const override { return 2; }
    int execute(CliRun &run) const override
    {
        const auto c = campaign(run);
        if (!c)
            return 1;
        const QString v = run.words.at(1).trimmed().toUpper();
        const int variant = v.size() == 1 ? v.at(0).unicode() - u'A' + 1 : 0;
        SystemClock clock;
        CampaignRunner runner(*run.db, clock);
        return runner.pickWinner(c->id, variant) ? 0 : run.fail(runner.errorString());
    }
};

class CampaignTest final : public OneCampaign
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CampaignTest()
        : OneCampaign({QStringLiteral("campaign test"),
                       QStringLiteral("NAME --to ADDRESS[,...]"),
                       tr("send the campaign's message (each variant) to test addresses"),
                       {{QStringLiteral("to"), tr("Where to send the tests."),
                         QStringLiteral("ADDRESSES")}}})
    {}
    int check(CliRun &run) const override
    {
        if (!run.isSet(QStringLiteral("to")))
            return run.usageError(tr("campaign test needs --to."));
        return OneCampaign::check(run);
    }
    int execute(CliRun &run) const override
    {
        const auto c = campaign(run);
        if (!c)
            return 1;
        std::optional<ChannelAccount> account;
        for (const ChannelAccount &a : ChannelAccounts(*run.db).list())
            if (a.channel() == c->channel && a.enabled &&
                (c->account.isEmpty() || a.name == c->account)) {
                account = a;
                break;
            }
        if (!account)
            return run.fail(tr("There is no %1 account to send from.").arg(c->channel));
        QList<AbVariant> versions = c->ab.isEnabled() ? c->ab.variants : QList<AbVariant>{{}};
        TemplateRepository templates(*run.db);
        int failed = 0;
        for (const AbVariant &v : versions) {
            auto t = templates.find(v.templateName.isEmpty() ? c->templateName : v.templateName);
            if (!t)
                return run.fail(
                    tr("There is no template named \"%1\".")
                        .arg(v.templateName.isEmpty() ? c->templateName : v.templateName));
            if (!v.subject.isEmpty())
                t->subject = v.subject;
            for (const QString &to : names(run.value(QStringLiteral("to")))) {
                const DeliveryResult r = TestSend::send(*run.db, *account, to, t);
                run.out << to << '\t' << t->subject << '\t'
                        << (r.ok() ? tr("sent") : tr("failed: %1").arg(r.reply)) << '\n';
                failed += r.ok() ? 0 : 1;
            }
        }
        return failed ? 1 : 0;
    }
};

class CampaignReportCommand final : public OneCampaign
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CampaignReportCommand()
        : OneCampaign({QStringLiteral("campaign report"),
                       QStringLiteral("NAME [--json]"),
                       tr("what a campaign did: sends, opens, clicks, conversions, by variant"),
                       {jsonOption()},
                       Workspace::ReadOnly})
    {}
    int execute(CliRun &run) const override
    {
        const auto c = campaign(run);
        if (!c)
            return 1;
        const int days =
            WorkspaceSettings(*run.db).value(WorkspaceSettings::Key::AttributionDays).toInt();
        CampaignReport report(*run.db);
        const auto data = report.build(c->id);
        if (!data)
            return run.fail(report.errorString());
        QJsonArray variants;
        for (const CampaignFigures &f : data->variants)
            variants.append(f.toJson());
        QJsonObject o{{QStringLiteral("campaign"), c->name},
                      {QStringLiteral("state"), c->state},
                      {QStringLiteral("recipients"), c->recipients},
                      {QStringLiteral("attributionDays"), days},
                      {QStringLiteral("total"), data->total.toJson()},
                      {QStringLiteral("variants"), variants}};
        if (c->ab.isEnabled())
            o.insert(QStringLiteral("decision"), c->decision);
        if (run.json()) {
            run.printJson(o, true);
            return 0;
        }
        const CampaignFigures &t = data->total;
        run.out << c->name << QStringLiteral(": ")
                << tr("%L1 sent, %L2 delivered, %L3 failed, %L4 bounced; %L5 opened (%L6 opens, "
                      "%L7 by machines), %L8 clicked; %L9 unsubscribed, %L10 complained; %L11 "
                      "conversions, revenue %L12")
                       .arg(t.sent)
                       .arg(t.delivered)
                       .arg(t.failed)
                       .arg(t.bounced)
                       .arg(t.uniqueOpens)
                       .arg(t.opens)
                       .arg(t.machineOpens)
                       .arg(t.uniqueClicks)
                       .arg(t.unsubscribes)
                       .arg(t.complaints)
                       .arg(t.conversions)
                       .arg(t.revenue, 0, 'f', 2)
                << '\n';
        if (c->ab.isEnabled() && c->decision.contains(QStringLiteral("summary")))
            run.out << c->decision.value(QStringLiteral("summary")).toString() << '\n';
        return 0;
    }
};

} // namespace

void addCampaignCommands(CliCommands &commands)
{
    using A = CampaignChange::Action;
    commands.push_back(std::make_unique<CampaignCreate>());
    commands.push_back(std::make_unique<CampaignList>());
    commands.push_back(std::make_unique<CampaignShow>());
    commands.push_back(std::make_unique<CampaignSchedule>());
    commands.push_back(std::make_unique<CampaignChange>(A::Pause));
    commands.push_back(std::make_unique<CampaignChange>(A::Resume));
    commands.push_back(std::make_unique<CampaignChange>(A::Cancel));
    commands.push_back(std::make_unique<CampaignChange>(A::Duplicate));
    commands.push_back(std::make_unique<CampaignChange>(A::Delete));
    commands.push_back(std::make_unique<CampaignPick>());
    commands.push_back(std::make_unique<CampaignTest>());
    commands.push_back(std::make_unique<CampaignReportCommand>());
}

} // namespace masir
