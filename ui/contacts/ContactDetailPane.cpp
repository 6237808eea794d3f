#include "contacts/ContactDetailPane.h"
#include "widgets/Icons.h"

#include "campaigns/BestSendTime.h"

#include "contacts/ContactRepository.h"
#include "contacts/CustomFields.h"
#include "contacts/PhoneNumbers.h"
#include "crm/CrmDialogs.h"
#include "crm/Deals.h"
#include "crm/Notes.h"
#include "crm/Tasks.h"
#include "crm/TasksPage.h"
#include "i18n/Formatter.h"
#include "intake/EventIntake.h"
#include "privacy/Erasure.h"
#include "privacy/PersonalData.h"
#include "settings/AppSettings.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTimeZone>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

void addRow(QFormLayout *form, const QString &label, const QString &value)
{
    if (value.isEmpty())
        return;
    // In a right-to-left interface the value starts from the right like its
    // label, even when it is an (isolated) English name or address.
    auto *text = new QLabel(QGuiApplication::isRightToLeft() ? QChar(0x200F) + value : value);
    text->setTextFormat(Qt::PlainText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setWordWrap(true);
    form->addRow(label + QLatin1Char(':'), text);
}

void clearRows(QFormLayout *form)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
}

QLabel *sectionTitle(const QString &text)
{
    auto *label = new QLabel(text);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

} // namespace

ContactDetailPane::ContactDetailPane(const Database &db, const ContactRepository &repo,
                                     const CustomFieldRepository &fields, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_repo(repo)
    , m_fields(fields)
{
    auto *outer = new QVBoxLayout(this);
    m_placeholder = new QLabel(tr("Select a contact to see their details and timeline."));
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_placeholder, 1);

    m_body = new QWidget;
    auto *layout = new QVBoxLayout(m_body);
    layout->setContentsMargins(0, 0, 0, 0);
    m_name = new QLabel;
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name->setWordWrap(true);
    m_edit = new QPushButton(tr("&Edit…"));
    m_edit->setToolTip(tr("Edit this contact (Enter)"));
    connect(m_edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(m_id); });
    auto *header = new QHBoxLayout;
    header->addWidget(m_name, 1);
    header->addWidget(m_edit);
    layout->addLayout(header);

    m_details = new QFormLayout;
    m_details->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_details);

    layout->addWidget(sectionTitle(tr("Tags")));
    m_tags = new QLabel;
    m_tags->setTextFormat(Qt::RichText);
    m_tags->setWordWrap(true);
    layout->addWidget(m_tags);

    layout->addWidget(sectionTitle(tr("Consent")));
    m_consent = new QFormLayout;
    layout->addLayout(m_consent);

    buildActions();
    // What can be done to the contact; what does not fit goes under the bar's » button.
    auto *actions = new QToolBar;
    actions->setObjectName(QStringLiteral("contactActions"));
    actions->setToolButtonStyle(Qt::ToolButtonTextOnly);
    actions->setIconSize(QSize(1, 1));
    for (QAction *a : {m_addNote, m_addTask, m_newDeal, m_logPurchase})
        actions->addAction(a);
    auto *more = new QToolButton;
    more->setText(tr("Privacy"));
    more->setToolTip(tr("Export or erase this person's data (GDPR)"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto *moreMenu = new QMenu(more);
    moreMenu->addAction(m_exportData);
    moreMenu->addAction(m_erase);
    more->setMenu(moreMenu);
    actions->addWidget(more);
    layout->addWidget(actions);

    m_tabs = new QTabWidget;
    auto *timelineTab = new QWidget;
    auto *timelineLayout = new QVBoxLayout(timelineTab);
    timelineLayout->setContentsMargins(0, 4, 0, 0);
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("timelineKind"));
    for (const TimelineKind k :
         {TimelineKind::All, TimelineKind::Messages, TimelineKind::Visits, TimelineKind::Purchases,
          TimelineKind::Notes, TimelineKind::Tasks, TimelineKind::Deals, TimelineKind::Changes})
        m_kind->addItem(ContactTimeline::kindLabel(k), int(k));
    m_kind->setToolTip(tr("Show only one kind of entry"));
    timelineLayout->addWidget(m_kind);
    m_timelineModel = new TimelineModel(db, this);
    m_timeline = new QListView;
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setAccessibleName(tr("Timeline"));
    m_timeline->setModel(m_timelineModel);
    m_timeline->setWordWrap(true);
    m_timeline->setAlternatingRowColors(true);
    m_timeline->setUniformItemSizes(false);
    m_timeline->setSpacing(1);
    m_timeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    timelineLayout->addWidget(m_timeline, 1);
    // A note on the timeline is edited or deleted from its menu.
    m_timeline->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_timeline, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_timeline->indexAt(pos);
        if (index.data(TimelineModel::TypeRole).toString() != EventType::NoteAdded)
            return;
        const qint64 note = index.data(TimelineModel::PayloadRole)
                                .toJsonObject()
                                .value(QStringLiteral("note"))
                                .toInteger();
        if (!note)
            return; // a note_added event of an older workspace: not a note row
        QMenu menu;
        menu.addAction(Icons::icon(QStringLiteral("edit")), tr("Edit Note…"), this,
                       [this, note] { editNote(note); });
        menu.addAction(
            Icons::icon(QStringLiteral("delete")), tr("Delete Note"), this, [this, note] {
                Notes notes(m_db.connection());
                if (QMessageBox::question(this, tr("Delete Note"), tr("Delete this note?"),
                                          QMessageBox::Yes | QMessageBox::Cancel,
                                          QMessageBox::Cancel) != QMessageBox::Yes)
                    return;
                if (!notes.remove(note))
                    Q_EMIT statusMessage(notes.errorString(), 10000);
                m_timelineModel->reload();
            });
        menu.exec(m_timeline->viewport()->mapToGlobal(pos));
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_timelineModel->setKind(TimelineKind(m_kind->currentData().toInt())); });
    m_tabs->addTab(timelineTab, tr("Timeline"));

    m_tasks = new QListWidget;
    m_tasks->setObjectName(QStringLiteral("contactTasks"));
    m_tasks->setWordWrap(true);
    connect(m_tasks, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const qint64 task = item->data(Qt::UserRole).toLongLong();
        if (!task)
            return;
        Tasks tasks(m_db.connection());
        if (!tasks.setDone(task, item->checkState() == Qt::Checked,
                           QDateTime::currentMSecsSinceEpoch()))
            Q_EMIT statusMessage(tasks.errorString(), 10000);
        Q_EMIT crmChanged();
        m_timelineModel->reload();
    });
    m_tabs->addTab(m_tasks, tr("Tasks"));
    m_deals = new QListWidget;
    m_deals->setObjectName(QStringLiteral("contactDeals"));
    m_deals->setWordWrap(true);
    m_tabs->addTab(m_deals, tr("Deals"));
    layout->addWidget(m_tabs, 1);

    outer->addWidget(m_body, 1);
    m_body->hide();
    setMinimumWidth(300);
}

int ContactDetailPane::timelineCount() const
{
    return m_timelineModel->rowCount();
}

void ContactDetailPane::showSelectionCount(int count)
{
    m_id = 0;
    for (QAction *a : {m_addNote, m_addTask, m_newDeal, m_logPurchase, m_exportData, m_erase})
        a->setEnabled(false);
    m_body->hide();
    m_placeholder->setText(count > 1 ? tr("%n contacts selected.", nullptr, count)
                                     : tr("Select a contact to see their details and timeline."));
    m_placeholder->show();
}

void ContactDetailPane::showContact(qint64 id)
{
    const std::optional<Contact> found = m_repo.find(id);
    if (!found) {
        showSelectionCount(0);
        return;
    }
    const Contact &c = *found;
    m_id = id;
    for (QAction *a : {m_addNote, m_addTask, m_newDeal, m_logPurchase, m_exportData, m_erase})
        a->setEnabled(true);
    m_placeholder->hide();
    m_body->show();
    m_name->setText(c.displayName());

    clearRows(m_details);
    addRow(m_details, tr("Email"), Formatter::leftToRight(c.email));
    addRow(m_details, tr("Phone"), PhoneNumbers::display(c.phone));
    addRow(m_details, tr("Company"), Formatter::isolate(c.company));
    addRow(m_details, tr("City"), Formatter::isolate(c.city));
    addRow(m_details, tr("Country"), Formatter::countryName(c.country));
    addRow(m_details, tr("Language"), Formatter::languageName(c.language));
    addRow(m_details, tr("Time zone"), Formatter::timeZoneName(c.timezone));
    addRow(m_details, tr("Birthday"), Formatter::date(c.birthday));
    addRow(m_details, tr("Stage"), ContactVocabulary::stageLabel(c.stage));
    addRow(m_details, tr("Score"), Formatter::number(c.score));
    if (const auto best = BestSendTime(m_db, m_clock).ofContact(c.id)) {
        const QTimeZone zone =
            c.timezone.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(c.timezone.toUtf8());
        addRow(m_details, tr("Best time to send"),
               tr("%1 (their time)").arg(BestSendTime::describe(*best, zone)));
    }
    addRow(m_details, tr("Status"), ContactVocabulary::statusLabel(c.status));
    addRow(m_details, tr("Source"), ContactVocabulary::sourceLabel(c.source));
    addRow(m_details, tr("Owner"), c.owner);
    for (const FieldDefinition &def : m_fields.fields()) {
        QString value = c.custom.value(def.key);
        if (def.type == FieldType::Boolean && !value.isEmpty())
            value = value == QLatin1String("1") ? tr("Yes") : tr("No");
        else if (def.type == FieldType::Date && !value.isEmpty())
            value = Formatter::date(QDate::fromString(value, Qt::ISODate));
        addRow(m_details, def.label, value);
    }
    addRow(m_details, tr("Created"), Formatter::dateTime(c.createdAt));

    if (c.tags.isEmpty()) {
        m_tags->setText(tr("No tags"));
    } else {
        QStringList chips;
        for (const QString &tag : c.tags)
            chips << QStringLiteral(
                         "<span style='background:palette(alternate-base);'>&nbsp;%1&nbsp;</span>")
                         .arg(tag.toHtmlEscaped());
        m_tags->setText(chips.join(QStringLiteral(" ")));
    }

    auto consentText = [this](const Consent &consent) {
        QString text = ContactVocabulary::consentLabel(consent.status);
        QStringList details;
        if (consent.changedAt.isValid())
            details << Formatter::dateTime(consent.changedAt);
        if (!consent.source.isEmpty())
            details << ContactVocabulary::sourceLabel(consent.source);
        if (!details.isEmpty())
            text += QStringLiteral(" (%1)").arg(
                details.size() == 2
                    ? tr("%1, %2", "consent time, consent source").arg(details[0], details[1])
                    : details.first());
        return text;
    };
    clearRows(m_consent);
    addRow(m_consent, ContactVocabulary::channelLabel(Channel::Email), consentText(c.emailConsent));
    addRow(m_consent, ContactVocabulary::channelLabel(Channel::Sms), consentText(c.smsConsent));

    m_timelineModel->show(id, TimelineKind(m_kind->currentData().toInt()));
    showCrm();
}

void ContactDetailPane::showCrm()
{
    const QSignalBlocker block(m_tasks);
    m_tasks->clear();
    TaskQuery query;
    query.state = TaskQuery::State::All;
    query.contactId = m_id;
    query.limit = 200;
    int open = 0;
    for (const Task &t : Tasks(m_db.connection()).list(query)) {
        QString text = t.title;
        if (t.dueAt.isValid())
            text += QLatin1Char('\n') + tr("due %1").arg(Formatter::dateTime(t.dueAt));
        auto *item = new QListWidgetItem(text, m_tasks);
        item->setData(Qt::UserRole, t.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(t.isDone() ? Qt::Checked : Qt::Unchecked);
        open += t.isDone() ? 0 : 1;
    }
    if (m_tasks->count() == 0)
        m_tasks->addItem(tr("No tasks. Add one with Add Task."));
    m_tabs->setTabText(1, open ? tr("Tasks (%1)").arg(Formatter::number(open)) : tr("Tasks"));

    m_deals->clear();
    DealQuery deals;
    deals.contactId = m_id;
    const QList<Pipeline> pipelines = Pipelines(m_db.connection()).all();
    for (const Deal &d : Deals(m_db.connection()).list(deals)) {
        QString stage;
        for (const Pipeline &p : pipelines) {
            if (const PipelineStage *s = p.stage(d.stageId))
                stage = s->label();
        }
        auto *item = new QListWidgetItem(
            QStringLiteral("%1\n%2 · %3 %4")
                .arg(d.title, stage, Formatter::locale().toString(d.amount, 'f', 0), d.currency),
            m_deals);
        item->setData(Qt::UserRole, d.id);
    }
    if (m_deals->count() == 0)
        m_deals->addItem(tr("No deals. Open one with New Deal."));
    m_tabs->setTabText(2, deals.contactId && m_deals->item(0)->data(Qt::UserRole).toLongLong()
                              ? tr("Deals (%1)").arg(Formatter::number(m_deals->count()))
                              : tr("Deals"));
}

void ContactDetailPane::buildActions()
{
    m_addNote = new QAction(Icons::icon(QStringLiteral("note")), tr("Add &Note…"), this);
    m_addNote->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
    connect(m_addNote, &QAction::triggered, this, &ContactDetailPane::askNote);
    m_addTask = new QAction(Icons::icon(QStringLiteral("tasks")), tr("Add &Task…"), this);
    connect(m_addTask, &QAction::triggered, this, &ContactDetailPane::askTask);
    m_newDeal = new QAction(Icons::icon(QStringLiteral("deals")), tr("New &Deal…"), this);
    connect(m_newDeal, &QAction::triggered, this, [this] { Q_EMIT newDealRequested(m_id); });
    m_logPurchase =
        new QAction(Icons::icon(QStringLiteral("purchase")), tr("Log a &Purchase…"), this);
    connect(m_logPurchase, &QAction::triggered, this, &ContactDetailPane::askPurchase);
    m_exportData =
        new QAction(Icons::icon(QStringLiteral("privacy")), tr("E&xport Personal Data…"), this);
    connect(m_exportData, &QAction::triggered, this, &ContactDetailPane::askExport);
    m_erase = new QAction(Icons::icon(QStringLiteral("delete")), tr("E&rase This Person…"), this);
    connect(m_erase, &QAction::triggered, this, &ContactDetailPane::askErase);
    for (QAction *a : {m_addNote, m_addTask, m_newDeal, m_logPurchase, m_exportData, m_erase})
        a->setEnabled(false);
}

bool ContactDetailPane::addNote(const QString &text)
{
    Notes notes(m_db.connection());
    if (!notes.add(m_id, text, TasksPage::me(), QDateTime::currentMSecsSinceEpoch())) {
        Q_EMIT statusMessage(tr("The note could not be saved: %1").arg(notes.errorString()), 10000);
        return false;
    }
    m_timelineModel->reload();
    Q_EMIT statusMessage(tr("Note added."), 4000);
    return true;
}

void ContactDetailPane::askNote()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Add Note"), tr("Note about %1:").arg(Formatter::leftToRight(m_name->text())),
        QString(), &ok);
    if (ok && !text.trimmed().isEmpty())
        addNote(text);
}

bool ContactDetailPane::editNote(qint64 noteId, const QString &text)
{
    Notes notes(m_db.connection());
    const auto note = notes.find(noteId);
    if (!note)
        return false;
    QString body = text;
    if (body.isNull()) {
        bool ok = false;
        body = QInputDialog::getMultiLineText(this, tr("Edit Note"), tr("Note:"), note->body, &ok);
        if (!ok)
            return false;
    }
    if (!notes.edit(noteId, body, QDateTime::currentMSecsSinceEpoch())) {
        Q_EMIT statusMessage(tr("The note could not be saved: %1").arg(notes.errorString()), 10000);
        return false;
    }
    m_timelineModel->reload();
    return true;
}

void ContactDetailPane::askTask()
{
    Task task;
    task.contactId = m_id;
    task.owner = TasksPage::me();
    TaskDialog dialog(task, m_name->text(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const NewTask nt = dialog.newTask(QDateTime::currentMSecsSinceEpoch());
    Tasks tasks(m_db.connection());
    if (!tasks.create(nt)) {
        Q_EMIT statusMessage(tr("The task could not be saved: %1").arg(tasks.errorString()), 10000);
        return;
    }
    showContact(m_id);
    Q_EMIT crmChanged();
}

bool ContactDetailPane::logPurchase(double amount, const QString &currency, const QString &order,
                                    const QDateTime &when)
{
    IncomingEvent e;
    e.contactId = m_id;
    e.type = EventType::Purchase;
    e.atMs = when.toMSecsSinceEpoch();
    e.payload = {{QStringLiteral("amount"), amount},
                 {QStringLiteral("currency"), currency},
                 {QStringLiteral("source"), QStringLiteral("manual")}};
    if (!order.isEmpty())
        e.payload.insert(QStringLiteral("order"), order);
    EventIntake intake(m_db.connection());
    if (!intake.recordAlone(e)) {
        Q_EMIT statusMessage(tr("The purchase could not be saved: %1").arg(intake.errorString()),
                             10000);
        return false;
    }
    m_timelineModel->reload();
    Q_EMIT statusMessage(tr("Purchase logged."), 4000);
    return true;
}

void ContactDetailPane::askPurchase()
{
    PurchaseDialog dialog(
        WorkspaceSettings(m_db).value(WorkspaceSettings::Key::Currency).toString(), m_name->text(),
        this);
    if (dialog.exec() == QDialog::Accepted)
        logPurchase(dialog.amount(), dialog.currency(), dialog.order(), dialog.when());
}

bool ContactDetailPane::exportData(const QString &path)
{
    PersonalData personal(m_db);
    const auto json = personal.collect(m_id);
    if (!json) {
        Q_EMIT statusMessage(personal.errorString(), 10000);
        return false;
    }
    const bool html = path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive);
    const QByteArray bytes = html ? PersonalData::toHtml(*json).toUtf8()
                                  : QJsonDocument(*json).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        QMessageBox::warning(
            this, tr("Export Personal Data"),
            tr("Cannot write %1: %2")
                .arg(Formatter::leftToRight(QDir::toNativeSeparators(path)), file.errorString()));
        return false;
    }
    if (!personal.logExport(m_id, TasksPage::me(),
                            html ? QStringLiteral("html") : QStringLiteral("json")))
        Q_EMIT statusMessage(personal.errorString(), 10000);
    Q_EMIT statusMessage(
        tr("Exported to %1.").arg(Formatter::leftToRight(QDir::toNativeSeparators(path))), 8000);
    return true;
}

void ContactDetailPane::askExport()
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Personal Data"),
        QDir(AppSettings().value(AppSettings::Key::LastExportFolder).toString())
            .filePath(tr("personal-data.html")),
        tr("Readable page (*.html);;JSON for another service (*.json)"), &selected);
    if (!path.isEmpty())
        exportData(path);
}

void ContactDetailPane::askErase()
{
    const qint64 id = m_id;
    const QString who = m_name->text();
    if (QMessageBox::warning(
            this, tr("Erase This Person"),
            tr("Erase %1 everywhere, for good? Their details, history, notes, tasks and deals, "
               "the copies of messages sent to them and their opens and clicks are deleted. "
               "Only a hash of their address is kept, so that nothing is sent to them again. "
               "This cannot be undone.")
                .arg(Formatter::leftToRight(who)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    Erasure erasure(m_db);
    const auto report = erasure.erase(id, TasksPage::me(), QDateTime::currentMSecsSinceEpoch());
    if (!report) {
        QMessageBox::warning(this, tr("Erase This Person"),
                             tr("Nothing was erased: %1").arg(erasure.errorString()));
        return;
    }
    Q_EMIT statusMessage(
        report->warning.isEmpty() ? tr("%1 was erased.").arg(who) : report->warning, 10000);
    Q_EMIT contactErased(id);
    Q_EMIT crmChanged();
}

} // namespace masir::ui
