#include "contacts/ContactRepository.h"

#include "common/Logging.h"
#include "common/TextNormalizer.h"
#include "contacts/ContactColumns.h"
#include "contacts/ContactTags.h"
#include "contacts/CustomFields.h"
#include "contacts/EmailAddress.h"
#include "contacts/PhoneNumbers.h"
#include "contacts/StageChanges.h"
#include "events/ScoreHistory.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace masir {

namespace {

QDateTime fromMs(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QString sortColumn(ContactQuery::SortKey key)
{
    switch (key) {
    case ContactQuery::SortKey::Created:
        return QStringLiteral("id");
    case ContactQuery::SortKey::LastName:
        return QStringLiteral("last_name");
    case ContactQuery::SortKey::Company:
        return QStringLiteral("company");
    case ContactQuery::SortKey::Score:
        return QStringLiteral("score");
    }
    return QStringLiteral("id");
}

// WHERE clause (without the keyword) for the query's search words and segment.
QString searchClause(const ContactQuery &query, QVariantList &binds)
{
    QStringList parts;
    if (!query.filter.isEmpty()) {
        parts << QLatin1Char('(') + query.filter.where + QLatin1Char(')');
        binds << query.filter.binds;
    }
    const QStringList words =
        TextNormalizer::forSearch(query.search).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        parts << QStringLiteral("search_text LIKE ? ESCAPE '\\'");
        binds << QVariant(QLatin1Char('%') + SqlDialect::escapeLike(word) + QLatin1Char('%'));
    }
    return parts.join(QLatin1String(" AND "));
}

QList<qint64> chunk(const QList<qint64> &ids, qsizetype from, qsizetype size)
{
    return ids.mid(from, size);
}

} // namespace

qsizetype ContactSnapshot::contactCount() const
{
    for (const Table &t : tables) {
        if (t.name == QLatin1String("contacts"))
            return t.rows.size();
    }
    return 0;
}

ContactRepository::ContactRepository(const Database &db)
    : m_db(db)
{}

QSqlDatabase ContactRepository::db() const
{
    return m_db.connection();
}

QString ContactRepository::defaultRegion() const
{
    return WorkspaceSettings(m_db).defaultRegion();
}

QString ContactRepository::errorString() const
{
    QStringList messages;
    for (const FieldError &e : m_errors)
        messages << e.message;
    return messages.join(QLatin1Char('\n'));
}

bool ContactRepository::fail(const QString &message, const QString &field)
{
    m_errors << FieldError{field, message};
    qCDebug(lcContacts) << "contact write refused:" << field << message;
    return false;
}

QString ContactRepository::searchTextFor(const Contact &c)
{
    // " first last company email phone..." with one space around each part.
    QString text;
    text.reserve(c.firstName.size() + c.lastName.size() + c.company.size() + c.email.size() +
                 2 * c.phone.size() + 8);
    text.append(QLatin1Char(' '));
    auto add = [&text](QStringView part) {
        if (part.isEmpty())
            return;
        text.append(part);
        text.append(QLatin1Char(' '));
    };
    add(c.firstName);
    add(c.lastName);
    add(c.company);
    add(c.email);
    if (!c.phone.isEmpty()) {
        // E.164 digits without the +, and the number as dialled at home: most
        // countries (Iran, the UK, Malaysia...) write a 0 before it.
        add(QStringView(c.phone).mid(1));
        text.append(QLatin1Char('0'));
        text.append(PhoneNumbers::nationalSignificantNumber(c.phone));
        text.append(QLatin1Char(' '));
    }
    if (text.size() == 1)
        text.append(QLatin1Char(' '));
    return TextNormalizer::forSearch(text);
}

qsizetype ContactRepository::asciiSearchTextFor(const Contact &c, char *out, qsizetype capacity)
{
    // The same text as searchTextFor(), part by part.
    qsizetype n = 0;
    auto put = [&](QStringView part) {
        if (n + part.size() + 1 > capacity)
            return false;
        for (const QChar ch : part) {
            char16_t u = ch.unicode();
            if (u >= 0x80)
                return false;
            if (u >= u'A' && u <= u'Z')
                u = char16_t(u + (u'a' - u'A'));
            out[n++] = char(u);
        }
        out[n++] = ' ';
        return true;
    };
    if (capacity < 2)
        return -1;
    out[n++] = ' ';
    for (const QString *part : {&c.firstName, &c.lastName, &c.company, &c.email}) {
        if (!part->isEmpty() && !put(*part))
            return -1;
    }
    if (!c.phone.isEmpty()) {
        if (!put(QStringView(c.phone).mid(1)) || n + 1 > capacity)
            return -1;
        out[n++] = '0';
        const qsizetype at = PhoneNumbers::nationalNumberAt(c.phone);
        if (!put(at < 0 ? QStringView() : QStringView(c.phone).mid(at)))
            return -1;
    }
    if (n == 1)
        out[n++] = ' ';
    return n;
}

QList<FieldError> ContactRepository::validate(Contact &c) const
{
    QList<FieldError> errors;
    auto clean = [](QString &s) { s = TextNormalizer::normalize(TextNormalizer::simplified(s)); };
    clean(c.firstName);
    clean(c.lastName);
    clean(c.company);
    clean(c.city);
    clean(c.source);
    clean(c.owner);
    c.country = c.country.trimmed().toUpper();
    c.language = c.language.trimmed();
    c.timezone = c.timezone.trimmed();
    c.gender = c.gender.trimmed();
    c.stage = c.stage.trimmed();

    QString error;
    if (!c.email.trimmed().isEmpty()) {
        const QString email = EmailAddress::normalize(c.email, &error);
        if (email.isEmpty())
            errors << FieldError{QStringLiteral("email"), error};
        else
            c.email = email;
    } else {
        c.email.clear();
    }
    if (!c.phone.trimmed().isEmpty()) {
        const QString phone = PhoneNumbers::normalize(c.phone, defaultRegion(), &error);
        if (phone.isEmpty())
            errors << FieldError{QStringLiteral("phone"), error};
        else
            c.phone = phone;
    } else {
        c.phone.clear();
    }
    if (c.firstName.isEmpty() && c.lastName.isEmpty() && c.email.isEmpty() && c.phone.isEmpty() &&
        errors.isEmpty())
        errors << FieldError{QStringLiteral("first_name"),
                             tr("A contact needs at least a name, an email address or a phone "
                                "number.")};
    if (!c.country.isEmpty() &&
        (c.country.size() != 2 || !c.country.at(0).isLetter() || !c.country.at(1).isLetter()))
        errors << FieldError{QStringLiteral("country"),
                             tr("Use the two-letter country code, such as IR, PL or MY.")};
    if (c.birthday.isValid() && (c.birthday > QDate::currentDate() || c.birthday.year() < 1900))
        errors << FieldError{QStringLiteral("birthday"),
                             tr("The birthday must be a date in the past.")};
    if (!ContactVocabulary::stageKeys().contains(c.stage))
        errors << FieldError{QStringLiteral("stage"), tr("Unknown stage \"%1\".").arg(c.stage)};

    const QList<FieldDefinition> fields = CustomFieldRepository(m_db).fields();
    QMap<QString, QString> custom;
    for (auto it = c.custom.cbegin(); it != c.custom.cend(); ++it) {
        const auto def = std::find_if(fields.cbegin(), fields.cend(),
                                      [&](const FieldDefinition &f) { return f.key == it.key(); });
        const QString field = QStringLiteral("custom.") + it.key();
        if (def == fields.cend()) {
            errors << FieldError{field, tr("There is no custom field \"%1\".").arg(it.key())};
            continue;
        }
        const auto value = def->canonicalValue(it.value(), &error);
        if (!value)
            errors << FieldError{field, error};
        else if (!value->isEmpty())
            custom.insert(it.key(), *value);
    }
    c.custom = custom;

    QStringList tags;
    for (const QString &tag : std::as_const(c.tags)) {
        const QString t = TextNormalizer::normalize(tag.simplified());
        if (!ContactTags::isTagName(t))
            continue;
        const QString key = TextNormalizer::forSearch(t);
        const bool seen = std::any_of(tags.cbegin(), tags.cend(), [&](const QString &other) {
            return TextNormalizer::forSearch(other) == key;
        });
        if (!seen)
            tags << t;
    }
    c.tags = tags;
    return errors;
}

bool ContactRepository::writeContact(Contact &c, bool insert)
{
    QSqlQuery q(db());
    Sql::prepare(q, insert ? ContactColumns::insertSql() + QStringLiteral(" RETURNING id")
                           : ContactColumns::updateSql());
    const QVariantList values =
        insert ? ContactColumns::values(c) : ContactColumns::updateValues(c);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!insert)
        q.addBindValue(c.id);
    QString error;
    if (insert) {
        const auto id = Sql::insertedId(lcContacts(), q, &error);
        if (!id)
            return fail(tr("The contact could not be saved: %1").arg(error));
        c.id = *id;
    } else if (!Sql::exec(lcContacts(), q, &error)) {
        return fail(tr("The contact could not be saved: %1").arg(error));
    }
    // A new contact's score row is made by a trigger, except while a bulk import
    // has it away: the upsert covers both. A later stage is StageChanges' to set.
    if (insert) {
        Sql::prepare(q, ContactColumns::lifecycleUpsertSql());
        q.addBindValue(c.id);
        q.addBindValue(c.score);
        q.addBindValue(c.stage);
    } else {
        Sql::prepare(q, ContactColumns::scoreUpdateSql());
        q.addBindValue(c.score);
        q.addBindValue(c.id);
    }
    if (!q.exec())
        return fail(tr("The contact could not be saved: %1").arg(q.lastError().text()));
    return true;
}

bool ContactRepository::writeTags(qint64 id, const QStringList &tags, const QDateTime &now,
                                  bool recordEvents)
{
    QSqlQuery q(db());
    // current tags
    QMap<QString, QPair<qint64, QString>> current; // key -> (tag id, name)
    q.prepare(QStringLiteral("SELECT t.id, t.name, t.name_key FROM contact_tags ct "
                             "JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q.lastError().text());
    while (q.next())
        current.insert(q.value(2).toString(), {q.value(0).toLongLong(), q.value(1).toString()});

    q.finish();
    ContactTags writer(db());
    const qint64 at = now.toMSecsSinceEpoch();
    QSet<QString> wanted;
    for (const QString &name : tags) {
        const QString key = ContactTags::key(name);
        wanted.insert(key);
        if (current.contains(key))
            continue;
        bool ok = false;
        if (recordEvents) {
            ok = writer.addRecorded(id, name, at);
        } else if (const qint64 tagId = writer.ensure(name, at)) {
            ok = writer.add(id, tagId, at).has_value();
        }
        if (!ok)
            return fail(writer.errorString());
    }
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        if (wanted.contains(it.key()))
            continue;
        const bool ok = recordEvents
                            ? writer.removeRecorded(id, it.value().first, it.value().second, at)
                            : writer.remove(id, it.value().first).has_value();
        if (!ok)
            return fail(writer.errorString());
    }
    return true;
}

bool ContactRepository::writeCustomValues(qint64 id, const QMap<QString, QString> &values)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("DELETE FROM contact_values WHERE contact_id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q.lastError().text());
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        q.prepare(QStringLiteral("INSERT INTO contact_values (contact_id, field_id, value) "
                                 "SELECT ?, id, ? FROM fields WHERE key = ?"));
        q.addBindValue(id);
        q.addBindValue(it.value());
        q.addBindValue(it.key());
        if (!q.exec())
            return fail(q.lastError().text());
    }
    return true;
}

bool ContactRepository::create(Contact &contact)
{
    m_errors = validate(contact);
    if (!m_errors.isEmpty())
        return false;
    if (!contact.email.isEmpty()) {
        if (const auto other = findIdByEmail(contact.email))
            return fail(tr("Another contact already has the email address %1.").arg(contact.email),
                        QStringLiteral("email"));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!contact.createdAt.isValid())
        contact.createdAt = now;
    contact.updatedAt = now;
    Transaction tx(db(), Transaction::Mode::Write);
    if (!tx.isActive())
        return fail(tx.errorString());
    if (!writeContact(contact, true) || !writeTags(contact.id, contact.tags, now, false) ||
        !writeCustomValues(contact.id, contact.custom))
        return false;
    EventStore events(db());
    QJsonObject payload;
    if (!contact.source.isEmpty())
        payload.insert(QStringLiteral("source"), contact.source);
    if (!events.append(contact.id, EventType::ContactCreated, now, payload))
        return fail(events.errorString());
    if (contact.stage != ContactVocabulary::funnelStages().constFirst()) {
        // came in at a later stage: a stage change, for the timeline and the reports
        StageChanges stages(db());
        if (!stages.change(contact.id, ContactVocabulary::funnelStages().constFirst(),
                           contact.stage, now.toMSecsSinceEpoch()))
            return fail(stages.errorString());
    }
    if (!tx.commit())
        return fail(tx.errorString());
    return true;
}

bool ContactRepository::update(const Contact &input)
{
    Contact contact = input;
    m_errors = validate(contact);
    if (!m_errors.isEmpty())
        return false;
    const std::optional<Contact> old = find(contact.id);
    if (!old)
        return fail(tr("The contact no longer exists; it may have been deleted."));
    if (!contact.email.isEmpty()) {
        const auto other = findIdByEmail(contact.email);
        if (other && *other != contact.id)
            return fail(tr("Another contact already has the email address %1.").arg(contact.email),
                        QStringLiteral("email"));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Consent keeps its time and source unless its status changes.
    auto stampConsent = [&](Consent &c, const Consent &before) {
        if (c.status != before.status) {
            if (!c.changedAt.isValid() || c.changedAt == before.changedAt)
                c.changedAt = now;
        }
    };
    stampConsent(contact.emailConsent, old->emailConsent);
    stampConsent(contact.smsConsent, old->smsConsent);
    contact.createdAt = old->createdAt;
    contact.updatedAt = now;

    QJsonArray changed;
    auto note = [&](const char *name, bool differs) {
        if (differs)
            changed.append(QLatin1String(name));
    };
    note("email", contact.email != old->email);
    note("phone", contact.phone != old->phone);
    note("first_name", contact.firstName != old->firstName);
    note("last_name", contact.lastName != old->lastName);
    note("company", contact.company != old->company);
    note("city", contact.city != old->city);
    note("country", contact.country != old->country);
    note("language", contact.language != old->language);
    note("timezone", contact.timezone != old->timezone);
    note("birthday", contact.birthday != old->birthday);
    note("gender", contact.gender != old->gender);
    note("source", contact.source != old->source);
    note("owner", contact.owner != old->owner);
    note("score", contact.score != old->score);
    note("status", contact.status != old->status);
    note("custom", contact.custom != old->custom);

    Transaction tx(db(), Transaction::Mode::Write);
    if (!tx.isActive())
        return fail(tx.errorString());
    if (!writeContact(contact, false) || !writeTags(contact.id, contact.tags, now, true) ||
        !writeCustomValues(contact.id, contact.custom))
        return false;
    EventStore events(db());
    bool ok = true;
    if (!changed.isEmpty())
        ok = events.append(contact.id, EventType::ContactUpdated, now,
                           {{QStringLiteral("fields"), changed}});
    StageChanges stages(db());
    if (ok && !stages.change(contact.id, old->stage, contact.stage, now.toMSecsSinceEpoch()))
        return fail(stages.errorString());
    const std::pair<const char *, std::pair<const Consent *, const Consent *>> consents[] = {
        {"email", {&contact.emailConsent, &old->emailConsent}},
        {"sms", {&contact.smsConsent, &old->smsConsent}}};
    for (const auto &[channel, pair] : consents) {
        if (ok && pair.first->status != pair.second->status)
            ok = events.append(
                contact.id, EventType::ConsentChanged, now,
                {{QStringLiteral("channel"), QLatin1String(channel)},
                 {QStringLiteral("status"), ContactVocabulary::consentKey(pair.first->status)},
                 {QStringLiteral("source"), pair.first->source}});
    }
    if (!ok)
        return fail(events.errorString());
    if (!tx.commit())
        return fail(tx.errorString());
    return true;
}

bool ContactRepository::remove(const QList<qint64> &ids)
{
    m_errors.clear();
    Transaction tx(db(), Transaction::Mode::Write);
    if (!tx.isActive())
        return fail(tx.errorString());
    QSqlQuery q(db());
    for (qsizetype i = 0; i < ids.size(); i += 500) {
        const QList<qint64> part = chunk(ids, i, 500);
        q.prepare(QStringLiteral("DELETE FROM contacts WHERE id IN (%1)")
                      .arg(Sql::placeholders(part.size())));
        for (const qint64 id : part)
            q.addBindValue(id);
        if (!q.exec())
            return fail(tr("The contacts could not be deleted: %1").arg(q.lastError().text()));
    }
    if (!tx.commit())
        return fail(tx.errorString());
    return true;
}

namespace {
// The standard fields a journey or a script may set, one at a time.
const QStringList &settableColumns()
{
    static const QStringList columns = {QStringLiteral("first_name"), QStringLiteral("last_name"),
                                        QStringLiteral("company"),    QStringLiteral("city"),
                                        QStringLiteral("country"),    QStringLiteral("language"),
                                        QStringLiteral("source"),     QStringLiteral("owner")};
    return columns;
}
} // namespace

bool ContactRepository::isSettableField(const QString &field)
{
    return settableColumns().contains(field) ||
           (field.startsWith(QLatin1String("custom.")) && field.size() > 7);
}

bool ContactRepository::setField(qint64 id, const QString &field, const QString &value, qint64 atMs,
                                 const QJsonObject &extra)
{
    m_errors.clear();
    QSqlQuery q(db());
    QString error;
    bool ok = false;
    if (settableColumns().contains(field)) {
        // the column's name comes from the list above, never from the caller
        ok = Sql::exec(
            lcContacts(), q,
            QStringLiteral("UPDATE contacts SET %1 = ?, updated_at = ? WHERE id = ?").arg(field),
            {SqlValues::text(value), atMs, id}, &error);
    } else if (isSettableField(field)) {
        ok = Sql::exec(lcContacts(), q,
                       QStringLiteral("INSERT INTO contact_values (contact_id, field_id, value) "
                                      "SELECT ?, id, ? FROM fields WHERE key = ? ON CONFLICT "
                                      "(contact_id, field_id) DO UPDATE SET value = "
                                      "excluded.value"),
                       {id, SqlValues::text(value), field.mid(7)}, &error);
    } else {
        return fail(tr("There is no field \"%1\" to set.").arg(field), field);
    }
    if (!ok)
        return fail(tr("The contact could not be saved: %1").arg(error), field);
    QJsonObject payload = extra;
    payload.insert(QStringLiteral("fields"), QJsonArray{field});
    EventStore events(db());
    if (!events.append(id, EventType::ContactUpdated, atMs, payload))
        return fail(events.errorString());
    return true;
}

ContactSnapshot ContactRepository::snapshot(const QList<qint64> &ids) const
{
    ContactSnapshot snap;
    const std::pair<const char *, const char *> tables[] = {{"contacts", "id"},
                                                            {"contact_tags", "contact_id"},
                                                            {"contact_values", "contact_id"},
                                                            {"contact_scores", "contact_id"},
                                                            {"stage_reached", "contact_id"},
                                                            {"contact_purchases", "contact_id"},
                                                            {"events", "contact_id"},
                                                            {"score_changes", "contact_id"},
                                                            {"notes", "contact_id"},
                                                            {"deals", "contact_id"},
                                                            {"tasks", "contact_id"}};
    QSqlQuery q(db());
    q.setForwardOnly(true);
    for (const auto &[table, key] : tables) {
        ContactSnapshot::Table t;
        t.name = QLatin1String(table);
        for (qsizetype i = 0; i < ids.size(); i += 500) {
            const QList<qint64> part = chunk(ids, i, 500);
            q.prepare(QStringLiteral("SELECT * FROM %1 WHERE %2 IN (%3)")
                          .arg(t.name, QLatin1String(key), Sql::placeholders(part.size())));
            for (const qint64 id : part)
                q.addBindValue(id);
            if (!q.exec())
                continue;
            const QSqlRecord rec = q.record();
            if (t.columns.isEmpty()) {
                for (int c = 0; c < rec.count(); ++c)
                    t.columns << rec.fieldName(c);
            }
            while (q.next()) {
                QVariantList row;
                for (int c = 0; c < rec.count(); ++c)
                    row << q.value(c);
                t.rows << row;
            }
        }
        snap.tables << t;
    }
    return snap;
}

bool ContactRepository::restore(const ContactSnapshot &snapshot)
{
    m_errors.clear();
    Transaction tx(db(), Transaction::Mode::Write);
    if (!tx.isActive())
        return fail(tx.errorString());
    QSqlQuery q(db());
    for (const ContactSnapshot::Table &t : snapshot.tables) {
        if (t.rows.isEmpty())
            continue;
        // A restored contact's score row was made by its insert, at 0: replaced here.
        QString onConflict;
        if (t.name == QLatin1String("contact_scores")) {
            QStringList set;
            for (const QString &c : t.columns) {
                if (c != QLatin1String("contact_id"))
                    set << QStringLiteral("%1 = excluded.%1").arg(c);
            }
            onConflict = QStringLiteral(" ON CONFLICT (contact_id) DO UPDATE SET ") +
                         set.join(QStringLiteral(", "));
        }
        q.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)%4")
                      .arg(t.name, t.columns.join(QLatin1Char(',')),
                           Sql::placeholders(t.columns.size()), onConflict));
        for (const QVariantList &row : t.rows) {
            for (const QVariant &v : row)
                q.addBindValue(v);
            if (!q.exec())
                return fail(tr("The contacts could not be restored: %1").arg(q.lastError().text()));
        }
    }
    if (!tx.commit())
        return fail(tx.errorString());
    return true;
}

bool ContactRepository::merge(qint64 keepId, qint64 otherId)
{
    m_errors.clear();
    if (keepId == otherId)
        return fail(tr("A contact cannot be merged with itself."));
    std::optional<Contact> keep = find(keepId);
    const std::optional<Contact> other = find(otherId);
    if (!keep || !other)
        return fail(tr("One of the contacts no longer exists."));
    auto fill = [](QString &mine, const QString &theirs) {
        if (mine.isEmpty())
            mine = theirs;
    };
    fill(keep->email, other->email);
    fill(keep->phone, other->phone);
    fill(keep->firstName, other->firstName);
    fill(keep->lastName, other->lastName);
    fill(keep->company, other->company);
    fill(keep->city, other->city);
    fill(keep->country, other->country);
    fill(keep->language, other->language);
    fill(keep->timezone, other->timezone);
    fill(keep->gender, other->gender);
    fill(keep->source, other->source);
    fill(keep->owner, other->owner);
    if (!keep->birthday.isValid())
        keep->birthday = other->birthday;
    keep->score = std::max(keep->score, other->score);
    // The most recent consent decision wins, per channel.
    auto newer = [](Consent &mine, const Consent &theirs) {
        if (theirs.status != ConsentStatus::Unknown &&
            (mine.status == ConsentStatus::Unknown || theirs.changedAt > mine.changedAt))
            mine = theirs;
    };
    newer(keep->emailConsent, other->emailConsent);
    newer(keep->smsConsent, other->smsConsent);
    // A stop signal (unsubscribe, bounce, complaint) is never lost by a merge.
    if (keep->status == ContactStatus::Active)
        keep->status = other->status;
    for (const QString &tag : other->tags) {
        if (!keep->tags.contains(tag))
            keep->tags << tag;
    }
    for (auto it = other->custom.cbegin(); it != other->custom.cend(); ++it) {
        if (!keep->custom.contains(it.key()))
            keep->custom.insert(it.key(), it.value());
    }
    keep->createdAt = std::min(keep->createdAt, other->createdAt);
    keep->updatedAt = QDateTime::currentDateTimeUtc();

    Transaction tx(db(), Transaction::Mode::Write);
    if (!tx.isActive())
        return fail(tx.errorString());
    EventStore events(db());
    if (!events.moveContact(otherId, keepId))
        return fail(events.errorString());
    ScoreHistory scores(db());
    if (!scores.moveContact(otherId, keepId))
        return fail(scores.errorString());
    StageChanges stages(db());
    if (!stages.moveContact(otherId, keepId))
        return fail(stages.errorString());
    QSqlQuery q(db());
    // the other contact's notes, deals and tasks are the kept one's now
    for (const char *table : {"notes", "deals", "tasks"}) {
        q.prepare(QStringLiteral("UPDATE %1 SET contact_id = ? WHERE contact_id = ?")
                      .arg(QLatin1String(table)));
        q.addBindValue(keepId);
        q.addBindValue(otherId);
        if (!q.exec())
            return fail(q.lastError().text());
    }
    q.prepare(QStringLiteral("DELETE FROM contacts WHERE id = ?"));
    q.addBindValue(otherId);
    if (!q.exec())
        return fail(q.lastError().text());
    // created_at is not rewritten by writeContact(); set it explicitly.
    q.prepare(QStringLiteral("UPDATE contacts SET created_at = ? WHERE id = ?"));
    q.addBindValue(keep->createdAt.toMSecsSinceEpoch());
    q.addBindValue(keepId);
    if (!q.exec())
        return fail(q.lastError().text());

    if (!writeContact(*keep, false) || !writeTags(keepId, keep->tags, keep->updatedAt, false) ||
        !writeCustomValues(keepId, keep->custom))
        return false;
    const QString merged = other->email.isEmpty() ? other->displayName() : other->email;
    if (!events.append(
            keepId, EventType::ContactsMerged, keep->updatedAt,
            {{QStringLiteral("merged"), merged}, {QStringLiteral("merged_id"), otherId}}))
        return fail(events.errorString());
    if (!tx.commit())
        return fail(tx.errorString());
    return true;
}

void ContactRepository::readTagsAndValues(Contact &c) const
{
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                             "WHERE ct.contact_id = ? ORDER BY ct.added_at, t.name"));
    q.addBindValue(c.id);
    if (q.exec()) {
        while (q.next())
            c.tags << q.value(0).toString();
    }
    q.prepare(QStringLiteral("SELECT f.key, v.value FROM contact_values v "
                             "JOIN fields f ON f.id = v.field_id WHERE v.contact_id = ?"));
    q.addBindValue(c.id);
    if (q.exec()) {
        while (q.next())
            c.custom.insert(q.value(0).toString(), q.value(1).toString());
    }
}

std::optional<Contact> ContactRepository::find(qint64 id) const
{
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, %1, %2, %3 FROM contacts WHERE id = ?")
                  .arg(ContactColumns::names().join(QLatin1Char(',')),
                       ContactColumns::scoreSelect(), ContactColumns::stageSelect()));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Contact c = ContactColumns::read(q, 1);
    c.id = q.value(0).toLongLong();
    c.score = q.value(1 + int(ContactColumns::names().size())).toInt();
    c.stage = q.value(2 + int(ContactColumns::names().size())).toString();
    q.finish();
    readTagsAndValues(c);
    return c;
}

std::optional<qint64> ContactRepository::findIdByEmail(const QString &email) const
{
    const QString canonical = EmailAddress::normalize(email);
    if (canonical.isEmpty())
        return std::nullopt;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT id FROM contacts WHERE email = ? AND email <> ''"));
    q.addBindValue(canonical);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

QList<qint64> ContactRepository::findIdsByPhone(const QString &e164) const
{
    QList<qint64> ids;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT id FROM contacts WHERE phone = ? ORDER BY id"));
    q.addBindValue(e164);
    if (q.exec()) {
        while (q.next())
            ids << q.value(0).toLongLong();
    }
    return ids;
}

qint64 ContactRepository::count(const ContactQuery &query) const
{
    QVariantList binds;
    const QString where = searchClause(query, binds);
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT count(*) FROM contacts") +
              (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    qCWarning(lcContacts) << "count failed:" << q.lastError().text();
    return 0;
}

QList<ContactListRow> ContactRepository::page(const ContactQuery &query,
                                              const PageRequest &request) const
{
    using From = PageRequest::From;
    const QString col = sortColumn(query.sortKey);
    const bool byId = query.sortKey == ContactQuery::SortKey::Created;
    // Ties break on the id; by score, on the score table's copy of it, so that one
    // index (score, contact_id) gives the order.
    const QString tie = query.sortKey == ContactQuery::SortKey::Score
                            ? QStringLiteral("contact_scores.contact_id")
                            : QStringLiteral("id");
    const bool reversed = request.from == From::End || request.from == From::Before;
    const bool ascending = query.descending == reversed; // XOR
    const QString dir = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");

    QVariantList binds;
    QStringList where;
    const QString search = searchClause(query, binds);
    if (!search.isEmpty())
        where << search;
    if (request.from == From::After || request.from == From::Before) {
        const QString op = ascending ? QStringLiteral(">") : QStringLiteral("<");
        if (byId) {
            where << QStringLiteral("id %1 ?").arg(op);
            binds << request.anchorId;
        } else {
            // A row-value comparison: an index range scan in SQLite and PostgreSQL.
            where << QStringLiteral("(%1, %2) %3 (?, ?)").arg(col, tie, op);
            binds << request.anchorValue << request.anchorId;
        }
    }
    QString sql =
        QStringLiteral("SELECT id, %1, first_name, last_name, email, phone, company, "
                       "city, contact_scores.stage, score, status, created_at FROM contacts JOIN "
                       "contact_scores ON contact_scores.contact_id = contacts.id")
            .arg(col);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));
    sql += byId ? QStringLiteral(" ORDER BY id %1").arg(dir)
                : QStringLiteral(" ORDER BY %1 %2, %3 %2").arg(col, dir, tie);
    sql += QStringLiteral(" LIMIT ? OFFSET ?");
    binds << request.limit;
    binds << ((request.from == From::Start || request.from == From::End) ? request.offset : 0);

    QList<ContactListRow> rows;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec()) {
        qCWarning(lcContacts) << "page failed:" << q.lastError().text();
        return rows;
    }
    rows.reserve(request.limit);
    while (q.next()) {
        ContactListRow r;
        r.id = q.value(0).toLongLong();
        r.sortValue = q.value(1);
        r.firstName = q.value(2).toString();
        r.lastName = q.value(3).toString();
        r.email = q.value(4).toString();
        r.phone = q.value(5).toString();
        r.company = q.value(6).toString();
        r.city = q.value(7).toString();
        r.stage = q.value(8).toString();
        r.score = q.value(9).toInt();
        r.status = ContactVocabulary::statusFromKey(q.value(10).toString());
        r.createdAt = fromMs(q.value(11));
        rows << r;
    }
    if (reversed)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

} // namespace masir
