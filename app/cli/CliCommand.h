#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <vector>

namespace masir {

class Database;

/// What a command works with while it runs: its options and words, the
/// workspace (open when its definition asks for one), and the streams.
/// Results go to out, messages to err; exit codes are 0 on success, 1 when
/// the command fails and 2 for a usage error.
class CliRun final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CliRun(QTextStream &out, QTextStream &err, const QString &command);

    QCommandLineParser parser;
    /// The words after the command's name.
    QStringList words;
    /// The workspace; nullptr for a command that opens none.
    Database *db = nullptr;
    QTextStream &out;
    QTextStream &err;

    bool isSet(const QString &option) const { return parser.isSet(option); }
    QString value(const QString &option) const { return parser.value(option); }
    /// The option's value as a whole number of at least \a minimum; nullopt
    /// (with a usage error already said) when it is not one.
    std::optional<int> number(const QString &option, int minimum);
    bool json() const { return parser.isSet(QStringLiteral("json")); }
    /// Prints \a value as JSON on one line (\a indented: over several).
    void printJson(const QJsonValue &value, bool indented = false);

    /// Says what is wrong with the command line; returns 2.
    int usageError(const QString &message);
    /// Says why the command failed; returns 1.
    int fail(const QString &message);

private:
    QString m_command;
};

/// One masir-cli command: its name, what it takes, its options, whether it
/// opens a workspace, and what it does. Its --help and the line in
/// masir-cli --help are made from the same definition.
class CliCommand
{
public:
    enum class Workspace
    {
        None,      ///< works without a workspace
        ReadWrite, ///< opens (and creates, at the default place) the workspace
        ReadOnly,  ///< opens it without writing anything
        IfGiven,   ///< opens it (read-write) only when --workspace names one
    };
    struct Definition
    {
        QString name;      ///< the words that call it: "contacts export"
        QString arguments; ///< what follows them: "FILE.csv"
        QString summary;   ///< one line, translated
        QList<QCommandLineOption> options = {};
        Workspace workspace = Workspace::ReadWrite;
    };

    /// check() found nothing wrong: go on.
    static constexpr int Proceed = -1;

    explicit CliCommand(Definition definition);
    virtual ~CliCommand() = default;
    Q_DISABLE_COPY_MOVE(CliCommand)

    const Definition &definition() const { return m_definition; }
    /// Checks the words and options before the workspace is opened: Proceed,
    /// or the exit code (a usage error).
    virtual int check(CliRun &run) const;
    /// Does the work; the exit code.
    virtual int execute(CliRun &run) const = 0;

private:
    Definition m_definition;
};

using CliCommands = std::vector<std::unique_ptr<CliCommand>>;

// The families, one file each in commands/.
void addContactCommands(CliCommands &commands);
void addImportCommands(CliCommands &commands);
void addSegmentCommands(CliCommands &commands);
void addJourneyCommands(CliCommands &commands);
void addSendingCommands(CliCommands &commands);
void addTrackingCommands(CliCommands &commands);
void addCampaignCommands(CliCommands &commands);
void addReportCommands(CliCommands &commands);
void addCrmCommands(CliCommands &commands);

} // namespace masir
