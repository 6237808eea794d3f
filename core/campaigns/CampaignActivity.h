#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace masir {

class Database;
class StatementCache;

/// What each recipient of a campaign did with its message, counted as the
/// events come in (campaign_activity's one writer), so that a campaign's
/// report adds up one narrow row per recipient who did something instead of
/// reading millions of events.
class CampaignActivity final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CampaignActivity)

public:
    enum class Kind
    {
        Open,
        MachineOpen,
        Click,
        MachineClick,
        Unsubscribe,
        Complaint,
        Bounce,
    };

    explicit CampaignActivity(const Database &db);
    ~CampaignActivity();

    /// Counts one \a kind for the recipient of \a campaignId's message, inside
    /// the caller's transaction.
    bool count(qint64 campaignId, int variant, qint64 contactId, Kind kind, qint64 atMs);
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    std::unique_ptr<StatementCache> m_statements;
    QString m_error;
};

} // namespace masir
