#pragma once

#include "intake/TrackingBackend.h"

#include <QHash>
#include <QMutex>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace masir {

class Database;
class GroupCommit;

/// The workspace behind the app's own tracking server: hits go straight into
/// tracking_hits (opens and clicks together every few milliseconds;
/// unsubscribes and preference changes at once, and applied at once), and the
/// pages read the contact's live choices.
class WorkspaceTracking final : public TrackingBackend
{
public:
    /// \a changed runs (on a server thread) after hits were written: wake the
    /// worker so that scores and journeys react. \a source names the hits
    /// (their ids are this object's): "local" for the app's own server, a
    /// name of its own for each collector that writes into the workspace.
    WorkspaceTracking(const Database &db, std::function<void()> changed,
                      const QString &source = QStringLiteral("local"));
    ~WorkspaceTracking() override;

    KeyRing keys() override;
    void record(const TrackingHit &hit) override;
    bool recordNow(const TrackingHit &hit, const TrackingToken &token) override;
    Choices choices(const TrackingToken &token) override;
    Branding branding() override;
    QList<Topic> topics() override;

    /// Writes the hits queued so far (tests; before the app closes).
    void flush();

    /// The workspace's branding and public lists, also what a collector is sent.
    static Branding brandingOf(const Database &db);
    static QList<Topic> topicsOf(const Database &db);
    /// A contact's choices as their preference page shows them.
    static Choices choicesOf(const Database &db, qint64 contactId);
    /// The choices of many people at once, by contact id; the unknown (a
    /// contact deleted meanwhile) are left out. Nullopt: the reading failed.
    static std::optional<QHash<qint64, Choices>> choicesOf(const Database &db,
                                                           const QList<qint64> &contactIds);

private:
    TrackingHit local(TrackingHit hit);

    const Database &m_db;
    std::function<void()> m_changed;
    const QString m_source;
    std::atomic<qint64> m_nextId{0};
    QMutex m_keysMutex;
    KeyRing m_keys;
    qint64 m_keysAt = 0;
    std::unique_ptr<GroupCommit> m_commit;
};

} // namespace masir
