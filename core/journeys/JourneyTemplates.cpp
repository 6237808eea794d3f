#include "journeys/JourneyTemplates.h"

#include "messaging/MessageTemplate.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace masir {

namespace {

/// {"en": "...", "fa": "..."} becomes the text for \a language; anything else stays.
QJsonValue localized(const QJsonValue &v, const QString &language)
{
    if (!v.isObject())
        return v;
    const QJsonObject o = v.toObject();
    if (!o.contains(QStringLiteral("en")))
        return v;
    const QJsonValue mine = o.value(language);
    return mine.isUndefined() ? o.value(QStringLiteral("en")) : mine;
}

std::optional<JourneyTemplate> load(const QString &path, const QString &language)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    if (json.value(QStringLiteral("formatVersion")).toInt() != 1)
        return std::nullopt;
    JourneyTemplate t;
    t.key = json.value(QStringLiteral("key")).toString();
    t.language = language;
    t.name = localized(json.value(QStringLiteral("name")), language).toString();
    t.description = localized(json.value(QStringLiteral("description")), language).toString();
    t.policy = JourneyPolicy::fromJson(json.value(QStringLiteral("policy")).toObject());
    t.messages = json.value(QStringLiteral("messages")).toObject();
    QJsonObject graph = json.value(QStringLiteral("graph")).toObject();
    QJsonArray nodes = graph.value(QStringLiteral("nodes")).toArray();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        QJsonObject n = nodes.at(i).toObject();
        QJsonObject config = n.value(QStringLiteral("config")).toObject();
        for (auto it = config.begin(); it != config.end(); ++it)
            it.value() = localized(it.value(), language);
        n.insert(QStringLiteral("config"), config);
        // Persian reads right to left: the flow starts at the right, as the
        // canvas's Tidy Up lays it out.
        if (language == QLatin1String("fa"))
            n.insert(QStringLiteral("x"), -n.value(QStringLiteral("x")).toDouble());
        nodes[i] = n;
    }
    graph.insert(QStringLiteral("nodes"), nodes);
    t.graph = graph;
    return t;
}

QString languageKey(const QString &language)
{
    return language.startsWith(QLatin1String("fa")) ? QStringLiteral("fa") : QStringLiteral("en");
}

} // namespace

QList<JourneyTemplate> JourneyTemplates::all(const QString &language)
{
    static const QStringList order = {
        QStringLiteral("welcome"),          QStringLiteral("abandoned_cart"),
        QStringLiteral("lead_nurturing"),   QStringLiteral("post_purchase"),
        QStringLiteral("win_back"),         QStringLiteral("birthday"),
        QStringLiteral("event_invitation"), QStringLiteral("sales_handoff")};
    QList<JourneyTemplate> out;
    for (const QString &key : order)
        if (auto t = find(key, language))
            out << *t;
    return out;
}

std::optional<JourneyTemplate> JourneyTemplates::find(const QString &key, const QString &language)
{
    return load(QStringLiteral(":/journeys/%1.json").arg(key), languageKey(language));
}

std::optional<qint64> JourneyTemplates::create(const Database &db, const JourneyTemplate &t,
                                               const QString &name, QString *error)
{
    // The journey first: a name already taken stops it before anything is
    // written. A template that then cannot be saved leaves a draft that says
    // which template it lacks (JourneyReferences), not templates without a journey.
    Journey j;
    j.name = name;
    j.graph = t.graph;
    j.policy = t.policy;
    JourneyRepository journeys(db);
    if (!journeys.save(j)) {
        *error = journeys.errorString();
        return std::nullopt;
    }
    TemplateRepository templates(db);
    for (auto it = t.messages.constBegin(); it != t.messages.constEnd(); ++it) {
        if (templates.find(it.key()))
            continue;
        const QJsonObject message = it.value().toObject();
        const QJsonObject texts = localized(message, t.language).toObject();
        MessageTemplate m;
        m.name = it.key();
        m.channel = message.value(QStringLiteral("channel")).toString(QStringLiteral("email"));
        m.subject = texts.value(QStringLiteral("subject")).toString();
        m.body = texts.value(QStringLiteral("body")).toString();
        if (!templates.save(m)) {
            *error = tr("Cannot add the template \"%1\": %2").arg(m.name, templates.errorString());
            return std::nullopt;
        }
    }
    return j.id;
}

} // namespace masir
