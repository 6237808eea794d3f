#include "segments/SegmentRule.h"

#include "contacts/Contact.h"
#include "contacts/CustomFields.h"

#include <QJsonDocument>

namespace masir {

namespace {

const QString kMatch = QStringLiteral("match");
const QString kConditions = QStringLiteral("conditions");

QJsonObject nodeToJson(const SegmentNode &node)
{
    QJsonObject o;
    if (node.isGroup()) {
        o.insert(kMatch, node.matchAny ? QStringLiteral("any") : QStringLiteral("all"));
        QJsonArray children;
        for (const SegmentNode &child : node.children)
            children.append(nodeToJson(child));
        o.insert(kConditions, children);
        return o;
    }
    o.insert(QStringLiteral("kind"), node.kind);
    if (!node.field.isEmpty())
        o.insert(QStringLiteral("field"), node.field);
    o.insert(QStringLiteral("op"), node.op);
    if (!node.value.isUndefined() && !node.value.isNull())
        o.insert(QStringLiteral("value"), node.value);
    if (node.kind == QLatin1String("event")) {
        o.insert(QStringLiteral("event"), node.event);
        o.insert(QStringLiteral("times"), node.times);
        o.insert(QStringLiteral("days"), node.days);
        if (!node.filters.isEmpty())
            o.insert(QStringLiteral("filters"), node.filters);
    }
    return o;
}

std::optional<SegmentNode> nodeFromJson(const QJsonObject &o, const QString &path, int depth,
                                        QString *error)
{
    if (depth > 16) {
        *error = SegmentRule::tr("Condition %1: groups are nested too deeply.").arg(path);
        return std::nullopt;
    }
    SegmentNode node;
    if (o.contains(kConditions) || o.contains(kMatch)) {
        node.type = SegmentNode::Type::Group;
        const QString match = o.value(kMatch).toString(QStringLiteral("all"));
        if (match != QLatin1String("all") && match != QLatin1String("any")) {
            *error = SegmentRule::tr("Group %1: \"match\" must be \"all\" or \"any\", not \"%2\".")
                         .arg(path.isEmpty() ? SegmentRule::tr("(top)") : path, match);
            return std::nullopt;
        }
        node.matchAny = match == QLatin1String("any");
        const QJsonArray children = o.value(kConditions).toArray();
        for (qsizetype i = 0; i < children.size(); ++i) {
            const QString childPath = path.isEmpty()
                                          ? QString::number(i + 1)
                                          : path + QLatin1Char('.') + QString::number(i + 1);
            if (!children.at(i).isObject()) {
                *error = SegmentRule::tr("Condition %1 is not an object.").arg(childPath);
                return std::nullopt;
            }
            auto child = nodeFromJson(children.at(i).toObject(), childPath, depth + 1, error);
            if (!child)
                return std::nullopt;
            node.children.append(*child);
        }
        return node;
    }
    node.type = SegmentNode::Type::Condition;
    node.kind = o.value(QStringLiteral("kind")).toString();
    node.field = o.value(QStringLiteral("field")).toString();
    node.op = o.value(QStringLiteral("op")).toString();
    node.value = o.value(QStringLiteral("value"));
    if (node.value.isUndefined())
        node.value = QJsonValue();
    // What only an activity condition has: read for it alone, as it is written
    // for it alone (a rule reads back as it was saved).
    if (node.kind == QLatin1String("event")) {
        node.event = o.value(QStringLiteral("event")).toString();
        node.times = o.value(QStringLiteral("times")).toInt(1);
        node.days = o.value(QStringLiteral("days")).toInt(0);
        node.filters = o.value(QStringLiteral("filters")).toArray();
    }
    return node;
}

int countConditions(const SegmentNode &node)
{
    if (!node.isGroup())
        return 1;
    int n = 0;
    for (const SegmentNode &child : node.children)
        n += countConditions(child);
    return n;
}

} // namespace

SegmentNode SegmentNode::group(bool matchAny, QList<SegmentNode> children)
{
    SegmentNode n;
    n.type = Type::Group;
    n.matchAny = matchAny;
    n.children = std::move(children);
    return n;
}

SegmentNode SegmentNode::condition(const QString &kind, const QString &field, const QString &op,
                                   const QJsonValue &value)
{
    SegmentNode n;
    n.type = Type::Condition;
    n.kind = kind;
    n.field = field;
    n.op = op;
    n.value = value;
    return n;
}

QJsonObject SegmentRule::toJson() const
{
    QJsonObject o = nodeToJson(root);
    o.insert(QStringLiteral("formatVersion"), formatVersion);
    return o;
}

QByteArray SegmentRule::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

std::optional<SegmentRule> SegmentRule::fromJson(const QJsonObject &json, QString *error)
{
    QString scratch;
    QString &err = error ? *error : scratch;
    const int version = json.value(QStringLiteral("formatVersion")).toInt(0);
    if (version < 1) {
        err = tr("This is not a segment rule: \"formatVersion\" is missing.");
        return std::nullopt;
    }
    if (version > formatVersion) {
        err = tr("This rule was saved by a newer Masir (format %1; this one reads %2). Update "
                 "Masir to use it.")
                  .arg(version)
                  .arg(formatVersion);
        return std::nullopt;
    }
    QJsonObject top = json;
    if (!top.contains(kConditions)) {
        err = tr("This is not a segment rule: \"conditions\" is missing.");
        return std::nullopt;
    }
    auto root = nodeFromJson(top, QString(), 0, &err);
    if (!root)
        return std::nullopt;
    SegmentRule rule;
    rule.root = *root;
    return rule;
}

std::optional<SegmentRule> SegmentRule::fromJsonBytes(const QByteArray &bytes, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = tr("The rule is not valid JSON: %1 (at byte %2).")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

int SegmentRule::conditionCount() const
{
    return countConditions(root);
}

// ---------------------------------------------------------------------------

QList<SegmentFields::Field> SegmentFields::standard()
{
    QStringList stageLabels;
    for (const QString &k : ContactVocabulary::stageKeys())
        stageLabels << ContactVocabulary::stageLabel(k);
    QStringList statusKeys, statusLabels;
    for (const ContactStatus s : ContactVocabulary::statuses()) {
        statusKeys << ContactVocabulary::statusKey(s);
        statusLabels << ContactVocabulary::statusLabel(s);
    }
    QStringList consentKeys, consentLabels;
    for (const ConsentStatus s :
         {ConsentStatus::Unknown, ConsentStatus::Granted, ConsentStatus::Withdrawn}) {
        consentKeys << ContactVocabulary::consentKey(s);
        consentLabels << ContactVocabulary::consentLabel(s);
    }
    QStringList genderLabels;
    for (const QString &k : ContactVocabulary::genderKeys())
        genderLabels << ContactVocabulary::genderLabel(k);

    auto text = [](const char *key, const QString &label) {
        return Field{QLatin1String(key), label, Type::Text, {}, {}};
    };
    return {
        text("email", tr("Email")),
        text("phone", tr("Phone")),
        text("first_name", tr("First name")),
        text("last_name", tr("Last name")),
        text("company", tr("Company")),
        text("city", tr("City")),
        text("country", tr("Country (code)")),
        text("language", tr("Language")),
        text("source", tr("Source")),
        text("owner", tr("Owner")),
        Field{QStringLiteral("gender"), tr("Gender"), Type::Choice, ContactVocabulary::genderKeys(),
              genderLabels},
        Field{QStringLiteral("stage"), tr("Stage"), Type::Choice, ContactVocabulary::stageKeys(),
              stageLabels},
        Field{QStringLiteral("score"), tr("Score"), Type::Number, {}, {}},
        Field{QStringLiteral("status"), tr("Status"), Type::Choice, statusKeys, statusLabels},
        Field{QStringLiteral("email_consent"), tr("Email consent"), Type::Choice, consentKeys,
              consentLabels},
        Field{QStringLiteral("sms_consent"), tr("SMS consent"), Type::Choice, consentKeys,
              consentLabels},
        Field{QStringLiteral("birthday"), tr("Birthday"), Type::Date, {}, {}},
        Field{QStringLiteral("created_at"), tr("Created"), Type::DateTime, {}, {}},
        Field{QStringLiteral("updated_at"), tr("Last changed"), Type::DateTime, {}, {}},
    };
}

QList<SegmentFields::Field> SegmentFields::all(const Database &db)
{
    QList<Field> fields = standard();
    for (const FieldDefinition &def : CustomFieldRepository(db).fields()) {
        Field f;
        f.key = QStringLiteral("custom.") + def.key;
        f.label = def.label;
        switch (def.type) {
        case FieldType::Text:
            f.type = Type::Text;
            break;
        case FieldType::Number:
            f.type = Type::Number;
            break;
        case FieldType::Date:
            f.type = Type::Date;
            break;
        case FieldType::Boolean:
            f.type = Type::Boolean;
            break;
        case FieldType::Choice:
            f.type = Type::Choice;
            f.choices = def.choices;
            f.choiceLabels = def.choices;
            break;
        }
        fields << f;
    }
    return fields;
}

std::optional<SegmentFields::Field> SegmentFields::find(const Database &db, const QString &key)
{
    const QList<Field> candidates = key.startsWith(QLatin1String("custom.")) ? all(db) : standard();
    for (const Field &f : candidates) {
        if (f.key == key)
            return f;
    }
    return std::nullopt;
}

QStringList SegmentFields::operators(Type type)
{
    auto list = [](std::initializer_list<const char *> ops) {
        QStringList out;
        for (const char *op : ops)
            out << QLatin1String(op);
        return out;
    };
    switch (type) {
    case Type::Text:
        return list({"equals", "not_equals", "contains", "not_contains", "starts_with", "ends_with",
                     "in", "empty", "not_empty"});
    case Type::Number:
        return list({"eq", "ne", "lt", "le", "gt", "ge", "between", "empty", "not_empty"});
    case Type::Date:
        return list({"before", "after", "on", "last_days", "next_days", "today", "this_week",
                     "this_month", "this_year", "anniversary_this_month", "anniversary_within",
                     "empty", "not_empty"});
    case Type::DateTime: // a moment, not a calendar date: no anniversaries
        return list({"before", "after", "on", "last_days", "next_days", "today", "this_week",
                     "this_month", "this_year"});
    case Type::Boolean:
        return list({"is_true", "is_false", "empty"});
    case Type::Choice:
        return list({"is", "is_not", "empty", "not_empty"});
    }
    return {};
}

QList<QPair<QString, QString>> SegmentFields::eventTypes()
{
    return {
        {QStringLiteral("email_opened"), tr("opened an email")},
        {QStringLiteral("email_clicked"), tr("clicked a link in an email")},
        {QStringLiteral("purchase"), tr("made a purchase")},
        {QStringLiteral("form_submitted"), tr("submitted a form")},
        {QStringLiteral("cart_abandoned"), tr("abandoned a cart")},
        {QStringLiteral("page_viewed"), tr("viewed a page")},
        {QStringLiteral("signup"), tr("signed up")},
        {QStringLiteral("email_sent"), tr("was sent an email")},
        {QStringLiteral("sms_sent"), tr("was sent a text message")},
        {QStringLiteral("unsubscribed"), tr("unsubscribed")},
        {QStringLiteral("stage_changed"), tr("changed stage")},
        {QStringLiteral("tag_added"), tr("was tagged")},
    };
}

QStringList SegmentFields::tagOperators()
{
    return {QStringLiteral("has_any"), QStringLiteral("has_all"), QStringLiteral("has_none")};
}

QStringList SegmentFields::eventOperators()
{
    return {QStringLiteral("did"), QStringLiteral("did_not")};
}

QStringList SegmentFields::eventFilterOperators()
{
    return {QStringLiteral("eq"),      QStringLiteral("ne"), QStringLiteral("lt"),
            QStringLiteral("le"),      QStringLiteral("gt"), QStringLiteral("ge"),
            QStringLiteral("contains")};
}

QStringList SegmentFields::segmentOperators()
{
    return {QStringLiteral("in"), QStringLiteral("not_in")};
}

int SegmentFields::operandCount(const QString &op)
{
    static const QStringList none = {QStringLiteral("empty"),
                                     QStringLiteral("not_empty"),
                                     QStringLiteral("today"),
                                     QStringLiteral("this_week"),
                                     QStringLiteral("this_month"),
                                     QStringLiteral("this_year"),
                                     QStringLiteral("anniversary_this_month"),
                                     QStringLiteral("is_true"),
                                     QStringLiteral("is_false"),
                                     QStringLiteral("did"),
                                     QStringLiteral("did_not")};
    static const QStringList lists = {QStringLiteral("in"),      QStringLiteral("is"),
                                      QStringLiteral("is_not"),  QStringLiteral("has_any"),
                                      QStringLiteral("has_all"), QStringLiteral("has_none")};
    if (none.contains(op))
        return 0;
    if (lists.contains(op))
        return -1;
    if (op == QLatin1String("between"))
        return 2;
    return 1;
}

QString SegmentFields::operatorLabel(const QString &op)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("equals"), QT_TR_NOOP("is")},
        {QStringLiteral("not_equals"), QT_TR_NOOP("is not")},
        {QStringLiteral("contains"), QT_TR_NOOP("contains")},
        {QStringLiteral("not_contains"), QT_TR_NOOP("does not contain")},
        {QStringLiteral("starts_with"), QT_TR_NOOP("starts with")},
        {QStringLiteral("ends_with"), QT_TR_NOOP("ends with")},
        {QStringLiteral("in"), QT_TR_NOOP("is one of")},
        {QStringLiteral("empty"), QT_TR_NOOP("is empty")},
        {QStringLiteral("not_empty"), QT_TR_NOOP("is not empty")},
        {QStringLiteral("eq"), QT_TR_NOOP("=")},
        {QStringLiteral("ne"), QT_TR_NOOP("≠")},
        {QStringLiteral("lt"), QT_TR_NOOP("<")},
        {QStringLiteral("le"), QT_TR_NOOP("≤")},
        {QStringLiteral("gt"), QT_TR_NOOP(">")},
        {QStringLiteral("ge"), QT_TR_NOOP("≥")},
        {QStringLiteral("between"), QT_TR_NOOP("is between")},
        {QStringLiteral("before"), QT_TR_NOOP("is before")},
        {QStringLiteral("after"), QT_TR_NOOP("is after")},
        {QStringLiteral("on"), QT_TR_NOOP("is on")},
        {QStringLiteral("last_days"), QT_TR_NOOP("is in the last … days")},
        {QStringLiteral("next_days"), QT_TR_NOOP("is in the next … days")},
        {QStringLiteral("today"), QT_TR_NOOP("is today")},
        {QStringLiteral("this_week"), QT_TR_NOOP("is this week")},
        {QStringLiteral("this_month"), QT_TR_NOOP("is this month")},
        {QStringLiteral("this_year"), QT_TR_NOOP("is this year")},
        {QStringLiteral("anniversary_this_month"), QT_TR_NOOP("has its anniversary this month")},
        {QStringLiteral("anniversary_within"), QT_TR_NOOP("has its anniversary within … days")},
        {QStringLiteral("is_true"), QT_TR_NOOP("is yes")},
        {QStringLiteral("is_false"), QT_TR_NOOP("is no")},
        {QStringLiteral("is"), QT_TR_NOOP("is")},
        {QStringLiteral("is_not"), QT_TR_NOOP("is not")},
        {QStringLiteral("has_any"), QT_TR_NOOP("has any of the tags")},
        {QStringLiteral("has_all"), QT_TR_NOOP("has all of the tags")},
        {QStringLiteral("has_none"), QT_TR_NOOP("has none of the tags")},
        {QStringLiteral("did"), QT_TR_NOOP("did")},
        {QStringLiteral("did_not"), QT_TR_NOOP("did not")},
        {QStringLiteral("not_in"), QT_TR_NOOP("is not in")},
    };
    if (op == QLatin1String("in"))
        return tr("is one of");
    const auto it = labels.constFind(op);
    return it == labels.cend() ? op : tr(*it);
}

} // namespace masir
