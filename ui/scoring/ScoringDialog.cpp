#include "scoring/ScoringDialog.h"

#include "common/BackgroundTasks.h"
#include "i18n/Formatter.h"
#include "segments/SegmentRule.h"
#include "settings/WorkspaceSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

enum Column
{
    ActivityColumn,
    PointsColumn,
    CapColumn,
    PeriodColumn,
    PropertyColumn,
    OperatorColumn,
    ValueColumn,
    EnabledColumn,
    ColumnCount
};

const QString kInactivity = QStringLiteral("@inactivity");
constexpr int kIdRole = Qt::UserRole;

QSpinBox *spin(int min, int max, int value, const QString &suffix = QString())
{
    auto *s = new QSpinBox;
    s->setRange(min, max);
    s->setValue(value);
    s->setSuffix(suffix);
    return s;
}

} // namespace

ScoringDialog::ScoringDialog(const Database &db, QWidget *parent)
    : EditDialog(parent)
    , m_db(db)
    , m_tasks(new BackgroundTasks(this))
{
    setWindowTitle(tr("Lead Scoring and Stages"));
    setObjectName(QStringLiteral("ScoringDialog"));

    m_rules = new QTableWidget(0, ColumnCount);
    m_rules->setObjectName(QStringLiteral("scoringRules"));
    m_rules->setAccessibleName(tr("Scoring rules"));
    m_rules->setHorizontalHeaderLabels({tr("When the contact…"), tr("Points"), tr("At most"),
                                        tr("Per"), tr("Property"), tr("Test"), tr("Value"),
                                        tr("On")});
    // the activity as wide as its longest choice (and its title); the rest
    // of the room to the property's column
    m_rules->horizontalHeader()->setSectionResizeMode(ActivityColumn,
                                                      QHeaderView::ResizeToContents);
    m_rules->horizontalHeader()->setSectionResizeMode(PropertyColumn, QHeaderView::Stretch);
    m_rules->verticalHeader()->hide();
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (const ScoringRule &r : LeadScoring(db).rules())
        addRule(r);
    // a rule switched on or off by its box is an edit too
    connect(m_rules, &QTableWidget::itemChanged, this, [this] { setModified(); });

    auto *add = new QPushButton(tr("&Add Rule"));
    connect(add, &QPushButton::clicked, this, [this] {
        ScoringRule r;
        r.eventType = QStringLiteral("email_opened");
        r.points = 5;
        addRule(r);
        m_rules->setCurrentCell(m_rules->rowCount() - 1, ActivityColumn);
        setModified();
    });
    auto *remove = new QPushButton(tr("&Remove Rule"));
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_rules->currentRow();
        if (row < 0)
            return;
        if (const qint64 id = m_rules->item(row, EnabledColumn)->data(kIdRole).toLongLong())
            m_removed << id;
        m_rules->removeRow(row);
        setModified();
    });
    auto *ruleButtons = new QHBoxLayout;
    ruleButtons->addWidget(add);
    ruleButtons->addWidget(remove);
    ruleButtons->addStretch(1);
    auto *rulesHelp = new QLabel(
        tr("Each activity adds its points, up to \"At most\" per period of \"Per\" days (0: no "
           "cap). Inactivity takes points off for every 30 days without activity."));
    rulesHelp->setWordWrap(true);

    auto *rulesBox = new QGroupBox(tr("Rules"));
    auto *rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->addWidget(rulesHelp);
    rulesLayout->addWidget(m_rules, 1);
    rulesLayout->addLayout(ruleButtons);

    const WorkspaceSettings settings(db);
    m_mql = spin(1, 100000, settings.value(WorkspaceSettings::Key::MqlScore).toInt());
    m_mql->setObjectName(QStringLiteral("mqlScore"));
    m_sql = spin(1, 100000, settings.value(WorkspaceSettings::Key::SqlScore).toInt());
    m_sql->setObjectName(QStringLiteral("sqlScore"));
    m_stages = new QLineEdit(LifecycleStages(db).keys().join(QStringLiteral(", ")));
    m_stages->setObjectName(QStringLiteral("stages"));
    m_stages->setToolTip(tr("The stages in funnel order, separated by commas"));
    m_funnel = new QLabel;
    m_funnel->setObjectName(QStringLiteral("funnel"));
    m_funnel->setWordWrap(true);
    updateFunnel();

    auto *stagesBox = new QGroupBox(tr("Thresholds and stages"));
    auto *form = new QFormLayout(stagesBox);
    form->addRow(tr("A lead becomes &MQL at score:"), m_mql);
    form->addRow(tr("A lead becomes &SQL at score:"), m_sql);
    form->addRow(tr("S&tages, in order:"), m_stages);
    form->addRow(tr("Funnel:"), m_funnel);
    auto *thresholdHelp =
        new QLabel(tr("When a score reaches a threshold the contact moves forward to that "
                      "stage, and a follow-up task is created for the owner."));
    thresholdHelp->setWordWrap(true);
    form->addRow(QString(), thresholdHelp);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    QPushButton *recompute =
        buttons->addButton(tr("Save and &Recompute All Scores"), QDialogButtonBox::ActionRole);
    recompute->setObjectName(QStringLiteral("recompute"));
    connect(recompute, &QPushButton::clicked, this, &ScoringDialog::recompute);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(rulesBox, 1);
    layout->addWidget(stagesBox);
    layout->addWidget(buttons);
    resize(900, 600);
}

void ScoringDialog::addRule(const ScoringRule &rule)
{
    const int row = m_rules->rowCount();
    m_rules->insertRow(row);
    auto *activity = new QComboBox;
    activity->setEditable(true);
    activity->setAccessibleName(tr("Activity"));
    activity->addItem(tr("is inactive for 30 days"), kInactivity);
    for (const auto &[key, label] : SegmentFields::eventTypes())
        activity->addItem(label, key);
    if (rule.kind == ScoringRule::Kind::Inactivity) {
        activity->setCurrentIndex(0);
    } else {
        const int at = activity->findData(rule.eventType);
        if (at >= 0)
            activity->setCurrentIndex(at);
        else
            activity->setCurrentText(rule.eventType);
    }
    m_rules->setCellWidget(row, ActivityColumn, activity);
    m_rules->setCellWidget(row, PointsColumn, spin(-1000, 1000, rule.points));
    m_rules->setCellWidget(row, CapColumn, spin(0, 100000, rule.capPoints));
    m_rules->setCellWidget(row, PeriodColumn, spin(0, 3650, rule.capDays, tr(" days")));
    auto *property = new QLineEdit(rule.property);
    property->setPlaceholderText(tr("e.g. amount"));
    m_rules->setCellWidget(row, PropertyColumn, property);
    auto *op = new QComboBox;
    for (const QString &key : {QStringLiteral("gt"), QStringLiteral("ge"), QStringLiteral("eq"),
                               QStringLiteral("ne"), QStringLiteral("le"), QStringLiteral("lt")})
        op->addItem(SegmentFields::operatorLabel(key), key);
    op->setCurrentIndex(std::max(0, op->findData(rule.op)));
    m_rules->setCellWidget(row, OperatorColumn, op);
    auto *value =
        new QLineEdit(rule.property.isEmpty() ? QString() : Formatter::editableNumber(rule.value));
    m_rules->setCellWidget(row, ValueColumn, value);
    // Cancel after an edit asks first
    watch({activity, m_rules->cellWidget(row, PointsColumn), m_rules->cellWidget(row, CapColumn),
           m_rules->cellWidget(row, PeriodColumn), property, op, value});
    auto *enabled = new QTableWidgetItem;
    enabled->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
    enabled->setData(kIdRole, rule.id);
    m_rules->setItem(row, EnabledColumn, enabled);
}

ScoringRule ScoringDialog::ruleAt(int row) const
{
    ScoringRule r;
    r.id = m_rules->item(row, EnabledColumn)->data(kIdRole).toLongLong();
    auto *activity = static_cast<QComboBox *>(m_rules->cellWidget(row, ActivityColumn));
    const int at = activity->findText(activity->currentText());
    const QString key =
        at >= 0 ? activity->itemData(at).toString() : activity->currentText().trimmed();
    r.kind = key == kInactivity ? ScoringRule::Kind::Inactivity : ScoringRule::Kind::Event;
    if (r.kind == ScoringRule::Kind::Event)
        r.eventType = key;
    r.points = static_cast<QSpinBox *>(m_rules->cellWidget(row, PointsColumn))->value();
    r.capPoints = static_cast<QSpinBox *>(m_rules->cellWidget(row, CapColumn))->value();
    r.capDays = static_cast<QSpinBox *>(m_rules->cellWidget(row, PeriodColumn))->value();
    r.property =
        static_cast<QLineEdit *>(m_rules->cellWidget(row, PropertyColumn))->text().trimmed();
    if (!r.property.isEmpty()) {
        r.op = static_cast<QComboBox *>(m_rules->cellWidget(row, OperatorColumn))
                   ->currentData()
                   .toString();
        r.value = Formatter::parseNumber(
                      static_cast<QLineEdit *>(m_rules->cellWidget(row, ValueColumn))->text())
                      .value_or(0);
    }
    r.enabled = m_rules->item(row, EnabledColumn)->checkState() == Qt::Checked;
    return r;
}

bool ScoringDialog::save()
{
    if (m_sql->value() <= m_mql->value()) {
        QMessageBox::warning(this, tr("Check the thresholds"),
                             tr("The SQL threshold must be higher than the MQL threshold."));
        m_sql->setFocus();
        return false;
    }
    QStringList keys;
    for (const QString &k : m_stages->text().split(QLatin1Char(',')))
        if (!k.trimmed().isEmpty())
            keys << k.trimmed().toLower();
    QString error;
    if (!LifecycleStages(m_db).setKeys(keys, &error)) {
        QMessageBox::warning(this, tr("Check the stages"), error);
        m_stages->setFocus();
        return false;
    }
    LeadScoring scoring(m_db);
    for (int row = 0; row < m_rules->rowCount(); ++row) {
        ScoringRule r = ruleAt(row);
        if (!scoring.saveRule(r)) {
            QMessageBox::warning(this, tr("Check rule %1").arg(row + 1), scoring.errorString());
            m_rules->setCurrentCell(row, ActivityColumn);
            return false;
        }
        m_rules->item(row, EnabledColumn)->setData(kIdRole, r.id);
    }
    for (const qint64 id : std::as_const(m_removed))
        scoring.removeRule(id);
    m_removed.clear();
    WorkspaceSettings settings(m_db);
    settings.setValue(WorkspaceSettings::Key::MqlScore, m_mql->value());
    settings.setValue(WorkspaceSettings::Key::SqlScore, m_sql->value());
    updateFunnel();
    Q_EMIT statusMessage(tr("Scoring rules saved."), 4000);
    return true;
}

void ScoringDialog::recompute()
{
    if (!save())
        return;
    auto *progress =
        new QProgressDialog(tr("Recomputing every score from the history…"), QString(), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(200);
    const Database *db = &m_db;
    // One transaction on a background thread's own connection: the UI stays live.
    m_tasks->run(
        [db]() -> QString {
            LeadScoring scoring(*db);
            const auto result = scoring.recomputeAll();
            if (!result)
                return tr("The scores could not be recomputed: %1").arg(scoring.errorString());
            return tr("%1 scores changed; %2 contacts moved forward a stage.")
                .arg(Formatter::number(result->contacts), Formatter::number(result->promoted));
        },
        [this, progress](const QString &message) {
            progress->deleteLater();
            updateFunnel();
            Q_EMIT statusMessage(message, 8000);
            QMessageBox::information(this, tr("Scores recomputed"), message);
        });
}

void ScoringDialog::updateFunnel()
{
    QStringList parts;
    for (const auto &[key, count] : LifecycleStages(m_db).funnel())
        parts << tr("%1: %2").arg(LifecycleStages::label(key), Formatter::number(count));
    m_funnel->setText(parts.join(QStringLiteral(" · ")));
}

} // namespace masir::ui
