#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// What an erasure removed, for the log and the user.
struct ErasureReport
{
    qint64 events = 0;   ///< the person's own, and others' that named them
    qint64 messages = 0; ///< outbox rows emptied (queued ones cancelled)
    qint64 hits = 0;     ///< opens and clicks with their address and browser
    qint64 returned = 0; ///< returned mail that named them
    qint64 importRows = 0;
    QString warning; ///< erased, but something is left to say (the log could not be emptied)
};

/// Erases one person everywhere (GDPR Art. 17): the contact with everything
/// that hangs on it, the outbox's copies of what was sent, opens and clicks,
/// returned mail and import rows that name them, others' events that mention
/// them, and (at its next push) what the collector holds. Kept: a keyed hash
/// of each address (ErasedAddresses), so that nothing is sent to it again, and
/// a line in privacy_log. Deleted content is overwritten and the write-ahead
/// log emptied, so that the address is not left in the workspace's files.
class Erasure final
{
    Q_DECLARE_TR_FUNCTIONS(masir::Erasure)

public:
    explicit Erasure(const Database &db);

    std::optional<ErasureReport> erase(qint64 contactId, const QString &byUser, qint64 atMs);
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    QString m_error;
};

} // namespace masir
