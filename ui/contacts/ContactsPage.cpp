#include "contacts/ContactsPage.h"
#include "importing/ImportHistory.h"
#include "widgets/EmptyState.h"
#include "widgets/Icons.h"

#include "common/Clock.h"
#include "journeys/JourneyEngine.h"
#include "journeys/JourneyRepository.h"

#include "common/BackgroundTasks.h"
#include "contacts/ContactCommands.h"
#include "contacts/ContactDetailPane.h"
#include "contacts/ContactEditorDialog.h"
#include "contacts/ContactListModel.h"
#include "contacts/TagsDialog.h"
#include "exporting/ContactExporter.h"
#include "i18n/Formatter.h"
#include "importwizard/ImportWizard.h"
#include "segments/SegmentRepository.h"
#include "settings/AppSettings.h"
#include "storage/Database.h"
#include "widgets/ActionButton.h"
#include "widgets/Selection.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <atomic>
#include <memory>

namespace masir::ui {

namespace {
constexpr int kMaxDeleteAtOnce = 10000;
}

ContactsPage::ContactsPage(const Database &db, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_tasks(new BackgroundTasks(this))
    , m_undo(undoStack)
    , m_repo(db)
    , m_fields(db)
{
    m_model = new ContactListModel(db, this);
    connect(m_model, &ContactListModel::totalChanged, this, &ContactsPage::totalChanged);
    connect(m_model, &ContactListModel::searchStarted, this,
            [this] { Q_EMIT statusMessage(tr("Searching…"), 0); });
    connect(m_model, &ContactListModel::searchFinished, this,
            [this] { Q_EMIT statusMessage(QString(), 0); });

    // Actions
    m_newAction = new QAction(Icons::icon(QStringLiteral("add")), tr("&New Contact…"), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(
        tr("Add a contact (%1)")
            .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    connect(m_newAction, &QAction::triggered, this, [this] { editContact(0); });

    m_editAction = new QAction(Icons::icon(QStringLiteral("edit")), tr("&Edit Contact…"), this);
    m_editAction->setShortcuts(
        {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter), QKeySequence(Qt::Key_F2)});
    m_editAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_editAction, &QAction::triggered, this, [this] {
        const QList<qint64> ids = selectedIds(1);
        if (!ids.isEmpty())
            editContact(ids.first());
    });

    m_deleteAction = new QAction(Icons::icon(QStringLiteral("delete")), tr("&Delete"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &ContactsPage::deleteSelected);

    m_findAction = new QAction(Icons::icon(QStringLiteral("search")), tr("&Find…"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });

    m_exportAction =
        new QAction(Icons::icon(QStringLiteral("export")), tr("&Export Contacts as CSV…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportAction, &QAction::triggered, this, &ContactsPage::exportContacts);

    m_importAction =
        new QAction(Icons::icon(QStringLiteral("import")), tr("&Import Contacts…"), this);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setToolTip(
        tr("Import contacts from a CSV file (Ctrl+I), or drop the file on the list"));
    connect(m_importAction, &QAction::triggered, this, [this] { importFile(); });

    m_addToListAction = new QAction(Icons::icon(QStringLiteral("list")), tr("Add to &List…"), this);
    m_addToListAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_addToListAction->setToolTip(tr("Put the selected contacts in a list (Ctrl+L)"));
    connect(m_addToListAction, &QAction::triggered, this, &ContactsPage::chooseListForSelection);

    m_manageTagsAction = new QAction(Icons::icon(QStringLiteral("tag")), tr("Manage &Tags…"), this);
    m_manageTagsAction->setToolTip(tr("Rename, merge and delete tags"));
    connect(m_manageTagsAction, &QAction::triggered, this, [this] {
        TagsDialog dialog(m_db, this);
        dialog.exec();
        if (dialog.hasChanged())
            refresh(0);
    });

    m_refreshAction = new QAction(Icons::icon(QStringLiteral("refresh")), tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, [this] { refresh(0); });

    // Search
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("contactSearch"));
    m_search->setPlaceholderText(tr("Search name, email or phone (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search contacts"));
    m_search->setClearButtonEnabled(true);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(200); // debounce: search when the user pauses typing
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &ContactsPage::applySearch);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        applySearch();
        m_view->setFocus();
        if (m_model->rowCount() > 0)
            selectWholeRow(m_view, 0);
    });

    m_segmentFilter = new QComboBox;
    m_segmentFilter->setObjectName(QStringLiteral("segmentFilter"));
    m_segmentFilter->setAccessibleName(tr("Show segment"));
    m_segmentFilter->setToolTip(tr("Show only the contacts of a segment or list"));
    m_segmentFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_segmentFilter, &QComboBox::currentIndexChanged, this,
            [this] { applySegmentFilter(); });

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_segmentFilter);
    toolbar->addWidget(m_search, 1);
    toolbar->addWidget(actionButton(m_newAction));
    toolbar->addWidget(actionButton(m_importAction));
    toolbar->addWidget(actionButton(m_deleteAction));

    // Table
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("contactTable"));
    m_view->setAccessibleName(tr("Contacts"));
    m_view->setModel(m_model);
    EmptyState::attach(
        m_view,
        [this] {
            if (!m_search->text().trimmed().isEmpty())
                return tr("No contact matches \"%1\".").arg(m_search->text().trimmed());
            if (m_segmentFilter->currentData().toLongLong() != 0)
                return tr("No contacts here yet.");
            return tr("No contacts yet. Import them from a spreadsheet, your shop or your "
                      "CRM, or add one by hand.");
        },
        m_importAction);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures a million rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->setColumnWidth(ContactListModel::NameColumn, 190);
    m_view->setColumnWidth(ContactListModel::EmailColumn, 230);
    m_view->setColumnWidth(ContactListModel::PhoneColumn, 150);
    // A CSV file dropped on the list starts the import wizard.
    m_view->setAcceptDrops(true);
    m_view->viewport()->setAcceptDrops(true);
    m_view->viewport()->installEventFilter(this);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_editAction);
    m_view->addAction(m_deleteAction);
    m_view->addAction(m_addToListAction);
    m_model->sort(ContactListModel::CreatedColumn, Qt::DescendingOrder);
    m_view->horizontalHeader()->setSortIndicator(ContactListModel::CreatedColumn,
                                                 Qt::DescendingOrder);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        QHeaderView *header = m_view->horizontalHeader();
        if (!ContactListModel::isSortable(column)) {
            // Only indexed columns sort; keep the indicator where the order really is.
            header->setSortIndicator(m_model->sortColumn(), m_model->query().descending
                                                                ? Qt::DescendingOrder
                                                                : Qt::AscendingOrder);
            Q_EMIT statusMessage(tr("This column cannot be sorted. Sort by name, company, score "
                                    "or date created."),
                                 4000);
            return;
        }
        // Clicking the sorted column flips the order; a new column starts ascending,
        // except score and date, where the highest and newest come first.
        Qt::SortOrder order =
            (column == ContactListModel::ScoreColumn || column == ContactListModel::CreatedColumn)
                ? Qt::DescendingOrder
                : Qt::AscendingOrder;
        if (column == m_model->sortColumn())
            order = m_model->query().descending ? Qt::AscendingOrder : Qt::DescendingOrder;
        header->setSortIndicator(column, order);
        m_model->sort(column, order);
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const qint64 id = m_model->contactId(index.row()))
            editContact(id);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ContactsPage::updateSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ContactsPage::updateSelection);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &ContactsPage::updateSelection);

    m_detail = new ContactDetailPane(m_db, m_repo, m_fields);
    connect(m_detail, &ContactDetailPane::editRequested, this,
            [this](qint64 id) { editContact(id); });
    connect(m_detail, &ContactDetailPane::statusMessage, this, &ContactsPage::statusMessage);
    connect(m_detail, &ContactDetailPane::contactErased, this, [this] {
        m_undo->clear(); // an undo could not bring an erased person back
        refresh(0);
    });
    // What can be done to a contact, in the list's menu too.
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_addToJourneyAction =
        new QAction(Icons::icon(QStringLiteral("journeys")), tr("Add to &Journey…"), this);
    m_addToJourneyAction->setToolTip(tr("Start a journey for the selected contacts"));
    connect(m_addToJourneyAction, &QAction::triggered, this,
            &ContactsPage::chooseJourneyForSelection);
    m_view->addAction(m_addToJourneyAction);
    m_view->addAction(separator);
    for (QAction *a : {m_detail->addNoteAction(), m_detail->addTaskAction(),
                       m_detail->newDealAction(), m_detail->logPurchaseAction()})
        m_view->addAction(a);

    auto *listSide = new QWidget;
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(toolbar);
    listLayout->addWidget(m_view, 1);

    m_splitter = new QSplitter;
    m_splitter->addWidget(listSide);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({760, 340});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);
    reloadSegments();
    updateSelection();
}

void ContactsPage::reloadSegments()
{
    const qint64 current = m_segmentFilter->currentData().toLongLong();
    const QSignalBlocker block(m_segmentFilter);
    m_segmentFilter->clear();
    m_segmentFilter->addItem(tr("All contacts"), qint64(0));
    for (const Segment &s : SegmentRepository(m_db).list())
        m_segmentFilter->addItem(s.isStatic ? tr("List: %1").arg(s.name) : s.name, s.id);
    // an import shown from its wizard: its id negated, apart from the segments'
    if (m_shownImport.first > 0)
        m_segmentFilter->addItem(tr("Imported from %1").arg(m_shownImport.second),
                                 -m_shownImport.first);
    const int at = m_segmentFilter->findData(current);
    m_segmentFilter->setCurrentIndex(std::max(at, 0));
    if (at < 0 && current != 0)
        applySegmentFilter(); // the segment was deleted
}

bool ContactsPage::applySegmentFilter()
{
    // Compiled afresh each time: a rule's "last 30 days" moves with the clock,
    // and the segment may have been edited since.
    const qint64 id = m_segmentFilter->currentData().toLongLong();
    return m_model->setFilter(id < 0 ? ImportHistory::contactFilter(-id)
                                     : SegmentRepository(m_db).contactFilter(id));
}

void ContactsPage::showImport(qint64 importId, const QString &fileName)
{
    m_shownImport = {importId, fileName};
    reloadSegments();
    setSegmentFilter(-importId);
}

void ContactsPage::setSegmentFilter(qint64 segmentId)
{
    int at = m_segmentFilter->findData(segmentId);
    if (at < 0) {
        reloadSegments();
        at = m_segmentFilter->findData(segmentId);
    }
    m_segmentFilter->setCurrentIndex(std::max(at, 0));
}

void ContactsPage::chooseListForSelection()
{
    if (selectedCount() == 0) {
        Q_EMIT statusMessage(tr("Select the contacts to add first."), 4000);
        return;
    }
    QStringList lists;
    for (const Segment &s : SegmentRepository(m_db).list())
        if (s.isStatic)
            lists << s.name;
    bool ok = false;
    const QString name = QInputDialog::getItem(
        this, tr("Add to List"),
        tr("Add %n selected contact(s) to the list (pick one, or type a new name):", nullptr,
           selectedCount()),
        lists, 0, true, &ok);
    if (ok && !name.trimmed().isEmpty())
        addSelectionToList(name.trimmed());
}

qint64 ContactsPage::addSelectionToList(const QString &name)
{
    SegmentRepository segments(m_db);
    const qint64 listId = segments.ensureList(name);
    if (listId == 0) {
        QMessageBox::warning(this, tr("Cannot add to the list"),
                             tr("\"%1\" is a segment built from rules, not a list. Choose "
                                "another name.")
                                 .arg(name));
        return -1;
    }
    const qint64 added = segments.addMembers(listId, selectedIds(selectedCount()));
    reloadSegments();
    Q_EMIT statusMessage(tr("Added %n contact(s) to \"%1\".", nullptr, int(added)).arg(name), 5000);
    return added;
}

void ContactsPage::chooseJourneyForSelection()
{
    if (selectedCount() == 0) {
        Q_EMIT statusMessage(tr("Select the contacts to add first."), 4000);
        return;
    }
    QStringList names;
    QList<qint64> ids;
    for (const Journey &j : JourneyRepository(m_db).list()) {
        if (j.status == QLatin1String("active")) {
            names << j.name;
            ids << j.id;
        }
    }
    if (names.isEmpty()) {
        QMessageBox::information(this, tr("Add to Journey"),
                                 tr("No journey is running. Start one on the Journeys page "
                                    "first."));
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getItem(
        this, tr("Add to Journey"),
        tr("Start this journey for %n selected contact(s):", nullptr, selectedCount()), names, 0,
        false, &ok);
    if (ok)
        addSelectionToJourney(ids.value(names.indexOf(name)));
}

qint64 ContactsPage::addSelectionToJourney(qint64 journeyId)
{
    SystemClock clock;
    JourneyEngine engine(m_db, clock);
    const auto entered = engine.enrol(journeyId, selectedIds(selectedCount()));
    if (!entered) {
        QMessageBox::warning(this, tr("Add to Journey"),
                             tr("The contacts could not be added: %1").arg(engine.errorString()));
        return -1;
    }
    const int skipped = selectedCount() - int(*entered);
    Q_EMIT statusMessage(
        skipped > 0
            ? tr("%n contact(s) entered the journey; the others were in it already or may not "
                 "enter it again.",
                 nullptr, int(*entered))
            : tr("%n contact(s) entered the journey.", nullptr, int(*entered)),
        6000);
    Q_EMIT journeysChanged();
    return *entered;
}

void ContactsPage::applySearch()
{
    m_model->setSearch(m_search->text());
}

int ContactsPage::selectedCount() const
{
    int count = 0;
    for (const QItemSelectionRange &range : m_view->selectionModel()->selection())
        count += range.height();
    return count;
}

QList<qint64> ContactsPage::selectedIds(int limit) const
{
    QList<qint64> ids;
    QSet<qint64> seen;
    for (const QItemSelectionRange &range : m_view->selectionModel()->selection()) {
        for (int row = range.top(); row <= range.bottom() && ids.size() < limit; ++row) {
            if (const qint64 id = m_model->contactId(row); id && !seen.contains(id)) {
                seen.insert(id);
                ids << id;
            }
        }
    }
    return ids;
}

void ContactsPage::updateSelection()
{
    const int count = selectedCount();
    m_deleteAction->setEnabled(count > 0);
    m_editAction->setEnabled(count == 1);
    if (count == 1)
        m_detail->showContact(selectedIds(1).value(0));
    else
        m_detail->showSelectionCount(count);
    Q_EMIT selectionCountChanged(count);
}

void ContactsPage::selectContact(qint64 id)
{
    const int row = m_model->rowOfCached(id);
    if (row < 0)
        return;
    selectWholeRow(m_view, row);
}

void ContactsPage::selectRow(int row)
{
    if (const qint64 id = m_model->contactId(row))
        selectContact(id);
}

void ContactsPage::refresh(qint64 focusId)
{
    if (!applySegmentFilter())
        m_model->refresh();
    if (focusId) {
        // Bring the first page in so a contact that sorts near the top can be found.
        m_model->contactId(0);
        selectContact(focusId);
    }
}

qint64 ContactsPage::editContact(qint64 id)
{
    Contact original;
    if (id) {
        const std::optional<Contact> found = m_repo.find(id);
        if (!found) {
            QMessageBox::warning(this, tr("Contact not found"),
                                 tr("This contact no longer exists; it may have been deleted."));
            refresh(0);
            return 0;
        }
        original = *found;
    }
    auto changed = [this](qint64 focus) { refresh(focus); };
    qint64 savedId = 0;
    ContactEditorDialog dialog(
        original, m_fields.fields(),
        [&](Contact &c) -> QList<FieldError> {
            if (c.id == 0) {
                if (!m_repo.create(c))
                    return m_repo.errors();
                m_undo->push(new CreateContactCommand(m_repo, c, changed));
            } else {
                if (!m_repo.update(c))
                    return m_repo.errors();
                m_undo->push(new EditContactCommand(m_repo, original, c, changed));
            }
            savedId = c.id;
            return {};
        },
        this);
    if (dialog.exec() != QDialog::Accepted)
        return 0;
    refresh(savedId);
    Q_EMIT statusMessage(id ? tr("Contact saved.") : tr("Contact added."), 3000);
    return savedId;
}

void ContactsPage::deleteSelected()
{
    const int count = selectedCount();
    if (count == 0)
        return;
    if (count > kMaxDeleteAtOnce) {
        QMessageBox::information(this, tr("Too many contacts selected"),
                                 tr("Select at most %1 contacts to delete at once.")
                                     .arg(Formatter::number(kMaxDeleteAtOnce)));
        return;
    }
    const QList<qint64> ids = selectedIds(kMaxDeleteAtOnce);
    if (ids.size() > 1) {
        const auto answer = QMessageBox::question(
            this, tr("Delete contacts"),
            tr("Delete %n contact(s) with their tags and timelines? You can undo this with "
               "Ctrl+Z.",
               nullptr, int(ids.size())),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    ContactSnapshot snapshot = m_repo.snapshot(ids);
    if (!m_repo.remove(ids)) {
        QMessageBox::critical(this, tr("Delete failed"), m_repo.errorString());
        return;
    }
    m_undo->push(new DeleteContactsCommand(m_repo, ids, std::move(snapshot),
                                           [this](qint64 focus) { refresh(focus); }));
    refresh(0);
    Q_EMIT statusMessage(
        tr("Deleted %n contact(s). Press Ctrl+Z to undo.", nullptr, int(ids.size())), 6000);
}

void ContactsPage::exportContacts()
{
    AppSettings settings;
    const QString folder = settings.value(AppSettings::Key::LastExportFolder).toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Contacts"),
                                                      QDir(folder).filePath(tr("contacts.csv")),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    settings.setValue(AppSettings::Key::LastExportFolder, QFileInfo(path).absolutePath());

    const qint64 total = m_repo.count();
    auto *progress = new QProgressDialog(tr("Exporting contacts…"), tr("Cancel"), 0,
                                         int(std::max<qint64>(total, 1)), this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    connect(progress, &QProgressDialog::canceled, this, [cancelled] { *cancelled = true; });

    // The export reads through its own connection in the background; the UI stays live.
    const Database *db = &m_db;
    BackgroundTasks *tasks = m_tasks;
    QPointer<QProgressDialog> guard(progress);
    m_tasks->run(
        [db, path, cancelled, tasks, guard] {
            ContactExporter exporter(*db);
            const qint64 n = exporter.exportCsv(path, {}, [&](qint64 done) {
                tasks->post([guard, done] {
                    if (guard)
                        guard->setValue(int(done));
                });
                return !cancelled->load() && !tasks->stopping()->load();
            });
            return n < 0 ? exporter.errorString() : QString();
        },
        [this, progress, path](const QString &error) {
            progress->deleteLater();
            if (!error.isEmpty()) {
                QMessageBox::warning(this, tr("Export failed"), error);
                return;
            }
            Q_EMIT statusMessage(tr("Exported contacts to %1.").arg(QDir::toNativeSeparators(path)),
                                 6000);
        });
}

bool ContactsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *drag = static_cast<QDropEvent *>(event);
            if (drag->mimeData()->hasUrls() && drag->mimeData()->urls().value(0).isLocalFile()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            const QList<QUrl> urls = drop->mimeData()->urls();
            if (!urls.isEmpty() && urls.first().isLocalFile()) {
                drop->acceptProposedAction();
                const QString path = urls.first().toLocalFile();
                // Open the wizard after the drop has finished.
                QMetaObject::invokeMethod(
                    this, [this, path] { importFile(path); }, Qt::QueuedConnection);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ContactsPage::importFile(const QString &path)
{
    auto *wizard = new ImportWizard(m_db, path, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::contactsChanged, this, [this] { refresh(0); });
    connect(wizard, &ImportWizard::showImport, this, &ContactsPage::showImport);
    wizard->open();
}

void ContactsPage::saveState() const
{
    AppSettings settings;
    settings.setValue(AppSettings::Key::ContactsSplitter, m_splitter->saveState());
    settings.setValue(AppSettings::Key::ContactsHeader, m_view->horizontalHeader()->saveState());
}

void ContactsPage::restoreState()
{
    AppSettings settings;
    m_splitter->restoreState(settings.value(AppSettings::Key::ContactsSplitter).toByteArray());
    QHeaderView *header = m_view->horizontalHeader();
    header->restoreState(settings.value(AppSettings::Key::ContactsHeader).toByteArray());
    // The header remembers the user's order; make the model follow it.
    if (ContactListModel::isSortable(header->sortIndicatorSection()))
        m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    else
        header->setSortIndicator(m_model->sortColumn(), m_model->query().descending
                                                            ? Qt::DescendingOrder
                                                            : Qt::AscendingOrder);
}

} // namespace masir::ui
