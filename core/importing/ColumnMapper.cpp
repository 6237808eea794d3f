#include "importing/ColumnMapper.h"

#include "common/TextNormalizer.h"
#include "importing/CsvReader.h"
#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

#include <cmath>
#include <vector>

namespace masir {

namespace ImportTarget {

QStringList standard()
{
    return {QStringLiteral("email"),
            QStringLiteral("phone"),
            QStringLiteral("first_name"),
            QStringLiteral("last_name"),
            FullName,
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
            QStringLiteral("score"),
            QStringLiteral("status"),
            EmailConsent,
            SmsConsent,
            Tags};
}

bool isCustom(const QString &target)
{
    return target.startsWith(QLatin1String("custom."));
}

QString label(const QString &target)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("skip"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Do not import")},
        {QStringLiteral("email"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Email")},
        {QStringLiteral("phone"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Phone")},
        {QStringLiteral("first_name"), QT_TRANSLATE_NOOP("masir::ImportTarget", "First name")},
        {QStringLiteral("last_name"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Last name")},
        {QStringLiteral("full_name"),
         QT_TRANSLATE_NOOP("masir::ImportTarget", "Full name (split)")},
        {QStringLiteral("company"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Company")},
        {QStringLiteral("city"), QT_TRANSLATE_NOOP("masir::ImportTarget", "City")},
        {QStringLiteral("country"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Country")},
        {QStringLiteral("language"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Language")},
        {QStringLiteral("timezone"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Time zone")},
        {QStringLiteral("birthday"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Birthday")},
        {QStringLiteral("gender"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Gender")},
        {QStringLiteral("source"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Source")},
        {QStringLiteral("stage"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Stage")},
        {QStringLiteral("owner"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Owner")},
        {QStringLiteral("score"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Score")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Status")},
        {QStringLiteral("email_consent"),
         QT_TRANSLATE_NOOP("masir::ImportTarget", "Email consent")},
        {QStringLiteral("sms_consent"), QT_TRANSLATE_NOOP("masir::ImportTarget", "SMS consent")},
        {QStringLiteral("tags"), QT_TRANSLATE_NOOP("masir::ImportTarget", "Tags")},
    };
    if (isCustom(target))
        return QCoreApplication::translate("masir::ImportTarget", "Custom field: %1")
            .arg(target.mid(7));
    const char *text = labels.value(target);
    return text ? QCoreApplication::translate("masir::ImportTarget", text) : target;
}

} // namespace ImportTarget

namespace {

// Header names per target, written as people write them; normalizeHeader() is
// applied to both sides, so case, spaces, dashes and Arabic/Persian letter
// variants do not matter.
const QHash<QString, QString> &synonyms()
{
    static const QHash<QString, QString> table = [] {
        const std::pair<const char *, std::vector<const char16_t *>> entries[] = {
            {"email", {u"email",
                       u"e-mail",
                       u"email address",
                       u"e-mail address",
                       u"e-mail 1 - value",
                       u"email 1",
                       u"mail",
                       u"emailaddress",
                       u"primary email",
                       u"work email",
                       u"ایمیل",
                       u"پست الکترونیک",
                       u"نشانی ایمیل",
                       u"آدرس ایمیل",
                       u"رایانامه",
                       u"adres e-mail",
                       u"adres email",
                       u"poczta",
                       u"emel",
                       u"alamat emel"}},
            {"phone",
             {u"phone",
              u"phone number",
              u"mobile",
              u"mobile phone",
              u"mobile number",
              u"cell",
              u"cell phone",
              u"telephone",
              u"tel",
              u"phone 1 - value",
              u"primary phone",
              u"business phone",
              u"home phone",
              u"whatsapp",
              u"تلفن",
              u"موبایل",
              u"شماره موبایل",
              u"شماره تلفن",
              u"تلفن همراه",
              u"شماره همراه",
              u"همراه",
              u"telefon",
              u"telefon komórkowy",
              u"nr telefonu",
              u"numer telefonu",
              u"komórka",
              u"no telefon",
              u"nombor telefon",
              u"telefon bimbit",
              u"no. telefon",
              u"hp"}},
            {"first_name",
             {u"first name", u"firstname", u"given name", u"first", u"forename", u"نام", u"اسم",
              u"نام کوچک", u"imię", u"imie", u"nama pertama"}},
            {"last_name",
             {u"last name", u"lastname", u"surname", u"family name", u"last", u"نام خانوادگی",
              u"فامیلی", u"نام‌خانوادگی", u"nazwisko", u"nama keluarga",
              u"nama akhir"}},
            {"full_name",
             {u"name", u"full name", u"fullname", u"display name", u"contact name", u"customer",
              u"customer name", u"نام و نام خانوادگی", u"نام کامل", u"مشتری", u"imię i nazwisko",
              u"klient", u"nama", u"nama penuh", u"pelanggan"}},
            {"company",
             {u"company", u"company name", u"organization", u"organisation", u"organization name",
              u"organization 1 - name", u"business", u"employer", u"شرکت", u"سازمان", u"نام شرکت",
              u"firma", u"nazwa firmy", u"syarikat", u"nama syarikat"}},
            {"city",
             {u"city", u"town", u"business city", u"home city", u"address city", u"شهر", u"miasto",
              u"miejscowość", u"bandar"}},
            {"country", {u"country", u"country code", u"cc", u"کشور", u"kraj", u"negara"}},
            {"language", {u"language", u"lang", u"زبان", u"język", u"bahasa"}},
            {"timezone",
             {u"timezone", u"time zone", u"منطقه زمانی", u"strefa czasowa", u"zon waktu"}},
            {"birthday",
             {u"birthday", u"birth date", u"birthdate", u"date of birth", u"dob", u"تاریخ تولد",
              u"تولد", u"زادروز", u"data urodzenia", u"urodziny", u"tarikh lahir", u"hari jadi"}},
            {"gender", {u"gender", u"sex", u"جنسیت", u"płeć", u"plec", u"jantina"}},
            {"source", {u"source", u"lead source", u"منبع", u"źródło", u"sumber"}},
            {"stage", {u"lifecycle stage", u"stage", u"مرحله", u"etap", u"peringkat"}},
            {"owner", {u"owner", u"contact owner", u"مسئول", u"opiekun", u"pemilik"}},
            {"score",
             {u"score", u"lead score", u"member rating", u"member_rating", u"امتیاز", u"punkty",
              u"skor"}},
            {"status", {u"status", u"وضعیت", u"stan"}},
            {"email_consent",
             {u"email consent", u"email marketing", u"marketing consent", u"newsletter",
              u"subscribed", u"opt in", u"optin", u"accepts marketing", u"رضایت ایمیل",
              u"عضویت خبرنامه", u"خبرنامه", u"zgoda marketingowa", u"zgoda na newsletter",
              u"zgoda email", u"langgan", u"langganan", u"persetujuan emel"}},
            {"sms_consent",
             {u"sms consent", u"sms marketing", u"accepts sms", u"رضایت پیامک", u"پیامک",
              u"zgoda sms", u"persetujuan sms"}},
            {"tags",
             {u"tags", u"tag", u"labels", u"group membership", u"groups", u"برچسب",
              u"برچسب‌ها", u"tagi", u"etykiety", u"grupy", u"label"}},
        };
        QHash<QString, QString> t;
        for (const auto &[target, names] : entries) {
            for (const char16_t *name : names)
                t.insert(ColumnMapper::normalizeHeader(QString::fromUtf16(name)),
                         QString::fromLatin1(target));
        }
        return t;
    }();
    return table;
}

} // namespace

QString ColumnMapper::normalizeHeader(const QString &header)
{
    const QString folded = TextNormalizer::forSearch(header.trimmed());
    QString out;
    out.reserve(folded.size());
    for (const QChar c : folded) {
        if (c.isLetterOrNumber())
            out += c;
    }
    return out;
}

QString ColumnMapper::guess(const QString &header)
{
    return synonyms().value(normalizeHeader(header), ImportTarget::Skip);
}

bool ColumnMapper::isKnownHeader(const QString &header)
{
    return synonyms().contains(normalizeHeader(header));
}

QStringList ColumnMapper::guessAll(const QStringList &headers)
{
    QStringList targets;
    QSet<QString> used;
    for (const QString &h : headers) {
        QString t = guess(h);
        if (t != ImportTarget::Tags && used.contains(t))
            t = ImportTarget::Skip; // "E-mail 2 - Value" after "E-mail 1 - Value"
        if (t != ImportTarget::Skip)
            used.insert(t);
        targets << t;
    }
    // A full-name column next to first and last name columns adds nothing.
    if (used.contains(QStringLiteral("first_name")) && used.contains(ImportTarget::FullName)) {
        for (QString &t : targets) {
            if (t == ImportTarget::FullName)
                t = ImportTarget::Skip;
        }
    }
    return targets;
}

namespace {
QString mappingKey(const QStringList &headers)
{
    QStringList normalized;
    for (const QString &h : headers)
        normalized << ColumnMapper::normalizeHeader(h);
    return QStringLiteral("import/mapping/") +
           QString::fromLatin1(QCryptographicHash::hash(normalized.join(QChar(0x1F)).toUtf8(),
                                                        QCryptographicHash::Sha1)
                                   .toHex());
}
} // namespace

QStringList ColumnMapper::remembered(const Database &db, const QStringList &headers)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(mappingKey(headers));
    if (!q.exec() || !q.next())
        return {};
    QStringList targets;
    for (const auto &v : QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array())
        targets << v.toString();
    return targets.size() == headers.size() ? targets : QStringList();
}

bool ColumnMapper::remember(const Database &db, const QStringList &headers,
                            const QStringList &targets)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(mappingKey(headers));
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(targets)).toJson(QJsonDocument::Compact)));
    return q.exec();
}

namespace DialectSniffer {

bool looksLikeHeader(const QList<QStringList> &records)
{
    if (records.isEmpty())
        return false;
    const QStringList &first = records.first();
    int known = 0;
    for (const QString &cell : first)
        known += ColumnMapper::isKnownHeader(cell);
    if (known > 0)
        return true;
    // No known names: a header has no empty, numeric, email or phone-like cells,
    // while data rows below it do.
    static const QRegularExpression dataLike(QStringLiteral("@|^[\\d\\s()+\\-./۰-۹٠-٩]+$"));
    bool firstHasData = false;
    for (const QString &cell : first)
        firstHasData =
            firstHasData || cell.trimmed().isEmpty() || dataLike.match(cell.trimmed()).hasMatch();
    if (firstHasData)
        return false;
    for (qsizetype r = 1; r < records.size(); ++r) {
        for (const QString &cell : records.at(r)) {
            if (dataLike.match(cell.trimmed()).hasMatch())
                return true;
        }
    }
    return false;
}

Dialect sniff(const QString &sample)
{
    Dialect best;
    double bestScore = -1;
    const QChar candidates[] = {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t'),
                                QLatin1Char('|')};
    for (const QChar delimiter : candidates) {
        QList<QStringList> records = CsvReader::parse(sample, delimiter, 60);
        if (records.size() > 2)
            records.removeLast(); // the sample may cut the last record short
        if (records.isEmpty())
            continue;
        QHash<qsizetype, int> counts;
        for (const QStringList &r : records)
            ++counts[r.size()];
        qsizetype mode = 1;
        int modeCount = 0;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (it.value() > modeCount || (it.value() == modeCount && it.key() > mode)) {
                mode = it.key();
                modeCount = it.value();
            }
        }
        if (mode < 2)
            continue;
        const double consistency = double(modeCount) / records.size();
        const double score = consistency * 100 + std::log2(double(mode));
        if (score > bestScore) {
            bestScore = score;
            best.delimiter = delimiter;
            best.hasHeader = looksLikeHeader(records);
        }
    }
    if (bestScore < 0)
        best.hasHeader = looksLikeHeader(CsvReader::parse(sample, best.delimiter, 60));
    return best;
}

} // namespace DialectSniffer

} // namespace masir
