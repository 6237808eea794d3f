// masir: the desktop application. Startup only; everything else is in core/ and ui/.

#include "contacts/ContactRepository.h"
#include "contacts/ContactsPage.h"
#include "demo/DemoWorkspace.h"
#include "i18n/Translations.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/OpenServerDialog.h"
#include "settings/AppSettings.h"
#include "storage/Database.h"
#include "storage/WorkspaceAddress.h"
#include "widgets/HeaderFit.h"
#include "widgets/Theme.h"
#include "widgets/WheelGuard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScreen>
#include <QTimer>

#include <cstdio>

namespace {

class Startup
{
    Q_DECLARE_TR_FUNCTIONS(Startup)

public:
    static QString demoFailed(const QString &error)
    {
        return tr("The demo workspace could not be created: %1").arg(error);
    }
    static QString cannotOpen() { return tr("Masir cannot open the workspace"); }
    static QString helpText() { return tr("Marketing automation for small businesses."); }
    static QString workspaceOption() { return tr("Open the workspace file PATH."); }
    static QString demoOption()
    {
        return tr("Open the demo workspace, creating it with sample contacts if needed.");
    }
    static QString langOption() { return tr("Use the language LANG (en or fa)."); }
    static QString creatingDemo() { return tr("Creating the demo workspace…"); }
};

} // namespace

/// Fills an empty demo workspace with its contacts and samples, with progress.
static bool createDemo(const masir::Database &db)
{
    if (masir::ContactRepository(db).count() != 0)
        return true;
    masir::DemoWorkspace generator(db);
    QProgressDialog progress(Startup::creatingDemo(), QString(), 0, 2000);
    progress.setMinimumDuration(500);
    masir::DemoWorkspace::Options options;
    options.batchSize = 250;
    options.language = QLocale().name().left(2);
    if (!generator.populate(options, [&](int done, int) { progress.setValue(done); }) ||
        !generator.addSamples(QLocale().name().left(2))) {
        QMessageBox::critical(nullptr, Startup::cannotOpen(),
                              Startup::demoFailed(generator.errorString()));
        return false;
    }
    return true;
}

int main(int argc, char *argv[])
{
    QElapsedTimer startTimer;
    startTimer.start();
    masir::Database::configureLibrary();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Masir"));
    QApplication::setApplicationName(QStringLiteral("Masir"));
    QApplication::setApplicationVersion(QStringLiteral(MASIR_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("app.masir.Masir"));
    masir::ui::WheelGuard::install(&app);
    masir::ui::HeaderFit::install(&app);
    masir::ui::Theme::followSystem(&app);

    // Read --lang before anything is translated.
    QString language = masir::Translations::languageFromArguments(
        QApplication::arguments(),
        masir::AppSettings().value(masir::AppSettings::Key::Language).toString());
    language = masir::Translations::install(language);
    QApplication::setLayoutDirection(masir::Translations::localeFor(language).textDirection());

    QCommandLineParser parser;
    parser.setApplicationDescription(Startup::helpText());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOpt(QStringLiteral("workspace"), Startup::workspaceOption(),
                                          QStringLiteral("PATH"));
    const QCommandLineOption demoOpt(QStringLiteral("demo"), Startup::demoOption());
    const QCommandLineOption langOpt(QStringLiteral("lang"), Startup::langOption(),
                                     QStringLiteral("LANG"));
    // For documentation and benchmarks: save a picture of the window and quit, or
    // report the start-up time once the window is shown and quit.
    QCommandLineOption screenshotOpt(QStringLiteral("screenshot"), QString(),
                                     QStringLiteral("FILE"));
    screenshotOpt.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption quitOpt(QStringLiteral("quit-after-show"));
    quitOpt.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({workspaceOpt, demoOpt, langOpt, screenshotOpt, quitOpt});
    parser.process(app);

    const bool demo = parser.isSet(demoOpt);
    QString path = parser.value(workspaceOpt);
    QString previous;
    if (path.isEmpty()) {
        path =
            demo ? masir::Database::demoWorkspacePath() : masir::Database::defaultWorkspacePath();
        QDir().mkpath(QFileInfo(path).absolutePath()); // our own folder: create it
    }

    // One workspace at a time: File → New or Open Workspace closes this
    // window (when it may) and opens the chosen one in a new window.
    int code = 0;
    bool first = true;
    while (!path.isEmpty()) {
        // a server's password: in the address given, or kept in the keychain
        masir::Database db(masir::ui::OpenServerDialog::withSavedPassword(path));
        if (!db.open()) {
            std::fprintf(stderr, "masir: %s\n", qPrintable(db.errorString()));
            if (masir::WorkspaceAddress::isUrl(path)) {
                // the address or the password may be wrong: say so, and let it be corrected
                if (const auto again =
                        masir::ui::OpenServerDialog::ask(nullptr, path, db.errorString())) {
                    path = *again;
                    continue;
                }
            } else {
                QMessageBox::critical(nullptr, Startup::cannotOpen(), db.errorString());
            }
            if (first)
                return 1;
            path = previous; // back to the one that was open
            continue;
        }
        // a password chosen in the dialog is kept now that it proved right
        masir::ui::OpenServerDialog::opened(nullptr, path);
        if (first && demo && !createDemo(db))
            return 1;
        masir::AppSettings().addRecentWorkspace(db.isPostgres() ? db.displayName() : path);
        previous = path;
        path.clear();

        masir::ui::MainWindow window(db);
        QObject::connect(&window, &masir::ui::MainWindow::workspaceRequested, &window,
                         [&window, &path](const QString &next) {
                             path = next;
                             if (!window.close())
                                 path.clear(); // unsaved changes kept it open
                         });
        window.show();
        if (first && parser.isSet(screenshotOpt)) {
            const QString file = parser.value(screenshotOpt);
            QTimer::singleShot(300, &window, [&window, file] {
                // Show a contact's details too, as a user would after clicking one.
                window.contactsPage()->selectRow(0);
                QTimer::singleShot(300, &window, [&window, file] {
                    if (!window.grab().save(file))
                        std::fprintf(stderr, "masir: cannot save %s\n", qPrintable(file));
                    QApplication::quit();
                });
            });
        } else if (first && parser.isSet(quitOpt)) {
            QTimer::singleShot(0, &window, [&window, &startTimer] {
                window.repaint(); // the first frame is drawn before we stop the clock
                std::fprintf(stderr, "masir: window shown after %lld ms\n",
                             static_cast<long long>(startTimer.elapsed()));
                QApplication::quit();
            });
        }
        first = false;
        code = QApplication::exec();
    }
    return code;
}
