#pragma once

#include "common/Clock.h"
#include "contacts/Contact.h"
#include "crm/ContactTimeline.h"
#include "crm/TimelineModel.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QFormLayout;
class QLabel;
class QListView;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace masir {
class ContactRepository;
class Database;
class CustomFieldRepository;
} // namespace masir

namespace masir::ui {

/// Everything about the selected contact: details, tags, consent and timeline.
class ContactDetailPane final : public QWidget
{
    Q_OBJECT

public:
    ContactDetailPane(const Database &db, const ContactRepository &repo,
                      const CustomFieldRepository &fields, QWidget *parent = nullptr);

    void showContact(qint64 id);
    void showSelectionCount(int count);
    qint64 contactId() const { return m_id; }
    int timelineCount() const;
    TimelineModel *timeline() const { return m_timelineModel; }
    QComboBox *timelineKind() const { return m_kind; }
    QListWidget *taskList() const { return m_tasks; }
    QListWidget *dealList() const { return m_deals; }
    QTabWidget *tabs() const { return m_tabs; }

    /// What can be done to the contact shown: on the pane and in the list's menu.
    QAction *addNoteAction() const { return m_addNote; }
    QAction *addTaskAction() const { return m_addTask; }
    QAction *newDealAction() const { return m_newDeal; }
    QAction *logPurchaseAction() const { return m_logPurchase; }
    QAction *exportDataAction() const { return m_exportData; }
    QAction *eraseAction() const { return m_erase; }

    /// Writes a note about the contact shown; false (said) when it could not be.
    bool addNote(const QString &text);
    /// Changes a note (asks for its text when \a text is null).
    bool editNote(qint64 noteId, const QString &text = QString());
    /// Records a purchase of the contact shown; false (said) when it could not be.
    bool logPurchase(double amount, const QString &currency, const QString &order,
                     const QDateTime &when);
    /// Writes the contact's data (GDPR) to \a path: HTML when it ends so, else JSON.
    bool exportData(const QString &path);

Q_SIGNALS:
    void editRequested(qint64 id);
    void statusMessage(const QString &message, int timeoutMs);
    /// Tasks or deals changed (the Tasks and Deals pages, the badge).
    void crmChanged();
    /// A deal opened from the contact: New Deal on the Deals page.
    void newDealRequested(qint64 contactId);
    /// The contact was erased.
    void contactErased(qint64 id);

private:
    const Database &m_db;
    SystemClock m_clock;
    const ContactRepository &m_repo;
    const CustomFieldRepository &m_fields;
    qint64 m_id = 0;
    QLabel *m_placeholder = nullptr;
    QWidget *m_body = nullptr;
    QLabel *m_name = nullptr;
    QFormLayout *m_details = nullptr;
    QLabel *m_tags = nullptr;
    QFormLayout *m_consent = nullptr;
    QListView *m_timeline = nullptr;
    TimelineModel *m_timelineModel = nullptr;
    QComboBox *m_kind = nullptr;
    QTabWidget *m_tabs = nullptr;
    QListWidget *m_tasks = nullptr;
    QListWidget *m_deals = nullptr;
    QPushButton *m_edit = nullptr;
    QAction *m_addNote = nullptr;
    QAction *m_addTask = nullptr;
    QAction *m_newDeal = nullptr;
    QAction *m_logPurchase = nullptr;
    QAction *m_exportData = nullptr;
    QAction *m_erase = nullptr;

    void buildActions();
    void showCrm();
    void askNote();
    void askTask();
    void askPurchase();
    void askExport();
    void askErase();
};

} // namespace masir::ui
