#include "crm/PipelineDialog.h"

#include "storage/Database.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kKeyRole = Qt::UserRole + 1;

} // namespace

PipelineDialog::PipelineDialog(const Database &db, const Pipeline &pipeline, QWidget *parent)
    : EditDialog(parent)
    , m_db(db)
    , m_pipeline(pipeline)
{
    setWindowTitle(tr("Pipeline Stages"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(pipeline.name);
    form->addRow(tr("&Name:"), m_name);
    layout->addLayout(form);
    auto *help = new QLabel(tr("Deals move through the stages from left to right on the board. "
                               "The probability weighs the forecast; a won stage makes a deal "
                               "revenue."));
    help->setWordWrap(true);
    layout->addWidget(help);
    m_table = new QTableWidget(0, 3);
    m_table->setHorizontalHeaderLabels({tr("Stage"), tr("Probability (%)"), tr("Outcome")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    for (const PipelineStage &s : pipeline.stages)
        addRow(s);
    layout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add Stage"));
    auto *remove = new QPushButton(tr("&Remove"));
    auto *up = new QPushButton(tr("Move &Up"));
    auto *down = new QPushButton(tr("Move Do&wn"));
    for (QPushButton *b : {add, remove, up, down})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] {
        PipelineStage s;
        s.name = tr("New stage");
        s.probability = 50;
        addRow(s);
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    connect(up, &QPushButton::clicked, this, [this] { moveRow(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveRow(1); });
    addButtons(layout);
    watch({m_name});
    connect(m_table, &QTableWidget::itemChanged, this, &EditDialog::setModified);
    for (QPushButton *b : {add, remove})
        connect(b, &QPushButton::clicked, this, &EditDialog::setModified);
    resize(520, 420);
}

void PipelineDialog::addRow(const PipelineStage &stage)
{
    m_table->insertRow(m_table->rowCount());
    setRow(m_table->rowCount() - 1, stage);
}

void PipelineDialog::setRow(int row, const PipelineStage &stage)
{
    auto *name = new QTableWidgetItem(stage.label());
    name->setData(kIdRole, stage.id);
    name->setData(kKeyRole, stage.key);
    m_table->setItem(row, 0, name);
    auto *probability = new QSpinBox;
    probability->setRange(0, 100);
    probability->setSuffix(QStringLiteral(" %"));
    probability->setValue(stage.probability);
    m_table->setCellWidget(row, 1, probability);
    auto *outcome = new QComboBox;
    outcome->addItem(tr("Open"), QStringLiteral("open"));
    outcome->addItem(tr("Won"), QStringLiteral("won"));
    outcome->addItem(tr("Lost"), QStringLiteral("lost"));
    outcome->setCurrentIndex(outcome->findData(Pipelines::outcomeKey(stage.outcome)));
    m_table->setCellWidget(row, 2, outcome);
}

PipelineStage PipelineDialog::stageAt(int row) const
{
    PipelineStage s;
    s.id = m_table->item(row, 0)->data(kIdRole).toLongLong();
    s.key = m_table->item(row, 0)->data(kKeyRole).toString();
    s.name = m_table->item(row, 0)->text().trimmed();
    s.probability = qobject_cast<QSpinBox *>(m_table->cellWidget(row, 1))->value();
    s.outcome = Pipelines::outcomeFromKey(
        qobject_cast<QComboBox *>(m_table->cellWidget(row, 2))->currentData().toString());
    return s;
}

void PipelineDialog::moveRow(int by)
{
    const int row = m_table->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_table->rowCount())
        return;
    const PipelineStage a = stageAt(row);
    const PipelineStage b = stageAt(to);
    setRow(row, b);
    setRow(to, a);
    m_table->setCurrentCell(to, 0);
    setModified();
}

void PipelineDialog::accept()
{
    Pipeline p = m_pipeline;
    p.name = m_name->text().trimmed();
    p.stages.clear();
    for (int r = 0; r < m_table->rowCount(); ++r)
        p.stages << stageAt(r);
    Pipelines pipelines(m_db.connection());
    if (!pipelines.save(p)) {
        showError(pipelines.errorString());
        return;
    }
    QDialog::accept();
}

} // namespace masir::ui
