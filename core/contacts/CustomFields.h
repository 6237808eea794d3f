#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace masir {

class Database;

enum class FieldType
{
    Text,
    Number,
    Date,
    Boolean,
    Choice,
};

struct FieldDefinition
{
    qint64 id = 0;
    QString key;   ///< stable identifier: lower case, digits and _
    QString label; ///< what the user sees
    FieldType type = FieldType::Text;
    QStringList choices; ///< for Choice

    /// Checks \a input against the type and returns the canonical text we store
    /// (numbers with a dot, dates as yyyy-MM-dd, booleans as 1/0). Persian digits
    /// are accepted. An empty input stays empty (no value).
    std::optional<QString> canonicalValue(const QString &input, QString *error) const;
};

/// Definitions of the workspace's custom contact fields.
class CustomFieldRepository final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CustomFieldRepository)

public:
    explicit CustomFieldRepository(const Database &db);

    QList<FieldDefinition> fields() const;
    std::optional<FieldDefinition> field(const QString &key) const;
    bool add(FieldDefinition &definition);
    bool remove(const QString &key);
    QString errorString() const { return m_error; }

    static QString typeKey(FieldType type);
    static std::optional<FieldType> typeFromKey(const QString &key);
    static QString typeLabel(FieldType type);

private:
    const Database &m_db;
    QString m_error;
};

} // namespace masir
