#pragma once

#include "messaging/ChannelAccounts.h"
#include "messaging/channels/Transport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace masir {

class Database;

/// masir-cli: the same core as the GUI, for scripts and servers.
/// Results go to stdout, errors to stderr; the exit code is 0 on success,
/// 1 when a command fails and 2 for a usage error.
class CliApp final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CliApp)

public:
    CliApp();
    int run(const QStringList &arguments);

private:
    int usageError(const QString &message);
    int fail(const QString &message);
    QString usage() const;
    bool openWorkspace(Database &db);

    int contacts(Database &db, const QStringList &args);
    int demo(Database &db, const QStringList &args);
    int import(Database &db, const QStringList &args);
    int imports(Database &db, const QStringList &args);
    int check(Database &db);
    int segment(Database &db, const QStringList &args);
    int score(Database &db, const QStringList &args);
    int journey(Database &db, const QStringList &args);
    int worker(Database &db, const QStringList &args);
    int channel(Database &db, const QStringList &args);
    int templates(Database &db, const QStringList &args);
    int send(Database &db, const QStringList &args);
    int outbox(Database &db, const QStringList &args);
    int unsubscribe(Database &db, const QStringList &args);
    int settings(Database &db, const QStringList &args);
    std::optional<RateLimits> limitsFrom(const QCommandLineParser &parser);

    QTextStream m_out;
    QTextStream m_err;
    QString m_workspace;
};

} // namespace masir
