#pragma once

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlDriver>

namespace masir {

/// Wake-ups between the processes of a server workspace (LISTEN/NOTIFY): the
/// server notifies when a transaction commits new events, enrolments or
/// messages in the outbox (its statement triggers, schema 26), and a worker
/// that listens runs its next cycle at once instead of at its next poll. A
/// file workspace has no such notices; its workers only poll.
///
/// Qt's driver reads them when the connection's thread returns to its event
/// loop: the desktop's worker thread, or `masir-cli worker run` while it
/// sleeps between cycles.
class WorkNotices final : public QObject
{
    Q_OBJECT

public:
    /// The channel the server's triggers notify.
    static QString channel();

    explicit WorkNotices(QObject *parent = nullptr);

    /// Tells the workers of a server workspace that \a db committed work that
    /// no trigger announces (hits a collector wrote). Nothing on a file;
    /// false when the server refused.
    static bool announce(const QSqlDatabase &db);

    /// Listens on \a db, a connection of this thread, if it is a server's;
    /// call at each cycle: a connection opened again listens again. Whether
    /// it listens.
    bool listen(const QSqlDatabase &db);

Q_SIGNALS:
    /// Another session committed new work (this connection's own commits do
    /// not count).
    void workArrived();

private:
    QPointer<QSqlDriver> m_driver;
};

} // namespace masir
