#pragma once

#include <QByteArray>
#include <QDebug>
#include <QProcess>
#include <QStringList>

namespace masir::test {

/// Runs masir-cli (MASIR_CLI_PATH, defined by the test's target) to its end:
/// its exit code (-1 if it did not finish in 10 minutes), its output in
/// \a out, its errors logged when it failed.
inline int runCli(const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(MASIR_CLI_PATH), args);
    if (!p.waitForFinished(600000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitCode() != 0)
        qWarning() << p.readAllStandardError();
    return p.exitCode();
}

/// A positive whole number from the environment (a trial's size), or \a fallback.
inline int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace masir::test
