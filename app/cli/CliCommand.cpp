#include "CliCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace masir {

CliRun::CliRun(QTextStream &outStream, QTextStream &errStream, const QString &command)
    : out(outStream)
    , err(errStream)
    , m_command(command)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
}

std::optional<int> CliRun::number(const QString &option, int minimum)
{
    bool ok = false;
    const int n = parser.value(option).toInt(&ok);
    if (ok && n >= minimum)
        return n;
    usageError(minimum > 0 ? tr("--%1 needs a number above %2.").arg(option).arg(minimum - 1)
                           : tr("--%1 needs a whole number.").arg(option));
    return std::nullopt;
}

void CliRun::printJson(const QJsonValue &value, bool indented)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << QString::fromUtf8(
        doc.toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact));
    if (!indented)
        out << '\n';
}

int CliRun::usageError(const QString &message)
{
    err << "masir-cli: " << message << '\n'
        << tr("Run masir-cli %1 --help for usage.").arg(m_command) << '\n';
    err.flush();
    return 2;
}

int CliRun::fail(const QString &message)
{
    err << "masir-cli: " << tr("error: %1").arg(message) << '\n';
    err.flush();
    return 1;
}

CliCommand::CliCommand(Definition definition)
    : m_definition(std::move(definition))
{}

int CliCommand::check(CliRun &) const
{
    return Proceed;
}

} // namespace masir
