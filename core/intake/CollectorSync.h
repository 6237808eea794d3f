#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace masir {

class Database;

/// What one sync with the collector did.
struct CollectorSyncStats
{
    bool configured = false; ///< a collector is set for this workspace
    qint64 pulled = 0;       ///< new hits kept
    bool complete = false;   ///< the pull reached the collector's newest hit
    qint64 pushedChoices = 0;
    bool pushedState = false; ///< keys, branding or topics had changed and were sent
};

/// The workspace's link to a collector on a public host: the worker pushes
/// what its pages need (keys, branding, public lists, the choices of the
/// people it mails, by pseudonym) and pulls the hits it answered, in batches
/// and by cursor. Hits are kept by (collector, id), so a pull that broke off
/// and runs again neither loses nor doubles a hit.
class CollectorSync final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CollectorSync)

public:
    explicit CollectorSync(const Database &db);
    ~CollectorSync();

    /// Checks \a url and \a key against the collector, keeps them (the key in
    /// the keychain), makes the tracking links point at it and sends it what
    /// its pages need.
    bool connect(const QString &url, const QString &key);
    /// Keeps \a url and \a key without asking the collector (the app checks
    /// first, off the UI thread, with CollectorClient); the worker pushes at
    /// its next cycle.
    bool save(const QString &url, const QString &key);
    /// Forgets the collector (links stay as they are; new ones are not tracked).
    bool disconnect();

    bool isConfigured() const;
    QString url() const;

    /// Pulls until the collector has nothing newer (stats.complete), keeping
    /// the hits for HitApplier; the result (or the error) is kept for the
    /// status line. \a stop ends it between batches. True when nothing failed
    /// (or no collector is set).
    /// \a keptPage, when given, runs after each batch is kept, while the
    /// next is on its way, with the time of the newest hit in it (the worker
    /// applies the hits older than a second before it then); false from it
    /// ends the pull.
    bool pull(CollectorSyncStats &stats, const std::atomic<bool> *stop = nullptr,
              const std::function<bool(qint64 newestAtMs)> &keptPage = {});
    /// Sends what the collector's pages need: keys, branding and topics when
    /// they changed, and the choices of people mailed or changed since the
    /// last push, as of the last complete pull. Run after the pulled hits are
    /// applied, so that the pages show what people chose there.
    bool push(CollectorSyncStats &stats);
    /// push() on a thread of its own, with its own connection, so that the
    /// caller goes on (the worker counts scores meanwhile): it only reads,
    /// then notes what it sent. The key is read here, on the caller's thread
    /// (a keychain may need its event loop). finishPush() waits for it, and
    /// so does the destructor.
    void startPush(const CollectorSyncStats &stats);
    /// Waits for startPush(): its counts in \a stats; false with
    /// errorString() when it failed.
    bool finishPush(CollectorSyncStats &stats);

    /// The last sync: {"at", "ok", "error", "pulled", "cursor"}.
    QJsonObject lastStatus() const;
    /// The collector's own status, asked now.
    std::optional<QJsonObject> remoteStatus();

    QString errorString() const { return m_error; }

    static constexpr int kPullBatch = 5000;
    static constexpr int kPushBatchesPerCycle = 4;

private:
    std::optional<QString> apiKey();
    bool pushWith(CollectorSyncStats &stats, const QString &key);
    std::optional<qint64> pullWith(const QString &key, const std::atomic<bool> *stop,
                                   const std::function<bool(qint64)> &keptPage,
                                   CollectorSyncStats &stats);
    bool keepStatus(bool ok, qint64 pulled);
    bool keepPushed();

    const Database &m_db;
    QString m_error;
    std::unique_ptr<QThread> m_pushing;
    CollectorSyncStats m_pushStats;
    bool m_pushOk = false;
    QJsonObject m_pushed; ///< what was sent, until keepPushed()
    bool m_pushedChanged = false;
};

} // namespace masir
