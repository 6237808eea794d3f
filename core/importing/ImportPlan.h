#pragma once

#include "contacts/CustomFields.h"
#include "importing/CsvReader.h"
#include "importing/ImportJob.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace masir {

class Database;

/// Which column of the file feeds which field.
struct ColumnPlan
{
    QHash<QString, int> standard; ///< target -> column
    QList<int> tags;
    QList<QPair<int, FieldDefinition>> custom;
    /// The column of a standard target, or -1.
    int column(const char *target) const { return standard.value(QLatin1String(target), -1); }
};

/// Everything an import decides before its first data row: the header and
/// the targets, which column feeds which field, and the values every row
/// shares (the time, the region, the source).
struct ImportPlan
{
    QString fileName;
    QStringList headers;
    QStringList targets;
    ColumnPlan columns;
    /// For each of ContactColumns::names() and import_id: whether no column of
    /// the file feeds it, so that every new row holds one value in it.
    std::vector<bool> shared;
    QString region;        ///< for phone numbers without a country code
    QString source;        ///< of new contacts whose row names none
    QString consentSource; ///< of the consent a row gives
    QString givenSource;   ///< of the consent the import grants (ImportOptions::consentProof)
    QDateTime now;
    /// A data row read while looking for the header (a file without one).
    QList<CsvReader::Record> pending;
};

/// Makes an ImportPlan: reads the header, resolves the targets (given,
/// remembered or guessed), creates the custom fields asked for, and checks
/// that rows can make contacts at all.
class ImportPlanner final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ImportJob)

public:
    ImportPlanner(const Database &db, const ImportOptions &options);

    /// Reads the header (or the first row of a file without one) from \a reader.
    /// nullopt with errorString() when the file cannot be imported as mapped.
    std::optional<ImportPlan> plan(CsvReader &reader, bool hasHeader);
    QString errorString() const { return m_error; }

    /// The target of each column: \a options' own, else remembered for this
    /// header, else guessed; then the options' overrides by header name.
    static QStringList resolveTargets(const Database &db, const ImportOptions &options,
                                      const QStringList &headers, bool hasHeader);

private:
    bool createFields();
    bool planColumns(ImportPlan &plan, const QList<FieldDefinition> &fields);
    static std::vector<bool> sharedColumns(const ColumnPlan &columns);

    const Database &m_db;
    const ImportOptions &m_options;
    QString m_error;
};

} // namespace masir
