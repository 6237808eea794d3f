// The 360° timeline of a contact with 100,000 events: the first page as the
// contact page shows it (TimelineModel), a page deep in the history, and one
// kind (notes) among them, against reading the whole history at once (what
// the contact page did before it paged).
//
//   bench_timeline [WORKSPACE]   (made, with its events, when missing)

#include "contacts/ContactRepository.h"
#include "crm/ContactTimeline.h"
#include "crm/Notes.h"
#include "crm/TimelineModel.h"
#include "events/EventStore.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>

using namespace masir;

namespace {

template<typename F> double medianMs(F f, int runs = 7)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        times << double(t.nsecsElapsed()) / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times.at(runs / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString path = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                  : QStringLiteral("/tmp/masir-bench/timeline.masir");
    const bool fresh = !QFile::exists(path);
    Database db(path);
    if (!db.open()) {
        QTextStream(stderr) << db.errorString() << '\n';
        return 1;
    }
    ContactRepository repo(db);
    qint64 id = repo.findIdByEmail(QStringLiteral("busy@example.com")).value_or(0);
    if (fresh || !id) {
        Contact c;
        c.email = QStringLiteral("busy@example.com");
        if (!repo.create(c))
            return 1;
        id = c.id;
        QSqlDatabase conn = db.connection();
        Transaction tx(conn, Transaction::Mode::Write);
        EventStore events(conn);
        const qint64 start = QDateTime::currentMSecsSinceEpoch() - 100000LL * 60000;
        const QString types[] = {EventType::EmailSent, EventType::EmailOpened,
                                 EventType::PageViewed, EventType::EmailClicked};
        for (int i = 0; i < 100000; ++i) {
            if (!events.append(
                    id, types[i % 4], start + qint64(i) * 60000,
                    {{QStringLiteral("url"), QStringLiteral("https://shop.example/p/%1").arg(i)}}))
                return 1;
        }
        Notes notes(conn);
        for (int i = 0; i < 20; ++i)
            notes.add(id, QStringLiteral("note %1").arg(i), QString(),
                      start + qint64(i) * 5000 * 60000);
        tx.commit();
    }
    TimelineModel model(db);
    ContactTimeline timeline(db);
    QTextStream out(stdout);
    out << "first page (100 of 100,020): " << medianMs([&] { model.show(id); }) << " ms\n";
    out << "first page of notes (20 among 100,000 events): "
        << medianMs([&] { model.show(id, TimelineKind::Notes); }) << " ms\n";
    TimelineCursor deep{QDateTime::currentMSecsSinceEpoch() - 50000LL * 60000, 0,
                        std::numeric_limits<qint64>::max()};
    out << "a page half way back: " << medianMs([&] { timeline.page(id, TimelineKind::All, deep); })
        << " ms\n";
    out << "reference, the whole history at once: "
        << medianMs([&] { EventStore(db.connection()).timeline(id, 200000); }, 3) << " ms\n";
    return 0;
}
