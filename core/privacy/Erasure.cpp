#include "privacy/Erasure.h"

#include "common/Logging.h"
#include "contacts/ContactRepository.h"
#include "intake/CollectorForgets.h"
#include "messaging/ErasedAddresses.h"
#include "privacy/PrivacyLog.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"
#include "tracking/TrackingToken.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

namespace masir {

Erasure::Erasure(const Database &db)
    : m_db(db)
{}

std::optional<ErasureReport> Erasure::erase(qint64 id, const QString &byUser, qint64 atMs)
{
    const std::optional<Contact> found = ContactRepository(m_db).find(id);
    if (!found) {
        m_error = tr("There is no such contact.");
        return std::nullopt;
    }
    const Contact &c = *found;
    QSqlDatabase db = m_db.connection();
    // What is deleted is overwritten with zeros, not left in free pages.
    if (!Database::setSecureDelete(db, true, &m_error))
        return std::nullopt;
    const auto plain = qScopeGuard([db] { Database::setSecureDelete(db, false); });
    Transaction tx(db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    ErasureReport report;
    QSqlQuery q(db);
    auto run = [&](const QString &sql, const QVariantList &binds, qint64 *count = nullptr) {
        if (!Sql::exec(lcCrm(), q, sql, binds, &m_error))
            return false;
        if (count)
            *count += q.numRowsAffected();
        return true;
    };
    // Everything that names them by address: either of their addresses, as text.
    QStringList addresses;
    for (const QString &a : {c.email, c.phone}) {
        if (!a.isEmpty())
            addresses << a;
    }
    // and the addresses of contacts merged into this one (their messages kept them)
    QStringList merged;
    if (!run(QStringLiteral("SELECT payload FROM events WHERE contact_id = ? AND type = "
                            "'contacts_merged'"),
             {id}))
        return std::nullopt;
    while (q.next()) {
        const QString address = QJsonDocument::fromJson(q.value(0).toString().toUtf8())
                                    .object()
                                    .value(QStringLiteral("merged"))
                                    .toString();
        if (address.contains(QLatin1Char('@')) && !addresses.contains(address)) {
            addresses << address;
            merged << address;
        }
    }
    q.finish();
    const SqlDialect dialect(q.driver());
    auto mentions = [&](const QString &column) {
        QStringList parts;
        for (qsizetype i = 0; i < addresses.size(); ++i)
            parts << dialect.contains(QStringLiteral("lower(%1)").arg(column));
        return parts.isEmpty()
                   ? QStringLiteral("0 = 1")
                   : QLatin1Char('(') + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    };
    QVariantList lowered;
    for (const QString &a : std::as_const(addresses))
        lowered << a.toLower();

    // The messages sent to them: their opens and clicks first, then the rows
    // themselves emptied (kept, without a person, for the campaigns' counts).
    QList<qint64> outboxIds;
    auto byAddress = [&addresses](const QString &column) {
        return addresses.isEmpty()
                   ? QStringLiteral("0 = 1")
                   : QStringLiteral("%1 IN (%2)").arg(column, Sql::placeholders(addresses.size()));
    };
    if (!run(QStringLiteral("SELECT id FROM outbox WHERE contact_id = ? OR %1")
                 .arg(byAddress(QStringLiteral("recipient"))),
             QVariantList{id} + QVariantList(addresses.cbegin(), addresses.cend())))
        return std::nullopt;
    while (q.next())
        outboxIds << q.value(0).toLongLong();
    q.finish();
    for (qsizetype i = 0; i < outboxIds.size(); i += 500) {
        const QList<qint64> part = outboxIds.mid(i, 500);
        const QVariantList ids(part.cbegin(), part.cend());
        const QString in = Sql::placeholders(part.size());
        if (!run(QStringLiteral("DELETE FROM tracking_hits WHERE outbox_id IN (%1)").arg(in), ids,
                 &report.hits) ||
            !run(QStringLiteral("UPDATE outbox SET state = CASE WHEN state IN ('queued', 'held') "
                                "THEN 'cancelled' ELSE state END, recipient = '', payload = "
                                "'{}', error = '', provider_id = '', contact_id = NULL, "
                                "updated_at = ? WHERE id IN (%1)")
                     .arg(in),
                 QVariantList{atMs} + ids, &report.messages))
            return std::nullopt;
    }
    if (!run(QStringLiteral("DELETE FROM tracking_hits WHERE %1")
                 .arg(mentions(QStringLiteral("data"))),
             lowered, &report.hits) ||
        !run(QStringLiteral("DELETE FROM returned_mail WHERE %1 OR %2 OR %3")
                 .arg(mentions(QStringLiteral("sender")),
                      mentions(dialect.blobText(QStringLiteral("raw"))),
                      mentions(QStringLiteral("findings"))),
             lowered + lowered + lowered, &report.returned) ||
        !run(QStringLiteral("DELETE FROM import_issues WHERE %1 OR %2")
                 .arg(mentions(QStringLiteral("raw")), mentions(QStringLiteral("message"))),
             lowered + lowered, &report.importRows) ||
        // Others' events that name them (a merge, a form with their address).
        !run(QStringLiteral("UPDATE events SET payload = '{}' WHERE contact_id <> ? AND %1")
                 .arg(mentions(QStringLiteral("payload"))),
             QVariantList{id} + lowered, &report.events) ||
        !run(QStringLiteral("DELETE FROM campaign_activity WHERE contact_id = ?"), {id}) ||
        !run(QStringLiteral("DELETE FROM journey_segment_state WHERE contact_id = ?"), {id}) ||
        !run(QStringLiteral("DELETE FROM suppressions WHERE %1")
                 .arg(byAddress(QStringLiteral("address"))),
             QVariantList(addresses.cbegin(), addresses.cend())))
        return std::nullopt;
    if (!run(QStringLiteral("SELECT count(*) FROM events WHERE contact_id = ?"), {id}) || !q.next())
        return std::nullopt;
    report.events += q.value(0).toLongLong();
    q.finish();
    // The contact, and everything that hangs on it (events, notes, tasks,
    // deals, scores, lists, enrolments...).
    if (!run(QStringLiteral("DELETE FROM contacts WHERE id = ?"), {id}))
        return std::nullopt;

    ErasedAddresses erased(db);
    if ((!c.email.isEmpty() && !erased.add(QStringLiteral("email"), c.email, atMs)) ||
        (!c.phone.isEmpty() && !erased.add(QStringLiteral("sms"), c.phone, atMs))) {
        m_error = erased.errorString();
        return std::nullopt;
    }
    for (const QString &address : std::as_const(merged)) {
        if (!erased.add(QStringLiteral("email"), address, atMs)) {
            m_error = erased.errorString();
            return std::nullopt;
        }
    }
    // A CRM sync's staging files and reports may name them: a sync reads again.
    if (!run(QStringLiteral("UPDATE crm_sync SET phase = 'idle', cursor = '', staged_bytes = 0, "
                            "staged_rows = 0, report = '{}'"),
             {}))
        return std::nullopt;
    // The collector forgets their choices and hits at the next push.
    WorkspaceSettings settings(db);
    if (!settings.value(WorkspaceSettings::Key::CollectorUrl).toString().isEmpty()) {
        const QByteArray subject = TrackingToken::subjectOf(
            id, settings.token(WorkspaceSettings::Key::TokenSecret).toUtf8());
        CollectorForgets forgets(db);
        if (!forgets.add(QString::fromLatin1(subject.toBase64(QByteArray::Base64UrlEncoding |
                                                              QByteArray::OmitTrailingEquals)),
                         outboxIds, atMs)) {
            m_error = forgets.errorString();
            return std::nullopt;
        }
    }
    const QString subject = !c.email.isEmpty()   ? erased.hashOf(QStringLiteral("email"), c.email)
                            : !c.phone.isEmpty() ? erased.hashOf(QStringLiteral("sms"), c.phone)
                                                 : QString::number(id);
    PrivacyLog log(db);
    const QString detail = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("events"), double(report.events)},
                                  {QStringLiteral("messages"), double(report.messages)},
                                  {QStringLiteral("hits"), double(report.hits)},
                                  {QStringLiteral("returned"), double(report.returned)},
                                  {QStringLiteral("import_rows"), double(report.importRows)}})
            .toJson(QJsonDocument::Compact));
    if (!log.record(QStringLiteral("erase"), subject, byUser, detail, atMs)) {
        m_error = log.errorString();
        return std::nullopt;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    const QFileInfo workspace(m_db.path());
    for (const QFileInfo &staged : workspace.dir().entryInfoList(
             {workspace.completeBaseName() + QStringLiteral(".*-sync.csv")}, QDir::Files))
        QFile::remove(staged.filePath());
    // Older copies of the pages live in the write-ahead log until it is emptied.
    if (QString error; !Database::truncateLog(db, &error)) {
        report.warning = tr("The person was erased, but older copies of their data stay in the "
                            "workspace's log until Masir is closed: %1")
                             .arg(error);
        qCWarning(lcCrm) << report.warning;
    }
    return report;
}

} // namespace masir
