#include "segments/RuleBuilder.h"

#include "common/ValueParsers.h"
#include "contacts/TagRepository.h"
#include "journeys/JourneyRepository.h"
#include "widgets/DateEdit.h"
#include "widgets/MessageLabel.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>

namespace masir::ui {

/// What every row of one builder shares: the fields, tags and segments offered,
/// and how to tell the builder that something changed.
struct RuleBuilderContext
{
    const Database &db;
    QList<SegmentFields::Field> fields;
    QStringList tags;
    QStringList segments;
    QStringList journeys;
    std::function<void()> changed;

    std::optional<SegmentFields::Field> field(const QString &key) const
    {
        for (const SegmentFields::Field &f : fields) {
            if (f.key == key)
                return f;
        }
        return std::nullopt;
    }
};

namespace {

const QString kSubjectTag = QStringLiteral("tag");
const QString kSubjectEvent = QStringLiteral("event");
const QString kSubjectSegment = QStringLiteral("segment");
const QString kSubjectJourney = QStringLiteral("journey");
const QString kFieldPrefix = QStringLiteral("field:");

QToolButton *smallButton(const QString &text, const QString &tip)
{
    auto *b = new QToolButton;
    b->setText(text);
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    b->setAutoRaise(true);
    return b;
}

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,،;]"))))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

QString textOf(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    return v.toString();
}

QString joinList(const QJsonValue &v)
{
    if (!v.isArray())
        return textOf(v);
    QStringList parts;
    for (const QJsonValue &item : v.toArray())
        parts << textOf(item);
    return parts.join(QStringLiteral(", "));
}

} // namespace

class RuleGroupWidget;

/// One condition: subject, operator, value, and for activity its count, period
/// and property filter.
class RuleConditionRow final : public QFrame
{
public:
    RuleConditionRow(std::shared_ptr<RuleBuilderContext> ctx, RuleGroupWidget *group);

    void setNode(const SegmentNode &node);
    SegmentNode node() const;
    void setError(const QString &message);
    void reloadChoices();
    /// Nothing entered as the value yet (a condition just added).
    bool valueIsEmpty() const;

    QComboBox *subjectBox() const { return m_subject; }
    QComboBox *operatorBox() const { return m_op; }
    QWidget *valueArea() const { return m_valueArea; }

    RuleGroupWidget *group() const { return m_group; }

private:
    QString subject() const { return m_subject->currentData().toString(); }
    void fillSubjects();
    void subjectChanged();
    void operatorChanged();
    void buildValueEditor(const QJsonValue &value);

    std::shared_ptr<RuleBuilderContext> m_ctx;
    RuleGroupWidget *m_group;
    QComboBox *m_subject = nullptr;
    QComboBox *m_op = nullptr;
    QWidget *m_valueArea = nullptr;
    QHBoxLayout *m_valueLayout = nullptr;
    std::function<QJsonValue()> m_readValue;
    QWidget *m_eventLine = nullptr;
    QComboBox *m_eventType = nullptr;
    QSpinBox *m_times = nullptr;
    QSpinBox *m_days = nullptr;
    QLineEdit *m_filterProperty = nullptr;
    QComboBox *m_filterOp = nullptr;
    QLineEdit *m_filterValue = nullptr;
    QJsonArray m_moreFilters; ///< filters beyond the first, kept as they came
    MessageLabel *m_error = nullptr;
};

/// A group of conditions and groups joined by AND (all) or OR (any).
class RuleGroupWidget final : public QFrame
{
public:
    RuleGroupWidget(std::shared_ptr<RuleBuilderContext> ctx, RuleGroupWidget *parentGroup);

    void setNode(const SegmentNode &node);
    SegmentNode node() const;

    RuleConditionRow *addCondition(const SegmentNode *node = nullptr);
    RuleGroupWidget *addGroup(const SegmentNode *node = nullptr);
    void removeChild(QWidget *child);
    void moveChild(QWidget *child, int delta);
    QList<QWidget *> children() const { return m_children; }
    QComboBox *matchBox() const { return m_match; }

    /// Calls \a f(row, path) for every condition, depth first.
    void forEachCondition(const QString &prefix,
                          const std::function<void(RuleConditionRow *, const QString &)> &f) const;
    void reloadChoices();

private:
    void insertChild(QWidget *child);
    void updateEmptyHint();

    std::shared_ptr<RuleBuilderContext> m_ctx;
    RuleGroupWidget *m_parentGroup;
    QComboBox *m_match = nullptr;
    QVBoxLayout *m_childLayout = nullptr;
    QLabel *m_emptyHint = nullptr;
    QList<QWidget *> m_children;
};

// --- condition row -------------------------------------------------------------

RuleConditionRow::RuleConditionRow(std::shared_ptr<RuleBuilderContext> ctx, RuleGroupWidget *group)
    : m_ctx(std::move(ctx))
    , m_group(group)
{
    setObjectName(QStringLiteral("ruleCondition"));
    m_subject = new QComboBox;
    m_subject->setAccessibleName(RuleBuilder::tr("Condition subject"));
    m_subject->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_op = new QComboBox;
    m_op->setAccessibleName(RuleBuilder::tr("Operator"));
    m_op->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_valueArea = new QWidget;
    m_valueLayout = new QHBoxLayout(m_valueArea);
    m_valueLayout->setContentsMargins(0, 0, 0, 0);

    auto *up = smallButton(QStringLiteral("↑"), RuleBuilder::tr("Move the condition up"));
    auto *down = smallButton(QStringLiteral("↓"), RuleBuilder::tr("Move the condition down"));
    auto *remove = smallButton(QStringLiteral("✕"), RuleBuilder::tr("Remove the condition"));
    connect(up, &QToolButton::clicked, this, [this] { m_group->moveChild(this, -1); });
    connect(down, &QToolButton::clicked, this, [this] { m_group->moveChild(this, +1); });
    connect(remove, &QToolButton::clicked, this, [this] { m_group->removeChild(this); });

    auto *line = new QHBoxLayout;
    line->setContentsMargins(0, 0, 0, 0);
    line->addWidget(m_subject);
    line->addWidget(m_op);
    line->addWidget(m_valueArea, 1);
    line->addWidget(up);
    line->addWidget(down);
    line->addWidget(remove);

    // Activity: how often, how recently, and one property filter.
    m_eventLine = new QWidget;
    auto *ev = new QHBoxLayout(m_eventLine);
    ev->setContentsMargins(16, 0, 0, 0);
    m_eventType = new QComboBox;
    m_eventType->setEditable(true);
    m_eventType->setAccessibleName(RuleBuilder::tr("Activity"));
    m_eventType->setToolTip(RuleBuilder::tr("Pick an activity, or type the name of a custom "
                                            "event your shop sends"));
    for (const auto &[key, label] : SegmentFields::eventTypes())
        m_eventType->addItem(label, key);
    m_times = new QSpinBox;
    m_times->setRange(1, 100000);
    m_times->setPrefix(RuleBuilder::tr("at least "));
    m_times->setSuffix(RuleBuilder::tr(" time(s)"));
    m_times->setAccessibleName(RuleBuilder::tr("At least this many times"));
    m_days = new QSpinBox;
    m_days->setRange(0, 36500);
    m_days->setSpecialValueText(RuleBuilder::tr("ever"));
    m_days->setPrefix(RuleBuilder::tr("in the last "));
    m_days->setSuffix(RuleBuilder::tr(" days"));
    m_days->setAccessibleName(RuleBuilder::tr("In the last this many days"));
    m_filterProperty = new QLineEdit;
    m_filterProperty->setPlaceholderText(RuleBuilder::tr("property, e.g. amount"));
    m_filterProperty->setAccessibleName(RuleBuilder::tr("Property"));
    m_filterOp = new QComboBox;
    m_filterOp->setAccessibleName(RuleBuilder::tr("Property operator"));
    for (const QString &op : SegmentFields::eventFilterOperators())
        m_filterOp->addItem(SegmentFields::operatorLabel(op), op);
    m_filterValue = new QLineEdit;
    m_filterValue->setPlaceholderText(RuleBuilder::tr("value"));
    m_filterValue->setAccessibleName(RuleBuilder::tr("Property value"));
    ev->addWidget(m_eventType, 2);
    ev->addWidget(m_times);
    ev->addWidget(m_days);
    ev->addWidget(new QLabel(RuleBuilder::tr("where")));
    ev->addWidget(m_filterProperty, 1);
    ev->addWidget(m_filterOp);
    ev->addWidget(m_filterValue, 1);

    m_error = new MessageLabel(MessageLabel::Kind::Error);
    m_error->setObjectName(QStringLiteral("conditionError"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    layout->addLayout(line);
    layout->addWidget(m_eventLine);
    layout->addWidget(m_error);

    fillSubjects();
    connect(m_subject, &QComboBox::currentIndexChanged, this, [this] {
        subjectChanged();
        m_ctx->changed();
    });
    connect(m_op, &QComboBox::currentIndexChanged, this, [this] {
        operatorChanged();
        m_ctx->changed();
    });
    auto changed = [this] { m_ctx->changed(); };
    connect(m_eventType, &QComboBox::currentTextChanged, this, changed);
    connect(m_times, &QSpinBox::valueChanged, this, changed);
    connect(m_days, &QSpinBox::valueChanged, this, changed);
    connect(m_filterProperty, &QLineEdit::textChanged, this, changed);
    connect(m_filterOp, &QComboBox::currentIndexChanged, this, changed);
    connect(m_filterValue, &QLineEdit::textChanged, this, changed);
    subjectChanged();
}

void RuleConditionRow::fillSubjects()
{
    const QSignalBlocker block(m_subject);
    const QString current = subject();
    m_subject->clear();
    for (const SegmentFields::Field &f : m_ctx->fields)
        m_subject->addItem(f.label, QString(kFieldPrefix + f.key));
    m_subject->insertSeparator(m_subject->count());
    m_subject->addItem(RuleBuilder::tr("Tags"), kSubjectTag);
    m_subject->addItem(RuleBuilder::tr("Activity"), kSubjectEvent);
    m_subject->addItem(RuleBuilder::tr("Segment or list"), kSubjectSegment);
    m_subject->addItem(RuleBuilder::tr("Journey"), kSubjectJourney);
    const int at = m_subject->findData(current);
    m_subject->setCurrentIndex(at >= 0 ? at : 0);
}

void RuleConditionRow::reloadChoices()
{
    const SegmentNode keep = node();
    fillSubjects();
    setNode(keep);
}

void RuleConditionRow::subjectChanged()
{
    const QString s = subject();
    QStringList ops;
    if (s == kSubjectTag) {
        ops = SegmentFields::tagOperators();
    } else if (s == kSubjectEvent) {
        ops = SegmentFields::eventOperators();
    } else if (s == kSubjectSegment || s == kSubjectJourney) {
        ops = SegmentFields::segmentOperators();
    } else if (const auto f = m_ctx->field(s.mid(kFieldPrefix.size()))) {
        ops = SegmentFields::operators(f->type);
    }
    {
        const QSignalBlocker block(m_op);
        const QString previous = m_op->currentData().toString();
        m_op->clear();
        const bool membership = s == kSubjectSegment || s == kSubjectJourney;
        for (const QString &op : ops)
            m_op->addItem(membership && op == QLatin1String("in")
                              ? RuleBuilder::tr("is in")
                              : SegmentFields::operatorLabel(op),
                          op);
        const int at = m_op->findData(previous);
        m_op->setCurrentIndex(at >= 0 ? at : 0);
    }
    m_eventLine->setVisible(s == kSubjectEvent);
    operatorChanged();
}

void RuleConditionRow::operatorChanged()
{
    // Keep what the user typed when the new operator takes the same kind of value.
    buildValueEditor(m_readValue ? m_readValue() : QJsonValue());
}

void RuleConditionRow::buildValueEditor(const QJsonValue &value)
{
    while (QLayoutItem *item = m_valueLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_readValue = nullptr;
    const QString s = subject();
    const QString op = m_op->currentData().toString();
    const int operands = SegmentFields::operandCount(op);
    auto changed = [this] { m_ctx->changed(); };

    auto lineEdit = [&](const QString &text, const QString &placeholder) {
        auto *edit = new QLineEdit(text);
        edit->setPlaceholderText(placeholder);
        edit->setAccessibleName(RuleBuilder::tr("Value"));
        connect(edit, &QLineEdit::textChanged, this, changed);
        m_valueLayout->addWidget(edit, 1);
        return edit;
    };

    if (s == kSubjectSegment || s == kSubjectJourney) {
        auto *box = new QComboBox;
        box->setAccessibleName(s == kSubjectSegment ? RuleBuilder::tr("Segment")
                                                    : RuleBuilder::tr("Journey"));
        box->addItems(s == kSubjectSegment ? m_ctx->segments : m_ctx->journeys);
        const int at = box->findText(value.toString());
        if (at >= 0)
            box->setCurrentIndex(at);
        else if (!value.toString().isEmpty())
            box->setCurrentText(value.toString());
        connect(box, &QComboBox::currentIndexChanged, this, changed);
        m_valueLayout->addWidget(box, 1);
        m_readValue = [box] { return QJsonValue(box->currentText()); };
        return;
    }
    if (operands == 0)
        return;
    if (s == kSubjectTag) {
        auto *edit = lineEdit(joinList(value), RuleBuilder::tr("tags, separated by commas"));
        auto *completer = new QCompleter(m_ctx->tags, edit);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        edit->setCompleter(completer);
        m_readValue = [edit] {
            return QJsonValue(QJsonArray::fromStringList(splitList(edit->text())));
        };
        return;
    }
    const auto field = m_ctx->field(s.mid(kFieldPrefix.size()));
    if (!field)
        return;
    using Type = SegmentFields::Type;
    if (field->type == Type::Choice) {
        // A drop-down of checkable choices; the button shows what is picked.
        auto *button = new QToolButton;
        button->setPopupMode(QToolButton::InstantPopup);
        button->setAccessibleName(RuleBuilder::tr("Values"));
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        auto *menu = new QMenu(button);
        QStringList picked;
        for (const QJsonValue &v : value.toArray())
            picked << v.toString();
        for (qsizetype i = 0; i < field->choices.size(); ++i) {
            QAction *a = menu->addAction(field->choiceLabels.value(i, field->choices.at(i)));
            a->setCheckable(true);
            a->setData(field->choices.at(i));
            a->setChecked(picked.contains(field->choices.at(i)));
        }
        auto refresh = [button, menu] {
            QStringList labels;
            for (QAction *a : menu->actions())
                if (a->isChecked())
                    labels << a->text();
            button->setText(labels.isEmpty() ? RuleBuilder::tr("choose…")
                                             : labels.join(QStringLiteral(", ")));
        };
        for (QAction *a : menu->actions())
            connect(a, &QAction::toggled, this, [refresh, changed] {
                refresh();
                changed();
            });
        button->setMenu(menu);
        refresh();
        m_valueLayout->addWidget(button, 1);
        m_readValue = [menu] {
            QJsonArray out;
            for (QAction *a : menu->actions())
                if (a->isChecked())
                    out.append(a->data().toString());
            return QJsonValue(out);
        };
        return;
    }
    if (field->type == Type::Date || field->type == Type::DateTime) {
        if (op == QLatin1String("before") || op == QLatin1String("after") ||
            op == QLatin1String("on")) {
            auto *edit = makeDateEdit();
            edit->setAccessibleName(RuleBuilder::tr("Date"));
            auto d = ValueParsers::parseDate(value.toString(), ValueParsers::DateMode::Auto);
            edit->setDate(d && d->isValid() ? *d : QDate::currentDate());
            connect(edit, &QDateEdit::dateChanged, this, changed);
            m_valueLayout->addWidget(edit);
            m_valueLayout->addStretch(1);
            m_readValue = [edit] { return QJsonValue(edit->date().toString(Qt::ISODate)); };
            return;
        }
        auto *days = new QSpinBox;
        days->setRange(0, 36500);
        days->setSuffix(RuleBuilder::tr(" days"));
        days->setAccessibleName(RuleBuilder::tr("Number of days"));
        days->setValue(value.isDouble() ? value.toInt() : 7);
        connect(days, &QSpinBox::valueChanged, this, changed);
        m_valueLayout->addWidget(days);
        m_valueLayout->addStretch(1);
        m_readValue = [days] { return QJsonValue(days->value()); };
        return;
    }
    if (operands == 2) {
        const QJsonArray pair = value.toArray();
        auto *from = lineEdit(textOf(pair.at(0)), RuleBuilder::tr("from"));
        m_valueLayout->addWidget(new QLabel(RuleBuilder::tr("and")));
        auto *to = lineEdit(textOf(pair.at(1)), RuleBuilder::tr("to"));
        m_readValue = [from, to] {
            return QJsonValue(QJsonArray{from->text().trimmed(), to->text().trimmed()});
        };
        return;
    }
    if (operands < 0) {
        auto *edit = lineEdit(joinList(value), RuleBuilder::tr("values, separated by commas"));
        m_readValue = [edit] {
            return QJsonValue(QJsonArray::fromStringList(splitList(edit->text())));
        };
        return;
    }
    auto *edit = lineEdit(value.isArray() ? QString() : textOf(value),
                          field->type == Type::Number ? RuleBuilder::tr("a number")
                                                      : RuleBuilder::tr("text"));
    m_readValue = [edit] { return QJsonValue(edit->text()); };
}

void RuleConditionRow::setNode(const SegmentNode &n)
{
    const QString key = n.kind == QLatin1String("field") ? kFieldPrefix + n.field : n.kind;
    int at = m_subject->findData(key);
    if (at < 0 && n.kind == QLatin1String("field")) {
        // a field that no longer exists: keep it visible so the error names it
        m_subject->addItem(n.field, key);
        at = m_subject->count() - 1;
    }
    {
        const QSignalBlocker block(m_subject);
        m_subject->setCurrentIndex(std::max(at, 0));
    }
    m_readValue = nullptr;
    subjectChanged();
    {
        const QSignalBlocker block(m_op);
        const int opAt = m_op->findData(n.op);
        if (opAt >= 0)
            m_op->setCurrentIndex(opAt);
    }
    buildValueEditor(n.value);
    if (n.kind == kSubjectEvent) {
        const int typeAt = m_eventType->findData(n.event);
        if (typeAt >= 0)
            m_eventType->setCurrentIndex(typeAt);
        else
            m_eventType->setCurrentText(n.event);
        m_times->setValue(n.times);
        m_days->setValue(n.days);
        const QJsonObject first =
            n.filters.isEmpty() ? QJsonObject() : n.filters.first().toObject();
        m_filterProperty->setText(first.value(QStringLiteral("property")).toString());
        const int fop = m_filterOp->findData(first.value(QStringLiteral("op")).toString());
        m_filterOp->setCurrentIndex(std::max(fop, 0));
        m_filterValue->setText(textOf(first.value(QStringLiteral("value"))));
        m_moreFilters = n.filters;
        if (!m_moreFilters.isEmpty())
            m_moreFilters.removeFirst();
    }
}

SegmentNode RuleConditionRow::node() const
{
    const QString s = subject();
    SegmentNode n = SegmentNode::condition(
        s.startsWith(kFieldPrefix) ? QStringLiteral("field") : s,
        s.startsWith(kFieldPrefix) ? s.mid(kFieldPrefix.size()) : QString(),
        m_op->currentData().toString(), m_readValue ? m_readValue() : QJsonValue());
    if (s == kSubjectEvent) {
        // a known activity by its key, anything else as typed
        const int at = m_eventType->findText(m_eventType->currentText());
        n.event =
            at >= 0 ? m_eventType->itemData(at).toString() : m_eventType->currentText().trimmed();
        n.times = m_times->value();
        n.days = m_days->value();
        QJsonArray filters;
        if (!m_filterProperty->text().trimmed().isEmpty()) {
            filters.append(
                QJsonObject{{QStringLiteral("property"), m_filterProperty->text().trimmed()},
                            {QStringLiteral("op"), m_filterOp->currentData().toString()},
                            {QStringLiteral("value"), m_filterValue->text().trimmed()}});
        }
        for (const QJsonValue &f : m_moreFilters)
            filters.append(f);
        n.filters = filters;
    }
    return n;
}

bool RuleConditionRow::valueIsEmpty() const
{
    const QJsonValue v = m_readValue ? m_readValue() : QJsonValue();
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()) ||
           (v.isArray() && v.toArray().isEmpty());
}

void RuleConditionRow::setError(const QString &message)
{
    m_error->showMessage(message);
    setFrameShape(message.isEmpty() ? QFrame::NoFrame : QFrame::Box);
}

// --- group -----------------------------------------------------------------------

RuleGroupWidget::RuleGroupWidget(std::shared_ptr<RuleBuilderContext> ctx,
                                 RuleGroupWidget *parentGroup)
    : m_ctx(std::move(ctx))
    , m_parentGroup(parentGroup)
{
    setObjectName(QStringLiteral("ruleGroup"));
    if (m_parentGroup)
        setFrameShape(QFrame::StyledPanel);
    m_match = new QComboBox;
    m_match->setAccessibleName(RuleBuilder::tr("Match"));
    m_match->addItem(RuleBuilder::tr("Match all of these conditions"), false);
    m_match->addItem(RuleBuilder::tr("Match any of these conditions"), true);
    connect(m_match, &QComboBox::currentIndexChanged, this, [this] { m_ctx->changed(); });

    auto *header = new QHBoxLayout;
    header->addWidget(m_match);
    header->addStretch(1);
    if (m_parentGroup) {
        auto *up = smallButton(QStringLiteral("↑"), RuleBuilder::tr("Move the group up"));
        auto *down = smallButton(QStringLiteral("↓"), RuleBuilder::tr("Move the group down"));
        auto *remove = smallButton(QStringLiteral("✕"), RuleBuilder::tr("Remove the group"));
        connect(up, &QToolButton::clicked, this, [this] { m_parentGroup->moveChild(this, -1); });
        connect(down, &QToolButton::clicked, this, [this] { m_parentGroup->moveChild(this, +1); });
        connect(remove, &QToolButton::clicked, this, [this] { m_parentGroup->removeChild(this); });
        header->addWidget(up);
        header->addWidget(down);
        header->addWidget(remove);
    }

    m_childLayout = new QVBoxLayout;
    m_childLayout->setSpacing(4);
    m_emptyHint = new QLabel(RuleBuilder::tr("No conditions yet: every contact matches."));
    m_emptyHint->setEnabled(false);
    m_childLayout->addWidget(m_emptyHint);

    auto *addCondition = new QToolButton;
    addCondition->setObjectName(QStringLiteral("addCondition"));
    addCondition->setText(RuleBuilder::tr("+ Condition"));
    addCondition->setToolTip(RuleBuilder::tr("Add a condition to this group"));
    auto *addGroup = new QToolButton;
    addGroup->setObjectName(QStringLiteral("addGroup"));
    addGroup->setText(RuleBuilder::tr("+ Group"));
    addGroup->setToolTip(RuleBuilder::tr("Add a group with its own all/any choice"));
    connect(addCondition, &QToolButton::clicked, this, [this] {
        RuleConditionRow *row = this->addCondition();
        row->subjectBox()->setFocus();
        m_ctx->changed();
    });
    connect(addGroup, &QToolButton::clicked, this, [this] {
        RuleGroupWidget *g = this->addGroup();
        g->addCondition();
        m_ctx->changed();
    });
    auto *footer = new QHBoxLayout;
    footer->addWidget(addCondition);
    footer->addWidget(addGroup);
    footer->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(m_parentGroup ? 8 : 0, 4, m_parentGroup ? 8 : 0, 4);
    layout->addLayout(header);
    layout->addLayout(m_childLayout);
    layout->addLayout(footer);
}

void RuleGroupWidget::insertChild(QWidget *child)
{
    m_children << child;
    m_childLayout->addWidget(child);
    child->show(); // at once, not on the next event loop pass
    updateEmptyHint();
}

RuleConditionRow *RuleGroupWidget::addCondition(const SegmentNode *n)
{
    auto *row = new RuleConditionRow(m_ctx, this);
    if (n)
        row->setNode(*n);
    insertChild(row);
    return row;
}

RuleGroupWidget *RuleGroupWidget::addGroup(const SegmentNode *n)
{
    auto *group = new RuleGroupWidget(m_ctx, this);
    if (n)
        group->setNode(*n);
    insertChild(group);
    return group;
}

void RuleGroupWidget::removeChild(QWidget *child)
{
    m_children.removeOne(child);
    child->deleteLater();
    child->hide();
    updateEmptyHint();
    m_ctx->changed();
}

void RuleGroupWidget::moveChild(QWidget *child, int delta)
{
    const qsizetype from = m_children.indexOf(child);
    const qsizetype to = from + delta;
    if (from < 0 || to < 0 || to >= m_children.size())
        return;
    m_children.move(from, to);
    m_childLayout->removeWidget(child);
    m_childLayout->insertWidget(int(to) + 1, child); // after the empty hint
    m_ctx->changed();
}

void RuleGroupWidget::updateEmptyHint()
{
    m_emptyHint->setVisible(m_children.isEmpty());
}

void RuleGroupWidget::setNode(const SegmentNode &n)
{
    for (QWidget *child : std::as_const(m_children))
        delete child;
    m_children.clear();
    m_match->setCurrentIndex(n.matchAny ? 1 : 0);
    for (const SegmentNode &child : n.children) {
        if (child.isGroup())
            addGroup(&child);
        else
            addCondition(&child);
    }
    updateEmptyHint();
}

SegmentNode RuleGroupWidget::node() const
{
    SegmentNode n = SegmentNode::group(m_match->currentData().toBool());
    for (QWidget *child : m_children) {
        if (auto *row = dynamic_cast<RuleConditionRow *>(child))
            n.children << row->node();
        else if (auto *group = dynamic_cast<RuleGroupWidget *>(child))
            n.children << group->node();
    }
    return n;
}

void RuleGroupWidget::forEachCondition(
    const QString &prefix, const std::function<void(RuleConditionRow *, const QString &)> &f) const
{
    for (qsizetype i = 0; i < m_children.size(); ++i) {
        const QString path = prefix + QString::number(i + 1);
        if (auto *row = dynamic_cast<RuleConditionRow *>(m_children.at(i)))
            f(row, path);
        else if (auto *group = dynamic_cast<RuleGroupWidget *>(m_children.at(i)))
            group->forEachCondition(path + QLatin1Char('.'), f);
    }
}

void RuleGroupWidget::reloadChoices()
{
    for (QWidget *child : std::as_const(m_children)) {
        if (auto *row = dynamic_cast<RuleConditionRow *>(child))
            row->reloadChoices();
        else if (auto *group = dynamic_cast<RuleGroupWidget *>(child))
            group->reloadChoices();
    }
}

// --- builder -----------------------------------------------------------------------

RuleBuilder::RuleBuilder(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_context(std::make_shared<RuleBuilderContext>(RuleBuilderContext{db, {}, {}, {}, {}, {}}))
{
    setObjectName(QStringLiteral("ruleBuilder"));
    m_context->changed = [this] {
        if (m_loading)
            return;
        clearErrors();
        Q_EMIT changed();
    };
    reloadChoices();
    m_root = new RuleGroupWidget(m_context, nullptr);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_root);
    layout->addStretch(1);
}

RuleBuilder::~RuleBuilder()
{
    m_context->changed = [] {}; // children are deleted after this object's members
}

void RuleBuilder::setRule(const SegmentRule &rule)
{
    m_loading = true;
    m_root->setNode(rule.root);
    m_loading = false;
    clearErrors();
}

SegmentRule RuleBuilder::rule() const
{
    SegmentRule r;
    r.root = m_root->node();
    return r;
}

void RuleBuilder::addCondition()
{
    m_root->addCondition()->subjectBox()->setFocus();
    m_context->changed();
}

void RuleBuilder::setSegmentNames(const QStringList &names)
{
    m_context->segments = names;
}

void RuleBuilder::reloadChoices()
{
    m_context->fields = SegmentFields::all(m_context->db);
    m_context->tags = TagRepository(m_context->db).names();
    m_context->journeys.clear();
    for (const Journey &j : JourneyRepository(m_context->db).list())
        m_context->journeys << j.name;
    if (m_root) {
        m_loading = true;
        m_root->reloadChoices();
        m_loading = false;
    }
}

void RuleBuilder::showErrors(const QList<SegmentError> &errors, When when)
{
    m_root->forEachCondition(QString(), [&](RuleConditionRow *row, const QString &path) {
        QStringList messages;
        for (const SegmentError &e : errors)
            if (e.path == path)
                messages << e.message;
        if (when == When::Typing && row->valueIsEmpty())
            messages.clear(); // not yet: the user has not got to the value
        row->setError(messages.join(QLatin1Char('\n')));
    });
}

void RuleBuilder::clearErrors()
{
    showErrors({});
}

} // namespace masir::ui
