#include "intake/WorkspaceTracking.h"

#include "common/Logging.h"
#include "intake/HitApplier.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "tracking/GroupCommit.h"
#include "tracking/TrackingHit.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace masir {

namespace {
constexpr qint64 kKeysFreshMs = 2000; // a rotated key signs links within seconds
} // namespace

WorkspaceTracking::WorkspaceTracking(const Database &db, std::function<void()> changed,
                                     const QString &source)
    : m_db(db)
    , m_changed(std::move(changed))
    , m_source(source)
{
    m_nextId = HitInbox(db).nextIdOf(m_source);
    m_commit = std::make_unique<GroupCommit>([this](const QList<TrackingHit> &hits) {
        HitInbox inbox(m_db);
        if (!inbox.add(hits)) {
            qCWarning(lcTracking) << "cannot keep hits:" << inbox.errorString();
            return false;
        }
        if (m_changed)
            m_changed();
        return true;
    });
}

WorkspaceTracking::~WorkspaceTracking()
{
    m_commit->stop();
}

void WorkspaceTracking::flush()
{
    m_commit->flush();
}

KeyRing WorkspaceTracking::keys()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QMutexLocker lock(&m_keysMutex);
    if (m_keys.isEmpty() || now - m_keysAt > kKeysFreshMs) {
        TrackingKeys keys(m_db);
        if (!keys.current())
            qCWarning(lcTracking) << "no tracking key:" << keys.errorString();
        m_keys = keys.ring(now);
        m_keysAt = now;
    }
    return m_keys;
}

TrackingHit WorkspaceTracking::local(TrackingHit hit)
{
    hit.source = m_source;
    hit.sourceId = m_nextId++;
    return hit;
}

void WorkspaceTracking::record(const TrackingHit &hit)
{
    m_commit->add(local(hit));
}

bool WorkspaceTracking::recordNow(const TrackingHit &hit, const TrackingToken &)
{
    m_commit->flush(); // the opens and clicks before it come first
    HitInbox inbox(m_db);
    if (!inbox.add({local(hit)})) {
        qCWarning(lcTracking) << "cannot keep a hit:" << inbox.errorString();
        return false;
    }
    // Applied now, so that nothing is sent to someone who has just said no.
    HitApplier applier(m_db);
    if (!applier.applyWaiting())
        qCWarning(lcTracking) << "kept, but not applied yet:" << applier.errorString();
    if (m_changed)
        m_changed();
    return true;
}

Choices WorkspaceTracking::choices(const TrackingToken &token)
{
    QSqlQuery q(m_db.connection());
    QString error;
    if (!Sql::exec(lcTracking(), q, QStringLiteral("SELECT contact_id FROM outbox WHERE id = ?"),
                   {token.outboxId}, &error) ||
        !q.next())
        return {};
    return choicesOf(m_db, q.value(0).toLongLong());
}

Choices WorkspaceTracking::choicesOf(const Database &db, qint64 contactId)
{
    const auto all = choicesOf(db, QList<qint64>{contactId});
    return all ? all->value(contactId) : Choices();
}

std::optional<QHash<qint64, Choices>> WorkspaceTracking::choicesOf(const Database &db,
                                                                   const QList<qint64> &contactIds)
{
    // A few hundred people a statement: a push names thousands.
    constexpr qsizetype kPerStatement = 500;
    QHash<qint64, Choices> out;
    out.reserve(contactIds.size());
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    QString error;
    for (qsizetype from = 0; from < contactIds.size(); from += kPerStatement) {
        const QList<qint64> part = contactIds.mid(from, kPerStatement);
        QVariantList binds;
        binds.reserve(part.size());
        for (const qint64 id : part)
            binds << id;
        const QString in = Sql::placeholders(part.size());
        if (!Sql::exec(lcTracking(), q,
                       QStringLiteral("SELECT id, status, sms_consent, phone, language FROM "
                                      "contacts WHERE id IN (%1)")
                           .arg(in),
                       binds, &error))
            return std::nullopt;
        while (q.next()) {
            Choices c;
            c.known = true;
            c.email = q.value(1).toString() != QLatin1String("unsubscribed");
            c.sms = q.value(2).toString() == QLatin1String("granted");
            c.hasPhone = !q.value(3).toString().isEmpty();
            c.language = q.value(4).toString();
            out.insert(q.value(0).toLongLong(), c);
        }
        if (!Sql::exec(lcTracking(), q,
                       QStringLiteral("SELECT contact_id, segment_id FROM segment_members WHERE "
                                      "contact_id IN (%1)")
                           .arg(in),
                       binds, &error))
            return std::nullopt;
        while (q.next())
            if (const auto it = out.find(q.value(0).toLongLong()); it != out.end())
                it->topics << q.value(1).toLongLong();
    }
    return out;
}

Branding WorkspaceTracking::branding()
{
    return brandingOf(m_db);
}

QList<Topic> WorkspaceTracking::topics()
{
    return topicsOf(m_db);
}

Branding WorkspaceTracking::brandingOf(const Database &db)
{
    const WorkspaceSettings settings(db);
    Branding b;
    b.name = settings.value(WorkspaceSettings::Key::BusinessName).toString();
    b.color = settings.value(WorkspaceSettings::Key::BrandColor).toString();
    const QJsonObject logo =
        QJsonDocument::fromJson(
            settings.value(WorkspaceSettings::Key::BrandLogo).toString().toUtf8())
            .object();
    b.logoType = logo.value(QStringLiteral("type")).toString();
    b.logo = QByteArray::fromBase64(logo.value(QStringLiteral("data")).toString().toLatin1());
    return b;
}

QList<Topic> WorkspaceTracking::topicsOf(const Database &db)
{
    QList<Topic> out;
    for (const Segment &s : SegmentRepository(db).list())
        if (s.isPublic)
            out << Topic{s.id, s.name};
    return out;
}

} // namespace masir
