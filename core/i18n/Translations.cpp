#include "i18n/Translations.h"

#include "i18n/Formatter.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace masir::Translations {

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("fa")};
}

QLocale localeFor(const QString &language)
{
    if (language == QLatin1String("fa"))
        return QLocale(QLocale::Persian, QLocale::Iran);
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

QString languageFromArguments(const QStringList &arguments, const QString &fallback)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith(QLatin1String("--lang=")))
            return arguments.at(i).mid(7);
    }
    return fallback;
}

QString install(const QString &requested)
{
    QString language = requested;
    if (language.isEmpty())
        language = QLocale::system().language() == QLocale::Persian ? QStringLiteral("fa")
                                                                    : QStringLiteral("en");
    const QLocale locale = localeFor(language);
    QLocale::setDefault(locale);
    Formatter::setLocale(locale);
    auto *app = QCoreApplication::instance();
    auto *ours = new QTranslator(app);
    // English has a (plural-forms only) translation too: "1 contact", "2 contacts".
    if (ours->load(locale, QStringLiteral("masir"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    if (language == QLatin1String("en"))
        return language;
    // Qt's own strings (standard buttons, context menus) where Qt ships them.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return language;
}

} // namespace masir::Translations
