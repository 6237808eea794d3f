#include "segments/SegmentsPage.h"
#include "widgets/EmptyState.h"
#include "widgets/Icons.h"
#include "widgets/SplitterMemory.h"

#include "i18n/Formatter.h"
#include "segments/RuleBuilder.h"
#include "segments/SegmentListModel.h"
#include "segments/SegmentLiveCount.h"
#include "widgets/ActionButton.h"
#include "widgets/EditorSession.h"
#include "widgets/Selection.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

/// What a list counts and previews: the contacts in it, as a rule.
SegmentRule membersOf(const QString &name)
{
    SegmentRule rule;
    rule.root.children << SegmentNode::condition(QStringLiteral("segment"), QString(),
                                                 QStringLiteral("in"), name);
    return rule;
}

} // namespace

SegmentsPage::SegmentsPage(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_repo(db)
{
    setObjectName(QStringLiteral("SegmentsPage"));

    m_newSegment = new QAction(Icons::icon(QStringLiteral("segments")), tr("New &Segment"), this);
    m_newSegment->setToolTip(tr("A segment is a live audience: contacts who match its rules"));
    connect(m_newSegment, &QAction::triggered, this, [this] { newSegment(false); });
    m_newList = new QAction(Icons::icon(QStringLiteral("list")), tr("New &List"), this);
    m_newList->setToolTip(tr("A list holds the contacts you put in it, by hand or from an import"));
    connect(m_newList, &QAction::triggered, this, [this] { newSegment(true); });
    m_duplicate = new QAction(Icons::icon(QStringLiteral("copy")), tr("D&uplicate"), this);
    connect(m_duplicate, &QAction::triggered, this, [this] {
        if (!m_session->maybeSave())
            return;
        Segment copy = m_current;
        copy.id = 0;
        copy.name = uniqueName(tr("%1 (copy)").arg(m_current.name));
        load(copy);
        m_session->setModified(true);
        m_name->setFocus();
        m_name->selectAll();
    });
    m_delete = new QAction(Icons::icon(QStringLiteral("delete")), tr("&Delete"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetShortcut);
    connect(m_delete, &QAction::triggered, this, &SegmentsPage::deleteCurrent);
    m_save = new QAction(Icons::icon(QStringLiteral("save")), tr("&Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_save, &QAction::triggered, this, &SegmentsPage::save);
    m_revert = new QAction(Icons::icon(QStringLiteral("undo")), tr("&Revert"), this);
    m_revert->setToolTip(tr("Go back to the saved version"));
    connect(m_revert, &QAction::triggered, this, [this] { m_session->revert(); });
    addAction(m_save);
    m_session = new EditorSession(this, {m_save, m_revert, m_duplicate, m_delete},
                                  {[this] { return save(); },
                                   [this] {
                                       if (const auto saved = m_repo.find(m_current.id))
                                           load(*saved);
                                   },
                                   [this] { return m_name->text(); }});
    connect(m_session, &EditorSession::stateChanged, this, &SegmentsPage::updateActions);
    connect(m_session, &EditorSession::stateChanged, this, &SegmentsPage::modifiedChanged);

    // Left: the saved segments and lists with their counts.
    m_model = new SegmentListModel(db, this);
    m_list = new QListView;
    m_list->setObjectName(QStringLiteral("segmentList"));
    m_list->setAccessibleName(tr("Segments and lists"));
    m_list->setModel(m_model);
    m_list->setSpacing(3); // a breath between the two-line items
    EmptyState::attach(
        m_list,
        [] { return tr("No segments yet: group contacts by what they are and what they did."); },
        m_newSegment);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->addAction(m_delete);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current, const QModelIndex &previous) {
                if (m_session->isLoading() || !current.isValid())
                    return;
                const qint64 id = current.data(SegmentListModel::IdRole).toLongLong();
                if (id == m_current.id)
                    return;
                if (!open(id))
                    showRow(m_list, previous.row());
            });
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 0, 8);
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(actionButton(m_newSegment));
    leftButtons->addWidget(actionButton(m_newList));
    leftButtons->addStretch(1);
    leftLayout->addLayout(leftButtons);
    leftLayout->addWidget(m_list, 1);

    // Right: the editor.
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("segmentName"));
    m_name->setAccessibleName(tr("Segment name"));
    m_name->setPlaceholderText(tr("Name"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_name->setFont(big);
    connect(m_name, &QLineEdit::textEdited, m_session, &EditorSession::edited);
    m_kindHint = new QLabel;
    m_kindHint->setWordWrap(true);
    m_kindHint->setEnabled(false);
    m_public = new QCheckBox(tr("Subscribers may join or leave this list on their &preference "
                                "page"));
    m_public->setObjectName(QStringLiteral("publicList"));
    m_public->setToolTip(tr("The preference page linked from every marketing email shows the "
                            "lists marked here as topics, by their name."));
    connect(m_public, &QCheckBox::toggled, m_session, &EditorSession::edited);

    m_builder = new RuleBuilder(db);
    connect(m_builder, &RuleBuilder::changed, this, [this] {
        m_session->edited();
        recount();
    });
    m_builderScroll = new QScrollArea;
    m_builderScroll->setWidgetResizable(true);
    m_builderScroll->setFrameShape(QFrame::NoFrame);
    m_builderScroll->setWidget(m_builder);

    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("segmentCount"));
    m_count->setAccessibleName(tr("Matching contacts"));
    QFont bold = m_count->font();
    bold.setBold(true);
    m_count->setFont(bold);
    m_live = new SegmentLiveCount(db, this);
    connect(m_live, &SegmentLiveCount::started, this,
            [this] { m_count->setText(tr("Counting…")); });
    connect(m_live, &SegmentLiveCount::counted, this,
            [this](qint64 count, const QList<SegmentPreviewRow> &rows, qint64 elapsedMs) {
                m_count->setText(tr("Matching contacts: %1").arg(Formatter::number(count)));
                m_count->setToolTip(tr("Counted in %1 ms").arg(Formatter::number(elapsedMs)));
                m_preview->setRowCount(int(rows.size()));
                for (int r = 0; r < rows.size(); ++r) {
                    const SegmentPreviewRow &row = rows.at(r);
                    const QStringList cells = {row.name, row.email, row.phone};
                    for (int c = 0; c < cells.size(); ++c) {
                        auto *item = new QTableWidgetItem(cells.at(c));
                        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
                        m_preview->setItem(r, c, item);
                    }
                }
                if (m_current.id && !m_session->isModified())
                    m_model->setCount(m_current.id, count);
            });
    connect(m_live, &SegmentLiveCount::failed, this, [this](const QList<SegmentError> &errors) {
        m_builder->showErrors(errors, RuleBuilder::When::Typing);
        QStringList general;
        for (const SegmentError &e : errors)
            if (e.path.isEmpty())
                general << e.message;
        m_count->setText(general.isEmpty() ? tr("Fix the conditions marked in red.")
                                           : general.join(QLatin1Char('\n')));
        m_preview->setRowCount(0);
    });

    m_preview = new QTableWidget(0, 3);
    m_preview->setObjectName(QStringLiteral("segmentPreview"));
    m_preview->setAccessibleName(tr("Preview of matching contacts"));
    m_preview->setHorizontalHeaderLabels({tr("Name"), tr("Email"), tr("Phone")});
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->verticalHeader()->hide();
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_showButton = new QPushButton(tr("Show in Contacts"));
    m_showButton->setToolTip(tr("Filter the contact list to this segment"));
    connect(m_showButton, &QPushButton::clicked, this, [this] {
        if (m_current.id != 0 && m_session->maybeSave())
            Q_EMIT showInContacts(m_current.id);
    });

    auto *buttons = new QHBoxLayout;
    auto *saveButton = new QPushButton(tr("Save"));
    saveButton->setObjectName(QStringLiteral("saveSegment"));
    saveButton->setToolTip(
        tr("Save (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    connect(saveButton, &QPushButton::clicked, m_save, &QAction::trigger);
    connect(m_save, &QAction::changed, saveButton,
            [this, saveButton] { saveButton->setEnabled(m_save->isEnabled()); });
    auto *revertButton = new QPushButton(tr("Revert"));
    connect(revertButton, &QPushButton::clicked, m_revert, &QAction::trigger);
    connect(m_revert, &QAction::changed, revertButton,
            [this, revertButton] { revertButton->setEnabled(m_revert->isEnabled()); });
    buttons->addWidget(saveButton);
    buttons->addWidget(revertButton);
    buttons->addWidget(actionButton(m_duplicate));
    buttons->addWidget(actionButton(m_delete));
    buttons->addStretch(1);
    buttons->addWidget(m_showButton);

    auto *editor = new QWidget;
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 8, 8, 8);
    editorLayout->addWidget(m_name);
    editorLayout->addWidget(m_kindHint);
    editorLayout->addWidget(m_public);
    editorLayout->addWidget(m_builderScroll, 3);
    editorLayout->addWidget(m_count);
    editorLayout->addWidget(m_preview, 2);
    editorLayout->addLayout(buttons);

    auto *empty = new QLabel(tr("Segments are live audiences: contacts who match rules on "
                                "their fields, tags and activity. Lists hold the contacts you "
                                "put in them.\n\nCreate one with New Segment or New List."));
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignCenter);
    empty->setMargin(24);

    m_editorStack = new QStackedWidget;
    m_editorStack->addWidget(empty);
    m_editorStack->addWidget(editor);

    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(m_editorStack);
    splitter->setStretchFactor(1, 1);
    rememberSplitter(splitter, QStringLiteral("segments"), {260, 800});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    reload();
    updateActions();
}

SegmentsPage::~SegmentsPage() = default;

void SegmentsPage::reload(qint64 selectId)
{
    {
        const EditorSession::Loading loading(*m_session);
        m_model->reload(); // and the counts, in the background
        showRow(m_list, m_model->rowOf(selectId ? selectId : m_current.id));
    }
    QStringList names = m_model->names();
    names.removeAll(m_current.name);
    m_builder->setSegmentNames(names);
    if (m_current.id == 0 && !m_session->isModified()) {
        // nothing open: the first segment, or the explanation when there is none
        if (m_model->rowCount() > 0)
            open(m_model->at(0).id);
        else
            m_editorStack->setCurrentIndex(0);
    }
    updateActions();
}

bool SegmentsPage::open(qint64 id)
{
    if (id == m_current.id && id != 0)
        return true;
    if (!m_session->maybeSave())
        return false;
    const auto segment = m_repo.find(id);
    if (!segment)
        return false;
    load(*segment);
    return true;
}

void SegmentsPage::load(const Segment &segment)
{
    const EditorSession::Loading loading(*m_session);
    m_current = segment;
    m_name->setText(segment.name);
    m_builder->reloadChoices();
    QStringList names = m_model->names();
    names.removeAll(segment.name);
    m_builder->setSegmentNames(names);
    m_builder->setRule(segment.rule);
    m_builderScroll->setVisible(!segment.isStatic);
    m_public->setVisible(segment.isStatic);
    m_public->setChecked(segment.isPublic);
    m_kindHint->setText(
        segment.isStatic
            ? tr("A list holds the contacts you put in it: select contacts in the contact "
                 "list and choose Add to List (Ctrl+L), or name the list in the import "
                 "wizard.")
            : tr("Contacts who match these conditions, now and as they change. The count "
                 "updates as you edit."));
    m_editorStack->setCurrentIndex(1);
    showRow(m_list, m_model->rowOf(segment.id));
    m_session->opened(segment.id);
    if (segment.isStatic)
        m_live->requestNow(segment.id ? membersOf(segment.name) : SegmentRule());
    else
        m_live->requestNow(segment.rule);
    if (segment.isStatic && segment.id == 0)
        m_count->setText(tr("Save the list, then add contacts to it."));
}

void SegmentsPage::newSegment(bool isStatic)
{
    if (!m_session->maybeSave())
        return;
    Segment s;
    s.isStatic = isStatic;
    s.name = uniqueName(isStatic ? tr("New list") : tr("New segment"));
    load(s);
    if (!isStatic)
        m_builder->addCondition();
    m_session->setModified(true);
    m_name->setFocus();
    m_name->selectAll();
}

QString SegmentsPage::uniqueName(const QString &base) const
{
    QString name = base;
    for (int n = 2; m_repo.findByName(name); ++n)
        name = tr("%1 %2").arg(base).arg(n);
    return name;
}

bool SegmentsPage::save()
{
    Segment s = m_current;
    s.name = m_name->text();
    if (!s.isStatic)
        s.rule = m_builder->rule();
    s.isPublic = s.isStatic && m_public->isChecked();
    if (!m_repo.save(s)) {
        const CompiledSegment c = m_repo.compile(s.rule);
        if (!s.isStatic && !c.ok())
            m_builder->showErrors(c.errors);
        QMessageBox::warning(this, tr("Cannot save the segment"), m_repo.errorString());
        return false;
    }
    m_current = s;
    m_session->saved(s.id);
    reload(s.id);
    Q_EMIT segmentsChanged();
    Q_EMIT statusMessage(tr("Saved \"%1\".").arg(s.name), 4000);
    return true;
}

void SegmentsPage::deleteCurrent()
{
    if (m_current.id == 0) {
        // an unsaved draft: just drop it
        m_current = Segment();
        m_session->closed();
        reload();
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Delete segment"),
        tr("Delete \"%1\"? The contacts stay; only the segment goes.").arg(m_current.name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (!m_repo.remove(m_current.id)) {
        QMessageBox::warning(this, tr("Cannot delete the segment"), m_repo.errorString());
        return;
    }
    const QString name = m_current.name;
    m_current = Segment();
    m_session->closed();
    reload();
    Q_EMIT segmentsChanged();
    Q_EMIT statusMessage(tr("Deleted \"%1\".").arg(name), 4000);
}

bool SegmentsPage::maybeSave()
{
    return m_session->maybeSave();
}

bool SegmentsPage::isModified() const
{
    return m_session->isModified();
}

void SegmentsPage::recount()
{
    if (!m_current.isStatic)
        m_live->request(m_builder->rule());
}

void SegmentsPage::updateActions()
{
    // Save, Revert, Duplicate and Delete follow the session
    if (m_showButton)
        m_showButton->setEnabled(m_current.id != 0);
}

} // namespace masir::ui
