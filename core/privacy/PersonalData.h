#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// Everything the workspace holds about one person, for a request under GDPR
/// Art. 15 (access) and 20 (portability): their fields, tags and lists, the
/// proof of their consent, every event, score change, note, task and deal,
/// and every message sent to them. As JSON, and as a page a person can read.
/// Each export is logged (privacy_log, by a hash of the address).
class PersonalData final
{
    Q_DECLARE_TR_FUNCTIONS(masir::PersonalData)

public:
    explicit PersonalData(const Database &db);

    /// The person's data; nullopt with errorString() when there is no such contact.
    std::optional<QJsonObject> collect(qint64 contactId);
    /// Writes \a data as a readable HTML page, right to left in Persian.
    static QString toHtml(const QJsonObject &data);
    /// Notes in the log that \a contactId's data was exported by \a byUser.
    bool logExport(qint64 contactId, const QString &byUser, const QString &detail);
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    QString m_error;
};

} // namespace masir
