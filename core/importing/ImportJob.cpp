#include "importing/ImportJob.h"

#include "common/Logging.h"
#include "common/TextNormalizer.h"
#include "contacts/Contact.h"
#include "contacts/ContactColumns.h"
#include "contacts/ContactRepository.h"
#include "contacts/EmailAddress.h"
#include "contacts/PhoneNumbers.h"
#include "events/EventStore.h"
#include "importing/CsvReader.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"
#include "storage/SqliteStatement.h"
#include "storage/Transaction.h"
#include "storage/WalCheckpointer.h"

#ifdef __linux__
#include <sys/mman.h>
#endif

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <limits>
#include <mutex>
#include <new>
#include <thread>
#include <vector>

namespace masir {

namespace {

constexpr qint64 kSampleBytes = 256 * 1024;
constexpr int kIssuesInReport = 1000;
constexpr int kInsertRows = 64; ///< new contacts a statement inserts (see flushWaiting)

/// A data row read and cleaned on the reader thread, ready to be written.
struct PreparedRow
{
    CsvReader::Record record; ///< row and line; the raw text for issues (no fields)
    bool ok = false;          ///< false: rejected (see issues)
    SqliteRow contact;        ///< the contact's columns, as created (ContactColumns)
    int score = 0;            ///< from the file; the score is not among the columns
    quint64 emailKey = 0;     ///< keyHash() of the email and phone columns (0: empty)
    quint64 phoneKey = 0;
    /// Into an empty workspace: where the writer keeps the contact that has this
    /// row's email (see owners), 0 if it has none. Each row that is ok has two
    /// slots, numbered in the file's order: 2n for the email and 2n + 1 for the
    /// phone of the nth such row. An address's slot is one of the row that
    /// brought it first, this row's own if it did.
    qint64 emailSlot = 0;
    qint64 phoneSlot = 0;    ///< the same for the phone
    bool stageGiven = false; ///< the file names a stage (else new contacts are subscribers)
    /// The columns no column of the file feeds hold what they hold in the
    /// import's first contact (see the shared placeholders in run()).
    bool sharedAsFirst = false;
    QStringList tags;
    QList<QPair<FieldDefinition, QString>> custom;
    QList<ImportIssue> issues;

    /// Empty again, keeping what it has allocated: the reader reuses rows.
    void clear()
    {
        record.raw.clear();
        record.row = record.line = 0;
        ok = false;
        contact.clear();
        score = 0;
        emailKey = phoneKey = 0;
        emailSlot = phoneSlot = 0;
        stageGiven = false;
        sharedAsFirst = false;
        tags.clear();
        custom.clear();
        issues.clear();
    }
};

/// Rows handed from the reader thread to the writer, and back to be reused:
/// a million-row import then allocates a few thousand rows, not a million.
struct Chunk
{
    QList<PreparedRow> rows;
    qsizetype used = 0; ///< rows filled; a reused chunk keeps the others for later
    bool end = false;

    /// The next row to fill, cleared.
    PreparedRow &nextRow()
    {
        if (used == rows.size())
            rows.emplaceBack();
        PreparedRow &row = rows[used++];
        row.clear();
        return row;
    }
};

/// Which column feeds which field.
struct ColumnPlan
{
    QHash<QString, int> standard; // target -> column
    QList<int> tags;
    QList<QPair<int, FieldDefinition>> custom;
    int column(const char *target) const { return standard.value(QLatin1String(target), -1); }
};

QStringList resolveTargets(const Database &db, const ImportOptions &options,
                           const QStringList &headers, bool hasHeader)
{
    QStringList targets;
    if (options.targets.size() == headers.size())
        targets = options.targets;
    else if (hasHeader)
        targets = ColumnMapper::remembered(db, headers);
    if (targets.isEmpty())
        targets = hasHeader ? ColumnMapper::guessAll(headers)
                            : QStringList(headers.size(), ImportTarget::Skip);
    for (auto it = options.overrides.cbegin(); it != options.overrides.cend(); ++it) {
        for (qsizetype c = 0; c < headers.size(); ++c) {
            if (ColumnMapper::normalizeHeader(headers.at(c)) ==
                ColumnMapper::normalizeHeader(it.key()))
                targets[c] = it.value();
        }
    }
    return targets;
}

quint64 keyHash(char kind, const QByteArray &value)
{
    if (value.isEmpty())
        return 0;
    const quint64 h = qHash(value, 0x5eed + uchar(kind)) ^ (quint64(qHash(value, 0x1403)) << 32);
    return h ? h : 1; // 0 means "no value"
}

/// Zero-filled memory straight from the system (no pass to clear it), in 2 MiB
/// pages where Linux offers them: a million-row import's key table is 64 MiB,
/// and in 4 KiB pages its first touches and TLB misses cost its thread 0.2 s.
class ZeroedMemory
{
    Q_DISABLE_COPY(ZeroedMemory)

public:
    ZeroedMemory() = default;
    explicit ZeroedMemory(size_t bytes)
        : m_size(bytes)
    {
#ifdef __linux__
        void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            throw std::bad_alloc();
        madvise(p, bytes, MADV_HUGEPAGE); // a hint: without it, 4 KiB pages
        m_data = p;
#else
        m_data = std::calloc(1, bytes);
        if (!m_data)
            throw std::bad_alloc();
#endif
    }
    ZeroedMemory(ZeroedMemory &&other) noexcept
        : m_data(std::exchange(other.m_data, nullptr))
        , m_size(std::exchange(other.m_size, 0))
    {}
    ZeroedMemory &operator=(ZeroedMemory &&other) noexcept
    {
        ZeroedMemory gone(std::move(*this));
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        return *this;
    }
    ~ZeroedMemory()
    {
        if (!m_data)
            return;
#ifdef __linux__
        munmap(m_data, m_size);
#else
        std::free(m_data);
#endif
    }
    void *data() const
    {
        return m_data;
    }

private:
    void *m_data = nullptr;
    size_t m_size = 0;
};

/// Key hashes (never 0) -> a number each (0: none); the import keeps the slot
/// of the row that brought each address first (see PreparedRow::emailSlot).
/// Open addressing in one flat array: a million-row import asks it two million
/// times, and a QHash spent more time on its spans and nodes than SQLite on the
/// rows.
class FirstRows
{
public:
    /// Brings \a key's slot into the cache ahead of value() and assign(): the
    /// table is far larger than the cache, and each lookup would wait for memory.
    void prefetch(quint64 key) const
    {
        if (m_count)
            __builtin_prefetch(&table()[slotOf(key)]);
    }
    qint64 value(quint64 key) const
    {
        if (!m_count)
            return 0;
        const Slot *table = this->table();
        for (size_t i = slotOf(key);; i = (i + 1) & m_mask) {
            if (table[i].key == key)
                return table[i].number;
            if (table[i].key == 0)
                return 0;
        }
    }
    /// Sets the number of \a key, which is added if it is not there.
    void assign(quint64 key, qint64 number)
    {
        if ((m_used + 1) * 2 > m_count)
            grow();
        Slot *table = this->table();
        for (size_t i = slotOf(key);; i = (i + 1) & m_mask) {
            if (table[i].key == key) {
                table[i].number = number;
                return;
            }
            if (table[i].key == 0) {
                table[i] = {key, number};
                ++m_used;
                return;
            }
        }
    }
    /// Room for \a keys without growing again (growing rehashes every key).
    void reserve(size_t keys)
    {
        size_t count = 1024;
        while (count < keys * 2)
            count *= 2;
        if (count > m_count)
            rehash(count);
    }

private:
    struct Slot
    {
        quint64 key = 0;
        qint64 number = 0;
    };
    size_t slotOf(quint64 key) const { return size_t(key * 0x9E3779B97F4A7C15ull >> 20) & m_mask; }
    Slot *table() const { return static_cast<Slot *>(m_memory.data()); }
    void grow() { rehash(std::max<size_t>(1024, m_count * 2)); }
    void rehash(size_t count)
    {
        const ZeroedMemory old = std::exchange(m_memory, ZeroedMemory(count * sizeof(Slot)));
        const auto *oldSlots = static_cast<const Slot *>(old.data());
        const size_t oldCount = std::exchange(m_count, count);
        m_mask = count - 1;
        m_used = 0;
        for (size_t i = 0; i < oldCount; ++i) {
            if (oldSlots[i].key)
                assign(oldSlots[i].key, oldSlots[i].number);
        }
    }

    ZeroedMemory m_memory;
    size_t m_count = 0; ///< slots, a power of two
    size_t m_mask = 0;
    size_t m_used = 0;
};

QString genderKey(const QString &raw)
{
    const QString s = TextNormalizer::forSearch(raw.trimmed());
    static const QStringList female = {
        QStringLiteral("f"),  QStringLiteral("female"),    QStringLiteral("woman"),
        QStringLiteral("زن"), QStringLiteral("خانم"),      QStringLiteral("kobieta"),
        QStringLiteral("k"),  QStringLiteral("perempuan"), QStringLiteral("p")};
    static const QStringList male = {QStringLiteral("m"),      QStringLiteral("male"),
                                     QStringLiteral("man"),    QStringLiteral("مرد"),
                                     QStringLiteral("آقا"),    QStringLiteral("mężczyzna"),
                                     QStringLiteral("lelaki"), QStringLiteral("l")};
    if (female.contains(s))
        return QStringLiteral("female");
    if (male.contains(s))
        return QStringLiteral("male");
    if (s == QLatin1String("other") || s == QLatin1String("x"))
        return QStringLiteral("other");
    return {};
}

QString countryCode(const QString &raw)
{
    const QString s = raw.trimmed();
    if (s.size() == 2 && s.at(0).isLetter() && s.at(1).isLetter())
        return s.toUpper();
    const QString folded = TextNormalizer::forSearch(s);
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> n;
        for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
            const auto territory = QLocale::Territory(t);
            const QString code = QLocale::territoryToCode(territory);
            if (code.size() == 2)
                n.insert(TextNormalizer::forSearch(QLocale::territoryToString(territory)), code);
        }
        n.insert(TextNormalizer::forSearch(QStringLiteral("ایران")), QStringLiteral("IR"));
        n.insert(TextNormalizer::forSearch(QStringLiteral("Polska")), QStringLiteral("PL"));
        n.insert(TextNormalizer::forSearch(QStringLiteral("USA")), QStringLiteral("US"));
        n.insert(TextNormalizer::forSearch(QStringLiteral("UK")), QStringLiteral("GB"));
        return n;
    }();
    return names.value(folded);
}

} // namespace

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
    p.targets = resolveTargets(db, options, p.headers, p.hasHeader);
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
        return report;
    };

    QFile file(m_options.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot open %1: %2").arg(m_options.path, file.errorString()));
    const qint64 totalBytes = file.size();

    // Encoding, delimiter, header: what the preview shows is what is imported.
    const ImportPreview p = preview(m_db, m_options, 2);
    if (!p.error.isEmpty())
        return fail(p.error);
    report.encoding = p.encoding;
    report.delimiter = p.delimiter;
    report.hasHeader = p.hasHeader;
    Encoding bomEncoding;
    const QByteArray head = file.peek(4);
    const int bom = EncodingDetector::bomLength(head, &bomEncoding);

    CsvReader::Options readerOptions;
    readerOptions.delimiter = p.delimiter;
    readerOptions.maxFieldSize = m_options.maxFieldSize;
    readerOptions.keepRaw = false; // only a row with issues keeps its text
    CsvReader reader(&file, p.encoding, readerOptions, bom && bomEncoding == p.encoding ? bom : 0);
    CsvReader::Record record;
    CsvReader::Error readError;

    QSqlDatabase db = m_db.connection();
    const QString fileName = QFileInfo(m_options.path).fileName();
    const QDateTime now = QDateTime::currentDateTimeUtc();

    // Custom fields the user asked to create from columns.
    CustomFieldRepository fieldRepo(m_db);
    if (!m_options.dryRun) {
        for (FieldDefinition def : m_options.newFields) {
            if (!fieldRepo.field(def.key) && !fieldRepo.add(def))
                return fail(tr("Cannot create the custom field %1: %2")
                                .arg(def.key, fieldRepo.errorString()));
        }
    }
    const QList<FieldDefinition> fields = fieldRepo.fields();

    // The header, then the plan of which column feeds which field.
    QList<CsvReader::Record> pending; // a first data row read while looking for the header
    QStringList headers;
    if (p.hasHeader) {
        for (;;) {
            const auto s = reader.next(record, readError);
            if (s == CsvReader::Status::End)
                break;
            if (s == CsvReader::Status::Record) {
                for (const QString &h : std::as_const(record.fields))
                    headers << TextNormalizer::normalize(h.trimmed());
                break;
            }
        }
    } else {
        const auto s = reader.next(record, readError);
        if (s == CsvReader::Status::Record) {
            for (qsizetype c = 0; c < record.fields.size(); ++c)
                headers << tr("Column %1").arg(c + 1);
            record.raw = reader.lastRecordText();
            pending << record;
        }
    }
    report.headers = headers;
    const QStringList targets = resolveTargets(m_db, m_options, headers, p.hasHeader);
    report.targets = targets;

    ColumnPlan plan;
    for (qsizetype c = 0; c < targets.size(); ++c) {
        const QString &t = targets.at(c);
        if (t == ImportTarget::Skip || t.isEmpty())
            continue;
        if (t == ImportTarget::Tags) {
            plan.tags << int(c);
        } else if (ImportTarget::isCustom(t)) {
            const QString key = t.mid(7);
            const auto def = std::find_if(fields.cbegin(), fields.cend(),
                                          [&](const FieldDefinition &f) { return f.key == key; });
            if (def == fields.cend() && !m_options.dryRun)
                return fail(tr("Column \"%1\" is mapped to the custom field \"%2\", which does not "
                               "exist. Create it first, or map the column elsewhere.")
                                .arg(headers.value(c), key));
            if (def != fields.cend())
                plan.custom.append({int(c), *def});
        } else if (ImportTarget::standard().contains(t)) {
            plan.standard.insert(t, int(c));
        } else {
            return fail(tr("Column \"%1\" is mapped to \"%2\", which is not a contact field.")
                            .arg(headers.value(c), t));
        }
    }
    if (!headers.isEmpty() && plan.column("email") < 0 && plan.column("phone") < 0 &&
        plan.column("first_name") < 0 && plan.column("last_name") < 0 &&
        plan.column("full_name") < 0)
        return fail(tr("No column is mapped to an email address, a phone number or a name, so "
                       "no contact can be made. Map at least one of them."));
    if (p.hasHeader && !m_options.dryRun && !headers.isEmpty())
        ColumnMapper::remember(m_db, headers, targets);

    QString region = m_options.defaultRegion;
    if (region.isEmpty())
        region = WorkspaceSettings(m_db).defaultRegion();
    const QString source = m_options.source.isEmpty() ? fileName : m_options.source;
    const QString consentSource = tr("import: %1").arg(fileName);

    QSqlQuery q(db);
    // The import's own record, committed before any contact.
    if (!m_options.dryRun) {
        QJsonObject opts{{QStringLiteral("policy"), int(m_options.policy)},
                         {QStringLiteral("tag"), m_options.tag},
                         {QStringLiteral("list"), m_options.staticList},
                         {QStringLiteral("pid"), QCoreApplication::applicationPid()}};
        q.prepare(QStringLiteral("INSERT INTO imports (file_name, encoding, delimiter, options, "
                                 "started_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
        q.addBindValue(fileName);
        q.addBindValue(Encodings::key(p.encoding));
        q.addBindValue(QString(p.delimiter));
        q.addBindValue(QString::fromUtf8(QJsonDocument(opts).toJson(QJsonDocument::Compact)));
        q.addBindValue(now.toMSecsSinceEpoch());
        QString error;
        const auto id = Sql::insertedId(lcImport(), q, &error);
        if (!id)
            return fail(tr("Cannot record the import: %1").arg(error));
        report.importId = *id;
    }

    bool workspaceHadContacts = false;
    if (q.exec(QStringLiteral("SELECT count(*) FROM contacts")) && q.next())
        workspaceHadContacts = q.value(0).toLongLong() > 0;
    q.finish();
    // Into an empty workspace, a large file is written without the contacts'
    // indexes, which are then built once by sorting: much cheaper than a million
    // random inserts into each. Only this import's own contacts can match then,
    // and it finds them by the ids it keeps in memory (see owners and find()).
    const bool deferIndexes =
        !workspaceHadContacts && !m_options.dryRun && totalBytes > m_options.bulkFromBytes;
    // The log is copied into the file on another thread, without holding up
    // this one; through the index builds too, which it outlives.
    std::optional<WalCheckpointer> checkpointer;
    if (!m_options.dryRun)
        checkpointer.emplace(db);
    if (deferIndexes && !m_db.dropRebuildableIndexes())
        return fail(tr("Cannot write to the workspace: %1").arg(db.lastError().text()));
    // Each index built goes into the log, which the checkpointer copies while
    // the next is built.
    auto indexBuilt = [&] {
        if (checkpointer)
            checkpointer->committed();
    };
    auto rebuildIndexes = qScopeGuard([&] {
        if (!deferIndexes || m_db.ensureIndexes(indexBuilt))
            return;
        // Someone else created a contact with one of these addresses while the
        // unique index was away: theirs stays, the imported copy goes.
        QSqlQuery fix(db);
        fix.prepare(QStringLiteral(
            "DELETE FROM contacts WHERE import_id = ? AND email <> '' AND email IN (SELECT "
            "email FROM contacts WHERE email <> '' AND (import_id IS NULL OR import_id <> ?))"));
        fix.addBindValue(report.importId);
        fix.addBindValue(report.importId);
        if (fix.exec())
            qCWarning(lcImport) << "dropped" << fix.numRowsAffected()
                                << "contacts created elsewhere while importing";
        m_db.ensureIndexes(indexBuilt);
    });
    // A larger page cache while importing: the indexes are written in random order.
    // And no CHECK constraints: SQLite builds a temporary table for each IN list in
    // them on every INSERT, which costs more than the insert. The import writes
    // those columns only from ContactVocabulary, which always yields valid keys.
    const ScopedCacheSize cache(db, deferIndexes ? 8192 : 65536);
    QSqlQuery(db).exec(QStringLiteral("PRAGMA ignore_check_constraints = ON"));
    auto restorePragmas = qScopeGuard(
        [&] { QSqlQuery(db).exec(QStringLiteral("PRAGMA ignore_check_constraints = OFF")); });

    // The rows go through SQLite's own API: QSqlQuery's binding costs more than
    // SQLite's work for a row (see SqliteStatement).
    // The score is read only where a file's score can replace it: "overwrite".
    const QString selectColumns =
        QStringLiteral("id, ") + ContactColumns::names().join(QLatin1Char(',')) + QLatin1Char(',') +
        (m_options.policy == ImportOptions::Policy::Overwrite ? ContactColumns::scoreSelect()
                                                              : QStringLiteral("0"));
    const int scoreColumn = 1 + int(ContactColumns::names().size());
    SqliteStatement insertContact(db, ContactColumns::insertSql({QStringLiteral("import_id")}));
    SqliteStatement insertContacts(
        db, ContactColumns::insertSql({QStringLiteral("import_id")}, kInsertRows));
    // A column no column of the file feeds holds one value in every new row (an
    // empty country, the stage "subscriber", the import's time...): often most
    // of them. A group of rows binds those once, into placeholders all its rows
    // share; a group where they differ after all takes insertContacts.
    std::vector<bool> shared;
    for (const QString &column : ContactColumns::names()) {
        static const QHash<QString, QStringList> fedBy = {
            {QStringLiteral("first_name"),
             {QStringLiteral("first_name"), QStringLiteral("full_name")}},
            {QStringLiteral("last_name"),
             {QStringLiteral("last_name"), QStringLiteral("full_name")}},
            {QStringLiteral("email_consent_at"), {QStringLiteral("email_consent")}},
            {QStringLiteral("email_consent_source"), {QStringLiteral("email_consent")}},
            {QStringLiteral("sms_consent_at"), {QStringLiteral("sms_consent")}},
            {QStringLiteral("sms_consent_source"), {QStringLiteral("sms_consent")}},
            {QStringLiteral("search_text"),
             {QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("first_name"),
              QStringLiteral("last_name"), QStringLiteral("full_name"), QStringLiteral("company")}},
            {QStringLiteral("created_at"), {}},
            {QStringLiteral("updated_at"), {}},
        };
        const QStringList feeds = fedBy.value(column, {column});
        shared.push_back(std::none_of(feeds.cbegin(), feeds.cend(),
                                      [&](const QString &t) { return plan.standard.contains(t); }));
    }
    shared.push_back(true); // import_id
    const quint64 sharedMask = SqliteRow::mask(shared);
    SqliteStatement insertShared(
        db, ContactColumns::insertSql({QStringLiteral("import_id")}, kInsertRows, shared));
    SqliteStatement findByEmail(
        db, QStringLiteral("SELECT %1 FROM contacts WHERE email = ? AND email <> '' LIMIT 1")
                .arg(selectColumns));
    SqliteStatement findByPhone(
        db, QStringLiteral("SELECT %1 FROM contacts WHERE phone = ? ORDER BY id LIMIT 1")
                .arg(selectColumns));
    SqliteStatement findById(
        db, QStringLiteral("SELECT %1 FROM contacts WHERE id = ?").arg(selectColumns));
    SqliteStatement updateContact(db, ContactColumns::updateSql());
    SqliteStatement upsertScore(db, ContactColumns::scoreUpsertSql());
    SqliteStatement addScoreRows(db, QStringLiteral("INSERT OR IGNORE INTO contact_scores "
                                                    "(contact_id) SELECT id FROM contacts WHERE "
                                                    "id > ? ORDER BY id"));
    SqliteStatement insertTag(
        db, QStringLiteral("INSERT INTO tags (name, name_key, created_at) VALUES (?, ?, ?) "
                           "ON CONFLICT (name_key) DO NOTHING"));
    SqliteStatement findTag(db, QStringLiteral("SELECT id FROM tags WHERE name_key = ?"));
    SqliteStatement tagContact(
        db, QStringLiteral("INSERT INTO contact_tags (contact_id, tag_id, added_at) "
                           "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    SqliteStatement insertValue(
        db, m_options.policy == ImportOptions::Policy::Overwrite
                ? QStringLiteral(
                      "INSERT INTO contact_values (contact_id, field_id, value) VALUES (?, ?, ?) "
                      "ON CONFLICT (contact_id, field_id) DO UPDATE SET value = excluded.value")
                : QStringLiteral(
                      "INSERT INTO contact_values (contact_id, field_id, value) VALUES (?, ?, ?) "
                      "ON CONFLICT (contact_id, field_id) DO NOTHING"));
    SqliteStatement insertIssue(
        db, QStringLiteral("INSERT INTO import_issues (import_id, row_number, line_number, "
                           "severity, field, message, raw) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    SqliteStatement addMember(
        db, QStringLiteral("INSERT INTO segment_members (segment_id, contact_id, added_at) "
                           "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    SqliteStatement updateImport(
        db, QStringLiteral("UPDATE imports SET rows_read = rows_read + ?, created = created + ?, "
                           "updated = updated + ?, skipped = skipped + ?, "
                           "rejected = rejected + ?, warnings = warnings + ? WHERE id = ?"));
    for (const SqliteStatement *st :
         {&insertContact, &insertContacts, &findByEmail, &findByPhone, &findById, &updateContact,
          &upsertScore, &addScoreRows, &insertTag, &findTag, &tagContact, &insertValue,
          &insertIssue, &addMember, &updateImport}) {
        if (!st->isValid())
            return fail(tr("Cannot write to the workspace: %1").arg(st->errorString()));
    }
    const qint64 nowMs = now.toMSecsSinceEpoch();

    QHash<QString, qint64> tagIds;
    auto tagId = [&](const QString &name) -> qint64 {
        const QString key = TextNormalizer::forSearch(name);
        if (const auto it = tagIds.constFind(key); it != tagIds.cend())
            return *it;
        insertTag.bind(1, name.toUtf8());
        insertTag.bind(2, key.toUtf8());
        insertTag.bind(3, nowMs);
        insertTag.exec();
        findTag.bind(1, key.toUtf8());
        qint64 id = 0;
        if (findTag.step() == SqliteStatement::Result::Row)
            id = findTag.columnInt64(0);
        findTag.reset();
        tagIds.insert(key, id);
        return id;
    };

    // The static list every imported contact joins.
    qint64 listId = 0;
    if (!m_options.staticList.trimmed().isEmpty() && !m_options.dryRun) {
        q.prepare(QStringLiteral(
            "INSERT INTO segments (name, kind, created_at, updated_at) VALUES (?, 'static', ?, ?) "
            "ON CONFLICT (name) DO NOTHING"));
        q.addBindValue(m_options.staticList.trimmed());
        q.addBindValue(now.toMSecsSinceEpoch());
        q.addBindValue(now.toMSecsSinceEpoch());
        q.exec();
        q.prepare(QStringLiteral("SELECT id, kind FROM segments WHERE name = ?"));
        q.addBindValue(m_options.staticList.trimmed());
        if (q.exec() && q.next()) {
            if (q.value(1).toString() != QLatin1String("static"))
                return fail(
                    tr("\"%1\" is a segment with rules, not a static list. Choose another name.")
                        .arg(m_options.staticList));
            listId = q.value(0).toLongLong();
        }
        q.finish();
    }

    // A bulk import that gives its contacts nothing but themselves (no tag, list
    // or custom field) writes rows that refer only to rows it wrote in the same
    // transaction: a contact's score row to the contact, an issue to the import.
    // SQLite's check of each such reference cost more than the score row.
    const bool checkReferences = !deferIndexes || !plan.tags.isEmpty() ||
                                 !m_options.tag.trimmed().isEmpty() || listId ||
                                 !plan.custom.isEmpty();
    if (!checkReferences)
        QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    auto restoreReferences = qScopeGuard([&] {
        if (!checkReferences)
            QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    });

    // Into an empty workspace, by the slots the reader gives the rows (see
    // PreparedRow::emailSlot): the contact a lookup of each address in the table
    // would find, the lowest id with it. 0: no contact has the address (nor
    // another one with its hash), which is all find() trusts without checking;
    // negative: a row waiting to be inserted (-1 - its place); kAskTable: ask
    // the table (a row that had it failed, or its contact lost it and the table
    // had no other). A contact's id is checked before it is taken. The reader finds each address's
    // first row in its own hash table: this thread then looks up only the addresses it has seen
    // before, by index, not each one by hash (half a second of waiting for memory in a million
    // rows).
    constexpr qint64 kAskTable = std::numeric_limits<qint64>::max();
    std::vector<qint64> owners;
    qint64 maxCreatedId = 0;
    qint64 scoreRowsFrom = 0; // every contact up to this id has its score row
    QList<ImportIssue> batchIssues;
    qint64 bCreated = 0, bUpdated = 0, bSkipped = 0, bRejected = 0, bWarnings = 0, bRows = 0;
    const qsizetype columnCount = headers.size();

    auto writeIssue = [&](const CsvReader::Record &r, bool rejected, const QString &field,
                          const QString &message) {
        batchIssues.append({r.row, r.line, rejected, field, message, r.raw.left(2000)});
        if (rejected)
            ++bRejected;
        else
            ++bWarnings;
    };
    auto cell = [&](const CsvReader::Record &r, int column) -> QString {
        if (column < 0 || column >= r.fields.size())
            return {};
        return TextNormalizer::normalize(r.fields.at(column).trimmed());
    };

    // The column of each standard field (-1: none), looked up once, not per row.
    struct StandardColumns
    {
        int birthday = -1;
        int city = -1;
        int company = -1;
        int country = -1;
        int email = -1;
        int email_consent = -1;
        int first_name = -1;
        int full_name = -1;
        int gender = -1;
        int language = -1;
        int last_name = -1;
        int owner = -1;
        int phone = -1;
        int score = -1;
        int sms_consent = -1;
        int source = -1;
        int stage = -1;
        int status = -1;
        int timezone = -1;
    } columns;
    columns.birthday = plan.column("birthday");
    columns.city = plan.column("city");
    columns.company = plan.column("company");
    columns.country = plan.column("country");
    columns.email = plan.column("email");
    columns.email_consent = plan.column("email_consent");
    columns.first_name = plan.column("first_name");
    columns.full_name = plan.column("full_name");
    columns.gender = plan.column("gender");
    columns.language = plan.column("language");
    columns.last_name = plan.column("last_name");
    columns.owner = plan.column("owner");
    columns.phone = plan.column("phone");
    columns.score = plan.column("score");
    columns.sms_consent = plan.column("sms_consent");
    columns.source = plan.column("source");
    columns.stage = plan.column("stage");
    columns.status = plan.column("status");
    columns.timezone = plan.column("timezone");

    // Reads one data row into a contact; false if the row is rejected.
    // Runs on the reader thread: it only reads the plan and the options.
    auto buildContact = [&](const CsvReader::Record &r, Contact &c, QStringList &tags,
                            QList<QPair<FieldDefinition, QString>> &custom,
                            QList<ImportIssue> &issues) -> bool {
        auto issue = [&issues](const CsvReader::Record &rec, bool rejected, const QString &field,
                               const QString &message) {
            issues.append({rec.row, rec.line, rejected, field, message, rec.raw.left(2000)});
        };
        if (columnCount > 0 && r.fields.size() > columnCount) {
            bool extra = false;
            for (qsizetype i = columnCount; i < r.fields.size(); ++i)
                extra = extra || !r.fields.at(i).trimmed().isEmpty();
            if (extra)
                issue(r, false, QString(),
                      tr("The row has %1 fields, the header %2; the extra fields were ignored.")
                          .arg(r.fields.size())
                          .arg(columnCount));
        }
        QString error;
        const QString rawEmail = cell(r, columns.email);
        if (!rawEmail.isEmpty()) {
            c.email = EmailAddress::normalize(rawEmail, &error);
            if (c.email.isEmpty()) {
                issue(r, true, QStringLiteral("email"), tr("\"%1\": %2").arg(rawEmail, error));
                return false;
            }
        }
        const QString rawPhone = cell(r, columns.phone);
        if (!rawPhone.isEmpty()) {
            c.phone = PhoneNumbers::normalize(rawPhone, region, &error);
            if (c.phone.isEmpty())
                issue(r, false, QStringLiteral("phone"), tr("\"%1\": %2").arg(rawPhone, error));
        }
        c.firstName = TextNormalizer::simplified(cell(r, columns.first_name));
        c.lastName = TextNormalizer::simplified(cell(r, columns.last_name));
        if (const QString full = cell(r, columns.full_name);
            !full.isEmpty() && c.firstName.isEmpty() && c.lastName.isEmpty()) {
            const auto [first, last] = ValueParsers::splitFullName(full);
            c.firstName = first;
            c.lastName = last;
        }
        if (c.email.isEmpty() && c.phone.isEmpty() && c.firstName.isEmpty() &&
            c.lastName.isEmpty()) {
            issue(r, true, QString(),
                  rawPhone.isEmpty() ? tr("The row has no email address, phone number or name.")
                                     : tr("The row has no email address or name, and its phone "
                                          "number \"%1\" is not valid.")
                                           .arg(rawPhone));
            return false;
        }
        c.company = TextNormalizer::simplified(cell(r, columns.company));
        c.city = TextNormalizer::simplified(cell(r, columns.city));
        if (const QString v = cell(r, columns.country); !v.isEmpty()) {
            c.country = countryCode(v);
            if (c.country.isEmpty())
                issue(r, false, QStringLiteral("country"),
                      tr("\"%1\" is not a country we know.").arg(v));
        }
        c.language = cell(r, columns.language);
        c.timezone = cell(r, columns.timezone);
        if (const QString v = cell(r, columns.birthday); !v.isEmpty()) {
            const auto d = ValueParsers::parseDate(v, m_options.dates);
            if (!d || *d > QDate::currentDate() || d->year() < 1900)
                issue(r, false, QStringLiteral("birthday"),
                      tr("\"%1\" is not a date of birth we can read.").arg(v));
            else
                c.birthday = *d;
        }
        if (const QString v = cell(r, columns.gender); !v.isEmpty()) {
            c.gender = genderKey(v);
            if (c.gender.isEmpty())
                issue(r, false, QStringLiteral("gender"),
                      tr("\"%1\" is not a gender we know.").arg(v));
        }
        c.source = cell(r, columns.source);
        if (c.source.isEmpty())
            c.source = source;
        c.stage.clear();
        if (const QString v = cell(r, columns.stage); !v.isEmpty()) {
            for (const QString &key : ContactVocabulary::stageKeys()) {
                if (TextNormalizer::forSearch(v) == key ||
                    TextNormalizer::forSearch(v) ==
                        TextNormalizer::forSearch(ContactVocabulary::stageLabel(key)))
                    c.stage = key;
            }
            if (c.stage.isEmpty())
                issue(r, false, QStringLiteral("stage"), tr("\"%1\" is not a stage.").arg(v));
        }
        c.owner = cell(r, columns.owner);
        if (const QString v = cell(r, columns.score); !v.isEmpty()) {
            if (const auto n = ValueParsers::parseInt(v))
                c.score = *n;
            else
                issue(r, false, QStringLiteral("score"), tr("\"%1\" is not a number.").arg(v));
        }
        if (const QString v = cell(r, columns.status); !v.isEmpty()) {
            bool ok = false;
            c.status = ContactVocabulary::statusFromKey(TextNormalizer::forSearch(v), &ok);
            if (!ok)
                issue(r, false, QStringLiteral("status"),
                      tr("\"%1\" is not a contact status.").arg(v));
        }
        auto consent = [&](const char *target, int column, Consent &out) {
            const QString v = cell(r, column);
            if (v.isEmpty())
                return;
            const auto b = ValueParsers::parseBool(v);
            if (!b) {
                issue(r, false, QLatin1String(target), tr("\"%1\" is not yes or no.").arg(v));
                return;
            }
            out.status = *b ? ConsentStatus::Granted : ConsentStatus::Withdrawn;
            out.changedAt = now;
            out.source = consentSource;
        };
        consent("email_consent", columns.email_consent, c.emailConsent);
        consent("sms_consent", columns.sms_consent, c.smsConsent);
        for (const int column : std::as_const(plan.tags))
            tags << ValueParsers::parseTags(cell(r, column));
        if (!m_options.tag.trimmed().isEmpty())
            tags << m_options.tag.trimmed();
        for (const auto &[column, def] : std::as_const(plan.custom)) {
            const QString v = cell(r, column);
            if (v.isEmpty())
                continue;
            QString fieldError;
            const auto value = def.canonicalValue(v, &fieldError);
            if (value)
                custom.append({def, *value});
            else
                issue(r, false, QStringLiteral("custom.") + def.key, fieldError);
        }
        return true;
    };

    auto merge = [&](Contact &existing, const Contact &incoming) -> bool {
        const bool overwrite = m_options.policy == ImportOptions::Policy::Overwrite;
        bool changed = false;
        auto take = [&](QString &mine, const QString &theirs) {
            if (theirs.isEmpty() || mine == theirs || (!overwrite && !mine.isEmpty()))
                return;
            mine = theirs;
            changed = true;
        };
        take(existing.email, incoming.email);
        take(existing.phone, incoming.phone);
        take(existing.firstName, incoming.firstName);
        take(existing.lastName, incoming.lastName);
        take(existing.company, incoming.company);
        take(existing.city, incoming.city);
        take(existing.country, incoming.country);
        take(existing.language, incoming.language);
        take(existing.timezone, incoming.timezone);
        take(existing.gender, incoming.gender);
        take(existing.owner, incoming.owner);
        take(existing.stage, incoming.stage);
        if (incoming.birthday.isValid() && existing.birthday != incoming.birthday &&
            (overwrite || !existing.birthday.isValid())) {
            existing.birthday = incoming.birthday;
            changed = true;
        }
        if (overwrite && incoming.score != 0 && incoming.score != existing.score) {
            existing.score = incoming.score;
            changed = true;
        }
        auto takeConsent = [&](Consent &mine, const Consent &theirs) {
            if (theirs.status == ConsentStatus::Unknown || mine.status == theirs.status)
                return;
            if (overwrite || mine.status == ConsentStatus::Unknown) {
                mine = theirs;
                changed = true;
            }
        };
        takeConsent(existing.emailConsent, incoming.emailConsent);
        takeConsent(existing.smsConsent, incoming.smsConsent);
        return changed;
    };

    // Whether merge() would find nothing to change: each column the file fills
    // already holds the same bytes. Compared before anything is decoded: running
    // the same file again (or a file of mostly known contacts) reads, not writes.
    const bool overwrite = m_options.policy == ImportOptions::Policy::Overwrite;
    auto indexesOf = [](const QStringList &wanted) {
        std::vector<int> out;
        for (const QString &name : wanted)
            out.push_back(int(ContactColumns::names().indexOf(name)));
        Q_ASSERT(std::find(out.cbegin(), out.cend(), -1) == out.cend());
        return out;
    };
    // What merge() takes from a file; the stage only when the file names one.
    const std::vector<int> mergedColumns = indexesOf(
        {QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("first_name"),
         QStringLiteral("last_name"), QStringLiteral("company"), QStringLiteral("city"),
         QStringLiteral("country"), QStringLiteral("language"), QStringLiteral("timezone"),
         QStringLiteral("birthday"), QStringLiteral("gender"), QStringLiteral("owner")});
    const int stageColumn = indexesOf({QStringLiteral("stage")}).front();
    const std::vector<int> consentColumns =
        indexesOf({QStringLiteral("email_consent"), QStringLiteral("sms_consent")});
    std::vector<SqliteRow::Cell> incomingCells;
    auto sameAsStored = [&](const SqliteStatement &query, const PreparedRow &incoming) {
        if (overwrite && incoming.score != 0 &&
            query.columnInt64(scoreColumn) != qint64(incoming.score))
            return false;
        incomingCells = incoming.contact.cells();
        auto same = [&](int index) {
            const SqliteRow::Cell &theirs = incomingCells[size_t(index)];
            return theirs.size == 0 ||
                   query.columnBytes(1 + index) == QByteArrayView(theirs.data, theirs.size);
        };
        for (const int index : mergedColumns) {
            if (!same(index))
                return false;
        }
        if (incoming.stageGiven && !same(stageColumn))
            return false;
        for (const int index : consentColumns) {
            const SqliteRow::Cell &theirs = incomingCells[size_t(index)];
            if (QByteArrayView(theirs.data, theirs.size) != "unknown" && !same(index))
                return false;
        }
        return true;
    };
    const PreparedRow *comparing = nullptr; // the row whose match lookup() compares
    bool storedSame = false;                // what the last lookup found: sameAsStored()
    auto lookup = [&](SqliteStatement &query, const auto &value, Contact &found) -> qint64 {
        query.bind(1, value);
        qint64 id = 0;
        storedSame = false;
        if (query.step() == SqliteStatement::Result::Row) {
            id = query.columnInt64(0);
            storedSame = comparing && sameAsStored(query, *comparing);
            if (storedSame) {
                // All a caller reads of a contact that stays as it is.
                found = Contact();
                found.email = query.columnText(1);
                found.phone = query.columnText(2);
            } else {
                found = ContactColumns::read(query, 1);
                found.score = int(query.columnInt64(scoreColumn));
            }
        }
        query.reset();
        return id;
    };
    // The contact's row in contact_scores may not exist yet: a bulk import sets
    // the trigger aside and makes the rows at the end of each batch.
    auto setScore = [&](qint64 id, int score) {
        upsertScore.bind(1, id);
        upsertScore.bind(2, qint64(score));
        return upsertScore.exec();
    };

    // The tags, custom fields and static list of a contact that is in the table.
    auto attach = [&](const PreparedRow &prepared, qint64 id) {
        for (const QString &tag : std::as_const(prepared.tags)) {
            if (const qint64 t = tagId(tag)) {
                tagContact.bind(1, id);
                tagContact.bind(2, t);
                tagContact.bind(3, nowMs);
                tagContact.exec();
            }
        }
        for (const auto &[def, value] : std::as_const(prepared.custom)) {
            insertValue.bind(1, id);
            insertValue.bind(2, def.id);
            insertValue.bind(3, value.toUtf8());
            insertValue.exec();
        }
        if (listId) {
            addMember.bind(1, listId);
            addMember.bind(2, id);
            addMember.bind(3, nowMs);
            addMember.exec();
        }
    };

    // New contacts of an import into an empty workspace wait here and go into the
    // table kInsertRows to a statement: SQLite's work per statement is shared by
    // its rows (a million rows: 4.0 s one at a time, 2.9 s sixteen at a time; the
    // import 3% faster again with 64).
    // Their addresses' slots hold a provisional id (-1 - their place), so a
    // later row with the same address writes them first (see find()). They stay
    // in their chunk, which nextRow() keeps until the next one is done.
    std::vector<const PreparedRow *> waiting;
    waiting.reserve(kInsertRows);
    auto bindImportId = [&](SqliteStatement &st, int column) {
        if (report.importId)
            st.bind(column, report.importId);
        else
            st.bindNull(column);
    };
    // A waiting row is written: the slots that still wait for it get its
    // contact, or, if it failed, send lookups to the table (no contact has its
    // addresses then, unless one shares a hash: the table tells).
    auto remember = [&](const PreparedRow &prepared, qint64 id, qint64 provisional) {
        if (workspaceHadContacts)
            return;
        for (const qint64 slot : {prepared.emailSlot, prepared.phoneSlot}) {
            if (slot && owners[size_t(slot)] == provisional)
                owners[size_t(slot)] = id ? id : kAskTable;
        }
    };
    // A new contact is in the table: its score, slots, tags, fields and list.
    auto inserted = [&](const PreparedRow &prepared, qint64 id, qint64 provisional) {
        maxCreatedId = std::max(maxCreatedId, id);
        remember(prepared, id, provisional);
        if (prepared.score != 0 && !setScore(id, prepared.score)) {
            writeIssue(prepared.record, true, QString(),
                       tr("Could not save the contact: %1").arg(upsertScore.errorString()));
            return;
        }
        // The timeline shows "imported from <file>" from import_id: no event row
        // per contact, which would double the writes of a large import.
        ++bCreated;
        attach(prepared, id);
    };
    // Inserts one new contact; its id, or 0 (and the row rejected).
    auto insertOne = [&](const PreparedRow &prepared) -> qint64 {
        insertContact.bindAll(prepared.contact);
        bindImportId(insertContact, prepared.contact.size() + 1);
        const bool ok = insertContact.exec();
        insertContact.clearBindings();
        if (!ok) {
            writeIssue(prepared.record, true, QString(),
                       tr("Could not save the contact: %1").arg(insertContact.errorString()));
            return 0;
        }
        return insertContact.lastInsertRowId();
    };
    auto flushWaiting = [&] {
        const auto n = qint64(waiting.size());
        bool together = false;
        qint64 last = 0;
        if (n == kInsertRows) {
            // Checked on the reader thread, against the import's first contact.
            const bool same = std::all_of(waiting.cbegin(), waiting.cend(),
                                          [](const PreparedRow *w) { return w->sharedAsFirst; });
            SqliteStatement &st = same ? insertShared : insertContacts;
            int column = 1;
            for (const PreparedRow *prepared : waiting) {
                if (same && prepared != waiting.front()) {
                    column = st.bindAll(prepared->contact, column, sharedMask); // import_id shared
                } else {
                    column = st.bindAll(prepared->contact, column);
                    bindImportId(st, column++);
                }
            }
            together = st.exec();
            st.clearBindings();
            last = st.lastInsertRowId();
        }
        if (together) {
            // One statement, holding the write lock: the rows took consecutive ids.
            for (qint64 k = 0; k < n; ++k)
                inserted(*waiting[size_t(k)], last - n + 1 + k, -1 - k);
        } else {
            // A short group, or a failed one: row by row, so that a failure is
            // reported at its row and the other rows are kept.
            for (qint64 k = 0; k < n; ++k) {
                const PreparedRow &prepared = *waiting[size_t(k)];
                if (const qint64 id = insertOne(prepared))
                    inserted(prepared, id, -1 - k);
                else
                    remember(prepared, 0, -1 - k);
            }
        }
        waiting.clear();
    };

    // Asks of the table without an index, by phone and by email (see find()).
    int tableAsks[2] = {0, 0};
    constexpr int kAsksBeforeIndex = 8;
    // The contact with this email (or phone) address, if there is one.
    auto find = [&](SqliteStatement &query, qint64 slot, const QByteArray &value,
                    QString Contact::*member, Contact &found) -> qint64 {
        if (workspaceHadContacts)
            return lookup(query, value, found);
        // Only this import's own contacts: check the one in the address's slot.
        qint64 remembered = owners[size_t(slot)];
        if (remembered < 0) {
            flushWaiting();
            remembered = owners[size_t(slot)];
        }
        if (!remembered)
            return 0;
        if (remembered != kAskTable) {
            const qint64 id = lookup(findById, remembered, found);
            if (id && found.*member == QString::fromUtf8(value))
                return id;
        }
        // It lost the address (overwritten), another address shares the hash,
        // or a row with it failed: the table knows, once no row waits. What it
        // says stays in the slot, so that the next row does not ask again (a
        // table without its indexes is read whole); if it has no contact with
        // the address, this row's own can take the slot.
        flushWaiting();
        if (deferIndexes) {
            // Without its index each ask reads the whole table: past a few, an
            // import that overwrites phones took 17 s for 250,000 rows, not 1.2 s.
            // Built now, it is kept up as rows go in (and not built again).
            const bool byEmail = member == &Contact::email;
            if (++tableAsks[byEmail] == kAsksBeforeIndex)
                m_db.ensureIndex(byEmail ? QStringLiteral("contacts_email")
                                         : QStringLiteral("contacts_phone"));
        }
        const qint64 id = lookup(query, value, found);
        owners[size_t(slot)] = id ? id : kAskTable;
        return id;
    };

    auto writeRow = [&](const PreparedRow &prepared) {
        const CsvReader::Record &r = prepared.record;
        for (const ImportIssue &i : std::as_const(prepared.issues)) {
            batchIssues.append(i);
            ++(i.rejected ? bRejected : bWarnings);
        }
        if (!prepared.ok)
            return;
        const QByteArray emailUtf8 = prepared.contact.text(0); // ContactColumns order
        const QByteArray phoneUtf8 = prepared.contact.text(1);
        Contact existing;
        qint64 id = 0;
        comparing = &prepared; // the lookups below compare their match with it
        storedSame = false;
        if (!workspaceHadContacts &&
            size_t(std::max(prepared.emailSlot, prepared.phoneSlot)) >= owners.size())
            owners.resize(size_t(std::max(prepared.emailSlot, prepared.phoneSlot)) + 1);
        if (prepared.emailKey)
            id = find(findByEmail, prepared.emailSlot, emailUtf8, &Contact::email, existing);
        if (!id && m_options.matchPhone && prepared.phoneKey) {
            id = find(findByPhone, prepared.phoneSlot, phoneUtf8, &Contact::phone, existing);
            // A phone match with another email address is another person.
            if (id && !emailUtf8.isEmpty() && !existing.email.isEmpty() &&
                existing.email != QString::fromUtf8(emailUtf8))
                id = 0;
        }
        comparing = nullptr;
        if (!id) {
            if (workspaceHadContacts) {
                if (const qint64 newId = insertOne(prepared))
                    inserted(prepared, newId, 0);
                return;
            }
            const qint64 provisional = -1 - qint64(waiting.size());
            for (const qint64 slot : {prepared.emailSlot, prepared.phoneSlot}) {
                // kAskTable: find() has just asked and no contact has it (or
                // the import does not match phones, and never asks)
                if (slot && (owners[size_t(slot)] == 0 || owners[size_t(slot)] == kAskTable))
                    owners[size_t(slot)] = provisional;
            }
            waiting.push_back(&prepared);
            if (waiting.size() == size_t(kInsertRows))
                flushWaiting();
            return;
        }
        if (m_options.policy == ImportOptions::Policy::Skip) {
            ++bSkipped;
            return;
        }
        if (storedSame) {
            ++bUpdated;
            attach(prepared, id);
            return;
        }
        Contact c = ContactColumns::read(prepared.contact, 0);
        c.score = prepared.score;
        if (!prepared.stageGiven)
            c.stage.clear(); // what a new contact starts with, not what the file says
        // The file's email may not overwrite an address another contact has.
        if (!c.email.isEmpty() && existing.email != c.email && !existing.email.isEmpty() &&
            m_options.policy == ImportOptions::Policy::Overwrite)
            c.email.clear();
        const int scoreBefore = existing.score;
        if (merge(existing, c)) {
            existing.updatedAt = now;
            const QVariantList values = ContactColumns::updateValues(existing);
            int i = 1;
            for (const QVariant &v : values)
                updateContact.bind(i++, v);
            updateContact.bind(i, id);
            if (!updateContact.exec()) {
                writeIssue(r, true, QString(),
                           tr("Could not update the contact: %1").arg(updateContact.errorString()));
                return;
            }
            // An address the contact took from this row (found by its email, it
            // had no phone, say) finds it from now on, as it would in the table,
            // where a lookup gives the lowest id with the address: it comes
            // before a newer contact with it, or a row waiting to be written.
            // (The table has it now, even if the score below fails.)
            if (!workspaceHadContacts) {
                const std::pair<qint64, bool> taken[] = {
                    {prepared.emailSlot, existing.email == QString::fromUtf8(emailUtf8)},
                    {prepared.phoneSlot, existing.phone == QString::fromUtf8(phoneUtf8)}};
                for (const auto &[slot, holds] : taken) {
                    if (!slot || !holds)
                        continue;
                    qint64 &owner = owners[size_t(slot)];
                    if (owner <= 0 || owner > id) // kAskTable too
                        owner = id;
                }
            }
            if (existing.score != scoreBefore && !setScore(id, existing.score)) {
                writeIssue(r, true, QString(),
                           tr("Could not update the contact: %1").arg(upsertScore.errorString()));
                return;
            }
        }
        ++bUpdated;
        attach(prepared, id);
    };

    // Reading, decoding, parsing and cleaning run on a second thread, which hands
    // prepared rows over in chunks; this thread only looks up and writes.
    std::mutex queueMutex;
    std::condition_variable queueChanged;
    std::deque<Chunk> queue;
    std::deque<Chunk> spent; // chunks the writer is done with, back to the reader
    bool stopReading = false;
    std::atomic<qint64> bytesRead{0};
    std::atomic<qint64> recordsRead{0};
    constexpr int kChunkRows = 512;
    constexpr int kPrefetchAhead = 8; // rows: about the time memory takes to come
    constexpr size_t kMaxChunks = 16;
    // The reader's chunks come back to it (and its rows' memory with them): its
    // allocations stay on its own thread, and are made once, not for every row.
    std::vector<Chunk> pool;
    auto push = [&](Chunk &&chunk) {
        chunk.rows.resize(chunk.used); // a reused chunk may have kept more
        std::unique_lock lock(queueMutex);
        queueChanged.wait(lock, [&] { return stopReading || queue.size() < kMaxChunks; });
        if (stopReading)
            return false;
        queue.push_back(std::move(chunk));
        queueChanged.notify_all();
        std::deque<Chunk> back;
        back.swap(spent);
        lock.unlock();
        for (Chunk &c : back) {
            if (pool.size() < kMaxChunks) // more are freed here, on the thread that made them
                pool.push_back(std::move(c));
        }
        return true;
    };
    auto takeChunk = [&] {
        Chunk chunk;
        if (pool.empty()) {
            chunk.rows.reserve(kChunkRows);
        } else {
            chunk = std::move(pool.back());
            pool.pop_back();
            chunk.used = 0;
        }
        return chunk;
    };
    std::thread readerThread([&] {
        Chunk chunk = takeChunk();
        // The columns no column of the file feeds are copied from the first row.
        ContactColumns::SharedRows sharedRows(shared);
        // Into an empty workspace: the hashes of the emails and phones read so far
        // -> the slot of the row that brought each first (see PreparedRow).
        FirstRows firstRows;
        qint64 rowsOk = 0;
        bool sizedKeys = false;
        // Numbers the chunk's rows and gives their addresses their slots, just
        // before it goes to the writer; the table's memory is asked for ahead.
        auto giveSlots = [&](Chunk &c) {
            if (workspaceHadContacts)
                return;
            if (!sizedKeys && recordsRead >= 20000) {
                // Two keys a row, for as many rows as the file holds at the rate
                // read so far (the reader reads 256 KiB at a time, so after 20,000
                // rows the rate is within a fifth, and the table's size is rounded
                // up to a power of two): sized once, not doubling each time.
                // Capped: past four million keys it grows as it goes.
                sizedKeys = true;
                firstRows.reserve(size_t(std::min<double>(4'000'000, 2.0 * double(totalBytes) *
                                                                         recordsRead / bytesRead)));
            }
            auto slotFor = [&](quint64 key, qint64 own) -> qint64 {
                if (!key)
                    return 0;
                if (const qint64 first = firstRows.value(key))
                    return first;
                firstRows.assign(key, own);
                return own;
            };
            for (qsizetype i = 0; i < c.used; ++i) {
                if (i + kPrefetchAhead < c.used) {
                    firstRows.prefetch(c.rows[i + kPrefetchAhead].emailKey);
                    firstRows.prefetch(c.rows[i + kPrefetchAhead].phoneKey);
                }
                PreparedRow &row = c.rows[i];
                if (!row.ok)
                    continue;
                ++rowsOk;
                row.emailSlot = slotFor(row.emailKey, 2 * rowsOk);
                row.phoneSlot = slotFor(row.phoneKey, 2 * rowsOk + 1);
            }
        };
        // Every record is read into this one: its field strings are written over
        // row after row, in memory that stays in the cache. A row keeps only the
        // record's number, line and (for its issues) text.
        CsvReader::Record scratch;
        for (;;) {
            CsvReader::Status s;
            CsvReader::Error err;
            PreparedRow &row = chunk.nextRow();
            if (!pending.isEmpty()) {
                scratch = pending.takeFirst();
                s = CsvReader::Status::Record;
            } else {
                s = reader.next(scratch, err);
            }
            if (s == CsvReader::Status::End) {
                --chunk.used; // the row taken above stays empty
                chunk.end = true;
                giveSlots(chunk);
                push(std::move(chunk));
                return;
            }
            if (s == CsvReader::Status::Error) {
                row.record.row = err.row;
                row.record.line = err.line;
                row.record.raw = err.raw;
                row.issues.append(
                    {err.row, err.line, true, QString(), err.message, err.raw.left(2000)});
            } else {
                row.record.row = scratch.row;
                row.record.line = scratch.line;
                Contact created;
                row.ok = buildContact(scratch, created, row.tags, row.custom, row.issues);
                if (row.ok) {
                    created.createdAt = now;
                    created.updatedAt = now;
                    row.stageGiven = !created.stage.isEmpty();
                    if (!row.stageGiven)
                        created.stage = QStringLiteral("subscriber");
                    row.sharedAsFirst = sharedRows.row(created, row.contact);
                    row.score = created.score;
                    row.emailKey = keyHash('e', row.contact.text(0)); // ContactColumns order
                    row.phoneKey = keyHash('p', row.contact.text(1));
                }
                if (!row.issues.isEmpty()) {
                    if (scratch.raw.isEmpty())
                        scratch.raw = reader.lastRecordText();
                    for (ImportIssue &i : row.issues) {
                        if (i.raw.isEmpty())
                            i.raw = scratch.raw.left(2000);
                    }
                    row.record.raw = std::move(scratch.raw);
                }
            }
            bytesRead = reader.bytesRead();
            ++recordsRead;
            if (chunk.used >= kChunkRows) {
                giveSlots(chunk);
                if (!push(std::move(chunk)))
                    return;
                chunk = takeChunk();
            }
        }
    });
    bool readerJoined = false;
    auto joinReader = [&] {
        if (readerJoined)
            return;
        {
            std::lock_guard lock(queueMutex);
            stopReading = true;
        }
        queueChanged.notify_all();
        readerThread.join();
        readerJoined = true;
    };
    auto readerGuard = qScopeGuard(joinReader);
    Chunk current;
    Chunk previous; // rows waiting to be inserted may still be in it
    qsizetype currentIndex = 0;
    bool sizedOwners = false;
    // The next prepared row, or nullptr at the end of the input.
    auto nextRow = [&]() -> PreparedRow * {
        while (currentIndex >= current.rows.size()) {
            if (current.end)
                return nullptr;
            // The previous chunk goes back to the reader, which refills its rows:
            // a row still waiting in it (rows that only update contacts can pass
            // while it waits) is written first.
            const auto inPrevious = [&](const PreparedRow *w) {
                const std::less<const PreparedRow *> before;
                return !previous.rows.isEmpty() && !before(w, previous.rows.constData()) &&
                       before(w, previous.rows.constData() + previous.rows.size());
            };
            if (std::any_of(waiting.cbegin(), waiting.cend(), inPrevious))
                flushWaiting();
            std::unique_lock lock(queueMutex);
            queueChanged.wait(lock, [&] { return !queue.empty(); });
            spent.push_back(std::exchange(previous, std::move(current)));
            current = std::move(queue.front());
            queue.pop_front();
            queueChanged.notify_all();
            currentIndex = 0;
            if (!sizedOwners && !workspaceHadContacts && recordsRead >= 20000) {
                // Two slots a row, for as many rows as the file holds at the rate
                // read so far (see giveSlots); past four million it grows as it goes.
                sizedOwners = true;
                owners.reserve(size_t(std::min<double>(4'000'000, 2.4 * double(totalBytes) *
                                                                      recordsRead / bytesRead)));
            }
        }
        if (currentIndex + kPrefetchAhead < current.rows.size())
            current.rows[currentIndex + kPrefetchAhead]
                .contact.prefetch(); // made on the reader's core
        return &current.rows[currentIndex++];
    };

    QElapsedTimer sinceProgress;
    sinceProgress.start();
    bool inputDone = false;
    const int batchSize =
        m_options.dryRun ? std::numeric_limits<int>::max() : std::max(1, m_options.batchSize);
    while (!inputDone) {
        Transaction tx(db, Transaction::Mode::Write);
        if (!tx.isActive())
            return fail(tr("Cannot write to the workspace: %1").arg(tx.errorString()));
        bCreated = bUpdated = bSkipped = bRejected = bWarnings = bRows = 0;
        batchIssues.clear();
        bool cancelled = false;
        while (bRows < batchSize) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                cancelled = true;
                break;
            }
            PreparedRow *row = nextRow();
            if (!row) {
                inputDone = true;
                break;
            }
            ++bRows;
            writeRow(*row);
            if (progress && ((report.rows + bRows) & 1023) == 0 && sinceProgress.elapsed() >= 100) {
                sinceProgress.restart();
                ImportProgress pr;
                pr.rows = report.rows + bRows;
                pr.bytesRead = bytesRead;
                pr.totalBytes = totalBytes;
                const double secs = timer.elapsed() / 1000.0;
                pr.rowsPerSecond = secs > 0 ? pr.rows / secs : 0;
                if (pr.bytesRead > 0 && secs > 0.5)
                    pr.etaSeconds = secs * double(totalBytes - pr.bytesRead) / double(pr.bytesRead);
                progress(pr);
            }
        }
        if (cancelled) {
            report.cancelled = true;
            break; // the open batch is rolled back
        }
        flushWaiting();
        if (m_options.dryRun) {
            tx.rollback();
        } else {
            for (const ImportIssue &i : std::as_const(batchIssues)) {
                insertIssue.bind(1, report.importId);
                insertIssue.bind(2, i.row);
                insertIssue.bind(3, i.line);
                insertIssue.bind(4, i.rejected ? QByteArrayLiteral("rejected")
                                               : QByteArrayLiteral("warning"));
                insertIssue.bind(5, i.field.toUtf8());
                insertIssue.bind(6, i.message.toUtf8());
                insertIssue.bind(7, i.raw.toUtf8());
                insertIssue.exec();
            }
            // With the score-row trigger set aside, the batch's new contacts (and
            // any another connection added meanwhile) get their rows here, in the
            // same transaction: the contact list joins them.
            if (deferIndexes && maxCreatedId > scoreRowsFrom) {
                addScoreRows.bind(1, scoreRowsFrom);
                if (!addScoreRows.exec())
                    return fail(
                        tr("Cannot write to the workspace: %1").arg(addScoreRows.errorString()));
                scoreRowsFrom = maxCreatedId;
            }
            int column = 1;
            for (const qint64 v :
                 {bRows, bCreated, bUpdated, bSkipped, bRejected, bWarnings, report.importId})
                updateImport.bind(column++, v);
            if (!updateImport.exec() || !tx.commit())
                return fail(tr("Cannot write to the workspace: %1").arg(tx.errorString()));
            if (checkpointer)
                checkpointer->committed();
        }
        report.rows += bRows;
        report.created += bCreated;
        report.updated += bUpdated;
        report.skipped += bSkipped;
        report.rejected += bRejected;
        report.warnings += bWarnings;
        for (const ImportIssue &i : std::as_const(batchIssues)) {
            if (report.issues.size() < kIssuesInReport)
                report.issues << i;
        }
    }
    joinReader();
    if (!reader.ioError().isEmpty())
        return fail(tr("Reading %1 failed: %2").arg(fileName, reader.ioError()));

    if (!m_options.dryRun) {
        q.prepare(QStringLiteral("UPDATE imports SET status = ?, finished_at = ? WHERE id = ?"));
        q.addBindValue(report.cancelled ? QStringLiteral("cancelled") : QStringLiteral("done"));
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        q.addBindValue(report.importId);
        q.exec();
    }
    report.seconds = timer.elapsed() / 1000.0;
    qCInfo(lcImport) << "imported" << fileName << report.rows << "rows in" << report.seconds << "s";
    return report;
}

} // namespace masir
