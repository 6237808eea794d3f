#pragma once

#include "common/ValueParsers.h"
#include "contacts/CustomFields.h"
#include "importing/ColumnMapper.h"
#include "importing/TextDecoder.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace masir {

class Database;

struct ImportOptions
{
    enum class Policy
    {
        Skip,      ///< leave existing contacts as they are
        Fill,      ///< fill only their empty fields
        Overwrite, ///< replace their fields with the file's non-empty values
    };

    QString path;
    std::optional<Encoding> encoding; ///< detected when not set
    std::optional<QChar> delimiter;   ///< sniffed when not set
    std::optional<bool> hasHeader;    ///< sniffed when not set
    /// Target per column (see ImportTarget); empty: remembered or guessed.
    QStringList targets;
    /// Header -> target, applied on top of the guess ("E-mail=email", "VIP=custom.vip").
    QHash<QString, QString> overrides;
    /// Custom fields to create before importing, for targets "custom.<key>".
    QList<FieldDefinition> newFields;
    Policy policy = Policy::Fill;
    bool matchPhone = true; ///< match on email, then on phone
    QString tag;            ///< added to every imported contact
    QString source;         ///< source label of created contacts (default: the file name)
    QString staticList;     ///< name of a static list every imported contact joins
    ValueParsers::DateMode dates = ValueParsers::DateMode::Auto;
    QString defaultRegion; ///< for phone numbers; empty: the workspace setting
    bool dryRun = false;   ///< read, check and count, write nothing
    /// How the file's people agreed to hear from the business (the wizard's
    /// consent question): rows whose file says nothing of their consent get
    /// it granted on these channels, with \a consentProof (how and when they
    /// agreed) in its source. A consent withdrawn before is never granted so.
    bool emailConsentGiven = false;
    bool smsConsentGiven = false;
    QString consentProof;
    int batchSize = 25000; ///< rows per transaction
    /// A file larger than this, into an empty workspace, is written without the
    /// contacts' indexes, which are built at the end.
    qint64 bulkFromBytes = 4 * 1024 * 1024;
    qsizetype maxFieldSize = 1 << 20;
};

struct ImportIssue
{
    qint64 row = 0;
    qint64 line = 0;
    bool rejected = true; ///< false: the row was imported, one value was dropped
    QString field;
    QString message;
    QString raw;
};

/// How many rows an import (or a part of one) read, and what became of them.
struct ImportTotals
{
    qint64 rows = 0; ///< data rows read (the header not counted)
    qint64 created = 0;
    qint64 updated = 0;
    qint64 skipped = 0;
    qint64 rejected = 0;
    qint64 warnings = 0;
    void add(const ImportTotals &other);
};

/// What one batch of an import did, row by row.
struct ImportCounts : ImportTotals
{
    QList<ImportIssue> issues;
    /// \a issue for the batch, counted as a rejection or a warning.
    void add(const ImportIssue &issue);
};

struct ImportReport : ImportTotals
{
    qint64 importId = 0;
    Encoding encoding = Encoding::Utf8;
    QChar delimiter = QLatin1Char(',');
    bool hasHeader = true;
    QStringList headers;
    QStringList targets;
    bool cancelled = false;
    bool failed = false;
    QString error;
    double seconds = 0;
    QList<ImportIssue> issues; ///< the first ones; all are stored with the import
};

struct ImportProgress
{
    qint64 rows = 0;
    qint64 bytesRead = 0;
    qint64 totalBytes = 0;
    double rowsPerSecond = 0;
    double etaSeconds = -1;
};

/// What Masir reads from the top of a file, before anything is imported.
struct ImportPreview
{
    Encoding encoding = Encoding::Utf8;
    QString encodingReason;
    QChar delimiter = QLatin1Char(',');
    bool hasHeader = true;
    QStringList headers;
    QList<QStringList> rows;
    QStringList targets; ///< remembered or guessed
    QString error;
};

/// Imports a CSV file into a workspace: decode, parse, map, clean, validate,
/// deduplicate (email, then phone), write in large transactions, and account for
/// every row. Run it on a worker thread: it uses that thread's own connection.
/// A batch is one transaction, so a cancelled, failed or killed import never leaves
/// half a batch; running the same file again matches what was written before.
class ImportJob final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ImportJob)

public:
    ImportJob(const Database &db, ImportOptions options);

    using ProgressFunction = std::function<void(const ImportProgress &)>;
    ImportReport run(const ProgressFunction &progress = {},
                     const std::atomic<bool> *cancel = nullptr);

    static ImportPreview preview(const Database &db, const ImportOptions &options, int rows = 50);

private:
    const Database &m_db;
    ImportOptions m_options;
};

} // namespace masir
