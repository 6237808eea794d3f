// The longest time the UI thread does not answer while the import wizard imports
// a file: a timer that should fire every 5 ms records the largest gap.
//
//   QT_QPA_PLATFORM=offscreen bench_import_ui FILE.csv WORKSPACE

#include "importwizard/ImportWizard.h"
#include "storage/Database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    masir::Database::configureLibrary();
    QApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_import_ui FILE.csv WORKSPACE\n");
        return 2;
    }
    QFile::remove(QString::fromLocal8Bit(argv[2]));
    masir::Database db(QString::fromLocal8Bit(argv[2]));
    if (!db.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.errorString()));
        return 1;
    }
    masir::ui::ImportWizard wizard(db, QString::fromLocal8Bit(argv[1]));
    wizard.show();
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worst = 0;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.elapsed();
        worst = std::max(worst, now - last);
        last = now;
    });
    QObject::connect(&wizard, &masir::ui::ImportWizard::importFinished, &app, [&] {
        std::printf(
            "imported %lld rows in %.1f s; longest UI-thread stall %lld ms (timer every 5 ms)\n",
            static_cast<long long>(wizard.report().rows), clock.elapsed() / 1000.0,
            static_cast<long long>(worst));
        QTimer::singleShot(0, &app, &QApplication::quit);
    });
    // the review (a dry run of the whole file) first, then the import; the
    // stall is measured over both
    QObject::connect(&wizard, &masir::ui::ImportWizard::reviewFinished, &app, [&] {
        std::printf("reviewed %lld rows in %.1f s\n", static_cast<long long>(wizard.review().rows),
                    clock.elapsed() / 1000.0);
        wizard.next(); // "Import": the import runs
    });
    QTimer::singleShot(0, &app, [&] {
        wizard.next(); // mapping
        wizard.next(); // options
        clock.start();
        ticker.start();
        wizard.next(); // the review
    });
    return QApplication::exec();
}
