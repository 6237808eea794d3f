#pragma once

#include "contacts/Contact.h"
#include "messaging/MessageTemplate.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTimer;
class QToolButton;

namespace masir {
class Database;
class TemplateListModel;
} // namespace masir

namespace masir::ui {

class EditorSession;
class MessageLabel;
class TestSendController;

/// Templates: the saved emails and text messages on the left; on the right an
/// editor with merge tags, the problems found as you type, an SMS counter, a
/// preview for a chosen contact, and "Send test…" through a real account.
class TemplatesPage final : public QWidget
{
    Q_OBJECT

public:
    explicit TemplatesPage(const Database &db, QWidget *parent = nullptr);

    QAction *newEmailAction() const { return m_newEmail; }
    QAction *newSmsAction() const { return m_newSms; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *deleteAction() const { return m_delete; }
    QAction *saveAction() const { return m_save; }
    QAction *revertAction() const { return m_revert; }
    QAction *sendTestAction() const { return m_sendTest; }

    QListView *list() const { return m_list; }
    TemplateListModel *model() const { return m_model; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *subjectField() const { return m_subject; }
    QLineEdit *preheaderField() const { return m_preheader; }
    QPlainTextEdit *bodyField() const { return m_body; }
    QCheckBox *marketingBox() const { return m_marketing; }
    MessageLabel *errorsLabel() const { return m_errors; }
    QLabel *smsCounter() const { return m_smsCounter; }
    QTextBrowser *preview() const { return m_preview; }
    QComboBox *previewContact() const { return m_previewContact; }

    /// The template as the editor shows it now (saved or not).
    MessageTemplate currentTemplate() const;
    bool isModified() const;

    /// Re-reads the saved templates; keeps or selects \a selectId.
    void reload(qint64 selectId = 0);
    /// Opens a saved template (asks first about unsaved changes); false if the user stayed.
    bool open(qint64 id);
    /// Starts a new, unsaved template of \a channel ("email" or "sms").
    void newTemplate(const QString &channel);
    /// Saves the template being edited; false with a message when it cannot.
    bool save();
    void revert();
    void duplicateCurrent();
    void deleteCurrent();
    /// Asks whether to save unsaved changes; false when the user cancels.
    bool maybeSave();
    /// Re-reads the contacts offered for the preview.
    void reloadContacts();
    /// Checks and previews the template now instead of after the typing pause.
    void updateChecks();
    /// Asks for a recipient and an account, then sends the template as a test.
    void sendTest();

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    /// The editor's changes were made, saved or reverted (isModified()).
    void modifiedChanged();
    /// A template was saved, renamed or deleted.
    void templatesChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load(const MessageTemplate &t);
    void edited();
    void updateActions();
    void buildTagMenu();
    void insertTag(const QString &name);
    QString uniqueName(const QString &base) const;
    const Contact *previewContactData();

    const Database &m_db;
    MessageTemplate m_current; ///< as last saved (id 0: never saved)
    EditorSession *m_session = nullptr;
    TestSendController *m_tests = nullptr;
    QHash<qint64, Contact> m_contacts;
    Contact m_sample;

    TemplateListModel *m_model = nullptr;
    QListView *m_list = nullptr;
    QStackedWidget *m_editorStack = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_channel = nullptr;
    QCheckBox *m_marketing = nullptr;
    QCheckBox *m_track = nullptr;
    QLineEdit *m_subject = nullptr;
    QLineEdit *m_preheader = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QPointer<QWidget> m_lastField; ///< where "Insert merge tag" inserts
    QToolButton *m_insertTag = nullptr;
    QMenu *m_tagMenu = nullptr;
    QLabel *m_smsCounter = nullptr;
    MessageLabel *m_errors = nullptr;
    QComboBox *m_previewContact = nullptr;
    QLabel *m_previewHeader = nullptr;
    QTextBrowser *m_preview = nullptr;
    QProgressBar *m_busy = nullptr;
    QTimer *m_checkTimer = nullptr;

    QAction *m_newEmail = nullptr;
    QAction *m_newSms = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_save = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_sendTest = nullptr;
};

} // namespace masir::ui
