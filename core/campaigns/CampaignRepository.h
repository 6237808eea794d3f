#pragma once

#include "campaigns/Campaign.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// The campaigns table's one writer: what the user sets (while a campaign is
/// a draft or scheduled), its state as the user changes it (pause, resume,
/// cancel, with its messages in the outbox in the same transaction), and
/// what its run records.
class CampaignRepository final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CampaignRepository)

public:
    explicit CampaignRepository(const Database &db);

    /// nullopt with errorString() when the database could not be read.
    std::optional<QList<Campaign>> list() const;
    std::optional<Campaign> find(const QString &name) const;
    std::optional<Campaign> find(qint64 id) const;

    /// Inserts (id 0) or updates what the user sets; names are unique. A
    /// campaign that has started cannot be changed (duplicate it instead).
    bool save(Campaign &c);
    /// A draft copy named "NAME (copy)", "NAME (copy 2)"...
    std::optional<Campaign> duplicate(qint64 id);
    /// Removes a campaign that is not sending or paused.
    bool remove(qint64 id);

    /// draft → scheduled (the caller checked it first: CampaignChecks), and back.
    bool schedule(qint64 id);
    bool unschedule(qint64 id);
    /// sending → paused: its queued messages are held; paused → sending.
    bool pause(qint64 id);
    bool resume(qint64 id);
    /// Any state but done → cancelled; what was not sent is cancelled.
    bool cancel(qint64 id);

    /// What a campaign's run records: state, phase, recipients, cursor, test,
    /// decision, error and times. Only while it is scheduled, sending or paused
    /// (a user's pause or cancel in between wins: false, no error).
    bool saveRun(const Campaign &c, const QString &expectedState, const QString &expectedPhase);

    QString errorString() const { return m_error; }

private:
    bool changeState(qint64 id, const QStringList &from, const QString &to);

    const Database &m_db;
    mutable QString m_error;
};

} // namespace masir
