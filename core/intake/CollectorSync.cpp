#include "intake/CollectorSync.h"

#include "common/Logging.h"
#include "intake/CollectorClient.h"
#include "intake/CollectorForgets.h"
#include "intake/WorkspaceTracking.h"
#include "messaging/SecretStore.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "tracking/TrackingHit.h"
#include "tracking/TrackingKeys.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QThread>

#include <future>

namespace masir {

namespace {

using Key = WorkspaceSettings::Key;

const QString kSecretAccount = QStringLiteral("collector");
constexpr int kChoicesPerPush = 5000;

QJsonObject jsonSetting(const Database &db, Key key)
{
    return QJsonDocument::fromJson(WorkspaceSettings(db).value(key).toString().toUtf8()).object();
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool knownKind(const QString &kind)
{
    return kind == QLatin1String("open") || kind == QLatin1String("click") ||
           kind == QLatin1String("unsubscribe") || kind == QLatin1String("preferences");
}

} // namespace

CollectorSync::CollectorSync(const Database &db)
    : m_db(db)
{}

QString CollectorSync::url() const
{
    return WorkspaceSettings(m_db).value(Key::CollectorUrl).toString();
}

bool CollectorSync::isConfigured() const
{
    return !url().isEmpty();
}

std::optional<QString> CollectorSync::apiKey()
{
    WorkspaceSettings settings(m_db);
    SecretStore secrets(settings.token(Key::WorkspaceId));
    const auto key = secrets.read(kSecretAccount);
    if (!key || key->isEmpty()) {
        m_error = tr("The collector's key is not in %1. Connect to the collector again with its "
                     "key.")
                      .arg(secrets.location());
        return std::nullopt;
    }
    return key;
}

namespace {

QString withoutTrailingSlash(QString url)
{
    url = url.trimmed();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

} // namespace

bool CollectorSync::connect(const QString &rawUrl, const QString &key)
{
    const QString address = withoutTrailingSlash(rawUrl);
    if (const QString problem = CollectorClient::urlProblem(address); !problem.isEmpty()) {
        m_error = problem;
        return false;
    }
    CollectorClient client(address, key.trimmed());
    if (!client.status()) {
        m_error = client.errorString();
        return false;
    }
    if (!save(address, key))
        return false;
    CollectorSyncStats stats;
    const bool pushed = pushWith(stats, key.trimmed());
    return keepPushed() && pushed;
}

bool CollectorSync::save(const QString &rawUrl, const QString &key)
{
    const QString address = withoutTrailingSlash(rawUrl);
    if (const QString problem = CollectorClient::urlProblem(address); !problem.isEmpty()) {
        m_error = problem;
        return false;
    }
    if (key.trimmed().isEmpty()) {
        m_error = tr("Enter the collector's key (the file api-key in its data folder).");
        return false;
    }
    WorkspaceSettings settings(m_db);
    SecretStore secrets(settings.token(Key::WorkspaceId));
    if (!secrets.write(kSecretAccount, key.trimmed())) {
        m_error = secrets.errorString();
        return false;
    }
    const bool sameCollector = settings.value(Key::CollectorUrl).toString() == address;
    QSqlQuery q(m_db.connection());
    QString error;
    qint64 newestEvent = 0;
    if (Sql::first(lcCollector(), q, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM events"),
                   &error))
        newestEvent = q.value(0).toLongLong();
    const bool ok =
        settings.setValue(Key::CollectorUrl, address) &&
        settings.setValue(Key::TrackingPublicUrl, address) &&
        (sameCollector ||
         (settings.setValue(Key::CollectorCursor, 0) &&
          settings.setValue(Key::CollectorPushed,
                            compact({{QStringLiteral("event"), double(newestEvent)}})))) &&
        settings.setValue(Key::CollectorStatus, QString());
    if (!ok) {
        m_error = tr("Cannot save the collector's address in the workspace.");
        return false;
    }
    qCInfo(lcCollector) << "connected to" << address;
    return true;
}

bool CollectorSync::disconnect()
{
    WorkspaceSettings settings(m_db);
    const QString address = settings.value(Key::CollectorUrl).toString();
    SecretStore(settings.token(Key::WorkspaceId)).remove(kSecretAccount);
    const bool ok = settings.setValue(Key::CollectorUrl, QString()) &&
                    settings.setValue(Key::CollectorStatus, QString()) &&
                    (settings.value(Key::TrackingPublicUrl).toString() != address ||
                     settings.setValue(Key::TrackingPublicUrl, QString()));
    if (!ok)
        m_error = tr("Cannot save the change in the workspace.");
    return ok;
}

bool CollectorSync::pull(CollectorSyncStats &stats, const std::atomic<bool> *stop,
                         const std::function<bool(qint64)> &keptPage)
{
    stats.configured = isConfigured();
    if (!stats.configured)
        return true;
    const auto key = apiKey();
    const auto pulled = key ? pullWith(*key, stop, keptPage, stats) : std::nullopt;
    stats.pulled = pulled.value_or(0);
    keepStatus(pulled.has_value(), stats.pulled);
    if (!pulled)
        qCWarning(lcCollector) << "pull failed:" << m_error;
    return pulled.has_value();
}

void CollectorSync::startPush(const CollectorSyncStats &stats)
{
    m_pushStats = stats;
    m_pushOk = true;
    if (!isConfigured())
        return;
    const auto key = apiKey();
    if (!key) {
        m_pushOk = false;
        return;
    }
    m_pushing.reset(QThread::create([this, key = *key] {
        m_pushOk = pushWith(m_pushStats, key);
        if (!m_pushOk)
            qCWarning(lcCollector) << "push failed:" << m_error;
    }));
    m_pushing->start();
}

bool CollectorSync::finishPush(CollectorSyncStats &stats)
{
    if (m_pushing)
        m_pushing->wait();
    m_pushing.reset();
    stats.pushedChoices = m_pushStats.pushedChoices;
    stats.pushedState = m_pushStats.pushedState;
    return keepPushed() && m_pushOk;
}

CollectorSync::~CollectorSync()
{
    if (m_pushing)
        m_pushing->wait();
}

bool CollectorSync::push(CollectorSyncStats &stats)
{
    if (!isConfigured())
        return true;
    const auto key = apiKey();
    const bool pushed = key && pushWith(stats, *key);
    if (!keepPushed() || !pushed) {
        qCWarning(lcCollector) << "push failed:" << m_error;
        return false;
    }
    return true;
}

bool CollectorSync::pushWith(CollectorSyncStats &stats, const QString &key)
{
    WorkspaceSettings settings(m_db);
    CollectorClient client(url(), key);
    // What was sent is noted in m_pushed, and kept by keepPushed(): a push
    // beside scoring then never waits for the workspace's write lock.
    m_pushed = jsonSetting(m_db, Key::CollectorPushed);
    m_pushedChanged = false;
    m_error.clear();
    QJsonObject &pushed = m_pushed;

    // Keys, branding and topics, when they changed since the last push.
    TrackingKeys keys(m_db);
    if (!keys.current()) {
        m_error = keys.errorString();
        return false;
    }
    QJsonArray topics;
    for (const Topic &t : WorkspaceTracking::topicsOf(m_db))
        topics.append(
            QJsonObject{{QStringLiteral("id"), double(t.id)}, {QStringLiteral("name"), t.name}});
    const QJsonObject state{
        {QStringLiteral("keys"), keys.ring(QDateTime::currentMSecsSinceEpoch()).toJson()},
        {QStringLiteral("branding"), WorkspaceTracking::brandingOf(m_db).toJson()},
        {QStringLiteral("topics"), topics}};
    const QString digest = QString::fromLatin1(
        QCryptographicHash::hash(compact(state).toUtf8(), QCryptographicHash::Sha256).toHex());
    if (digest != pushed.value(QStringLiteral("digest")).toString()) {
        if (!client.push(state)) {
            m_error = client.errorString();
            return false;
        }
        stats.pushedState = true;
        pushed.insert(QStringLiteral("digest"), digest);
        m_pushedChanged = true;
    }

    // The choices of people mailed since the last push, and of people whose
    // choices changed, by pseudonym, a batch at a time.
    const QByteArray secret = settings.token(Key::TokenSecret).toUtf8();
    // A few batches a cycle: a first push of a large workspace goes on in the
    // next cycles instead of holding this one up.
    for (int batch = 0; batch < kPushBatchesPerCycle; ++batch) {
        const qint64 outboxAfter = qint64(pushed.value(QStringLiteral("outbox")).toDouble());
        const qint64 eventAfter = qint64(pushed.value(QStringLiteral("event")).toDouble());
        QSqlQuery q(m_db.connection());
        if (!Sql::exec(
                lcCollector(), q,
                QStringLiteral("SELECT 'o', id, contact_id FROM (SELECT id, contact_id FROM outbox "
                               "WHERE id > ? AND marketing = 1 AND contact_id IS NOT NULL ORDER "
                               "BY id LIMIT ?) UNION ALL "
                               "SELECT 'e', id, contact_id FROM (SELECT id, contact_id FROM events "
                               "WHERE id > ? AND type IN ('unsubscribed', 'consent_changed', "
                               "'preferences_changed', 'contact_updated') ORDER BY id LIMIT ?)"),
                {outboxAfter, kChoicesPerPush, eventAfter, kChoicesPerPush}, &m_error))
            return false;
        QSet<qint64> contacts;
        qint64 lastOutbox = outboxAfter, lastEvent = eventAfter;
        while (q.next()) {
            contacts.insert(q.value(2).toLongLong());
            (q.value(0).toString() == QLatin1String("o") ? lastOutbox : lastEvent) =
                q.value(1).toLongLong();
        }
        q.finish();
        if (contacts.isEmpty())
            return true;
        const auto known = WorkspaceTracking::choicesOf(m_db, contacts.values());
        if (!known) {
            m_error = tr("Cannot read the subscribers' choices to tell the collector.");
            return false;
        }
        QJsonArray choices;
        for (auto it = known->cbegin(); it != known->cend(); ++it) {
            const qint64 contact = it.key();
            const Choices &c = it.value();
            choices.append(
                QJsonObject{{QStringLiteral("subject"),
                             QString::fromLatin1(TrackingToken::subjectOf(contact, secret)
                                                     .toBase64(QByteArray::Base64UrlEncoding |
                                                               QByteArray::OmitTrailingEquals))},
                            {QStringLiteral("choices"), c.toJson()}});
        }
        if (!client.push(
                {{QStringLiteral("choices"), choices},
                 {QStringLiteral("asOf"), pushed.value(QStringLiteral("asOf")).toDouble()}})) {
            m_error = client.errorString();
            return false;
        }
        stats.pushedChoices += choices.size();
        pushed.insert(QStringLiteral("outbox"), double(lastOutbox));
        pushed.insert(QStringLiteral("event"), double(lastEvent));
        m_pushedChanged = true;
    }
    return true;
}

bool CollectorSync::keepPushed()
{
    if (!m_pushedChanged)
        return true;
    m_pushedChanged = false;
    // Only what the push moved: the rest (the pull's "asOf", a collector
    // connected meanwhile) stays as it is now.
    QJsonObject now = jsonSetting(m_db, Key::CollectorPushed);
    if (now.value(QStringLiteral("instance")) != m_pushed.value(QStringLiteral("instance")))
        return true; // another collector since: what was sent to this one no longer matters
    for (const char *key : {"digest", "outbox", "event"})
        if (m_pushed.contains(QLatin1String(key)))
            now.insert(QLatin1String(key), m_pushed.value(QLatin1String(key)));
    if (WorkspaceSettings(m_db).setValue(Key::CollectorPushed, compact(now)))
        return true;
    if (m_error.isEmpty()) // the push's own error comes first
        m_error = tr("Cannot save the collector's state in the workspace.");
    return false;
}

std::optional<qint64> CollectorSync::pullWith(const QString &key, const std::atomic<bool> *stop,
                                              const std::function<bool(qint64)> &keptPage,
                                              CollectorSyncStats &stats)
{
    WorkspaceSettings settings(m_db);
    CollectorClient client(url(), key);
    // People erased since the last pull: the collector forgets their choices
    // and hits before anything more is pulled from it.
    CollectorForgets forgets(m_db.connection());
    if (const QJsonArray forget = forgets.pending(); !forget.isEmpty()) {
        if (!client.push({{QStringLiteral("forget"), forget}})) {
            m_error = client.errorString();
            return std::nullopt;
        }
        if (!forgets.done(forget)) {
            m_error = forgets.errorString();
            return std::nullopt;
        }
    }
    HitInbox inbox(m_db);
    QJsonObject pushed = jsonSetting(m_db, Key::CollectorPushed);
    qint64 cursor = settings.value(Key::CollectorCursor).toLongLong();
    qint64 pulled = 0;
    const auto savePushed = [&] {
        if (settings.setValue(Key::CollectorPushed, compact(pushed)))
            return true;
        m_error = tr("Cannot save the collector's state in the workspace.");
        return false;
    };
    // The next page is asked for while this one is kept: the collector
    // answers while the workspace writes. One request at a time, so the
    // client is used by one thread at a time.
    const auto fetch = [&client](qint64 after) {
        return std::async(std::launch::async,
                          [&client, after] { return client.pull(after, kPullBatch); });
    };
    auto next = fetch(cursor);
    while (!(stop && stop->load())) {
        const auto reply = next.get();
        if (!reply) {
            m_error = client.errorString();
            return std::nullopt;
        }
        // A collector whose store was made anew (lost, restored from nothing)
        // numbers its hits from 1 again and knows no keys: start over with it.
        const QString instance = reply->value(QStringLiteral("instance")).toString();
        const QString known = pushed.value(QStringLiteral("instance")).toString();
        if (!instance.isEmpty() && instance != known) {
            if (!known.isEmpty())
                qCWarning(lcCollector) << "the collector's store is new; pulling it from the start "
                                          "and sending it its state again";
            pushed = {{QStringLiteral("instance"), instance},
                      {QStringLiteral("event"), pushed.value(QStringLiteral("event"))}};
            if (!savePushed() || !settings.setValue(Key::CollectorCursor, 0)) {
                m_error = tr("Cannot save where the pull stopped in the workspace.");
                return std::nullopt;
            }
            if (cursor != 0) {
                cursor = 0;
                next = fetch(cursor);
                continue;
            }
        }
        const QString source =
            QStringLiteral("collector:") + (instance.isEmpty() ? url() : instance);
        const QJsonArray list = reply->value(QStringLiteral("hits")).toArray();
        QList<TrackingHit> hits;
        hits.reserve(list.size());
        qint64 last = cursor;
        qint64 newestAt = 0;
        for (const QJsonValue &v : list) {
            TrackingHit h = TrackingHit::fromJson(v.toObject());
            if (h.sourceId <= cursor) {
                m_error = tr("The collector at %1 sent hits out of order; nothing was kept. "
                             "Is another workspace pulling from it?")
                              .arg(url());
                return std::nullopt;
            }
            last = std::max(last, h.sourceId);
            if (!knownKind(h.kind) || h.outboxId <= 0) {
                qCWarning(lcCollector) << "skipped a hit of an unknown kind" << h.sourceId;
                continue;
            }
            h.source = source;
            newestAt = std::max(newestAt, h.atMs);
            hits << h;
        }
        const bool full = list.size() >= kPullBatch;
        if (full && !(stop && stop->load()))
            next = fetch(last);
        // Kept first, then the cursor: a crash in between pulls the batch again,
        // and the hits already kept are skipped by their id.
        qint64 kept = 0;
        if (!inbox.add(hits, &kept)) {
            m_error = inbox.errorString();
            return std::nullopt;
        }
        if (last != cursor && !settings.setValue(Key::CollectorCursor, last)) {
            m_error = tr("Cannot save where the pull stopped in the workspace.");
            return std::nullopt;
        }
        pulled += kept;
        cursor = last;
        if (keptPage && !keptPage(newestAt)) {
            m_error = tr("The pull stopped: the hits kept could not be applied.");
            return std::nullopt;
        }
        if (!full) {
            // everything up to the collector's "now" is here: the next push is as of then
            pushed.insert(QStringLiteral("asOf"), reply->value(QStringLiteral("now")).toDouble());
            if (!savePushed())
                return std::nullopt;
            stats.complete = true;
            break;
        }
    }
    return pulled;
}

bool CollectorSync::keepStatus(bool ok, qint64 pulled)
{
    QJsonObject status{{QStringLiteral("at"), double(QDateTime::currentMSecsSinceEpoch())},
                       {QStringLiteral("ok"), ok},
                       {QStringLiteral("pulled"), double(pulled)}};
    if (!ok)
        status.insert(QStringLiteral("error"), m_error);
    return WorkspaceSettings(m_db).setValue(Key::CollectorStatus, compact(status));
}

QJsonObject CollectorSync::lastStatus() const
{
    QJsonObject status = jsonSetting(m_db, Key::CollectorStatus);
    status.insert(QStringLiteral("url"), url());
    status.insert(QStringLiteral("cursor"),
                  double(WorkspaceSettings(m_db).value(Key::CollectorCursor).toLongLong()));
    return status;
}

std::optional<QJsonObject> CollectorSync::remoteStatus()
{
    const auto key = apiKey();
    if (!key)
        return std::nullopt;
    CollectorClient client(url(), *key);
    auto status = client.status();
    if (!status)
        m_error = client.errorString();
    return status;
}

} // namespace masir
