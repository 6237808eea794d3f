#pragma once

#include "segments/SegmentCompiler.h"
#include "segments/SegmentRule.h"

#include <QWidget>

#include <memory>

namespace masir {
class Database;
}

namespace masir::ui {

class RuleGroupWidget;
struct RuleBuilderContext;

/// The segment rule builder: nested groups of condition rows, each row a
/// subject (a field, tags, activity or another segment), an operator and a value
/// editor that fits the type. Date values use the user's calendar (Jalali in
/// Persian). Rows can be reordered and removed; changed() follows every edit.
class RuleBuilder final : public QWidget
{
    Q_OBJECT

public:
    explicit RuleBuilder(const Database &db, QWidget *parent = nullptr);
    ~RuleBuilder() override;

    void setRule(const SegmentRule &rule);
    SegmentRule rule() const;

    /// The segments a condition may refer to (the one being edited left out).
    void setSegmentNames(const QStringList &names);
    /// Re-reads fields and tags (after the user added a custom field).
    void reloadChoices();

    /// When the errors come: while the user types (the live count), a condition
    /// whose value is still empty says nothing yet; on saving, everything shows.
    enum class When
    {
        Typing,
        Saving
    };
    /// Shows each error under the condition its path names; clears the others.
    void showErrors(const QList<SegmentError> &errors, When when = When::Saving);
    void clearErrors();

    /// Appends an empty condition to the outermost group and focuses it.
    void addCondition();
    RuleGroupWidget *rootGroup() const { return m_root; }

Q_SIGNALS:
    void changed();

private:
    std::shared_ptr<RuleBuilderContext> m_context;
    RuleGroupWidget *m_root = nullptr;
    bool m_loading = false;
};

} // namespace masir::ui
