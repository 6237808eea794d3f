// masir-cli: contacts count, contacts export and demo.

#include "CliCommand.h"

#include "contacts/ContactRepository.h"
#include "demo/DemoWorkspace.h"
#include "exporting/ContactExporter.h"
#include "storage/Database.h"

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

void addContactCommands(CliCommands &commands)
{
    commands.push_back(std::make_unique<ContactsCount>());
    commands.push_back(std::make_unique<ContactsExport>());
    commands.push_back(std::make_unique<Demo>());
}

} // namespace masir
