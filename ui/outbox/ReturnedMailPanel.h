#pragma once

#include "intake/ReturnedMail.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace masir {
class BackgroundTasks;
class Database;
struct MailboxStats;
} // namespace masir

namespace masir::ui {

class MessageLabel;

/// Outbox → Returned mail: what came back to the sending accounts' mailboxes
/// (bounces, complaints, unsubscribe requests, auto-replies) and what Masir did
/// about each, newest first; the messages it could not read are kept aside,
/// to be saved and looked at. "Check now" reads the mailboxes at once.
class ReturnedMailPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ReturnedMailPanel(const Database &db, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QCheckBox *keptAsideOnly() const { return m_keptOnly; }
    QPushButton *checkButton() const { return m_check; }
    MessageLabel *summary() const { return m_summary; }

    /// Reads the mailboxes now, off the UI thread.
    void checkNow();
    /// Saves the selected message kept aside as an .eml file (asks where).
    void saveSelected();

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    /// Contacts were suppressed or unsubscribed: pages and the sender look again.
    void returnedMailApplied();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateActions();
    void showChecked(const std::optional<MailboxStats> &stats, const QString &error);

    const Database &m_db;
    BackgroundTasks *m_tasks = nullptr;
    QList<ReturnedMessage> m_rows;
    QTableWidget *m_table = nullptr;
    QCheckBox *m_keptOnly = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_save = nullptr;
    MessageLabel *m_summary = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace masir::ui
