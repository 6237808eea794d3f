#pragma once

#include "journeys/JourneyGraph.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// Who may enter, and when a journey leaves contacts alone.
struct JourneyPolicy
{
    enum class Entry
    {
        Once,   ///< a contact enters this journey once, ever
        Always, ///< every time a trigger fires, but never twice at the same time
        Period, ///< at most once per periodDays
    };
    Entry entry = Entry::Once;
    int periodDays = 30;
    bool exitOnUnsubscribe = true;
    /// No sends between these times in the contact's time zone ("21:00" to "08:00");
    /// empty: none.
    QString quietFrom;
    QString quietTo;

    QJsonObject toJson() const;
    static JourneyPolicy fromJson(const QJsonObject &json);
    bool operator==(const JourneyPolicy &) const = default;
};

struct Journey
{
    qint64 id = 0;
    QString name;
    QString status = QStringLiteral("draft"); ///< draft, active, paused, archived
    int version = 0;   ///< the published version that runs; 0 before the first activation
    QJsonObject graph; ///< as last saved (the next version, if it differs)
    JourneyPolicy policy;
    QDateTime createdAt;
    QDateTime updatedAt;
};

/// How many contacts are at a node now, and how many went through it.
struct JourneyNodeCount
{
    QString nodeId;
    qint64 waiting = 0;
    qint64 passed = 0;
    /// Of those who passed, how many reached a goal of the journey (-1: it has no goal).
    qint64 converted = -1;
    /// converted / passed in percent, or -1 when there is nothing to show.
    double conversionPercent() const
    {
        return converted < 0 || passed == 0 ? -1.0 : 100.0 * double(converted) / double(passed);
    }
};

/// Saved journeys, their versions and status.
///
/// Versions: a journey runs the graph of its published version. Saving an
/// active journey with a changed graph publishes a new version at once (after
/// validation). Contacts in flight move to the new version when the node they
/// are at still exists in it; the others finish their path on the version they
/// started (old versions are kept).
class JourneyRepository final
{
    Q_DECLARE_TR_FUNCTIONS(masir::JourneyRepository)

public:
    explicit JourneyRepository(const Database &db);

    QList<Journey> list() const;
    std::optional<Journey> find(qint64 id) const;
    std::optional<Journey> findByName(const QString &name) const;

    /// Creates (id 0) or updates a journey; sets \a journey.id.
    bool save(Journey &journey);
    bool remove(qint64 id);
    /// What activate() checks: the graph and the names its nodes give in the
    /// workspace (JourneyReferences), or the graph alone (the simulator, which
    /// reports a missing template on the messages that name it).
    enum class Checks
    {
        All,
        GraphOnly
    };
    /// Validates, publishes the saved graph as a new version if it changed, and
    /// starts: triggers count from now on, not from the past.
    bool activate(qint64 id, Checks checks = Checks::All);
    bool pause(qint64 id);
    bool archive(qint64 id);

    /// The graph a version runs.
    std::optional<QJsonObject> versionGraph(qint64 id, int version) const;
    QList<JourneyNodeCount> counts(qint64 id) const;

    /// Problems from the last failed activate() or save(), by node.
    QList<JourneyIssue> issues() const { return m_issues; }
    QString errorString() const { return m_error; }

private:
    bool publish(qint64 id, const QJsonObject &graph, int currentVersion);
    bool setStatus(qint64 id, const QString &status);

    const Database &m_db;
    QString m_error;
    QList<JourneyIssue> m_issues;
};

} // namespace masir
