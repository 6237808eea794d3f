#pragma once

#include "campaigns/Campaign.h"

#include <QCoreApplication>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace masir {

class Clock;
class Database;

/// How many a campaign's audience holds now, and how many of them it may send to.
struct AudienceCounts
{
    qint64 audience = 0;   ///< in the segments, minus the exclusions
    qint64 noAddress = 0;  ///< no email address (or phone) to send to
    qint64 unwilling = 0;  ///< unsubscribed, bounced, complained or consent withdrawn
    qint64 suppressed = 0; ///< the address is on the suppression list
    qint64 sendable = 0;   ///< what the campaign will send to
    qint64 atDailyCap = 0; ///< sendable, but they wait: today's marketing email cap is reached
};

/// The audience as SQL: the segments' rule, and who of them may be sent to.
struct AudienceSql
{
    QString inAudience; ///< a condition on "contacts"
    QVariantList inAudienceBinds;
    QString sendable; ///< a condition on "contacts": address, status, consent, suppression
    QVariantList sendableBinds;
};

/// What must hold before a campaign starts, said so the user knows what to do:
/// its own fields, its template (and A/B variants') without errors, the
/// segments there, an audience left after suppression and consent, a sender
/// account that can send, and a schedule not in the past.
class CampaignChecks final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CampaignChecks)

public:
    CampaignChecks(const Database &db, const Clock &clock);

    /// nullopt with \a errors saying what is wrong with the audience (or the
    /// database's refusal).
    std::optional<AudienceSql> audienceSql(const Campaign &c, QStringList *errors) const;
    /// The live counts; nullopt with errorString().
    std::optional<AudienceCounts> count(const Campaign &c);
    /// Everything that stops \a c from starting; empty when it may. With
    /// \a countAudience, counts the audience (see count()), which takes a
    /// while on a large workspace.
    enum class When
    {
        Scheduling, ///< everything, the audience counted
        Starting,   ///< at its time: not the time (a late worker still sends), no count
    };
    QStringList problems(const Campaign &c, When when = When::Scheduling);
    /// Whether the campaign's template is marketing (its footer, unsubscribe
    /// and consent apply); nullopt when there is no such template.
    std::optional<bool> isMarketing(const Campaign &c) const;

    QString errorString() const { return m_error; }

private:
    QStringList templateProblems(const Campaign &c) const;
    QStringList accountProblems(const Campaign &c) const;
    QStringList scheduleProblems(const Campaign &c) const;

    const Database &m_db;
    const Clock &m_clock;
    QString m_error;
};

} // namespace masir
