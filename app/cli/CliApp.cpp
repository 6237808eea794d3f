#include "CliApp.h"

#include "storage/Database.h"
#include "storage/Migrations.h"

#include <QDir>
#include <QFileInfo>

namespace masir {

namespace {

/// version: what this masir-cli is.
class Version final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    Version()
        : CliCommand({QStringLiteral("version"),
                      QString(),
                      tr("print the version of Masir"),
                      {},
                      Workspace::None})
    {}
    int execute(CliRun &run) const override
    {
        run.out << "masir " << QStringLiteral(MASIR_VERSION) << " (schema "
                << Migrations::latestVersion() << ", Qt " << qVersion() << ")\n";
        return 0;
    }
};

/// check: SQLite's integrity check of the workspace file.
class Check final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    Check()
        : CliCommand({QStringLiteral("check"),
                      QString(),
                      tr("check the workspace file for damage"),
                      {},
                      Workspace::ReadOnly})
    {}
    int execute(CliRun &run) const override
    {
        const QString problems = run.db->integrityProblems();
        if (!problems.isEmpty())
            return run.fail(tr("the workspace is damaged:\n%1").arg(problems));
        run.out << "ok\n";
        return 0;
    }
};

QString synopsis(const CliCommand &c)
{
    const CliCommand::Definition &d = c.definition();
    QString line = d.name;
    if (!d.arguments.isEmpty())
        line += QLatin1Char(' ') + d.arguments;
    return line;
}

} // namespace

CliApp::CliApp()
    : m_out(stdout)
    , m_err(stderr)
{
    m_commands.push_back(std::make_unique<Version>());
    addContactCommands(m_commands);
    addImportCommands(m_commands);
    addSegmentCommands(m_commands);
    addJourneyCommands(m_commands);
    addSendingCommands(m_commands);
    addTrackingCommands(m_commands);
    addCampaignCommands(m_commands);
    addReportCommands(m_commands);
    addCrmCommands(m_commands);
    m_commands.push_back(std::make_unique<Check>());
}

const CliCommand *CliApp::find(const QStringList &words, int *used) const
{
    const CliCommand *best = nullptr;
    for (const auto &c : m_commands) {
        const QStringList name = c->definition().name.split(QLatin1Char(' '));
        if (name.size() > words.size() || words.mid(0, name.size()) != name)
            continue;
        if (!best || name.size() > *used) {
            best = c.get();
            *used = int(name.size());
        }
    }
    return best;
}

QString CliApp::usage() const
{
    QString text = tr("Usage: masir-cli [--workspace PATH] [--lang en|fa] COMMAND [ARGS]\n"
                      "\n"
                      "Commands:\n");
    for (const auto &c : m_commands) {
        const QString line = synopsis(*c);
        text += QStringLiteral("  ") + line;
        text += line.size() < 30 ? QString(31 - line.size(), QLatin1Char(' '))
                                 : QStringLiteral("\n") + QString(33, QLatin1Char(' '));
        text += c->definition().summary + QLatin1Char('\n');
    }
    text += tr("\n"
               "Options:\n"
               "  --workspace PATH  the workspace file (default: %1)\n"
               "  --lang en|fa      the language of messages\n"
               "  -h, --help        show this help; COMMAND --help shows a command's options\n")
                .arg(QDir::toNativeSeparators(Database::defaultWorkspacePath()));
    return text;
}

QString CliApp::usage(const QString &name) const
{
    QString text;
    for (const auto &c : m_commands) {
        const CliCommand::Definition &d = c->definition();
        if (d.name != name && !d.name.startsWith(name + QLatin1Char(' ')))
            continue;
        text += QStringLiteral("masir-cli ") + synopsis(*c) + QLatin1Char('\n');
        text += QStringLiteral("    ") + d.summary + QLatin1Char('\n');
        for (const QCommandLineOption &o : d.options) {
            QString option = QStringLiteral("--") + o.names().constFirst();
            if (!o.valueName().isEmpty())
                option += QLatin1Char(' ') + o.valueName();
            text += QStringLiteral("    ") + option.leftJustified(24) + QLatin1Char(' ') +
                    o.description();
            if (!o.defaultValues().isEmpty())
                text += QLatin1Char(' ') +
                        tr("(default %1)").arg(o.defaultValues().join(QLatin1String(", ")));
            text += QLatin1Char('\n');
        }
        text += QLatin1Char('\n');
    }
    return text;
}

int CliApp::usageError(const QString &message)
{
    m_err << "masir-cli: " << message << '\n' << tr("Run masir-cli --help for usage.") << '\n';
    m_err.flush();
    return 2;
}

int CliApp::run(const QStringList &arguments)
{
    QStringList args = arguments.mid(1);
    // Global options come before the command.
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString opt = args.takeFirst();
        if (opt == QLatin1String("-h") || opt == QLatin1String("--help")) {
            m_out << usage();
            return 0;
        }
        if (opt == QLatin1String("--version")) {
            args.prepend(QStringLiteral("version"));
            break;
        }
        if (opt == QLatin1String("--workspace") || opt == QLatin1String("--lang")) {
            if (args.isEmpty())
                return usageError(tr("%1 needs a value.").arg(opt));
            const QString value = args.takeFirst();
            if (opt == QLatin1String("--workspace"))
                m_workspace = value;
            continue; // --lang is applied in main() before translators are needed
        }
        if (opt.startsWith(QLatin1String("--workspace="))) {
            m_workspace = opt.mid(12);
            continue;
        }
        if (opt.startsWith(QLatin1String("--lang=")))
            continue;
        return usageError(tr("Unknown option %1.").arg(opt));
    }
    if (args.isEmpty())
        return usageError(tr("No command given."));
    if (args.first() == QLatin1String("help")) {
        m_out << (args.size() > 1 ? usage(args.mid(1).join(QLatin1Char(' '))) : usage());
        return 0;
    }
    int used = 0;
    const CliCommand *command = find(args, &used);
    if (!command) {
        // a family's name alone ("journey"), or asking its help
        const QString family = args.first();
        const QString help = usage(family);
        if (!help.isEmpty() && (args.size() == 1 || args.contains(QStringLiteral("--help")))) {
            if (args.size() > 1) {
                m_out << help;
                return 0;
            }
            m_err << help;
            return usageError(tr("%1 needs a subcommand.").arg(family));
        }
        if (!help.isEmpty())
            return usageError(
                tr("Unknown subcommand \"%1\".").arg(args.mid(0, 2).join(QLatin1Char(' '))));
        return usageError(tr("Unknown command \"%1\".").arg(family));
    }
    return runCommand(*command, args.mid(used));
}

int CliApp::runCommand(const CliCommand &command, const QStringList &args)
{
    const CliCommand::Definition &d = command.definition();
    CliRun run(m_out, m_err, d.name);
    run.parser.addOptions(d.options);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this command's options."));
    run.parser.addOption(help);
    // QCommandLineParser takes the first word as the program's name.
    if (!run.parser.parse(QStringList{QStringLiteral("masir-cli")} + args))
        return run.usageError(run.parser.errorText());
    if (run.parser.isSet(help)) {
        m_out << usage(d.name);
        return 0;
    }
    run.words = run.parser.positionalArguments();
    if (const int code = command.check(run); code != CliCommand::Proceed)
        return code;
    if (d.workspace == CliCommand::Workspace::None ||
        (d.workspace == CliCommand::Workspace::IfGiven && m_workspace.isEmpty()))
        return command.execute(run);

    const QString path = m_workspace.isEmpty() ? Database::defaultWorkspacePath() : m_workspace;
    // The default location is ours to create; a path the user gives must exist.
    if (m_workspace.isEmpty() && d.workspace == CliCommand::Workspace::ReadWrite)
        QDir().mkpath(QFileInfo(path).absolutePath());
    Database db(path, d.workspace == CliCommand::Workspace::ReadOnly ? Database::Mode::ReadOnly
                                                                     : Database::Mode::ReadWrite);
    if (!db.open())
        return run.fail(db.errorString());
    run.db = &db;
    return command.execute(run);
}

} // namespace masir
