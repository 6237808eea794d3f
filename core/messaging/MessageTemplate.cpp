#include "messaging/MessageTemplate.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"

#include <QDateTime>

namespace masir {

namespace {

const QString kColumns =
    QStringLiteral("id, name, channel, subject, preheader, body, marketing, track FROM templates");

MessageTemplate fromQuery(const QSqlQuery &q)
{
    MessageTemplate t;
    t.id = q.value(0).toLongLong();
    t.name = q.value(1).toString();
    t.channel = q.value(2).toString();
    t.subject = q.value(3).toString();
    t.preheader = q.value(4).toString();
    t.body = q.value(5).toString();
    t.marketing = q.value(6).toBool();
    t.track = q.value(7).toBool();
    return t;
}

} // namespace

TemplateRepository::TemplateRepository(const Database &db)
    : m_db(db)
{}

QList<MessageTemplate> TemplateRepository::list() const
{
    QList<MessageTemplate> out;
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" ORDER BY name")))
        while (q.next())
            out << fromQuery(q);
    return out;
}

std::optional<MessageTemplate> TemplateRepository::find(const QString &name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" WHERE name = ?"));
    q.addBindValue(name);
    if (q.exec() && q.next())
        return fromQuery(q);
    return std::nullopt;
}

bool TemplateRepository::save(MessageTemplate &t)
{
    t.name = t.name.simplified();
    if (t.name.isEmpty()) {
        m_error = tr("A template needs a name.");
        return false;
    }
    if (t.channel != QLatin1String("email") && t.channel != QLatin1String("sms")) {
        m_error = tr("A template is for email or for SMS.");
        return false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_db.connection());
    const QVariantList values{t.name,
                              t.channel,
                              SqlValues::text(t.subject),
                              SqlValues::text(t.preheader),
                              SqlValues::text(t.body),
                              t.marketing ? 1 : 0,
                              t.track ? 1 : 0,
                              now};
    bool ok;
    if (t.id == 0) {
        ok = Sql::exec(lcSend(), q,
                       QStringLiteral("INSERT INTO templates (name, channel, subject, preheader, "
                                      "body, marketing, track, updated_at, created_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                       values + QVariantList{now}, &m_error);
        if (ok)
            t.id = q.next() ? q.value(0).toLongLong() : 0;
        q.finish();
    } else {
        ok = Sql::exec(lcSend(), q,
                       QStringLiteral("UPDATE templates SET name = ?, channel = ?, subject = ?, "
                                      "preheader = ?, body = ?, marketing = ?, track = ?, "
                                      "updated_at = ? WHERE id = ?"),
                       values + QVariantList{t.id}, &m_error);
    }
    if (!ok && m_error.contains(QLatin1String("UNIQUE")))
        m_error = tr("There is already a template named \"%1\".").arg(t.name);
    return ok;
}

bool TemplateRepository::remove(qint64 id)
{
    QSqlQuery q(m_db.connection());
    return Sql::exec(lcSend(), q, QStringLiteral("DELETE FROM templates WHERE id = ?"), {id},
                     &m_error);
}

} // namespace masir
