#include "CliApp.h"

#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Masir"));
    QCoreApplication::setApplicationName(QStringLiteral("Masir"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MASIR_VERSION));

    // Informational log lines would mix with command output; QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(QStringLiteral("masir.*.info=false"));

    QString language;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--lang") && i + 1 < args.size())
            language = args.at(i + 1);
        else if (args.at(i).startsWith(QLatin1String("--lang=")))
            language = args.at(i).mid(7);
    }
    // Without --lang, messages follow the system language.
    masir::Translations::install(language);
    return masir::CliApp().run(args);
}
