#include "segments/SegmentRepository.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace masir {

namespace {

Segment readSegment(const QSqlQuery &q)
{
    Segment s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.isStatic = q.value(2).toString() == QLatin1String("static");
    if (!s.isStatic) {
        if (auto rule = SegmentRule::fromJsonBytes(q.value(3).toString().toUtf8(), nullptr))
            s.rule = *rule;
    }
    s.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
    s.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC);
    s.isPublic = s.isStatic && q.value(6).toInt() != 0;
    return s;
}

const QString kSelect =
    QStringLiteral("SELECT id, name, kind, rule, created_at, updated_at, public FROM segments");

} // namespace

SegmentRepository::SegmentRepository(const Database &db, SegmentContext context)
    : m_db(db)
    , m_context(std::move(context))
{}

QList<Segment> SegmentRepository::list() const
{
    QList<Segment> out;
    QSqlQuery q(m_db.connection());
    if (!q.exec(kSelect + QStringLiteral(" ORDER BY name")))
        return out;
    while (q.next())
        out << readSegment(q);
    return out;
}

std::optional<Segment> SegmentRepository::find(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return readSegment(q);
    return std::nullopt;
}

std::optional<Segment> SegmentRepository::findByName(const QString &name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + QStringLiteral(" WHERE name = ?"));
    q.addBindValue(name.trimmed());
    if (q.exec() && q.next())
        return readSegment(q);
    return std::nullopt;
}

bool SegmentRepository::save(Segment &segment)
{
    segment.name = segment.name.trimmed();
    if (segment.name.isEmpty()) {
        m_error = tr("Give the segment a name.");
        return false;
    }
    if (const auto other = findByName(segment.name); other && other->id != segment.id) {
        m_error =
            tr("There is already a segment called \"%1\". Choose another name.").arg(segment.name);
        return false;
    }
    if (!segment.isStatic) {
        // A saved rule must compile, and must not include the segment itself.
        const CompiledSegment c = compile(segment.rule);
        if (!c.ok()) {
            m_error = c.errorText();
            return false;
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlDatabase db = m_db.connection();
    Transaction tx(db, Transaction::Mode::Write);
    QSqlQuery q(db);
    const QString rule =
        segment.isStatic ? QStringLiteral("") : QString::fromUtf8(segment.rule.toJsonBytes());
    if (segment.id == 0) {
        q.prepare(QStringLiteral("INSERT INTO segments (name, kind, rule, created_at, updated_at, "
                                 "public) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
        q.addBindValue(segment.name);
        q.addBindValue(segment.isStatic ? QStringLiteral("static") : QStringLiteral("rule"));
        q.addBindValue(rule);
        q.addBindValue(now);
        q.addBindValue(now);
        q.addBindValue(segment.isStatic && segment.isPublic ? 1 : 0);
    } else {
        q.prepare(QStringLiteral(
            "UPDATE segments SET name = ?, rule = ?, updated_at = ?, public = ? WHERE id = ?"));
        q.addBindValue(segment.name);
        q.addBindValue(rule);
        q.addBindValue(now);
        q.addBindValue(segment.isStatic && segment.isPublic ? 1 : 0);
        q.addBindValue(segment.id);
    }
    QString error;
    const auto written =
        segment.id ? (Sql::exec(lcSegments(), q, &error) ? std::optional<qint64>(segment.id)
                                                         : std::nullopt)
                   : Sql::insertedId(lcSegments(), q, &error);
    if (!written) {
        m_error = tr("Cannot save the segment: %1").arg(error);
        return false;
    }
    const qint64 id = *written;
    if (!segment.isStatic) {
        // Checked again as saved: a rule may reach this very segment through another.
        const CompiledSegment c = compile(segment.rule);
        if (!c.ok()) {
            m_error = c.errorText();
            return false; // rolled back
        }
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    segment.id = id;
    return true;
}

bool SegmentRepository::remove(qint64 id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM segments WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

CompiledSegment SegmentRepository::compile(const SegmentRule &rule) const
{
    return SegmentCompiler(m_db, m_context).compile(rule);
}

CompiledSegment SegmentRepository::filter(qint64 segmentId) const
{
    const auto segment = find(segmentId);
    if (!segment) {
        CompiledSegment c;
        c.errors.append({QString(), tr("The segment no longer exists.")});
        return c;
    }
    if (segment->isStatic) {
        CompiledSegment c;
        c.where = QStringLiteral(
            "contacts.id IN (SELECT contact_id FROM segment_members WHERE segment_id = ?)");
        c.binds << segmentId;
        return c;
    }
    return compile(segment->rule);
}

ContactFilter SegmentRepository::contactFilter(qint64 segmentId) const
{
    if (!segmentId)
        return {};
    const CompiledSegment segment = filter(segmentId);
    ContactFilter f;
    f.key = QStringLiteral("segment:%1").arg(segmentId);
    if (segment.ok()) {
        f.where = segment.where;
        f.binds = segment.binds;
    } else {
        f.where = QStringLiteral("0 = 1");
    }
    return f;
}

std::optional<qint64> SegmentRepository::countWhere(const CompiledSegment &c) const
{
    if (!c.ok()) {
        m_error = c.errorText();
        return std::nullopt;
    }
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(SegmentCompiler::countSql(c));
    for (const QVariant &b : c.binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next()) {
        m_error = tr("Cannot count the segment: %1").arg(q.lastError().text());
        qCWarning(lcSegments) << "segment count failed" << q.lastQuery() << q.lastError().text();
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

std::optional<qint64> SegmentRepository::count(const SegmentRule &rule) const
{
    return countWhere(compile(rule));
}

std::optional<qint64> SegmentRepository::count(qint64 segmentId) const
{
    return countWhere(filter(segmentId));
}

QList<SegmentPreviewRow> SegmentRepository::preview(const SegmentRule &rule, int limit) const
{
    QList<SegmentPreviewRow> rows;
    const CompiledSegment c = compile(rule);
    if (!c.ok()) {
        m_error = c.errorText();
        return rows;
    }
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT id, first_name, last_name, email, phone FROM contacts WHERE ") +
        c.where + QStringLiteral(" ORDER BY id LIMIT ?"));
    for (const QVariant &b : c.binds)
        q.addBindValue(b);
    q.addBindValue(limit);
    if (!q.exec())
        return rows;
    while (q.next()) {
        SegmentPreviewRow r;
        r.id = q.value(0).toLongLong();
        r.name =
            QString(q.value(1).toString() + QLatin1Char(' ') + q.value(2).toString()).trimmed();
        r.email = q.value(3).toString();
        r.phone = q.value(4).toString();
        rows << r;
    }
    return rows;
}

std::optional<qint64> SegmentRepository::materialize(qint64 segmentId)
{
    const auto segment = find(segmentId);
    if (!segment) {
        m_error = tr("The segment no longer exists.");
        return std::nullopt;
    }
    if (segment->isStatic)
        return count(segmentId);
    const CompiledSegment c = compile(segment->rule);
    if (!c.ok()) {
        m_error = c.errorText();
        return std::nullopt;
    }
    QSqlDatabase db = m_db.connection();
    Transaction tx(db, Transaction::Mode::Write);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM segment_members WHERE segment_id = ?"));
    q.addBindValue(segmentId);
    if (!tx.isActive() || !q.exec()) {
        m_error = tr("Cannot update the segment: %1").arg(q.lastError().text());
        return std::nullopt;
    }
    q.prepare(QStringLiteral("INSERT INTO segment_members (segment_id, contact_id, added_at) "
                             "SELECT ?, id, ? FROM contacts WHERE ") +
              c.where);
    q.addBindValue(segmentId);
    q.addBindValue(m_context.now.toMSecsSinceEpoch());
    for (const QVariant &b : c.binds)
        q.addBindValue(b);
    if (!q.exec()) {
        m_error = tr("Cannot update the segment: %1").arg(q.lastError().text());
        return std::nullopt;
    }
    const qint64 n = q.numRowsAffected();
    if (!tx.commit()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    return n;
}

qint64 SegmentRepository::addMembers(qint64 segmentId, const QList<qint64> &contactIds)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db, Transaction::Mode::Write);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO segment_members (segment_id, contact_id, added_at) "
                             "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 n = 0;
    for (const qint64 id : contactIds) {
        q.addBindValue(segmentId);
        q.addBindValue(id);
        q.addBindValue(now);
        if (q.exec())
            n += q.numRowsAffected();
    }
    return tx.commit() ? n : 0;
}

qint64 SegmentRepository::removeMembers(qint64 segmentId, const QList<qint64> &contactIds)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db, Transaction::Mode::Write);
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("DELETE FROM segment_members WHERE segment_id = ? AND contact_id = ?"));
    qint64 n = 0;
    for (const qint64 id : contactIds) {
        q.addBindValue(segmentId);
        q.addBindValue(id);
        if (q.exec())
            n += q.numRowsAffected();
    }
    return tx.commit() ? n : 0;
}

bool SegmentRepository::setMember(qint64 listId, qint64 contactId, bool member, qint64 atMs)
{
    QSqlQuery q(m_db.connection());
    return member ? Sql::exec(lcSegments(), q,
                              QStringLiteral("INSERT INTO segment_members (segment_id, contact_id, "
                                             "added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
                              {listId, contactId, atMs}, &m_error)
                  : Sql::exec(lcSegments(), q,
                              QStringLiteral("DELETE FROM segment_members WHERE segment_id = ? AND "
                                             "contact_id = ?"),
                              {listId, contactId}, &m_error);
}

qint64 SegmentRepository::ensureList(const QString &name)
{
    if (const auto existing = findByName(name))
        return existing->isStatic ? existing->id : 0;
    Segment s;
    s.name = name;
    s.isStatic = true;
    return save(s) ? s.id : 0;
}

} // namespace masir
