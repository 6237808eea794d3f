#include "importing/RowParser.h"

#include "common/TextNormalizer.h"
#include "common/ValueParsers.h"
#include "contacts/EmailAddress.h"
#include "contacts/PhoneNumbers.h"
#include "importing/FirstRows.h"
#include "importing/ImportPlan.h"

#include <QLocale>

#include <string_view>

namespace masir {

void PreparedRow::clear()
{
    record.raw.clear();
    record.row = record.line = 0;
    ok = false;
    contact.clear();
    score = 0;
    stage.clear();
    emailKey = phoneKey = 0;
    emailSlot = phoneSlot = 0;
    stageGiven = false;
    consentGiven = false;
    sharedAsFirst = false;
    tags.clear();
    custom.clear();
    issues.clear();
}

RowParser::RowParser(const ImportPlan &plan, const ImportOptions &options)
    : m_plan(plan)
    , m_options(options)
    , m_columnCount(plan.headers.size())
    , m_tag(options.tag.trimmed())
    , m_sharedRows(plan.shared)
{
    const ColumnPlan &p = plan.columns;
    m_at.birthday = p.column("birthday");
    m_at.city = p.column("city");
    m_at.company = p.column("company");
    m_at.country = p.column("country");
    m_at.email = p.column("email");
    m_at.emailConsent = p.column("email_consent");
    m_at.firstName = p.column("first_name");
    m_at.fullName = p.column("full_name");
    m_at.gender = p.column("gender");
    m_at.language = p.column("language");
    m_at.lastName = p.column("last_name");
    m_at.owner = p.column("owner");
    m_at.phone = p.column("phone");
    m_at.score = p.column("score");
    m_at.smsConsent = p.column("sms_consent");
    m_at.source = p.column("source");
    m_at.stage = p.column("stage");
    m_at.status = p.column("status");
    m_at.timezone = p.column("timezone");
}

QString RowParser::cell(const CsvReader::Record &r, int column) const
{
    if (column < 0 || column >= r.fields.size())
        return {};
    return TextNormalizer::normalize(r.fields.at(column).trimmed());
}

void RowParser::issue(PreparedRow &row, bool rejected, const QString &field, const QString &message)
{
    row.issues.append(
        {row.record.row, row.record.line, rejected, field, message, row.record.raw.left(2000)});
}

void RowParser::parse(const CsvReader::Record &record, PreparedRow &row)
{
    row.record.row = record.row;
    row.record.line = record.line;
    Contact created;
    row.ok = buildContact(record, created, row);
    if (!row.ok)
        return;
    created.createdAt = m_plan.now;
    created.updatedAt = m_plan.now;
    row.stageGiven = !created.stage.isEmpty();
    if (!row.stageGiven)
        created.stage = QStringLiteral("subscriber");
    row.sharedAsFirst = m_sharedRows.row(created, row.contact);
    row.score = created.score;
    row.stage = created.stage;
    row.emailKey = ImportKeys::keyHash('e', row.email());
    row.phoneKey = ImportKeys::keyHash('p', row.phone());
}

bool RowParser::buildContact(const CsvReader::Record &r, Contact &c, PreparedRow &row)
{
    if (m_columnCount > 0 && r.fields.size() > m_columnCount) {
        bool extra = false;
        for (qsizetype i = m_columnCount; i < r.fields.size(); ++i)
            extra = extra || !r.fields.at(i).trimmed().isEmpty();
        if (extra)
            issue(row, false, QString(),
                  tr("The row has %1 fields, the header %2; the extra fields were ignored.")
                      .arg(r.fields.size())
                      .arg(m_columnCount));
    }
    QString error;
    const QString rawEmail = cell(r, m_at.email);
    if (!rawEmail.isEmpty()) {
        c.email = EmailAddress::normalize(rawEmail, &error);
        if (c.email.isEmpty()) {
            issue(row, true, QStringLiteral("email"), tr("\"%1\": %2").arg(rawEmail, error));
            return false;
        }
    }
    const QString rawPhone = cell(r, m_at.phone);
    if (!rawPhone.isEmpty()) {
        c.phone = PhoneNumbers::normalize(rawPhone, m_plan.region, &error);
        if (c.phone.isEmpty())
            issue(row, false, QStringLiteral("phone"), tr("\"%1\": %2").arg(rawPhone, error));
    }
    c.firstName = TextNormalizer::simplified(cell(r, m_at.firstName));
    c.lastName = TextNormalizer::simplified(cell(r, m_at.lastName));
    if (const QString full = cell(r, m_at.fullName);
        !full.isEmpty() && c.firstName.isEmpty() && c.lastName.isEmpty()) {
        const auto [first, last] = ValueParsers::splitFullName(full);
        c.firstName = first;
        c.lastName = last;
    }
    if (c.email.isEmpty() && c.phone.isEmpty() && c.firstName.isEmpty() && c.lastName.isEmpty()) {
        issue(row, true, QString(),
              rawPhone.isEmpty() ? tr("The row has no email address, phone number or name.")
                                 : tr("The row has no email address or name, and its phone "
                                      "number \"%1\" is not valid.")
                                       .arg(rawPhone));
        return false;
    }
    c.company = TextNormalizer::simplified(cell(r, m_at.company));
    c.city = TextNormalizer::simplified(cell(r, m_at.city));
    if (const QString v = cell(r, m_at.country); !v.isEmpty()) {
        c.country = countryCode(v);
        if (c.country.isEmpty())
            issue(row, false, QStringLiteral("country"),
                  tr("\"%1\" is not a country we know.").arg(v));
    }
    c.language = cell(r, m_at.language);
    c.timezone = cell(r, m_at.timezone);
    if (const QString v = cell(r, m_at.birthday); !v.isEmpty()) {
        const auto d = ValueParsers::parseDate(v, m_options.dates);
        if (!d || *d > QDate::currentDate() || d->year() < 1900)
            issue(row, false, QStringLiteral("birthday"),
                  tr("\"%1\" is not a date of birth we can read.").arg(v));
        else
            c.birthday = *d;
    }
    if (const QString v = cell(r, m_at.gender); !v.isEmpty()) {
        c.gender = genderKey(v);
        if (c.gender.isEmpty())
            issue(row, false, QStringLiteral("gender"),
                  tr("\"%1\" is not a gender we know.").arg(v));
    }
    c.source = cell(r, m_at.source);
    if (c.source.isEmpty())
        c.source = m_plan.source;
    c.stage.clear();
    if (const QString v = cell(r, m_at.stage); !v.isEmpty()) {
        for (const QString &key : ContactVocabulary::stageKeys()) {
            if (TextNormalizer::forSearch(v) == key ||
                TextNormalizer::forSearch(v) ==
                    TextNormalizer::forSearch(ContactVocabulary::stageLabel(key)))
                c.stage = key;
        }
        if (c.stage.isEmpty())
            issue(row, false, QStringLiteral("stage"), tr("\"%1\" is not a stage.").arg(v));
    }
    c.owner = cell(r, m_at.owner);
    if (const QString v = cell(r, m_at.score); !v.isEmpty()) {
        if (const auto n = ValueParsers::parseInt(v))
            c.score = *n;
        else
            issue(row, false, QStringLiteral("score"), tr("\"%1\" is not a number.").arg(v));
    }
    if (const QString v = cell(r, m_at.status); !v.isEmpty()) {
        bool ok = false;
        c.status = ContactVocabulary::statusFromKey(TextNormalizer::forSearch(v), &ok);
        if (!ok)
            issue(row, false, QStringLiteral("status"),
                  tr("\"%1\" is not a contact status.").arg(v));
    }
    auto consent = [&](const char *target, int column, Consent &out) {
        const QString v = cell(r, column);
        if (v.isEmpty()) {
            // the file says nothing: what the user answered for all of it
            if (std::string_view(target) == "email_consent" ? m_options.emailConsentGiven
                                                            : m_options.smsConsentGiven) {
                out.status = ConsentStatus::Granted;
                out.changedAt = m_plan.now;
                out.source = m_plan.givenSource;
                row.consentGiven = true;
            }
            return;
        }
        const auto b = ValueParsers::parseBool(v);
        if (!b) {
            issue(row, false, QLatin1String(target), tr("\"%1\" is not yes or no.").arg(v));
            return;
        }
        out.status = *b ? ConsentStatus::Granted : ConsentStatus::Withdrawn;
        out.changedAt = m_plan.now;
        out.source = m_plan.consentSource;
    };
    consent("email_consent", m_at.emailConsent, c.emailConsent);
    consent("sms_consent", m_at.smsConsent, c.smsConsent);
    for (const int column : std::as_const(m_plan.columns.tags))
        row.tags << ValueParsers::parseTags(cell(r, column));
    if (!m_tag.isEmpty())
        row.tags << m_tag;
    for (const auto &[column, def] : std::as_const(m_plan.columns.custom)) {
        const QString v = cell(r, column);
        if (v.isEmpty())
            continue;
        QString fieldError;
        const auto value = def.canonicalValue(v, &fieldError);
        if (value)
            row.custom.append({def, *value});
        else
            issue(row, false, QStringLiteral("custom.") + def.key, fieldError);
    }
    return true;
}

QString RowParser::genderKey(const QString &raw)
{
    const QString s = TextNormalizer::forSearch(raw.trimmed());
    static const QStringList female = {
        QStringLiteral("f"),  QStringLiteral("female"),    QStringLiteral("woman"),
        QStringLiteral("زن"), QStringLiteral("خانم"),      QStringLiteral("kobieta"),
        QStringLiteral("k"),  QStringLiteral("perempuan"), QStringLiteral("p")};
    static const QStringList male = {QStringLiteral("m"),      QStringLiteral("male"),
                                     QStringLiteral("man"),    QStringLiteral("مرد"),
                                     QStringLiteral("آقا"),    QStringLiteral("mężczyzna"),
                                     QStringLiteral("lelaki"), QStringLiteral("l")};
    if (female.contains(s))
        return QStringLiteral("female");
    if (male.contains(s))
        return QStringLiteral("male");
    if (s == QLatin1String("other") || s == QLatin1String("x"))
        return QStringLiteral("other");
    return {};
}

QString RowParser::countryCode(const QString &raw)
{
    const QString s = raw.trimmed();
    if (s.size() == 2 && s.at(0).isLetter() && s.at(1).isLetter())
        return s.toUpper();
    const QString folded = TextNormalizer::forSearch(s);
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> n;
        for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
            const auto territory = QLocale::Territory(t);
            const QString code = QLocale::territoryToCode(territory);
            if (code.size() == 2)
                n.insert(TextNormalizer::forSearch(QLocale::territoryToString(territory)), code);
        }
        n.insert(TextNormalizer::forSearch(QStringLiteral("ایران")), QStringLiteral("IR"));
        n.insert(TextNormalizer::forSearch(QStringLiteral("Polska")), QStringLiteral("PL"));
        n.insert(TextNormalizer::forSearch(QStringLiteral("USA")), QStringLiteral("US"));
        n.insert(TextNormalizer::forSearch(QStringLiteral("UK")), QStringLiteral("GB"));
        return n;
    }();
    return names.value(folded);
}

} // namespace masir
