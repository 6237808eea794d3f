#include "messaging/MessageTracking.h"

#include "common/Logging.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace masir {

MessageTracking::MessageTracking(const Database &db)
    : m_db(db)
{
    WorkspaceSettings settings(db);
    m_baseUrl = settings.value(WorkspaceSettings::Key::TrackingPublicUrl).toString().trimmed();
    while (m_baseUrl.endsWith(QLatin1Char('/')))
        m_baseUrl.chop(1);
    if (m_baseUrl.isEmpty())
        return;
    m_subjectSecret = settings.token(WorkspaceSettings::Key::TokenSecret).toUtf8();
    TrackingKeys keys(db);
    m_key = keys.current();
    if (!m_key) {
        qCWarning(lcSend) << "tracking is off for this run: no key:" << keys.errorString();
        return;
    }
    m_active = settings.value(WorkspaceSettings::Key::TrackingEnabled).toBool();
    m_smsLinks = settings.value(WorkspaceSettings::Key::TrackingSmsLinks).toBool();
}

QByteArray MessageTracking::subjectOf(qint64 contactId) const
{
    return TrackingToken::subjectOf(contactId, m_subjectSecret);
}

QString MessageTracking::unsubscribeUrl(const TrackedSend &send) const
{
    if (!m_key || m_baseUrl.isEmpty())
        return {};
    TrackingToken t;
    t.kind = TrackingToken::Kind::Unsubscribe;
    t.kid = m_key->kid;
    t.outboxId = send.outboxId;
    t.subject = subjectOf(send.contactId);
    return m_baseUrl + QStringLiteral("/u/") + t.encode(m_key->secret);
}

QString MessageTracking::campaignOf(const TrackedSend &send)
{
    // A campaign's messages carry its name; a journey's, the journey's.
    const bool campaign = send.campaignId != 0;
    const qint64 id = campaign ? send.campaignId : send.journeyId;
    if (!id)
        return send.templateName;
    QHash<qint64, QString> &names = campaign ? m_campaigns : m_journeys;
    auto it = names.constFind(id);
    if (it == names.cend()) {
        QSqlQuery q(m_db.connection());
        QString error;
        QString name;
        if (Sql::exec(lcSend(), q,
                      campaign ? QStringLiteral("SELECT name FROM campaigns WHERE id = ?")
                               : QStringLiteral("SELECT name FROM journeys WHERE id = ?"),
                      {id}, &error) &&
            q.next())
            name = q.value(0).toString();
        it = names.insert(id, name.isEmpty() ? send.templateName : name);
    }
    return *it;
}

MessageTracking::Result MessageTracking::apply(const TrackedSend &send, const QString &html,
                                               const QString &text)
{
    const bool sms = send.channel == QLatin1String("sms");
    if (!m_active || !send.marketing || !send.templateTracks || (sms && !m_smsLinks))
        return {html, text, QString()};
    TrackingPlan plan;
    plan.baseUrl = m_baseUrl;
    plan.key = *m_key;
    plan.outboxId = send.outboxId;
    plan.opens = !sms;
    plan.unsubscribeUrl = unsubscribeUrl(send);
    plan.utm.medium = send.channel;
    plan.utm.campaign = campaignOf(send);
    plan.utm.content = send.node;
    const TrackedMessage m = LinkTracker::apply(plan, html, text);
    QJsonArray links;
    for (const TrackedLink &l : m.links)
        links.append(QJsonObject{{QStringLiteral("index"), l.index},
                                 {QStringLiteral("target"), l.target},
                                 {QStringLiteral("url"), l.url}});
    QJsonObject tracked{{QStringLiteral("pixel"), m.pixelUrl}, {QStringLiteral("links"), links}};
    if (!send.subject.isEmpty())
        tracked.insert(QStringLiteral("subject"), send.subject);
    return {m.html, m.text,
            QString::fromUtf8(QJsonDocument(tracked).toJson(QJsonDocument::Compact))};
}

} // namespace masir
