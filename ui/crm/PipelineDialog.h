#pragma once

#include "crm/CrmDialogs.h"
#include "crm/Pipelines.h"

class QLineEdit;
class QTableWidget;

namespace masir::ui {

/// A pipeline's name and stages: each stage's name, probability and whether
/// it is open, won or lost, in board order; stages added, removed, reordered.
class PipelineDialog final : public EditDialog
{
    Q_OBJECT

public:
    PipelineDialog(const Database &db, const Pipeline &pipeline, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }
    void accept() override;

private:
    void addRow(const PipelineStage &stage);
    void setRow(int row, const PipelineStage &stage);
    PipelineStage stageAt(int row) const;
    void moveRow(int by);

    const Database &m_db;
    Pipeline m_pipeline;
    QLineEdit *m_name = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace masir::ui
