#include "connectors/CrmSync.h"

#include "common/Logging.h"
#include "connectors/CrmConnector.h"
#include "contacts/CustomFields.h"
#include "crm/Deals.h"
#include "crm/Pipelines.h"
#include "importing/ColumnMapper.h"
#include "messaging/ErasedAddresses.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"
#include "storage/SqlValues.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>

namespace masir {

struct CrmSync::State
{
    qint64 peopleSince = 0;
    qint64 dealsSince = 0;
    QString phase = QStringLiteral("idle");
    bool full = false;
    QString cursor;
    qint64 stagedBytes = 0;
    qint64 stagedRows = 0;
    qint64 seenPeople = 0; ///< the newest change among the people read
    qint64 seenDeals = 0;
    qint64 importId = 0;
    qint64 startedAt = 0;
};

namespace {

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QStringList headersOf(const CrmConnector &connector)
{
    return CrmSync::headers(connector.label());
}

PipelineStage::Outcome outcomeOf(const QString &key)
{
    return Pipelines::outcomeFromKey(key);
}

} // namespace

QJsonObject CrmSyncReport::toJson() const
{
    QJsonArray issues;
    for (const ImportIssue &i : import.issues)
        issues.append(QJsonObject{{QStringLiteral("row"), double(i.row)},
                                  {QStringLiteral("field"), i.field},
                                  {QStringLiteral("message"), i.message},
                                  {QStringLiteral("rejected"), i.rejected}});
    return {{QStringLiteral("connector"), connector},
            {QStringLiteral("full"), full},
            {QStringLiteral("resumed"), resumed},
            {QStringLiteral("cancelled"), cancelled},
            {QStringLiteral("people"), double(people)},
            {QStringLiteral("importId"), double(import.importId)},
            {QStringLiteral("created"), double(import.created)},
            {QStringLiteral("updated"), double(import.updated)},
            {QStringLiteral("skipped"), double(import.skipped)},
            {QStringLiteral("rejected"), double(import.rejected)},
            {QStringLiteral("warnings"), double(import.warnings)},
            {QStringLiteral("issues"), issues},
            {QStringLiteral("dealsCreated"), double(dealsCreated)},
            {QStringLiteral("dealsUpdated"), double(dealsUpdated)},
            {QStringLiteral("dealsMoved"), double(dealsMoved)},
            {QStringLiteral("dealIssues"), QJsonArray::fromStringList(dealIssues)},
            {QStringLiteral("writtenBack"), double(writtenBack)},
            {QStringLiteral("erasedLeftOut"), double(erasedLeftOut)},
            {QStringLiteral("rateLimitWaits"), rateLimitWaits},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("error"), error}};
}

CrmSync::CrmSync(const Database &db, CrmConnector &connector)
    : m_db(db)
    , m_connector(connector)
{}

QStringList CrmSync::headers(const QString &label)
{
    QStringList out;
    for (const QString &c : CrmConnector::personColumns())
        out << QStringLiteral("%1 %2").arg(label, c);
    return out;
}

QStringList CrmSync::defaultTargets(const QString &connector)
{
    return {QStringLiteral("custom.%1_id").arg(connector),
            QStringLiteral("email"),
            QStringLiteral("first_name"),
            QStringLiteral("last_name"),
            QStringLiteral("phone"),
            QStringLiteral("company"),
            QStringLiteral("city"),
            QStringLiteral("country"),
            QStringLiteral("stage")};
}

QString CrmSync::stagingPath(const Database &db, const QString &connector)
{
    const QFileInfo workspace(db.path());
    return workspace.dir().filePath(
        QStringLiteral("%1.%2-sync.csv").arg(workspace.completeBaseName(), connector));
}

std::pair<QJsonObject, qint64> CrmSync::lastReport(const Database &db, const QString &connector)
{
    QSqlQuery q(db.connection());
    QString error;
    if (!Sql::exec(lcCrm(), q,
                   QStringLiteral("SELECT report, COALESCE(finished_at, 0) FROM crm_sync WHERE "
                                  "connector = ?"),
                   {connector}, &error) ||
        !q.next())
        return {{}, 0};
    return {QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object(),
            q.value(1).toLongLong()};
}

std::optional<CrmSync::State> CrmSync::load()
{
    State s;
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcCrm(), q,
                   QStringLiteral("SELECT people_since, deals_since, phase, full_sync, cursor, "
                                  "staged_bytes, staged_rows, seen_people, seen_deals, "
                                  "COALESCE(import_id, 0), COALESCE(started_at, 0) FROM crm_sync "
                                  "WHERE connector = ?"),
                   {m_connector.key()}, &m_error))
        return std::nullopt;
    if (q.next()) {
        s.peopleSince = q.value(0).toLongLong();
        s.dealsSince = q.value(1).toLongLong();
        s.phase = q.value(2).toString();
        s.full = q.value(3).toBool();
        s.cursor = q.value(4).toString();
        s.stagedBytes = q.value(5).toLongLong();
        s.stagedRows = q.value(6).toLongLong();
        s.seenPeople = q.value(7).toLongLong();
        s.seenDeals = q.value(8).toLongLong();
        s.importId = q.value(9).toLongLong();
        s.startedAt = q.value(10).toLongLong();
    }
    return s;
}

bool CrmSync::save(const State &s)
{
    QSqlQuery q(m_db.connection());
    return Sql::exec(
        lcCrm(), q,
        QStringLiteral("INSERT INTO crm_sync (connector, people_since, deals_since, phase, "
                       "full_sync, cursor, staged_bytes, staged_rows, seen_people, seen_deals, "
                       "import_id, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON "
                       "CONFLICT (connector) DO UPDATE SET people_since = excluded.people_since, "
                       "deals_since = excluded.deals_since, phase = excluded.phase, full_sync = "
                       "excluded.full_sync, cursor = excluded.cursor, staged_bytes = "
                       "excluded.staged_bytes, staged_rows = excluded.staged_rows, seen_people = "
                       "excluded.seen_people, seen_deals = excluded.seen_deals, import_id = "
                       "excluded.import_id, started_at = excluded.started_at"),
        {m_connector.key(), s.peopleSince, s.dealsSince, s.phase, s.full ? 1 : 0,
         SqlValues::text(s.cursor), s.stagedBytes, s.stagedRows, s.seenPeople, s.seenDeals,
         s.importId, s.startedAt},
        &m_error);
}

std::optional<CrmSyncReport>
CrmSync::run(bool full, const std::function<void(const CrmSyncProgress &)> &progress,
             const std::atomic<bool> *stop)
{
    QElapsedTimer timer;
    timer.start();
    m_error.clear();
    // One sync of a CRM at a time, whoever runs it (the app, the worker, the
    // command line): the others leave it be.
    QLockFile lock(stagingPath(m_db, m_connector.key()) + QStringLiteral(".lock"));
    lock.setStaleLockTime(0); // a dead holder's lock is taken over (QLockFile checks the pid)
    if (!lock.tryLock(0)) {
        m_error = tr("A sync with %1 is running already.").arg(m_connector.label());
        return std::nullopt;
    }
    auto state = load();
    if (!state)
        return std::nullopt;
    CrmSyncReport report;
    report.connector = m_connector.key();
    if (state->phase == QLatin1String("idle")) {
        state->phase = QStringLiteral("people");
        state->full = full;
        state->cursor.clear();
        state->stagedBytes = 0;
        state->stagedRows = 0;
        state->seenPeople = state->peopleSince;
        state->seenDeals = state->dealsSince;
        state->importId = 0;
        state->startedAt = QDateTime::currentMSecsSinceEpoch();
        if (!save(*state))
            return std::nullopt;
    } else {
        report.resumed = true; // a sync was killed: it goes on where it stood
        qCInfo(lcCrm) << "resuming the" << m_connector.key() << "sync at" << state->phase;
    }
    report.full = state->full;
    auto finish = [&]() -> std::optional<CrmSyncReport> {
        report.rateLimitWaits = m_connector.rateLimitWaits();
        report.seconds = double(timer.elapsed()) / 1000.0;
        return report;
    };
    auto failed = [&]() -> std::optional<CrmSyncReport> {
        if (report.cancelled)
            return finish();
        QSqlQuery q(m_db.connection());
        QString ignored;
        Sql::exec(lcCrm(), q, QStringLiteral("UPDATE crm_sync SET error = ? WHERE connector = ?"),
                  {m_error, m_connector.key()}, &ignored);
        return std::nullopt;
    };
    if (state->phase == QLatin1String("people") && !stagePeople(*state, report, progress, stop))
        return failed();
    if (state->phase == QLatin1String("import") && !importPeople(*state, report, progress, stop))
        return failed();
    if (state->phase == QLatin1String("deals") && !syncDeals(*state, report, progress, stop))
        return failed();
    if (!m_writeBack.isEmpty() && !writeBack(report))
        return failed();
    // Done: the next sync asks for what changed since the newest change seen
    // (pages go by modification time, so a change made while this one paged
    // came in a later page), and no later than a deal it could not write.
    state->peopleSince = state->seenPeople;
    state->dealsSince = state->seenDeals;
    state->phase = QStringLiteral("idle");
    state->cursor.clear();
    report.people = std::max(report.people, state->stagedRows);
    finish();
    if (!save(*state))
        return std::nullopt;
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(
            lcCrm(), q,
            QStringLiteral("UPDATE crm_sync SET finished_at = ?, report = ?, error = '' "
                           "WHERE connector = ?"),
            {QDateTime::currentMSecsSinceEpoch(),
             QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact)),
             m_connector.key()},
            &m_error))
        return std::nullopt;
    QFile::remove(stagingPath(m_db, m_connector.key())); // people's data: not left lying around
    return report;
}

void CrmSync::setWriteBack(const QStringList &fields, const QMap<QString, QString> &properties)
{
    m_writeBack = fields;
    m_properties = properties;
}

bool CrmSync::writeBack(CrmSyncReport &report)
{
    // The people of this CRM whose score, stage or subscription changed here
    // since the last write-back, not by an import from a CRM (its own values).
    QSqlQuery q(m_db.connection());
    if (!Sql::exec(lcCrm(), q,
                   QStringLiteral("SELECT written_at FROM crm_sync WHERE connector = ?"),
                   {m_connector.key()}, &m_error))
        return false;
    const qint64 since = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString byCrm = SqlDialect(q.driver()).jsonValue(QStringLiteral("e.payload"));
    if (!Sql::exec(
            lcCrm(), q,
            QStringLiteral(
                "SELECT v.value, s.score, s.stage, c.status, c.email_consent FROM contact_values "
                "v JOIN fields f ON f.id = v.field_id JOIN contacts c ON c.id = v.contact_id JOIN "
                "contact_scores s ON s.contact_id = c.id WHERE f.key = ? AND v.contact_id IN "
                "(SELECT contact_id FROM score_changes WHERE occurred_at > ? AND occurred_at <= ? "
                "UNION SELECT e.contact_id FROM events e WHERE e.occurred_at > ? AND "
                "e.occurred_at <= ? AND e.type IN ('stage_changed', 'unsubscribed', "
                "'consent_changed', 'email_bounced', 'email_complained') AND NOT EXISTS (SELECT "
                "1 FROM imports i WHERE i.id = %1 AND i.file_name LIKE '%-sync.csv'))")
                .arg(byCrm),
            {QVariant(m_connector.key() + QStringLiteral("_id")), since, now, since, now,
             SqlDialect(q.driver()).jsonPath(QStringLiteral("import"))},
            &m_error))
        return false;
    QList<CrmWriteBack> people;
    while (q.next()) {
        CrmWriteBack w;
        w.personId = q.value(0).toString();
        if (m_writeBack.contains(QLatin1String("score")))
            w.values.insert(QStringLiteral("score"), q.value(1).toString());
        if (m_writeBack.contains(QLatin1String("stage")))
            w.values.insert(QStringLiteral("stage"), q.value(2).toString());
        if (m_writeBack.contains(QLatin1String("unsubscribed")))
            w.values.insert(QStringLiteral("unsubscribed"),
                            q.value(3).toString() != QLatin1String("active") ||
                                    q.value(4).toString() == QLatin1String("withdrawn")
                                ? QStringLiteral("true")
                                : QStringLiteral("false"));
        people << w;
    }
    q.finish();
    if (!people.isEmpty()) {
        const auto written = m_connector.writeBack(people, m_properties);
        if (!written) {
            m_error = tr("Masir's values could not be written to %1: %2")
                          .arg(m_connector.label(), m_connector.errorString());
            return false;
        }
        report.writtenBack = *written;
    }
    return Sql::exec(lcCrm(), q,
                     QStringLiteral("UPDATE crm_sync SET written_at = ? WHERE connector = ?"),
                     {now, m_connector.key()}, &m_error);
}

bool CrmSync::stagePeople(State &state, CrmSyncReport &report,
                          const std::function<void(const CrmSyncProgress &)> &progress,
                          const std::atomic<bool> *stop)
{
    QFile file(stagingPath(m_db, m_connector.key()));
    if (!file.open(QIODevice::ReadWrite)) {
        m_error = tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    // What was written after the last page that counted goes: it comes again.
    // A file shorter than that lost pages in a crash: read everything again.
    if (file.size() < state.stagedBytes) {
        state.cursor.clear();
        state.stagedBytes = 0;
        state.stagedRows = 0;
    }
    if (!file.resize(state.stagedBytes) || !file.seek(state.stagedBytes)) {
        m_error = tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    if (state.stagedBytes == 0)
        file.write(headersOf(m_connector).join(QLatin1Char(',')).toUtf8() + '\n');
    const QStringList columns = CrmConnector::personColumns();
    const qint64 since = state.full ? 0 : state.peopleSince;
    ErasedAddresses erased(m_db.connection());
    for (;;) {
        if (stop && stop->load()) {
            report.cancelled = true;
            return false;
        }
        const auto page = m_connector.people(state.cursor, since);
        if (!page) {
            m_error = m_connector.errorString();
            return false;
        }
        QByteArray rows;
        for (const CrmPerson &p : page->items) {
            // People erased here stay erased, whatever the CRM still holds.
            if (erased.contains(QStringLiteral("email"), p.values.value(QStringLiteral("email"))) ||
                erased.contains(QStringLiteral("sms"), p.values.value(QStringLiteral("phone")))) {
                ++report.erasedLeftOut;
                continue;
            }
            QStringList fields;
            for (const QString &c : columns)
                fields << csvField(p.values.value(c));
            rows += fields.join(QLatin1Char(',')).toUtf8() + '\n';
            state.seenPeople = std::max(state.seenPeople, p.modifiedMs);
        }
        if (file.write(rows) != rows.size() || !file.flush()) {
            m_error = tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
            return false;
        }
        state.stagedBytes = file.size();
        state.stagedRows += page->items.size();
        state.cursor = page->next;
        if (page->next.isEmpty())
            state.phase = QStringLiteral("import");
        if (!save(state))
            return false;
        if (progress)
            progress({QStringLiteral("people"), state.stagedRows});
        if (page->next.isEmpty())
            return true;
    }
}

bool CrmSync::importPeople(State &state, CrmSyncReport &report,
                           const std::function<void(const CrmSyncProgress &)> &progress,
                           const std::atomic<bool> *stop)
{
    const QString key = m_connector.key();
    ImportOptions options;
    options.path = stagingPath(m_db, key);
    options.encoding = Encoding::Utf8;
    options.delimiter = QLatin1Char(',');
    options.hasHeader = true;
    const QStringList headers = headersOf(m_connector);
    // The mapping the user last chose for this CRM's columns, else ours.
    options.targets = ColumnMapper::remembered(m_db, headers);
    if (options.targets.size() != headers.size())
        options.targets = defaultTargets(key);
    FieldDefinition id;
    id.key = key + QStringLiteral("_id");
    id.label = tr("%1 ID").arg(m_connector.label());
    options.newFields = {id};
    options.policy = ImportOptions::Policy::Overwrite; // the CRM's values are the newer
    options.source = m_connector.label();
    if (!QFile::exists(options.path) && state.stagedRows == 0) {
        state.phase = QStringLiteral("deals");
        state.cursor.clear();
        return save(state);
    }
    ImportJob job(m_db, options);
    report.import = job.run(
        [&progress](const ImportProgress &p) {
            if (progress)
                progress({QStringLiteral("import"), p.rows});
        },
        stop);
    if (report.import.cancelled) {
        report.cancelled = true;
        return false;
    }
    if (report.import.failed) {
        m_error = report.import.error;
        return false;
    }
    report.people = report.import.rows;
    state.importId = report.import.importId;
    state.phase = QStringLiteral("deals");
    state.cursor.clear();
    return save(state);
}

bool CrmSync::syncDeals(State &state, CrmSyncReport &report,
                        const std::function<void(const CrmSyncProgress &)> &progress,
                        const std::atomic<bool> *stop)
{
    QSqlDatabase db = m_db.connection();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // The CRM's pipelines and stages, as Masir pipelines named after them.
    const auto crmStages = m_connector.stages();
    if (!crmStages) {
        m_error = m_connector.errorString();
        return false;
    }
    QMap<QString, QList<PipelineStage>> byPipeline;
    for (const CrmStage &s : *crmStages) {
        PipelineStage stage;
        stage.key = s.key;
        stage.name = s.name;
        stage.probability = s.probability;
        stage.outcome = outcomeOf(s.outcome);
        byPipeline[s.pipeline] << stage;
    }
    Pipelines pipelines(db);
    QHash<QString, std::pair<qint64, qint64>> stageIds; // "pipeline\nkey" → (pipeline, stage)
    for (auto it = byPipeline.cbegin(); it != byPipeline.cend(); ++it) {
        const auto p = pipelines.ensure(QStringLiteral("%1: %2").arg(m_connector.label(), it.key()),
                                        it.value(), now);
        if (!p) {
            m_error = pipelines.errorString();
            return false;
        }
        for (const PipelineStage &s : p->stages)
            stageIds.insert(it.key() + QLatin1Char('\n') + s.key, {p->id, s.id});
    }
    // The people the CRM knows by its ids.
    QHash<QString, qint64> contacts;
    QSqlQuery q(db);
    if (!Sql::exec(lcCrm(), q,
                   QStringLiteral("SELECT v.value, v.contact_id FROM contact_values v JOIN fields "
                                  "f ON f.id = v.field_id WHERE f.key = ?"),
                   {QVariant(m_connector.key() + QStringLiteral("_id"))}, &m_error))
        return false;
    while (q.next())
        contacts.insert(q.value(0).toString(), q.value(1).toLongLong());
    q.finish();

    Deals deals(db);
    const qint64 since = state.full ? 0 : state.dealsSince;
    qint64 done = 0;
    qint64 failedAt = 0; ///< the earliest change of a deal that could not be written
    for (;;) {
        if (stop && stop->load()) {
            report.cancelled = true;
            return false;
        }
        const auto page = m_connector.deals(state.cursor, since);
        if (!page) {
            m_error = m_connector.errorString();
            return false;
        }
        for (const CrmDeal &d : page->items) {
            state.seenDeals = std::max(state.seenDeals, d.modifiedMs);
            const auto stage = stageIds.value(d.pipeline + QLatin1Char('\n') + d.stageKey);
            if (!stage.second) {
                report.dealIssues << tr("Deal %1 (%2): its stage %3 is not one of %4's.")
                                         .arg(d.id, d.title, d.stageKey, m_connector.label());
                failedAt = failedAt ? std::min(failedAt, d.modifiedMs) : d.modifiedMs;
                continue;
            }
            Deal deal;
            if (const auto known = deals.findExternal(m_connector.key(), d.id))
                deal = *known;
            const bool isNew = deal.id == 0;
            const qint64 stageBefore = deal.stageId;
            deal.pipelineId = isNew ? stage.first : deal.pipelineId;
            deal.title =
                d.title.isEmpty() ? tr("%1 deal %2").arg(m_connector.label(), d.id) : d.title;
            deal.amount = std::max(0.0, d.amount);
            deal.currency = d.currency;
            deal.expectedClose = d.closeDate;
            if (!d.personId.isEmpty() || isNew) // a page without associations keeps the contact
                deal.contactId = contacts.value(d.personId);
            deal.externalSource = m_connector.key();
            deal.externalId = d.id;
            bool ok = true;
            if (isNew) {
                deal.stageId = stage.second;
                ok = deals.create(deal, d.modifiedMs ? std::min(d.modifiedMs, now) : now)
                         .has_value();
                report.dealsCreated += ok ? 1 : 0;
            } else {
                ok = deals.update(deal, now);
                report.dealsUpdated += ok ? 1 : 0;
                // A stage changed in the CRM moves the deal here (and may start a journey).
                if (ok && stageBefore != stage.second) {
                    ok = deals.move(deal.id, stage.second, now).has_value();
                    report.dealsMoved += ok ? 1 : 0;
                }
            }
            if (!ok) {
                report.dealIssues << tr("Deal %1 (%2): %3").arg(d.id, d.title, deals.errorString());
                failedAt = failedAt ? std::min(failedAt, d.modifiedMs) : d.modifiedMs;
            }
        }
        done += page->items.size();
        if (failedAt)
            state.seenDeals = std::min(state.seenDeals, failedAt - 1);
        state.cursor = page->next;
        if (!save(state))
            return false;
        if (progress)
            progress({QStringLiteral("deals"), done});
        if (page->next.isEmpty())
            return true;
    }
}

} // namespace masir
