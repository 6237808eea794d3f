#include "tracking/TrackingHit.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/StatementCache.h"
#include "storage/Transaction.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace masir {

QJsonObject TrackingHit::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), double(sourceId)}, {QStringLiteral("kind"), kind},
        {QStringLiteral("method"), method},       {QStringLiteral("outbox"), double(outboxId)},
        {QStringLiteral("at"), double(atMs)},     {QStringLiteral("ip"), ip},
        {QStringLiteral("agent"), userAgent}};
    if (link >= 0)
        o.insert(QStringLiteral("link"), link);
    if (!target.isEmpty())
        o.insert(QStringLiteral("target"), target);
    if (!data.isEmpty())
        o.insert(QStringLiteral("data"), data);
    return o;
}

TrackingHit TrackingHit::fromJson(const QJsonObject &o)
{
    TrackingHit h;
    h.sourceId = qint64(o.value(QStringLiteral("id")).toDouble());
    h.kind = o.value(QStringLiteral("kind")).toString();
    h.method = o.value(QStringLiteral("method")).toString(QStringLiteral("GET"));
    h.outboxId = qint64(o.value(QStringLiteral("outbox")).toDouble());
    h.link = o.value(QStringLiteral("link")).toInt(-1);
    h.target = o.value(QStringLiteral("target")).toString();
    h.atMs = qint64(o.value(QStringLiteral("at")).toDouble());
    h.ip = o.value(QStringLiteral("ip")).toString();
    h.userAgent = o.value(QStringLiteral("agent")).toString();
    h.data = o.value(QStringLiteral("data")).toObject();
    return h;
}

HitInbox::HitInbox(const Database &db)
    : m_db(db)
{}

bool HitInbox::add(const QList<TrackingHit> &hits, qint64 *kept)
{
    if (kept)
        *kept = 0;
    if (hits.isEmpty())
        return true;
    QSqlDatabase db = m_db.connection();
    Transaction tx(db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    StatementCache statements(db);
    PreparedStatement *st = statements.get(
        QStringLiteral("INSERT INTO tracking_hits (source, source_id, kind, method, outbox_id, "
                       "link, target, at, ip, user_agent, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?) ON CONFLICT (source, source_id) DO NOTHING"),
        &m_error);
    if (!st)
        return false;
    for (const TrackingHit &h : hits) {
        int i = 1;
        st->bind(i++, h.source.toUtf8());
        st->bind(i++, h.sourceId);
        st->bind(i++, h.kind.toUtf8());
        st->bind(i++, h.method.toUtf8());
        st->bind(i++, h.outboxId);
        st->bind(i++, qint64(h.link));
        st->bind(i++, h.target.toUtf8());
        st->bind(i++, h.atMs);
        st->bind(i++, h.ip.toUtf8());
        st->bind(i++, h.userAgent.toUtf8());
        st->bind(i++, QJsonDocument(h.data).toJson(QJsonDocument::Compact));
        if (!st->exec()) {
            m_error = st->errorString();
            qCWarning(lcTracking) << "cannot keep a hit:" << m_error;
            return false;
        }
        if (kept)
            *kept += st->changes();
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

qint64 HitInbox::nextIdOf(const QString &source)
{
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcTracking(), q,
                   QStringLiteral("SELECT COALESCE(MAX(source_id), 0) + 1 FROM tracking_hits "
                                  "WHERE source = ?"),
                   {source}, &m_error) ||
        !q.next())
        return 0;
    return q.value(0).toLongLong();
}

} // namespace masir
