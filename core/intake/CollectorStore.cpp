#include "intake/CollectorStore.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SmallStore.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"
#include "tracking/GroupCommit.h"
#include "tracking/TrackingHit.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace masir {

namespace {

constexpr qint64 kKeepPulledMs = 7LL * 86400000;

QList<QStringList> schema()
{
    return {{
        QStringLiteral(R"(CREATE TABLE hits (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            method TEXT NOT NULL,
            outbox BIGINT NOT NULL,
            link INTEGER NOT NULL,
            target TEXT NOT NULL,
            at BIGINT NOT NULL,
            ip TEXT NOT NULL,
            agent TEXT NOT NULL,
            data TEXT NOT NULL))"),
        QStringLiteral("CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral(R"(CREATE TABLE choices (
            subject TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at BIGINT NOT NULL))"),
    }};
}

QString subjectKey(const QByteArray &subject)
{
    return QString::fromLatin1(
        subject.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

CollectorStore::CollectorStore(QString dataDir)
    : m_dir(std::move(dataDir))
{}

CollectorStore::~CollectorStore()
{
    if (m_commit)
        m_commit->stop();
}

bool CollectorStore::open()
{
    if (!QDir().mkpath(m_dir)) {
        m_error = tr("Cannot make the folder %1.").arg(QDir::toNativeSeparators(m_dir));
        return false;
    }
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile key(QDir(m_dir).filePath(QStringLiteral("api-key")));
    if (key.exists()) {
        if (!key.open(QIODevice::ReadOnly)) {
            m_error = tr("Cannot read %1: %2").arg(key.fileName(), key.errorString());
            return false;
        }
        m_apiKey = QString::fromLatin1(key.readAll().trimmed());
    }
    if (m_apiKey.size() < 32) {
        QByteArray bytes(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                             reinterpret_cast<quint32 *>(bytes.data() + 32));
        m_apiKey = QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        key.close();
        if (!key.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            key.write(m_apiKey.toLatin1() + '\n') < 0 || !key.flush()) {
            m_error = tr("Cannot write %1: %2").arg(key.fileName(), key.errorString());
            return false;
        }
        key.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    m_store = std::make_unique<SmallStore>(QDir(m_dir).filePath(QStringLiteral("collector.db")),
                                           schema());
    if (!m_store->open()) {
        m_error = tr("Cannot open the collector's store: %1").arg(m_store->errorString());
        return false;
    }
    // Who this store is: a store made anew (lost, recreated) gets a new
    // instance, and the desktop starts over with it instead of waiting for
    // ids it has already seen.
    m_instance = stateValue(QStringLiteral("instance")).value(QStringLiteral("id")).toString();
    if (m_instance.isEmpty()) {
        m_instance = QString::number(QRandomGenerator::system()->generate64(), 16);
        QSqlQuery q(m_store->connection());
        QString error;
        if (!Sql::exec(lcCollector(), q,
                       QStringLiteral("INSERT INTO state (key, value) VALUES ('instance', ?)"),
                       {QStringLiteral("{\"id\":\"%1\"}").arg(m_instance)}, &error)) {
            m_error = error;
            return false;
        }
    }
    m_commit = std::make_unique<GroupCommit>(
        [this](const QList<TrackingHit> &hits) { return writeHits(hits); });
    return true;
}

void CollectorStore::setError(const QString &error)
{
    const QMutexLocker lock(&m_errorMutex);
    m_error = error;
}

QString CollectorStore::errorString() const
{
    const QMutexLocker lock(&m_errorMutex);
    return m_error;
}

bool CollectorStore::writeHits(const QList<TrackingHit> &hits)
{
    QSqlDatabase db = m_store->connection();
    Transaction tx(db, Transaction::Mode::Write);
    if (!tx.isActive())
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO hits (kind, method, outbox, link, target, at, ip, "
                             "agent, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QString error;
    // a null QString binds as NULL: the columns want text, empty or not
    const auto text = [](const QString &s) { return s.isNull() ? QStringLiteral("") : s; };
    for (const TrackingHit &h : hits) {
        if (!Sql::execPrepared(
                lcCollector(), q,
                {text(h.kind), text(h.method), h.outboxId, h.link, text(h.target), h.atMs,
                 text(h.ip), text(h.userAgent),
                 QString::fromUtf8(QJsonDocument(h.data).toJson(QJsonDocument::Compact))},
                &error)) {
            setError(error);
            return false;
        }
    }
    return tx.commit();
}

void CollectorStore::flush()
{
    if (m_commit)
        m_commit->flush();
}

QJsonObject CollectorStore::stateValue(const QString &key)
{
    QSqlQuery q(m_store->connection());
    QString error;
    if (!Sql::exec(lcCollector(), q, QStringLiteral("SELECT value FROM state WHERE key = ?"), {key},
                   &error) ||
        !q.next())
        return {};
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

KeyRing CollectorStore::keys()
{
    const QMutexLocker lock(&m_cacheMutex);
    if (!m_cached) {
        m_keys = KeyRing::fromJson(
            stateValue(QStringLiteral("keys")).value(QStringLiteral("keys")).toArray());
        m_branding = Branding::fromJson(stateValue(QStringLiteral("branding")));
        m_topics.clear();
        for (const QJsonValue &t :
             stateValue(QStringLiteral("topics")).value(QStringLiteral("topics")).toArray()) {
            const QJsonObject o = t.toObject();
            m_topics << Topic{qint64(o.value(QStringLiteral("id")).toDouble()),
                              o.value(QStringLiteral("name")).toString()};
        }
        m_cached = true;
    }
    return m_keys;
}

Branding CollectorStore::branding()
{
    keys();
    const QMutexLocker lock(&m_cacheMutex);
    return m_branding;
}

QList<Topic> CollectorStore::topics()
{
    keys();
    const QMutexLocker lock(&m_cacheMutex);
    return m_topics;
}

void CollectorStore::record(const TrackingHit &hit)
{
    m_commit->add(hit);
}

bool CollectorStore::recordNow(const TrackingHit &hit, const TrackingToken &token)
{
    m_commit->flush();
    if (!writeHits({hit}))
        return false;
    Choices now = choices(token);
    if (hit.kind == QLatin1String("unsubscribe")) {
        now.email = false;
    } else {
        const ChoiceChange change = ChoiceChange::fromJson(hit.data);
        now.email = change.email && !change.everything;
        now.sms = change.sms && !change.everything;
        now.topics = change.everything ? QList<qint64>() : change.topics;
    }
    return setChoices(token.subject, now, hit.atMs);
}

Choices CollectorStore::choices(const TrackingToken &token)
{
    QSqlQuery q(m_store->connection());
    QString error;
    if (!Sql::exec(lcCollector(), q, QStringLiteral("SELECT value FROM choices WHERE subject = ?"),
                   {subjectKey(token.subject)}, &error) ||
        !q.next())
        return Choices();
    return Choices::fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
}

bool CollectorStore::setChoices(const QByteArray &subject, const Choices &choices, qint64 atMs)
{
    QSqlQuery q(m_store->connection());
    QString error; // called from the request threads: no shared error string
    // Newer wins: the desktop's push is as of its last pull, so a choice made
    // on the page after that pull is not overwritten by what it did not know.
    return Sql::exec(
        lcCollector(), q,
        QStringLiteral("INSERT INTO choices (subject, value, updated_at) VALUES "
                       "(?, ?, ?) ON CONFLICT (subject) DO UPDATE SET value = "
                       "excluded.value, updated_at = excluded.updated_at WHERE "
                       "choices.updated_at <= excluded.updated_at"),
        {subjectKey(subject),
         QString::fromUtf8(QJsonDocument(choices.toJson()).toJson(QJsonDocument::Compact)), atMs},
        &error);
}

std::optional<QList<TrackingHit>> CollectorStore::pull(qint64 after, int limit)
{
    QSqlDatabase db = m_store->connection();
    QSqlQuery q(db);
    QString error;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Pulled hits are kept a while (a restored desktop pulls them again),
    // then forgotten from the head of the table: a look at its oldest hit,
    // not a scan of every hit pulled, on each pull.
    if (after > 0) {
        if (!Sql::exec(lcCollector(), q, QStringLiteral("SELECT at FROM hits ORDER BY id LIMIT 1"),
                       {}, &error)) {
            setError(error);
            return std::nullopt;
        }
        const bool old = q.next() && q.value(0).toLongLong() < now - kKeepPulledMs;
        q.finish();
        if (old &&
            !Sql::exec(lcCollector(), q,
                       QStringLiteral("DELETE FROM hits WHERE at < ? AND id IN (SELECT id FROM "
                                      "hits WHERE id <= ? ORDER BY id LIMIT 50000)"),
                       {now - kKeepPulledMs, after}, &error)) {
            setError(error);
            return std::nullopt;
        }
    }
    if (!Sql::exec(lcCollector(), q,
                   QStringLiteral("SELECT id, kind, method, outbox, link, target, at, ip, agent, "
                                  "data FROM hits WHERE id > ? ORDER BY id LIMIT ?"),
                   {after, limit}, &error)) {
        setError(error);
        return std::nullopt;
    }
    QList<TrackingHit> out;
    while (q.next()) {
        TrackingHit h;
        h.sourceId = q.value(0).toLongLong();
        h.kind = q.value(1).toString();
        h.method = q.value(2).toString();
        h.outboxId = q.value(3).toLongLong();
        h.link = q.value(4).toInt();
        h.target = q.value(5).toString();
        h.atMs = q.value(6).toLongLong();
        h.ip = q.value(7).toString();
        h.userAgent = q.value(8).toString();
        if (const QString data = q.value(9).toString(); data.size() > 2) // not "{}"
            h.data = QJsonDocument::fromJson(data.toUtf8()).object();
        out << h;
    }
    return out;
}

bool CollectorStore::push(const QJsonObject &state)
{
    QSqlDatabase db = m_store->connection();
    // People erased in the workspace: their choices and hits go, overwritten.
    const QJsonArray forget = state.value(QStringLiteral("forget")).toArray();
    if (!forget.isEmpty() && !Database::setSecureDelete(db, true))
        return false;
    Transaction tx(db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        setError(tx.errorString());
        return false;
    }
    QString error;
    QSqlQuery q(db);
    auto put = [&](const QString &key, const QJsonObject &value) {
        return Sql::exec(
            lcCollector(), q,
            QStringLiteral("INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT "
                           "(key) DO UPDATE SET value = excluded.value"),
            {key, QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact))}, &error);
    };
    const bool ok =
        (!state.contains(QStringLiteral("keys")) ||
         put(QStringLiteral("keys"),
             {{QStringLiteral("keys"), state.value(QStringLiteral("keys"))}})) &&
        (!state.contains(QStringLiteral("branding")) ||
         put(QStringLiteral("branding"), state.value(QStringLiteral("branding")).toObject())) &&
        (!state.contains(QStringLiteral("topics")) ||
         put(QStringLiteral("topics"),
             {{QStringLiteral("topics"), state.value(QStringLiteral("topics"))}}));
    if (!ok) {
        setError(error);
        return false;
    }
    const qint64 asOf = qint64(state.value(QStringLiteral("asOf")).toDouble());
    const qint64 now = asOf > 0 ? asOf : QDateTime::currentMSecsSinceEpoch();
    for (const QJsonValue &v : state.value(QStringLiteral("choices")).toArray()) {
        const QJsonObject o = v.toObject();
        const QByteArray subject =
            QByteArray::fromBase64(o.value(QStringLiteral("subject")).toString().toLatin1(),
                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        if (subject.isEmpty())
            continue;
        if (!setChoices(subject, Choices::fromJson(o.value(QStringLiteral("choices")).toObject()),
                        now))
            return false;
    }
    for (const QJsonValue &v : forget) {
        const QJsonObject o = v.toObject();
        QVariantList ids;
        for (const QJsonValue &id : o.value(QStringLiteral("outbox")).toArray())
            ids << qint64(id.toDouble());
        if (!Sql::exec(lcCollector(), q, QStringLiteral("DELETE FROM choices WHERE subject = ?"),
                       {o.value(QStringLiteral("subject")).toString()}, &error) ||
            (!ids.isEmpty() && !Sql::exec(lcCollector(), q,
                                          QStringLiteral("DELETE FROM hits WHERE outbox IN (%1)")
                                              .arg(Sql::placeholders(ids.size())),
                                          ids, &error))) {
            setError(error);
            return false;
        }
    }
    if (!tx.commit()) {
        setError(tx.errorString());
        return false;
    }
    if (!forget.isEmpty())
        Database::truncateLog(db); // best effort: readers may hold older pages a moment
    const QMutexLocker lock(&m_cacheMutex);
    m_cached = false;
    return true;
}

QJsonObject CollectorStore::status()
{
    QSqlQuery q(m_store->connection());
    QString error;
    QJsonObject out;
    if (Sql::exec(lcCollector(), q,
                  QStringLiteral("SELECT count(*), COALESCE(MAX(id), 0) FROM hits"), {}, &error) &&
        q.next()) {
        out.insert(QStringLiteral("hits"), double(q.value(0).toLongLong()));
        out.insert(QStringLiteral("newest"), double(q.value(1).toLongLong()));
    }
    out.insert(QStringLiteral("keys"), keys().keys().size());
    out.insert(QStringLiteral("instance"), m_instance);
    out.insert(QStringLiteral("lost"), double(m_commit ? m_commit->failed() : 0));
    out.insert(QStringLiteral("now"), double(QDateTime::currentMSecsSinceEpoch()));
    return out;
}

} // namespace masir
