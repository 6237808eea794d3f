#pragma once

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace masir {

struct PrivacyLogEntry
{
    QDateTime at;
    QString action;      ///< "export" or "erase"
    QString subjectHash; ///< ErasedAddresses' hash of the address, never the address
    QString byUser;
    QString detail;
};

/// The one writer of privacy_log: each export and erasure of a person's data,
/// by whom and when, and its reader (masir-cli privacy log, the erase dialog).
class PrivacyLog final
{
public:
    explicit PrivacyLog(QSqlDatabase db);

    bool record(const QString &action, const QString &subjectHash, const QString &byUser,
                const QString &detail, qint64 atMs);
    /// Newest first.
    QList<PrivacyLogEntry> entries(int limit = 1000) const;
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};

} // namespace masir
