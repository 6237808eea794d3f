#include "contacts/ContactColumns.h"

#include "contacts/ContactRepository.h"
#include "storage/SqlValues.h"
#include "storage/SqliteStatement.h"

namespace masir::ContactColumns {

namespace {

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

qsizetype createdAtIndex()
{
    return names().indexOf(QLatin1String("created_at"));
}

} // namespace

const QStringList &names()
{
    static const QStringList columns = {
        QStringLiteral("email"),
        QStringLiteral("phone"),
        QStringLiteral("first_name"),
        QStringLiteral("last_name"),
        QStringLiteral("company"),
        QStringLiteral("city"),
        QStringLiteral("country"),
        QStringLiteral("language"),
        QStringLiteral("timezone"),
        QStringLiteral("birthday"),
        QStringLiteral("gender"),
        QStringLiteral("source"),
        QStringLiteral("stage"),
        QStringLiteral("owner"),
        QStringLiteral("status"),
        QStringLiteral("email_consent"),
        QStringLiteral("email_consent_at"),
        QStringLiteral("email_consent_source"),
        QStringLiteral("sms_consent"),
        QStringLiteral("sms_consent_at"),
        QStringLiteral("sms_consent_source"),
        QStringLiteral("search_text"),
        QStringLiteral("created_at"),
        QStringLiteral("updated_at"),
    };
    return columns;
}

namespace {
// The one list of values, in names() order, into either kind of row.
template<typename Out> void write(const Contact &c, Out &out)
{
    out.text(c.email);
    out.text(c.phone);
    out.text(c.firstName);
    out.text(c.lastName);
    out.text(c.company);
    out.text(c.city);
    out.text(c.country);
    out.text(c.language);
    out.text(c.timezone);
    out.date(c.birthday);
    out.text(c.gender);
    out.text(c.source);
    out.text(c.stage);
    out.text(c.owner);
    out.text(ContactVocabulary::statusKey(c.status));
    out.text(ContactVocabulary::consentKey(c.emailConsent.status));
    out.time(c.emailConsent.changedAt);
    out.text(c.emailConsent.source);
    out.text(ContactVocabulary::consentKey(c.smsConsent.status));
    out.time(c.smsConsent.changedAt);
    out.text(c.smsConsent.source);
    out.text(ContactRepository::searchTextFor(c));
    out.integer(c.createdAt.toMSecsSinceEpoch());
    out.integer(c.updatedAt.toMSecsSinceEpoch());
}

struct VariantOut
{
    QVariantList values;
    void text(const QString &s) { values << SqlValues::text(s); }
    void date(QDate d) { values << SqlValues::isoDate(d); }
    void time(const QDateTime &t) { values << SqlValues::millis(t); }
    void integer(qint64 v) { values << v; }
};

struct RowOut
{
    SqliteRow row;
    void text(const QString &s) { row.appendText(s); }
    void date(QDate d)
    {
        if (d.isValid())
            row.appendText(d.toString(Qt::ISODate));
        else
            row.appendNull();
    }
    void time(const QDateTime &t)
    {
        if (t.isValid())
            row.appendInteger(t.toMSecsSinceEpoch());
        else
            row.appendNull();
    }
    void integer(qint64 v) { row.appendInteger(v); }
};
} // namespace

QVariantList values(const Contact &c)
{
    VariantOut out;
    out.values.reserve(names().size());
    write(c, out);
    return out.values;
}

SqliteRow row(const Contact &c)
{
    RowOut out;
    write(c, out);
    return std::move(out.row);
}

namespace {
template<typename Row> Contact readRow(const Row &q, int first)
{
    Contact c;
    int i = first;
    c.email = q.value(i++).toString();
    c.phone = q.value(i++).toString();
    c.firstName = q.value(i++).toString();
    c.lastName = q.value(i++).toString();
    c.company = q.value(i++).toString();
    c.city = q.value(i++).toString();
    c.country = q.value(i++).toString();
    c.language = q.value(i++).toString();
    c.timezone = q.value(i++).toString();
    c.birthday = QDate::fromString(q.value(i++).toString(), Qt::ISODate);
    c.gender = q.value(i++).toString();
    c.source = q.value(i++).toString();
    c.stage = q.value(i++).toString();
    c.owner = q.value(i++).toString();
    c.status = ContactVocabulary::statusFromKey(q.value(i++).toString());
    c.emailConsent.status = ContactVocabulary::consentFromKey(q.value(i++).toString());
    c.emailConsent.changedAt = fromMs(q.value(i++));
    c.emailConsent.source = q.value(i++).toString();
    c.smsConsent.status = ContactVocabulary::consentFromKey(q.value(i++).toString());
    c.smsConsent.changedAt = fromMs(q.value(i++));
    c.smsConsent.source = q.value(i++).toString();
    ++i; // search_text is derived
    c.createdAt = fromMs(q.value(i++));
    c.updatedAt = fromMs(q.value(i++));
    return c;
}
} // namespace

Contact read(const QSqlQuery &query, int first)
{
    return readRow(query, first);
}

Contact read(const SqliteStatement &statement, int first)
{
    return readRow(statement, first);
}

Contact read(const SqliteRow &row, int first)
{
    // decoded once: SqliteRow::value() walks the row from its start
    struct Values
    {
        QVariantList list;
        QVariant value(int i) const { return list.value(i); }
    };
    return readRow(Values{row.values()}, first);
}

QString insertSql(const QStringList &extra)
{
    const QStringList columns = names() + extra;
    return QStringLiteral("INSERT INTO contacts (%1) VALUES (%2)")
        .arg(columns.join(QLatin1Char(',')),
             QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')));
}

QString updateSql()
{
    QStringList sets;
    for (const QString &column : names()) {
        if (column != QLatin1String("created_at"))
            sets << column + QLatin1String(" = ?");
    }
    return QStringLiteral("UPDATE contacts SET %1 WHERE id = ?").arg(sets.join(QLatin1Char(',')));
}

QString scoreSelect()
{
    return QStringLiteral("(SELECT score FROM contact_scores WHERE contact_id = contacts.id)");
}

QString scoreUpdateSql()
{
    return QStringLiteral("UPDATE contact_scores SET score = ? WHERE contact_id = ?");
}

QString scoreUpsertSql()
{
    return QStringLiteral("INSERT INTO contact_scores (contact_id, score) VALUES (?, ?) ON "
                          "CONFLICT (contact_id) DO UPDATE SET score = excluded.score");
}

QVariantList updateValues(const Contact &contact)
{
    QVariantList v = values(contact);
    v.removeAt(createdAtIndex());
    return v;
}

} // namespace masir::ContactColumns
