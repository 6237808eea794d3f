// GDPR on a real workspace: one person's data exported (JSON and a readable
// page), then erased everywhere; afterwards every table and every file of the
// workspace is searched for their address, name, phone, IP and browser, and
// only the hashed suppression is left, which stops any later send to them.

#include "contacts/ContactRepository.h"
#include "crm/Deals.h"
#include "crm/Notes.h"
#include "crm/Pipelines.h"
#include "crm/Tasks.h"
#include "events/EventStore.h"
#include "intake/CollectorForgets.h"
#include "intake/CollectorStore.h"
#include "messaging/ErasedAddresses.h"
#include "privacy/Erasure.h"
#include "privacy/PersonalData.h"
#include "privacy/PrivacyLog.h"
#include "settings/WorkspaceSettings.h"
#include "tracking/TrackingHit.h"

#include "TestWorkspace.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace masir;

namespace {

const QString kEmail = QStringLiteral("mina.karimzadeh@example.com");
const QString kPhone = QStringLiteral("+989121234567");
const QString kSurname = QStringLiteral("Karimzadeh");
const QString kIp = QStringLiteral("203.0.113.77");
const QString kAgent = QStringLiteral("Mozilla/5.0 (MinasPhone 7)");

} // namespace

class tst_Privacy : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestWorkspace> m_ws;
    qint64 m_mina = 0;
    qint64 m_ali = 0;

    bool exec(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_ws->db().connection());
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec())
            qWarning() << sql << q.lastError().text();
        return q.isActive();
    }
    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_ws->db().connection());
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }

    /// Every value of every table that contains \a needle (case-insensitive).
    QStringList tablesMentioning(const QString &needle)
    {
        QStringList found;
        QSqlDatabase db = m_ws->db().connection();
        for (const QString &table : db.tables()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table));
            while (q.next()) {
                for (int c = 0; c < q.record().count(); ++c) {
                    const QVariant v = q.value(c);
                    const QString text = v.typeId() == QMetaType::QByteArray
                                             ? QString::fromUtf8(v.toByteArray())
                                             : v.toString();
                    if (text.contains(needle, Qt::CaseInsensitive))
                        found << table + QLatin1Char('.') + q.record().fieldName(c);
                }
            }
        }
        return found;
    }

    /// The workspace's files (the database, its log and shared memory) that hold \a needle.
    QStringList filesMentioning(const QByteArray &needle)
    {
        QStringList found;
        QDirIterator it(m_ws->dir(), QDir::Files);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                found << QFileInfo(f).fileName();
        }
        return found;
    }

private Q_SLOTS:
    void init()
    {
        m_ws = std::make_unique<test::TestWorkspace>();
        QVERIFY(m_ws->opened());
        ContactRepository repo(m_ws->db());
        Contact c;
        c.email = kEmail;
        c.phone = kPhone;
        c.firstName = QStringLiteral("Mina");
        c.lastName = kSurname;
        c.emailConsent.status = ConsentStatus::Granted;
        c.emailConsent.source = QStringLiteral("web form");
        c.emailConsent.changedAt = QDateTime::currentDateTimeUtc();
        QVERIFY2(repo.create(c), qPrintable(repo.errorString()));
        m_mina = c.id;
        Contact ali;
        ali.email = QStringLiteral("ali@example.com");
        QVERIFY(repo.create(ali));
        m_ali = ali.id;

        // A history: events, a note, a task, a deal; another contact's event naming her.
        QSqlDatabase db = m_ws->db().connection();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        EventStore events(db);
        QVERIFY(events.append(m_mina, EventType::FormSubmitted, now,
                              {{QStringLiteral("email"), kEmail},
                               {QStringLiteral("name"), QStringLiteral("Demo request")}}));
        QVERIFY(events.append(m_mina, EventType::Purchase, now, {{QStringLiteral("amount"), 90}}));
        QVERIFY(events.append(m_ali, EventType::ContactsMerged, now,
                              {{QStringLiteral("merged"), kEmail}}));
        QVERIFY(Notes(db).add(m_mina, QStringLiteral("Mina %1 prefers SMS").arg(kSurname),
                              QStringLiteral("sara"), now));
        NewTask t;
        t.contactId = m_mina;
        t.title = QStringLiteral("Call Mina %1").arg(kSurname);
        QVERIFY(Tasks(db).create(t));
        Deal d;
        d.pipelineId = Pipelines(db).findByName(QString())->id;
        d.contactId = m_mina;
        d.title = QStringLiteral("%1 family plan").arg(kSurname);
        d.amount = 300;
        QVERIFY(Deals(db).create(d, now));
        // Messages sent and queued, her opens, a bounce and an import row naming her.
        QVERIFY(exec(
            QStringLiteral("INSERT INTO outbox (idempotency_key, channel, contact_id, template, "
                           "payload, state, due_at, created_at, updated_at, recipient, sent_at) "
                           "VALUES ('a', 'email', ?, 'welcome', ?, 'sent', ?, ?, ?, ?, ?), ('b', "
                           "'email', ?, 'news', '{}', 'queued', ?, ?, ?, ?, NULL)"),
            {m_mina, QStringLiteral("{\"to\":\"%1\"}").arg(kEmail), now, now, now, kEmail, now,
             m_mina, now, now, now, kEmail}));
        QVERIFY(exec(QStringLiteral("INSERT INTO tracking_hits (source, source_id, kind, "
                                    "outbox_id, at, ip, user_agent) SELECT 'app', 1, 'open', id, "
                                    "?, ?, ? FROM outbox WHERE idempotency_key = 'a'"),
                     {now, kIp, kAgent}));
        QVERIFY(
            exec(QStringLiteral("INSERT INTO returned_mail (digest, received_at, sender, kind, "
                                "raw) VALUES ('d1', ?, 'mailer-daemon@example.net', "
                                "'bounce', ?)"),
                 {now, QStringLiteral("Final-Recipient: rfc822; %1\r\n").arg(kEmail).toUtf8()}));
        QVERIFY(exec(QStringLiteral("INSERT INTO imports (file_name, status, started_at) VALUES "
                                    "('shop.csv', 'done', ?)"),
                     {now}));
        QVERIFY(exec(QStringLiteral("INSERT INTO import_issues (import_id, row_number, "
                                    "line_number, severity, field, message, raw) VALUES (1, 7, 8, "
                                    "'warning', 'birthday', 'Not a date', ?)"),
                     {QStringLiteral("Mina,%1,%2,31/02/1990").arg(kSurname, kEmail)}));
        QVERIFY(exec(QStringLiteral("INSERT INTO suppressions (channel, address, reason, "
                                    "created_at) VALUES ('sms', ?, 'manual', ?)"),
                     {kPhone, now}));
    }

    void exportHoldsEverythingAndIsLogged()
    {
        PersonalData data(m_ws->db());
        const auto json = data.collect(m_mina);
        QVERIFY2(json, qPrintable(data.errorString()));
        const QJsonObject person = json->value(QStringLiteral("person")).toObject();
        QCOMPARE(person.value(QStringLiteral("email")).toString(), kEmail);
        QCOMPARE(person.value(QStringLiteral("phone")).toString(), kPhone);
        QCOMPARE(json->value(QStringLiteral("consent"))
                     .toObject()
                     .value(QStringLiteral("email"))
                     .toObject()
                     .value(QStringLiteral("source"))
                     .toString(),
                 QStringLiteral("web form"));
        // created, form, purchase, task, deal
        QCOMPARE(json->value(QStringLiteral("events")).toArray().size(), 5);
        QCOMPARE(json->value(QStringLiteral("messages")).toArray().size(), 2);
        QCOMPARE(json->value(QStringLiteral("notes")).toArray().size(), 1);
        QCOMPARE(json->value(QStringLiteral("tasks")).toArray().size(), 1);
        QCOMPARE(json->value(QStringLiteral("deals")).toArray().size(), 1);
        QCOMPARE(json->value(QStringLiteral("suppressions")).toArray().size(), 1);
        const QString html = PersonalData::toHtml(*json);
        QVERIFY(html.contains(QStringLiteral("dir=\"ltr\"")));
        QVERIFY(html.contains(QStringLiteral("<bdi>%1</bdi>").arg(kEmail)));
        QVERIFY(html.contains(QStringLiteral("Messages sent to you")));
        QVERIFY(data.logExport(m_mina, QStringLiteral("sara"), QStringLiteral("json")));
        const QList<PrivacyLogEntry> log = PrivacyLog(m_ws->db().connection()).entries();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().action, QStringLiteral("export"));
        QVERIFY(!log.first().subjectHash.contains(QStringLiteral("mina")));
        QCOMPARE(log.first().subjectHash.size(), 64);
    }

    void erasureLeavesOnlyTheHash()
    {
        WorkspaceSettings(m_ws->db())
            .setValue(WorkspaceSettings::Key::CollectorUrl,
                      QStringLiteral("https://t.example.com"));
        // Before, the address is in the files (the search finds it). A server's
        // files, free space and log are its administrator's (docs/team.md).
        const bool files = !test::onPostgres();
        QVERIFY(!files || !filesMentioning(kEmail.toUtf8()).isEmpty());
        QVERIFY(!tablesMentioning(kSurname).isEmpty());
        Erasure erasure(m_ws->db());
        const auto report =
            erasure.erase(m_mina, QStringLiteral("sara"), QDateTime::currentMSecsSinceEpoch());
        QVERIFY2(report, qPrintable(erasure.errorString()));
        QVERIFY2(report->warning.isEmpty(), qPrintable(report->warning));
        QCOMPARE(report->messages, 2);
        QCOMPARE(report->hits, 1);
        QCOMPARE(report->returned, 1);
        QCOMPARE(report->importRows, 1);

        for (const QString &needle : {kEmail, kPhone, kSurname, kIp, kAgent})
            QVERIFY2(tablesMentioning(needle).isEmpty(),
                     qPrintable(needle + QLatin1String(": ") +
                                tablesMentioning(needle).join(QLatin1Char(' '))));
        for (const QString &needle : {kEmail, kPhone, kSurname, kIp, kAgent})
            QVERIFY2(!files || filesMentioning(needle.toUtf8()).isEmpty(),
                     qPrintable(needle + QLatin1String(" in ") +
                                filesMentioning(needle.toUtf8()).join(QLatin1Char(' '))));
        // What is left: the hashes, the log, and the rest of the workspace.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM erased_addresses")), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contacts")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'cancelled'")),
                 1);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM events WHERE contact_id = ?"), {m_ali}),
            2); // ali's own: created, and the merge (its payload emptied)
        const QList<PrivacyLogEntry> log = PrivacyLog(m_ws->db().connection()).entries();
        QCOMPARE(log.first().action, QStringLiteral("erase"));
        QCOMPARE(log.first().byUser, QStringLiteral("sara"));
        // The collector is told to forget their choices and the opens of their messages.
        const QJsonArray forget = CollectorForgets(m_ws->db().connection()).pending();
        QCOMPARE(forget.size(), 1);
        QCOMPARE(forget.first().toObject().value(QStringLiteral("outbox")).toArray().size(), 2);

        // Whoever adds the address again, in any case, is never sent to.
        ErasedAddresses erased(m_ws->db().connection());
        QVERIFY(erased.contains(QStringLiteral("email"), kEmail.toUpper()));
        QVERIFY(erased.contains(QStringLiteral("sms"), QStringLiteral("+98 912 123 4567")));
        QVERIFY(!erased.contains(QStringLiteral("email"), QStringLiteral("ali@example.com")));
    }

    // The collector forgets what it was told: the person's choices and hits.
    void collectorForgets()
    {
        QTemporaryDir dir;
        CollectorStore store(dir.path());
        QVERIFY2(store.open(), qPrintable(store.errorString()));
        const QString subject = QStringLiteral("c3ViamVjdA");
        QVERIFY(store.push(
            {{QStringLiteral("choices"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("subject"), subject},
                  {QStringLiteral("choices"), QJsonObject{{QStringLiteral("email"), false}}}}}}}));
        TrackingHit hit;
        hit.kind = QStringLiteral("open");
        hit.outboxId = 41;
        hit.atMs = QDateTime::currentMSecsSinceEpoch();
        hit.ip = kIp;
        hit.userAgent = kAgent;
        store.record(hit);
        hit.outboxId = 42;
        store.record(hit);
        store.flush();
        QCOMPARE(store.pull(0, 100)->size(), 2);
        QVERIFY(
            store.push({{QStringLiteral("forget"),
                         QJsonArray{QJsonObject{{QStringLiteral("subject"), subject},
                                                {QStringLiteral("outbox"), QJsonArray{41}}}}}}));
        const QList<TrackingHit> left = *store.pull(0, 100);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().outboxId, 42);
        QSqlDatabase raw =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw-collector"));
        raw.setDatabaseName(dir.filePath(QStringLiteral("collector.db")));
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM choices")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.finish();
        raw.close();
    }
};

QTEST_GUILESS_MAIN(tst_Privacy)
#include "tst_Privacy.moc"
