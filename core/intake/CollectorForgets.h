#pragma once

#include <QJsonArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace masir {

/// What a collector must forget of people erased since the last push: each
/// one's pseudonym (its choices) and messages (its hits). The one writer of
/// collector_forgets: an erasure adds, a push that reached the collector takes.
class CollectorForgets final
{
public:
    explicit CollectorForgets(QSqlDatabase db);

    /// Inside the caller's transaction.
    bool add(const QString &subject, const QList<qint64> &outboxIds, qint64 atMs);
    /// [{"subject", "outbox": [ids]}], the oldest first; empty when none.
    QJsonArray pending(int limit = 500) const;
    /// The collector has forgotten them.
    bool done(const QJsonArray &forgotten);
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};

} // namespace masir
