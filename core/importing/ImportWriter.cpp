#include "importing/ImportWriter.h"

#include "common/Logging.h"
#include "contacts/ContactColumns.h"
#include "importing/ChunkPipe.h"
#include "importing/ImportPlan.h"
#include "segments/SegmentRepository.h"
#include "storage/SqlExec.h"

#include <QSqlError>
#include <QSqlQuery>

namespace masir {

namespace {
constexpr int kInsertRows = 64;     ///< new contacts a statement inserts (see flushWaiting)
constexpr int kAsksBeforeIndex = 8; ///< asks of a table without its index (see find())
const QString kFirstStage = QStringLiteral("subscriber"); ///< contact_scores' default
} // namespace

/// A stored contact as a lookup statement gives it: its id, then
/// ContactColumns::names(), then its score and its stage.
struct ImportWriter::Stored
{
    const PreparedStatement &query;
    int scoreColumn;
    QByteArrayView column(int index) const { return query.columnBytes(1 + index); }
    qint64 score() const { return query.columnInt64(scoreColumn); }
    QByteArrayView stage() const { return query.columnBytes(scoreColumn + 1); }
};

ImportWriter::ImportWriter(const Database &db, const ImportOptions &options, const ImportPlan &plan,
                           qint64 importId)
    : m_db(db)
    , m_options(options)
    , m_plan(plan)
    , m_importId(importId)
    , m_nowMs(plan.now.toMSecsSinceEpoch())
    , m_merge(options.policy)
{
    m_waiting.reserve(kInsertRows);
}

ImportWriter::~ImportWriter() = default;

ImportWriter::IndexGuard::~IndexGuard()
{
    if (writer)
        writer->rebuildIndexes();
}

bool ImportWriter::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcImport) << m_error;
    return false;
}

bool ImportWriter::open(qint64 fileBytes)
{
    m_sql = m_db.connection();
    QSqlQuery q(m_sql);
    QString error;
    if (!Sql::first(lcImport(), q, QStringLiteral("SELECT count(*) FROM contacts"), &error))
        return fail(tr("Cannot write to the workspace: %1").arg(error));
    // A server's table is always asked: other desktops add contacts too.
    m_onServer = m_db.isPostgres();
    m_bySlots = q.value(0).toLongLong() == 0 && !m_onServer;
    q.finish();
    m_deferIndexes = m_bySlots && !m_options.dryRun && fileBytes > m_options.bulkFromBytes;
    // The log is copied into the file on another thread, without holding up
    // this one; through the index builds too, which it outlives.
    if (!m_options.dryRun)
        m_checkpointer.emplace(m_sql);
    if (m_deferIndexes) {
        if (!m_db.dropRebuildableIndexes())
            return fail(tr("Cannot write to the workspace: %1").arg(m_sql.lastError().text()));
        m_indexGuard.writer = this;
    }
    if (!prepareList())
        return false;
    // A bulk import that gives its contacts nothing but themselves (no tag, list
    // or custom field) writes rows that refer only to rows it wrote in the same
    // transaction: a contact's score row to the contact, an issue to the import.
    // SQLite's check of each such reference cost more than the score row.
    const bool checkReferences = !m_deferIndexes || !m_plan.columns.tags.isEmpty() ||
                                 !m_options.tag.trimmed().isEmpty() || m_listId ||
                                 !m_plan.columns.custom.isEmpty();
    // A larger page cache while importing: the indexes are written in random order.
    m_settings.emplace(m_sql, m_deferIndexes ? 8192 : 65536, checkReferences);

    // The rows go through SQLite's own API: QSqlQuery's binding costs more than
    // SQLite's work for a row (see PreparedStatement). The score is read only
    // where a file's score can replace it: "overwrite".
    const QString selectColumns =
        QStringLiteral("id, ") + ContactColumns::names().join(QLatin1Char(',')) + QLatin1Char(',') +
        (m_merge.overwrites() ? ContactColumns::scoreSelect() : QStringLiteral("0")) +
        QLatin1Char(',') + ContactColumns::stageSelect();
    m_scoreColumn = 1 + int(ContactColumns::names().size());
    m_sharedMask = PackedRow::mask(m_plan.shared);
    const QStringList importId{QStringLiteral("import_id")};
    auto prepare = [&](const QString &sql) {
        m_statements.push_back(std::make_unique<PreparedStatement>(m_sql, sql));
        return m_statements.back().get();
    };
    m_insertContact =
        prepare(ContactColumns::insertSql(importId) + QStringLiteral(" RETURNING id"));
    m_insertContacts = prepare(ContactColumns::insertSql(importId, kInsertRows));
    m_insertShared = prepare(ContactColumns::insertSql(importId, kInsertRows, m_plan.shared));
    m_findByEmail =
        prepare(QStringLiteral("SELECT %1 FROM contacts WHERE email = ? AND email <> '' LIMIT 1")
                    .arg(selectColumns));
    m_findByPhone =
        prepare(QStringLiteral("SELECT %1 FROM contacts WHERE phone = ? ORDER BY id LIMIT 1")
                    .arg(selectColumns));
    m_findById = prepare(QStringLiteral("SELECT %1 FROM contacts WHERE id = ?").arg(selectColumns));
    m_updateContact = prepare(ContactColumns::updateSql());
    m_upsertLifecycle = prepare(ContactColumns::lifecycleUpsertSql());
    m_addScoreRows = prepare(
        QStringLiteral("INSERT INTO contact_scores (contact_id) SELECT id FROM contacts WHERE "
                       "id > ? ORDER BY id ON CONFLICT (contact_id) DO NOTHING"));
    m_insertValue = prepare(
        m_merge.overwrites()
            ? QStringLiteral(
                  "INSERT INTO contact_values (contact_id, field_id, value) VALUES (?, ?, ?) "
                  "ON CONFLICT (contact_id, field_id) DO UPDATE SET value = excluded.value")
            : QStringLiteral(
                  "INSERT INTO contact_values (contact_id, field_id, value) VALUES (?, ?, ?) "
                  "ON CONFLICT (contact_id, field_id) DO NOTHING"));
    m_addMember =
        prepare(QStringLiteral("INSERT INTO segment_members (segment_id, contact_id, added_at) "
                               "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    for (const auto &st : m_statements) {
        if (!st->isValid())
            return fail(tr("Cannot write to the workspace: %1").arg(st->errorString()));
    }
    if (m_onServer) {
        m_staging = std::make_unique<StagedInsert>(m_sql, m_options.matchPhone, m_importId);
        // Without a staging table (a role without TEMPORARY on the database),
        // every row goes in on its own: slower, the same result.
        if (!m_staging->open()) {
            qCWarning(lcImport) << "importing row by row:" << m_staging->errorString();
            m_staging.reset();
        }
    }
    m_tags = std::make_unique<ContactTags>(m_sql);
    m_stages = std::make_unique<StageChanges>(m_sql);
    m_opened = true;
    return true;
}

bool ImportWriter::prepareList()
{
    const QString name = m_options.staticList.trimmed();
    if (name.isEmpty() || m_options.dryRun)
        return true;
    SegmentRepository segments(m_db);
    if (const auto existing = segments.findByName(name); existing && !existing->isStatic)
        return fail(tr("\"%1\" is a segment with rules, not a static list. Choose another name.")
                        .arg(m_options.staticList));
    m_listId = segments.ensureList(name);
    if (!m_listId)
        return fail(tr("Cannot make the list \"%1\": %2").arg(name, segments.errorString()));
    return true;
}

void ImportWriter::reserveSlots(size_t rows)
{
    if (m_bySlots)
        m_owners.reserve(rows);
}

void ImportWriter::bindImportId(PreparedStatement &st, int column)
{
    if (m_importId)
        st.bind(column, m_importId);
    else
        st.bindNull(column);
}

bool ImportWriter::setLifecycle(qint64 id, int score, const QString &stage)
{
    // The contact's row in contact_scores may not exist yet: a bulk import sets
    // the trigger aside and makes the rows at the end of each batch.
    m_upsertLifecycle->bind(1, id);
    m_upsertLifecycle->bind(2, qint64(score));
    m_upsertLifecycle->bind(3, stage.toUtf8());
    return m_upsertLifecycle->exec();
}

bool ImportWriter::attach(const PreparedRow &row, qint64 id)
{
    for (const QString &tag : std::as_const(row.tags)) {
        if (!ContactTags::isTagName(tag))
            continue; // no tag: only spaces, ZWNJ or marks
        const qint64 tagId = m_tags->ensure(tag, m_nowMs);
        if (!tagId || !m_tags->add(id, tagId, m_nowMs))
            return fail(tr("Cannot write to the workspace: %1").arg(m_tags->errorString()));
    }
    for (const auto &[def, value] : std::as_const(row.custom)) {
        m_insertValue->bind(1, id);
        m_insertValue->bind(2, def.id);
        m_insertValue->bind(3, value.toUtf8());
        if (!m_insertValue->exec())
            return fail(tr("Cannot write to the workspace: %1").arg(m_insertValue->errorString()));
    }
    if (m_listId) {
        m_addMember->bind(1, m_listId);
        m_addMember->bind(2, id);
        m_addMember->bind(3, m_nowMs);
        if (!m_addMember->exec())
            return fail(tr("Cannot write to the workspace: %1").arg(m_addMember->errorString()));
    }
    return true;
}

void ImportWriter::remember(const PreparedRow &row, qint64 id, qint64 provisional)
{
    // A waiting row is written: the slots that still wait for it get its
    // contact, or, if it failed, send lookups to the table (no contact has its
    // addresses then, unless one shares a hash: the table tells).
    if (!m_bySlots)
        return;
    for (const qint64 slot : {row.emailSlot, row.phoneSlot}) {
        if (slot && m_owners[size_t(slot)] == provisional)
            m_owners[size_t(slot)] = id ? id : kAskTable;
    }
}

bool ImportWriter::inserted(const PreparedRow &row, qint64 id, qint64 provisional,
                            ImportCounts &counts)
{
    m_maxCreatedId = std::max(m_maxCreatedId, id);
    remember(row, id, provisional);
    if ((row.score != 0 || row.stage != kFirstStage) && !setLifecycle(id, row.score, row.stage)) {
        counts.add({row.record.row, row.record.line, true, QString(),
                    tr("Could not save the contact: %1").arg(m_upsertLifecycle->errorString()),
                    row.record.raw.left(2000)});
        return true;
    }
    // came in at a later stage: the funnel counts it there from the import
    if (row.stage != kFirstStage && !m_stages->noteReached(id, row.stage, m_nowMs))
        return fail(tr("Cannot write to the workspace: %1").arg(m_stages->errorString()));
    // The timeline shows "imported from <file>" from import_id: no event row
    // per contact, which would double the writes of a large import.
    ++counts.created;
    return attach(row, id);
}

qint64 ImportWriter::insertOne(const PreparedRow &row, ImportCounts &counts)
{
    m_insertContact->bindAll(row.contact);
    bindImportId(*m_insertContact, row.contact.size() + 1);
    const std::optional<qint64> id = m_insertContact->execReturningId();
    m_insertContact->clearBindings();
    if (!id) {
        counts.add({row.record.row, row.record.line, true, QString(),
                    tr("Could not save the contact: %1").arg(m_insertContact->errorString()),
                    row.record.raw.left(2000)});
        return 0;
    }
    return *id;
}

bool ImportWriter::flushWaiting(ImportCounts &counts)
{
    // New contacts of an import into an empty workspace wait here and go into
    // the table kInsertRows to a statement: SQLite's work per statement is
    // shared by its rows (a million rows: 4.0 s one at a time, 2.9 s sixteen at
    // a time; the import 3% faster again with 64). Their addresses' slots hold
    // a provisional id (-1 - their place), so a later row with the same address
    // writes them first (see find()). They stay in their chunk, which the
    // reader gets back only once they are written (see release()).
    const auto n = qint64(m_waiting.size());
    bool together = false;
    qint64 last = 0;
    if (n == kInsertRows && !m_insertContacts->onServer()) {
        // Checked on the reader thread, against the import's first contact.
        const bool same = std::all_of(m_waiting.cbegin(), m_waiting.cend(),
                                      [](const PreparedRow *w) { return w->sharedAsFirst; });
        PreparedStatement &st = same ? *m_insertShared : *m_insertContacts;
        int column = 1;
        for (const PreparedRow *row : m_waiting) {
            if (same && row != m_waiting.front()) {
                column = st.bindAll(row->contact, column, m_sharedMask); // import_id shared
            } else {
                column = st.bindAll(row->contact, column);
                bindImportId(st, column++);
            }
        }
        together = st.exec();
        st.clearBindings();
        last = st.lastInsertRowId();
    }
    bool ok = true;
    if (together) {
        // One statement, holding the write lock: the rows took consecutive ids.
        for (qint64 k = 0; ok && k < n; ++k)
            ok = inserted(*m_waiting[size_t(k)], last - n + 1 + k, -1 - k, counts);
    } else {
        // A short group, or a failed one: row by row, so that a failure is
        // reported at its row and the other rows are kept.
        for (qint64 k = 0; ok && k < n; ++k) {
            const PreparedRow &row = *m_waiting[size_t(k)];
            if (const qint64 id = insertOne(row, counts))
                ok = inserted(row, id, -1 - k, counts);
            else
                remember(row, 0, -1 - k);
        }
    }
    m_waiting.clear();
    return ok;
}

qint64 ImportWriter::lookup(PreparedStatement &query, Contact &found)
{
    qint64 id = 0;
    m_storedSame = false;
    const PreparedStatement::Result result = query.step();
    if (result == PreparedStatement::Result::Error) {
        // On a server the transaction is over: the batch fails (and is undone),
        // rather than report each row after this one as refused.
        fail(tr("Cannot write to the workspace: %1").arg(query.errorString()));
        query.reset();
        return -1;
    }
    if (result == PreparedStatement::Result::Row) {
        id = query.columnInt64(0);
        m_storedSame = m_comparing && m_merge.unchanged(*m_comparing, Stored{query, m_scoreColumn});
        if (m_storedSame) {
            // All a caller reads of a contact that stays as it is.
            found = Contact();
            found.email = query.columnText(1);
            found.phone = query.columnText(2);
        } else {
            found = ContactColumns::read(query, 1);
            found.score = int(query.columnInt64(m_scoreColumn));
            found.stage = query.columnText(m_scoreColumn + 1);
        }
    }
    query.reset();
    return id;
}

qint64 ImportWriter::lookup(PreparedStatement &query, const QByteArray &value, Contact &found)
{
    query.bind(1, value);
    return lookup(query, found);
}

qint64 ImportWriter::lookupId(qint64 id, Contact &found)
{
    m_findById->bind(1, id);
    return lookup(*m_findById, found);
}

qint64 ImportWriter::find(PreparedStatement &query, qint64 slot, const QByteArray &value,
                          QString Contact::*member, Contact &found, ImportCounts &counts)
{
    if (!m_bySlots)
        return lookup(query, value, found);
    // Only this import's own contacts: check the one in the address's slot.
    qint64 remembered = m_owners[size_t(slot)];
    if (remembered < 0) {
        if (!flushWaiting(counts))
            return -1;
        remembered = m_owners[size_t(slot)];
    }
    if (!remembered)
        return 0;
    if (remembered != kAskTable) {
        const qint64 id = lookupId(remembered, found);
        if (id < 0 || (id && found.*member == QString::fromUtf8(value)))
            return id;
    }
    // It lost the address (overwritten), another address shares the hash, or a
    // row with it failed: the table knows, once no row waits. What it says stays
    // in the slot, so that the next row does not ask again (a table without its
    // indexes is read whole); if it has no contact with the address, this row's
    // own can take the slot.
    if (!flushWaiting(counts))
        return -1;
    if (m_deferIndexes) {
        // Without its index each ask reads the whole table: past a few, an
        // import that overwrites phones took 17 s for 250,000 rows, not 1.2 s.
        // Built now, it is kept up as rows go in (and not built again).
        const bool byEmail = member == &Contact::email;
        if (++m_tableAsks[byEmail] == kAsksBeforeIndex &&
            !m_db.ensureIndex(byEmail ? QStringLiteral("contacts_email")
                                      : QStringLiteral("contacts_phone")))
            qCWarning(lcImport) << "lookups read the whole table: no index";
    }
    const qint64 id = lookup(query, value, found);
    if (id < 0)
        return -1;
    m_owners[size_t(slot)] = id ? id : kAskTable;
    return id;
}

bool ImportWriter::write(const PreparedRow &row, ImportCounts &counts)
{
    for (const ImportIssue &i : std::as_const(row.issues))
        counts.add(i);
    if (!row.ok)
        return true;
    if (m_staging) {
        m_staged.push_back(&row);
        return true;
    }
    return writeRow(row, counts);
}

bool ImportWriter::flushStaged(ImportCounts &counts)
{
    if (m_staged.empty())
        return true;
    if (!m_staging->insertNew(m_staged, m_stagedIds))
        return fail(tr("Cannot write to the workspace: %1").arg(m_staging->errorString()));
    bool ok = true;
    for (size_t k = 0; ok && k < m_staged.size(); ++k) {
        const PreparedRow &row = *m_staged[k];
        ok = m_stagedIds[k] ? inserted(row, m_stagedIds[k], 0, counts) : writeRow(row, counts);
    }
    m_staged.clear();
    return ok;
}

bool ImportWriter::writeRow(const PreparedRow &row, ImportCounts &counts)
{
    const QByteArray email = row.email();
    const QByteArray phone = row.phone();
    Contact existing;
    qint64 id = 0;
    m_comparing = &row; // the lookups below compare their match with it
    m_storedSame = false;
    const auto lastSlot = size_t(std::max(row.emailSlot, row.phoneSlot));
    if (m_bySlots && lastSlot >= m_owners.size())
        m_owners.resize(lastSlot + 1);
    if (row.emailKey)
        id = find(*m_findByEmail, row.emailSlot, email, &Contact::email, existing, counts);
    if (!id && m_options.matchPhone && row.phoneKey) {
        id = find(*m_findByPhone, row.phoneSlot, phone, &Contact::phone, existing, counts);
        // A phone match with another email address is another person.
        if (id > 0 && !email.isEmpty() && !existing.email.isEmpty() &&
            existing.email != QString::fromUtf8(email))
            id = 0;
    }
    m_comparing = nullptr;
    if (id < 0)
        return false; // a waiting row's tags, values or list could not be written
    if (!id)
        return insertNew(row, counts);
    if (m_merge.skipsExisting()) {
        ++counts.skipped;
        return true;
    }
    if (m_storedSame) {
        ++counts.updated;
        return attach(row, id);
    }
    return update(row, id, existing, counts);
}

bool ImportWriter::insertNew(const PreparedRow &row, ImportCounts &counts)
{
    if (!m_bySlots) {
        const qint64 id = insertOne(row, counts);
        return !id || inserted(row, id, 0, counts);
    }
    const qint64 provisional = -1 - qint64(m_waiting.size());
    for (const qint64 slot : {row.emailSlot, row.phoneSlot}) {
        // kAskTable: find() has just asked and no contact has it (or the import
        // does not match phones, and never asks)
        if (slot && (m_owners[size_t(slot)] == 0 || m_owners[size_t(slot)] == kAskTable))
            m_owners[size_t(slot)] = provisional;
    }
    m_waiting.push_back(&row);
    return m_waiting.size() < size_t(kInsertRows) || flushWaiting(counts);
}

bool ImportWriter::update(const PreparedRow &row, qint64 id, Contact &existing,
                          ImportCounts &counts)
{
    const Contact incoming = m_merge.incoming(row, existing);
    const int scoreBefore = existing.score;
    const QString stageBefore = existing.stage;
    if (m_merge.merge(existing, incoming)) {
        existing.updatedAt = m_plan.now;
        int i = 1;
        for (const QVariant &v : ContactColumns::updateValues(existing))
            m_updateContact->bind(i++, v);
        m_updateContact->bind(i, id);
        if (!m_updateContact->exec()) {
            counts.add({row.record.row, row.record.line, true, QString(),
                        tr("Could not update the contact: %1").arg(m_updateContact->errorString()),
                        row.record.raw.left(2000)});
            return true;
        }
        // An address the contact took from this row (found by its email, it had
        // no phone, say) finds it from now on, as it would in the table, where
        // a lookup gives the lowest id with the address: it comes before a
        // newer contact with it, or a row waiting to be written. (The table has
        // it now, even if the score below fails.)
        if (m_bySlots) {
            const std::pair<qint64, bool> taken[] = {
                {row.emailSlot, existing.email == QString::fromUtf8(row.email())},
                {row.phoneSlot, existing.phone == QString::fromUtf8(row.phone())}};
            for (const auto &[slot, holds] : taken) {
                if (!slot || !holds)
                    continue;
                qint64 &owner = m_owners[size_t(slot)];
                if (owner <= 0 || owner > id) // kAskTable too
                    owner = id;
            }
        }
        if (existing.score != scoreBefore && !setLifecycle(id, existing.score, stageBefore)) {
            counts.add(
                {row.record.row, row.record.line, true, QString(),
                 tr("Could not update the contact: %1").arg(m_upsertLifecycle->errorString()),
                 row.record.raw.left(2000)});
            return true;
        }
        // A stage the file changes is on the contact's timeline, as any other.
        if (existing.stage != stageBefore &&
            !m_stages->change(id, stageBefore, existing.stage, m_nowMs,
                              {{QStringLiteral("import"), m_importId}}))
            return fail(tr("Cannot write to the workspace: %1").arg(m_stages->errorString()));
    }
    ++counts.updated;
    return attach(row, id);
}

bool ImportWriter::release(const Chunk &chunk, ImportCounts &counts)
{
    if (!m_staged.empty() &&
        std::any_of(m_staged.cbegin(), m_staged.cend(),
                    [&](const PreparedRow *w) { return chunk.holds(w); }) &&
        !flushStaged(counts))
        return false;
    const bool holds = std::any_of(m_waiting.cbegin(), m_waiting.cend(),
                                   [&](const PreparedRow *w) { return chunk.holds(w); });
    return !holds || flushWaiting(counts);
}

bool ImportWriter::endBatch(ImportCounts &counts)
{
    if (!flushStaged(counts) || !flushWaiting(counts))
        return false;
    // With the score-row trigger set aside, the batch's new contacts (and any
    // another connection added meanwhile) get their rows here, in the same
    // transaction: the contact list joins them.
    if (!m_options.dryRun && m_deferIndexes && m_maxCreatedId > m_scoreRowsFrom) {
        m_addScoreRows->bind(1, m_scoreRowsFrom);
        if (!m_addScoreRows->exec())
            return fail(tr("Cannot write to the workspace: %1").arg(m_addScoreRows->errorString()));
        m_scoreRowsFrom = m_maxCreatedId;
    }
    return true;
}

void ImportWriter::rebuildIndexes()
{
    // Each index built goes into the log, which the checkpointer copies while
    // the next is built.
    if (m_db.ensureIndexes())
        return;
    // Someone else created a contact with one of these addresses while the
    // unique index was away: theirs stays, the imported copy goes.
    QSqlQuery fix(m_sql);
    QString error;
    if (Sql::exec(lcImport(), fix,
                  QStringLiteral("DELETE FROM contacts WHERE import_id = ? AND email <> '' AND "
                                 "email IN (SELECT email FROM contacts WHERE email <> '' AND "
                                 "(import_id IS NULL OR import_id <> ?))"),
                  {m_importId, m_importId}, &error))
        qCWarning(lcImport) << "dropped" << fix.numRowsAffected()
                            << "contacts created elsewhere while importing";
    if (!m_db.ensureIndexes())
        qCWarning(lcImport) << "the contacts' indexes could not be rebuilt; the next start will";
}

} // namespace masir
