#pragma once

#include <QIODevice>
#include <QString>
#include <QStringList>

namespace masir {

/// Writes RFC 4180 CSV in UTF-8 (optionally with a BOM, which Excel needs to read
/// UTF-8). Cells that a spreadsheet would run as a formula (starting with = + - @,
/// TAB or CR) are prefixed with an apostrophe so they are shown as text; a
/// negative number ("-12.50", a refund) stays a number.
class CsvWriter final
{
public:
    explicit CsvWriter(QIODevice *device, QChar delimiter = QLatin1Char(','));

    void writeBom();
    bool writeRow(const QStringList &cells);
    QString errorString() const;

    static QString neutralise(const QString &cell);
    QString encodeCell(const QString &cell) const;

private:
    QIODevice *m_device;
    QChar m_delimiter;
};

} // namespace masir
