// Contact list on a large workspace: first page, jump to end, sort, search, and
// memory after scrolling through every row, against a plain QSqlQueryModel.
//
//   bench_contactlist WORKSPACE model      our paging model
//   bench_contactlist WORKSPACE reference  QSqlQueryModel over the same rows
//
// Each time is the median of 7 runs on a fresh model. Memory is VmRSS from /proc.

#include "contacts/ContactListModel.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSqlQuery>
#include <QSqlQueryModel>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace masir;

namespace {

double rssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

void touchRow(const QAbstractItemModel &model, int row)
{
    for (int c = 0; c < model.columnCount(); ++c)
        model.data(model.index(row, c));
}

constexpr int kVisibleRows = 40; // what a window shows at once

int benchModel(const Database &db)
{
    auto timed = [&](const std::function<void(ContactListModel &)> &prepare,
                     const std::function<void(ContactListModel &)> &work) {
        std::vector<double> ms;
        for (int i = 0; i < 7; ++i) {
            ContactListModel model(db);
            prepare(model);
            QElapsedTimer t;
            t.start();
            work(model);
            ms.push_back(t.nsecsElapsed() / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        return ms[ms.size() / 2];
    };
    const double open = timed([](ContactListModel &) {},
                              [](ContactListModel &m) {
                                  for (int r = 0; r < kVisibleRows; ++r)
                                      touchRow(m, r);
                              });
    std::vector<double> fresh;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer t;
        t.start();
        ContactListModel model(db);
        for (int r = 0; r < kVisibleRows; ++r)
            touchRow(model, r);
        fresh.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(fresh.begin(), fresh.end());

    const double jumpEnd =
        timed([](ContactListModel &m) { touchRow(m, 0); },
              [](ContactListModel &m) {
                  for (int r = m.rowCount() - kVisibleRows; r < m.rowCount(); ++r)
                      touchRow(m, r);
              });
    const double jumpMiddle = timed([](ContactListModel &m) { touchRow(m, 0); },
                                    [](ContactListModel &m) {
                                        const int mid = m.rowCount() / 2;
                                        for (int r = mid; r < mid + kVisibleRows; ++r)
                                            touchRow(m, r);
                                    });
    const double sortLast = timed([](ContactListModel &m) { touchRow(m, 0); },
                                  [](ContactListModel &m) {
                                      m.sort(ContactListModel::NameColumn, Qt::AscendingOrder);
                                      for (int r = 0; r < kVisibleRows; ++r)
                                          touchRow(m, r);
                                  });
    const double sortLastEnd =
        timed([](ContactListModel &m) { m.sort(ContactListModel::NameColumn, Qt::AscendingOrder); },
              [](ContactListModel &m) {
                  for (int r = m.rowCount() - kVisibleRows; r < m.rowCount(); ++r)
                      touchRow(m, r);
              });
    // Searches run in the background: time until the first page is in the model
    // (what the user sees) and until the count is known. The UI thread is free meanwhile.
    auto searchTimes = [&](const QString &text) {
        std::vector<double> page, total;
        for (int i = 0; i < 7; ++i) {
            ContactListModel m(db);
            QElapsedTimer t;
            QEventLoop loop;
            double pageMs = -1;
            QObject::connect(&m, &QAbstractItemModel::modelReset, &loop, [&] {
                if (pageMs < 0)
                    pageMs = t.nsecsElapsed() / 1e6;
            });
            QObject::connect(&m, &ContactListModel::searchFinished, &loop, &QEventLoop::quit);
            t.start();
            m.setSearch(text);
            loop.exec();
            page.push_back(pageMs);
            total.push_back(t.nsecsElapsed() / 1e6);
        }
        std::sort(page.begin(), page.end());
        std::sort(total.begin(), total.end());
        return std::pair{page[3], total[3]};
    };
    const auto [searchPage, searchTotal] = searchTimes(QStringLiteral("علي"));
    const auto [rarePage, rareTotal] = searchTimes(QStringLiteral("no-such-person"));

    // Scroll through every row, as a user dragging to the bottom would.
    ContactListModel model(db);
    touchRow(model, 0);
    const double before = rssMiB();
    double peak = before;
    QElapsedTimer scroll;
    scroll.start();
    for (int r = 0; r < model.rowCount(); ++r) {
        touchRow(model, r);
        if (r % 100000 == 0)
            peak = std::max(peak, rssMiB());
    }
    const double scrollMs = scroll.nsecsElapsed() / 1e6;
    const double after = rssMiB();
    peak = std::max(peak, after);

    std::printf("rows                         %d\n", model.rowCount());
    std::printf("first page (new model, count + %d rows)   %8.2f ms\n", kVisibleRows,
                fresh[fresh.size() / 2]);
    std::printf("first page (count already done)           %8.2f ms\n", open);
    std::printf("jump to the end                           %8.2f ms\n", jumpEnd);
    std::printf("jump to the middle                        %8.2f ms\n", jumpMiddle);
    std::printf("sort by last name (+ first page)          %8.2f ms\n", sortLast);
    std::printf("sorted by last name, jump to the end      %8.2f ms\n", sortLastEnd);
    std::printf("search 'علي': first page shown            %8.2f ms, count known %8.2f ms\n",
                searchPage, searchTotal);
    std::printf("search with no match (full scans)         %8.2f ms, count known %8.2f ms\n",
                rarePage, rareTotal);
    std::printf("scroll through every row                  %8.0f ms\n", scrollMs);
    std::printf("RSS before scroll %.1f MiB, after %.1f MiB, peak %.1f MiB: growth %.1f MiB\n",
                before, after, peak, peak - before);
    return 0;
}

int benchReference(const Database &db)
{
    const QString sql = QStringLiteral(
        "SELECT id, first_name, last_name, email, phone, company, city, stage, score, created_at "
        "FROM contacts JOIN contact_scores ON contact_id = id ORDER BY id DESC");
    double firstPage = 0;
    {
        QElapsedTimer t;
        t.start();
        QSqlQueryModel model;
        model.setQuery(sql, db.connection());
        for (int r = 0; r < kVisibleRows; ++r)
            touchRow(model, r);
        firstPage = t.nsecsElapsed() / 1e6;
    }
    QSqlQueryModel model;
    model.setQuery(sql, db.connection());
    touchRow(model, 0);
    const double before = rssMiB();
    QElapsedTimer scroll;
    scroll.start();
    // A view scrolled to the bottom makes the model fetch everything.
    while (model.canFetchMore())
        model.fetchMore();
    for (int r = 0; r < model.rowCount(); ++r)
        touchRow(model, r);
    const double scrollMs = scroll.nsecsElapsed() / 1e6;
    const double after = rssMiB();
    std::printf("reference QSqlQueryModel: rows %d\n", model.rowCount());
    std::printf("reference first page                      %8.2f ms\n", firstPage);
    std::printf("reference scroll through every row        %8.0f ms\n", scrollMs);
    std::printf("reference RSS before %.1f MiB, after %.1f MiB: growth %.1f MiB\n", before, after,
                after - before);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    masir::Database::configureLibrary();
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: bench_contactlist WORKSPACE model|reference\n");
        return 2;
    }
    Database db(args.at(1));
    if (!db.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.errorString()));
        return 1;
    }
    return args.at(2) == QLatin1String("reference") ? benchReference(db) : benchModel(db);
}
