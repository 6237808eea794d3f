#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace masir {

class Database;

/// One request to a tracking link or page, as the server saw it: raw, judged
/// later (MachineRules) by the workspace that knows the message.
struct TrackingHit
{
    QString source;      ///< "local" (the app's own server) or the collector's address
    qint64 sourceId = 0; ///< its id there: pulls are idempotent by (source, sourceId)
    QString kind;        ///< open, click, unsubscribe, preferences
    QString method = QStringLiteral("GET");
    qint64 outboxId = 0;
    int link = -1;
    QString target;
    qint64 atMs = 0;
    QString ip;
    QString userAgent;
    QJsonObject data; ///< preferences: the choices made; unsubscribe: {"oneClick": true}

    QJsonObject toJson() const;
    static TrackingHit fromJson(const QJsonObject &json);
};

/// The tracking_hits table: its one writer. Hits wait there until
/// HitApplier turns them into events.
class HitInbox final
{
public:
    explicit HitInbox(const Database &db);

    /// Adds \a hits in one transaction; a hit already there (the same source
    /// and id: a pull that broke off and ran again) is skipped. \a kept: how
    /// many were new.
    bool add(const QList<TrackingHit> &hits, qint64 *kept = nullptr);
    /// The next id a hit of \a source gets, where the ids are given by the
    /// one process that writes the source's hits (the app's own server,
    /// "local"; a collector writing into the workspace, its own name).
    qint64 nextIdOf(const QString &source);
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    QString m_error;
};

} // namespace masir
