#pragma once

#include "contacts/ContactQuery.h"
#include "segments/SegmentCompiler.h"
#include "segments/SegmentRule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace masir {

class Database;

struct Segment
{
    qint64 id = 0;
    QString name;
    bool isStatic = false; ///< a list: members added by hand, by an import or a selection
    bool isPublic = false; ///< a list contacts may join or leave on the preference page
    SegmentRule rule;      ///< for rule segments
    QDateTime createdAt;
    QDateTime updatedAt;
};

/// A matching contact, for the builder's preview.
struct SegmentPreviewRow
{
    qint64 id = 0;
    QString name;
    QString email;
    QString phone;
};

/// Saved segments and static lists, their counts and members.
class SegmentRepository final
{
    Q_DECLARE_TR_FUNCTIONS(masir::SegmentRepository)

public:
    explicit SegmentRepository(const Database &db, SegmentContext context = SegmentContext());

    QList<Segment> list() const;
    std::optional<Segment> find(qint64 id) const;
    std::optional<Segment> findByName(const QString &name) const;

    /// Creates (id 0) or updates a segment; the name must be unique, and a rule
    /// must compile. Sets \a segment.id.
    bool save(Segment &segment);
    bool remove(qint64 id);

    /// The contacts a rule matches, as a condition on "contacts" (see SegmentCompiler).
    CompiledSegment compile(const SegmentRule &rule) const;
    /// The condition for a saved segment: its rule, or its member list.
    CompiledSegment filter(qint64 segmentId) const;
    /// filter() for the contact list: a segment that cannot be read (deleted,
    /// or a rule that no longer compiles) selects nobody. 0: everyone.
    ContactFilter contactFilter(qint64 segmentId) const;

    /// How many contacts match; nullopt with errorString() on a bad rule.
    std::optional<qint64> count(const SegmentRule &rule) const;
    std::optional<qint64> count(qint64 segmentId) const;
    QList<SegmentPreviewRow> preview(const SegmentRule &rule, int limit = 20) const;

    /// Stores who matches a rule segment now (what journeys' "entered segment"
    /// triggers compare with); returns the member count.
    std::optional<qint64> materialize(qint64 segmentId);

    /// Static lists: add or remove contacts; returns how many changed.
    qint64 addMembers(qint64 segmentId, const QList<qint64> &contactIds);
    qint64 removeMembers(qint64 segmentId, const QList<qint64> &contactIds);
    /// Puts a contact in a list or takes it out, inside the caller's transaction.
    bool setMember(qint64 listId, qint64 contactId, bool member, qint64 atMs);
    /// A static list by name, created if missing; 0 if the name is a rule segment.
    qint64 ensureList(const QString &name);

    QString errorString() const { return m_error; }

private:
    std::optional<qint64> countWhere(const CompiledSegment &c) const;

    const Database &m_db;
    SegmentContext m_context;
    mutable QString m_error;
};

} // namespace masir
