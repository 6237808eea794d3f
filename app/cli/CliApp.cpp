#include "CliApp.h"

#include "contacts/ContactRepository.h"
#include "demo/DemoWorkspace.h"
#include "exporting/ContactExporter.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace masir {

CliApp::CliApp()
    : m_out(stdout)
    , m_err(stderr)
{}

QString CliApp::usage() const
{
    return tr("Usage: masir-cli [--workspace PATH] [--lang en|fa] COMMAND [ARGS]\n"
              "\n"
              "Commands:\n"
              "  version                      print the version of Masir\n"
              "  contacts count [--search T]  print the number of contacts\n"
              "  contacts export FILE.csv [--bom]\n"
              "                               export every contact as UTF-8 CSV\n"
              "  demo [--contacts N] [--no-events]\n"
              "                               add generated sample contacts\n"
              "  check                        check the workspace file for damage\n"
              "\n"
              "Options:\n"
              "  --workspace PATH  the workspace file (default: %1)\n"
              "  --lang en|fa      the language of messages\n"
              "  -h, --help        show this help\n")
        .arg(QDir::toNativeSeparators(Database::defaultWorkspacePath()));
}

int CliApp::usageError(const QString &message)
{
    m_err << "masir-cli: " << message << '\n' << tr("Run masir-cli --help for usage.") << '\n';
    m_err.flush();
    return 2;
}

int CliApp::fail(const QString &message)
{
    m_err << "masir-cli: " << tr("error: %1").arg(message) << '\n';
    m_err.flush();
    return 1;
}

bool CliApp::openWorkspace(Database &db)
{
    if (m_workspace.isEmpty()) {
        // The default location is ours to create; a path the user gives must exist.
        QDir().mkpath(QFileInfo(db.path()).absolutePath());
    }
    if (!db.open()) {
        fail(db.errorString());
        return false;
    }
    return true;
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

    const QString command = args.takeFirst();
    if (command == QLatin1String("version")) {
        m_out << "masir " << QStringLiteral(MASIR_VERSION) << " (schema "
              << Migrations::latestVersion() << ", Qt " << qVersion() << ")\n";
        return 0;
    }
    if (command == QLatin1String("help")) {
        m_out << usage();
        return 0;
    }
    const QString path = m_workspace.isEmpty() ? Database::defaultWorkspacePath() : m_workspace;
    if (command == QLatin1String("contacts")) {
        Database db(path);
        return contacts(db, args);
    }
    if (command == QLatin1String("demo")) {
        Database db(path);
        return demo(db, args);
    }
    if (command == QLatin1String("check")) {
        Database db(path, Database::Mode::ReadOnly);
        return check(db);
    }
    return usageError(tr("Unknown command \"%1\".").arg(command));
}

int CliApp::contacts(Database &db, const QStringList &args)
{
    if (args.isEmpty())
        return usageError(tr("contacts needs a subcommand: count or export."));
    const QString sub = args.first();
    // QCommandLineParser takes the first word as the program's name.
    const QStringList parseArgs = QStringList{QStringLiteral("masir-cli")} + args;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (sub == QLatin1String("count")) {
        parser.addOption({QStringLiteral("search"), tr("Count only contacts matching TEXT."),
                          QStringLiteral("TEXT")});
        if (!parser.parse(parseArgs))
            return usageError(parser.errorText());
        if (parser.positionalArguments().size() != 1)
            return usageError(tr("contacts count takes no file."));
        if (!openWorkspace(db))
            return 1;
        ContactQuery query;
        query.search = parser.value(QStringLiteral("search"));
        m_out << ContactRepository(db).count(query) << '\n';
        return 0;
    }
    if (sub == QLatin1String("export")) {
        parser.addOption(
            {QStringLiteral("bom"), tr("Start the file with a UTF-8 BOM (for Excel).")});
        if (!parser.parse(parseArgs))
            return usageError(parser.errorText());
        const QStringList pos = parser.positionalArguments();
        if (pos.size() != 2)
            return usageError(tr("contacts export needs the path of the CSV file to write."));
        if (!openWorkspace(db))
            return 1;
        ContactExporter exporter(db);
        ContactExporter::Options options;
        options.excelBom = parser.isSet(QStringLiteral("bom"));
        const qint64 n = exporter.exportCsv(pos.at(1), options);
        if (n < 0)
            return fail(exporter.errorString());
        m_err << tr("Exported %n contact(s) to %1.", nullptr, int(n))
                     .arg(QDir::toNativeSeparators(pos.at(1)))
              << '\n';
        return 0;
    }
    return usageError(tr("Unknown subcommand \"contacts %1\".").arg(sub));
}

int CliApp::demo(Database &db, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("contacts"), tr("How many contacts to add (default 2000)."),
                      QStringLiteral("N"), QStringLiteral("2000")});
    parser.addOption({QStringLiteral("no-events"), tr("Do not write timelines.")});
    parser.addOption(
        {QStringLiteral("seed"), tr("Random seed."), QStringLiteral("N"), QStringLiteral("1403")});
    QStringList all = args;
    all.prepend(QStringLiteral("demo"));
    if (!parser.parse(all))
        return usageError(parser.errorText());
    bool ok = false;
    DemoWorkspace::Options options;
    options.contacts = parser.value(QStringLiteral("contacts")).toInt(&ok);
    if (!ok || options.contacts < 1)
        return usageError(tr("--contacts needs a positive whole number."));
    options.seed = parser.value(QStringLiteral("seed")).toUInt(&ok);
    if (!ok)
        return usageError(tr("--seed needs a whole number."));
    options.events = !parser.isSet(QStringLiteral("no-events"));
    if (!openWorkspace(db))
        return 1;
    DemoWorkspace demoWorkspace(db);
    if (!demoWorkspace.populate(options))
        return fail(demoWorkspace.errorString());
    m_err << tr("Added %n demo contact(s).", nullptr, options.contacts) << '\n';
    return 0;
}

int CliApp::check(Database &db)
{
    if (!db.open())
        return fail(db.errorString());
    const QString problems = db.integrityProblems();
    if (!problems.isEmpty())
        return fail(tr("the workspace is damaged:\n%1").arg(problems));
    m_out << "ok\n";
    return 0;
}

} // namespace masir
