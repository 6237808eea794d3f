#include "settings/WorkspaceSettings.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QLocale>
#include <QSqlQuery>
#include <QUuid>

namespace masir {

namespace {

struct KeyInfo
{
    WorkspaceSettings::Key key;
    const char *name;
};

constexpr KeyInfo kKeys[] = {
    {WorkspaceSettings::Key::DefaultRegion, "contacts/defaultRegion"},
    {WorkspaceSettings::Key::BusinessName, "business/name"},
    {WorkspaceSettings::Key::IsDemo, "workspace/isDemo"},
    {WorkspaceSettings::Key::Stages, "stages/keys"},
    {WorkspaceSettings::Key::MqlScore, "scoring/mqlScore"},
    {WorkspaceSettings::Key::SqlScore, "scoring/sqlScore"},
    {WorkspaceSettings::Key::EmailsPerDay, "sending/emailsPerDay"},
    {WorkspaceSettings::Key::AttributionDays, "reports/attributionDays"},
    {WorkspaceSettings::Key::AttributionModel, "reports/attributionModel"},
    {WorkspaceSettings::Key::CostPerEmail, "reports/costPerEmail"},
    {WorkspaceSettings::Key::CostPerSms, "reports/costPerSms"},
    {WorkspaceSettings::Key::BestHoursAt, "campaigns/bestHoursAt"},
    {WorkspaceSettings::Key::WorkspaceBestHour, "campaigns/workspaceBestHour"},
    {WorkspaceSettings::Key::WaitEventCursor, "journeys/waitEventCursor"},
    {WorkspaceSettings::Key::PostalAddress, "business/postalAddress"},
    {WorkspaceSettings::Key::UnsubscribeUrl, "sending/unsubscribeUrl"},
    {WorkspaceSettings::Key::UnsubscribeMailto, "sending/unsubscribeMailto"},
    {WorkspaceSettings::Key::TokenSecret, "sending/tokenSecret"},
    {WorkspaceSettings::Key::WorkspaceId, "workspace/id"},
    {WorkspaceSettings::Key::QuietFrom, "sending/quietFrom"},
    {WorkspaceSettings::Key::QuietTo, "sending/quietTo"},
    {WorkspaceSettings::Key::SendingPaused, "sending/paused"},
    {WorkspaceSettings::Key::MaxAttempts, "sending/maxAttempts"},
    {WorkspaceSettings::Key::SenderLeaseSeconds, "sending/leaseSeconds"},
    {WorkspaceSettings::Key::RetryBaseMs, "sending/retryBaseMs"},
    {WorkspaceSettings::Key::ScoreCursor, "scoring/eventCursor"},
    {WorkspaceSettings::Key::HitCursor, "tracking/hitCursor"},
    {WorkspaceSettings::Key::TrackingEnabled, "tracking/enabled"},
    {WorkspaceSettings::Key::TrackingPublicUrl, "tracking/publicUrl"},
    {WorkspaceSettings::Key::TrackingSmsLinks, "tracking/smsLinks"},
    {WorkspaceSettings::Key::TrackingServe, "tracking/serve"},
    {WorkspaceSettings::Key::TrackingListen, "tracking/listen"},
    {WorkspaceSettings::Key::KeyGraceDays, "tracking/keyGraceDays"},
    {WorkspaceSettings::Key::CollectorUrl, "collector/url"},
    {WorkspaceSettings::Key::CollectorCursor, "collector/cursor"},
    {WorkspaceSettings::Key::CollectorPushed, "collector/pushed"},
    {WorkspaceSettings::Key::CollectorStatus, "collector/status"},
    {WorkspaceSettings::Key::BrandColor, "business/color"},
    {WorkspaceSettings::Key::BrandLogo, "business/logo"},
    {WorkspaceSettings::Key::Currency, "business/currency"},
    {WorkspaceSettings::Key::FollowUpDays, "crm/followUpDays"},
    {WorkspaceSettings::Key::FollowUpsAt, "crm/followUpsAt"},
    {WorkspaceSettings::Key::CrmConnections, "crm/connections"},
};

} // namespace

WorkspaceSettings::WorkspaceSettings(const Database &db)
    : m_connection(db.connection())
{}

WorkspaceSettings::WorkspaceSettings(QSqlDatabase connection)
    : m_connection(std::move(connection))
{}

QString WorkspaceSettings::keyName(Key key)
{
    for (const KeyInfo &info : kKeys) {
        if (info.key == key)
            return QString::fromLatin1(info.name);
    }
    return {};
}

QVariant WorkspaceSettings::defaultValue(Key key)
{
    switch (key) {
    case Key::DefaultRegion: {
        // The region of the user's locale; a machine set to "C" has none.
        const QString region = QLocale::territoryToCode(QLocale::system().territory());
        return region.size() == 2 ? region : QString();
    }
    case Key::BusinessName:
        return QString();
    case Key::IsDemo:
        return false;
    case Key::Stages:
        return QStringLiteral("subscriber,lead,mql,sql,opportunity,customer,lost");
    case Key::MqlScore:
        return 50;
    case Key::SqlScore:
        return 100;
    case Key::EmailsPerDay:
        return 2;
    case Key::AttributionDays:
        return 7;
    case Key::AttributionModel:
        return QStringLiteral("last");
    case Key::CostPerEmail:
    case Key::CostPerSms:
        return 0.0;
    case Key::BestHoursAt:
        return 0;
    case Key::WorkspaceBestHour:
        return -1;
    case Key::WaitEventCursor:
        return 0;
    case Key::PostalAddress:
    case Key::UnsubscribeUrl:
    case Key::UnsubscribeMailto:
    case Key::TokenSecret:
    case Key::WorkspaceId:
    case Key::QuietFrom:
    case Key::QuietTo:
        return QString();
    case Key::SendingPaused:
        return false;
    case Key::MaxAttempts:
        return 5;
    case Key::SenderLeaseSeconds:
        return 60;
    case Key::RetryBaseMs:
        return 60000;
    case Key::ScoreCursor:
    case Key::HitCursor:
    case Key::CollectorCursor:
        return 0;
    case Key::TrackingEnabled:
        return true;
    case Key::TrackingSmsLinks:
    case Key::TrackingServe:
        return false;
    case Key::TrackingListen:
        return QStringLiteral("0.0.0.0:8787");
    case Key::KeyGraceDays:
        return 180;
    case Key::TrackingPublicUrl:
    case Key::CollectorUrl:
    case Key::CollectorPushed:
    case Key::CollectorStatus:
    case Key::BrandLogo:
        return QString();
    case Key::BrandColor:
        return QStringLiteral("#1565c0");
    case Key::Currency: {
        const QString code = QLocale::system().currencySymbol(QLocale::CurrencyIsoCode);
        return code.size() == 3 ? code : QStringLiteral("USD");
    }
    case Key::FollowUpDays:
        return 14;
    case Key::FollowUpsAt:
        return 0;
    case Key::CrmConnections:
        return QStringLiteral("{}");
    }
    return {};
}

QVariant WorkspaceSettings::value(Key key) const
{
    QSqlQuery q(m_connection);
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(keyName(key));
    if (q.exec() && q.next())
        return q.value(0);
    return defaultValue(key);
}

bool WorkspaceSettings::setValue(Key key, const QVariant &value)
{
    QSqlQuery q(m_connection);
    q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(keyName(key));
    q.addBindValue(SqlValues::text(value.toString()));
    return q.exec();
}

QString WorkspaceSettings::token(Key key)
{
    QString v = value(key).toString();
    if (!v.isEmpty())
        return v;
    v = QUuid::createUuid().toString(QUuid::Id128);
    if (key == Key::TokenSecret)
        v += QUuid::createUuid().toString(QUuid::Id128);
    setValue(key, v);
    return value(key).toString(); // another process may have won the race
}

} // namespace masir
