#include "crm/Pipelines.h"

#include "common/Logging.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"
#include "storage/Transaction.h"

#include <QRegularExpression>
#include <QSet>

namespace masir {

QString PipelineStage::label() const
{
    return name.isEmpty() ? Pipelines::defaultStageLabel(key) : name;
}

const PipelineStage *Pipeline::stage(qint64 stageId) const
{
    for (const PipelineStage &s : stages) {
        if (s.id == stageId)
            return &s;
    }
    return nullptr;
}

const PipelineStage *Pipeline::stageByKey(const QString &key) const
{
    for (const PipelineStage &s : stages) {
        if (s.key.compare(key, Qt::CaseInsensitive) == 0 ||
            s.label().compare(key, Qt::CaseInsensitive) == 0)
            return &s;
    }
    return nullptr;
}

Pipelines::Pipelines(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString Pipelines::defaultStageLabel(const QString &key)
{
    if (key == QLatin1String("initial_contact"))
        return tr("Initial contact");
    if (key == QLatin1String("demo"))
        return tr("Demo");
    if (key == QLatin1String("negotiation"))
        return tr("Negotiation");
    if (key == QLatin1String("contract"))
        return tr("Contract");
    if (key == QLatin1String("won"))
        return tr("Won");
    if (key == QLatin1String("lost"))
        return tr("Lost");
    QString words = key;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words.at(0).toUpper();
    return words;
}

QString Pipelines::outcomeKey(PipelineStage::Outcome outcome)
{
    switch (outcome) {
    case PipelineStage::Outcome::Open:
        return QStringLiteral("open");
    case PipelineStage::Outcome::Won:
        return QStringLiteral("won");
    case PipelineStage::Outcome::Lost:
        return QStringLiteral("lost");
    }
    return {};
}

PipelineStage::Outcome Pipelines::outcomeFromKey(const QString &key)
{
    if (key == QLatin1String("won"))
        return PipelineStage::Outcome::Won;
    if (key == QLatin1String("lost"))
        return PipelineStage::Outcome::Lost;
    return PipelineStage::Outcome::Open;
}

QList<Pipeline> Pipelines::all() const
{
    QList<Pipeline> out;
    QSqlQuery q(m_db);
    QString error;
    if (!Sql::exec(lcCrm(), q,
                   QStringLiteral("SELECT p.id, p.name, s.id, s.key, s.name, s.probability, "
                                  "s.outcome FROM pipelines p LEFT JOIN pipeline_stages s ON "
                                  "s.pipeline_id = p.id ORDER BY p.id, s.position, s.id"),
                   {}, &error))
        return out;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (out.isEmpty() || out.constLast().id != id)
            out << Pipeline{id, q.value(1).toString(), {}};
        if (q.value(2).isNull())
            continue;
        PipelineStage s;
        s.id = q.value(2).toLongLong();
        s.key = q.value(3).toString();
        s.name = q.value(4).toString();
        s.probability = q.value(5).toInt();
        s.outcome = outcomeFromKey(q.value(6).toString());
        out.last().stages << s;
    }
    return out;
}

std::optional<Pipeline> Pipelines::find(qint64 pipelineId) const
{
    for (const Pipeline &p : all()) {
        if (p.id == pipelineId)
            return p;
    }
    return std::nullopt;
}

std::optional<Pipeline> Pipelines::findByName(const QString &name) const
{
    const QList<Pipeline> pipelines = all();
    for (const Pipeline &p : pipelines) {
        if (name.isEmpty() || p.name.compare(name, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

std::optional<qint64> Pipelines::create(const QString &name, qint64 atMs)
{
    if (name.trimmed().isEmpty()) {
        m_error = tr("A pipeline needs a name.");
        return std::nullopt;
    }
    if (findByName(name.trimmed()) && !name.trimmed().isEmpty()) {
        m_error = tr("There is already a pipeline named \"%1\".").arg(name.trimmed());
        return std::nullopt;
    }
    Transaction tx(m_db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO pipelines (name, created_at) VALUES (?, ?) "
                             "RETURNING id"));
    q.addBindValue(name.trimmed());
    q.addBindValue(atMs);
    const std::optional<qint64> id = Sql::insertedId(lcCrm(), q, &m_error);
    if (!id || !*id)
        return std::nullopt;
    const std::pair<const char *, int> defaults[] = {
        {"initial_contact", 10}, {"demo", 30}, {"negotiation", 60},
        {"contract", 80},        {"won", 100}, {"lost", 0}};
    int position = 0;
    for (const auto &[key, probability] : defaults) {
        const QString k = QLatin1String(key);
        const QString outcome =
            k == QLatin1String("won") || k == QLatin1String("lost") ? k : QStringLiteral("open");
        if (!Sql::exec(lcCrm(), q,
                       QStringLiteral("INSERT INTO pipeline_stages (pipeline_id, key, "
                                      "probability, outcome, position) VALUES (?, ?, ?, ?, ?)"),
                       {*id, k, probability, outcome, position++}, &m_error))
            return std::nullopt;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    return id;
}

bool Pipelines::save(const Pipeline &pipeline)
{
    QSet<PipelineStage::Outcome> outcomes;
    QSet<QString> keys;
    for (const PipelineStage &s : pipeline.stages) {
        if (s.label().trimmed().isEmpty()) {
            m_error = tr("Every stage needs a name.");
            return false;
        }
        if (s.probability < 0 || s.probability > 100) {
            m_error = tr("The probability of \"%1\" must be between 0 and 100 %.").arg(s.label());
            return false;
        }
        outcomes.insert(s.outcome);
        keys.insert(s.key);
    }
    if (outcomes.size() < 3) {
        m_error = tr("A pipeline needs at least one open stage, one won and one lost.");
        return false;
    }
    if (pipeline.name.trimmed().isEmpty()) {
        m_error = tr("A pipeline needs a name.");
        return false;
    }
    Transaction tx(m_db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    QSqlQuery q(m_db);
    if (!Sql::exec(lcCrm(), q, QStringLiteral("UPDATE pipelines SET name = ? WHERE id = ?"),
                   {pipeline.name.trimmed(), pipeline.id}, &m_error))
        return false;
    QVariantList kept;
    for (const PipelineStage &s : pipeline.stages) {
        if (s.id)
            kept << s.id;
    }
    // Stages left out go, unless a deal is in one.
    const QString notKept =
        kept.isEmpty() ? QString()
                       : QStringLiteral(" AND id NOT IN (%1)").arg(Sql::placeholders(kept.size()));
    if (!Sql::exec(lcCrm(), q,
                   QStringLiteral("SELECT count(*) FROM deals WHERE stage_id IN (SELECT id FROM "
                                  "pipeline_stages WHERE pipeline_id = ?%1)")
                       .arg(notKept),
                   QVariantList{pipeline.id} + kept, &m_error) ||
        !q.next())
        return false;
    if (q.value(0).toLongLong() > 0) {
        m_error = tr("A stage you removed still has deals: move them to another stage first.");
        return false;
    }
    if (!Sql::exec(
            lcCrm(), q,
            QStringLiteral("DELETE FROM pipeline_stages WHERE pipeline_id = ?%1").arg(notKept),
            QVariantList{pipeline.id} + kept, &m_error))
        return false;
    // A won stage that turned open would leave its deals' revenue counted.
    const std::optional<Pipeline> before = find(pipeline.id);
    for (const PipelineStage &s : pipeline.stages) {
        const PipelineStage *was = before && s.id ? before->stage(s.id) : nullptr;
        if (!was || was->outcome == s.outcome)
            continue;
        if (!Sql::exec(lcCrm(), q, QStringLiteral("SELECT count(*) FROM deals WHERE stage_id = ?"),
                       {s.id}, &m_error) ||
            !q.next())
            return false;
        if (q.value(0).toLongLong() > 0) {
            m_error = tr("\"%1\" has deals: move them out before it becomes open, won or lost.")
                          .arg(s.label());
            return false;
        }
        q.finish();
    }
    int position = 0;
    for (const PipelineStage &s : pipeline.stages) {
        const QString name = s.name == defaultStageLabel(s.key) ? QString() : s.name.trimmed();
        if (s.id) {
            if (!Sql::exec(lcCrm(), q,
                           QStringLiteral("UPDATE pipeline_stages SET name = ?, probability = ?, "
                                          "outcome = ?, position = ? WHERE id = ? AND "
                                          "pipeline_id = ?"),
                           {SqlValues::text(name), s.probability, outcomeKey(s.outcome), position++,
                            s.id, pipeline.id},
                           &m_error))
                return false;
            continue;
        }
        // A new stage's key: its name in lower case words, kept unique.
        QString key = s.key;
        if (key.isEmpty()) {
            key = s.name.trimmed().toLower();
            key.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral("_"));
        }
        QString unique = key;
        for (int n = 2; keys.contains(unique) && unique != s.key; ++n)
            unique = QStringLiteral("%1_%2").arg(key).arg(n);
        keys.insert(unique);
        if (!Sql::exec(lcCrm(), q,
                       QStringLiteral("INSERT INTO pipeline_stages (pipeline_id, key, name, "
                                      "probability, outcome, position) VALUES (?, ?, ?, ?, ?, ?)"),
                       {pipeline.id, unique, SqlValues::text(name), s.probability,
                        outcomeKey(s.outcome), position++},
                       &m_error))
            return false;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

std::optional<Pipeline> Pipelines::ensure(const QString &name, const QList<PipelineStage> &stages,
                                          qint64 atMs)
{
    Transaction tx(m_db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    std::optional<Pipeline> p = findByName(name);
    if (!p || p->name.compare(name, Qt::CaseInsensitive) != 0) {
        q.prepare(QStringLiteral("INSERT INTO pipelines (name, created_at) VALUES (?, ?) "
                                 "RETURNING id"));
        q.addBindValue(name);
        q.addBindValue(atMs);
        const std::optional<qint64> id = Sql::insertedId(lcCrm(), q, &m_error);
        if (!id || !*id)
            return std::nullopt;
        p = Pipeline{*id, name, {}};
    }
    int position = int(p->stages.size());
    for (const PipelineStage &s : stages) {
        const PipelineStage *known = p->stageByKey(s.key);
        const bool ok =
            known ? Sql::exec(
                        lcCrm(), q,
                        QStringLiteral("UPDATE pipeline_stages SET name = ?, probability = "
                                       "?, outcome = ? WHERE id = ?"),
                        {SqlValues::text(s.name), s.probability, outcomeKey(s.outcome), known->id},
                        &m_error)
                  : Sql::exec(lcCrm(), q,
                              QStringLiteral("INSERT INTO pipeline_stages (pipeline_id, key, "
                                             "name, probability, outcome, position) VALUES (?, ?, "
                                             "?, ?, ?, ?)"),
                              {p->id, s.key, SqlValues::text(s.name), s.probability,
                               outcomeKey(s.outcome), position++},
                              &m_error);
        if (!ok)
            return std::nullopt;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    return find(p->id);
}

} // namespace masir
