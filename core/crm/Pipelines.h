#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace masir {

/// One column of a deal board.
struct PipelineStage
{
    enum class Outcome
    {
        Open,
        Won,
        Lost,
    };
    qint64 id = 0;       ///< 0: new
    QString key;         ///< "demo": what triggers and syncs name
    QString name;        ///< what the user called it; empty: the default stage's translated name
    int probability = 0; ///< percent, for the weighted forecast
    Outcome outcome = Outcome::Open;

    /// The name people see.
    QString label() const;
};

struct Pipeline
{
    qint64 id = 0;
    QString name;
    QList<PipelineStage> stages; ///< board order
    const PipelineStage *stage(qint64 stageId) const;
    const PipelineStage *stageByKey(const QString &key) const;
};

/// The one writer of pipelines and pipeline_stages, and their reader. The
/// workspace starts with "Sales": initial contact → demo → negotiation →
/// contract → won / lost.
class Pipelines final
{
    Q_DECLARE_TR_FUNCTIONS(masir::Pipelines)
    Q_DISABLE_COPY_MOVE(Pipelines)

public:
    explicit Pipelines(QSqlDatabase db);

    QList<Pipeline> all() const;
    std::optional<Pipeline> find(qint64 pipelineId) const;
    /// By name, case-insensitively; the first when \a name is empty.
    std::optional<Pipeline> findByName(const QString &name) const;
    /// A new pipeline with the default stages; its id, or nullopt with errorString().
    std::optional<qint64> create(const QString &name, qint64 atMs);
    /// Renames the pipeline and sets its stages in the order given: stages with
    /// an id are changed, without one added, and those left out removed, which
    /// is refused while a deal is in one. At least one open, one won and one lost.
    bool save(const Pipeline &pipeline);
    /// The pipeline \a name with at least \a stages (by key), made or brought
    /// up to date: a CRM's pipeline as it says it is. Stages it no longer
    /// names stay (deals may be in them).
    std::optional<Pipeline> ensure(const QString &name, const QList<PipelineStage> &stages,
                                   qint64 atMs);

    /// The name of one of the default stages' keys, translated.
    static QString defaultStageLabel(const QString &key);
    static QString outcomeKey(PipelineStage::Outcome outcome);
    static PipelineStage::Outcome outcomeFromKey(const QString &key);
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};

} // namespace masir
