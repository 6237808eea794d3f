#include "privacy/PersonalData.h"

#include "common/Logging.h"
#include "contacts/ContactRepository.h"
#include "i18n/Formatter.h"
#include "messaging/ErasedAddresses.h"
#include "privacy/PrivacyLog.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlRecord>

namespace masir {

namespace {

/// Each row of \a sql as an object by column name; times (columns ending in
/// "_at") in ISO 8601, JSON text (payload, config) as JSON.
QJsonArray rows(QSqlDatabase db, const QString &sql, const QVariantList &binds, QString *error)
{
    QJsonArray out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!Sql::exec(lcCrm(), q, sql, binds, error))
        return out;
    const QSqlRecord rec = q.record();
    while (q.next()) {
        QJsonObject o;
        for (int c = 0; c < rec.count(); ++c) {
            const QString name = rec.fieldName(c);
            const QVariant v = q.value(c);
            if (v.isNull())
                continue;
            if (name.endsWith(QLatin1String("_at")))
                o.insert(name, QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC)
                                   .toString(Qt::ISODateWithMs));
            else if (name == QLatin1String("payload"))
                o.insert(name, QJsonDocument::fromJson(v.toString().toUtf8()).object());
            else
                o.insert(name, QJsonValue::fromVariant(v));
        }
        out.append(o);
    }
    return out;
}

QJsonObject consentOf(const Consent &c)
{
    QJsonObject o{{QStringLiteral("status"), ContactVocabulary::consentKey(c.status)}};
    if (c.changedAt.isValid())
        o.insert(QStringLiteral("changed_at"), c.changedAt.toString(Qt::ISODateWithMs));
    if (!c.source.isEmpty())
        o.insert(QStringLiteral("source"), c.source);
    return o;
}

QString cell(const QJsonValue &v)
{
    if (v.isObject() || v.isArray())
        return QString::fromUtf8(v.isObject()
                                     ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                     : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact))
            .toHtmlEscaped();
    return v.toVariant().toString().toHtmlEscaped();
}

} // namespace

PersonalData::PersonalData(const Database &db)
    : m_db(db)
{}

std::optional<QJsonObject> PersonalData::collect(qint64 id)
{
    const std::optional<Contact> found = ContactRepository(m_db).find(id);
    if (!found) {
        m_error = tr("There is no such contact.");
        return std::nullopt;
    }
    const Contact &c = *found;
    QJsonObject custom;
    for (auto it = c.custom.cbegin(); it != c.custom.cend(); ++it)
        custom.insert(it.key(), it.value());
    const QJsonObject person{
        {QStringLiteral("id"), double(c.id)},
        {QStringLiteral("email"), c.email},
        {QStringLiteral("phone"), c.phone},
        {QStringLiteral("first_name"), c.firstName},
        {QStringLiteral("last_name"), c.lastName},
        {QStringLiteral("company"), c.company},
        {QStringLiteral("city"), c.city},
        {QStringLiteral("country"), c.country},
        {QStringLiteral("language"), c.language},
        {QStringLiteral("timezone"), c.timezone},
        {QStringLiteral("birthday"), c.birthday.toString(Qt::ISODate)},
        {QStringLiteral("gender"), c.gender},
        {QStringLiteral("source"), c.source},
        {QStringLiteral("owner"), c.owner},
        {QStringLiteral("status"), ContactVocabulary::statusKey(c.status)},
        {QStringLiteral("stage"), c.stage},
        {QStringLiteral("score"), c.score},
        {QStringLiteral("created_at"), c.createdAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("updated_at"), c.updatedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(c.tags)},
        {QStringLiteral("custom_fields"), custom}};

    QSqlDatabase db = m_db.connection();
    QString error;
    QJsonObject out{{QStringLiteral("format"), QStringLiteral("masir-personal-data/1")},
                    {QStringLiteral("exported_at"),
                     QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                    {QStringLiteral("person"), person},
                    {QStringLiteral("consent"),
                     QJsonObject{{QStringLiteral("email"), consentOf(c.emailConsent)},
                                 {QStringLiteral("sms"), consentOf(c.smsConsent)}}}};
    const QVariantList byId{id};
    const std::pair<const char *, QString> parts[] = {
        {"lists_and_segments",
         QStringLiteral("SELECT s.name, s.kind, m.added_at FROM segment_members m JOIN segments s "
                        "ON s.id = m.segment_id WHERE m.contact_id = ? ORDER BY s.name")},
        {"events", QStringLiteral("SELECT type, occurred_at, payload FROM events WHERE "
                                  "contact_id = ? ORDER BY occurred_at, id")},
        {"score_changes",
         QStringLiteral("SELECT occurred_at, from_score, to_score, reason FROM score_changes "
                        "WHERE contact_id = ? ORDER BY occurred_at, id")},
        {"notes", QStringLiteral("SELECT body, author, created_at, updated_at FROM notes WHERE "
                                 "contact_id = ? ORDER BY created_at, id")},
        {"tasks", QStringLiteral("SELECT title, details, owner, priority, due_at, done_at, "
                                 "created_at FROM tasks WHERE contact_id = ? ORDER BY id")},
        {"deals", QStringLiteral("SELECT d.title, d.amount, d.currency, d.expected_close, "
                                 "d.owner, s.key AS stage, d.created_at, d.closed_at FROM deals "
                                 "d JOIN pipeline_stages s ON s.id = d.stage_id WHERE "
                                 "d.contact_id = ? ORDER BY d.id")},
        {"messages",
         QStringLiteral("SELECT o.channel, o.recipient, o.template, o.state, o.created_at, "
                        "o.sent_at, c.name AS campaign, j.name AS journey FROM outbox o LEFT "
                        "JOIN campaigns c ON c.id = o.campaign_id LEFT JOIN journeys j ON j.id = "
                        "o.journey_id WHERE o.contact_id = ? ORDER BY o.id")},
        {"opens_and_clicks",
         QStringLiteral(
             "SELECT h.kind, h.at, h.target, h.ip, h.user_agent FROM tracking_hits h "
             "JOIN outbox o ON o.id = h.outbox_id WHERE o.contact_id = ? ORDER BY h.id")},
        {"purchases_total",
         QStringLiteral("SELECT orders, revenue, first_at, last_at FROM contact_purchases WHERE "
                        "contact_id = ?")},
        {"journeys",
         QStringLiteral("SELECT j.name, e.state, e.entered_at, e.updated_at FROM enrollments e "
                        "JOIN journeys j ON j.id = e.journey_id WHERE e.contact_id = ? ORDER BY "
                        "e.id")},
        {"suppressions",
         QStringLiteral("SELECT channel, address, reason, created_at FROM suppressions WHERE "
                        "address IN (SELECT email FROM contacts WHERE id = ? UNION SELECT phone "
                        "FROM contacts WHERE id = ?)")},
    };
    for (const auto &[key, sql] : parts) {
        const QVariantList binds =
            QLatin1String(key) == QLatin1String("suppressions") ? QVariantList{id, id} : byId;
        out.insert(QLatin1String(key), rows(db, sql, binds, &error));
        if (!error.isEmpty()) {
            m_error = error;
            return std::nullopt;
        }
    }
    return out;
}

bool PersonalData::logExport(qint64 contactId, const QString &byUser, const QString &detail)
{
    const std::optional<Contact> c = ContactRepository(m_db).find(contactId);
    if (!c) {
        m_error = tr("There is no such contact.");
        return false;
    }
    ErasedAddresses hashes(m_db.connection());
    const QString subject = !c->email.isEmpty()   ? hashes.hashOf(QStringLiteral("email"), c->email)
                            : !c->phone.isEmpty() ? hashes.hashOf(QStringLiteral("sms"), c->phone)
                                                  : QString::number(contactId);
    PrivacyLog log(m_db.connection());
    if (!log.record(QStringLiteral("export"), subject, byUser, detail,
                    QDateTime::currentMSecsSinceEpoch())) {
        m_error = log.errorString();
        return false;
    }
    return true;
}

QString PersonalData::toHtml(const QJsonObject &data)
{
    const bool rtl = Formatter::isPersian();
    const QJsonObject person = data.value(QStringLiteral("person")).toObject();
    QString name = QStringLiteral("%1 %2")
                       .arg(person.value(QStringLiteral("first_name")).toString(),
                            person.value(QStringLiteral("last_name")).toString())
                       .trimmed();
    if (name.isEmpty())
        name = person.value(QStringLiteral("email")).toString();
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\" dir=\"%2\"><head><meta "
                           "charset=\"utf-8\"><title>%3</title><style>body{font-family:"
                           "sans-serif;margin:2em;line-height:1.5}table{border-collapse:"
                           "collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:"
                           "4px 8px;text-align:start;vertical-align:top}th{background:#f3f3f3}"
                           "bdi{unicode-bidi:isolate}</style></head><body>\n")
                .arg(rtl ? QStringLiteral("fa") : QStringLiteral("en"),
                     rtl ? QStringLiteral("rtl") : QStringLiteral("ltr"),
                     tr("Personal data of %1").arg(name).toHtmlEscaped());
    html += QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n")
                .arg(tr("Personal data of %1").arg(name).toHtmlEscaped(),
                     tr("Everything this business keeps about you, exported on %1.")
                         .arg(Formatter::dateTime(QDateTime::fromString(
                             data.value(QStringLiteral("exported_at")).toString(), Qt::ISODate)))
                         .toHtmlEscaped());
    auto table = [&html](const QString &title, const QJsonArray &items) {
        html += QStringLiteral("<h2>%1</h2>\n").arg(title.toHtmlEscaped());
        if (items.isEmpty()) {
            html += QStringLiteral("<p>%1</p>\n").arg(tr("None.").toHtmlEscaped());
            return;
        }
        QStringList columns;
        for (const QJsonValue &v : items) {
            for (const QString &k : v.toObject().keys()) {
                if (!columns.contains(k))
                    columns << k;
            }
        }
        html += QStringLiteral("<table><tr>");
        for (const QString &c : std::as_const(columns))
            html += QStringLiteral("<th>%1</th>").arg(c.toHtmlEscaped());
        html += QStringLiteral("</tr>\n");
        for (const QJsonValue &v : items) {
            html += QStringLiteral("<tr>");
            for (const QString &c : std::as_const(columns))
                html += QStringLiteral("<td><bdi>%1</bdi></td>").arg(cell(v.toObject().value(c)));
            html += QStringLiteral("</tr>\n");
        }
        html += QStringLiteral("</table>\n");
    };
    QJsonArray fields;
    for (auto it = person.constBegin(); it != person.constEnd(); ++it)
        fields.append(QJsonObject{{tr("field"), it.key()}, {tr("value"), it.value()}});
    table(tr("Your details"), fields);
    QJsonArray consent;
    const QJsonObject c = data.value(QStringLiteral("consent")).toObject();
    for (auto it = c.constBegin(); it != c.constEnd(); ++it) {
        QJsonObject row = it.value().toObject();
        row.insert(QStringLiteral("channel"), it.key());
        consent.append(row);
    }
    table(tr("Your consent"), consent);
    const std::pair<const char *, const char *> sections[] = {
        {"lists_and_segments", QT_TR_NOOP("Lists and segments")},
        {"messages", QT_TR_NOOP("Messages sent to you")},
        {"opens_and_clicks",
         QT_TR_NOOP("Opens and clicks, with the address and browser they came from")},
        {"purchases_total", QT_TR_NOOP("Your purchases in total")},
        {"journeys", QT_TR_NOOP("Journeys")},
        {"events", QT_TR_NOOP("Activity")},
        {"score_changes", QT_TR_NOOP("Score changes")},
        {"notes", QT_TR_NOOP("Notes")},
        {"tasks", QT_TR_NOOP("Tasks")},
        {"deals", QT_TR_NOOP("Deals")},
        {"suppressions", QT_TR_NOOP("Addresses we do not send to")}};
    for (const auto &[key, title] : sections)
        table(tr(title), data.value(QLatin1String(key)).toArray());
    html += QStringLiteral("</body></html>\n");
    return html;
}

} // namespace masir
