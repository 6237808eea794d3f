// masir-cli: segment count, list, save and materialize; score recompute.

#include "CliCommand.h"

#include "scoring/LeadScoring.h"
#include "segments/SegmentRepository.h"
#include "storage/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace masir {

namespace {

QCommandLineOption ruleOption()
{
    return {QStringLiteral("rule"), CliRun::tr("A rule in a JSON file."), QStringLiteral("FILE")};
}

QCommandLineOption jsonOption()
{
    return {QStringLiteral("json"), CliRun::tr("Print JSON.")};
}

/// The rule of --rule FILE.json; nullopt (with the reason said) when it cannot be read.
std::optional<SegmentRule> readRule(CliRun &run)
{
    QFile file(run.value(QStringLiteral("rule")));
    if (!file.open(QIODevice::ReadOnly)) {
        run.fail(CliRun::tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        return std::nullopt;
    }
    QString error;
    const auto rule = SegmentRule::fromJsonBytes(file.readAll(), &error);
    if (!rule)
        run.fail(CliRun::tr("%1: %2").arg(file.fileName(), error));
    return rule;
}

class SegmentCount final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    SegmentCount()
        : CliCommand({QStringLiteral("segment count"),
                      QStringLiteral("(NAME | --rule FILE.json)"),
                      tr("print how many contacts a segment has"),
                      {ruleOption()}})
    {}
    int check(CliRun &run) const override
    {
        const bool hasRule = run.isSet(QStringLiteral("rule"));
        if (hasRule == (run.words.size() == 1) || run.words.size() > 1)
            return run.usageError(tr("segment count takes a segment name or --rule FILE.json."));
        return Proceed;
    }
    int execute(CliRun &run) const override
    {
        SegmentRepository repo(*run.db);
        std::optional<qint64> n;
        if (run.isSet(QStringLiteral("rule"))) {
            const auto rule = readRule(run);
            if (!rule)
                return 1;
            n = repo.count(*rule);
        } else {
            const auto found = repo.findByName(run.words.first());
            if (!found)
                return run.fail(tr("There is no segment called \"%1\".").arg(run.words.first()));
            n = repo.count(found->id);
        }
        if (!n)
            return run.fail(repo.errorString());
        run.out << *n << '\n';
        return 0;
    }
};

class SegmentList final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    SegmentList()
        : CliCommand({QStringLiteral("segment list"),
                      QStringLiteral("[--json]"),
                      tr("list segments and lists with their counts"),
                      {jsonOption()}})
    {}
    int check(CliRun &run) const override
    {
        return run.words.isEmpty() ? Proceed
                                   : run.usageError(tr("segment list takes no arguments."));
    }
    int execute(CliRun &run) const override
    {
        SegmentRepository repo(*run.db);
        QJsonArray list;
        for (const Segment &s : repo.list()) {
            const qint64 n = repo.count(s.id).value_or(-1);
            if (run.json())
                list.append(
                    QJsonObject{{QStringLiteral("id"), s.id},
                                {QStringLiteral("name"), s.name},
                                {QStringLiteral("kind"),
                                 s.isStatic ? QStringLiteral("static") : QStringLiteral("rule")},
                                {QStringLiteral("contacts"), n}});
            else
                run.out << s.id << '\t' << (s.isStatic ? tr("list") : tr("rule")) << '\t' << n
                        << '\t' << s.name << '\n';
        }
        if (run.json())
            run.printJson(list);
        return 0;
    }
};

class SegmentSave final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    SegmentSave()
        : CliCommand({QStringLiteral("segment save"),
                      QStringLiteral("NAME --rule FILE.json"),
                      tr("create or replace a rule segment"),
                      {ruleOption()}})
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 1 && run.isSet(QStringLiteral("rule"))
                   ? Proceed
                   : run.usageError(tr("segment save takes a name and --rule FILE.json."));
    }
    int execute(CliRun &run) const override
    {
        const QString name = run.words.first();
        const auto rule = readRule(run);
        if (!rule)
            return 1;
        Segment s;
        s.rule = *rule;
        SegmentRepository repo(*run.db);
        if (const auto existing = repo.findByName(name)) {
            if (existing->isStatic)
                return run.fail(tr("\"%1\" is a list, not a rule segment.").arg(name));
            s.id = existing->id;
        }
        s.name = name;
        if (!repo.save(s))
            return run.fail(repo.errorString());
        run.out << s.id << '\n';
        return 0;
    }
};

class SegmentMaterialize final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    SegmentMaterialize()
        : CliCommand({QStringLiteral("segment materialize"), QStringLiteral("NAME"),
                      tr("store who is in a rule segment now")})
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 1
                   ? Proceed
                   : run.usageError(tr("segment materialize takes a segment name."));
    }
    int execute(CliRun &run) const override
    {
        SegmentRepository repo(*run.db);
        const auto found = repo.findByName(run.words.first());
        if (!found)
            return run.fail(tr("There is no segment called \"%1\".").arg(run.words.first()));
        const auto n = repo.materialize(found->id);
        if (!n)
            return run.fail(repo.errorString());
        run.out << *n << '\n';
        return 0;
    }
};

class ScoreRecompute final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ScoreRecompute()
        : CliCommand({QStringLiteral("score recompute"), QString(),
                      tr("recompute every score from the history")})
    {}
    int check(CliRun &run) const override
    {
        return run.words.isEmpty() ? Proceed
                                   : run.usageError(tr("score recompute takes no arguments."));
    }
    int execute(CliRun &run) const override
    {
        LeadScoring scoring(*run.db);
        const auto result = scoring.recomputeAll();
        if (!result)
            return run.fail(scoring.errorString());
        run.out << tr("%n score(s) changed", nullptr, int(result->contacts)) << ", "
                << tr("%n lead(s) moved to a later stage", nullptr, int(result->promoted)) << '\n';
        return 0;
    }
};

} // namespace

void addSegmentCommands(CliCommands &commands)
{
    commands.push_back(std::make_unique<SegmentCount>());
    commands.push_back(std::make_unique<SegmentList>());
    commands.push_back(std::make_unique<SegmentSave>());
    commands.push_back(std::make_unique<SegmentMaterialize>());
    commands.push_back(std::make_unique<ScoreRecompute>());
}

} // namespace masir
