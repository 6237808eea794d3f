#include "contacts/CustomFields.h"

#include "common/Logging.h"
#include "common/TextNormalizer.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace masir {

std::optional<QString> FieldDefinition::canonicalValue(const QString &input, QString *error) const
{
    const QString s = TextNormalizer::normalize(input.trimmed());
    if (s.isEmpty())
        return QString();
    switch (type) {
    case FieldType::Text:
        return s;
    case FieldType::Number: {
        QString ascii = TextNormalizer::toAsciiDigits(s);
        ascii.replace(QChar(u'\u066B'), QLatin1Char('.')); // Arabic decimal separator
        ascii.remove(QChar(u'\u066C'));                    // Arabic thousands separator
        ascii.remove(QLatin1Char(','));
        bool ok = false;
        const double value = ascii.toDouble(&ok);
        if (!ok) {
            if (error)
                *error = CustomFieldRepository::tr("\"%1\" is not a number.").arg(s);
            return std::nullopt;
        }
        return QString::number(value, 'g', 15);
    }
    case FieldType::Date: {
        const QDate date = QDate::fromString(TextNormalizer::toAsciiDigits(s), Qt::ISODate);
        if (!date.isValid()) {
            if (error)
                *error = CustomFieldRepository::tr("\"%1\" is not a date (use YYYY-MM-DD).").arg(s);
            return std::nullopt;
        }
        return date.toString(Qt::ISODate);
    }
    case FieldType::Boolean: {
        static const QStringList yes = {QStringLiteral("1"),   QStringLiteral("true"),
                                        QStringLiteral("yes"), QStringLiteral("y"),
                                        QStringLiteral("بله"), QStringLiteral("آری"),
                                        QStringLiteral("tak"), QStringLiteral("ya")};
        static const QStringList no = {QStringLiteral("0"),   QStringLiteral("false"),
                                       QStringLiteral("no"),  QStringLiteral("n"),
                                       QStringLiteral("خیر"), QStringLiteral("نه"),
                                       QStringLiteral("nie"), QStringLiteral("tidak")};
        const QString folded = TextNormalizer::toAsciiDigits(s).toCaseFolded();
        if (yes.contains(folded))
            return QStringLiteral("1");
        if (no.contains(folded))
            return QStringLiteral("0");
        if (error)
            *error = CustomFieldRepository::tr("\"%1\" is not yes or no.").arg(s);
        return std::nullopt;
    }
    case FieldType::Choice:
        if (choices.contains(s))
            return s;
        if (error)
            *error = CustomFieldRepository::tr("\"%1\" is not one of: %2.")
                         .arg(s, choices.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return std::nullopt;
}

CustomFieldRepository::CustomFieldRepository(const Database &db)
    : m_db(db)
{}

QString CustomFieldRepository::typeKey(FieldType type)
{
    switch (type) {
    case FieldType::Text:
        return QStringLiteral("text");
    case FieldType::Number:
        return QStringLiteral("number");
    case FieldType::Date:
        return QStringLiteral("date");
    case FieldType::Boolean:
        return QStringLiteral("boolean");
    case FieldType::Choice:
        return QStringLiteral("choice");
    }
    return QStringLiteral("text");
}

std::optional<FieldType> CustomFieldRepository::typeFromKey(const QString &key)
{
    for (const FieldType t : {FieldType::Text, FieldType::Number, FieldType::Date,
                              FieldType::Boolean, FieldType::Choice}) {
        if (typeKey(t) == key)
            return t;
    }
    return std::nullopt;
}

QString CustomFieldRepository::typeLabel(FieldType type)
{
    switch (type) {
    case FieldType::Text:
        return tr("Text");
    case FieldType::Number:
        return tr("Number");
    case FieldType::Date:
        return tr("Date");
    case FieldType::Boolean:
        return tr("Yes/no");
    case FieldType::Choice:
        return tr("Choice");
    }
    return {};
}

QList<FieldDefinition> CustomFieldRepository::fields() const
{
    QList<FieldDefinition> out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, key, label, type, choices FROM fields ORDER BY id")))
        return out;
    while (q.next()) {
        FieldDefinition f;
        f.id = q.value(0).toLongLong();
        f.key = q.value(1).toString();
        f.label = q.value(2).toString();
        f.type = typeFromKey(q.value(3).toString()).value_or(FieldType::Text);
        const QString choices = q.value(4).toString();
        if (!choices.isEmpty())
            f.choices = choices.split(QLatin1Char('\n'));
        out << f;
    }
    return out;
}

std::optional<FieldDefinition> CustomFieldRepository::field(const QString &key) const
{
    for (const FieldDefinition &f : fields()) {
        if (f.key == key)
            return f;
    }
    return std::nullopt;
}

bool CustomFieldRepository::add(FieldDefinition &definition)
{
    static const QRegularExpression keyPattern(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    if (!keyPattern.match(definition.key).hasMatch()) {
        m_error = tr("A field key starts with a letter and has only lower-case letters, digits "
                     "and _ (for example vip_level).");
        return false;
    }
    if (definition.label.trimmed().isEmpty()) {
        m_error = tr("Give the field a label.");
        return false;
    }
    if (definition.type == FieldType::Choice && definition.choices.isEmpty()) {
        m_error = tr("A choice field needs at least one choice.");
        return false;
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO fields (key, label, type, choices, created_at) "
                             "VALUES (?, ?, ?, ?, ?) RETURNING id"));
    q.addBindValue(definition.key);
    q.addBindValue(definition.label.trimmed());
    q.addBindValue(typeKey(definition.type));
    q.addBindValue(SqlValues::text(definition.choices.join(QLatin1Char('\n'))));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    QString error;
    const auto id = Sql::insertedId(lcContacts(), q, &error);
    if (!id || !*id) {
        m_error = field(definition.key)
                      ? tr("A field with the key %1 already exists.").arg(definition.key)
                      : error;
        return false;
    }
    definition.id = *id;
    return true;
}

bool CustomFieldRepository::remove(const QString &key)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM fields WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace masir
