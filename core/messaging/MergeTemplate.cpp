#include "messaging/MergeTemplate.h"

#include "contacts/CustomFields.h"

#include <QRegularExpression>

namespace masir {

QString TemplateError::toString() const
{
    return QStringLiteral("%1:%2: %3").arg(line).arg(column).arg(message);
}

namespace {

const QStringList &standard()
{
    static const QStringList names{
        QStringLiteral("first_name"),
        QStringLiteral("last_name"),
        QStringLiteral("full_name"),
        QStringLiteral("email"),
        QStringLiteral("phone"),
        QStringLiteral("company"),
        QStringLiteral("city"),
        QStringLiteral("country"),
        QStringLiteral("stage"),
        QStringLiteral("score"),
        QStringLiteral("business_name"),
        QStringLiteral("postal_address"),
        QStringLiteral("unsubscribe_url"),
        QStringLiteral("today"),
    };
    return names;
}

const QStringList &filterNames()
{
    static const QStringList names{QStringLiteral("default"), QStringLiteral("upper"),
                                   QStringLiteral("lower"), QStringLiteral("capitalize")};
    return names;
}

/// Line and column (1-based) of each offset of a source.
class Positions
{
public:
    explicit Positions(const QString &source)
    {
        m_starts << 0;
        for (qsizetype i = 0; i < source.size(); ++i)
            if (source.at(i) == QLatin1Char('\n'))
                m_starts << i + 1;
    }
    std::pair<int, int> at(qsizetype offset) const
    {
        const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        const int line = int(it - m_starts.begin());
        return {line, int(offset - m_starts.at(line - 1)) + 1};
    }

private:
    QList<qsizetype> m_starts;
};

/// The words of one tag: names, strings, and the symbols | : == !=.
struct Token
{
    enum Kind
    {
        Word,
        String,
        Symbol,
    };
    Kind kind;
    QString text;
    qsizetype offset; ///< in the tag's inner text
};

std::optional<QList<Token>> tokenize(const QString &inner, QString *error, qsizetype *errorAt)
{
    QList<Token> out;
    qsizetype i = 0;
    while (i < inner.size()) {
        const QChar c = inner.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('"')) {
            QString text;
            const qsizetype start = i++;
            bool closed = false;
            while (i < inner.size()) {
                const QChar d = inner.at(i++);
                if (d == QLatin1Char('\\') && i < inner.size()) {
                    text += inner.at(i++);
                } else if (d == QLatin1Char('"')) {
                    closed = true;
                    break;
                } else {
                    text += d;
                }
            }
            if (!closed) {
                *error = MergeTemplate::tr("a quoted text is not closed with \"");
                *errorAt = start;
                return std::nullopt;
            }
            out.append({Token::String, text, start});
        } else if (c == QLatin1Char('|') || c == QLatin1Char(':')) {
            out.append({Token::Symbol, QString(c), i++});
        } else if ((c == QLatin1Char('=') || c == QLatin1Char('!')) && i + 1 < inner.size() &&
                   inner.at(i + 1) == QLatin1Char('=')) {
            out.append({Token::Symbol, inner.mid(i, 2), i});
            i += 2;
        } else if (c.isLetterOrNumber() || c == QLatin1Char('_')) {
            const qsizetype start = i;
            while (i < inner.size() &&
                   (inner.at(i).isLetterOrNumber() || inner.at(i) == QLatin1Char('_') ||
                    inner.at(i) == QLatin1Char('.') || inner.at(i) == QLatin1Char('-')))
                ++i;
            out.append({Token::Word, inner.mid(start, i - start), start});
        } else {
            *error = MergeTemplate::tr("unexpected \"%1\"").arg(c);
            *errorAt = i;
            return std::nullopt;
        }
    }
    return out;
}

QString escapeFor(const QString &value, Escaping escaping)
{
    switch (escaping) {
    case Escaping::Html:
        return value.toHtmlEscaped().replace(QLatin1Char('\''), QLatin1String("&#39;"));
    case Escaping::Header: {
        QString out = value;
        out.replace(QLatin1String("\r\n"), QLatin1String(" "));
        out.replace(QLatin1Char('\r'), QLatin1Char(' '));
        out.replace(QLatin1Char('\n'), QLatin1Char(' '));
        return out;
    }
    case Escaping::Text:
        break;
    }
    return value;
}

} // namespace

MergeVocabulary::MergeVocabulary()
    : MergeVocabulary(QStringList{})
{}

MergeVocabulary::MergeVocabulary(const QStringList &customFieldKeys)
{
    for (const QString &n : standard())
        m_names.insert(n);
    for (const QString &key : customFieldKeys) {
        m_custom << QStringLiteral("custom.") + key;
        m_names.insert(m_custom.last());
    }
}

MergeVocabulary MergeVocabulary::of(const Database &db)
{
    QStringList keys;
    for (const FieldDefinition &f : CustomFieldRepository(db).fields())
        keys << f.key;
    return MergeVocabulary(keys);
}

bool MergeVocabulary::contains(const QString &name) const
{
    return m_names.contains(name);
}

QStringList MergeVocabulary::names() const
{
    return standard() + m_custom;
}

QStringList MergeVocabulary::standardNames()
{
    return standard();
}

QString MergeVocabulary::label(const QString &name)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("first_name"), QT_TR_NOOP("First name")},
        {QStringLiteral("last_name"), QT_TR_NOOP("Last name")},
        {QStringLiteral("full_name"), QT_TR_NOOP("Full name")},
        {QStringLiteral("email"), QT_TR_NOOP("Email")},
        {QStringLiteral("phone"), QT_TR_NOOP("Phone")},
        {QStringLiteral("company"), QT_TR_NOOP("Company")},
        {QStringLiteral("city"), QT_TR_NOOP("City")},
        {QStringLiteral("country"), QT_TR_NOOP("Country")},
        {QStringLiteral("stage"), QT_TR_NOOP("Stage")},
        {QStringLiteral("score"), QT_TR_NOOP("Score")},
        {QStringLiteral("business_name"), QT_TR_NOOP("Business name")},
        {QStringLiteral("postal_address"), QT_TR_NOOP("Postal address")},
        {QStringLiteral("unsubscribe_url"), QT_TR_NOOP("Unsubscribe link")},
        {QStringLiteral("today"), QT_TR_NOOP("Today's date")},
    };
    if (const char *text = labels.value(name))
        return tr(text);
    if (name.startsWith(QLatin1String("custom.")))
        return tr("Custom field %1").arg(name.mid(7));
    return name;
}

MergeTemplate MergeTemplate::parse(const QString &source, const MergeVocabulary &vocabulary)
{
    MergeTemplate t;
    const Positions positions(source);
    auto fail = [&](qsizetype offset, const QString &message) {
        const auto [line, column] = positions.at(offset);
        t.m_errors.append({line, column, message});
    };
    auto addText = [&](const QString &text) {
        if (text.isEmpty())
            return;
        if (!t.m_parts.isEmpty() && t.m_parts.last().kind == Part::Text)
            t.m_parts.last().text += text;
        else
            t.m_parts.append({Part::Text, text, {}, {}, {}, 0, 0});
    };
    auto checkName = [&](const QString &name, qsizetype at) {
        if (vocabulary.contains(name))
            return true;
        if (name.startsWith(QLatin1String("custom.")))
            fail(at, tr("there is no custom field \"%1\"").arg(name.mid(7)));
        else
            fail(at, tr("unknown merge tag {{%1}}").arg(name));
        return false;
    };

    QList<qsizetype> openIfs; // offsets of the {% if %} still open
    QList<bool> sawElse;
    qsizetype i = 0;
    while (i < source.size()) {
        const qsizetype open = [&] {
            const qsizetype a = source.indexOf(QLatin1String("{{"), i);
            const qsizetype b = source.indexOf(QLatin1String("{%"), i);
            if (a < 0)
                return b;
            if (b < 0)
                return a;
            return std::min(a, b);
        }();
        if (open < 0) {
            addText(source.mid(i));
            break;
        }
        addText(source.mid(i, open - i));
        const bool block = source.at(open + 1) == QLatin1Char('%');
        const QString closer = block ? QStringLiteral("%}") : QStringLiteral("}}");
        const qsizetype close = source.indexOf(closer, open + 2);
        const qsizetype nextOpen = [&] {
            const qsizetype a = source.indexOf(QLatin1String("{{"), open + 2);
            const qsizetype b = source.indexOf(QLatin1String("{%"), open + 2);
            return a < 0 ? b : (b < 0 ? a : std::min(a, b));
        }();
        if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
            fail(open, tr("this tag is not closed with %1").arg(closer));
            i = open + 2;
            continue;
        }
        const qsizetype innerStart = open + 2;
        const QString inner = source.mid(innerStart, close - innerStart);
        i = close + 2;
        const auto [line, column] = positions.at(open);

        QString error;
        qsizetype errorAt = 0;
        const auto tokens = tokenize(inner, &error, &errorAt);
        if (!tokens) {
            fail(innerStart + errorAt, error);
            continue;
        }
        if (tokens->isEmpty()) {
            fail(open, block ? tr("an empty {% %} tag") : tr("an empty {{ }} tag"));
            continue;
        }
        auto tokenAt = [&](const Token &tok) { return innerStart + tok.offset; };

        if (!block) {
            // name ( '|' filter ( ':' argument )? )*
            const Token &first = tokens->first();
            if (first.kind != Token::Word) {
                fail(tokenAt(first), tr("a merge tag starts with a name, e.g. {{first_name}}"));
                continue;
            }
            Part part{Part::Value, {}, first.text, {}, {}, line, column};
            bool ok = checkName(first.text, tokenAt(first));
            for (qsizetype k = 1; ok && k < tokens->size();) {
                const Token &bar = tokens->at(k);
                if (bar.kind != Token::Symbol || bar.text != QLatin1String("|")) {
                    fail(tokenAt(bar),
                         tr("expected | before a filter, found \"%1\"").arg(bar.text));
                    ok = false;
                    break;
                }
                if (k + 1 >= tokens->size() || tokens->at(k + 1).kind != Token::Word) {
                    fail(tokenAt(bar), tr("a filter name is missing after |"));
                    ok = false;
                    break;
                }
                const Token &name = tokens->at(k + 1);
                if (!filterNames().contains(name.text)) {
                    fail(tokenAt(name),
                         tr("unknown filter \"%1\"; use one of: %2")
                             .arg(name.text, filterNames().join(QLatin1String(", "))));
                    ok = false;
                    break;
                }
                Filter f{name.text, {}};
                k += 2;
                if (name.text == QLatin1String("default")) {
                    if (k + 1 >= tokens->size() || tokens->at(k).text != QLatin1String(":") ||
                        tokens->at(k + 1).kind != Token::String) {
                        fail(tokenAt(name), tr("default needs a quoted text, e.g. "
                                               "default:\"friend\""));
                        ok = false;
                        break;
                    }
                    f.argument = tokens->at(k + 1).text;
                    k += 2;
                }
                part.filters.append(f);
            }
            if (ok)
                t.m_parts.append(part);
            continue;
        }

        // Blocks: if, else, endif.
        const QString keyword = tokens->first().text;
        if (keyword == QLatin1String("else") || keyword == QLatin1String("endif")) {
            if (tokens->size() > 1) {
                fail(tokenAt(tokens->at(1)), tr("{% %1 %} takes nothing more").arg(keyword));
                continue;
            }
            if (openIfs.isEmpty()) {
                fail(open, tr("{% %1 %} without an {% if %} before it").arg(keyword));
                continue;
            }
            if (keyword == QLatin1String("else")) {
                if (sawElse.last()) {
                    fail(open, tr("a second {% else %} in the same {% if %}"));
                    continue;
                }
                sawElse.last() = true;
                t.m_parts.append({Part::Else, {}, {}, {}, {}, line, column});
            } else {
                openIfs.removeLast();
                sawElse.removeLast();
                t.m_parts.append({Part::EndIf, {}, {}, {}, {}, line, column});
            }
            continue;
        }
        if (keyword != QLatin1String("if")) {
            fail(tokenAt(tokens->first()),
                 tr("unknown block {% %1 %}; use if, else or endif").arg(keyword));
            continue;
        }
        Condition c;
        qsizetype k = 1;
        if (k < tokens->size() && tokens->at(k).kind == Token::Word &&
            tokens->at(k).text == QLatin1String("not")) {
            c.negate = true;
            ++k;
        }
        bool ok = true;
        if (k >= tokens->size()) {
            fail(open, tr("{% if %} needs a condition, e.g. {% if tag \"vip\" %}"));
            ok = false;
        } else if (tokens->at(k).kind == Token::Word &&
                   tokens->at(k).text == QLatin1String("tag")) {
            if (k + 1 >= tokens->size() || tokens->at(k + 1).kind != Token::String) {
                fail(tokenAt(tokens->at(k)), tr("tag needs a quoted tag name, e.g. tag \"vip\""));
                ok = false;
            } else {
                c.tag = tokens->at(k + 1).text;
                k += 2;
            }
        } else if (tokens->at(k).kind == Token::Word) {
            c.name = tokens->at(k).text;
            ok = checkName(c.name, tokenAt(tokens->at(k)));
            ++k;
            if (ok && k < tokens->size() && tokens->at(k).kind == Token::Symbol &&
                (tokens->at(k).text == QLatin1String("==") ||
                 tokens->at(k).text == QLatin1String("!="))) {
                c.op = tokens->at(k).text;
                if (k + 1 >= tokens->size() || tokens->at(k + 1).kind != Token::String) {
                    fail(tokenAt(tokens->at(k)), tr("%1 needs a quoted text after it").arg(c.op));
                    ok = false;
                } else {
                    c.value = tokens->at(k + 1).text;
                    k += 2;
                }
            }
        } else {
            fail(tokenAt(tokens->at(k)), tr("{% if %} needs a name or tag \"...\""));
            ok = false;
        }
        if (ok && k < tokens->size()) {
            fail(tokenAt(tokens->at(k)),
                 tr("unexpected \"%1\" in {% if %}").arg(tokens->at(k).text));
            ok = false;
        }
        // Even a broken if opens a block, so that its endif is not reported too.
        openIfs << open;
        sawElse << false;
        Part part{Part::If, {}, {}, {}, c, line, column};
        t.m_parts.append(part);
    }
    for (const qsizetype at : openIfs)
        fail(at, tr("this {% if %} has no {% endif %}"));
    std::sort(t.m_errors.begin(), t.m_errors.end(), [](const auto &a, const auto &b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    return t;
}

QStringList MergeTemplate::names() const
{
    QStringList out;
    for (const Part &p : m_parts) {
        const QString &n = p.kind == Part::Value ? p.name : p.condition.name;
        if (!n.isEmpty() && !out.contains(n))
            out << n;
    }
    return out;
}

bool MergeTemplate::test(const Condition &c, const MergeContext &context) const
{
    bool result = false;
    if (!c.tag.isEmpty()) {
        result = context.hasTag(c.tag);
    } else {
        const QString v = context.value(c.name);
        if (c.op.isEmpty())
            result = !v.trimmed().isEmpty();
        else
            result =
                (v.compare(c.value, Qt::CaseInsensitive) == 0) == (c.op == QLatin1String("=="));
    }
    return c.negate ? !result : result;
}

QString MergeTemplate::render(const MergeContext &context, Escaping escaping) const
{
    if (!isValid())
        return {};
    QString out;
    // One flag per open if: is its current branch the one taken?
    QList<bool> taken;
    QList<bool> active{true};
    for (const Part &p : m_parts) {
        switch (p.kind) {
        case Part::Text:
            if (active.last())
                out += p.text;
            break;
        case Part::Value: {
            if (!active.last())
                break;
            QString v = context.value(p.name);
            for (const Filter &f : p.filters) {
                if (f.name == QLatin1String("default")) {
                    if (v.trimmed().isEmpty())
                        v = f.argument;
                } else if (f.name == QLatin1String("upper")) {
                    v = v.toUpper();
                } else if (f.name == QLatin1String("lower")) {
                    v = v.toLower();
                } else if (f.name == QLatin1String("capitalize") && !v.isEmpty()) {
                    v = v.left(1).toUpper() + v.mid(1);
                }
            }
            out += escapeFor(v, escaping);
            break;
        }
        case Part::If: {
            const bool t = active.last() && test(p.condition, context);
            taken << t;
            active << t;
            break;
        }
        case Part::Else:
            active.last() = active.at(active.size() - 2) && !taken.last();
            break;
        case Part::EndIf:
            taken.removeLast();
            active.removeLast();
            break;
        }
    }
    return out;
}

QString MergeTemplate::marker(int index)
{
    return QStringLiteral("MZQ%1QZM").arg(index);
}

QString MergeTemplate::markedSource() const
{
    QString out;
    for (int i = 0; i < m_parts.size(); ++i)
        out += m_parts.at(i).kind == Part::Text ? m_parts.at(i).text : marker(i);
    return out;
}

MergeTemplate MergeTemplate::withMarkedText(const QString &transformed) const
{
    MergeTemplate t;
    t.m_errors = m_errors;
    static const QRegularExpression re(QStringLiteral("MZQ(\\d+)QZM"));
    qsizetype at = 0;
    int expected = 0;
    auto nextTag = [&](int from) {
        for (int i = from; i < m_parts.size(); ++i)
            if (m_parts.at(i).kind != Part::Text)
                return i;
        return int(m_parts.size());
    };
    expected = nextTag(0);
    auto it = re.globalMatch(transformed);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() > at)
            t.m_parts.append(
                {Part::Text, transformed.mid(at, m.capturedStart() - at), {}, {}, {}, 0, 0});
        const int index = m.captured(1).toInt();
        if (index != expected) {
            t.m_errors.append({0, 0,
                               tr("the formatting moved a merge tag; simplify the text "
                                  "around it")});
            return t;
        }
        t.m_parts.append(m_parts.at(index));
        expected = nextTag(index + 1);
        at = m.capturedEnd();
    }
    if (expected != m_parts.size()) {
        const Part &lost = m_parts.at(expected);
        t.m_errors.append({lost.line, lost.column,
                           tr("this merge tag cannot be placed here (inside a code block or a "
                              "link address?)")});
        return t;
    }
    if (at < transformed.size())
        t.m_parts.append({Part::Text, transformed.mid(at), {}, {}, {}, 0, 0});
    return t;
}

} // namespace masir
