#include "exporting/CsvWriter.h"

#include <QRegularExpression>

namespace masir {

CsvWriter::CsvWriter(QIODevice *device, QChar delimiter)
    : m_device(device)
    , m_delimiter(delimiter)
{}

void CsvWriter::writeBom()
{
    m_device->write("\xEF\xBB\xBF");
}

QString CsvWriter::neutralise(const QString &cell)
{
    if (cell.isEmpty())
        return cell;
    const QChar first = cell.front();
    // a negative amount (a refund) stays a number; "-2+3" is a formula
    static const QRegularExpression negative(QStringLiteral("^-\\d+(\\.\\d+)?$"));
    if (first == QLatin1Char('-') && negative.match(cell).hasMatch())
        return cell;
    if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
        first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
        return QLatin1Char('\'') + cell;
    return cell;
}

QString CsvWriter::encodeCell(const QString &cell) const
{
    const QString safe = neutralise(cell);
    const bool quote = safe.contains(m_delimiter) || safe.contains(QLatin1Char('"')) ||
                       safe.contains(QLatin1Char('\n')) || safe.contains(QLatin1Char('\r'));
    if (!quote)
        return safe;
    QString out = safe;
    out.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

bool CsvWriter::writeRow(const QStringList &cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += m_delimiter;
        line += encodeCell(cells.at(i));
    }
    line += QLatin1String("\r\n");
    const QByteArray bytes = line.toUtf8();
    return m_device->write(bytes) == bytes.size();
}

QString CsvWriter::errorString() const
{
    return m_device->errorString();
}

} // namespace masir
