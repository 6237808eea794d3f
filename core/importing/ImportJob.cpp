#include "importing/ImportJob.h"

#include "common/Logging.h"
#include "common/TextNormalizer.h"
#include "importing/ChunkPipe.h"
#include "importing/CsvReader.h"
#include "importing/FirstRows.h"
#include "importing/ImportHistory.h"
#include "importing/ImportPlan.h"
#include "importing/ImportWriter.h"
#include "importing/RowParser.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QScopeGuard>

#include <atomic>
#include <limits>
#include <thread>

namespace masir {

namespace {

constexpr qint64 kSampleBytes = 256 * 1024;
constexpr int kIssuesInReport = 1000;
constexpr int kPrefetchAhead = 8; ///< rows: about the time memory takes to come
/// The rows read before the file's size in rows is estimated (see RowReader).
constexpr qint64 kRowsToEstimate = 20000;

/// The import's reader thread: reads, decodes, parses and cleans every row,
/// gives its addresses their slots (into an empty workspace), and hands the
/// rows to the writer in chunks. Its memory stays its own: chunks come back.
class RowReader final
{
public:
    RowReader(CsvReader &reader, RowParser &parser, ChunkPipe &pipe,
              QList<CsvReader::Record> pending, bool giveSlots, qint64 totalBytes)
        : m_reader(reader)
        , m_parser(parser)
        , m_pipe(pipe)
        , m_pending(std::move(pending))
        , m_giveSlots(giveSlots)
        , m_totalBytes(totalBytes)
    {}

    void run()
    {
        Chunk chunk = m_pipe.take();
        // Every record is read into this one: its field strings are written over
        // row after row, in memory that stays in the cache. A row keeps only the
        // record's number, line and (for its issues) text.
        CsvReader::Record scratch;
        for (;;) {
            PreparedRow &row = chunk.nextRow();
            CsvReader::Error err;
            CsvReader::Status s = CsvReader::Status::Record;
            if (!m_pending.isEmpty())
                scratch = m_pending.takeFirst();
            else
                s = m_reader.next(scratch, err);
            if (s == CsvReader::Status::End) {
                --chunk.used; // the row taken above stays empty
                chunk.end = true;
                giveSlots(chunk);
                m_pipe.push(std::move(chunk));
                return;
            }
            if (s == CsvReader::Status::Error) {
                row.record.row = err.row;
                row.record.line = err.line;
                row.record.raw = err.raw;
                row.issues.append(
                    {err.row, err.line, true, QString(), err.message, err.raw.left(2000)});
            } else {
                m_parser.parse(scratch, row);
                if (!row.issues.isEmpty())
                    keepText(scratch, row);
            }
            m_bytesRead = m_reader.bytesRead();
            ++m_records;
            if (chunk.used >= ChunkPipe::kChunkRows) {
                giveSlots(chunk);
                if (!m_pipe.push(std::move(chunk)))
                    return;
                chunk = m_pipe.take();
            }
        }
    }

    qint64 bytesRead() const { return m_bytesRead; }
    qint64 records() const { return m_records; }
    /// How many rows the file holds, at the rate read so far: within a fifth
    /// once kRowsToEstimate are read (the reader reads 256 KiB at a time).
    double estimatedRows() const
    {
        return m_bytesRead > 0 ? double(m_totalBytes) * double(m_records) / double(m_bytesRead) : 0;
    }

private:
    /// A row with issues keeps its text, for the report.
    void keepText(CsvReader::Record &scratch, PreparedRow &row)
    {
        if (scratch.raw.isEmpty())
            scratch.raw = m_reader.lastRecordText();
        for (ImportIssue &i : row.issues) {
            if (i.raw.isEmpty())
                i.raw = scratch.raw.left(2000);
        }
        row.record.raw = std::move(scratch.raw);
    }

    /// Numbers the chunk's rows and gives their addresses their slots, just
    /// before it goes to the writer; the table's memory is asked for ahead.
    void giveSlots(Chunk &c)
    {
        if (!m_giveSlots)
            return;
        if (!m_sizedKeys && m_records >= kRowsToEstimate) {
            // Two keys a row, sized once, not doubling each time. Capped: past
            // four million keys it grows as it goes.
            m_sizedKeys = true;
            m_firstRows.reserve(size_t(std::min<double>(4'000'000, 2.0 * estimatedRows())));
        }
        auto slotFor = [&](quint64 key, qint64 own) -> qint64 {
            if (!key)
                return 0;
            if (const qint64 first = m_firstRows.value(key))
                return first;
            m_firstRows.assign(key, own);
            return own;
        };
        for (qsizetype i = 0; i < c.used; ++i) {
            if (i + kPrefetchAhead < c.used) {
                m_firstRows.prefetch(c.rows[i + kPrefetchAhead].emailKey);
                m_firstRows.prefetch(c.rows[i + kPrefetchAhead].phoneKey);
            }
            PreparedRow &row = c.rows[i];
            if (!row.ok)
                continue;
            ++m_rowsOk;
            row.emailSlot = slotFor(row.emailKey, 2 * m_rowsOk);
            row.phoneSlot = slotFor(row.phoneKey, 2 * m_rowsOk + 1);
        }
    }

    CsvReader &m_reader;
    RowParser &m_parser;
    ChunkPipe &m_pipe;
    QList<CsvReader::Record> m_pending;
    const bool m_giveSlots;
    const qint64 m_totalBytes;
    std::atomic<qint64> m_bytesRead{0};
    std::atomic<qint64> m_records{0};
    /// The hashes of the emails and phones read so far -> the slot of the row
    /// that brought each first (see PreparedRow::emailSlot).
    ImportKeys::FirstRows m_firstRows;
    qint64 m_rowsOk = 0;
    bool m_sizedKeys = false;
};

/// The writer's side of the pipe: the prepared rows, one at a time.
class RowSource final
{
public:
    RowSource(ChunkPipe &pipe, ImportWriter &writer, const RowReader &reader)
        : m_pipe(pipe)
        , m_writer(writer)
        , m_reader(reader)
    {}

    /// The next row; nullptr at the end of the input, or when a waiting row
    /// could not be written (\a failed set).
    PreparedRow *next(ImportCounts &counts, bool *failed)
    {
        while (m_index >= m_current.rows.size()) {
            if (m_current.end)
                return nullptr;
            // The previous chunk goes back to the reader, which refills its rows:
            // a row still waiting in it (rows that only update contacts can pass
            // while it waits) is written first.
            if (!m_writer.release(m_previous, counts)) {
                *failed = true;
                return nullptr;
            }
            Chunk done = std::exchange(m_previous, std::move(m_current));
            m_current = m_pipe.next(std::move(done));
            m_index = 0;
            if (!m_sizedSlots && m_reader.records() >= kRowsToEstimate) {
                // Two slots a row; past four million they grow as they go.
                m_sizedSlots = true;
                m_writer.reserveSlots(
                    size_t(std::min<double>(4'000'000, 2.4 * m_reader.estimatedRows())));
            }
        }
        if (m_index + kPrefetchAhead < m_current.rows.size())
            m_current.rows[m_index + kPrefetchAhead]
                .contact.prefetch(); // made on the reader's core
        return &m_current.rows[m_index++];
    }

private:
    ChunkPipe &m_pipe;
    ImportWriter &m_writer;
    const RowReader &m_reader;
    Chunk m_current;
    Chunk m_previous; ///< rows waiting to be inserted may still be in it
    qsizetype m_index = 0;
    bool m_sizedSlots = false;
};

} // namespace

void ImportTotals::add(const ImportTotals &other)
{
    rows += other.rows;
    created += other.created;
    updated += other.updated;
    skipped += other.skipped;
    rejected += other.rejected;
    warnings += other.warnings;
}

void ImportCounts::add(const ImportIssue &issue)
{
    issues.append(issue);
    ++(issue.rejected ? rejected : warnings);
}

ImportJob::ImportJob(const Database &db, ImportOptions options)
    : m_db(db)
    , m_options(std::move(options))
{}

ImportPreview ImportJob::preview(const Database &db, const ImportOptions &options, int rows)
{
    ImportPreview p;
    QFile file(options.path);
    if (!file.open(QIODevice::ReadOnly)) {
        p.error = tr("Cannot open %1: %2").arg(options.path, file.errorString());
        return p;
    }
    const QByteArray sample = file.read(kSampleBytes);
    const bool whole = file.atEnd();
    const EncodingDetector::Result detected = EncodingDetector::detect(sample, whole);
    Encoding bomEncoding;
    const int bom = EncodingDetector::bomLength(sample, &bomEncoding);
    p.encoding = options.encoding.value_or(detected.encoding);
    p.encodingReason = options.encoding ? QStringLiteral("chosen") : detected.reason;
    const int skip = (bom && bomEncoding == p.encoding) ? bom : 0;
    const QString text = TextDecoder::decodeAll(QByteArrayView(sample).sliced(skip), p.encoding);
    const Dialect sniffed = DialectSniffer::sniff(text);
    p.delimiter = options.delimiter.value_or(sniffed.delimiter);
    p.hasHeader = options.hasHeader.value_or(
        options.delimiter ? DialectSniffer::looksLikeHeader(CsvReader::parse(text, p.delimiter, 60))
                          : sniffed.hasHeader);
    QList<QStringList> records = CsvReader::parse(text, p.delimiter, rows + 1);
    if (p.hasHeader && !records.isEmpty())
        p.headers = records.takeFirst();
    qsizetype columns = p.headers.size();
    for (const QStringList &r : records)
        columns = std::max(columns, r.size());
    for (qsizetype c = p.headers.size(); c < columns; ++c)
        p.headers << tr("Column %1").arg(c + 1);
    p.rows = records.mid(0, rows);
    for (QStringList &r : p.rows) {
        for (QString &cell : r)
            cell = TextNormalizer::normalize(cell);
    }
    for (QString &h : p.headers)
        h = TextNormalizer::normalize(h.trimmed());
    p.targets = ImportPlanner::resolveTargets(db, options, p.headers, p.hasHeader);
    return p;
}

ImportReport ImportJob::run(const ProgressFunction &progress, const std::atomic<bool> *cancel)
{
    QElapsedTimer timer;
    timer.start();
    ImportReport report;
    auto fail = [&](const QString &message) {
        report.failed = true;
        report.error = message;
        report.seconds = timer.elapsed() / 1000.0;
        qCWarning(lcImport) << "import failed:" << message;
        return report;
    };

    // Encoding, delimiter, header: what the preview shows is what is imported.
    QFile file(m_options.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot open %1: %2").arg(m_options.path, file.errorString()));
    const qint64 totalBytes = file.size();
    const ImportPreview p = preview(m_db, m_options, 2);
    if (!p.error.isEmpty())
        return fail(p.error);
    report.encoding = p.encoding;
    report.delimiter = p.delimiter;
    report.hasHeader = p.hasHeader;
    Encoding bomEncoding;
    const int bom = EncodingDetector::bomLength(file.peek(4), &bomEncoding);
    CsvReader::Options readerOptions;
    readerOptions.delimiter = p.delimiter;
    readerOptions.maxFieldSize = m_options.maxFieldSize;
    readerOptions.keepRaw = false; // only a row with issues keeps its text
    CsvReader reader(&file, p.encoding, readerOptions, bom && bomEncoding == p.encoding ? bom : 0);

    // The plan, then the import's own record (committed before any contact).
    ImportPlanner planner(m_db, m_options);
    const auto plan = planner.plan(reader, p.hasHeader);
    if (!plan)
        return fail(planner.errorString());
    report.headers = plan->headers;
    report.targets = plan->targets;
    ImportHistory history(m_db);
    if (!m_options.dryRun) {
        report.importId =
            history.begin(plan->fileName, Encodings::key(p.encoding), p.delimiter,
                          {{QStringLiteral("policy"), int(m_options.policy)},
                           {QStringLiteral("tag"), m_options.tag},
                           {QStringLiteral("list"), m_options.staticList},
                           {QStringLiteral("pid"), QCoreApplication::applicationPid()}});
        if (!report.importId)
            return fail(history.errorString());
    }
    ImportWriter writer(m_db, m_options, *plan, report.importId);
    if (!writer.open(totalBytes))
        return fail(writer.errorString());

    // Reading, decoding, parsing and cleaning run on a second thread, which
    // hands prepared rows over in chunks; this thread only looks up and writes.
    RowParser parser(*plan, m_options);
    ChunkPipe pipe;
    RowReader rows(reader, parser, pipe, plan->pending, writer.intoEmptyWorkspace(), totalBytes);
    std::thread readerThread([&rows] { rows.run(); });
    bool joined = false;
    auto join = [&] {
        if (std::exchange(joined, true))
            return;
        pipe.stop();
        readerThread.join();
    };
    auto joinGuard = qScopeGuard(join);
    RowSource source(pipe, writer, rows);

    QElapsedTimer sinceProgress;
    sinceProgress.start();
    auto reportProgress = [&](qint64 done) {
        if (!progress || (done & 1023) != 0 || sinceProgress.elapsed() < 100)
            return;
        sinceProgress.restart();
        ImportProgress pr;
        pr.rows = done;
        pr.bytesRead = rows.bytesRead();
        pr.totalBytes = totalBytes;
        const double secs = timer.elapsed() / 1000.0;
        pr.rowsPerSecond = secs > 0 ? pr.rows / secs : 0;
        if (pr.bytesRead > 0 && secs > 0.5)
            pr.etaSeconds = secs * double(totalBytes - pr.bytesRead) / double(pr.bytesRead);
        progress(pr);
    };

    // Batch by batch, each one transaction: a cancelled, failed or killed
    // import never leaves half a batch.
    QSqlDatabase db = m_db.connection();
    const int batchSize =
        m_options.dryRun ? std::numeric_limits<int>::max() : std::max(1, m_options.batchSize);
    bool inputDone = false;
    while (!inputDone) {
        Transaction tx(db, Transaction::Mode::Write);
        if (!tx.isActive())
            return fail(tr("Cannot write to the workspace: %1").arg(tx.errorString()));
        ImportCounts counts;
        bool failed = false;
        while (counts.rows < batchSize) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                report.cancelled = true;
                break;
            }
            PreparedRow *row = source.next(counts, &failed);
            if (!row) {
                inputDone = !failed;
                break;
            }
            ++counts.rows;
            if (!writer.write(*row, counts)) {
                failed = true;
                break;
            }
            reportProgress(report.rows + counts.rows);
        }
        if (failed)
            return fail(writer.errorString()); // the open batch is rolled back
        if (report.cancelled)
            break; // the open batch is rolled back
        if (!writer.endBatch(counts))
            return fail(writer.errorString());
        if (m_options.dryRun) {
            tx.rollback();
        } else {
            if (!history.addBatch(report.importId, counts))
                return fail(tr("Cannot write to the workspace: %1").arg(history.errorString()));
            if (!tx.commit())
                return fail(tr("Cannot write to the workspace: %1").arg(tx.errorString()));
        }
        report.add(counts);
        for (const ImportIssue &i : std::as_const(counts.issues)) {
            if (report.issues.size() < kIssuesInReport)
                report.issues << i;
        }
    }
    join();
    if (!reader.ioError().isEmpty())
        return fail(tr("Reading %1 failed: %2").arg(plan->fileName, reader.ioError()));
    if (!m_options.dryRun &&
        !history.finish(report.importId,
                        report.cancelled ? QStringLiteral("cancelled") : QStringLiteral("done")))
        qCWarning(lcImport) << "cannot mark the import finished:" << history.errorString();
    report.seconds = timer.elapsed() / 1000.0;
    qCInfo(lcImport) << "imported" << plan->fileName << report.rows << "rows in" << report.seconds
                     << "s";
    return report;
}

} // namespace masir
