#pragma once

#include <QDialog>

#include <atomic>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace masir {
class BackgroundTasks;
class Database;
} // namespace masir

namespace masir::ui {

/// Settings → CRM: connect HubSpot or Pipedrive (the token checked and kept in
/// the keychain), how often it syncs, and a sync now, off the UI thread, with
/// its progress, a Cancel that leaves it to go on next time, and its report.
class CrmDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit CrmDialog(const Database &db, QWidget *parent = nullptr);
    ~CrmDialog() override;

    /// Connects with what the form holds (the token checked off the UI
    /// thread); the outcome is shown.
    void connectCrm();
    /// Starts a sync; \a done is told when it ended.
    void syncNow(bool full);
    bool isSyncing() const;
    QLabel *reportLabel() const { return m_report; }

    void reject() override;

Q_SIGNALS:
    void synced();

private:
    QString currentKey() const;
    void showConnection();
    void showReport();

    const Database &m_db;
    BackgroundTasks *m_tasks = nullptr;
    std::atomic<bool> m_cancel{false};
    QComboBox *m_crm = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_token = nullptr;
    QSpinBox *m_every = nullptr;
    QCheckBox *m_backScore = nullptr;
    QCheckBox *m_backStage = nullptr;
    QCheckBox *m_backUnsubscribed = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_sync = nullptr;
    QPushButton *m_full = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_report = nullptr;
};

} // namespace masir::ui
