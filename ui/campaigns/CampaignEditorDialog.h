#pragma once

#include "campaigns/Campaign.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace masir {
class BackgroundTasks;
class Clock;
class Database;
} // namespace masir

namespace masir::ui {

class MessageLabel;

/// A campaign's editor: name, template, audience (segments and lists to send
/// to and to leave out, with the live count of who can be sent to), sender
/// account, schedule and an optional A/B test. "Schedule" checks everything
/// first and says what stops it; "Save as draft" keeps it for later.
class CampaignEditorDialog final : public QDialog
{
    Q_OBJECT

public:
    CampaignEditorDialog(const Database &db, const Clock &clock, const Campaign &campaign,
                         QWidget *parent = nullptr);

    Campaign campaign() const;
    /// Saved and scheduled (rather than saved as a draft).
    bool scheduled() const { return m_scheduled; }
    bool isModified() const { return campaign() != m_original; }

    QLabel *countLabel() const { return m_count; }
    MessageLabel *problemsLabel() const { return m_problems; }
    QPushButton *scheduleButton() const { return m_schedule; }
    QPushButton *draftButton() const { return m_draft; }

public Q_SLOTS:
    void reject() override;

private:
    struct VariantRow
    {
        QLabel *label = nullptr;
        QComboBox *templateBox = nullptr;
        QLineEdit *subject = nullptr;
        QLineEdit *fromName = nullptr;
        QSpinBox *delay = nullptr;
    };
    QWidget *buildAudience();
    QWidget *buildSchedule();
    QGroupBox *buildAbTest();
    void load(const Campaign &c);
    void updateScheduleFields();
    void updateVariantRows();
    void recount();
    /// Saves; with \a schedule, checks off the UI thread first and schedules.
    void save(bool schedule);
    QStringList checked(const QListWidget *list) const;

    const Database &m_db;
    const Clock &m_clock;
    Campaign m_original;
    BackgroundTasks *m_tasks = nullptr;
    bool m_scheduled = false;
    bool m_busy = false;

    QLineEdit *m_name = nullptr;
    QComboBox *m_template = nullptr;
    QListWidget *m_include = nullptr;
    QListWidget *m_exclude = nullptr;
    QLabel *m_count = nullptr;
    QComboBox *m_account = nullptr;
    QComboBox *m_when = nullptr;
    QDateEdit *m_date = nullptr;
    QTimeEdit *m_time = nullptr;
    QGroupBox *m_ab = nullptr;
    QSpinBox *m_variants = nullptr;
    QList<VariantRow> m_rows;
    QSpinBox *m_share = nullptr;
    QComboBox *m_metric = nullptr;
    QSpinBox *m_wait = nullptr;
    QCheckBox *m_automatic = nullptr;
    MessageLabel *m_problems = nullptr;
    QPushButton *m_schedule = nullptr;
    QPushButton *m_draft = nullptr;
};

} // namespace masir::ui
