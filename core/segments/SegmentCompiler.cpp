#include "segments/SegmentCompiler.h"

#include "common/TextNormalizer.h"
#include "common/ValueParsers.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>

namespace masir {

namespace {

using Type = SegmentFields::Type;

QStringList operandList(const QJsonValue &value)
{
    QStringList out;
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            out << (v.isDouble() ? QString::number(v.toDouble(), 'g', 17) : v.toString());
    } else if (value.isDouble()) {
        out << QString::number(value.toDouble(), 'g', 17);
    } else if (value.isString()) {
        out << value.toString();
    } else if (value.isBool()) {
        out << (value.toBool() ? QStringLiteral("1") : QStringLiteral("0"));
    }
    for (QString &s : out)
        s = TextNormalizer::normalize(s.trimmed());
    out.removeAll(QString());
    return out;
}

std::optional<double> toNumber(const QString &text)
{
    bool ok = false;
    const double d =
        TextNormalizer::toAsciiDigits(text).replace(QChar(0x066B), QLatin1Char('.')).toDouble(&ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}

} // namespace

struct SegmentCompiler::State
{
    CompiledSegment out;
    QSet<QString> segmentsInProgress; // names, to refuse a segment that includes itself
    QString currentPath;

    void error(const QString &path, const QString &message) { out.errors.append({path, message}); }
    void bind(const QVariant &v) { out.binds.append(v); }
};

QString CompiledSegment::errorText() const
{
    QStringList lines;
    for (const SegmentError &e : errors)
        lines << (e.path.isEmpty()
                      ? e.message
                      : SegmentCompiler::tr("Condition %1: %2").arg(e.path, e.message));
    return lines.join(QLatin1Char('\n'));
}

SegmentCompiler::SegmentCompiler(const Database &db, Context context)
    : m_db(db)
    , m_ctx(std::move(context))
{}

CompiledSegment SegmentCompiler::compile(const SegmentRule &rule) const
{
    State st;
    st.out.where = node(rule.root, QString(), st);
    if (!st.out.ok()) {
        st.out.where.clear();
        st.out.binds.clear();
    }
    return st.out;
}

QString SegmentCompiler::countSql(const CompiledSegment &c)
{
    return QStringLiteral("SELECT count(*) FROM contacts WHERE ") + c.where;
}

QString SegmentCompiler::idsSql(const CompiledSegment &c)
{
    return QStringLiteral("SELECT contacts.id FROM contacts WHERE ") + c.where;
}

QString SegmentCompiler::node(const SegmentNode &n, const QString &path, State &st) const
{
    if (n.isGroup()) {
        QStringList parts;
        for (qsizetype i = 0; i < n.children.size(); ++i) {
            const QString childPath = path.isEmpty()
                                          ? QString::number(i + 1)
                                          : path + QLatin1Char('.') + QString::number(i + 1);
            parts << node(n.children.at(i), childPath, st);
        }
        if (parts.isEmpty())
            return QStringLiteral("1 = 1"); // an empty group matches everyone
        return QLatin1Char('(') +
               parts.join(n.matchAny ? QLatin1String(" OR ") : QLatin1String(" AND ")) +
               QLatin1Char(')');
    }
    if (n.kind == QLatin1String("field"))
        return fieldCondition(n, path, st);
    if (n.kind == QLatin1String("tag"))
        return tagCondition(n, path, st);
    if (n.kind == QLatin1String("event"))
        return eventCondition(n, path, st);
    if (n.kind == QLatin1String("segment"))
        return segmentCondition(n, path, st);
    if (n.kind == QLatin1String("journey"))
        return journeyCondition(n, path, st);
    st.error(path,
             n.kind.isEmpty()
                 ? tr("the condition has no kind (field, tag, event, segment or journey).")
                 : tr("\"%1\" is not a kind of condition (field, tag, event, segment or journey).")
                       .arg(n.kind));
    return QStringLiteral("0 = 1");
}

QString SegmentCompiler::fieldCondition(const SegmentNode &n, const QString &path, State &st) const
{
    const auto field = SegmentFields::find(m_db, n.field);
    if (!field) {
        st.error(path, n.field.isEmpty() ? tr("choose a field.")
                                         : tr("there is no field \"%1\".").arg(n.field));
        return QStringLiteral("0 = 1");
    }
    const QString label = field->label;
    if (!SegmentFields::operators(field->type).contains(n.op)) {
        st.error(path, tr("%1: \"%2\" is not an operator for this field.").arg(label, n.op));
        return QStringLiteral("0 = 1");
    }
    const QStringList values = operandList(n.value);
    const int wanted = SegmentFields::operandCount(n.op);
    if ((wanted > 0 && values.size() != wanted) || (wanted < 0 && values.isEmpty())) {
        st.error(path, wanted == 2  ? tr("%1: enter two values.").arg(label)
                       : wanted < 0 ? tr("%1: enter at least one value.").arg(label)
                                    : tr("%1: enter a value.").arg(label));
        return QStringLiteral("0 = 1");
    }

    const bool custom = n.field.startsWith(QLatin1String("custom."));
    // The expression tested: the column, or the custom value inside a subquery.
    const QString expr = custom ? QStringLiteral("v.value") : n.field;
    QVariantList binds;
    bool negate = false;
    QString sql;

    auto numbers = [&]() -> std::optional<QList<double>> {
        QList<double> out;
        for (const QString &v : values) {
            const auto d = toNumber(v);
            if (!d) {
                st.error(path, tr("%1: \"%2\" is not a number.").arg(label, v));
                return std::nullopt;
            }
            out << *d;
        }
        return out;
    };
    auto dayCount = [&]() -> std::optional<int> {
        const auto d = toNumber(values.value(0));
        if (!d || *d < 0 || *d > 36500 || *d != int(*d)) {
            st.error(path, tr("%1: \"%2\" is not a number of days.").arg(label, values.value(0)));
            return std::nullopt;
        }
        return int(*d);
    };
    auto date = [&](const QString &text) -> std::optional<QDate> {
        const auto d = ValueParsers::parseDate(text, ValueParsers::DateMode::Auto);
        if (!d)
            st.error(path, tr("%1: \"%2\" is not a date we can read (use 2024-03-20 or "
                              "۱۴۰۳/۰۱/۰۱).")
                               .arg(label, text));
        return d;
    };
    const QDate today = m_ctx.now.toTimeZone(m_ctx.zone).date();
    // A range of calendar days [from, to], as the column stores it.
    auto dayRange = [&](QDate from, QDate to) {
        if (field->type == Type::Date) {
            binds << from.toString(Qt::ISODate) << to.toString(Qt::ISODate);
            return QStringLiteral("(%1 >= ? AND %1 <= ?)").arg(expr);
        }
        binds << QDateTime(from, QTime(0, 0), m_ctx.zone).toMSecsSinceEpoch()
              << QDateTime(to.addDays(1), QTime(0, 0), m_ctx.zone).toMSecsSinceEpoch();
        return QStringLiteral("(%1 >= ? AND %1 < ?)").arg(expr);
    };
    const QString notEmpty = field->type == Type::Date
                                 ? QStringLiteral("(%1 IS NOT NULL AND %1 <> '')").arg(expr)
                             : field->type == Type::Number || field->type == Type::DateTime
                                 ? QStringLiteral("%1 IS NOT NULL").arg(expr)
                                 : QStringLiteral("%1 <> ''").arg(expr);
    const SqlDialect dialect(m_db.connection());
    const QString like =
        expr + QLatin1Char(' ') + dialect.likeInsensitive() + QStringLiteral(" ? ESCAPE '\\'");
    const QString same = dialect.equalsInsensitive(expr);

    const QString &op = n.op;
    if (op == QLatin1String("empty") || op == QLatin1String("not_empty")) {
        sql = notEmpty;
        negate = op == QLatin1String("empty");
    } else if (field->type == Type::Text) {
        if (op == QLatin1String("equals") || op == QLatin1String("not_equals")) {
            sql = same;
            binds << dialect.equalsBind(values.first());
            negate = op == QLatin1String("not_equals");
        } else if (op == QLatin1String("contains") || op == QLatin1String("not_contains")) {
            sql = like;
            binds << QString(QLatin1Char('%') + SqlDialect::escapeLike(values.first()) +
                             QLatin1Char('%'));
            negate = op == QLatin1String("not_contains");
        } else if (op == QLatin1String("starts_with")) {
            sql = like;
            binds << QString(SqlDialect::escapeLike(values.first()) + QLatin1Char('%'));
        } else if (op == QLatin1String("ends_with")) {
            sql = like;
            binds << QString(QLatin1Char('%') + SqlDialect::escapeLike(values.first()));
        } else { // in
            QStringList ors;
            for (const QString &v : values) {
                ors << same;
                binds << dialect.equalsBind(v);
            }
            sql = QLatin1Char('(') + ors.join(QLatin1String(" OR ")) + QLatin1Char(')');
        }
    } else if (field->type == Type::Number) {
        const auto nums = numbers();
        if (!nums)
            return QStringLiteral("0 = 1");
        const QString e = custom ? SqlDialect::toNumber(QStringLiteral("v.value")) : expr;
        if (op == QLatin1String("between")) {
            sql = QStringLiteral("(%1 >= ? AND %1 <= ?)").arg(e);
            binds << std::min(nums->at(0), nums->at(1)) << std::max(nums->at(0), nums->at(1));
        } else {
            // "≠" is "not =", so that contacts without a custom value match it
            negate = op == QLatin1String("ne");
            sql = QStringLiteral("%1 %2 ?").arg(
                e, SqlDialect::comparison(negate ? QStringLiteral("eq") : op));
            binds << nums->first();
        }
    } else if (field->type == Type::Date || field->type == Type::DateTime) {
        if (op == QLatin1String("before") || op == QLatin1String("after") ||
            op == QLatin1String("on")) {
            const auto d = date(values.first());
            if (!d)
                return QStringLiteral("0 = 1");
            if (op == QLatin1String("on"))
                sql = dayRange(*d, *d);
            else if (op == QLatin1String("before"))
                sql = dayRange(QDate(1, 1, 1), d->addDays(-1));
            else
                sql = dayRange(d->addDays(1), QDate(9999, 12, 31));
        } else if (op == QLatin1String("last_days") || op == QLatin1String("next_days")) {
            const auto days = dayCount();
            if (!days)
                return QStringLiteral("0 = 1");
            sql = op == QLatin1String("last_days") ? dayRange(today.addDays(-*days), today)
                                                   : dayRange(today, today.addDays(*days));
        } else if (op == QLatin1String("today")) {
            sql = dayRange(today, today);
        } else if (op == QLatin1String("this_week")) {
            const int back = (today.dayOfWeek() - int(m_ctx.firstDayOfWeek) + 7) % 7;
            sql = dayRange(today.addDays(-back), today.addDays(6 - back));
        } else if (op == QLatin1String("this_month")) {
            const QDate first(today.year(), today.month(), 1);
            sql = dayRange(first, first.addMonths(1).addDays(-1));
        } else if (op == QLatin1String("this_year")) {
            sql = dayRange(QDate(today.year(), 1, 1), QDate(today.year(), 12, 31));
        } else if (op == QLatin1String("anniversary_this_month")) {
            sql = QStringLiteral("(%1 IS NOT NULL AND substr(%1, 6, 2) = ?)").arg(expr);
            binds << today.toString(QStringLiteral("MM"));
        } else { // anniversary_within
            const auto days = dayCount();
            if (!days)
                return QStringLiteral("0 = 1");
            const QString md = QStringLiteral("substr(%1, 6, 5)").arg(expr);
            const QDate end = today.addDays(*days);
            const QString from = today.toString(QStringLiteral("MM-dd"));
            const QString to = end.toString(QStringLiteral("MM-dd"));
            if (*days >= 365) {
                sql = notEmpty;
            } else if (from <= to) {
                sql = QStringLiteral("(%1 IS NOT NULL AND %2 >= ? AND %2 <= ?)").arg(expr, md);
                binds << from << to;
            } else { // across New Year
                sql = QStringLiteral("(%1 IS NOT NULL AND %1 <> '' AND (%2 >= ? OR %2 <= ?))")
                          .arg(expr, md);
                binds << from << to;
            }
        }
    } else if (field->type == Type::Boolean) {
        sql = QStringLiteral("%1 = ?").arg(expr);
        binds << (op == QLatin1String("is_true") ? QStringLiteral("1") : QStringLiteral("0"));
    } else { // Choice
        for (const QString &v : values) {
            if (!field->choices.contains(v)) {
                st.error(path, tr("%1: \"%2\" is not one of its choices (%3).")
                                   .arg(label, v, field->choices.join(QStringLiteral(", "))));
                return QStringLiteral("0 = 1");
            }
        }
        sql =
            QStringLiteral("%1 IN (%2)")
                .arg(expr, QStringList(values.size(), QStringLiteral("?")).join(QLatin1Char(',')));
        for (const QString &v : values)
            binds << v;
        negate = op == QLatin1String("is_not");
    }

    if (custom) {
        // Custom values live in contact_values; a contact without one matches the
        // negative operators ("is not", "is empty") only.
        st.bind(n.field.mid(7));
        for (const QVariant &b : std::as_const(binds))
            st.bind(b);
        return QStringLiteral("contacts.id %1 (SELECT v.contact_id FROM contact_values v WHERE "
                              "v.field_id = (SELECT id FROM fields WHERE key = ?) AND %2)")
            .arg(negate ? QStringLiteral("NOT IN") : QStringLiteral("IN"), sql);
    }
    for (const QVariant &b : std::as_const(binds))
        st.bind(b);
    if (n.field == QLatin1String("score") || n.field == QLatin1String("stage")) {
        // The score and the stage live in contact_scores, one row for every contact.
        return QStringLiteral("contacts.id %1 (SELECT contact_id FROM contact_scores WHERE %2)")
            .arg(negate ? QStringLiteral("NOT IN") : QStringLiteral("IN"), sql);
    }
    return negate ? QStringLiteral("NOT ") + sql : sql;
}

QString SegmentCompiler::tagCondition(const SegmentNode &n, const QString &path, State &st) const
{
    if (!SegmentFields::tagOperators().contains(n.op)) {
        st.error(path, tr("Tags: \"%1\" is not an operator for tags.").arg(n.op));
        return QStringLiteral("0 = 1");
    }
    QStringList keys;
    for (const QString &name : operandList(n.value)) {
        const QString key = TextNormalizer::forSearch(name);
        if (!key.isEmpty() && !keys.contains(key))
            keys << key;
    }
    if (keys.isEmpty()) {
        st.error(path, tr("Tags: choose at least one tag."));
        return QStringLiteral("0 = 1");
    }
    const QString in = QStringList(keys.size(), QStringLiteral("?")).join(QLatin1Char(','));
    for (const QString &k : std::as_const(keys))
        st.bind(k);
    QString sql = QStringLiteral("contacts.id %1 (SELECT ct.contact_id FROM contact_tags ct JOIN "
                                 "tags t ON t.id = ct.tag_id WHERE t.name_key IN (%2)")
                      .arg(n.op == QLatin1String("has_none") ? QStringLiteral("NOT IN")
                                                             : QStringLiteral("IN"),
                           in);
    if (n.op == QLatin1String("has_all")) {
        sql += QStringLiteral(" GROUP BY ct.contact_id HAVING count(DISTINCT ct.tag_id) = ?");
        st.bind(keys.size());
    }
    return sql + QLatin1Char(')');
}

QString SegmentCompiler::eventCondition(const SegmentNode &n, const QString &path, State &st) const
{
    const QString type = n.event.trimmed();
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_.:-]{1,64}$"));
    if (!SegmentFields::eventOperators().contains(n.op)) {
        st.error(path, tr("Activity: \"%1\" is not an operator (did or did not).").arg(n.op));
        return QStringLiteral("0 = 1");
    }
    if (!name.match(type).hasMatch()) {
        st.error(path, type.isEmpty() ? tr("Activity: choose what the contact did.")
                                      : tr("Activity: \"%1\" is not an event name.").arg(type));
        return QStringLiteral("0 = 1");
    }
    if (n.times < 1 || n.times > 100000) {
        st.error(path, tr("Activity: the number of times must be at least 1."));
        return QStringLiteral("0 = 1");
    }
    if (n.days < 0 || n.days > 36500) {
        st.error(path, tr("Activity: the number of days must be 0 (ever) or more."));
        return QStringLiteral("0 = 1");
    }
    QString sql = QStringLiteral("SELECT e.contact_id FROM events e WHERE e.type = ?");
    QVariantList binds{type};
    if (n.days > 0) {
        const QDate today = m_ctx.now.toTimeZone(m_ctx.zone).date();
        sql += QStringLiteral(" AND e.occurred_at >= ?");
        binds << QDateTime(today.addDays(-n.days), QTime(0, 0), m_ctx.zone).toMSecsSinceEpoch();
    }
    static const QRegularExpression property(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,63}$"));
    for (qsizetype i = 0; i < n.filters.size(); ++i) {
        const QJsonObject f = n.filters.at(i).toObject();
        const QString prop = f.value(QStringLiteral("property")).toString();
        const QString op = f.value(QStringLiteral("op")).toString();
        const QJsonValue value = f.value(QStringLiteral("value"));
        if (!property.match(prop).hasMatch()) {
            st.error(path,
                     tr("Activity filter %1: \"%2\" is not a property name.").arg(i + 1).arg(prop));
            return QStringLiteral("0 = 1");
        }
        if (!SegmentFields::eventFilterOperators().contains(op)) {
            st.error(path, tr("Activity filter %1: \"%2\" is not an operator.").arg(i + 1).arg(op));
            return QStringLiteral("0 = 1");
        }
        const QString json = SqlDialect(m_db.connection()).jsonValue(QStringLiteral("e.payload"));
        binds << SqlDialect(m_db.connection()).jsonPath(prop);
        const QString text = TextNormalizer::normalize(
            value.isDouble() ? QString::number(value.toDouble(), 'g', 17) : value.toString());
        const auto number = toNumber(text);
        if (op == QLatin1String("contains")) {
            sql += QStringLiteral(" AND %1 %2 ? ESCAPE '\\'")
                       .arg(json, SqlDialect(m_db.connection()).likeInsensitive());
            binds << QString(QLatin1Char('%') + SqlDialect::escapeLike(text) + QLatin1Char('%'));
        } else if (number) {
            sql += QStringLiteral(" AND %1 %2 ?")
                       .arg(SqlDialect::toNumber(json), SqlDialect::comparison(op));
            binds << *number;
        } else if (op == QLatin1String("eq") || op == QLatin1String("ne")) {
            sql += QStringLiteral(" AND %1 %2 ?").arg(json, SqlDialect::comparison(op));
            binds << text;
        } else {
            st.error(path, tr("Activity filter %1: \"%2\" is not a number.").arg(i + 1).arg(text));
            return QStringLiteral("0 = 1");
        }
    }
    if (n.times > 1 || n.op == QLatin1String("did_not")) {
        sql += QStringLiteral(" GROUP BY e.contact_id HAVING count(*) >= ?");
        binds << n.times;
    }
    for (const QVariant &b : std::as_const(binds))
        st.bind(b);
    return QStringLiteral("contacts.id %1 (%2)")
        .arg(n.op == QLatin1String("did_not") ? QStringLiteral("NOT IN") : QStringLiteral("IN"),
             sql);
}

QString SegmentCompiler::segmentCondition(const SegmentNode &n, const QString &path,
                                          State &st) const
{
    if (!SegmentFields::segmentOperators().contains(n.op)) {
        st.error(path, tr("Segment: \"%1\" is not an operator (in or not in).").arg(n.op));
        return QStringLiteral("0 = 1");
    }
    const QString name = n.value.toString().trimmed();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, kind, rule FROM segments WHERE name = ?"));
    q.addBindValue(name);
    if (name.isEmpty() || !q.exec() || !q.next()) {
        st.error(path, name.isEmpty() ? tr("Segment: choose a segment.")
                                      : tr("Segment: there is no segment \"%1\".").arg(name));
        return QStringLiteral("0 = 1");
    }
    const qint64 id = q.value(0).toLongLong();
    const bool isStatic = q.value(1).toString() == QLatin1String("static");
    const QByteArray ruleJson = q.value(2).toString().toUtf8();
    q.finish();
    const QString in = n.op == QLatin1String("not_in") ? QStringLiteral("NOT ") : QString();
    if (isStatic) {
        st.bind(id);
        return QStringLiteral("%1contacts.id IN (SELECT contact_id FROM segment_members WHERE "
                              "segment_id = ?)")
            .arg(in);
    }
    if (st.segmentsInProgress.contains(name)) {
        st.error(path, tr("Segment: \"%1\" includes itself, through this condition.").arg(name));
        return QStringLiteral("0 = 1");
    }
    QString error;
    const auto nested = SegmentRule::fromJsonBytes(ruleJson, &error);
    if (!nested) {
        st.error(path, tr("Segment: the rule of \"%1\" cannot be read: %2").arg(name, error));
        return QStringLiteral("0 = 1");
    }
    st.segmentsInProgress.insert(name);
    const qsizetype errorsBefore = st.out.errors.size();
    const QString sql = node(nested->root, QString(), st);
    st.segmentsInProgress.remove(name);
    // Errors inside the other segment are reported at this condition.
    for (qsizetype i = errorsBefore; i < st.out.errors.size(); ++i) {
        SegmentError &e = st.out.errors[i];
        e.message = tr("in segment \"%1\", condition %2: %3").arg(name, e.path, e.message);
        e.path = path;
    }
    return in + QLatin1Char('(') + sql + QLatin1Char(')');
}

QString SegmentCompiler::journeyCondition(const SegmentNode &n, const QString &path,
                                          State &st) const
{
    if (!SegmentFields::segmentOperators().contains(n.op)) {
        st.error(path, tr("Journey: \"%1\" is not an operator (in or not in).").arg(n.op));
        return QStringLiteral("0 = 1");
    }
    const QString name = n.value.toString().trimmed();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id FROM journeys WHERE name = ?"));
    q.addBindValue(name);
    if (name.isEmpty() || !q.exec() || !q.next()) {
        st.error(path, name.isEmpty() ? tr("Journey: choose a journey.")
                                      : tr("Journey: there is no journey \"%1\".").arg(name));
        return QStringLiteral("0 = 1");
    }
    st.bind(q.value(0).toLongLong());
    // "in a journey": on its way through it now
    return QStringLiteral("%1contacts.id IN (SELECT contact_id FROM enrollments WHERE "
                          "journey_id = ? AND state = 'active')")
        .arg(n.op == QLatin1String("not_in") ? QStringLiteral("NOT ") : QString());
}

} // namespace masir
