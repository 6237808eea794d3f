#pragma once

#include "CliCommand.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace masir {

/// masir-cli: the same core as the GUI, for scripts and servers. Reads the
/// global options, finds the command in one table (see CliCommand), checks
/// its arguments, opens the workspace it asks for and runs it.
class CliApp final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CliApp();
    int run(const QStringList &arguments);

private:
    /// The command the first words name (the longest that matches), or nullptr.
    const CliCommand *find(const QStringList &words, int *used) const;
    /// Every command, with its arguments and summary.
    QString usage() const;
    /// One command's (or a family's) usage and options.
    QString usage(const QString &name) const;
    int usageError(const QString &message);
    int runCommand(const CliCommand &command, const QStringList &args);

    CliCommands m_commands;
    QTextStream m_out;
    QTextStream m_err;
    QString m_workspace;
};

} // namespace masir
