#pragma once

#include "widgets/EditDialog.h"

#include "scoring/LeadScoring.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace masir {
class BackgroundTasks;
class Database;
} // namespace masir

namespace masir::ui {

/// Lead scoring and lifecycle stages: the rules (activity → points, with caps
/// and an optional property test), the MQL and SQL thresholds, the stage list
/// with its funnel, and recomputing every score from history.
class ScoringDialog final : public EditDialog
{
    Q_OBJECT

public:
    explicit ScoringDialog(const Database &db, QWidget *parent = nullptr);

    QTableWidget *rules() const { return m_rules; }
    QSpinBox *mqlScore() const { return m_mql; }
    QSpinBox *sqlScore() const { return m_sql; }
    QLineEdit *stages() const { return m_stages; }

    void addRule(const ScoringRule &rule = ScoringRule());
    /// Saves rules, thresholds and stages; false (with the reason shown) if one is invalid.
    bool save();
    /// Saves, then recomputes every score in the background with a progress dialog.
    void recompute();

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);

private:
    ScoringRule ruleAt(int row) const;
    void updateFunnel();

    const Database &m_db;
    BackgroundTasks *m_tasks = nullptr;
    QTableWidget *m_rules = nullptr;
    QSpinBox *m_mql = nullptr;
    QSpinBox *m_sql = nullptr;
    QLineEdit *m_stages = nullptr;
    QLabel *m_funnel = nullptr;
    QList<qint64> m_removed;
};

} // namespace masir::ui
