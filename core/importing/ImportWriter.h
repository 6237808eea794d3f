#pragma once

#include "contacts/Contact.h"
#include "contacts/ContactTags.h"
#include "contacts/StageChanges.h"
#include "importing/ChunkPipe.h"
#include "importing/ImportJob.h"
#include "importing/MergePolicy.h"
#include "importing/RowParser.h"
#include "importing/StagedInsert.h"
#include "storage/Database.h"
#include "storage/PreparedStatement.h"
#include "storage/WalCheckpointer.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace masir {

struct ImportPlan;

/// Writes an import's prepared rows into the contacts table: finds the contact
/// each row matches (by email, then phone), inserts or merges, and gives it
/// its tags, custom values and list. It owns its statements and the contacts'
/// indexes while it works: into an empty workspace, a large file is written
/// without them, and they are built once at the end by sorting, which is much
/// cheaper than a million random inserts into each (only this import's own
/// contacts can match then, and it finds them by the ids it keeps, see slots).
///
/// Rows go in through write(), inside the caller's transaction; a write that
/// fails rejects its row, or (tags, values, the list, the score rows) fails
/// the batch with failed() set, so that the caller rolls it back.
class ImportWriter final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ImportJob)
    Q_DISABLE_COPY_MOVE(ImportWriter)

public:
    ImportWriter(const Database &db, const ImportOptions &options, const ImportPlan &plan,
                 qint64 importId);
    ~ImportWriter();

    /// Prepares everything; false with errorString() when the workspace refuses.
    /// \a fileBytes: the size of the file, which decides the bulk path.
    bool open(qint64 fileBytes);
    /// Whether rows find this import's own contacts by slots: into a workspace
    /// file that had no contact before (see slots below).
    bool intoEmptyWorkspace() const { return m_bySlots; }

    /// Writes one row into the open transaction, counting it in \a counts (a
    /// row the table refuses is rejected at its row). False when a write the
    /// batch cannot do without failed (errorString()): roll the batch back.
    bool write(const PreparedRow &row, ImportCounts &counts);
    /// Writes the rows still waiting for a group, and the batch's score rows;
    /// call before the batch commits. False with errorString().
    bool endBatch(ImportCounts &counts);
    /// Rows waiting to be inserted may point into a chunk the reader wants
    /// back: they are written first.
    bool release(const Chunk &chunk, ImportCounts &counts);
    /// Room for \a rows rows' slots, to grow once.
    void reserveSlots(size_t rows);

    QString errorString() const { return m_error; }

private:
    /// A stored contact as MergePolicy::unchanged() reads it.
    struct Stored;
    /// The contact a bound lookup finds (its id, or 0), read into \a found; sets
    /// m_storedSame. -1 when the lookup failed (errorString()).
    qint64 lookup(PreparedStatement &query, Contact &found);
    qint64 lookup(PreparedStatement &query, const QByteArray &value, Contact &found);
    qint64 lookupId(qint64 id, Contact &found);
    /// The contact with this email (or phone), 0 if none, -1 when a waiting
    /// row could not be written or a lookup failed.
    qint64 find(PreparedStatement &query, qint64 slot, const QByteArray &value,
                QString Contact::*member, Contact &found, ImportCounts &counts);
    /// write() past the row's issues: finds its contact, then inserts or merges.
    bool writeRow(const PreparedRow &row, ImportCounts &counts);
    /// On a server: the rows staged so far, the new ones together (see
    /// StagedInsert), the others one by one, in the file's order.
    bool flushStaged(ImportCounts &counts);
    bool insertNew(const PreparedRow &row, ImportCounts &counts);
    bool update(const PreparedRow &row, qint64 id, Contact &existing, ImportCounts &counts);
    /// Inserts one new contact; its id, or 0 when the table refused it (the
    /// row rejected in \a counts).
    qint64 insertOne(const PreparedRow &row, ImportCounts &counts);
    bool flushWaiting(ImportCounts &counts);
    bool inserted(const PreparedRow &row, qint64 id, qint64 provisional, ImportCounts &counts);
    void remember(const PreparedRow &row, qint64 id, qint64 provisional);
    bool setLifecycle(qint64 id, int score, const QString &stage);
    /// The tags, custom values and static list of a contact that is in the table.
    bool attach(const PreparedRow &row, qint64 id);
    bool prepareList();
    void bindImportId(PreparedStatement &st, int column);
    bool fail(const QString &message);
    void rebuildIndexes();

    const Database &m_db;
    QSqlDatabase m_sql;
    const ImportOptions &m_options;
    const ImportPlan &m_plan;
    const qint64 m_importId;
    const qint64 m_nowMs;
    MergePolicy m_merge;
    bool m_bySlots = false; ///< a file workspace without contacts: see slots
    bool m_onServer = false;
    bool m_deferIndexes = false;
    bool m_opened = false;

    // Destroyed in this order's reverse: the statements, then the connection's
    // settings, then the indexes are rebuilt while the checkpointer still runs.
    std::optional<WalCheckpointer> m_checkpointer;
    struct IndexGuard
    {
        ImportWriter *writer = nullptr;
        ~IndexGuard();
    } m_indexGuard;
    std::optional<BulkWriteSettings> m_settings;
    std::vector<std::unique_ptr<PreparedStatement>> m_statements;
    PreparedStatement *m_insertContact = nullptr;
    PreparedStatement *m_insertContacts = nullptr; ///< kInsertRows rows
    PreparedStatement *m_insertShared = nullptr;   ///< kInsertRows rows sharing columns
    PreparedStatement *m_findByEmail = nullptr;
    PreparedStatement *m_findByPhone = nullptr;
    PreparedStatement *m_findById = nullptr;
    PreparedStatement *m_updateContact = nullptr;
    PreparedStatement *m_upsertLifecycle = nullptr;
    PreparedStatement *m_addScoreRows = nullptr;
    PreparedStatement *m_insertValue = nullptr;
    PreparedStatement *m_addMember = nullptr;
    std::unique_ptr<ContactTags> m_tags;
    std::unique_ptr<StageChanges> m_stages;
    std::unique_ptr<StagedInsert> m_staging; ///< on a server
    std::vector<const PreparedRow *> m_staged;
    std::vector<qint64> m_stagedIds;
    quint64 m_sharedMask = 0;
    int m_scoreColumn = 0;
    qint64 m_listId = 0;

    // Into an empty workspace, by the slots the reader gives the rows (see
    // PreparedRow::emailSlot): the contact a lookup of each address in the
    // table would find, the lowest id with it. 0: no contact has the address
    // (nor another one with its hash), which is all find() trusts without
    // checking; negative: a row waiting to be inserted (-1 - its place);
    // kAskTable: ask the table (a row that had it failed, or its contact lost
    // it and the table had no other). A contact's id is checked before it is
    // taken.
    static constexpr qint64 kAskTable = std::numeric_limits<qint64>::max();
    std::vector<qint64> m_owners;
    qint64 m_maxCreatedId = 0;
    qint64 m_scoreRowsFrom = 0; ///< every contact up to this id has its score row
    /// New rows waiting to go into the table kInsertRows to a statement.
    std::vector<const PreparedRow *> m_waiting;
    /// Asks of the table without an index, by phone and by email (see find()).
    int m_tableAsks[2] = {0, 0};
    const PreparedRow *m_comparing = nullptr; ///< the row whose match lookup() compares
    bool m_storedSame = false;                ///< what the last lookup found: unchanged()
    QString m_error;
};

} // namespace masir
