#include "CliApp.h"

#include "common/Clock.h"
#include "contacts/ContactRepository.h"
#include "demo/DemoWorkspace.h"
#include "exporting/ContactExporter.h"
#include "exporting/CsvWriter.h"
#include "importing/ImportHistory.h"
#include "importing/ImportJob.h"
#include "journeys/JourneyEngine.h"
#include "journeys/JourneyRepository.h"
#include "journeys/JourneySimulator.h"
#include "journeys/JourneyTemplates.h"
#include "journeys/NodeTypes.h"
#include "scheduler/Worker.h"
#include "scoring/LeadScoring.h"
#include "segments/SegmentRepository.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QThread>

#include <atomic>
#include <csignal>

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
              "  contacts export FILE.csv [--bom] [--list L]\n"
              "                               export every contact as UTF-8 CSV\n"
              "  import FILE [--encoding E] [--delimiter D] [--map \"Header=field\" ...]\n"
              "         [--policy skip|fill|overwrite] [--tag T] [--list L] [--region R]\n"
              "         [--dates auto|jalali|gregorian] [--dry-run] [--report rejects.csv] "
              "[--json]\n"
              "                               import contacts from a CSV file\n"
              "  import FILE --preview [--rows N] --json\n"
              "                               show how Masir reads the file\n"
              "  imports [--json]             list past imports\n"
              "  imports undo ID              remove the contacts an import created\n"
              "  demo [--contacts N] [--no-events]\n"
              "                               add generated sample contacts\n"
              "  segment count (NAME | --rule FILE.json)\n"
              "                               print how many contacts a segment has\n"
              "  segment list [--json]        list segments and lists with their counts\n"
              "  segment save NAME --rule FILE.json\n"
              "                               create or replace a rule segment\n"
              "  segment materialize NAME     store who is in a rule segment now\n"
              "  score recompute              recompute every score from the history\n"
              "  journey list [--json]        list journeys with their status and counts\n"
              "  journey import FILE.json [--name N] [--activate]\n"
              "                               save a journey from a file\n"
              "  journey templates [--json]   list the ready journeys to start from\n"
              "  journey create NAME --template KEY\n"
              "                               save a new journey from a template\n"
              "  journey activate|pause NAME  start or pause a journey\n"
              "  journey enrol NAME (--segment S | --all)\n"
              "                               add contacts to a journey by hand\n"
              "  journey simulate NAME (--contact ID ... | --segment S [--sample N]) [--days N] "
              "[--json]\n"
              "                               show what a journey would do, sending nothing\n"
              "  worker run [--once] [--batch N] [--send-budget MS]\n"
              "                               run journeys and send in the foreground (--once: "
              "one cycle)\n"
              "  channel add smtp --name N --host H --port P --security starttls|tls|none\n"
              "         [--user U] [--from \"Name <addr>\"] [--ca-file F] [--auth "
              "plain|login|xoauth2]\n"
              "         [--connections N] [--limits gmail|workspace|...] [--per-second N]\n"
              "         [--per-hour N] [--per-day N] [--replace]\n"
              "                               add an SMTP account (password: MASIR_SMTP_PASSWORD)\n"
              "  channel add sms --name N --preset "
              "twilio|kavenegar|melipayamak|smsir|ghasedak|custom\n"
              "         [--url BASE] [--sender S] [--username U] [--numbers "
              "e164|international|national]\n"
              "                               add an SMS gateway (key: MASIR_SMS_SECRET)\n"
              "  channel list [--json]        list SMTP accounts and SMS gateways\n"
              "  channel test NAME --to ADDRESS_OR_PHONE\n"
              "                               send a test and show the server's reply\n"
              "  channel remove NAME          remove an account and its secret\n"
              "  template add --name N --channel email|sms [--subject S] [--preheader P]\n"
              "         --body-file F.md [--transactional] [--replace]\n"
              "                               add a template (Markdown with merge tags)\n"
              "  template list                list templates\n"
              "  send --template N --to CONTACT_EMAIL_OR_PHONE\n"
              "                               queue one message through the outbox\n"
              "  outbox list [--state S] [--limit N] [--json]\n"
              "                               list messages in the outbox\n"
              "  outbox retry|cancel ID...    resend failed or interrupted, or cancel\n"
              "  unsubscribe TOKEN            unsubscribe the contact of an unsubscribe link\n"
              "  settings get|set KEY [VALUE] read or change a workspace setting (postal-address,\n"
              "                               unsubscribe-url, sending-paused, ...)\n"
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
    if (command == QLatin1String("imports")) {
        Database db(path);
        return imports(db, args);
    }
    if (command == QLatin1String("import")) {
        Database db(path);
        return import(db, args);
    }
    if (command == QLatin1String("demo")) {
        Database db(path);
        return demo(db, args);
    }
    if (command == QLatin1String("segment")) {
        Database db(path);
        return segment(db, args);
    }
    if (command == QLatin1String("score")) {
        Database db(path);
        return score(db, args);
    }
    if (command == QLatin1String("journey")) {
        Database db(path);
        return journey(db, args);
    }
    if (command == QLatin1String("worker")) {
        Database db(path);
        return worker(db, args);
    }
    const std::pair<const char *, int (CliApp::*)(Database &, const QStringList &)> sending[] = {
        {"channel", &CliApp::channel},
        {"template", &CliApp::templates},
        {"send", &CliApp::send},
        {"outbox", &CliApp::outbox},
        {"unsubscribe", &CliApp::unsubscribe},
        {"settings", &CliApp::settings}};
    for (const auto &[name, handler] : sending) {
        if (command == QLatin1String(name)) {
            Database db(path);
            return (this->*handler)(db, args);
        }
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
        parser.addOption({QStringLiteral("list"),
                          tr("Export only the members of this static list."), QStringLiteral("L")});
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
        options.staticList = parser.value(QStringLiteral("list"));
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

int CliApp::segment(Database &db, const QStringList &args)
{
    if (args.isEmpty())
        return usageError(tr("segment needs a subcommand: count, list, save or materialize."));
    const QString sub = args.first();
    const QStringList parseArgs = QStringList{QStringLiteral("masir-cli")} + args;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption(
        {QStringLiteral("rule"), tr("A rule in a JSON file."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), tr("Print JSON.")});
    if (!parser.parse(parseArgs))
        return usageError(parser.errorText());
    const QStringList words = parser.positionalArguments().mid(1);
    auto readRule = [&](SegmentRule &rule) -> bool {
        QFile file(parser.value(QStringLiteral("rule")));
        if (!file.open(QIODevice::ReadOnly)) {
            fail(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
            return false;
        }
        QString error;
        const auto parsed = SegmentRule::fromJsonBytes(file.readAll(), &error);
        if (!parsed) {
            fail(tr("%1: %2").arg(file.fileName(), error));
            return false;
        }
        rule = *parsed;
        return true;
    };
    const bool hasRule = parser.isSet(QStringLiteral("rule"));
    if (sub == QLatin1String("count")) {
        if (hasRule == (words.size() == 1) || words.size() > 1)
            return usageError(tr("segment count takes a segment name or --rule FILE.json."));
        if (!openWorkspace(db))
            return 1;
        SegmentRepository repo(db);
        std::optional<qint64> n;
        if (hasRule) {
            SegmentRule rule;
            if (!readRule(rule))
                return 1;
            n = repo.count(rule);
        } else {
            const auto found = repo.findByName(words.first());
            if (!found)
                return fail(tr("There is no segment called \"%1\".").arg(words.first()));
            n = repo.count(found->id);
        }
        if (!n)
            return fail(repo.errorString());
        m_out << *n << '\n';
        return 0;
    }
    if (sub == QLatin1String("list")) {
        if (!words.isEmpty())
            return usageError(tr("segment list takes no arguments."));
        if (!openWorkspace(db))
            return 1;
        SegmentRepository repo(db);
        QJsonArray list;
        for (const Segment &s : repo.list()) {
            const qint64 n = repo.count(s.id).value_or(-1);
            if (parser.isSet(QStringLiteral("json"))) {
                list.append(
                    QJsonObject{{QStringLiteral("id"), s.id},
                                {QStringLiteral("name"), s.name},
                                {QStringLiteral("kind"),
                                 s.isStatic ? QStringLiteral("static") : QStringLiteral("rule")},
                                {QStringLiteral("contacts"), n}});
            } else {
                m_out << s.id << '\t' << (s.isStatic ? tr("list") : tr("rule")) << '\t' << n << '\t'
                      << s.name << '\n';
            }
        }
        if (parser.isSet(QStringLiteral("json")))
            m_out << QJsonDocument(list).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    if (sub == QLatin1String("save")) {
        if (words.size() != 1 || !hasRule)
            return usageError(tr("segment save takes a name and --rule FILE.json."));
        if (!openWorkspace(db))
            return 1;
        Segment s;
        if (!readRule(s.rule))
            return 1;
        SegmentRepository repo(db);
        if (const auto existing = repo.findByName(words.first())) {
            if (existing->isStatic)
                return fail(tr("\"%1\" is a list, not a rule segment.").arg(words.first()));
            s.id = existing->id;
        }
        s.name = words.first();
        if (!repo.save(s))
            return fail(repo.errorString());
        m_out << s.id << '\n';
        return 0;
    }
    if (sub == QLatin1String("materialize")) {
        if (words.size() != 1)
            return usageError(tr("segment materialize takes a segment name."));
        if (!openWorkspace(db))
            return 1;
        SegmentRepository repo(db);
        const auto found = repo.findByName(words.first());
        if (!found)
            return fail(tr("There is no segment called \"%1\".").arg(words.first()));
        const auto n = repo.materialize(found->id);
        if (!n)
            return fail(repo.errorString());
        m_out << *n << '\n';
        return 0;
    }
    return usageError(tr("Unknown subcommand \"segment %1\".").arg(sub));
}

int CliApp::score(Database &db, const QStringList &args)
{
    if (args != QStringList{QStringLiteral("recompute")})
        return usageError(tr("score needs the subcommand recompute."));
    if (!openWorkspace(db))
        return 1;
    LeadScoring scoring(db);
    const auto result = scoring.recomputeAll();
    if (!result)
        return fail(scoring.errorString());
    m_out << tr("%n score(s) changed", nullptr, int(result->contacts)) << ", "
          << tr("%n lead(s) moved to a later stage", nullptr, int(result->promoted)) << '\n';
    return 0;
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

int CliApp::import(Database &db, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("file"), tr("The CSV file."));
    parser.addOptions({
        {QStringLiteral("encoding"),
         tr("The file's encoding (utf-8, utf-16le, windows-1256, ...)."), QStringLiteral("E")},
        {QStringLiteral("delimiter"), tr("The delimiter: , ; tab or |."), QStringLiteral("D")},
        {QStringLiteral("no-header"), tr("The first row is data, not a header.")},
        {QStringLiteral("map"),
         tr("Map a column: \"Header=field\", \"Header=custom.key\", \"Header=custom.key:number\" "
            "or \"Header=skip\"."),
         QStringLiteral("MAPPING")},
        {QStringLiteral("policy"),
         tr("What to do with existing contacts: skip, fill (default) or overwrite."),
         QStringLiteral("P"), QStringLiteral("fill")},
        {QStringLiteral("no-phone-match"), tr("Match existing contacts on email only.")},
        {QStringLiteral("tag"), tr("Tag every imported contact."), QStringLiteral("T")},
        {QStringLiteral("source"), tr("Source label of created contacts."), QStringLiteral("S")},
        {QStringLiteral("list"), tr("Add every imported contact to this static list."),
         QStringLiteral("L")},
        {QStringLiteral("region"),
         tr("Country for phone numbers without a country code (IR, PL, MY, ...)."),
         QStringLiteral("R")},
        {QStringLiteral("dates"), tr("How to read dates: auto, jalali or gregorian."),
         QStringLiteral("MODE"), QStringLiteral("auto")},
        {QStringLiteral("dry-run"), tr("Read and check the file, write nothing.")},
        {QStringLiteral("report"), tr("Write the rejected rows to this CSV file."),
         QStringLiteral("FILE")},
        {QStringLiteral("json"), tr("Print the result as JSON.")},
        {QStringLiteral("preview"), tr("Only show how the file is read.")},
        {QStringLiteral("rows"), tr("Rows to preview (default 50)."), QStringLiteral("N"),
         QStringLiteral("50")},
        {QStringLiteral("batch"), tr("Rows per transaction."), QStringLiteral("N"),
         QStringLiteral("25000")},
    });
    if (!parser.parse(QStringList{QStringLiteral("masir-cli")} + args))
        return usageError(parser.errorText());
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return usageError(tr("import needs the path of one CSV file."));

    ImportOptions options;
    options.path = pos.first();
    if (!QFileInfo::exists(options.path))
        return fail(tr("%1 does not exist.").arg(QDir::toNativeSeparators(options.path)));
    if (parser.isSet(QStringLiteral("encoding"))) {
        options.encoding = Encodings::fromKey(parser.value(QStringLiteral("encoding")));
        if (!options.encoding)
            return usageError(tr("Unknown encoding \"%1\". Use one of: %2.")
                                  .arg(parser.value(QStringLiteral("encoding")),
                                       QStringLiteral("utf-8, utf-16le, utf-16be, windows-1256, "
                                                      "windows-1250, windows-1252")));
    }
    if (parser.isSet(QStringLiteral("delimiter"))) {
        const QString d = parser.value(QStringLiteral("delimiter"));
        if (d == QLatin1String("tab") || d == QLatin1String("\\t"))
            options.delimiter = QLatin1Char('\t');
        else if (d.size() == 1)
            options.delimiter = d.front();
        else
            return usageError(tr("The delimiter is one character, or \"tab\"."));
    }
    if (parser.isSet(QStringLiteral("no-header")))
        options.hasHeader = false;
    for (const QString &m : parser.values(QStringLiteral("map"))) {
        const qsizetype eq = m.lastIndexOf(QLatin1Char('='));
        if (eq <= 0)
            return usageError(tr("--map takes \"Header=field\", not \"%1\".").arg(m));
        QString target = m.mid(eq + 1).trimmed();
        if (ImportTarget::isCustom(target) && target.contains(QLatin1Char(':'))) {
            const QString typeKey = target.section(QLatin1Char(':'), 1);
            target = target.section(QLatin1Char(':'), 0, 0);
            const auto type = CustomFieldRepository::typeFromKey(typeKey);
            if (!type || *type == FieldType::Choice)
                return usageError(
                    tr("A new custom field is text, number, date or boolean, not \"%1\".")
                        .arg(typeKey));
            options.newFields << FieldDefinition{0, target.mid(7), m.left(eq).trimmed(), *type, {}};
        } else if (target != ImportTarget::Skip && !ImportTarget::isCustom(target) &&
                   !ImportTarget::standard().contains(target)) {
            return usageError(
                tr("\"%1\" is not a contact field. Use one of: %2, custom.KEY or skip.")
                    .arg(target, ImportTarget::standard().join(QStringLiteral(", "))));
        }
        options.overrides.insert(m.left(eq).trimmed(), target);
    }
    const QString policy = parser.value(QStringLiteral("policy"));
    if (policy == QLatin1String("skip"))
        options.policy = ImportOptions::Policy::Skip;
    else if (policy == QLatin1String("fill"))
        options.policy = ImportOptions::Policy::Fill;
    else if (policy == QLatin1String("overwrite"))
        options.policy = ImportOptions::Policy::Overwrite;
    else
        return usageError(tr("--policy is skip, fill or overwrite."));
    const QString dates = parser.value(QStringLiteral("dates"));
    if (dates == QLatin1String("jalali"))
        options.dates = ValueParsers::DateMode::Jalali;
    else if (dates == QLatin1String("gregorian"))
        options.dates = ValueParsers::DateMode::Gregorian;
    else if (dates != QLatin1String("auto"))
        return usageError(tr("--dates is auto, jalali or gregorian."));
    options.matchPhone = !parser.isSet(QStringLiteral("no-phone-match"));
    options.tag = parser.value(QStringLiteral("tag"));
    options.source = parser.value(QStringLiteral("source"));
    options.staticList = parser.value(QStringLiteral("list"));
    options.defaultRegion = parser.value(QStringLiteral("region")).toUpper();
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    bool ok = false;
    options.batchSize = parser.value(QStringLiteral("batch")).toInt(&ok);
    if (!ok || options.batchSize < 1)
        return usageError(tr("--batch needs a positive whole number."));
    const bool json = parser.isSet(QStringLiteral("json"));

    if (!openWorkspace(db))
        return 1;

    if (parser.isSet(QStringLiteral("preview"))) {
        const int rows = parser.value(QStringLiteral("rows")).toInt(&ok);
        if (!ok || rows < 0)
            return usageError(tr("--rows needs a whole number."));
        const ImportPreview p = ImportJob::preview(db, options, rows);
        if (!p.error.isEmpty())
            return fail(p.error);
        QJsonArray rowsJson;
        for (const QStringList &r : p.rows)
            rowsJson.append(QJsonArray::fromStringList(r));
        const QJsonObject out{{QStringLiteral("encoding"), Encodings::key(p.encoding)},
                              {QStringLiteral("delimiter"), QString(p.delimiter)},
                              {QStringLiteral("header"),
                               QJsonArray::fromStringList(p.hasHeader ? p.headers : QStringList())},
                              {QStringLiteral("mapping"), QJsonArray::fromStringList(p.targets)},
                              {QStringLiteral("rows"), rowsJson}};
        m_out << QString::fromUtf8(QJsonDocument(out).toJson(json ? QJsonDocument::Compact
                                                                  : QJsonDocument::Indented))
              << '\n';
        return 0;
    }

    ImportJob job(db, options);
    const ImportReport r = job.run();
    if (r.failed)
        return fail(r.error);
    if (parser.isSet(QStringLiteral("report"))) {
        QSaveFile file(parser.value(QStringLiteral("report")));
        if (!file.open(QIODevice::WriteOnly))
            return fail(tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
        CsvWriter csv(&file);
        csv.writeBom();
        csv.writeRow({QStringLiteral("row"), QStringLiteral("line"), QStringLiteral("severity"),
                      QStringLiteral("field"), QStringLiteral("message"), QStringLiteral("raw")});
        for (const ImportIssue &i : r.issues)
            csv.writeRow({QString::number(i.row), QString::number(i.line),
                          i.rejected ? QStringLiteral("rejected") : QStringLiteral("warning"),
                          i.field, i.message, i.raw});
        if (!file.commit())
            return fail(tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    }
    if (json) {
        const QJsonObject out{{QStringLiteral("created"), r.created},
                              {QStringLiteral("updated"), r.updated},
                              {QStringLiteral("skipped"), r.skipped},
                              {QStringLiteral("rejected"), r.rejected},
                              {QStringLiteral("encoding"), Encodings::key(r.encoding)},
                              {QStringLiteral("delimiter"), QString(r.delimiter)}};
        m_out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact)) << '\n';
    } else {
        m_out << tr("%1 rows: %2 created, %3 updated, %4 skipped, %5 rejected (%6, \"%7\", %8 s)")
                     .arg(r.rows)
                     .arg(r.created)
                     .arg(r.updated)
                     .arg(r.skipped)
                     .arg(r.rejected)
                     .arg(Encodings::key(r.encoding), QString(r.delimiter))
                     .arg(r.seconds, 0, 'f', 2)
              << '\n';
        for (const ImportIssue &i : r.issues)
            m_err << tr("row %1 (line %2): %3%4")
                         .arg(i.row)
                         .arg(i.line)
                         .arg(i.rejected ? tr("rejected: ") : tr("warning: "), i.message)
                  << '\n';
    }
    if (r.cancelled)
        return fail(tr("the import was cancelled"));
    return 0;
}

int CliApp::imports(Database &db, const QStringList &args)
{
    if (!openWorkspace(db))
        return 1;
    ImportHistory history(db);
    history.markInterrupted();
    if (args.value(0) == QLatin1String("undo")) {
        bool ok = false;
        const qint64 id = args.value(1).toLongLong(&ok);
        if (!ok || args.size() != 2)
            return usageError(
                tr("imports undo needs the number of an import (see masir-cli imports)."));
        const qint64 removed = history.undo(id);
        if (removed < 0)
            return fail(history.errorString());
        m_out << tr("Removed %n contact(s).", nullptr, int(removed)) << '\n';
        return 0;
    }
    const bool json = args.contains(QStringLiteral("--json"));
    if (args.size() > (json ? 1 : 0))
        return usageError(tr("Unknown arguments for imports: %1").arg(args.join(QLatin1Char(' '))));
    QJsonArray list;
    for (const ImportRecord &r : history.list()) {
        if (json) {
            list.append(
                QJsonObject{{QStringLiteral("id"), r.id},
                            {QStringLiteral("file"), r.fileName},
                            {QStringLiteral("status"), r.status},
                            {QStringLiteral("rows"), r.rows},
                            {QStringLiteral("created"), r.created},
                            {QStringLiteral("updated"), r.updated},
                            {QStringLiteral("skipped"), r.skipped},
                            {QStringLiteral("rejected"), r.rejected},
                            {QStringLiteral("started"), r.startedAt.toString(Qt::ISODate)}});
        } else {
            m_out << r.id << '\t' << r.startedAt.toLocalTime().toString(Qt::ISODate) << '\t'
                  << r.status << '\t' << r.fileName << '\t'
                  << tr("%1 created, %2 updated, %3 skipped, %4 rejected")
                         .arg(r.created)
                         .arg(r.updated)
                         .arg(r.skipped)
                         .arg(r.rejected)
                  << '\n';
        }
    }
    if (json)
        m_out << QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)) << '\n';
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

namespace {
std::atomic<bool> g_stopWorker{false};
extern "C" void stopWorker(int)
{
    g_stopWorker = true;
}
} // namespace

int CliApp::journey(Database &db, const QStringList &args)
{
    if (args.isEmpty())
        return usageError(
            tr("journey needs a subcommand: list, import, activate, pause or enrol."));
    const QString sub = args.first();
    const QStringList parseArgs = QStringList{QStringLiteral("masir-cli")} + args;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({QStringLiteral("json"), tr("Print JSON.")});
    parser.addOption({QStringLiteral("name"), tr("The journey's name."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("activate"), tr("Start the journey once saved.")});
    parser.addOption(
        {QStringLiteral("segment"), tr("The segment or list to enrol."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("all"), tr("Enrol every contact.")});
    parser.addOption({QStringLiteral("contact"), tr("A contact to simulate (repeatable)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("sample"), tr("How many contacts of the segment to simulate."),
                      QStringLiteral("N"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("days"), tr("How many days to simulate."), QStringLiteral("N"),
                      QStringLiteral("60")});
    parser.addOption(
        {QStringLiteral("template"), tr("The template to start from."), QStringLiteral("KEY")});
    if (!parser.parse(parseArgs))
        return usageError(parser.errorText());
    const QStringList words = parser.positionalArguments().mid(1);
    if (!openWorkspace(db))
        return 1;
    JourneyRepository repo(db);
    auto printIssues = [&] {
        for (const JourneyIssue &i : repo.issues())
            m_err << (i.nodeId.isEmpty() ? tr("journey") : tr("node %1").arg(i.nodeId)) << ": "
                  << i.message << '\n';
        m_err.flush();
    };
    auto named = [&](const QString &name) -> std::optional<Journey> {
        const auto j = repo.findByName(name);
        if (!j)
            fail(tr("There is no journey called \"%1\".").arg(name));
        return j;
    };
    if (sub == QLatin1String("list")) {
        QJsonArray list;
        for (const Journey &j : repo.list()) {
            qint64 waiting = 0;
            qint64 passed = 0;
            for (const JourneyNodeCount &c : repo.counts(j.id)) {
                waiting += c.waiting;
                passed += c.passed;
            }
            if (parser.isSet(QStringLiteral("json")))
                list.append(QJsonObject{{QStringLiteral("name"), j.name},
                                        {QStringLiteral("status"), j.status},
                                        {QStringLiteral("version"), j.version},
                                        {QStringLiteral("inJourney"), waiting},
                                        {QStringLiteral("steps"), passed}});
            else
                m_out << j.name << '\t' << j.status << '\t' << tr("version %1").arg(j.version)
                      << '\t' << tr("%1 in the journey").arg(waiting) << '\n';
        }
        if (parser.isSet(QStringLiteral("json")))
            m_out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (sub == QLatin1String("import")) {
        if (words.size() != 1)
            return usageError(tr("journey import takes one file."));
        QFile file(words.first());
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        QJsonParseError parseError;
        const QJsonObject json = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        if (parseError.error != QJsonParseError::NoError)
            return fail(tr("%1 is not JSON: %2").arg(file.fileName(), parseError.errorString()));
        // Either a bare graph, or {"name", "policy", "graph"}.
        const bool wrapped = json.contains(QStringLiteral("graph"));
        Journey j;
        j.name = parser.isSet(QStringLiteral("name"))
                     ? parser.value(QStringLiteral("name"))
                     : json.value(QStringLiteral("name")).toString(QFileInfo(file).baseName());
        if (const auto existing = repo.findByName(j.name))
            j = *existing;
        j.graph = wrapped ? json.value(QStringLiteral("graph")).toObject() : json;
        if (wrapped)
            j.policy = JourneyPolicy::fromJson(json.value(QStringLiteral("policy")).toObject());
        if (!repo.save(j)) {
            printIssues();
            return fail(repo.errorString());
        }
        if (parser.isSet(QStringLiteral("activate")) && !repo.activate(j.id)) {
            printIssues();
            return fail(repo.errorString());
        }
        m_out << tr("Saved journey \"%1\".").arg(j.name) << '\n';
        return 0;
    }
    if (sub == QLatin1String("activate") || sub == QLatin1String("pause")) {
        if (words.size() != 1)
            return usageError(tr("journey %1 takes a journey name.").arg(sub));
        const auto j = named(words.first());
        if (!j)
            return 1;
        const bool ok = sub == QLatin1String("activate") ? repo.activate(j->id) : repo.pause(j->id);
        if (!ok) {
            printIssues();
            return fail(repo.errorString());
        }
        return 0;
    }
    if (sub == QLatin1String("enrol")) {
        if (words.size() != 1 ||
            parser.isSet(QStringLiteral("all")) == parser.isSet(QStringLiteral("segment")))
            return usageError(tr("journey enrol takes a journey name and --segment S or --all."));
        const auto j = named(words.first());
        if (!j)
            return 1;
        ContactQuery query;
        if (parser.isSet(QStringLiteral("segment"))) {
            const auto s =
                SegmentRepository(db).findByName(parser.value(QStringLiteral("segment")));
            if (!s)
                return fail(tr("There is no segment called \"%1\".")
                                .arg(parser.value(QStringLiteral("segment"))));
            query.filter = SegmentRepository(db).contactFilter(s->id);
        }
        QList<qint64> ids;
        ContactRepository contacts(db);
        PageRequest page;
        page.limit = 5000;
        for (;;) {
            const QList<ContactListRow> rows = contacts.page(query, page);
            for (const ContactListRow &r : rows)
                ids << r.id;
            if (rows.size() < page.limit)
                break;
            page.from = PageRequest::From::After;
            page.anchorId = rows.last().id;
            page.anchorValue = rows.last().id;
        }
        SystemClock clock;
        JourneyEngine engine(db, clock);
        const auto n = engine.enrol(j->id, ids);
        if (!n)
            return fail(engine.errorString());
        m_out << *n << '\n';
        return 0;
    }
    if (sub == QLatin1String("templates")) {
        QJsonArray list;
        const QString language = QLocale().name().left(2);
        for (const JourneyTemplate &t : JourneyTemplates::all(language)) {
            if (parser.isSet(QStringLiteral("json")))
                list.append(QJsonObject{{QStringLiteral("key"), t.key},
                                        {QStringLiteral("name"), t.name},
                                        {QStringLiteral("description"), t.description}});
            else
                m_out << t.key << '\t' << t.name << "\n    " << t.description << '\n';
        }
        if (parser.isSet(QStringLiteral("json")))
            m_out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (sub == QLatin1String("create")) {
        if (words.size() != 1 || !parser.isSet(QStringLiteral("template")))
            return usageError(tr("journey create takes a name and --template KEY."));
        const auto t = JourneyTemplates::find(parser.value(QStringLiteral("template")),
                                              QLocale().name().left(2));
        if (!t)
            return fail(tr("There is no template \"%1\"; see journey templates.")
                            .arg(parser.value(QStringLiteral("template"))));
        Journey j;
        j.name = words.first();
        j.graph = t->graph;
        j.policy = t->policy;
        if (!repo.save(j))
            return fail(repo.errorString());
        m_out << tr("Saved journey \"%1\".").arg(j.name) << '\n';
        return 0;
    }
    if (sub == QLatin1String("simulate")) {
        if (words.size() != 1 ||
            parser.isSet(QStringLiteral("contact")) == parser.isSet(QStringLiteral("segment")))
            return usageError(
                tr("journey simulate takes a journey name and --contact ID or --segment S."));
        const auto j = named(words.first());
        if (!j)
            return 1;
        QList<qint64> ids;
        for (const QString &v : parser.values(QStringLiteral("contact")))
            ids << v.toLongLong();
        if (parser.isSet(QStringLiteral("segment"))) {
            const auto seg =
                SegmentRepository(db).findByName(parser.value(QStringLiteral("segment")));
            if (!seg)
                return fail(tr("There is no segment called \"%1\".")
                                .arg(parser.value(QStringLiteral("segment"))));
            ContactQuery query;
            query.filter = SegmentRepository(db).contactFilter(seg->id);
            PageRequest page;
            page.limit = std::max(1, parser.value(QStringLiteral("sample")).toInt());
            for (const ContactListRow &r : ContactRepository(db).page(query, page))
                ids << r.id;
        }
        JourneySimulator sim(db);
        const auto runs = sim.run(j->id, ids, QDateTime::currentDateTimeUtc(),
                                  std::max(1, parser.value(QStringLiteral("days")).toInt()));
        if (!runs)
            return fail(sim.errorString());
        const bool json = parser.isSet(QStringLiteral("json"));
        QJsonArray out;
        for (const JourneySimulator::ContactRun &r : *runs) {
            QJsonArray path;
            QJsonArray messages;
            if (!json)
                m_out << r.name << " (#" << r.contactId << "): " << r.state << '\n';
            for (const JourneySimulator::Step &step : r.path) {
                const NodeType *type = NodeTypes::find(step.nodeType);
                const QString label = type ? type->label() : step.nodeType;
                path.append(QJsonObject{{QStringLiteral("at"), step.at.toString(Qt::ISODate)},
                                        {QStringLiteral("node"), step.nodeId},
                                        {QStringLiteral("type"), step.nodeType},
                                        {QStringLiteral("port"), step.port},
                                        {QStringLiteral("outcome"), step.outcome}});
                if (!json)
                    m_out << "  " << step.at.toString(Qt::ISODate) << "  " << label
                          << (step.port.isEmpty() || step.port == QLatin1String("next")
                                  ? QString()
                                  : QStringLiteral(" -> ") + step.port)
                          << (step.outcome.isEmpty()
                                  ? QString()
                                  : QStringLiteral(" (") +
                                        JourneyEngine::outcomeLabel(step.outcome) +
                                        QLatin1Char(')'))
                          << '\n';
            }
            for (const JourneySimulator::Message &msg : r.messages) {
                messages.append(QJsonObject{{QStringLiteral("at"), msg.at.toString(Qt::ISODate)},
                                            {QStringLiteral("channel"), msg.channel},
                                            {QStringLiteral("template"), msg.templateKey},
                                            {QStringLiteral("to"), msg.to}});
                if (!json)
                    m_out << "  "
                          << tr("would send %1 \"%2\" to %3 at %4")
                                 .arg(msg.channel, msg.templateKey, msg.to,
                                      msg.at.toString(Qt::ISODate))
                          << '\n';
            }
            out.append(QJsonObject{{QStringLiteral("contact"), r.contactId},
                                   {QStringLiteral("name"), r.name},
                                   {QStringLiteral("state"), r.state},
                                   {QStringLiteral("path"), path},
                                   {QStringLiteral("messages"), messages}});
        }
        if (json)
            m_out << QJsonDocument(out).toJson(QJsonDocument::Indented);
        return 0;
    }
    return usageError(tr("Unknown journey subcommand \"%1\".").arg(sub));
}

int CliApp::worker(Database &db, const QStringList &args)
{
    if (args.isEmpty() || args.first() != QLatin1String("run"))
        return usageError(tr("worker needs the subcommand run."));
    const QStringList parseArgs = QStringList{QStringLiteral("masir-cli")} + args;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({QStringLiteral("once"), tr("Run one cycle, then stop.")});
    parser.addOption(
        {QStringLiteral("batch"), tr("Enrolments per transaction."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("send-budget"),
                      tr("Milliseconds to send for in each cycle (default 1000)."),
                      QStringLiteral("MS"), QStringLiteral("1000")});
    if (!parser.parse(parseArgs))
        return usageError(parser.errorText());
    const int batch =
        parser.isSet(QStringLiteral("batch")) ? parser.value(QStringLiteral("batch")).toInt() : 500;
    if (batch < 1)
        return usageError(tr("--batch needs a number above 0."));
    if (!openWorkspace(db))
        return 1;
    SystemClock clock;
    WorkerCycle cycle(db, clock);
    std::signal(SIGINT, stopWorker);
    std::signal(SIGTERM, stopWorker);
    do {
        const auto stats = cycle.run(batch);
        if (!stats)
            return fail(cycle.errorString());
        if (stats->steps || stats->enrolled || parser.isSet(QStringLiteral("once")))
            m_out << tr("%1 enrolled, %2 steps, %3 messages queued, %4 finished")
                         .arg(stats->enrolled)
                         .arg(stats->steps)
                         .arg(stats->queued)
                         .arg(stats->completed + stats->exited)
                  << '\n';
        const auto sent = cycle.send(parser.value(QStringLiteral("send-budget")).toLongLong());
        if (!sent)
            return fail(cycle.errorString());
        if (sent->sent || sent->failed || sent->retried || sent->interrupted || sent->cancelled ||
            sent->suppressed || parser.isSet(QStringLiteral("once")))
            m_out << tr("%1 sent, %2 retrying, %3 failed, %4 dropped, %5 interrupted")
                         .arg(sent->sent)
                         .arg(sent->retried)
                         .arg(sent->failed)
                         .arg(sent->cancelled + sent->suppressed)
                         .arg(sent->interrupted)
                  << '\n';
        for (const QString &problem : sent->accountErrors)
            m_err << problem << '\n';
        m_err.flush();
        m_out.flush();
        if (parser.isSet(QStringLiteral("once")))
            break;
        // Sleep until the next step is due, looking for new events every 5 s.
        for (qint64 left = cycle.sleepMs(5000); left > 0 && !g_stopWorker; left -= 100)
            QThread::msleep(std::min<qint64>(left, 100));
    } while (!g_stopWorker);
    return 0;
}

} // namespace masir
