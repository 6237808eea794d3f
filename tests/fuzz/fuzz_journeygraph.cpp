// libFuzzer target: journeys in JSON, as `masir-cli journey import` reads them
// (a bare graph, or a file with "policy" and "graph", like the templates that
// seed the corpus). Arbitrary bytes are loaded as a graph; a graph that loads is validated, written back and loaded again (the same
// graph), and every node's registration is asked for its ports, their labels,
// its problems and its summary.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target fuzz_journeygraph
//   build/fuzz/tests/fuzz/fuzz_journeygraph -max_total_time=600 tests/fuzz/corpus/journeygraph

#include "journeys/JourneyGraph.h"
#include "journeys/JourneyRepository.h"
#include "journeys/NodeTypes.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace masir;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (!doc.isObject())
        return 0;
    QJsonObject json = doc.object();
    if (json.contains(QStringLiteral("graph"))) {
        JourneyPolicy::fromJson(json.value(QStringLiteral("policy")).toObject());
        json = json.value(QStringLiteral("graph")).toObject();
    }
    JourneyGraph graph;
    QString error;
    if (!graph.fromJson(json, &error)) {
        if (error.isEmpty() || !graph.nodes().isEmpty())
            __builtin_trap(); // a refused file says why, and leaves the graph as it was
        return 0;
    }
    graph.validate();
    JourneyGraph again;
    if (!again.fromJson(graph.toJson(), &error) || again.toJson() != graph.toJson())
        __builtin_trap();
    for (const JourneyNode &n : graph.nodes()) {
        const NodeType *type = NodeTypes::find(n.type);
        if (!type)
            continue;
        type->validate(n.config);
        type->summary(n.config);
        for (const QString &port : type->ports(n.config))
            type->portLabel(n.config, port);
        if (type->trigger.kind == TriggerSource::Kind::Events) {
            type->trigger.eventTypes(n.config);
            type->trigger.matches(n.config, n.config);
        }
        graph.edgesOf(n.id);
    }
    return 0;
}
