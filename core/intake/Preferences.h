#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace masir {

/// A list contacts may join or leave on the preference page.
struct Topic
{
    qint64 id = 0;
    QString name;
};

/// How the hosted pages look: the business's name, colour and logo.
struct Branding
{
    QString name;
    QString color = QStringLiteral("#1565c0");
    QByteArray logo;  ///< PNG, JPEG or SVG bytes; empty: none
    QString logoType; ///< its MIME type
    QJsonObject toJson() const;
    static Branding fromJson(const QJsonObject &json);
};

/// A subscriber's choices, as the preference page shows and saves them.
struct Choices
{
    bool known = false; ///< false: the page has nothing on this subscriber yet
    bool email = true;
    bool sms = false;
    bool hasPhone = false;
    QList<qint64> topics; ///< the public lists they are in
    QString language;     ///< "fa", "en"...: the pages are shown in it

    QJsonObject toJson() const;
    static Choices fromJson(const QJsonObject &json);
};

/// What a submitted preference form asks for.
struct ChoiceChange
{
    bool everything = false; ///< unsubscribe from everything
    bool email = true;
    bool sms = false;
    QList<qint64> topics;
    /// The page showed the person's real choices. When it did not (the
    /// collector had not been told them yet), only what they ticked or
    /// unticked on purpose is taken: an unsubscribe, a new list, SMS granted;
    /// nothing they had is taken away by a box that was never theirs.
    bool known = true;

    QJsonObject toJson() const;
    static ChoiceChange fromJson(const QJsonObject &json);
};

} // namespace masir
