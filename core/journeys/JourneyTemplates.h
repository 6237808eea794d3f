#pragma once

#include "journeys/JourneyRepository.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace masir {

/// A ready journey to start from, shipped in resources/journeys.
struct JourneyTemplate
{
    QString key;      ///< "welcome", "abandoned_cart", ...
    QString language; ///< of its texts: "en" or "fa"
    QString name;
    QString description;
    JourneyPolicy policy;
    QJsonObject graph;    ///< node texts already in the chosen language
    QJsonObject messages; ///< the email and SMS texts its send nodes name, per language
};

/// The journey templates: welcome series, abandoned cart, lead nurturing,
/// post-purchase, win-back, birthday, event invitation, sales hand-off.
class JourneyTemplates final
{
    Q_DECLARE_TR_FUNCTIONS(masir::JourneyTemplates)

public:
    /// Every template, its texts in \a language ("fa" or "en"; others get English).
    static QList<JourneyTemplate> all(const QString &language);
    static std::optional<JourneyTemplate> find(const QString &key, const QString &language);
    /// Saves a draft journey called \a name from \a t, and the message
    /// templates its send nodes name that the workspace does not have yet, in
    /// the template's language (a template of that name the user has is kept
    /// as it is). The journey's id, or nullopt with \a error.
    static std::optional<qint64> create(const Database &db, const JourneyTemplate &t,
                                        const QString &name, QString *error);
};

} // namespace masir
