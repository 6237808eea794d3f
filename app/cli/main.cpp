#include "CliApp.h"

#include "i18n/Translations.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    masir::Database::configureLibrary();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Masir"));
    QCoreApplication::setApplicationName(QStringLiteral("Masir"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MASIR_VERSION));

    // Informational log lines would mix with command output; QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(QStringLiteral("masir.*.info=false"));

    const QStringList args = QCoreApplication::arguments();
    // Without --lang, messages follow the system language.
    masir::Translations::install(masir::Translations::languageFromArguments(args));
    return masir::CliApp().run(args);
}
