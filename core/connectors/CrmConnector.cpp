#include "connectors/CrmConnector.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QUrlQuery>

namespace masir {

namespace {

constexpr int kPageSize = 100;

QString text(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    return v.toString().trimmed();
}

qint64 isoMs(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

/// HubSpot's lifecycle stages as Masir's.
QString stageFromHubSpot(const QString &stage)
{
    static const QMap<QString, QString> map{
        {QStringLiteral("subscriber"), QStringLiteral("subscriber")},
        {QStringLiteral("lead"), QStringLiteral("lead")},
        {QStringLiteral("marketingqualifiedlead"), QStringLiteral("mql")},
        {QStringLiteral("salesqualifiedlead"), QStringLiteral("sql")},
        {QStringLiteral("opportunity"), QStringLiteral("opportunity")},
        {QStringLiteral("customer"), QStringLiteral("customer")},
        {QStringLiteral("evangelist"), QStringLiteral("customer")}};
    return map.value(stage.toLower());
}

// --- HubSpot: the CRM v3 objects API with a private app's token.

class HubSpot final : public CrmConnector
{
public:
    using CrmConnector::CrmConnector;
    QString key() const override { return QStringLiteral("hubspot"); }
    QString label() const override { return QStringLiteral("HubSpot"); }

    std::optional<CrmPage<CrmPerson>> people(const QString &cursor, qint64 sinceMs) override
    {
        static const QStringList properties{
            QStringLiteral("email"),           QStringLiteral("firstname"),
            QStringLiteral("lastname"),        QStringLiteral("phone"),
            QStringLiteral("company"),         QStringLiteral("city"),
            QStringLiteral("country"),         QStringLiteral("lifecyclestage"),
            QStringLiteral("lastmodifieddate")};
        const auto page = objects(QStringLiteral("contacts"), QStringLiteral("lastmodifieddate"),
                                  properties, cursor, sinceMs, {});
        if (!page)
            return std::nullopt;
        CrmPage<CrmPerson> out;
        out.next = page->second;
        for (const QJsonValue &v : page->first) {
            const QJsonObject o = v.toObject();
            const QJsonObject p = o.value(QStringLiteral("properties")).toObject();
            CrmPerson person;
            person.id = text(o.value(QStringLiteral("id")));
            person.modifiedMs = isoMs(p.value(QStringLiteral("lastmodifieddate")).toString());
            person.values = {
                {QStringLiteral("id"), person.id},
                {QStringLiteral("email"), text(p.value(QStringLiteral("email")))},
                {QStringLiteral("first_name"), text(p.value(QStringLiteral("firstname")))},
                {QStringLiteral("last_name"), text(p.value(QStringLiteral("lastname")))},
                {QStringLiteral("phone"), text(p.value(QStringLiteral("phone")))},
                {QStringLiteral("company"), text(p.value(QStringLiteral("company")))},
                {QStringLiteral("city"), text(p.value(QStringLiteral("city")))},
                {QStringLiteral("country"), text(p.value(QStringLiteral("country")))},
                {QStringLiteral("stage"),
                 stageFromHubSpot(text(p.value(QStringLiteral("lifecyclestage"))))}};
            out.items << person;
        }
        return out;
    }

    std::optional<CrmPage<CrmDeal>> deals(const QString &cursor, qint64 sinceMs) override
    {
        static const QStringList properties{
            QStringLiteral("dealname"),           QStringLiteral("amount"),
            QStringLiteral("dealstage"),          QStringLiteral("pipeline"),
            QStringLiteral("closedate"),          QStringLiteral("deal_currency_code"),
            QStringLiteral("hs_lastmodifieddate")};
        const auto page = objects(QStringLiteral("deals"), QStringLiteral("hs_lastmodifieddate"),
                                  properties, cursor, sinceMs, QStringLiteral("contacts"));
        if (!page)
            return std::nullopt;
        if (m_pipelines.isEmpty() && !stages())
            return std::nullopt;
        // The search endpoint gives no associations: the v4 batch read does.
        QHash<QString, QString> contactOf;
        if (sinceMs > 0 || cursor.startsWith(QLatin1Char('@'))) {
            QJsonArray inputs;
            for (const QJsonValue &v : page->first)
                inputs.append(QJsonObject{
                    {QStringLiteral("id"), text(v.toObject().value(QStringLiteral("id")))}});
            if (!inputs.isEmpty()) {
                const auto links = request(
                    "POST", QStringLiteral("/crm/v4/associations/deals/contacts/batch/read"),
                    auth(),
                    QJsonDocument(QJsonObject{{QStringLiteral("inputs"), inputs}})
                        .toJson(QJsonDocument::Compact));
                if (!links)
                    return std::nullopt;
                for (const QJsonValue &r : links->value(QStringLiteral("results")).toArray()) {
                    const QJsonObject o = r.toObject();
                    const QJsonArray to = o.value(QStringLiteral("to")).toArray();
                    if (!to.isEmpty())
                        contactOf.insert(
                            text(o.value(QStringLiteral("from"))
                                     .toObject()
                                     .value(QStringLiteral("id"))),
                            text(to.first().toObject().value(QStringLiteral("toObjectId"))));
                }
            }
        }
        CrmPage<CrmDeal> out;
        out.next = page->second;
        for (const QJsonValue &v : page->first) {
            const QJsonObject o = v.toObject();
            const QJsonObject p = o.value(QStringLiteral("properties")).toObject();
            CrmDeal d;
            d.id = text(o.value(QStringLiteral("id")));
            d.title = text(p.value(QStringLiteral("dealname")));
            d.amount = text(p.value(QStringLiteral("amount"))).toDouble();
            d.currency = text(p.value(QStringLiteral("deal_currency_code")));
            d.pipeline = m_pipelines.value(text(p.value(QStringLiteral("pipeline"))));
            d.stageKey = text(p.value(QStringLiteral("dealstage")));
            d.closeDate =
                QDateTime::fromString(text(p.value(QStringLiteral("closedate"))), Qt::ISODateWithMs)
                    .date();
            d.modifiedMs = isoMs(text(p.value(QStringLiteral("hs_lastmodifieddate"))));
            const QJsonArray contacts = o.value(QStringLiteral("associations"))
                                            .toObject()
                                            .value(QStringLiteral("contacts"))
                                            .toObject()
                                            .value(QStringLiteral("results"))
                                            .toArray();
            if (!contacts.isEmpty())
                d.personId = text(contacts.first().toObject().value(QStringLiteral("id")));
            else
                d.personId = contactOf.value(d.id);
            out.items << d;
        }
        return out;
    }

    std::optional<QList<CrmStage>> stages() override
    {
        const auto reply = request("GET", QStringLiteral("/crm/v3/pipelines/deals"), auth());
        if (!reply)
            return std::nullopt;
        QList<CrmStage> out;
        for (const QJsonValue &pv : reply->value(QStringLiteral("results")).toArray()) {
            const QJsonObject p = pv.toObject();
            const QString pipeline = text(p.value(QStringLiteral("label")));
            m_pipelines.insert(text(p.value(QStringLiteral("id"))), pipeline);
            for (const QJsonValue &sv : p.value(QStringLiteral("stages")).toArray()) {
                const QJsonObject s = sv.toObject();
                const QJsonObject meta = s.value(QStringLiteral("metadata")).toObject();
                CrmStage stage;
                stage.pipeline = pipeline;
                stage.key = text(s.value(QStringLiteral("id")));
                stage.name = text(s.value(QStringLiteral("label")));
                const double probability =
                    text(meta.value(QStringLiteral("probability"))).toDouble();
                stage.probability = int(probability * 100 + 0.5);
                if (text(meta.value(QStringLiteral("isClosed"))) == QLatin1String("true"))
                    stage.outcome =
                        probability > 0 ? QStringLiteral("won") : QStringLiteral("lost");
                out << stage;
            }
        }
        return out;
    }

    QString defaultProperty(const QString &field) const override
    {
        if (field == QLatin1String("stage"))
            return QStringLiteral("lifecyclestage");
        return QStringLiteral("masir_") + field; // custom properties the user makes in HubSpot
    }

    std::optional<int> writeBack(const QList<CrmWriteBack> &people,
                                 const QMap<QString, QString> &properties) override
    {
        // The batch update endpoint: a hundred people a call.
        int written = 0;
        for (qsizetype i = 0; i < people.size(); i += kPageSize) {
            QJsonArray inputs;
            for (const CrmWriteBack &w : people.mid(i, kPageSize)) {
                QJsonObject props;
                for (auto it = w.values.cbegin(); it != w.values.cend(); ++it) {
                    const QString property = properties.value(it.key(), defaultProperty(it.key()));
                    if (!property.isEmpty())
                        props.insert(property, it.key() == QLatin1String("stage")
                                                   ? stageToHubSpot(it.value())
                                                   : it.value());
                }
                inputs.append(QJsonObject{{QStringLiteral("id"), w.personId},
                                          {QStringLiteral("properties"), props}});
            }
            if (!request("POST", QStringLiteral("/crm/v3/objects/contacts/batch/update"), auth(),
                         QJsonDocument(QJsonObject{{QStringLiteral("inputs"), inputs}})
                             .toJson(QJsonDocument::Compact)))
                return std::nullopt;
            written += int(inputs.size());
        }
        return written;
    }

private:
    static QString stageToHubSpot(const QString &stage)
    {
        static const QMap<QString, QString> map{
            {QStringLiteral("mql"), QStringLiteral("marketingqualifiedlead")},
            {QStringLiteral("sql"), QStringLiteral("salesqualifiedlead")}};
        return map.value(stage, stage);
    }
    QList<QByteArray> auth() const { return {"Authorization: Bearer " + m_token.toUtf8()}; }

    /// A page of objects: all of them by `after` (the list endpoint), or
    /// those modified since a time through the search endpoint (sorted by
    /// modification, so that a later sync starts where this one ended).
    std::optional<std::pair<QJsonArray, QString>>
    objects(const QString &type, const QString &modified, const QStringList &properties,
            const QString &cursor, qint64 sinceMs, const QString &associations)
    {
        std::optional<QJsonObject> reply;
        // Changes are paged by their time, not by an offset alone: "@ms:offset"
        // searches again from that time, so that a record changed while the
        // sync pages (it moves to the end) shifts no other record out of
        // sight, and the search never goes past its 10,000 results.
        QString after = cursor;
        if (after.startsWith(QLatin1Char('@'))) {
            sinceMs = after.mid(1).section(QLatin1Char(':'), 0, 0).toLongLong();
            after = after.section(QLatin1Char(':'), 1);
            if (after == QLatin1String("0"))
                after.clear();
        }
        if (sinceMs > 0) {
            QJsonObject body{{QStringLiteral("filterGroups"),
                              QJsonArray{QJsonObject{
                                  {QStringLiteral("filters"),
                                   QJsonArray{QJsonObject{
                                       {QStringLiteral("propertyName"), modified},
                                       {QStringLiteral("operator"), QStringLiteral("GTE")},
                                       {QStringLiteral("value"), QString::number(sinceMs)}}}}}}},
                             {QStringLiteral("sorts"),
                              QJsonArray{QJsonObject{
                                  {QStringLiteral("propertyName"), modified},
                                  {QStringLiteral("direction"), QStringLiteral("ASCENDING")}}}},
                             {QStringLiteral("properties"), QJsonArray::fromStringList(properties)},
                             {QStringLiteral("limit"), kPageSize}};
            if (!after.isEmpty())
                body.insert(QStringLiteral("after"), after);
            reply = request("POST", QStringLiteral("/crm/v3/objects/%1/search").arg(type), auth(),
                            QJsonDocument(body).toJson(QJsonDocument::Compact));
            if (reply) {
                const QString more = text(reply->value(QStringLiteral("paging"))
                                              .toObject()
                                              .value(QStringLiteral("next"))
                                              .toObject()
                                              .value(QStringLiteral("after")));
                const QJsonArray results = reply->value(QStringLiteral("results")).toArray();
                QString next;
                if (!more.isEmpty() && !results.isEmpty()) {
                    const qint64 last = isoMs(text(results.last()
                                                       .toObject()
                                                       .value(QStringLiteral("properties"))
                                                       .toObject()
                                                       .value(modified)));
                    // from the last time seen; a whole page of one time goes on by offset
                    next = last > sinceMs ? QStringLiteral("@%1:0").arg(last)
                                          : QStringLiteral("@%1:%2").arg(sinceMs).arg(
                                                after.toLongLong() + results.size());
                }
                return std::pair{results, next};
            }
        } else {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("limit"), QString::number(kPageSize));
            query.addQueryItem(QStringLiteral("archived"), QStringLiteral("false"));
            query.addQueryItem(QStringLiteral("properties"), properties.join(QLatin1Char(',')));
            if (!associations.isEmpty())
                query.addQueryItem(QStringLiteral("associations"), associations);
            if (!after.isEmpty())
                query.addQueryItem(QStringLiteral("after"), after);
            reply = request("GET",
                            QStringLiteral("/crm/v3/objects/%1?%2")
                                .arg(type, query.toString(QUrl::FullyEncoded)),
                            auth());
        }
        if (!reply)
            return std::nullopt;
        return std::pair{reply->value(QStringLiteral("results")).toArray(),
                         text(reply->value(QStringLiteral("paging"))
                                  .toObject()
                                  .value(QStringLiteral("next"))
                                  .toObject()
                                  .value(QStringLiteral("after")))};
    }

    QMap<QString, QString> m_pipelines; ///< id → label
};

// --- Pipedrive: the v1 persons, deals and recents API with an API token.

class Pipedrive final : public CrmConnector
{
public:
    using CrmConnector::CrmConnector;
    QString key() const override { return QStringLiteral("pipedrive"); }
    QString label() const override { return QStringLiteral("Pipedrive"); }

    std::optional<CrmPage<CrmPerson>> people(const QString &cursor, qint64 sinceMs) override
    {
        const auto page =
            items(QStringLiteral("persons"), QStringLiteral("person"), cursor, sinceMs);
        if (!page)
            return std::nullopt;
        CrmPage<CrmPerson> out;
        out.next = page->second;
        for (const QJsonValue &v : page->first) {
            const QJsonObject p = v.toObject();
            CrmPerson person;
            person.id = text(p.value(QStringLiteral("id")));
            person.modifiedMs = pipedriveMs(text(p.value(QStringLiteral("update_time"))));
            person.values = {
                {QStringLiteral("id"), person.id},
                {QStringLiteral("email"), primary(p.value(QStringLiteral("email")))},
                {QStringLiteral("first_name"), text(p.value(QStringLiteral("first_name")))},
                {QStringLiteral("last_name"), text(p.value(QStringLiteral("last_name")))},
                {QStringLiteral("phone"), primary(p.value(QStringLiteral("phone")))},
                {QStringLiteral("company"), text(p.value(QStringLiteral("org_name")))}};
            out.items << person;
        }
        return out;
    }

    std::optional<CrmPage<CrmDeal>> deals(const QString &cursor, qint64 sinceMs) override
    {
        if (m_stages.isEmpty() && !stages())
            return std::nullopt;
        const auto page = items(QStringLiteral("deals"), QStringLiteral("deal"), cursor, sinceMs);
        if (!page)
            return std::nullopt;
        CrmPage<CrmDeal> out;
        out.next = page->second;
        for (const QJsonValue &v : page->first) {
            const QJsonObject o = v.toObject();
            CrmDeal d;
            d.id = text(o.value(QStringLiteral("id")));
            d.title = text(o.value(QStringLiteral("title")));
            d.amount = o.value(QStringLiteral("value")).toDouble();
            d.currency = text(o.value(QStringLiteral("currency")));
            const QString stage = text(o.value(QStringLiteral("stage_id")));
            d.pipeline = m_stages.value(stage).pipeline;
            // won and lost are a deal's status in Pipedrive, not a stage
            const QString status = text(o.value(QStringLiteral("status")));
            d.stageKey =
                status == QLatin1String("won") || status == QLatin1String("lost") ? status : stage;
            const QJsonValue person = o.value(QStringLiteral("person_id"));
            d.personId = person.isObject() ? text(person.toObject().value(QStringLiteral("value")))
                                           : text(person);
            d.closeDate = QDate::fromString(text(o.value(QStringLiteral("expected_close_date"))),
                                            Qt::ISODate);
            d.modifiedMs = pipedriveMs(text(o.value(QStringLiteral("update_time"))));
            out.items << d;
        }
        return out;
    }

    std::optional<QList<CrmStage>> stages() override
    {
        const auto reply = request("GET", withToken(QStringLiteral("/v1/stages")), {});
        if (!reply)
            return std::nullopt;
        QList<CrmStage> out;
        QSet<QString> pipelines;
        for (const QJsonValue &v : reply->value(QStringLiteral("data")).toArray()) {
            const QJsonObject s = v.toObject();
            CrmStage stage;
            stage.pipeline = text(s.value(QStringLiteral("pipeline_name")));
            stage.key = text(s.value(QStringLiteral("id")));
            stage.name = text(s.value(QStringLiteral("name")));
            stage.probability = s.value(QStringLiteral("deal_probability")).toInt();
            m_stages.insert(stage.key, stage);
            pipelines.insert(stage.pipeline);
            out << stage;
        }
        for (const QString &p : std::as_const(pipelines)) {
            out << CrmStage{p, QStringLiteral("won"), tr("Won"), 100, QStringLiteral("won")};
            out << CrmStage{p, QStringLiteral("lost"), tr("Lost"), 0, QStringLiteral("lost")};
        }
        return out;
    }

    QString defaultProperty(const QString &) const override
    {
        return {}; // a Pipedrive custom field is known by its key only
    }

    std::optional<int> writeBack(const QList<CrmWriteBack> &people,
                                 const QMap<QString, QString> &properties) override
    {
        int written = 0;
        for (const CrmWriteBack &w : people) {
            QJsonObject fields;
            for (auto it = w.values.cbegin(); it != w.values.cend(); ++it) {
                if (const QString key = properties.value(it.key()); !key.isEmpty())
                    fields.insert(key, it.value());
            }
            if (fields.isEmpty())
                continue;
            if (!request("PUT", withToken(QStringLiteral("/v1/persons/%1").arg(w.personId)), {},
                         QJsonDocument(fields).toJson(QJsonDocument::Compact)))
                return std::nullopt;
            ++written;
        }
        return written;
    }

private:
    /// "2024-05-01 10:11:12" in UTC.
    static qint64 pipedriveMs(const QString &time)
    {
        QDateTime t = QDateTime::fromString(time, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        t.setTimeZone(QTimeZone::utc());
        return t.isValid() ? t.toMSecsSinceEpoch() : 0;
    }
    /// The primary value of [{"value", "primary"}], else the first.
    static QString primary(const QJsonValue &v)
    {
        const QJsonArray all = v.toArray();
        for (const QJsonValue &e : all) {
            if (e.toObject().value(QStringLiteral("primary")).toBool())
                return text(e.toObject().value(QStringLiteral("value")));
        }
        return all.isEmpty() ? text(v)
                             : text(all.first().toObject().value(QStringLiteral("value")));
    }
    QString withToken(const QString &path) const
    {
        return path +
               (path.contains(QLatin1Char('?')) ? QStringLiteral("&") : QStringLiteral("?")) +
               QStringLiteral("api_token=") + QString::fromLatin1(QUrl::toPercentEncoding(m_token));
    }
    /// A page by start and limit: all items of \a collection, or through
    /// /recents those of \a item changed since a time.
    std::optional<std::pair<QJsonArray, QString>>
    items(const QString &collection, const QString &item, const QString &cursor, qint64 sinceMs)
    {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("start"),
                           cursor.isEmpty() ? QStringLiteral("0") : cursor);
        query.addQueryItem(QStringLiteral("limit"), QString::number(kPageSize));
        QString path;
        if (sinceMs > 0) {
            query.addQueryItem(QStringLiteral("items"), item);
            query.addQueryItem(QStringLiteral("since_timestamp"),
                               QDateTime::fromMSecsSinceEpoch(sinceMs, QTimeZone::utc())
                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
            path = QStringLiteral("/v1/recents?");
        } else {
            path = QStringLiteral("/v1/%1?").arg(collection);
        }
        const auto reply = request("GET", withToken(path + query.toString(QUrl::FullyEncoded)), {});
        if (!reply)
            return std::nullopt;
        QJsonArray out;
        for (const QJsonValue &v : reply->value(QStringLiteral("data")).toArray())
            out.append(sinceMs > 0 ? v.toObject().value(QStringLiteral("data")) : v);
        const QJsonObject pagination = reply->value(QStringLiteral("additional_data"))
                                           .toObject()
                                           .value(QStringLiteral("pagination"))
                                           .toObject();
        const QString next = pagination.value(QStringLiteral("more_items_in_collection")).toBool()
                                 ? text(pagination.value(QStringLiteral("next_start")))
                                 : QString();
        return std::pair{out, next};
    }

    QMap<QString, CrmStage> m_stages; ///< by id
};

} // namespace

CrmConnector::CrmConnector(QString baseUrl, QString token, const std::atomic<bool> *stop)
    : m_base(std::move(baseUrl))
    , m_token(std::move(token))
    , m_http(stop)
{
    while (m_base.endsWith(QLatin1Char('/')))
        m_base.chop(1);
}

QStringList CrmConnector::personColumns()
{
    return {QStringLiteral("id"),        QStringLiteral("email"),   QStringLiteral("first_name"),
            QStringLiteral("last_name"), QStringLiteral("phone"),   QStringLiteral("company"),
            QStringLiteral("city"),      QStringLiteral("country"), QStringLiteral("stage")};
}

QStringList CrmConnector::keys()
{
    return {QStringLiteral("hubspot"), QStringLiteral("pipedrive")};
}

QString CrmConnector::defaultUrl(const QString &key)
{
    return key == QLatin1String("hubspot") ? QStringLiteral("https://api.hubapi.com")
                                           : QStringLiteral("https://api.pipedrive.com");
}

std::unique_ptr<CrmConnector> CrmConnector::make(const QString &key, const QString &baseUrl,
                                                 const QString &token,
                                                 const std::atomic<bool> *stop)
{
    const QString url = baseUrl.isEmpty() ? defaultUrl(key) : baseUrl;
    if (key == QLatin1String("hubspot"))
        return std::make_unique<HubSpot>(url, token, stop);
    if (key == QLatin1String("pipedrive"))
        return std::make_unique<Pipedrive>(url, token, stop);
    return nullptr;
}

std::optional<QJsonObject> CrmConnector::request(const QByteArray &method,
                                                 const QString &pathAndQuery,
                                                 const QList<QByteArray> &headers,
                                                 const QByteArray &body)
{
    const HttpReply reply = m_http.call(method, m_base + pathAndQuery, headers, body);
    if (reply.status == 401 || reply.status == 403) {
        m_error = tr("%1 refused the token (HTTP %2): check it in Settings → CRM or with "
                     "masir-cli crm connect %3 --token.")
                      .arg(label())
                      .arg(reply.status)
                      .arg(key());
        return std::nullopt;
    }
    if (!reply.ok()) {
        m_error = reply.error;
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &parse);
    if (!doc.isObject()) {
        m_error =
            tr("%1 answered something that is not JSON: %2").arg(label(), parse.errorString());
        return std::nullopt;
    }
    return doc.object();
}

} // namespace masir
