// masir-cli: import, imports and imports undo.

#include "CliCommand.h"

#include "contacts/CustomFields.h"
#include "exporting/CsvWriter.h"
#include "importing/ColumnMapper.h"
#include "importing/ImportHistory.h"
#include "importing/ImportJob.h"
#include "storage/Database.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace masir {

namespace {

class Import final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    Import()
        : CliCommand(
              {QStringLiteral("import"),
               QStringLiteral("FILE [--map \"Header=field\" ...] [--policy skip|fill|overwrite] "
                              "[--preview] [--json]"),
               tr("import contacts from a CSV file (--preview: show how Masir reads it)"),
               {
                   {QStringLiteral("encoding"),
                    tr("The file's encoding (utf-8, utf-16le, windows-1256, ...)."),
                    QStringLiteral("E")},
                   {QStringLiteral("delimiter"), tr("The delimiter: , ; tab or |."),
                    QStringLiteral("D")},
                   {QStringLiteral("no-header"), tr("The first row is data, not a header.")},
                   {QStringLiteral("map"),
                    tr("Map a column: \"Header=field\", \"Header=custom.key\", "
                       "\"Header=custom.key:number\" or \"Header=skip\"."),
                    QStringLiteral("MAPPING")},
                   {QStringLiteral("policy"),
                    tr("What to do with existing contacts: skip, fill (default) or overwrite."),
                    QStringLiteral("P"), QStringLiteral("fill")},
                   {QStringLiteral("no-phone-match"), tr("Match existing contacts on email only.")},
                   {QStringLiteral("tag"), tr("Tag every imported contact."), QStringLiteral("T")},
                   {QStringLiteral("source"), tr("Source label of created contacts."),
                    QStringLiteral("S")},
                   {QStringLiteral("list"), tr("Add every imported contact to this static list."),
                    QStringLiteral("L")},
                   {QStringLiteral("region"),
                    tr("Country for phone numbers without a country code (IR, PL, MY, ...)."),
                    QStringLiteral("R")},
                   {QStringLiteral("dates"), tr("How to read dates: auto, jalali or gregorian."),
                    QStringLiteral("MODE"), QStringLiteral("auto")},
                   {QStringLiteral("consent"),
                    tr("They agreed to hear from you on these channels: email, sms or "
                       "email,sms (rows with a consent column of their own keep theirs)."),
                    QStringLiteral("CHANNELS")},
                   {QStringLiteral("consent-proof"),
                    tr("How and when they agreed (kept as the proof); needed with --consent."),
                    QStringLiteral("TEXT")},
                   {QStringLiteral("dry-run"), tr("Read and check the file, write nothing.")},
                   {QStringLiteral("report"), tr("Write the rejected rows to this CSV file."),
                    QStringLiteral("FILE")},
                   {QStringLiteral("json"), tr("Print the result as JSON.")},
                   {QStringLiteral("preview"), tr("Only show how the file is read.")},
                   {QStringLiteral("rows"), tr("Rows to preview (default 50)."),
                    QStringLiteral("N"), QStringLiteral("50")},
                   {QStringLiteral("batch"), tr("Rows per transaction."), QStringLiteral("N"),
                    QStringLiteral("25000")},
               }})
    {}

    int check(CliRun &run) const override
    {
        if (run.words.size() != 1)
            return run.usageError(tr("import needs the path of one CSV file."));
        int code = Proceed;
        if (!options(run, &code))
            return code;
        if (run.isSet(QStringLiteral("preview")) && !run.number(QStringLiteral("rows"), 0))
            return 2;
        return Proceed;
    }

    int execute(CliRun &run) const override
    {
        int code = Proceed;
        const auto o = options(run, &code);
        if (!o)
            return code;
        if (run.isSet(QStringLiteral("preview")))
            return preview(run, *o);
        ImportJob job(*run.db, *o);
        const ImportReport r = job.run();
        if (r.failed)
            return run.fail(r.error);
        if (run.isSet(QStringLiteral("report")) && !writeReport(run, r))
            return 1;
        printReport(run, r);
        if (r.cancelled)
            return run.fail(tr("the import was cancelled"));
        return 0;
    }

private:
    /// The options the command line gives; nullopt with \a code set when it is wrong.
    std::optional<ImportOptions> options(CliRun &run, int *code) const
    {
        auto usage = [&](const QString &message) {
            *code = run.usageError(message);
            return std::nullopt;
        };
        ImportOptions o;
        o.path = run.words.first();
        if (!QFileInfo::exists(o.path)) {
            *code = run.fail(tr("%1 does not exist.").arg(QDir::toNativeSeparators(o.path)));
            return std::nullopt;
        }
        if (run.isSet(QStringLiteral("encoding"))) {
            o.encoding = Encodings::fromKey(run.value(QStringLiteral("encoding")));
            if (!o.encoding)
                return usage(tr("Unknown encoding \"%1\". Use one of: %2.")
                                 .arg(run.value(QStringLiteral("encoding")),
                                      QStringLiteral("utf-8, utf-16le, utf-16be, windows-1256, "
                                                     "windows-1250, windows-1252")));
        }
        if (run.isSet(QStringLiteral("delimiter"))) {
            const QString d = run.value(QStringLiteral("delimiter"));
            if (d == QLatin1String("tab") || d == QLatin1String("\\t"))
                o.delimiter = QLatin1Char('\t');
            else if (d.size() == 1)
                o.delimiter = d.front();
            else
                return usage(tr("The delimiter is one character, or \"tab\"."));
        }
        if (run.isSet(QStringLiteral("no-header")))
            o.hasHeader = false;
        for (const QString &m : run.parser.values(QStringLiteral("map"))) {
            const qsizetype eq = m.lastIndexOf(QLatin1Char('='));
            if (eq <= 0)
                return usage(tr("--map takes \"Header=field\", not \"%1\".").arg(m));
            QString target = m.mid(eq + 1).trimmed();
            if (ImportTarget::isCustom(target) && target.contains(QLatin1Char(':'))) {
                const QString typeKey = target.section(QLatin1Char(':'), 1);
                target = target.section(QLatin1Char(':'), 0, 0);
                const auto type = CustomFieldRepository::typeFromKey(typeKey);
                if (!type || *type == FieldType::Choice)
                    return usage(
                        tr("A new custom field is text, number, date or boolean, not \"%1\".")
                            .arg(typeKey));
                o.newFields << FieldDefinition{0, target.mid(7), m.left(eq).trimmed(), *type, {}};
            } else if (target != ImportTarget::Skip && !ImportTarget::isCustom(target) &&
                       !ImportTarget::standard().contains(target)) {
                return usage(
                    tr("\"%1\" is not a contact field. Use one of: %2, custom.KEY or skip.")
                        .arg(target, ImportTarget::standard().join(QStringLiteral(", "))));
            }
            o.overrides.insert(m.left(eq).trimmed(), target);
        }
        const QString policy = run.value(QStringLiteral("policy"));
        if (policy == QLatin1String("skip"))
            o.policy = ImportOptions::Policy::Skip;
        else if (policy == QLatin1String("fill"))
            o.policy = ImportOptions::Policy::Fill;
        else if (policy == QLatin1String("overwrite"))
            o.policy = ImportOptions::Policy::Overwrite;
        else
            return usage(tr("--policy is skip, fill or overwrite."));
        const QString dates = run.value(QStringLiteral("dates"));
        if (dates == QLatin1String("jalali"))
            o.dates = ValueParsers::DateMode::Jalali;
        else if (dates == QLatin1String("gregorian"))
            o.dates = ValueParsers::DateMode::Gregorian;
        else if (dates != QLatin1String("auto"))
            return usage(tr("--dates is auto, jalali or gregorian."));
        o.matchPhone = !run.isSet(QStringLiteral("no-phone-match"));
        o.tag = run.value(QStringLiteral("tag"));
        o.source = run.value(QStringLiteral("source"));
        o.staticList = run.value(QStringLiteral("list"));
        o.defaultRegion = run.value(QStringLiteral("region")).toUpper();
        o.dryRun = run.isSet(QStringLiteral("dry-run"));
        if (run.isSet(QStringLiteral("consent"))) {
            for (const QString &channel :
                 run.value(QStringLiteral("consent")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                if (channel.trimmed() == QLatin1String("email"))
                    o.emailConsentGiven = true;
                else if (channel.trimmed() == QLatin1String("sms"))
                    o.smsConsentGiven = true;
                else
                    return usage(tr("--consent is email, sms or email,sms."));
            }
            o.consentProof = run.value(QStringLiteral("consent-proof")).trimmed();
            if (o.consentProof.isEmpty())
                return usage(tr("Say with --consent-proof how and when they agreed: it is kept "
                                "as the proof of their consent."));
        }
        bool ok = false;
        o.batchSize = run.value(QStringLiteral("batch")).toInt(&ok);
        if (!ok || o.batchSize < 1)
            return usage(tr("--batch needs a positive whole number."));
        return o;
    }

    int preview(CliRun &run, const ImportOptions &o) const
    {
        const ImportPreview p =
            ImportJob::preview(*run.db, o, run.value(QStringLiteral("rows")).toInt());
        if (!p.error.isEmpty())
            return run.fail(p.error);
        QJsonArray rows;
        for (const QStringList &r : p.rows)
            rows.append(QJsonArray::fromStringList(r));
        run.printJson(
            QJsonObject{{QStringLiteral("encoding"), Encodings::key(p.encoding)},
                        {QStringLiteral("delimiter"), QString(p.delimiter)},
                        {QStringLiteral("header"),
                         QJsonArray::fromStringList(p.hasHeader ? p.headers : QStringList())},
                        {QStringLiteral("mapping"), QJsonArray::fromStringList(p.targets)},
                        {QStringLiteral("rows"), rows}},
            !run.json());
        if (!run.json())
            run.out << '\n';
        return 0;
    }

    bool writeReport(CliRun &run, const ImportReport &r) const
    {
        QSaveFile file(run.value(QStringLiteral("report")));
        if (!file.open(QIODevice::WriteOnly)) {
            run.fail(tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
            return false;
        }
        CsvWriter csv(&file);
        csv.writeBom();
        csv.writeRow({QStringLiteral("row"), QStringLiteral("line"), QStringLiteral("severity"),
                      QStringLiteral("field"), QStringLiteral("message"), QStringLiteral("raw")});
        for (const ImportIssue &i : r.issues)
            csv.writeRow({QString::number(i.row), QString::number(i.line),
                          i.rejected ? QStringLiteral("rejected") : QStringLiteral("warning"),
                          i.field, i.message, i.raw});
        if (!file.commit()) {
            run.fail(tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
            return false;
        }
        return true;
    }

    void printReport(CliRun &run, const ImportReport &r) const
    {
        if (run.json()) {
            run.printJson(QJsonObject{{QStringLiteral("created"), r.created},
                                      {QStringLiteral("updated"), r.updated},
                                      {QStringLiteral("skipped"), r.skipped},
                                      {QStringLiteral("rejected"), r.rejected},
                                      {QStringLiteral("encoding"), Encodings::key(r.encoding)},
                                      {QStringLiteral("delimiter"), QString(r.delimiter)}});
            return;
        }
        run.out << tr("%1 rows: %2 created, %3 updated, %4 skipped, %5 rejected (%6, \"%7\", %8 s)")
                       .arg(r.rows)
                       .arg(r.created)
                       .arg(r.updated)
                       .arg(r.skipped)
                       .arg(r.rejected)
                       .arg(Encodings::key(r.encoding), QString(r.delimiter))
                       .arg(r.seconds, 0, 'f', 2)
                << '\n';
        for (const ImportIssue &i : r.issues)
            run.err << tr("row %1 (line %2): %3%4")
                           .arg(i.row)
                           .arg(i.line)
                           .arg(i.rejected ? tr("rejected: ") : tr("warning: "), i.message)
                    << '\n';
    }
};

class Imports final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    Imports()
        : CliCommand({QStringLiteral("imports"),
                      QStringLiteral("[--json]"),
                      tr("list past imports"),
                      {{QStringLiteral("json"), tr("Print JSON.")}}})
    {}
    int check(CliRun &run) const override
    {
        return run.words.isEmpty() ? Proceed
                                   : run.usageError(tr("Unknown arguments for imports: %1")
                                                        .arg(run.words.join(QLatin1Char(' '))));
    }
    int execute(CliRun &run) const override
    {
        ImportHistory history(*run.db);
        history.markInterrupted();
        QJsonArray list;
        for (const ImportRecord &r : history.list()) {
            if (run.json()) {
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
                run.out << r.id << '\t' << r.startedAt.toLocalTime().toString(Qt::ISODate) << '\t'
                        << r.status << '\t' << r.fileName << '\t'
                        << tr("%1 created, %2 updated, %3 skipped, %4 rejected")
                               .arg(r.created)
                               .arg(r.updated)
                               .arg(r.skipped)
                               .arg(r.rejected)
                        << '\n';
            }
        }
        if (run.json())
            run.printJson(list);
        return 0;
    }
};

class ImportsUndo final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    ImportsUndo()
        : CliCommand({QStringLiteral("imports undo"), QStringLiteral("ID"),
                      tr("remove the contacts an import created")})
    {}
    int check(CliRun &run) const override
    {
        bool ok = false;
        if (run.words.size() == 1)
            run.words.first().toLongLong(&ok);
        return ok ? Proceed
                  : run.usageError(
                        tr("imports undo needs the number of an import (see masir-cli imports)."));
    }
    int execute(CliRun &run) const override
    {
        ImportHistory history(*run.db);
        history.markInterrupted();
        const qint64 removed = history.undo(run.words.first().toLongLong());
        if (removed < 0)
            return run.fail(history.errorString());
        run.out << tr("Removed %n contact(s).", nullptr, int(removed)) << '\n';
        return 0;
    }
};

} // namespace

void addImportCommands(CliCommands &commands)
{
    commands.push_back(std::make_unique<Import>());
    commands.push_back(std::make_unique<Imports>());
    commands.push_back(std::make_unique<ImportsUndo>());
}

} // namespace masir
