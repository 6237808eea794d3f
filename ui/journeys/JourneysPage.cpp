#include "journeys/JourneysPage.h"
#include "widgets/EmptyState.h"
#include "widgets/Icons.h"
#include "widgets/SplitterMemory.h"

#include "common/BackgroundTasks.h"
#include "contacts/ContactRepository.h"
#include "i18n/Formatter.h"
#include "journeys/JourneyEngine.h"
#include "journeys/JourneyListModel.h"
#include "journeys/JourneyRepository.h"
#include "journeys/JourneySimulator.h"
#include "journeys/JourneyTemplates.h"
#include "journeys/NodeTypes.h"
#include "journeys/canvas/JourneyEditor.h"
#include "journeys/canvas/JourneyScene.h"
#include "widgets/ActionButton.h"
#include "widgets/Selection.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;

QString language()
{
    return QLocale().name().left(2);
}

} // namespace

JourneysPage::JourneysPage(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
{
    setObjectName(QStringLiteral("JourneysPage"));
    m_new = new QAction(Icons::icon(QStringLiteral("journeys")), tr("&New Journey from Template…"),
                        this);
    connect(m_new, &QAction::triggered, this, &JourneysPage::chooseTemplate);
    m_activate = new QAction(Icons::icon(QStringLiteral("start")), tr("&Start"), this);
    m_activate->setToolTip(tr("Start the journey: its triggers enrol contacts from now on"));
    connect(m_activate, &QAction::triggered, this, &JourneysPage::activateSelected);
    m_pause = new QAction(Icons::icon(QStringLiteral("pause")), tr("&Pause"), this);
    m_pause->setToolTip(tr("Pause: contacts stay where they are until you start it again"));
    connect(m_pause, &QAction::triggered, this, &JourneysPage::pauseSelected);
    m_duplicate = new QAction(Icons::icon(QStringLiteral("copy")), tr("D&uplicate"), this);
    connect(m_duplicate, &QAction::triggered, this, &JourneysPage::duplicateSelected);
    m_delete = new QAction(Icons::icon(QStringLiteral("delete")), tr("&Delete"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetShortcut);
    connect(m_delete, &QAction::triggered, this, &JourneysPage::deleteSelected);
    m_edit = new QAction(Icons::icon(QStringLiteral("edit")), tr("&Edit…"), this);
    m_edit->setToolTip(tr("Open the journey on the canvas"));
    m_edit->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_edit->setShortcutContext(Qt::WidgetShortcut);
    connect(m_edit, &QAction::triggered, this, [this] { editSelected(); });
    m_simulate = new QAction(Icons::icon(QStringLiteral("simulate")), tr("Si&mulate"), this);
    m_simulate->setToolTip(
        tr("Run the journey for a sample of contacts on a virtual clock; nothing is sent"));
    connect(m_simulate, &QAction::triggered, this, [this] { simulateSelected(); });
    m_report = new QAction(Icons::icon(QStringLiteral("reports")), tr("&Report"), this);
    m_report->setToolTip(tr("The journey's report: each step's contacts, the goal, the time to "
                            "it and the revenue, to print or export"));
    connect(m_report, &QAction::triggered, this, [this] { Q_EMIT reportRequested(selectedId()); });

    m_tasks = new BackgroundTasks(this);
    m_model = new JourneyListModel(m_db, this);
    // the canvases that are open show the worker's progress too
    connect(m_model, &JourneyListModel::countsLoaded, this,
            [this](const JourneyListModel::Counts &counts) {
                for (JourneyEditor *open : findChildren<JourneyEditor *>())
                    open->scene()->setCounts(counts.value(open->journeyId()));
            });
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("journeyTable"));
    m_table->setAccessibleName(tr("Journeys"));
    m_table->setModel(m_model);
    EmptyState::attach(
        m_table,
        [] {
            return tr("No journeys yet. Start from a ready one: welcome, abandoned cart, "
                      "birthday and more.");
        },
        m_new);
    m_table->horizontalHeader()->setSectionResizeMode(JourneyListModel::NameColumn,
                                                      QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({m_edit, m_activate, m_pause, m_simulate, m_report, m_duplicate, m_delete});
    connect(m_table, &QTableView::doubleClicked, this, [this] { editSelected(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JourneysPage::updateActions);

    m_simulationTitle = new QLabel(tr("Simulate a journey to see, contact by contact, which "
                                      "steps it would run and which messages it would queue."));
    m_simulationTitle->setWordWrap(true);
    m_simulation = new QTreeWidget;
    m_simulation->setObjectName(QStringLiteral("simulation"));
    m_simulation->setAccessibleName(tr("Simulation"));
    m_simulation->setHeaderLabels({tr("Contact and step"), tr("When"), tr("Result")});
    m_simulation->header()->setSectionResizeMode(0, QHeaderView::Stretch);

    auto *buttons = new QHBoxLayout;
    for (QAction *a :
         {m_new, m_edit, m_activate, m_pause, m_simulate, m_report, m_duplicate, m_delete})
        buttons->addWidget(actionButton(a));
    buttons->addStretch(1);

    auto *bottom = new QWidget;
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_simulationTitle);
    bottomLayout->addWidget(m_simulation, 1);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(bottom);
    rememberSplitter(splitter, QStringLiteral("journeys"), {300, 300});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
    reload();
}

void JourneysPage::reload()
{
    const qint64 keep = selectedId();
    m_model->reload(); // the counts follow in the background
    select(keep);
    updateActions();
}

qint64 JourneysPage::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(JourneyListModel::IdRole).toLongLong();
}

void JourneysPage::select(qint64 id)
{
    selectWholeRow(m_table, m_model->rowOf(id));
}

void JourneysPage::updateActions()
{
    const qint64 id = selectedId();
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const QString status =
        rows.isEmpty() ? QString() : rows.first().data(JourneyListModel::StatusRole).toString();
    m_activate->setEnabled(id && status != QLatin1String("active"));
    m_pause->setEnabled(id && status == QLatin1String("active"));
    m_duplicate->setEnabled(id);
    m_edit->setEnabled(id);
    m_delete->setEnabled(id);
    m_simulate->setEnabled(id);
    m_report->setEnabled(id);
}

void JourneysPage::chooseTemplate()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New Journey"));
    auto *list = new QListWidget;
    list->setSpacing(4);
    list->setIconSize(QSize(24, 24));
    list->setAccessibleName(tr("Templates"));
    list->setWordWrap(true);
    auto *blank = new QListWidgetItem(Icons::icon(QStringLiteral("add")),
                                      tr("Blank canvas") + QLatin1Char('\n') +
                                          tr("Start from nothing and drag in the steps you need."),
                                      list);
    blank->setData(kIdRole, QString());
    blank->setData(Qt::UserRole + 1, tr("New journey"));
    for (const JourneyTemplate &t : JourneyTemplates::all(language())) {
        auto *item = new QListWidgetItem(Icons::icon(QStringLiteral("journeys")),
                                         t.name + QLatin1Char('\n') + t.description, list);
        item->setData(kIdRole, t.key);
        item->setData(Qt::UserRole + 1, t.name);
    }
    list->setCurrentRow(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(list, &QListWidget::itemDoubleClicked, &dialog, &QDialog::accept);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Start from a ready journey; you can change every step.")));
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    dialog.resize(520, 480);
    if (dialog.exec() != QDialog::Accepted || !list->currentItem())
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New Journey"), tr("Name:"), QLineEdit::Normal,
                              list->currentItem()->data(Qt::UserRole + 1).toString(), &ok);
    if (ok)
        createFromTemplate(list->currentItem()->data(kIdRole).toString(), name);
}

qint64 JourneysPage::createFromTemplate(const QString &key, const QString &name)
{
    JourneyTemplate blank; // an empty key: a blank canvas
    std::optional<JourneyTemplate> t =
        key.isEmpty() ? blank : JourneyTemplates::find(key, language());
    if (!t)
        return 0;
    QString error;
    const auto id = JourneyTemplates::create(m_db, *t, name, &error);
    if (!id) {
        QMessageBox::warning(this, tr("Cannot create the journey"), error);
        return 0;
    }
    reload();
    select(*id);
    Q_EMIT statusMessage(
        tr("Created \"%1\" as a draft; start it when it is ready.").arg(name.trimmed()), 6000);
    return *id;
}

bool JourneysPage::activateSelected()
{
    const qint64 id = selectedId();
    JourneyRepository repo(m_db);
    if (!id || !repo.activate(id)) {
        if (id) {
            QStringList lines;
            JourneyGraph graph;
            QString error;
            const auto j = repo.find(id);
            if (j)
                graph.fromJson(j->graph, &error);
            for (const JourneyIssue &i : repo.issues()) {
                const JourneyNode *n = graph.node(i.nodeId);
                const NodeType *t = n ? NodeTypes::find(n->type) : nullptr;
                lines << (t ? tr("%1: %2").arg(t->label(), i.message) : i.message);
            }
            QMessageBox::warning(this, tr("Cannot start the journey"),
                                 repo.errorString() + QStringLiteral("\n\n") +
                                     lines.join(QLatin1Char('\n')));
        }
        return false;
    }
    reload();
    Q_EMIT journeysChanged();
    Q_EMIT statusMessage(tr("The journey is running."), 4000);
    return true;
}

bool JourneysPage::pauseSelected()
{
    const qint64 id = selectedId();
    JourneyRepository repo(m_db);
    if (!id || !repo.pause(id))
        return false;
    reload();
    Q_EMIT journeysChanged();
    Q_EMIT statusMessage(tr("The journey is paused; contacts wait where they are."), 4000);
    return true;
}

JourneyEditor *JourneysPage::editSelected()
{
    const qint64 id = selectedId();
    if (!id)
        return nullptr;
    // one window per journey: bring back the one already open
    for (JourneyEditor *open : findChildren<JourneyEditor *>())
        if (open->journeyId() == id) {
            open->show();
            open->raise();
            open->activateWindow();
            return open;
        }
    auto *editor = new JourneyEditor(m_db, id, this);
    editor->setWindowFlag(Qt::Window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &JourneyEditor::statusMessage, this, &JourneysPage::statusMessage);
    connect(editor, &JourneyEditor::saved, this, [this] {
        reload();
        Q_EMIT journeysChanged();
    });
    editor->show();
    reload(); // fresh counts, for the canvas too
    return editor;
}

void JourneysPage::duplicateSelected()
{
    JourneyRepository repo(m_db);
    const auto j = repo.find(selectedId());
    if (!j)
        return;
    Journey copy;
    copy.graph = j->graph;
    copy.policy = j->policy;
    copy.name = tr("%1 (copy)").arg(j->name);
    for (int n = 2; repo.findByName(copy.name); ++n)
        copy.name = tr("%1 (copy %2)").arg(j->name).arg(n);
    if (!repo.save(copy)) {
        QMessageBox::warning(this, tr("Cannot duplicate the journey"), repo.errorString());
        return;
    }
    reload();
    select(copy.id);
}

void JourneysPage::deleteSelected()
{
    JourneyRepository repo(m_db);
    const auto j = repo.find(selectedId());
    if (!j)
        return;
    if (QMessageBox::question(this, tr("Delete journey"),
                              tr("Delete \"%1\"? Contacts in it leave it; messages already "
                                 "queued stay in the outbox.")
                                  .arg(j->name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (!repo.remove(j->id)) {
        QMessageBox::warning(this, tr("Cannot delete the journey"), repo.errorString());
        return;
    }
    reload();
    Q_EMIT journeysChanged();
}

void JourneysPage::simulateSelected(int sample, int days)
{
    const qint64 id = selectedId();
    if (!id)
        return;
    m_simulate->setEnabled(false);
    m_simulation->clear();
    m_simulationTitle->setText(tr("Simulating…"));
    const Database *db = &m_db;
    // The simulation copies what it needs in the background; the window stays live.
    m_tasks->run(
        [db, id, sample, days] {
            ContactRepository contacts(*db);
            PageRequest page;
            page.limit = sample;
            QList<qint64> ids;
            for (const ContactListRow &r : contacts.page(ContactQuery(), page))
                ids << r.id;
            JourneySimulator sim(*db);
            const auto runs = sim.run(id, ids, QDateTime::currentDateTimeUtc(), days);
            return Outcome{runs, sim.problems(), runs ? QString() : sim.errorString()};
        },
        [this, days](const Outcome &outcome) { showSimulation(outcome, days); });
}

void JourneysPage::showSimulation(const Outcome &outcome, int days)
{
    updateActions();
    const auto &runs = outcome.runs;
    if (!runs) {
        m_simulationTitle->setText(tr("The simulation failed: %1").arg(outcome.error));
        Q_EMIT simulationFinished();
        return;
    }
    JourneyGraph graph;
    QString ignored;
    if (const auto j = JourneyRepository(m_db).find(selectedId()))
        graph.fromJson(j->graph, &ignored);
    if (!outcome.problems.isEmpty()) {
        auto *problems = new QTreeWidgetItem(m_simulation);
        problems->setText(0, tr("This journey cannot start"));
        problems->setText(2,
                          tr("%n problem(s) to fix first", nullptr, int(outcome.problems.size())));
        problems->setForeground(2, palette().brush(QPalette::Highlight));
        for (const JourneyIssue &issue : outcome.problems) {
            auto *item = new QTreeWidgetItem(problems);
            const JourneyNode *node = graph.node(issue.nodeId);
            const NodeType *t = node ? NodeTypes::find(node->type) : nullptr;
            item->setText(0, t ? t->label() : issue.nodeId);
            item->setText(2, issue.message);
            item->setToolTip(2, issue.message);
        }
    }
    qint64 messages = 0;
    for (const JourneySimulator::ContactRun &r : *runs) {
        auto *contact = new QTreeWidgetItem(m_simulation);
        contact->setText(0, r.name);
        contact->setText(2, r.state == QLatin1String("completed") ? tr("finished")
                            : r.state == QLatin1String("exited")  ? tr("left the journey")
                                                                  : tr("still waiting"));
        for (const JourneySimulator::Step &step : r.path) {
            auto *item = new QTreeWidgetItem(contact);
            const NodeType *t = NodeTypes::find(step.nodeType);
            item->setText(0, t ? t->label() : step.nodeType);
            item->setText(1, Formatter::dateTime(step.at));
            QString result;
            if (t && step.port != QLatin1String("next") && !step.port.isEmpty())
                result = t->portLabel(graph.node(step.nodeId) ? graph.node(step.nodeId)->config
                                                              : QJsonObject(),
                                      step.port);
            if (!step.outcome.isEmpty())
                result = JourneyEngine::outcomeLabel(step.outcome);
            item->setText(2, result);
        }
        for (const JourneySimulator::Message &m : r.messages) {
            auto *item = new QTreeWidgetItem(contact);
            item->setText(
                0, m.channel == QLatin1String("sms") ? tr("Text message \"%1\"").arg(m.templateKey)
                   : m.channel == QLatin1String("email") ? tr("Email \"%1\"").arg(m.templateKey)
                                                         : tr("Webhook"));
            item->setText(1, Formatter::dateTime(m.at));
            item->setText(2, m.problem.isEmpty() ? tr("would go to %1").arg(m.to) : m.problem);
            ++messages;
        }
    }
    m_simulation->expandToDepth(0);
    m_simulationTitle->setText(
        tr("Simulated %1 contacts over %2 days: %3 messages would be queued. Nothing was "
           "sent or saved.")
            .arg(Formatter::number(runs->size()), Formatter::number(days),
                 Formatter::number(messages)));
    Q_EMIT simulationFinished();
}

} // namespace masir::ui
