#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace masir {

class Database;

/// A problem in a template, at a 1-based line and column of its source.
struct TemplateError
{
    int line = 0;
    int column = 0;
    QString message;
    /// "3:14: unknown merge tag {{frist_name}}"
    QString toString() const;
};

/// How values are escaped where they are merged.
enum class Escaping
{
    Html,   ///< &, <, >, " and ' become entities
    Text,   ///< as they are
    Header, ///< line breaks become spaces (no header injection)
};

/// The names a template may use: the standard ones and the workspace's custom
/// fields (as "custom.key").
class MergeVocabulary final
{
    Q_DECLARE_TR_FUNCTIONS(masir::MergeVocabulary)

public:
    MergeVocabulary();
    explicit MergeVocabulary(const QStringList &customFieldKeys);
    /// The standard names and the workspace's custom fields.
    static MergeVocabulary of(const Database &db);

    bool contains(const QString &name) const;
    /// Standard names, then custom ones, for the editor's "insert merge tag" menu.
    QStringList names() const;
    static QString label(const QString &name);
    static QStringList standardNames();

private:
    QSet<QString> m_names;
    QStringList m_custom;
};

/// What a template is merged with.
class MergeContext
{
public:
    virtual ~MergeContext() = default;
    /// The value of a vocabulary name; empty when the contact has none.
    virtual QString value(const QString &name) const = 0;
    virtual bool hasTag(const QString &tag) const = 0;
};

/// Our merge-tag language, parsed once and checked before anything is sent:
///
///   {{first_name}}  {{first_name|default:"friend"}}  {{custom.city|upper}}
///   {% if tag "vip" %}...{% else %}...{% endif %}
///   {% if first_name %}, {% if not tag "x" %}, {% if stage == "customer" %}
///
/// An unknown name, filter or block, or a tag left open, is an error at its
/// line and column; a template with errors never renders.
class MergeTemplate final
{
    Q_DECLARE_TR_FUNCTIONS(masir::MergeTemplate)

public:
    MergeTemplate() = default;
    static MergeTemplate parse(const QString &source, const MergeVocabulary &vocabulary);

    bool isValid() const { return m_errors.isEmpty(); }
    const QList<TemplateError> &errors() const { return m_errors; }
    /// Every name the template reads.
    QStringList names() const;

    QString render(const MergeContext &context, Escaping escaping) const;

    /// For text that is transformed before merging (Markdown to HTML): the
    /// source with every merge tag replaced by an inert alphanumeric marker...
    QString markedSource() const;
    /// ...and the transformed text turned back into a template whose text
    /// parts are the transformed ones and whose tags are ours. Markers the
    /// transformation lost or duplicated make an error.
    MergeTemplate withMarkedText(const QString &transformed) const;

private:
    struct Filter
    {
        QString name;
        QString argument;
    };
    struct Condition
    {
        bool negate = false;
        QString tag;   ///< when not empty: "has this tag"
        QString name;  ///< otherwise a name: non-empty, or compared
        QString op;    ///< "", "==" or "!="
        QString value; ///< compared with
    };
    struct Part
    {
        enum Kind
        {
            Text,
            Value,
            If,
            Else,
            EndIf,
        };
        Kind kind = Text;
        QString text; ///< Text
        QString name; ///< Value
        QList<Filter> filters;
        Condition condition; ///< If
        int line = 0;
        int column = 0;
    };

    bool test(const Condition &c, const MergeContext &context) const;
    static QString marker(int index);

    QList<Part> m_parts;
    QList<TemplateError> m_errors;
};

} // namespace masir
