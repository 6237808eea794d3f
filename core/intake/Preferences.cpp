#include "intake/Preferences.h"

#include <QJsonArray>

namespace masir {

namespace {

QJsonArray idsToJson(const QList<qint64> &ids)
{
    QJsonArray out;
    for (const qint64 id : ids)
        out.append(double(id));
    return out;
}

QList<qint64> idsFromJson(const QJsonValue &v)
{
    QList<qint64> out;
    for (const QJsonValue &id : v.toArray())
        if (id.toDouble() > 0)
            out << qint64(id.toDouble());
    return out;
}

} // namespace

QJsonObject Branding::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("color"), color},
            {QStringLiteral("logo"), QString::fromLatin1(logo.toBase64())},
            {QStringLiteral("logoType"), logoType}};
}

Branding Branding::fromJson(const QJsonObject &json)
{
    Branding b;
    b.name = json.value(QStringLiteral("name")).toString();
    b.color = json.value(QStringLiteral("color")).toString(b.color);
    b.logo = QByteArray::fromBase64(json.value(QStringLiteral("logo")).toString().toLatin1());
    b.logoType = json.value(QStringLiteral("logoType")).toString();
    return b;
}

QJsonObject Choices::toJson() const
{
    return {{QStringLiteral("email"), email},
            {QStringLiteral("sms"), sms},
            {QStringLiteral("hasPhone"), hasPhone},
            {QStringLiteral("topics"), idsToJson(topics)},
            {QStringLiteral("language"), language}};
}

Choices Choices::fromJson(const QJsonObject &json)
{
    Choices c;
    c.known = !json.isEmpty();
    c.email = json.value(QStringLiteral("email")).toBool(true);
    c.sms = json.value(QStringLiteral("sms")).toBool(false);
    c.hasPhone = json.value(QStringLiteral("hasPhone")).toBool(false);
    c.topics = idsFromJson(json.value(QStringLiteral("topics")));
    c.language = json.value(QStringLiteral("language")).toString();
    return c;
}

QJsonObject ChoiceChange::toJson() const
{
    return {{QStringLiteral("everything"), everything},
            {QStringLiteral("email"), email},
            {QStringLiteral("sms"), sms},
            {QStringLiteral("topics"), idsToJson(topics)},
            {QStringLiteral("known"), known}};
}

ChoiceChange ChoiceChange::fromJson(const QJsonObject &json)
{
    ChoiceChange c;
    c.everything = json.value(QStringLiteral("everything")).toBool(false);
    c.email = json.value(QStringLiteral("email")).toBool(true);
    c.sms = json.value(QStringLiteral("sms")).toBool(false);
    c.topics = idsFromJson(json.value(QStringLiteral("topics")));
    c.known = json.value(QStringLiteral("known")).toBool(true);
    return c;
}

} // namespace masir
