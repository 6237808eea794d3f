#include "templates/TemplatesPage.h"
#include "widgets/EmptyState.h"
#include "widgets/Icons.h"
#include "widgets/SplitterMemory.h"

#include "contacts/PhoneNumbers.h"
#include "widgets/EmailPreview.h"
#include "widgets/TextDirection.h"

#include "contacts/ContactRepository.h"
#include "contacts/CustomFields.h"
#include "i18n/Formatter.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/MergeTemplate.h"
#include "messaging/MessageRenderer.h"
#include "messaging/TemplateListModel.h"
#include "messaging/TestSend.h"
#include "messaging/UnsubscribeTokens.h"
#include "widgets/ActionButton.h"
#include "widgets/EditorSession.h"
#include "widgets/EmailPreview.h"
#include "widgets/MessageLabel.h"
#include "widgets/Selection.h"
#include "widgets/TestSendController.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTextOption>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace masir::ui {

namespace {
constexpr int kPreviewContacts = 50;
} // namespace

TemplatesPage::TemplatesPage(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
{
    setObjectName(QStringLiteral("TemplatesPage"));

    // Actions
    m_newEmail = new QAction(Icons::icon(QStringLiteral("mail")), tr("New &Email"), this);
    m_newEmail->setShortcut(QKeySequence::New);
    m_newEmail->setToolTip(
        tr("Write a new email template (%1)")
            .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    connect(m_newEmail, &QAction::triggered, this,
            [this] { newTemplate(QStringLiteral("email")); });
    m_newSms = new QAction(Icons::icon(QStringLiteral("sms")), tr("New &SMS"), this);
    m_newSms->setToolTip(tr("Write a new text message template"));
    connect(m_newSms, &QAction::triggered, this, [this] { newTemplate(QStringLiteral("sms")); });
    m_duplicate = new QAction(Icons::icon(QStringLiteral("copy")), tr("D&uplicate"), this);
    connect(m_duplicate, &QAction::triggered, this, &TemplatesPage::duplicateCurrent);
    m_delete = new QAction(Icons::icon(QStringLiteral("delete")), tr("&Delete"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetShortcut);
    connect(m_delete, &QAction::triggered, this, &TemplatesPage::deleteCurrent);
    m_save = new QAction(Icons::icon(QStringLiteral("save")), tr("&Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(
        tr("Save (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    connect(m_save, &QAction::triggered, this, &TemplatesPage::save);
    m_revert = new QAction(Icons::icon(QStringLiteral("undo")), tr("&Revert"), this);
    m_revert->setToolTip(tr("Go back to the saved version"));
    connect(m_revert, &QAction::triggered, this, &TemplatesPage::revert);
    m_sendTest = new QAction(Icons::icon(QStringLiteral("outbox")), tr("Send &Test…"), this);
    m_sendTest->setToolTip(tr("Send this template, as it is in the editor, to one address or "
                              "phone through one of your accounts"));
    connect(m_sendTest, &QAction::triggered, this, &TemplatesPage::sendTest);
    addActions({m_newEmail, m_save});

    // Left: the saved templates.
    m_session = new EditorSession(this, {m_save, m_revert, m_duplicate, m_delete},
                                  {[this] { return save(); }, [this] { load(m_current); },
                                   [this] { return m_name->text(); }});
    connect(m_session, &EditorSession::stateChanged, this, &TemplatesPage::updateActions);
    connect(m_session, &EditorSession::stateChanged, this, &TemplatesPage::modifiedChanged);
    m_tests = new TestSendController(m_db, this);
    connect(m_tests, &TestSendController::started, this, [this](const QString &account) {
        m_busy->show();
        updateActions();
        Q_EMIT statusMessage(tr("Sending a test through \"%1\"…").arg(account), 0);
    });
    connect(m_tests, &TestSendController::finished, this, [this](const DeliveryResult &result) {
        m_busy->hide();
        updateActions();
        Q_EMIT statusMessage(result.ok() ? tr("The test was sent.") : tr("The test was not sent."),
                             5000);
    });

    m_model = new TemplateListModel(m_db, this);
    m_list = new QListView;
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setAccessibleName(tr("Templates"));
    m_list->setModel(m_model);
    m_list->setSpacing(3); // a breath between the two-line items
    EmptyState::attach(
        m_list, [] { return tr("No templates yet: write the first email or text message."); },
        m_newEmail);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->addAction(m_delete);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current, const QModelIndex &previous) {
                if (m_session->isLoading() || !current.isValid())
                    return;
                const qint64 id = current.data(TemplateListModel::IdRole).toLongLong();
                if (id == m_current.id)
                    return;
                if (!open(id))
                    showRow(m_list, previous.row());
            });
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 0, 8);
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(actionButton(m_newEmail));
    leftButtons->addWidget(actionButton(m_newSms));
    leftButtons->addStretch(1);
    auto *leftButtons2 = new QHBoxLayout;
    leftButtons2->addWidget(actionButton(m_duplicate));
    leftButtons2->addWidget(actionButton(m_delete));
    leftButtons2->addStretch(1);
    leftLayout->addLayout(leftButtons);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addLayout(leftButtons2);

    // Middle: the editor.
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("templateName"));
    m_name->setAccessibleName(tr("Template name"));
    connect(m_name, &QLineEdit::textEdited, this, &TemplatesPage::edited);
    m_channel = new QLabel;
    m_channel->setObjectName(QStringLiteral("templateChannel"));
    m_marketing = new QCheckBox(tr("&Marketing (adds the footer and unsubscribe link)"));
    m_marketing->setObjectName(QStringLiteral("marketing"));
    m_marketing->setToolTip(tr("Marketing messages carry your postal address and an unsubscribe "
                               "link, and are not sent to contacts who unsubscribed. Turn it off "
                               "only for messages a contact asked for, such as a receipt."));
    connect(m_marketing, &QCheckBox::toggled, this, &TemplatesPage::edited);
    m_track = new QCheckBox(tr("&Track opens and clicks"));
    m_track->setObjectName(QStringLiteral("track"));
    m_track->setToolTip(tr("Adds an invisible image and sends each link through your tracking "
                           "address, so that opens and clicks reach scores, journeys and "
                           "reports. A single link stays untracked when its address ends in "
                           "#notrack. Settings → Tracking turns it on or off for every message."));
    connect(m_track, &QCheckBox::toggled, this, &TemplatesPage::edited);
    connect(m_marketing, &QCheckBox::toggled, m_track, &QWidget::setEnabled);
    m_subject = new QLineEdit;
    m_subject->setObjectName(QStringLiteral("subject"));
    m_subject->setAccessibleName(tr("Subject"));
    m_subject->setPlaceholderText(tr("What the inbox shows first, e.g. Welcome, {{first_name}}!"));
    connect(m_subject, &QLineEdit::textEdited, this, &TemplatesPage::edited);
    m_preheader = new QLineEdit;
    m_preheader->setObjectName(QStringLiteral("preheader"));
    m_preheader->setAccessibleName(tr("Preheader"));
    m_preheader->setPlaceholderText(tr("The short line inboxes show after the subject"));
    connect(m_preheader, &QLineEdit::textEdited, this, &TemplatesPage::edited);

    m_form = new QFormLayout;
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("Channel:"), m_channel);
    m_form->addRow(QString(), m_marketing);
    m_form->addRow(QString(), m_track);
    m_form->addRow(tr("S&ubject:"), m_subject);
    m_form->addRow(tr("P&reheader:"), m_preheader);

    m_body = new QPlainTextEdit;
    alignToTextDirection(m_body);
    m_body->setObjectName(QStringLiteral("body"));
    m_body->setAccessibleName(tr("Message"));
    m_body->setTabChangesFocus(true);
    connect(m_body, &QPlainTextEdit::textChanged, this, &TemplatesPage::edited);
    m_lastField = m_body;
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && (now == m_subject || now == m_preheader || now == m_body))
            m_lastField = now;
    });

    m_tagMenu = new QMenu(this);
    connect(m_tagMenu, &QMenu::aboutToShow, this, &TemplatesPage::buildTagMenu);
    m_insertTag = new QToolButton;
    m_insertTag->setObjectName(QStringLiteral("insertMergeTag"));
    m_insertTag->setText(tr("Insert Merge &Tag"));
    m_insertTag->setToolTip(tr("Insert a contact's data, such as their first name, where the "
                               "cursor is"));
    m_insertTag->setPopupMode(QToolButton::InstantPopup);
    m_insertTag->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_insertTag->setMenu(m_tagMenu);

    m_smsCounter = new QLabel;
    m_smsCounter->setObjectName(QStringLiteral("smsCounter"));
    m_smsCounter->setAccessibleName(tr("Characters and parts"));

    auto *bodyBar = new QHBoxLayout;
    bodyBar->addWidget(m_insertTag);
    bodyBar->addStretch(1);
    bodyBar->addWidget(m_smsCounter);

    m_errors = new MessageLabel(MessageLabel::Kind::Error);
    m_errors->setObjectName(QStringLiteral("templateErrors"));
    m_errors->setAccessibleName(tr("Problems in the template"));

    auto *saveButton = new QPushButton(tr("Save"));
    saveButton->setObjectName(QStringLiteral("saveTemplate"));
    saveButton->setToolTip(m_save->toolTip());
    connect(saveButton, &QPushButton::clicked, m_save, &QAction::trigger);
    connect(m_save, &QAction::changed, saveButton,
            [this, saveButton] { saveButton->setEnabled(m_save->isEnabled()); });
    auto *revertButton = new QPushButton(tr("Revert"));
    revertButton->setObjectName(QStringLiteral("revertTemplate"));
    connect(revertButton, &QPushButton::clicked, m_revert, &QAction::trigger);
    connect(m_revert, &QAction::changed, revertButton,
            [this, revertButton] { revertButton->setEnabled(m_revert->isEnabled()); });
    auto *testButton = new QPushButton(tr("Send Test…"));
    testButton->setObjectName(QStringLiteral("sendTest"));
    testButton->setToolTip(m_sendTest->toolTip());
    connect(testButton, &QPushButton::clicked, m_sendTest, &QAction::trigger);
    connect(m_sendTest, &QAction::changed, testButton,
            [this, testButton] { testButton->setEnabled(m_sendTest->isEnabled()); });
    m_busy = new QProgressBar;
    m_busy->setObjectName(QStringLiteral("testBusy"));
    m_busy->setAccessibleName(tr("Sending the test"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(saveButton);
    buttons->addWidget(revertButton);
    buttons->addStretch(1);
    buttons->addWidget(m_busy);
    buttons->addWidget(testButton);

    auto *editor = new QWidget;
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 8, 0, 8);
    editorLayout->addLayout(m_form);
    editorLayout->addLayout(bodyBar);
    editorLayout->addWidget(m_body, 1);
    editorLayout->addWidget(m_errors);
    editorLayout->addLayout(buttons);

    // Right: the preview.
    m_previewContact = new QComboBox;
    m_previewContact->setObjectName(QStringLiteral("previewContact"));
    m_previewContact->setAccessibleName(tr("Preview for contact"));
    m_previewContact->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_previewContact->setMinimumContentsLength(16);
    connect(m_previewContact, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_session->isLoading())
            updateChecks();
    });
    auto *previewFor = new QLabel(tr("&Preview for:"));
    previewFor->setBuddy(m_previewContact);
    auto *previewBar = new QHBoxLayout;
    previewBar->addWidget(previewFor);
    previewBar->addWidget(m_previewContact, 1);
    m_previewHeader = new QLabel;
    m_previewHeader->setObjectName(QStringLiteral("previewSubject"));
    m_previewHeader->setTextFormat(Qt::PlainText);
    m_previewHeader->setWordWrap(true);
    m_previewHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview = new QTextBrowser;
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setAccessibleName(tr("Preview"));
    m_preview->setOpenLinks(false);
    m_preview->setOpenExternalLinks(false);
    auto *previewPane = new QWidget;
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 8, 8, 8);
    previewLayout->addLayout(previewBar);
    previewLayout->addWidget(m_previewHeader);
    previewLayout->addWidget(m_preview, 1);

    auto *work = new QSplitter;
    work->addWidget(editor);
    work->addWidget(previewPane);
    rememberSplitter(work, QStringLiteral("templateEditor"), {500, 420});

    auto *empty = new QLabel(tr("Templates hold the emails and text messages that journeys and "
                                "campaigns send, with merge tags such as {{first_name}} for each "
                                "contact.\n\nCreate one with New Email or New SMS."));
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignCenter);
    empty->setMargin(24);
    m_editorStack = new QStackedWidget;
    m_editorStack->addWidget(empty);
    m_editorStack->addWidget(work);

    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(m_editorStack);
    splitter->setStretchFactor(1, 1);
    rememberSplitter(splitter, QStringLiteral("templates"), {240, 920});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_checkTimer = new QTimer(this);
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(300);
    connect(m_checkTimer, &QTimer::timeout, this, &TemplatesPage::updateChecks);

    reloadContacts();
    reload();
    updateActions();
}

void TemplatesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // contacts, custom fields and sender settings may have changed elsewhere
    reloadContacts();
    if (!m_session->isModified())
        reload();
    updateChecks();
}

void TemplatesPage::reloadContacts()
{
    const qint64 keep = m_previewContact->currentData().toLongLong();
    const bool hadItems = m_previewContact->count() > 0;
    m_contacts.clear();

    // A made-up contact, for workspaces without contacts and for a full preview.
    m_sample = Contact();
    m_sample.firstName = tr("Alex");
    m_sample.lastName = tr("Sample");
    m_sample.email = QStringLiteral("alex.sample@example.com");
    m_sample.phone = QStringLiteral("+989121234567");
    m_sample.company = tr("Example Company");
    m_sample.city = tr("Shiraz");
    m_sample.country = QStringLiteral("IR");
    m_sample.stage = QStringLiteral("customer");
    m_sample.score = 42;
    for (const FieldDefinition &f : CustomFieldRepository(m_db).fields()) {
        switch (f.type) {
        case FieldType::Number:
            m_sample.custom.insert(f.key, QStringLiteral("7"));
            break;
        case FieldType::Date:
            m_sample.custom.insert(f.key, QDate::currentDate().toString(Qt::ISODate));
            break;
        case FieldType::Boolean:
            m_sample.custom.insert(f.key, QStringLiteral("1"));
            break;
        case FieldType::Choice:
            m_sample.custom.insert(f.key, f.choices.value(0));
            break;
        case FieldType::Text:
            m_sample.custom.insert(f.key, f.label);
            break;
        }
    }

    const QSignalBlocker block(m_previewContact);
    m_previewContact->clear();
    PageRequest request;
    request.limit = kPreviewContacts;
    for (const ContactListRow &r : ContactRepository(m_db).page(ContactQuery(), request)) {
        QString name = QStringList{r.firstName, r.lastName}.join(QLatin1Char(' ')).trimmed();
        const QString address = r.email.isEmpty() ? PhoneNumbers::display(r.phone) : r.email;
        if (name.isEmpty())
            name = address;
        else if (!address.isEmpty())
            name = tr("%1 (%2)").arg(name, address);
        m_previewContact->addItem(name.isEmpty() ? tr("Contact %1").arg(r.id) : name, r.id);
    }
    m_previewContact->addItem(tr("Sample contact (made up)"), qint64(0));
    const int index = hadItems ? m_previewContact->findData(keep) : 0;
    m_previewContact->setCurrentIndex(std::max(0, index));
}

const Contact *TemplatesPage::previewContactData()
{
    const qint64 id = m_previewContact->currentData().toLongLong();
    if (id == 0)
        return &m_sample;
    auto it = m_contacts.find(id);
    if (it == m_contacts.end()) {
        const auto contact = ContactRepository(m_db).find(id);
        if (!contact)
            return &m_sample;
        it = m_contacts.insert(id, *contact);
    }
    return &it.value();
}

void TemplatesPage::reload(qint64 selectId)
{
    {
        const EditorSession::Loading loading(*m_session);
        m_model->reload();
        showRow(m_list, m_model->rowOf(selectId ? selectId : m_current.id));
    }
    if (m_current.id == 0 && !m_session->isModified()) {
        // nothing open: the first template, or the explanation when there is none
        if (m_model->rowCount() > 0)
            open(m_model->at(0).id);
        else
            m_editorStack->setCurrentIndex(0);
    } else if (m_current.id != 0 && m_model->rowOf(m_current.id) < 0 && !m_session->isModified()) {
        // deleted elsewhere (the command line)
        m_current = MessageTemplate();
        m_editorStack->setCurrentIndex(0);
        m_session->closed();
    }
    updateActions();
}

bool TemplatesPage::open(qint64 id)
{
    if (id == m_current.id && id != 0 && m_editorStack->currentIndex() == 1)
        return true;
    if (!m_session->maybeSave())
        return false;
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    load(m_model->at(row));
    return true;
}

void TemplatesPage::load(const MessageTemplate &t)
{
    const EditorSession::Loading loading(*m_session);
    m_current = t;
    const bool email = t.isEmail();
    m_name->setText(t.name);
    m_channel->setText(email ? tr("Email") : tr("SMS (text message)"));
    m_marketing->setChecked(t.marketing);
    m_track->setChecked(t.track);
    m_track->setEnabled(t.marketing);
    m_subject->setText(t.subject);
    m_preheader->setText(t.preheader);
    m_body->setPlainText(t.body);
    m_body->setPlaceholderText(
        email ? tr("Write in Markdown: **bold**, *italic*, [a link](https://example.com), lists "
                   "that start with -. Merge tags such as {{first_name}} fill in each "
                   "contact's data.")
              : tr("Write the text message. Merge tags such as {{first_name}} fill in each "
                   "contact's data. Persian text fits 70 characters in one part, Latin text "
                   "160."));
    m_form->setRowVisible(m_subject, email);
    m_form->setRowVisible(m_preheader, email);
    m_smsCounter->setVisible(!email);
    m_lastField = m_body;
    m_editorStack->setCurrentIndex(1);
    showRow(m_list, m_model->rowOf(t.id));
    m_session->opened(t.id);
    m_checkTimer->stop();
    updateChecks();
}

MessageTemplate TemplatesPage::currentTemplate() const
{
    MessageTemplate t = m_current;
    t.name = m_name->text().simplified();
    t.marketing = m_marketing->isChecked();
    t.track = m_track->isChecked();
    t.body = m_body->toPlainText();
    if (t.isEmail()) {
        t.subject = m_subject->text();
        t.preheader = m_preheader->text();
    } else {
        t.subject.clear();
        t.preheader.clear();
    }
    return t;
}

QString TemplatesPage::uniqueName(const QString &base) const
{
    const TemplateRepository repo(m_db);
    QString name = base;
    for (int n = 2; repo.find(name); ++n)
        name = tr("%1 %2").arg(base).arg(n);
    return name;
}

void TemplatesPage::newTemplate(const QString &channel)
{
    if (!m_session->maybeSave())
        return;
    MessageTemplate t;
    t.channel = channel;
    t.name = uniqueName(channel == QLatin1String("sms") ? tr("New text message") : tr("New email"));
    load(t);
    m_session->setModified(true);
    m_name->setFocus();
    m_name->selectAll();
}

void TemplatesPage::duplicateCurrent()
{
    if (m_current.id == 0 || !m_session->maybeSave())
        return;
    MessageTemplate copy = m_current;
    copy.id = 0;
    copy.name = uniqueName(tr("%1 (copy)").arg(m_current.name));
    load(copy);
    m_session->setModified(true);
    m_name->setFocus();
    m_name->selectAll();
}

bool TemplatesPage::save()
{
    MessageTemplate t = currentTemplate();
    if (t.name.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot save the template"), tr("Give the template a name."));
        m_name->setFocus();
        return false;
    }
    if (m_current.id != 0 && t.name != m_current.name) {
        const auto answer = QMessageBox::question(
            this, tr("Rename template"),
            tr("Journey steps and queued messages find templates by name. Rename \"%1\" to "
               "\"%2\" anyway? Steps that send \"%1\" then need the new name.")
                .arg(m_current.name, t.name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return false;
    }
    TemplateRepository repo(m_db);
    if (!repo.save(t)) {
        QMessageBox::warning(this, tr("Cannot save the template"), repo.errorString());
        return false;
    }
    m_current = t;
    m_session->saved(t.id);
    reload(t.id);
    updateChecks();
    Q_EMIT templatesChanged();
    Q_EMIT statusMessage(m_errors->isHidden()
                             ? tr("Saved \"%1\".").arg(t.name)
                             : tr("Saved \"%1\". Fix its problems before it is sent.").arg(t.name),
                         5000);
    return true;
}

void TemplatesPage::revert()
{
    m_session->revert();
}

void TemplatesPage::deleteCurrent()
{
    if (m_editorStack->currentIndex() != 1)
        return;
    if (m_current.id == 0) {
        // an unsaved draft: just drop it
        m_current = MessageTemplate();
        m_editorStack->setCurrentIndex(0);
        m_session->closed();
        reload();
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Delete template"),
        tr("Delete \"%1\"? Journey steps and queued messages that send it fail until there is "
           "a template of this name again.")
            .arg(m_current.name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    TemplateRepository repo(m_db);
    if (!repo.remove(m_current.id)) {
        QMessageBox::warning(this, tr("Cannot delete the template"), repo.errorString());
        return;
    }
    const QString name = m_current.name;
    m_current = MessageTemplate();
    m_editorStack->setCurrentIndex(0);
    m_session->closed();
    reload();
    Q_EMIT templatesChanged();
    Q_EMIT statusMessage(tr("Deleted \"%1\".").arg(name), 4000);
}

bool TemplatesPage::maybeSave()
{
    return m_session->maybeSave();
}

bool TemplatesPage::isModified() const
{
    return m_session->isModified();
}

void TemplatesPage::edited()
{
    if (m_session->isLoading())
        return;
    m_session->edited();
    m_checkTimer->start();
}

void TemplatesPage::updateActions()
{
    // Save, Revert, Duplicate and Delete follow the session
    const bool editing = m_editorStack && m_editorStack->currentIndex() == 1;
    m_sendTest->setEnabled(editing && !m_tests->isSending());
    m_insertTag->setEnabled(editing);
}

void TemplatesPage::buildTagMenu()
{
    m_tagMenu->clear();
    const MergeVocabulary vocabulary = MergeVocabulary::of(m_db);
    const QStringList standard = MergeVocabulary::standardNames();
    bool separated = false;
    for (const QString &name : vocabulary.names()) {
        if (!separated && !standard.contains(name)) {
            m_tagMenu->addSeparator();
            separated = true;
        }
        // the tag in the shortcut column, aligned at the end
        QAction *a = m_tagMenu->addAction(MergeVocabulary::label(name) + QLatin1Char('\t') +
                                          QStringLiteral("{{%1}}").arg(name));
        a->setData(name);
        connect(a, &QAction::triggered, this, [this, name] { insertTag(name); });
    }
}

void TemplatesPage::insertTag(const QString &name)
{
    const QString tag = QStringLiteral("{{%1}}").arg(name);
    // the subject and preheader are there for email only
    if (auto *line = qobject_cast<QLineEdit *>(m_lastField.data()); line && m_current.isEmail()) {
        line->insert(tag);
        line->setFocus();
        edited();
        return;
    }
    m_body->insertPlainText(tag); // textChanged marks the edit
    m_body->setFocus();
}

void TemplatesPage::updateChecks()
{
    m_checkTimer->stop();
    if (m_editorStack->currentIndex() != 1)
        return;
    const MessageTemplate t = currentTemplate();
    UnsubscribeTokens tokens(m_db);
    const SenderInfo sender = tokens.senderInfo();
    const CompiledMessage compiled = MessageRenderer::compile(t, MergeVocabulary::of(m_db), sender);
    m_errors->showMessage(compiled.isValid() ? QString() : compiled.errors.join(QLatin1Char('\n')));

    RenderedMessage rendered;
    if (compiled.isValid()) {
        const Contact *contact = previewContactData();
        const ContactMergeContext context(*contact, sender, tokens.url(contact->id));
        rendered = MessageRenderer::render(compiled, context, sender);
    }

    if (!t.isEmail()) {
        const SmsCount count = SmsCount::of(compiled.isValid() ? rendered.text : t.body);
        m_smsCounter->setText(tr("%1 characters · %Ln part(s) · %2", nullptr, count.segments)
                                  .arg(Formatter::number(count.characters),
                                       count.unicode ? tr("Unicode (UCS-2)") : tr("GSM-7")));
        m_smsCounter->setToolTip(
            tr("%1 characters left in this part. Counted with the merge tags filled in for the "
               "preview contact; longer names make longer messages.")
                .arg(Formatter::number(count.remaining)));
    }

    const int scroll = m_preview->verticalScrollBar()->value();
    const Qt::LayoutDirection direction =
        compiled.isValid() && rendered.rightToLeft ? Qt::RightToLeft : Qt::LeftToRight;
    m_preview->setLayoutDirection(direction);
    QTextOption option = m_preview->document()->defaultTextOption();
    option.setTextDirection(direction);
    m_preview->document()->setDefaultTextOption(option);
    if (!compiled.isValid()) {
        m_previewHeader->hide();
        m_preview->setPlainText(tr("The preview appears when the problems are fixed."));
        return;
    }
    if (t.isEmail()) {
        QString header = tr("Subject: %1").arg(rendered.subject);
        if (!rendered.preheader.isEmpty())
            header += QLatin1Char('\n') + tr("Preheader: %1").arg(rendered.preheader);
        m_previewHeader->setText(header);
        m_previewHeader->setLayoutDirection(direction);
        m_previewHeader->show();
        m_preview->setHtml(emailForTextBrowser(rendered.html));
    } else {
        m_previewHeader->hide();
        m_preview->setPlainText(rendered.text);
    }
    m_preview->verticalScrollBar()->setValue(scroll);
}

void TemplatesPage::sendTest()
{
    if (m_tests->isSending() || m_editorStack->currentIndex() != 1)
        return;
    const MessageTemplate t = currentTemplate();
    if (const auto account = m_tests->chooseAccount(t.channel))
        m_tests->sendTemplate(*account, t);
}

} // namespace masir::ui
