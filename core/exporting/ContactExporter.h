#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace masir {

class Database;

/// Exports every contact (standard fields, consent, tags and custom fields) to a
/// UTF-8 CSV file, streaming in pages so memory stays flat.
class ContactExporter final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ContactExporter)

public:
    struct Options
    {
        bool excelBom = false;
        QString staticList; ///< export only the members of this static list
    };

    explicit ContactExporter(const Database &db);

    /// Returns the number of contacts written, or -1 with errorString() set.
    /// \a progress is called after each page; returning false cancels the export
    /// and leaves no file behind.
    qint64 exportCsv(const QString &path, const Options &options,
                     const std::function<bool(qint64 done)> &progress = {});
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    QString m_error;
};

} // namespace masir
