#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace masir {

class Database;

/// One node of a segment rule: a group of nodes joined by AND/OR, or a condition.
///
/// JSON (formatVersion 1):
///   {"formatVersion": 1, "match": "all", "conditions": [
///     {"kind": "field", "field": "city", "op": "equals", "value": "Tehran"},
///     {"kind": "field", "field": "birthday", "op": "anniversary_within", "value": 7},
///     {"kind": "tag", "op": "has_any", "value": ["vip", "newsletter"]},
///     {"kind": "event", "op": "did", "event": "purchase", "times": 2, "days": 30,
///      "filters": [{"property": "amount", "op": "gt", "value": 100}]},
///     {"kind": "segment", "op": "in", "value": "Customers"},
///     {"kind": "journey", "op": "not_in", "value": "Welcome"},
///     {"match": "any", "conditions": [...]}]}
///
/// Conditions are addressed by their path ("2", "4.1"): errors name it.
struct SegmentNode
{
    enum class Type
    {
        Group,
        Condition,
    };
    Type type = Type::Group;

    // Group
    bool matchAny = false; ///< OR instead of AND
    QList<SegmentNode> children;

    // Condition
    QString kind;  ///< field, tag, event, segment, journey
    QString field; ///< field: a standard column or "custom.<key>"
    QString op;    ///< the operator, by type (see SegmentFields::operators)
    QJsonValue value;
    QString event;      ///< event: its type
    int times = 1;      ///< event: at least this many times
    int days = 0;       ///< event: in the last N days; 0 means ever
    QJsonArray filters; ///< event: [{"property", "op", "value"}]

    static SegmentNode group(bool matchAny, QList<SegmentNode> children = {});
    static SegmentNode condition(const QString &kind, const QString &field, const QString &op,
                                 const QJsonValue &value = {});

    bool isGroup() const { return type == Type::Group; }
    bool operator==(const SegmentNode &) const = default;
};

class SegmentRule final
{
    Q_DECLARE_TR_FUNCTIONS(masir::SegmentRule)

public:
    static constexpr int formatVersion = 1;

    SegmentNode root;

    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;
    /// Reads a rule; a file from a newer Masir, or one that is not a rule, is refused.
    static std::optional<SegmentRule> fromJson(const QJsonObject &json, QString *error);
    static std::optional<SegmentRule> fromJsonBytes(const QByteArray &bytes, QString *error);

    /// The number of conditions (groups not counted).
    int conditionCount() const;

    bool operator==(const SegmentRule &) const = default;
};

/// What a condition can test: the standard columns, the custom fields, and the
/// operators that fit each type.
class SegmentFields final
{
    Q_DECLARE_TR_FUNCTIONS(masir::SegmentFields)

public:
    enum class Type
    {
        Text,
        Number,
        Date,     ///< yyyy-MM-dd text (birthday, custom dates)
        DateTime, ///< milliseconds since the epoch (created_at, updated_at)
        Boolean,
        Choice,
    };
    struct Field
    {
        QString key; ///< "city", "custom.plan"
        QString label;
        Type type = Type::Text;
        QStringList choices; ///< keys, for Choice
        QStringList choiceLabels;
    };

    /// The standard fields, then the workspace's custom fields.
    static QList<Field> all(const Database &db);
    static QList<Field> standard();
    static std::optional<Field> find(const Database &db, const QString &key);

    /// Operator keys for a type, in the order the builder offers them.
    static QStringList operators(Type type);
    static QString operatorLabel(const QString &op);
    /// How many values an operator takes: 0 (empty, today...), 1, 2 (between) or
    /// -1 (a list: in, is).
    static int operandCount(const QString &op);

    /// Activity a condition or a scoring rule can test: (event type, label). Any
    /// other event name a shop sends is accepted too.
    static QList<QPair<QString, QString>> eventTypes();

    static QStringList tagOperators();
    static QStringList eventOperators();
    static QStringList eventFilterOperators();
    static QStringList segmentOperators();
};

} // namespace masir
