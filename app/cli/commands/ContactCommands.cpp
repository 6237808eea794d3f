// masir-cli: contacts count, contacts export, demo, workspace schema and push.

#include "CliCommand.h"

#include "contacts/ContactRepository.h"
#include "demo/DemoWorkspace.h"
#include "exporting/ContactExporter.h"
#include "storage/Database.h"
#include "storage/SchemaCatalog.h"
#include "storage/WorkspacePush.h"

#include <QDir>
#include <QLocale>

namespace masir {

namespace {

class ContactsCount final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ContactsCount()
        : CliCommand({QStringLiteral("contacts count"),
                      QStringLiteral("[--search T]"),
                      tr("print the number of contacts"),
                      {{QStringLiteral("search"), tr("Count only contacts matching TEXT."),
                        QStringLiteral("TEXT")}}})
    {}
    int check(CliRun &run) const override
    {
        return run.words.isEmpty() ? Proceed : run.usageError(tr("contacts count takes no file."));
    }
    int execute(CliRun &run) const override
    {
        ContactQuery query;
        query.search = run.value(QStringLiteral("search"));
        run.out << ContactRepository(*run.db).count(query) << '\n';
        return 0;
    }
};

class ContactsExport final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ContactsExport()
        : CliCommand({QStringLiteral("contacts export"),
                      QStringLiteral("FILE.csv [--bom] [--list L]"),
                      tr("export every contact as UTF-8 CSV"),
                      {{QStringLiteral("bom"), tr("Start the file with a UTF-8 BOM (for Excel).")},
                       {QStringLiteral("list"), tr("Export only the members of this static list."),
                        QStringLiteral("L")}}})
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 1
                   ? Proceed
                   : run.usageError(tr("contacts export needs the path of the CSV file to write."));
    }
    int execute(CliRun &run) const override
    {
        const QString path = run.words.first();
        ContactExporter exporter(*run.db);
        ContactExporter::Options options;
        options.excelBom = run.isSet(QStringLiteral("bom"));
        options.staticList = run.value(QStringLiteral("list"));
        const qint64 n = exporter.exportCsv(path, options);
        if (n < 0)
            return run.fail(exporter.errorString());
        run.err << tr("Exported %n contact(s) to %1.", nullptr, int(n))
                       .arg(QDir::toNativeSeparators(path))
                << '\n';
        return 0;
    }
};

class Demo final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    Demo()
        : CliCommand({QStringLiteral("demo"),
                      QStringLiteral("[--contacts N] [--no-events] [--samples]"),
                      tr("add generated sample contacts"),
                      {{QStringLiteral("contacts"), tr("How many contacts to add (default 2000)."),
                        QStringLiteral("N"), QStringLiteral("2000")},
                       {QStringLiteral("no-events"), tr("Do not write timelines.")},
                       {QStringLiteral("samples"),
                        tr("Also add the sample segments, list, journeys and campaign, as the "
                           "app's demo does.")},
                       {QStringLiteral("seed"), tr("Random seed."), QStringLiteral("N"),
                        QStringLiteral("1403")}}})
    {}
    int check(CliRun &run) const override
    {
        bool ok = false;
        const int contacts = run.value(QStringLiteral("contacts")).toInt(&ok);
        if (!ok || contacts < 1)
            return run.usageError(tr("--contacts needs a positive whole number."));
        run.value(QStringLiteral("seed")).toUInt(&ok);
        if (!ok)
            return run.usageError(tr("--seed needs a whole number."));
        return run.words.isEmpty() ? Proceed : run.usageError(tr("demo takes only options."));
    }
    int execute(CliRun &run) const override
    {
        DemoWorkspace::Options options;
        options.contacts = run.value(QStringLiteral("contacts")).toInt();
        options.seed = run.value(QStringLiteral("seed")).toUInt();
        options.events = !run.isSet(QStringLiteral("no-events"));
        options.language = QLocale().name().left(2);
        DemoWorkspace demo(*run.db);
        if (!demo.populate(options))
            return run.fail(demo.errorString());
        if (run.isSet(QStringLiteral("samples")) && !demo.addSamples(QLocale().name().left(2)))
            return run.fail(demo.errorString());
        run.err << tr("Added %n demo contact(s).", nullptr, options.contacts) << '\n';
        return 0;
    }
};

} // namespace

class WorkspaceSchema final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    WorkspaceSchema()
        : CliCommand({QStringLiteral("workspace schema"), QString(),
                      tr("print the workspace's tables, columns, keys and indexes as the "
                         "database has them (compare a server's with a file's)")})
    {}
    int check(CliRun &run) const override
    {
        return run.words.isEmpty() ? Proceed
                                   : run.usageError(tr("workspace schema takes no arguments."));
    }
    int execute(CliRun &run) const override
    {
        QString error;
        const QStringList lines = SchemaCatalog::describe(*run.db, &error);
        if (lines.isEmpty())
            return run.fail(tr("Cannot read the workspace's schema: %1").arg(error));
        run.out << tr("schema version %1").arg(run.db->schemaVersion()) << '\n';
        for (const QString &line : lines)
            run.out << line << '\n';
        return 0;
    }
};

class WorkspacePushCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    WorkspacePushCommand()
        : CliCommand({QStringLiteral("workspace push"), QStringLiteral("FILE URL"),
                      tr("copy a workspace file into a new workspace on a PostgreSQL server "
                         "(postgresql://user@server/database; password: PGPASSWORD)")})
    {}
    int check(CliRun &run) const override
    {
        return run.words.size() == 2
                   ? Proceed
                   : run.usageError(tr("workspace push needs the file and the server's "
                                       "postgresql:// address."));
    }
    int execute(CliRun &run) const override
    {
        Database file(run.words.at(0), Database::Mode::ReadOnly);
        if (!file.open())
            return run.fail(file.errorString());
        Database server(run.words.at(1));
        if (!server.open())
            return run.fail(server.errorString());
        QString error;
        const bool pushed =
            WorkspacePush::push(file, server, &error, [&run](const QString &table, qint64 rows) {
                run.err << tr("%1: %2 rows").arg(table).arg(rows) << '\n';
            });
        if (!pushed)
            return run.fail(tr("Nothing was copied: %1").arg(error));
        run.err << tr("Copied %1 to %2.")
                       .arg(QDir::toNativeSeparators(file.path()), server.displayName())
                << '\n';
        return 0;
    }
};

void addContactCommands(CliCommands &commands)
{
    commands.push_back(std::make_unique<WorkspacePushCommand>());
    commands.push_back(std::make_unique<WorkspaceSchema>());
    commands.push_back(std::make_unique<ContactsCount>());
    commands.push_back(std::make_unique<ContactsExport>());
    commands.push_back(std::make_unique<Demo>());
}

} // namespace masir
