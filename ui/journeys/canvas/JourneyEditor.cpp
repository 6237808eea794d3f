#include "journeys/canvas/JourneyEditor.h"
#include "journeys/canvas/CanvasStyle.h"
#include "widgets/Icons.h"
#include "widgets/SplitterMemory.h"

#include "i18n/Formatter.h"
#include "journeys/JourneyReferences.h"
#include "journeys/JourneyRepository.h"
#include "journeys/NodeTypes.h"
#include "journeys/canvas/JourneyCommands.h"
#include "journeys/canvas/JourneyScene.h"
#include "journeys/canvas/JourneyView.h"
#include "messaging/MessageTemplate.h"
#include "messaging/TestSend.h"
#include "segments/RuleBuilder.h"
#include "segments/SegmentRepository.h"
#include "widgets/ActionButton.h"
#include "widgets/EmailPreview.h"
#include "widgets/TestSendController.h"
#include "widgets/TextDirection.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDrag>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimeEdit>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUndoStack>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

constexpr int kTypeRole = Qt::UserRole;
constexpr int kNodeRole = Qt::UserRole + 1;

/// The palette: a tree of node types whose leaves drag onto the canvas.
class Palette final : public QTreeWidget
{
public:
    Palette()
    {
        setHeaderHidden(true);
        setDragEnabled(true);
        setDragDropMode(QAbstractItemView::DragOnly);
        setAccessibleName(JourneyCanvas::tr("Node palette"));
    }

protected:
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override
    {
        if (items.isEmpty() || items.first()->data(0, kTypeRole).toString().isEmpty())
            return nullptr;
        auto *mime = new QMimeData;
        mime->setData(QLatin1String(JourneyScene::NodeMimeType),
                      items.first()->data(0, kTypeRole).toString().toUtf8());
        return mime;
    }
};

} // namespace

JourneyEditor::JourneyEditor(const Database &db, qint64 journeyId, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_tests(new TestSendController(db, this))
    , m_journeyId(journeyId)
{
    setObjectName(QStringLiteral("JourneyEditor"));
    m_graph = new JourneyGraph(this);
    m_undo = new QUndoStack(this);
    const auto journey = JourneyRepository(db).find(journeyId);
    QString error;
    if (journey) {
        setWindowTitle(JourneyCanvas::tr("%1[*] — Journey").arg(journey->name));
        if (!journey->graph.isEmpty() && !m_graph->fromJson(journey->graph, &error))
            QMessageBox::warning(this, JourneyCanvas::tr("Cannot open the journey"), error);
    }
    m_scene = new JourneyScene(m_graph, m_undo, this);
    m_scene->setRightToLeft(layoutDirection() == Qt::RightToLeft);
    m_scene->setExtraChecks(
        [this](const JourneyGraph &graph) { return JourneyReferences::check(m_db, graph); });
    m_scene->setWarningChecks(
        [this](const JourneyGraph &graph) { return JourneyReferences::warnings(m_db, graph); });
    m_view = new JourneyView(m_scene);
    connect(m_scene, &JourneyScene::message, this,
            [this](const QString &text) { Q_EMIT statusMessage(text, 6000); });
    connect(m_scene, &JourneyScene::issuesChanged, this, &JourneyEditor::updateProblems);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &JourneyEditor::updateInspector);
    connect(m_graph, &JourneyGraph::nodeChanged, this, [this](const QString &id) {
        // an edit made in the inspector leaves its editors alone (one of them is
        // still in its signal); undo and redo rebuild them
        if (id == m_inspected && !m_applying)
            updateInspector();
    });
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) {
        m_save->setEnabled(!clean);
        setWindowModified(!clean);
    });

    m_palette = new Palette;
    m_palette->setObjectName(QStringLiteral("palette"));
    buildPalette();

    m_inspectorTitle = new QLabel(JourneyCanvas::tr("Select a node to change its settings."));
    m_inspectorTitle->setWordWrap(true);
    m_inspector = new QWidget;
    m_inspectorForm = new QFormLayout(m_inspector);
    auto *inspectorBox = new QWidget;
    auto *inspectorLayout = new QVBoxLayout(inspectorBox);
    inspectorLayout->addWidget(m_inspectorTitle);
    inspectorLayout->addWidget(m_inspector);
    inspectorLayout->addStretch(1);

    m_problems = new QListWidget;
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setAccessibleName(JourneyCanvas::tr("Problems"));
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString id = item->data(kNodeRole).toString();
        if (id.isEmpty())
            return;
        m_scene->selectNodes({id});
        if (const JourneyNode *n = m_graph->node(id))
            m_view->centerOn(n->position);
    });

    m_outline = new QListWidget;
    m_outline->setObjectName(QStringLiteral("outline"));
    m_outline->setAccessibleName(JourneyCanvas::tr("Nodes"));
    m_outline->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_outline, &QListWidget::itemSelectionChanged, this, [this] {
        if (m_syncingSelection)
            return;
        QStringList ids;
        for (QListWidgetItem *item : m_outline->selectedItems())
            ids << item->data(kNodeRole).toString();
        m_syncingSelection = true;
        m_scene->selectNodes(ids);
        m_syncingSelection = false;
        if (ids.size() == 1)
            m_view->centerOn(m_graph->node(ids.first())->position);
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        if (m_syncingSelection)
            return;
        m_syncingSelection = true;
        const QStringList ids = m_scene->selectedNodeIds();
        for (int i = 0; i < m_outline->count(); ++i)
            m_outline->item(i)->setSelected(
                ids.contains(m_outline->item(i)->data(kNodeRole).toString()));
        m_syncingSelection = false;
    });
    connect(m_graph, &JourneyGraph::nodeAdded, this, &JourneyEditor::updateOutline);
    connect(m_graph, &JourneyGraph::nodeRemoved, this, &JourneyEditor::updateOutline);
    connect(m_graph, &JourneyGraph::nodeChanged, this, &JourneyEditor::updateOutline);
    connect(m_graph, &JourneyGraph::reset, this, &JourneyEditor::updateOutline);
    connect(m_scene, &JourneyScene::issuesChanged, this, &JourneyEditor::updateOutline);

    buildActions();

    auto *side = new QSplitter(Qt::Vertical);
    side->addWidget(inspectorBox);
    side->addWidget(m_outline);
    side->addWidget(m_problems);
    auto *splitter = new QSplitter;
    splitter->addWidget(m_palette);
    splitter->addWidget(m_view);
    splitter->addWidget(side);
    splitter->setStretchFactor(1, 1);
    // the palette as wide as its longest item, the inspector wide enough for
    // its fields; then as the user sets them
    int paletteWidth = 0;
    for (QTreeWidgetItemIterator it(m_palette); *it; ++it)
        paletteWidth =
            std::max(paletteWidth, m_palette->fontMetrics().horizontalAdvance((*it)->text(0)));
    paletteWidth += m_palette->iconSize().width() + 2 * m_palette->indentation() + 32;
    rememberSplitter(splitter, QStringLiteral("journeyEditor"), {paletteWidth, 800, 320});
    rememberSplitter(side, QStringLiteral("journeyEditorSide"));
    auto *layout = qobject_cast<QVBoxLayout *>(this->layout());
    layout->addWidget(splitter, 1);
    m_save->setEnabled(false);
    updateOutline();
    updateRunActions();
    resize(1280, 800);
    m_view->zoomToFit();
}

JourneyEditor::~JourneyEditor()
{
    // the scene's items read the graph: they go first
    delete m_view;
    delete m_scene;
}

void JourneyEditor::buildPalette()
{
    QHash<NodeType::Category, QTreeWidgetItem *> groups;
    for (const NodeType::Category c :
         {NodeType::Category::Trigger, NodeType::Category::Flow, NodeType::Category::Action}) {
        auto *group = new QTreeWidgetItem(m_palette, {NodeTypes::categoryLabel(c)});
        group->setFlags(Qt::ItemIsEnabled);
        groups.insert(c, group);
    }
    for (const NodeType &t : NodeTypes::all()) {
        auto *item = new QTreeWidgetItem(groups.value(t.category), {t.label()});
        item->setIcon(0, Icons::icon(CanvasStyle::iconName(t.key)));
        item->setData(0, kTypeRole, t.key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        item->setToolTip(0, JourneyCanvas::tr("Drag onto the canvas, or press Enter to add"));
    }
    m_palette->expandAll();
    // the keyboard way: Enter adds the node in the middle of the view
    connect(m_palette, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString type = item->data(0, kTypeRole).toString();
        if (type.isEmpty())
            return;
        const QString id =
            m_scene->addNode(type, m_view->mapToScene(m_view->viewport()->rect().center()));
        m_scene->selectNodes({id});
    });
}

void JourneyEditor::buildActions()
{
    auto action = [this](const QString &text, const QKeySequence &keys, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcut(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    QAction *undo = m_undo->createUndoAction(this, JourneyCanvas::tr("Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction *redo = m_undo->createRedoAction(this, JourneyCanvas::tr("Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    addAction(redo);
    m_save = action(JourneyCanvas::tr("Save"), QKeySequence::Save, [this] { save(); });
    m_start = action(JourneyCanvas::tr("Start"), QKeySequence(), [this] { start(); });
    m_start->setToolTip(
        JourneyCanvas::tr("Save and start: its triggers enrol contacts from now on"));
    m_pause = action(JourneyCanvas::tr("Pause"), QKeySequence(), [this] { pause(); });
    QAction *copyAction = action(JourneyCanvas::tr("Copy"), QKeySequence::Copy, [this] { copy(); });
    QAction *pasteAction =
        action(JourneyCanvas::tr("Paste"), QKeySequence::Paste, [this] { paste(); });
    QAction *dup = action(JourneyCanvas::tr("Duplicate"), QKeySequence(Qt::CTRL | Qt::Key_D),
                          [this] { duplicate(); });
    QAction *tidy = action(JourneyCanvas::tr("Tidy Up"), QKeySequence(Qt::CTRL | Qt::Key_L),
                           [this] { m_scene->tidyUp(); });
    QAction *fit = action(JourneyCanvas::tr("Fit"), QKeySequence(Qt::CTRL | Qt::Key_9),
                          [this] { m_view->zoomToFit(); });
    QAction *actual = action(JourneyCanvas::tr("100%"), QKeySequence(Qt::CTRL | Qt::Key_0),
                             [this] { m_view->zoomTo100(); });
    action(JourneyCanvas::tr("Connect…"), QKeySequence(Qt::CTRL | Qt::Key_K),
           [this] { chooseConnection(); });
    action(JourneyCanvas::tr("Zoom In"), QKeySequence::ZoomIn, [this] { m_view->zoomBy(1.25); });
    action(JourneyCanvas::tr("Zoom Out"), QKeySequence::ZoomOut, [this] { m_view->zoomBy(0.8); });
    QAction *exportAction = action(
        JourneyCanvas::tr("Export Image…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] {
            const QString path = QFileDialog::getSaveFileName(
                this, JourneyCanvas::tr("Export Journey"), QString(),
                JourneyCanvas::tr("PNG image (*.png);;SVG image (*.svg)"));
            if (!path.isEmpty() && !exportImage(path))
                QMessageBox::warning(this, JourneyCanvas::tr("Export failed"),
                                     JourneyCanvas::tr("Cannot write %1.").arg(path));
        });
    m_find = new QLineEdit;
    m_find->setPlaceholderText(JourneyCanvas::tr("Find a node (Ctrl+F)"));
    m_find->setAccessibleName(JourneyCanvas::tr("Find a node"));
    m_find->setClearButtonEnabled(true);
    action(JourneyCanvas::tr("Find"), QKeySequence::Find, [this] {
        m_find->setFocus();
        m_find->selectAll();
    });
    connect(m_find, &QLineEdit::returnPressed, this, [this] {
        const QStringList selected = m_scene->selectedNodeIds();
        const QString id =
            m_scene->findNode(m_find->text(), selected.isEmpty() ? QString() : selected.first());
        if (id.isEmpty()) {
            Q_EMIT statusMessage(JourneyCanvas::tr("No node matches \"%1\".").arg(m_find->text()),
                                 4000);
            return;
        }
        m_scene->selectNodes({id});
        m_view->centerOn(m_graph->node(id)->position);
    });

    const std::pair<QAction *, const char *> icons[] = {
        {m_save, "save"}, {m_start, "start"},   {m_pause, "pause"},      {undo, "undo"},
        {redo, "redo"},   {copyAction, "copy"}, {pasteAction, "paste"},  {dup, "copy"},
        {tidy, "tidy"},   {fit, "fit"},         {actual, "actual-size"}, {exportAction, "export"}};
    for (const auto &[a, icon] : icons)
        Icons::set(a, QLatin1String(icon));
    auto *bar = new QHBoxLayout;
    for (QAction *a :
         {m_save, undo, redo, copyAction, pasteAction, dup, tidy, fit, actual, exportAction})
        bar->addWidget(actionButton(a));
    bar->addStretch(1);
    bar->addWidget(m_find);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
}

bool JourneyEditor::save()
{
    JourneyRepository repo(m_db);
    auto journey = repo.find(m_journeyId);
    if (!journey)
        return false;
    journey->graph = m_graph->toJson();
    if (!repo.save(*journey)) {
        QMessageBox::warning(this, JourneyCanvas::tr("Cannot save the journey"),
                             repo.errorString());
        return false;
    }
    m_undo->setClean();
    Q_EMIT saved();
    Q_EMIT statusMessage(journey->status == QLatin1String("active")
                             ? JourneyCanvas::tr("Saved: the running journey is now version %1.")
                                   .arg(journey->version)
                             : JourneyCanvas::tr("Saved."),
                         5000);
    return true;
}

void JourneyEditor::updateOutline()
{
    const QStringList selected = m_scene->selectedNodeIds();
    m_syncingSelection = true;
    m_outline->clear();
    for (const JourneyNode &n : m_graph->nodes()) {
        auto *item = new QListWidgetItem(m_scene->describe(n.id), m_outline);
        item->setData(kNodeRole, n.id);
        item->setData(Qt::AccessibleTextRole, item->text());
        item->setSelected(selected.contains(n.id));
    }
    m_syncingSelection = false;
}

bool JourneyEditor::connectSelectedTo(const QString &port, const QString &targetId)
{
    const QStringList selected = m_scene->selectedNodeIds();
    if (selected.size() != 1) {
        Q_EMIT statusMessage(JourneyCanvas::tr("Select the one node to connect from."), 4000);
        return false;
    }
    return m_scene->connectPorts(selected.first(), port, targetId);
}

void JourneyEditor::chooseConnection()
{
    // From the keyboard: every free output of the selected node to every node it may lead to.
    const QStringList selected = m_scene->selectedNodeIds();
    if (selected.size() != 1) {
        Q_EMIT statusMessage(JourneyCanvas::tr("Select the one node to connect from."), 4000);
        return;
    }
    const JourneyNode *from = m_graph->node(selected.first());
    const NodeType *type = NodeTypes::find(from->type);
    QStringList labels;
    QList<QPair<QString, QString>> choices;
    for (const QString &port : type->ports(from->config)) {
        const QString portLabel = type->portLabel(from->config, port);
        for (const JourneyNode &to : m_graph->nodes()) {
            if (!m_graph->canConnect(from->id, port, to.id))
                continue;
            labels << (portLabel.isEmpty()
                           ? m_scene->describe(to.id)
                           : JourneyCanvas::tr("%1 → %2").arg(portLabel, m_scene->describe(to.id)));
            choices << qMakePair(port, to.id);
        }
    }
    if (choices.isEmpty()) {
        Q_EMIT statusMessage(JourneyCanvas::tr("This node has no free output, or nothing it can "
                                               "lead to."),
                             5000);
        return;
    }
    bool ok = false;
    const QString picked = QInputDialog::getItem(
        this, JourneyCanvas::tr("Connect"), JourneyCanvas::tr("Lead to:"), labels, 0, false, &ok);
    if (ok)
        connectSelectedTo(choices.at(labels.indexOf(picked)).first,
                          choices.at(labels.indexOf(picked)).second);
}

bool JourneyEditor::start()
{
    if (!m_scene->issues().isEmpty() || (isModified() && !save()))
        return false;
    JourneyRepository repo(m_db);
    if (!repo.activate(m_journeyId)) {
        QMessageBox::warning(this, JourneyCanvas::tr("Cannot start the journey"),
                             repo.errorString());
        return false;
    }
    updateRunActions();
    Q_EMIT saved();
    Q_EMIT statusMessage(JourneyCanvas::tr("The journey is running."), 4000);
    return true;
}

bool JourneyEditor::pause()
{
    JourneyRepository repo(m_db);
    if (!repo.pause(m_journeyId))
        return false;
    updateRunActions();
    Q_EMIT saved();
    return true;
}

void JourneyEditor::updateRunActions()
{
    const auto journey = JourneyRepository(m_db).find(m_journeyId);
    const bool running = journey && journey->status == QLatin1String("active");
    // Start is offered only when nothing stops the journey: the problems list says what does.
    m_start->setEnabled(!running && m_scene->issues().isEmpty());
    m_pause->setEnabled(running);
}

bool JourneyEditor::isModified() const
{
    return !m_undo->isClean();
}

bool JourneyEditor::exportImage(const QString &path)
{
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive))
        return m_scene->exportSvg(path);
    return m_scene->renderImage(2.0).save(path);
}

void JourneyEditor::copy()
{
    if (m_scene->selectedNodeIds().isEmpty())
        return;
    auto *mime = new QMimeData;
    const QByteArray json = m_scene->copySelection();
    mime->setData(QLatin1String(JourneyScene::ClipboardMimeType), json);
    mime->setText(QString::fromUtf8(json));
    QApplication::clipboard()->setMimeData(mime);
}

void JourneyEditor::paste()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime)
        return;
    QByteArray json = mime->data(QLatin1String(JourneyScene::ClipboardMimeType));
    if (json.isEmpty())
        json = mime->text().toUtf8(); // from another Masir, or a text editor
    m_scene->paste(json, QPointF(40, 40));
}

void JourneyEditor::duplicate()
{
    m_scene->paste(m_scene->copySelection(), QPointF(40, 40));
}

void JourneyEditor::updateProblems()
{
    m_problems->clear();
    const QHash<QString, QStringList> &issues = m_scene->issues();
    for (auto it = issues.cbegin(); it != issues.cend(); ++it) {
        const JourneyNode *n = m_graph->node(it.key());
        const NodeType *t = n ? NodeTypes::find(n->type) : nullptr;
        for (const QString &message : it.value()) {
            auto *item = new QListWidgetItem(
                t ? JourneyCanvas::tr("%1: %2").arg(t->label(), message) : message, m_problems);
            item->setData(kNodeRole, it.key());
        }
    }
    const QHash<QString, QStringList> &warnings = m_scene->warnings();
    if (issues.isEmpty())
        new QListWidgetItem(warnings.isEmpty()
                                ? JourneyCanvas::tr("No problems: the journey can start.")
                                : JourneyCanvas::tr("The journey can start; mind these:"),
                            m_problems);
    for (auto it = warnings.cbegin(); it != warnings.cend(); ++it) {
        const JourneyNode *n = m_graph->node(it.key());
        const NodeType *t = n ? NodeTypes::find(n->type) : nullptr;
        for (const QString &message : it.value()) {
            auto *item = new QListWidgetItem(
                Icons::icon(QStringLiteral("warning")),
                t ? JourneyCanvas::tr("%1: %2").arg(t->label(), message) : message, m_problems);
            item->setData(kNodeRole, it.key());
        }
    }
    updateRunActions();
}

void JourneyEditor::updateInspector()
{
    while (m_inspectorForm->rowCount() > 0)
        m_inspectorForm->removeRow(0);
    const QStringList selected = m_scene->selectedNodeIds();
    m_inspected = selected.size() == 1 ? selected.first() : QString();
    const JourneyNode *n = m_graph->node(m_inspected);
    const NodeType *t = n ? NodeTypes::find(n->type) : nullptr;
    if (!n || !t) {
        m_inspectorTitle->setText(JourneyCanvas::tr("Select a node to change its settings."));
        return;
    }
    m_inspectorTitle->setText(t->label());
    // One editor per setting of the type's schema; each change is one undo step.
    const QString id = n->id;
    for (const ConfigField &field : t->fields) {
        const QString key = field.key;
        const QJsonValue value = n->config.value(key);
        auto apply = [this, id, key](const QJsonValue &v) {
            const JourneyNode *node = m_graph->node(id);
            if (!node || node->config.value(key) == v)
                return;
            QJsonObject config = node->config;
            config.insert(key, v);
            m_applying = true;
            m_undo->push(new SetConfigCommand(m_graph, id, config));
            m_applying = false;
        };
        if (field.kind == ConfigField::Kind::Rule) {
            // the segment rule builder, as on the Segments page
            auto *builder = new RuleBuilder(m_db);
            QStringList segments;
            for (const Segment &sg : SegmentRepository(m_db).list())
                segments << sg.name;
            builder->setSegmentNames(segments);
            QString error;
            if (const auto rule = SegmentRule::fromJson(value.toObject(), &error))
                builder->setRule(*rule);
            connect(builder, &RuleBuilder::changed, this,
                    [apply, builder] { apply(builder->rule().toJson()); });
            m_inspectorForm->addRow(field.label(), builder);
            continue;
        }
        if (field.kind == ConfigField::Kind::Template) {
            m_inspectorForm->addRow(field.label(),
                                    templatePicker(field.channel, value.toString(), apply));
            continue;
        }
        if (field.kind == ConfigField::Kind::Weekdays) {
            m_inspectorForm->addRow(field.label(), weekdayPicker(value.toArray(), apply));
            continue;
        }
        if (field.kind == ConfigField::Kind::TimeOfDay) {
            // business hours, as times of day
            auto *edit = new QTimeEdit;
            edit->setObjectName(key);
            edit->setAccessibleName(field.label());
            setDateTimeFormat(edit, QStringLiteral("HH:mm"));
            const QTime at = QTime::fromString(value.toString(), QStringLiteral("HH:mm"));
            edit->setTime(at.isValid() ? at : QTime(key == QLatin1String("from") ? 9 : 17, 0));
            connect(edit, &QTimeEdit::editingFinished, this,
                    [apply, edit] { apply(edit->time().toString(QStringLiteral("HH:mm"))); });
            m_inspectorForm->addRow(field.label(), edit);
            continue;
        }
        if (field.kind == ConfigField::Kind::WebAddress) {
            m_inspectorForm->addRow(field.label(), webhookEditor(id, value.toString(), apply));
            continue;
        }
        if (field.kind == ConfigField::Kind::Choice) {
            auto *box = new QComboBox;
            box->setObjectName(key);
            box->setAccessibleName(field.label());
            for (const QString &c : field.choices)
                box->addItem(ConfigField::choiceLabel(c), c);
            box->setCurrentIndex(std::max(0, box->findData(value.toString())));
            connect(box, &QComboBox::currentIndexChanged, this,
                    [apply, box] { apply(box->currentData().toString()); });
            m_inspectorForm->addRow(field.label(), box);
            continue;
        }
        if (field.kind == ConfigField::Kind::DateTime) {
            // in the user's calendar: Jalali in Persian
            auto *edit = new QDateTimeEdit;
            edit->setObjectName(key);
            edit->setAccessibleName(field.label());
            edit->setCalendarPopup(true);
            edit->setCalendar(Formatter::calendar());
            setDateTimeFormat(edit, QStringLiteral("yyyy/MM/dd HH:mm"));
            const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODate);
            edit->setDateTime(at.isValid() ? at.toLocalTime()
                                           : QDateTime::currentDateTime().addDays(1));
            connect(edit, &QDateTimeEdit::editingFinished, this,
                    [apply, edit] { apply(edit->dateTime().toUTC().toString(Qt::ISODate)); });
            m_inspectorForm->addRow(field.label(), edit);
            continue;
        }
        if (field.kind == ConfigField::Kind::Boolean) {
            auto *box = new QCheckBox;
            box->setAccessibleName(field.label());
            box->setChecked(value.toBool());
            connect(box, &QCheckBox::toggled, this, [apply](bool on) { apply(on); });
            m_inspectorForm->addRow(field.label(), box);
            continue;
        }
        auto *edit = new QLineEdit;
        edit->setObjectName(key);
        edit->setAccessibleName(field.label());
        const bool json = field.kind == ConfigField::Kind::Json;
        const bool number = field.kind == ConfigField::Kind::Number;
        if (json && !value.isUndefined())
            edit->setText(QString::fromUtf8(
                value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)));
        else
            edit->setText(value.isDouble() ? Formatter::editableNumber(value.toDouble())
                                           : value.toString());
        connect(edit, &QLineEdit::editingFinished, this, [this, apply, edit, json, number] {
            if (json) {
                const QJsonDocument doc =
                    QJsonDocument::fromJson(QByteArray("{\"v\":") + edit->text().toUtf8() + '}');
                if (doc.isNull()) {
                    Q_EMIT statusMessage(JourneyCanvas::tr("This is not valid JSON."), 5000);
                    return;
                }
                apply(doc.object().value(QStringLiteral("v")));
            } else if (number) {
                if (const auto d = Formatter::parseNumber(edit->text()))
                    apply(*d);
                else
                    Q_EMIT statusMessage(JourneyCanvas::tr("Enter a number."), 5000);
            } else {
                apply(edit->text().trimmed());
            }
        });
        m_inspectorForm->addRow(field.label(), edit);
    }
}

QWidget *JourneyEditor::templatePicker(const QString &channel, const QString &current,
                                       const std::function<void(const QJsonValue &)> &apply)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *combo = new QComboBox;
    combo->setObjectName(QStringLiteral("template"));
    combo->setAccessibleName(JourneyCanvas::tr("Template"));
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    QList<MessageTemplate> templates;
    for (const MessageTemplate &t : TemplateRepository(m_db).list()) {
        if (t.channel == channel) {
            templates << t;
            combo->addItem(t.name);
        }
    }
    combo->setCurrentText(current);
    auto *preview = new QTextBrowser;
    preview->setObjectName(QStringLiteral("templatePreview"));
    preview->setAccessibleName(JourneyCanvas::tr("Template preview"));
    preview->setMaximumHeight(220);
    preview->setOpenLinks(false);
    layout->addWidget(combo);
    layout->addWidget(preview);
    auto show = [this, preview, templates](const QString &name) {
        for (const MessageTemplate &t : templates) {
            if (t.name != name)
                continue;
            QStringList errors;
            const auto r = TestSend::sample(m_db, t, &errors);
            if (!r) {
                preview->setPlainText(errors.join(QLatin1Char('\n')));
            } else if (t.isEmail()) {
                preview->setHtml(
                    JourneyCanvas::tr("<p><b>Subject:</b> %1</p>").arg(r->subject.toHtmlEscaped()) +
                    emailForTextBrowser(r->html));
            } else {
                preview->setPlainText(r->text);
            }
            preview->setLayoutDirection(r && r->rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
            return;
        }
        preview->setPlainText(
            name.trimmed().isEmpty()
                ? JourneyCanvas::tr("Choose a template; the Templates page makes new ones.")
                : JourneyCanvas::tr("There is no template named \"%1\" yet: make it on the "
                                    "Templates page, or choose another.")
                      .arg(name));
    };
    show(current);
    connect(combo, &QComboBox::currentTextChanged, preview, show);
    connect(combo, &QComboBox::activated, this, [apply, combo] { apply(combo->currentText()); });
    connect(combo->lineEdit(), &QLineEdit::editingFinished, this,
            [apply, combo] { apply(combo->currentText().trimmed()); });
    return box;
}

QWidget *JourneyEditor::weekdayPicker(const QJsonArray &days,
                                      const std::function<void(const QJsonValue &)> &apply)
{
    auto *box = new QWidget;
    box->setObjectName(QStringLiteral("days"));
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    QList<QCheckBox *> checks;
    // In the order of the user's week: Saturday first in Persian, Monday in Polish.
    const QLocale locale;
    const int first = int(locale.firstDayOfWeek());
    for (int i = 0; i < 7; ++i) {
        const int day = (first - 1 + i) % 7 + 1; // 1 = Monday ... 7 = Sunday
        auto *check = new QCheckBox(locale.dayName(day, QLocale::ShortFormat));
        check->setProperty("day", day);
        check->setAccessibleName(locale.dayName(day, QLocale::LongFormat));
        check->setChecked(days.contains(day));
        layout->addWidget(check);
        checks << check;
    }
    for (QCheckBox *check : checks) {
        connect(check, &QCheckBox::toggled, this, [apply, checks] {
            QJsonArray chosen;
            for (int day = 1; day <= 7; ++day)
                for (QCheckBox *c : checks)
                    if (c->isChecked() && c->property("day").toInt() == day)
                        chosen.append(day);
            apply(chosen);
        });
    }
    return box;
}

QWidget *JourneyEditor::webhookEditor(const QString &nodeId, const QString &current,
                                      const std::function<void(const QJsonValue &)> &apply)
{
    auto *box = new QWidget;
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(current);
    edit->setObjectName(QStringLiteral("url"));
    edit->setAccessibleName(JourneyCanvas::tr("Webhook address"));
    edit->setPlaceholderText(QStringLiteral("https://"));
    auto *test = new QPushButton(JourneyCanvas::tr("Send &Test"));
    test->setObjectName(QStringLiteral("webhookTest"));
    test->setToolTip(JourneyCanvas::tr("Call the address once with a sample contact, signed like "
                                       "the real calls, and show the reply"));
    layout->addWidget(edit, 1);
    layout->addWidget(test);
    connect(edit, &QLineEdit::editingFinished, this,
            [apply, edit] { apply(edit->text().trimmed()); });
    connect(test, &QPushButton::clicked, this, [this, nodeId, edit, test] {
        const JourneyNode *node = m_graph->node(nodeId);
        const bool allowPrivate =
            node && node->config.value(QStringLiteral("allowPrivate")).toBool();
        const QString url = edit->text().trimmed();
        test->setEnabled(false);
        QPointer<QPushButton> button(test); // the inspector may be rebuilt meanwhile
        connect(
            m_tests, &TestSendController::finished, test,
            [button] {
                if (button)
                    button->setEnabled(true);
            },
            Qt::SingleShotConnection);
        m_tests->callWebhook(url, allowPrivate);
    });
    return box;
}

void JourneyEditor::closeEvent(QCloseEvent *event)
{
    if (isModified()) {
        const auto answer = QMessageBox::question(
            this, JourneyCanvas::tr("Unsaved changes"),
            JourneyCanvas::tr("Save the changes to this journey?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save())) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

} // namespace masir::ui
