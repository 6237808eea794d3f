#include "CliApp.h"

#include "i18n/Translations.h"
#include "storage/Database.h"

#ifdef MASIR_HAVE_RENDER
#include <QApplication>
#endif
#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstring>
#include <memory>

namespace {

/// A report written as PDF draws its charts with Qt Charts, which needs a
/// QApplication: on a server without a display, an offscreen one.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
#ifdef MASIR_HAVE_RENDER
    for (int i = 1; i < argc; ++i) {
        // the parser takes -pdf for --pdf too
        const char *word = argv[i][0] == '-' && argv[i][1] == '-' ? argv[i] + 1 : argv[i];
        if (std::strcmp(word, "-pdf") != 0 && std::strncmp(word, "-pdf=", 5) != 0)
            continue;
        // nothing is shown: no display is needed, nor used if one is set
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QApplication>(argc, argv);
    }
#endif
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    masir::Database::configureLibrary();
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Masir"));
    QCoreApplication::setApplicationName(QStringLiteral("Masir"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MASIR_VERSION));

    // Informational log lines would mix with command output; QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(QStringLiteral("masir.*.info=false"));

    const QStringList args = QCoreApplication::arguments();
    // Without --lang, messages follow the system language.
    const QString language =
        masir::Translations::install(masir::Translations::languageFromArguments(args));
#ifdef MASIR_HAVE_RENDER
    if (qobject_cast<QApplication *>(app.get())) // a PDF reads right to left in Persian
        QApplication::setLayoutDirection(masir::Translations::localeFor(language).textDirection());
#endif
    return masir::CliApp().run(args);
}
