#pragma once

#include "intake/TrackingBackend.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMutex>

#include <memory>

namespace masir {

class GroupCommit;
class SmallStore;

/// The collector's own store on a public host, in DATA/collector.db: the hits
/// it answered (until the desktop has pulled them), and what its pages need,
/// as the desktop last pushed it (keys, branding, public lists, subscribers'
/// choices by pseudonym). No contact list, no address.
class CollectorStore final : public TrackingBackend
{
    Q_DECLARE_TR_FUNCTIONS(masir::CollectorStore)

public:
    explicit CollectorStore(QString dataDir);
    ~CollectorStore() override;

    /// Makes the folder and the store, and the API key on first start.
    bool open();
    /// The key the desktop pulls and pushes with (DATA/api-key).
    QString apiKey() const { return m_apiKey; }
    QString errorString() const;

    KeyRing keys() override;
    void record(const TrackingHit &hit) override;
    bool recordNow(const TrackingHit &hit, const TrackingToken &token) override;
    Choices choices(const TrackingToken &token) override;
    Branding branding() override;
    QList<Topic> topics() override;

    /// Hits after \a after, oldest first, at most \a limit; the desktop's pull.
    /// Hits at or before \a after were applied there: old ones are let go.
    std::optional<QList<TrackingHit>> pull(qint64 after, int limit);
    /// What the desktop pushed: any of "keys", "branding", "topics" and
    /// "choices" ([{"subject", "choices"}]) as of "asOf" (this collector's
    /// time of the desktop's last pull: a choice made here later is kept).
    bool push(const QJsonObject &state);
    /// Writes the hits queued so far.
    void flush();
    /// How many hits the store holds and the newest id, for `collector status`.
    QJsonObject status();
    /// This store's identity: a new store has a new one.
    QString instance() const { return m_instance; }

private:
    QJsonObject stateValue(const QString &key);
    bool setChoices(const QByteArray &subject, const Choices &choices, qint64 atMs);
    bool writeHits(const QList<TrackingHit> &hits);
    void setError(const QString &error);

    QString m_dir;
    QString m_apiKey;
    std::unique_ptr<SmallStore> m_store;
    std::unique_ptr<GroupCommit> m_commit;
    QMutex m_cacheMutex;
    KeyRing m_keys;
    Branding m_branding;
    QList<Topic> m_topics;
    bool m_cached = false;
    QString m_instance; ///< this store's identity, for the desktop's cursor
    mutable QMutex m_errorMutex;
    QString m_error;
};

} // namespace masir
