#include "journeys/CompiledJourneys.h"

#include "common/Clock.h"
#include "segments/SegmentRule.h"

namespace masir {

QString CompiledJourney::entryNode() const
{
    QString first;
    for (const JourneyNode &n : graph.nodes()) {
        const NodeType *t = type(n.id);
        if (!t || t->category != NodeType::Category::Trigger)
            continue;
        if (t->trigger.kind == TriggerSource::Kind::Manual)
            return n.id;
        if (first.isEmpty())
            first = n.id;
    }
    return first;
}

CompiledJourneys::CompiledJourneys(const Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

CompiledJourneys::~CompiledJourneys() = default;

void CompiledJourneys::clear()
{
    m_journeys.clear();
}

const CompiledJourney *CompiledJourneys::get(qint64 journeyId, int version)
{
    const QString key = QString::number(journeyId) + QLatin1Char(':') + QString::number(version);
    if (const auto it = m_journeys.constFind(key); it != m_journeys.cend())
        return it->get();
    JourneyRepository repo(m_db);
    const auto journey = repo.find(journeyId);
    const auto graph = repo.versionGraph(journeyId, version);
    if (!journey || !graph) {
        m_error = tr("Journey %1 version %2 is missing.").arg(journeyId).arg(version);
        return nullptr;
    }
    auto c = std::make_shared<CompiledJourney>();
    c->journey = *journey;
    c->version = version;
    if (!c->graph.fromJson(*graph, &m_error))
        return nullptr;
    SegmentContext context;
    context.now = m_clock.now();
    for (const JourneyNode &n : c->graph.nodes()) {
        const NodeType *type = NodeTypes::find(n.type);
        c->types.insert(n.id, type);
        if (type && type->isGoal)
            c->goals << n.id;
        if (!n.config.contains(QStringLiteral("rule")))
            continue;
        // conditions and goals: the rule, compiled once for the run
        QString error;
        const auto rule =
            SegmentRule::fromJson(n.config.value(QStringLiteral("rule")).toObject(), &error);
        CompiledSegment compiled;
        if (rule)
            compiled = SegmentCompiler(m_db, context).compile(*rule);
        else
            compiled.errors << SegmentError{QString(), error};
        c->rules.insert(n.id, compiled);
    }
    m_journeys.insert(key, c);
    return c.get();
}

const CompiledJourney *CompiledJourneys::running(const QString &name)
{
    const auto journey = JourneyRepository(m_db).findByName(name);
    if (!journey || journey->status != QLatin1String("active") || journey->version == 0)
        return nullptr;
    return get(journey->id, journey->version);
}

} // namespace masir
