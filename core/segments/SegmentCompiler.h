#pragma once

#include "segments/SegmentRule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <QTimeZone>
#include <QVariantList>

namespace masir {

class Database;

/// A problem with one condition; path is "2" or "4.1" (1-based, as shown).
struct SegmentError
{
    QString path;
    QString message;
};

/// A rule as SQL: a condition on the contacts table and its bound values.
struct CompiledSegment
{
    QString where; ///< a boolean expression over "contacts" (no WHERE keyword)
    QVariantList binds;
    QList<SegmentError> errors;
    bool ok() const { return errors.isEmpty(); }
    /// All errors, one per line, for a message box or stderr.
    QString errorText() const;
};

/// What "today" means: the clock (injectable for tests) and the workspace's time
/// zone and first day of the week.
struct SegmentContext
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    QTimeZone zone = QTimeZone::systemTimeZone();
    Qt::DayOfWeek firstDayOfWeek = Qt::Monday;
};

/// Compiles a SegmentRule into one SQL expression. Every value the user typed is
/// a bound parameter; field names come from SegmentFields only. Dates relative to
/// "today" are computed here from the context's clock and time zone.
class SegmentCompiler final
{
    Q_DECLARE_TR_FUNCTIONS(masir::SegmentCompiler)

public:
    using Context = SegmentContext;

    explicit SegmentCompiler(const Database &db, Context context = Context());

    CompiledSegment compile(const SegmentRule &rule) const;

    /// "SELECT count(*)" over the rule, ready to prepare with its binds.
    static QString countSql(const CompiledSegment &c);
    /// "SELECT contacts.id" of every match, ready to prepare with its binds.
    static QString idsSql(const CompiledSegment &c);

private:
    struct State;
    QString node(const SegmentNode &n, const QString &path, State &st) const;
    QString fieldCondition(const SegmentNode &n, const QString &path, State &st) const;
    QString tagCondition(const SegmentNode &n, const QString &path, State &st) const;
    QString eventCondition(const SegmentNode &n, const QString &path, State &st) const;
    QString segmentCondition(const SegmentNode &n, const QString &path, State &st) const;
    QString journeyCondition(const SegmentNode &n, const QString &path, State &st) const;

    const Database &m_db;
    Context m_ctx;
};

} // namespace masir
