#include "storage/Migrations.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace masir {

namespace {

// SQL is kept to what PostgreSQL also accepts, except for the SQLite-only details
// that live here in storage/: AUTOINCREMENT (ids are never reused, so an undone
// delete can bring a contact back under its old id) and the PRAGMAs.

/// event_tallies, stage_reached and outbox.engaged from the events (schema
/// 19). Frozen with that schema: a later change to what the recount does
/// writes its own statements (see Migrations::tallyStatements()).
QStringList eventTallies(const SqlDialect &d)
{
    return {
        QStringLiteral("DELETE FROM stage_reached"),
        QStringLiteral("DELETE FROM event_tallies"),
        QStringLiteral("UPDATE outbox SET engaged = 0 WHERE engaged <> 0"),
        QStringLiteral(R"(INSERT INTO stage_reached (contact_id, stage, reached_at, came_at)
                SELECT e.contact_id, %1, min(e.occurred_at),
                c.created_at FROM events e JOIN contacts c ON c.id = e.contact_id
                WHERE e.type = 'stage_changed' AND %2 IS NOT NULL
                GROUP BY 1, 2, 4)")
            .arg(d.jsonField(QStringLiteral("e.payload"), QStringLiteral("to")),
                 d.jsonField(QStringLiteral("e.payload"), QStringLiteral("to"))),
        QStringLiteral(R"(INSERT INTO event_tallies (slot, kind, events, amount)
                SELECT occurred_at / 900000, CASE WHEN type = 'stage_changed' THEN type || ':' ||
                coalesce(%1, '') ELSE type END, count(*),
                coalesce(sum(CASE WHEN type = 'purchase' THEN
                masir_number(%2) END), 0)
                FROM events GROUP BY 1, 2)")
            .arg(d.jsonField(QStringLiteral("payload"), QStringLiteral("to")),
                 d.jsonField(QStringLiteral("payload"), QStringLiteral("amount"))),
        QStringLiteral(R"(CREATE TEMP TABLE first_hits AS SELECT type,
                coalesce(%1, -id) AS message,
                min(occurred_at) AS at FROM events
                WHERE type IN ('email_opened', 'email_clicked', 'sms_clicked') GROUP BY 1, 2)")
            .arg(d.jsonNumber(QStringLiteral("payload"), QStringLiteral("outbox"))),
        QStringLiteral(R"(INSERT INTO event_tallies (slot, kind, events, firsts)
                SELECT at / 900000, type, 0, count(*) FROM first_hits WHERE true GROUP BY 1, 2
                ON CONFLICT (slot, kind) DO UPDATE SET firsts = excluded.firsts)"),
        QStringLiteral(R"(UPDATE outbox SET engaged = engaged | 1 WHERE id IN
                (SELECT message FROM first_hits WHERE type = 'email_opened'))"),
        QStringLiteral(R"(UPDATE outbox SET engaged = engaged | 2 WHERE id IN
                (SELECT message FROM first_hits WHERE type <> 'email_opened'))"),
        QStringLiteral("DROP TABLE first_hits"),
        QStringLiteral(R"(INSERT INTO event_tallies (slot, kind, events, firsts)
                SELECT reached_at / 900000, 'stage_changed:' || stage, 0, count(*)
                FROM stage_reached WHERE true GROUP BY 1, 2
                ON CONFLICT (slot, kind) DO UPDATE SET firsts = excluded.firsts)"),
        // a contact that came in at its stage (an import) has no event for it:
        // in the funnel from the day it came, not in the tallies' stage changes
        QStringLiteral(R"(INSERT INTO stage_reached (contact_id, stage, reached_at, came_at)
                SELECT s.contact_id, s.stage, c.created_at, c.created_at FROM contact_scores s
                JOIN contacts c ON c.id = s.contact_id WHERE s.stage <> 'subscriber'
                ON CONFLICT (contact_id, stage) DO NOTHING)"),
        // the time from the stage before in the funnel (ContactVocabulary::funnelStages())
        QStringLiteral(R"(UPDATE stage_reached SET since_previous = reached_at - came_at
                WHERE stage = 'lead' AND reached_at >= came_at)"),
        QStringLiteral(R"(UPDATE stage_reached SET since_previous = (SELECT
                stage_reached.reached_at - q.reached_at FROM stage_reached q
                WHERE q.contact_id = stage_reached.contact_id AND q.stage = CASE
                stage_reached.stage WHEN 'mql' THEN 'lead' WHEN 'sql' THEN 'mql'
                WHEN 'opportunity' THEN 'sql' WHEN 'customer' THEN 'opportunity' END
                AND q.reached_at <= stage_reached.reached_at)
                WHERE stage IN ('mql', 'sql', 'opportunity', 'customer'))"),
    };
}

/// Each customer's purchases added up (contact_purchases), from the events (schema 20).
QString purchaseTotals(const SqlDialect &d)
{
    return QStringLiteral(R"(INSERT INTO contact_purchases (contact_id, orders, revenue,
        first_at, last_at) SELECT contact_id, count(*),
        coalesce(sum(masir_number(%1)), 0), min(occurred_at),
        max(occurred_at) FROM events WHERE type = 'purchase' GROUP BY contact_id)")
        .arg(d.jsonField(QStringLiteral("payload"), QStringLiteral("amount")));
}

/// Every purchase and the last marketing message sent to its contact within
/// the attribution window before it (schema 22; CampaignActivity::purchase()
/// does the same as purchases come in).
QString attributedRevenue(const SqlDialect &d)
{
    return QStringLiteral(R"(INSERT INTO attributed_revenue (slot, channel, campaign_id,
        journey_id, conversions, revenue) SELECT e.occurred_at / 900000, coalesce(o.channel, ''),
        coalesce(o.campaign_id, 0), coalesce(o.journey_id, 0), count(*),
        coalesce(sum(masir_number(%1)), 0)
        FROM events e LEFT JOIN outbox o ON o.id = (SELECT m.id FROM outbox m
        WHERE m.contact_id = e.contact_id AND %2 = 'sent' AND m.marketing = 1
        AND m.sent_at <= e.occurred_at AND m.sent_at >= e.occurred_at - 86400000 *
        coalesce((SELECT masir_number(value) FROM settings
        WHERE key = 'reports/attributionDays'), 7)
        ORDER BY m.sent_at DESC, m.id DESC LIMIT 1)
        WHERE e.type = 'purchase' GROUP BY 1, 2, 3, 4)")
        .arg(d.jsonField(QStringLiteral("e.payload"), QStringLiteral("amount")),
             d.notIndexed(QStringLiteral("m.state")));
}

/// Each customer's revenue in the 365 days from the first purchase (schema 22).
QString firstYearRevenue(const SqlDialect &d)
{
    return QStringLiteral(R"(UPDATE contact_purchases SET first_year_revenue = coalesce((SELECT
        sum(masir_number(%1)) FROM events e
        WHERE e.contact_id = contact_purchases.contact_id AND e.type = 'purchase'
        AND e.occurred_at < contact_purchases.first_at + 31536000000), 0))")
        .arg(d.jsonField(QStringLiteral("e.payload"), QStringLiteral("amount")));
}

const QList<QStringList> &migrationList()
{
    static const QList<QStringList> list = {
        // 1: contacts, custom fields, tags and workspace settings
        {
            QStringLiteral("PRAGMA application_id = %1").arg(Database::applicationId),
            QStringLiteral(R"(CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE contacts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                email TEXT NOT NULL DEFAULT '',
                phone TEXT NOT NULL DEFAULT '',
                first_name TEXT NOT NULL DEFAULT '',
                last_name TEXT NOT NULL DEFAULT '',
                company TEXT NOT NULL DEFAULT '',
                city TEXT NOT NULL DEFAULT '',
                country TEXT NOT NULL DEFAULT '',
                language TEXT NOT NULL DEFAULT '',
                timezone TEXT NOT NULL DEFAULT '',
                birthday TEXT,
                gender TEXT NOT NULL DEFAULT '',
                source TEXT NOT NULL DEFAULT '',
                stage TEXT NOT NULL DEFAULT 'subscriber',
                owner TEXT NOT NULL DEFAULT '',
                score INTEGER NOT NULL DEFAULT 0,
                status TEXT NOT NULL DEFAULT 'active'
                    CHECK (status IN ('active', 'unsubscribed', 'bounced', 'complained')),
                email_consent TEXT NOT NULL DEFAULT 'unknown'
                    CHECK (email_consent IN ('unknown', 'granted', 'withdrawn')),
                email_consent_at BIGINT,
                email_consent_source TEXT NOT NULL DEFAULT '',
                sms_consent TEXT NOT NULL DEFAULT 'unknown'
                    CHECK (sms_consent IN ('unknown', 'granted', 'withdrawn')),
                sms_consent_at BIGINT,
                sms_consent_source TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"),
            // Email is unique once case-folded; a contact may have none (phone only).
            QStringLiteral(
                "CREATE UNIQUE INDEX contacts_email ON contacts (email) WHERE email <> ''"),
            QStringLiteral("CREATE INDEX contacts_phone ON contacts (phone)"),
            QStringLiteral(R"(CREATE TABLE fields (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                key TEXT NOT NULL UNIQUE,
                label TEXT NOT NULL,
                type TEXT NOT NULL
                    CHECK (type IN ('text', 'number', 'date', 'boolean', 'choice')),
                choices TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE contact_values (
                contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
                field_id BIGINT NOT NULL REFERENCES fields (id) ON DELETE CASCADE,
                value TEXT NOT NULL,
                PRIMARY KEY (contact_id, field_id)))"),
            QStringLiteral("CREATE INDEX contact_values_field ON contact_values (field_id, value)"),
            QStringLiteral(R"(CREATE TABLE tags (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                name_key TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE contact_tags (
                contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
                tag_id BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
                added_at BIGINT NOT NULL,
                PRIMARY KEY (contact_id, tag_id)))"),
            QStringLiteral("CREATE INDEX contact_tags_tag ON contact_tags (tag_id, contact_id)"),
        },
        // 2: the timeline (events) and notes
        {
            QStringLiteral(R"(CREATE TABLE events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
                type TEXT NOT NULL,
                occurred_at BIGINT NOT NULL,
                payload TEXT NOT NULL DEFAULT '{}'))"),
            QStringLiteral("CREATE INDEX events_contact ON events (contact_id, occurred_at, id)"),
            QStringLiteral("CREATE INDEX events_type ON events (type, occurred_at)"),
            QStringLiteral(R"(CREATE TABLE notes (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
                body TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"),
            QStringLiteral("CREATE INDEX notes_contact ON notes (contact_id, created_at)"),
        },
        // 3: search and the contact list's sort orders. search_text holds the
        // normalised name, company, email and phone so that a search
        // matches Persian however it was typed; the (column, id) indexes serve keyset paging.
        {
            QStringLiteral("ALTER TABLE contacts ADD COLUMN search_text TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE INDEX contacts_last_name ON contacts (last_name, id)"),
            QStringLiteral("CREATE INDEX contacts_company ON contacts (company, id)"),
            QStringLiteral("CREATE INDEX contacts_score ON contacts (score, id)"),
        },
        // 4: imports with every rejected row, and static lists (segments with members)
        {
            QStringLiteral(R"(CREATE TABLE imports (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                file_name TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'running'
                    CHECK (status IN ('running', 'done', 'cancelled', 'failed', 'interrupted', 'undone')),
                encoding TEXT NOT NULL DEFAULT '',
                delimiter TEXT NOT NULL DEFAULT '',
                rows_read BIGINT NOT NULL DEFAULT 0,
                created BIGINT NOT NULL DEFAULT 0,
                updated BIGINT NOT NULL DEFAULT 0,
                skipped BIGINT NOT NULL DEFAULT 0,
                rejected BIGINT NOT NULL DEFAULT 0,
                warnings BIGINT NOT NULL DEFAULT 0,
                options TEXT NOT NULL DEFAULT '{}',
                error TEXT NOT NULL DEFAULT '',
                started_at BIGINT NOT NULL,
                finished_at BIGINT))"),
            QStringLiteral(R"(CREATE TABLE import_issues (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                import_id BIGINT NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
                row_number BIGINT NOT NULL,
                line_number BIGINT NOT NULL,
                severity TEXT NOT NULL CHECK (severity IN ('rejected', 'warning')),
                field TEXT NOT NULL DEFAULT '',
                message TEXT NOT NULL,
                raw TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral(
                "CREATE INDEX import_issues_import ON import_issues (import_id, row_number)"),
            // the import that created a contact, so that an import can be undone
            QStringLiteral("ALTER TABLE contacts ADD COLUMN import_id BIGINT"),
            QStringLiteral(
                "CREATE INDEX contacts_import ON contacts (import_id) WHERE import_id IS NOT NULL"),
            QStringLiteral(R"(CREATE TABLE segments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('rule', 'static')),
                rule TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE segment_members (
                segment_id BIGINT NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
                contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
                added_at BIGINT NOT NULL,
                PRIMARY KEY (segment_id, contact_id)))"),
            QStringLiteral("CREATE INDEX segment_members_contact ON segment_members (contact_id)"),
        },
        // 5: no index on contacts.import_id. Only undoing an import reads by it, and
        // a scan then costs less than keeping the index costs every large import.
        {
            QStringLiteral("DROP INDEX contacts_import"),
        },
        // 6: lead scoring rules (with the defaults from our research) and tasks
        // for the owner.
        {
            QStringLiteral(R"(CREATE TABLE scoring_rules (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL DEFAULT 'event' CHECK (kind = 'event' OR kind = 'inactivity'),
                event_type TEXT NOT NULL DEFAULT '',
                property TEXT NOT NULL DEFAULT '',
                op TEXT NOT NULL DEFAULT '',
                value REAL,
                points INTEGER NOT NULL,
                cap_points INTEGER NOT NULL DEFAULT 0,
                cap_days INTEGER NOT NULL DEFAULT 0,
                enabled INTEGER NOT NULL DEFAULT 1,
                created_at BIGINT NOT NULL))"),
            QStringLiteral("INSERT INTO scoring_rules (event_type, points, cap_points, cap_days, "
                           "created_at) VALUES ('email_opened', 5, 25, 30, 0), "
                           "('email_clicked', 10, 50, 30, 0), ('form_submitted', 30, 0, 0, 0), "
                           "('unsubscribed', -50, 0, 0, 0)"),
            QStringLiteral("INSERT INTO scoring_rules (kind, points, created_at) "
                           "VALUES ('inactivity', -5, 0)"),
            QStringLiteral(R"(CREATE TABLE tasks (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                contact_id BIGINT REFERENCES contacts (id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                owner TEXT NOT NULL DEFAULT '',
                due_at BIGINT,
                done_at BIGINT,
                created_at BIGINT NOT NULL))"),
            QStringLiteral("CREATE INDEX tasks_open ON tasks (done_at, due_at)"),
            // segments and scoring read who did what when, from the index alone
            QStringLiteral("DROP INDEX events_type"),
            QStringLiteral("CREATE INDEX events_type ON events (type, occurred_at, contact_id)"),
        },
        // 7: each contact's latest activity, from the index alone (inactivity decay)
        {
            QStringLiteral("DROP INDEX events_contact"),
            QStringLiteral("CREATE INDEX events_contact ON events (contact_id, occurred_at, type)"),
        },
        // 8: journeys, their versions, enrolments, the step log and the outbox
        {
            QStringLiteral(R"(CREATE TABLE journeys (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'active', 'paused', 'archived')),
                version INTEGER NOT NULL DEFAULT 0,
                graph TEXT NOT NULL,
                policy TEXT NOT NULL DEFAULT '{}',
                event_cursor BIGINT NOT NULL DEFAULT 0,
                contact_cursor BIGINT NOT NULL DEFAULT 0,
                date_cursor TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE journey_versions (
                journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                graph TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (journey_id, version)))"),
            QStringLiteral(R"(CREATE TABLE enrollments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
                state TEXT NOT NULL DEFAULT 'active'
                    CHECK (state IN ('active', 'completed', 'exited')),
                node_id TEXT NOT NULL,
                node_since BIGINT NOT NULL,
                due_at BIGINT,
                seq INTEGER NOT NULL DEFAULT 0,
                wait_event TEXT NOT NULL DEFAULT '',
                exit_reason TEXT NOT NULL DEFAULT '',
                entered_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"),
            QStringLiteral("CREATE INDEX enrollments_due ON enrollments (due_at) "
                           "WHERE state = 'active'"),
            QStringLiteral("CREATE INDEX enrollments_contact ON enrollments (contact_id, "
                           "journey_id, entered_at)"),
            QStringLiteral("CREATE INDEX enrollments_journey ON enrollments (journey_id, state, "
                           "node_id)"),
            QStringLiteral("CREATE INDEX enrollments_waiting ON enrollments (contact_id, "
                           "wait_event) WHERE wait_event <> ''"),
            QStringLiteral(R"(CREATE TABLE journey_steps (
                enrollment_id BIGINT NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
                node_id TEXT NOT NULL,
                occurrence INTEGER NOT NULL,
                port TEXT NOT NULL DEFAULT '',
                outcome TEXT NOT NULL DEFAULT '',
                ran_at BIGINT NOT NULL,
                PRIMARY KEY (enrollment_id, node_id, occurrence)))"),
            QStringLiteral(R"(CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotency_key TEXT NOT NULL UNIQUE,
                channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'webhook')),
                contact_id BIGINT REFERENCES contacts (id) ON DELETE SET NULL,
                journey_id BIGINT,
                enrollment_id BIGINT,
                node_id TEXT NOT NULL DEFAULT '',
                template TEXT NOT NULL DEFAULT '',
                payload TEXT NOT NULL DEFAULT '{}',
                marketing INTEGER NOT NULL DEFAULT 1,
                state TEXT NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'interrupted',
                                     'cancelled', 'suppressed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                due_at BIGINT NOT NULL,
                error TEXT NOT NULL DEFAULT '',
                provider_id TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"),
            QStringLiteral("CREATE INDEX outbox_due ON outbox (due_at) WHERE state = 'queued'"),
            QStringLiteral("CREATE INDEX outbox_contact ON outbox (contact_id, channel, "
                           "created_at)"),
            QStringLiteral(R"(CREATE TABLE notifications (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                contact_id BIGINT REFERENCES contacts (id) ON DELETE CASCADE,
                message TEXT NOT NULL,
                source TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                read_at BIGINT))"),
        },
        // 9: who was in a segment when a journey's "entered or left" trigger last looked
        {
            QStringLiteral(R"(CREATE TABLE journey_segment_state (
                journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
                node_id TEXT NOT NULL,
                contact_id BIGINT NOT NULL,
                PRIMARY KEY (journey_id, node_id, contact_id)))"),
            QStringLiteral(R"(CREATE TABLE journey_segment_checks (
                journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
                node_id TEXT NOT NULL,
                checked_at BIGINT NOT NULL,
                PRIMARY KEY (journey_id, node_id)))"),
        },
        // 10: sending: templates, channel accounts (no secrets), suppressions, and what
        // the outbox sender needs to claim, rate-limit and account for each message
        {
            QStringLiteral(R"(CREATE TABLE templates (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
                subject TEXT NOT NULL DEFAULT '',
                preheader TEXT NOT NULL DEFAULT '',
                body TEXT NOT NULL DEFAULT '',
                marketing INTEGER NOT NULL DEFAULT 1,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE channel_accounts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('smtp', 'sms')),
                config TEXT NOT NULL DEFAULT '{}',
                per_second INTEGER NOT NULL DEFAULT 0,
                per_hour INTEGER NOT NULL DEFAULT 0,
                per_day INTEGER NOT NULL DEFAULT 0,
                connections INTEGER NOT NULL DEFAULT 1,
                enabled INTEGER NOT NULL DEFAULT 1,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE suppressions (
                channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
                address TEXT NOT NULL,
                reason TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                PRIMARY KEY (channel, address)))"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN recipient TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN account_id BIGINT"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN claimed_at BIGINT"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN sent_at BIGINT"),
            QStringLiteral("UPDATE outbox SET recipient = COALESCE(json_extract(payload, '$.to'), "
                           "'')"),
            QStringLiteral("CREATE INDEX outbox_state ON outbox (state, updated_at)"),
            QStringLiteral("CREATE INDEX outbox_account_sent ON outbox (account_id, sent_at) "
                           "WHERE sent_at IS NOT NULL"),
            QStringLiteral("CREATE INDEX outbox_recipient ON outbox (channel, recipient) "
                           "WHERE state = 'queued'"),
        },
        // 11: score changes in a narrow table of their own, out of the events: a
        // recomputation writes one per contact whose score moved.
        {
            QStringLiteral(R"(CREATE TABLE score_changes (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
                occurred_at BIGINT NOT NULL,
                from_score BIGINT NOT NULL,
                to_score BIGINT NOT NULL,
                reason TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral("CREATE INDEX score_changes_contact ON score_changes (contact_id, "
                           "occurred_at)"),
            QStringLiteral(
                "INSERT INTO score_changes (contact_id, occurred_at, from_score, to_score, reason) "
                "SELECT contact_id, occurred_at, CAST(COALESCE(json_extract(payload, '$.from'), 0) "
                "AS INTEGER), CAST(COALESCE(json_extract(payload, '$.to'), 0) AS INTEGER), "
                "COALESCE(json_extract(payload, '$.reason'), '') FROM events WHERE type = "
                "'score_changed' ORDER BY id"),
            // A journey's place in the score history: the changes it had already seen
            // as events (ids follow the events' order).
            QStringLiteral(
                "ALTER TABLE journeys ADD COLUMN score_cursor BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("UPDATE journeys SET score_cursor = (SELECT count(*) FROM events WHERE "
                           "type = 'score_changed' AND id <= journeys.event_cursor)"),
            QStringLiteral("DELETE FROM events WHERE type = 'score_changed'"),
        },
        // 12: the score leaves the wide contacts row for a narrow table: recomputing
        // a million scores rewrote every page of contacts. Every contact has its
        // row, made by a trigger whichever way the contact is inserted.
        {
            QStringLiteral(R"(CREATE TABLE contact_scores (
                contact_id INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
                score BIGINT NOT NULL DEFAULT 0))"),
            QStringLiteral("INSERT INTO contact_scores (contact_id, score) SELECT id, score FROM "
                           "contacts ORDER BY id"),
            QStringLiteral("CREATE INDEX contact_scores_score ON contact_scores (score, "
                           "contact_id)"),
            Database::scoreRowTrigger(),
            QStringLiteral("DROP INDEX contacts_score"),
            QStringLiteral("ALTER TABLE contacts DROP COLUMN score"),
        },
        // 13: behaviour comes in. The keys that sign tracking links (rotated, the
        // old ones honoured for a grace period); the raw hits from the collector
        // or the app's own server, kept until applied; what each message tracked;
        // which lists contacts may choose on the preference page; a template's
        // tracking switch; and where live scoring stands in the events (the
        // events before it were scored by the last recompute).
        {
            QStringLiteral(R"(CREATE TABLE tracking_keys (
                kid TEXT PRIMARY KEY,
                secret TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                retired_at BIGINT))"),
            QStringLiteral(R"(CREATE TABLE tracking_hits (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                source TEXT NOT NULL,
                source_id BIGINT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('open', 'click', 'unsubscribe', 'preferences')),
                method TEXT NOT NULL DEFAULT 'GET',
                outbox_id BIGINT NOT NULL,
                link INTEGER NOT NULL DEFAULT -1,
                target TEXT NOT NULL DEFAULT '',
                at BIGINT NOT NULL,
                ip TEXT NOT NULL DEFAULT '',
                user_agent TEXT NOT NULL DEFAULT '',
                data TEXT NOT NULL DEFAULT '{}',
                UNIQUE (source, source_id)))"),
            QStringLiteral(
                "CREATE INDEX tracking_hits_outbox ON tracking_hits (outbox_id, kind, at)"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN tracked TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE segments ADD COLUMN public INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE templates ADD COLUMN track INTEGER NOT NULL DEFAULT 1"),
            QStringLiteral(
                "INSERT INTO settings (key, value) SELECT 'scoring/eventCursor', "
                "COALESCE(MAX(id), 0) FROM events WHERE true ON CONFLICT (key) DO NOTHING"),
        },
        // 14: the lifecycle stage joins the score in its narrow table: a burst of
        // promotions by live scoring rewrote the wide contacts rows (28,000 of
        // them, 230 MB of log; 15 MB narrow).
        {
            QStringLiteral("ALTER TABLE contact_scores ADD COLUMN stage TEXT NOT NULL DEFAULT "
                           "'subscriber'"),
            // rows a bulk import cut short had not made yet
            QStringLiteral("INSERT INTO contact_scores (contact_id) SELECT id FROM contacts c "
                           "WHERE NOT EXISTS (SELECT 1 FROM contact_scores s WHERE s.contact_id "
                           "= c.id)"),
            QStringLiteral("UPDATE contact_scores SET stage = (SELECT stage FROM contacts WHERE "
                           "id = contact_id) WHERE contact_id IN (SELECT id FROM contacts WHERE "
                           "stage <> 'subscriber')"),
            QStringLiteral("ALTER TABLE contacts DROP COLUMN stage"),
        },
        // 15: broadcast campaigns. A campaign, its audience frozen when it starts
        // (one row per recipient, with the variant of its A/B test and when it is
        // due), what each recipient did with the message (counted as the events
        // come in, so a report never reads the events), and the outbox learns
        // which campaign a message belongs to and a "held" state for a paused
        // campaign's messages (SQLite changes a CHECK only by rebuilding).
        {
            QStringLiteral(R"(CREATE TABLE campaigns (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
                template TEXT NOT NULL DEFAULT '',
                audience TEXT NOT NULL DEFAULT '{}',
                account TEXT NOT NULL DEFAULT '',
                schedule TEXT NOT NULL DEFAULT 'now'
                    CHECK (schedule IN ('now', 'at', 'local', 'best')),
                send_at BIGINT,
                local_time TEXT NOT NULL DEFAULT '',
                ab TEXT NOT NULL DEFAULT '',
                state TEXT NOT NULL DEFAULT 'draft'
                    CHECK (state IN ('draft', 'scheduled', 'sending', 'paused', 'done',
                                     'cancelled')),
                phase TEXT NOT NULL DEFAULT '',
                recipients BIGINT NOT NULL DEFAULT 0,
                fanout_cursor BIGINT NOT NULL DEFAULT 0,
                test_ends_at BIGINT,
                winner INTEGER NOT NULL DEFAULT 0,
                decision TEXT NOT NULL DEFAULT '',
                error TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                started_at BIGINT,
                finished_at BIGINT))"),
            // The address is frozen with the recipient: the fan-out reads no
            // contact row. A contact deleted meanwhile leaves the audience.
            QStringLiteral(R"(CREATE TABLE campaign_recipients (
                campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
                contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
                variant INTEGER NOT NULL DEFAULT 0,
                due_at BIGINT NOT NULL,
                address TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (campaign_id, contact_id)) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX campaign_recipients_contact ON campaign_recipients "
                           "(contact_id)"),

            QStringLiteral(R"(CREATE TABLE campaign_activity (
                campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
                contact_id BIGINT NOT NULL,
                variant INTEGER NOT NULL DEFAULT 0,
                opens INTEGER NOT NULL DEFAULT 0,
                machine_opens INTEGER NOT NULL DEFAULT 0,
                clicks INTEGER NOT NULL DEFAULT 0,
                machine_clicks INTEGER NOT NULL DEFAULT 0,
                unsubscribed INTEGER NOT NULL DEFAULT 0,
                complained INTEGER NOT NULL DEFAULT 0,
                bounced INTEGER NOT NULL DEFAULT 0,
                first_open_at BIGINT,
                first_click_at BIGINT,
                conversions INTEGER NOT NULL DEFAULT 0,
                revenue DOUBLE PRECISION NOT NULL DEFAULT 0,
                PRIMARY KEY (campaign_id, contact_id)) WITHOUT ROWID)"),
            // The same, added up per variant as it is counted: a report reads
            // a row per variant, not a row per recipient.
            QStringLiteral(R"(CREATE TABLE campaign_totals (
                campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
                variant INTEGER NOT NULL,
                unique_opens BIGINT NOT NULL DEFAULT 0,
                opens BIGINT NOT NULL DEFAULT 0,
                machine_opens BIGINT NOT NULL DEFAULT 0,
                unique_clicks BIGINT NOT NULL DEFAULT 0,
                clicks BIGINT NOT NULL DEFAULT 0,
                machine_clicks BIGINT NOT NULL DEFAULT 0,
                unsubscribes BIGINT NOT NULL DEFAULT 0,
                complaints BIGINT NOT NULL DEFAULT 0,
                bounces BIGINT NOT NULL DEFAULT 0,
                conversions BIGINT NOT NULL DEFAULT 0,
                revenue DOUBLE PRECISION NOT NULL DEFAULT 0,
                revenue_squares DOUBLE PRECISION NOT NULL DEFAULT 0,
                PRIMARY KEY (campaign_id, variant)) WITHOUT ROWID)"),
            QStringLiteral(R"(CREATE TABLE outbox_rebuilt (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotency_key TEXT NOT NULL UNIQUE,
                channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'webhook')),
                contact_id BIGINT REFERENCES contacts (id) ON DELETE SET NULL,
                journey_id BIGINT,
                enrollment_id BIGINT,
                node_id TEXT NOT NULL DEFAULT '',
                template TEXT NOT NULL DEFAULT '',
                payload TEXT NOT NULL DEFAULT '{}',
                marketing INTEGER NOT NULL DEFAULT 1,
                state TEXT NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'held', 'sending', 'sent', 'failed',
                                     'interrupted', 'cancelled', 'suppressed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                due_at BIGINT NOT NULL,
                error TEXT NOT NULL DEFAULT '',
                provider_id TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                recipient TEXT NOT NULL DEFAULT '',
                account_id BIGINT,
                claimed_at BIGINT,
                sent_at BIGINT,
                tracked TEXT NOT NULL DEFAULT '',
                campaign_id BIGINT,
                variant INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral(
                "INSERT INTO outbox_rebuilt (id, idempotency_key, channel, contact_id, journey_id, "
                "enrollment_id, node_id, template, payload, marketing, state, attempts, due_at, "
                "error, provider_id, created_at, updated_at, recipient, account_id, claimed_at, "
                "sent_at, tracked) SELECT id, idempotency_key, channel, contact_id, journey_id, "
                "enrollment_id, node_id, template, payload, marketing, state, attempts, due_at, "
                "error, provider_id, created_at, updated_at, recipient, account_id, claimed_at, "
                "sent_at, tracked FROM outbox ORDER BY id"),
            // ids are never given again, even those of rows deleted before
            QStringLiteral("UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence "
                           "WHERE name = 'outbox') WHERE name = 'outbox_rebuilt'"),
            QStringLiteral("DROP TABLE outbox"),
            QStringLiteral("ALTER TABLE outbox_rebuilt RENAME TO outbox"),
            QStringLiteral("CREATE INDEX outbox_due ON outbox (due_at) WHERE state = 'queued'"),
            QStringLiteral("CREATE INDEX outbox_contact ON outbox (contact_id, channel, "
                           "created_at)"),
            QStringLiteral("CREATE INDEX outbox_state ON outbox (state, updated_at)"),
            QStringLiteral("CREATE INDEX outbox_account_sent ON outbox (account_id, sent_at) "
                           "WHERE sent_at IS NOT NULL"),
            // A suppression marks the queued messages of its address at once;
            // a campaign's are checked when they are sent (a million entries
            // in random order cost the fan-out 2.8 s of its 10).
            QStringLiteral("CREATE INDEX outbox_recipient ON outbox (channel, recipient) "
                           "WHERE state = 'queued' AND campaign_id IS NULL"),
            QStringLiteral("CREATE INDEX outbox_campaign ON outbox (campaign_id, variant, state) "
                           "WHERE campaign_id IS NOT NULL"),
        },
        // 16: each contact's best hour of the week (UTC, 0: Monday 00:00) from
        // their opens and clicks, kept by the worker (BestSendTime); the
        // workspace's own queued messages indexed apart, so that the sender
        // takes them before a campaign's million; queued messages by channel
        // (when the next is due); a campaign's messages by state.
        {
            QStringLiteral(R"(CREATE TABLE contact_send_hours (
                contact_id INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
                hour_of_week INTEGER NOT NULL,
                activity INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX outbox_due_own ON outbox (due_at) WHERE state = 'queued' "
                           "AND campaign_id IS NULL"),
            QStringLiteral("CREATE INDEX outbox_queued_channel ON outbox (channel, due_at) WHERE "
                           "state = 'queued'"),
            QStringLiteral("DROP INDEX outbox_campaign"),
            QStringLiteral("CREATE INDEX outbox_campaign ON outbox (campaign_id, state, variant) "
                           "WHERE campaign_id IS NOT NULL"),
        },
        // 17: mail that came back to the sending accounts' mailboxes (IMAP):
        // where each mailbox was read to, every message read and what was done
        // about it (the bytes of those that could not be read are kept), and on
        // each sent message what came back about it later ('hard', 'soft',
        // 'complaint'): three soft bounces in a row suppress an address. A
        // message is known by its bytes' digest, whichever account read it.
        {
            QStringLiteral(R"(CREATE TABLE mailbox_state (
                account_id INTEGER PRIMARY KEY REFERENCES channel_accounts (id) ON DELETE CASCADE,
                uid_validity INTEGER NOT NULL DEFAULT 0,
                last_uid INTEGER NOT NULL DEFAULT 0,
                checked_at INTEGER,
                error TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral(R"(CREATE TABLE returned_mail (
                id INTEGER PRIMARY KEY,
                account_id INTEGER REFERENCES channel_accounts (id) ON DELETE SET NULL,
                digest TEXT NOT NULL UNIQUE,
                uid INTEGER NOT NULL DEFAULT 0,
                received_at INTEGER NOT NULL,
                sender TEXT NOT NULL DEFAULT '',
                subject TEXT NOT NULL DEFAULT '',
                kind TEXT NOT NULL,
                findings TEXT NOT NULL DEFAULT '[]',
                outcome TEXT NOT NULL DEFAULT '',
                kept_aside INTEGER NOT NULL DEFAULT 0,
                raw BLOB))"),
            QStringLiteral("CREATE INDEX returned_mail_received ON returned_mail (received_at)"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN returned TEXT"),
        },
        // 18: contacts by the day they came and where from, for the reports'
        // new contacts and their sources (a period reads its own days only).
        {
            QStringLiteral("CREATE INDEX contacts_created ON contacts (created_at, source)"),
        },
        // 19: the reports' tallies. Events counted per quarter of an hour (so
        // that any zone's days add up) and kind (a stage change per stage
        // reached), with purchases' amounts and, for opens and clicks, how many
        // were a message's first; written with each event. A message's first
        // human open and click are marked on it (outbox.engaged: 1 opened, 2
        // clicked). Each stage a contact reached, the first time (the funnel,
        // the dashboard's new leads). Filled from the events already there.
        QStringList{
            QStringLiteral(R"(CREATE TABLE stage_reached (
                contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
                stage TEXT NOT NULL,
                reached_at BIGINT NOT NULL,
                came_at BIGINT NOT NULL,
                since_previous BIGINT,
                PRIMARY KEY (contact_id, stage)))"),
            // a period's stages and their times; a cohort's contacts and theirs
            QStringLiteral("CREATE INDEX stage_reached_at ON stage_reached (stage, reached_at, "
                           "since_previous)"),
            QStringLiteral("CREATE INDEX stage_reached_came ON stage_reached (came_at, "
                           "contact_id, stage, since_previous)"),
            QStringLiteral(R"(CREATE TABLE event_tallies (
                slot BIGINT NOT NULL,
                kind TEXT NOT NULL,
                events BIGINT NOT NULL DEFAULT 0,
                firsts BIGINT NOT NULL DEFAULT 0,
                amount DOUBLE PRECISION NOT NULL DEFAULT 0,
                PRIMARY KEY (slot, kind)))"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN engaged INTEGER NOT NULL DEFAULT 0"),
        } + eventTallies(SqlDialect(nullptr)),
        // 20: what each customer bought, added up as purchases come in (the
        // RFM view, lifetime value): orders, revenue with refunds, the first
        // and the last purchase. Filled from the events already there.
        QStringList{
            QStringLiteral(R"(CREATE TABLE contact_purchases (
                contact_id BIGINT PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
                orders BIGINT NOT NULL DEFAULT 0,
                revenue DOUBLE PRECISION NOT NULL DEFAULT 0,
                first_at BIGINT NOT NULL,
                last_at BIGINT NOT NULL))"),
            purchaseTotals(SqlDialect(nullptr)),
        },
        // 21: a campaign's clicks per link (the click map), its people's opens
        // and clicks by the hour after each message was sent, and purchases by
        // first touch beside last touch. Links and hours are filled from the
        // events there are; first touch counts from here on.
        {
            QStringLiteral(R"(CREATE TABLE campaign_links (
                campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
                variant INTEGER NOT NULL,
                link INTEGER NOT NULL,
                url TEXT NOT NULL DEFAULT '',
                clicks BIGINT NOT NULL DEFAULT 0,
                PRIMARY KEY (campaign_id, variant, link)))"),
            QStringLiteral(R"(CREATE TABLE campaign_hours (
                campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
                variant INTEGER NOT NULL,
                hour INTEGER NOT NULL,
                opens BIGINT NOT NULL DEFAULT 0,
                clicks BIGINT NOT NULL DEFAULT 0,
                PRIMARY KEY (campaign_id, variant, hour)))"),
            QStringLiteral("ALTER TABLE campaign_totals ADD COLUMN first_conversions BIGINT NOT "
                           "NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE campaign_totals ADD COLUMN first_revenue DOUBLE "
                           "PRECISION NOT NULL DEFAULT 0"),
            QStringLiteral(R"(INSERT INTO campaign_links (campaign_id, variant, link, url, clicks)
                SELECT o.campaign_id, o.variant, coalesce(json_extract(e.payload, '$.link'), -1),
                coalesce(max(json_extract(e.payload, '$.url')), ''), count(*)
                FROM events e JOIN outbox o ON o.id = json_extract(e.payload, '$.outbox')
                WHERE e.type IN ('email_clicked', 'sms_clicked') AND o.campaign_id IS NOT NULL
                GROUP BY 1, 2, 3)"),
            QStringLiteral(R"(INSERT INTO campaign_hours (campaign_id, variant, hour, opens, clicks)
                SELECT o.campaign_id, o.variant,
                max(0, min(168, (e.occurred_at - o.sent_at) / 3600000)),
                sum(e.type = 'email_opened'), sum(e.type <> 'email_opened')
                FROM events e JOIN outbox o ON o.id = json_extract(e.payload, '$.outbox')
                WHERE e.type IN ('email_opened', 'email_clicked', 'sms_clicked')
                AND o.campaign_id IS NOT NULL AND o.sent_at IS NOT NULL GROUP BY 1, 2, 3)"),
        },
        // 22: every purchase by the quarter hour and what it is owed to, by last
        // touch within the attribution window: the channel, campaign and journey
        // of the last marketing message ('' and 0: none, a direct sale). The
        // reports' revenue per channel, campaign and journey. And the costs a
        // user enters: per month and source (acquisition, for CAC).
        {
            QStringLiteral(R"(CREATE TABLE attributed_revenue (
                slot BIGINT NOT NULL,
                channel TEXT NOT NULL DEFAULT '',
                campaign_id BIGINT NOT NULL DEFAULT 0,
                journey_id BIGINT NOT NULL DEFAULT 0,
                conversions BIGINT NOT NULL DEFAULT 0,
                revenue DOUBLE PRECISION NOT NULL DEFAULT 0,
                PRIMARY KEY (slot, channel, campaign_id, journey_id)))"),
            QStringLiteral(R"(CREATE TABLE acquisition_costs (
                month TEXT NOT NULL,
                source TEXT NOT NULL,
                amount DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (month, source)))"),
            // a customer's revenue in the year from the first purchase (LTV over 12 months)
            QStringLiteral("ALTER TABLE contact_purchases ADD COLUMN first_year_revenue DOUBLE "
                           "PRECISION NOT NULL DEFAULT 0"),
            firstYearRevenue(SqlDialect(nullptr)),
            attributedRevenue(SqlDialect(nullptr)),
        },
        // 23: the light CRM. Tasks get a priority, a deal, a reminder time
        // (snooze moves it) and when the desktop said it was due; notes an author;
        // deals move through the stages of a pipeline (the default one below,
        // with each stage's probability); an erased person leaves only a hash of
        // each address, so that nothing is ever sent to it again; what was
        // exported or erased for whom is logged (by hash, never by address).
        {
            QStringLiteral("ALTER TABLE tasks ADD COLUMN priority INTEGER NOT NULL DEFAULT 1"),
            QStringLiteral("ALTER TABLE tasks ADD COLUMN remind_at BIGINT"),
            QStringLiteral("ALTER TABLE tasks ADD COLUMN notified_at BIGINT"),
            QStringLiteral("ALTER TABLE tasks ADD COLUMN details TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(R"(CREATE TABLE pipelines (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE pipeline_stages (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                pipeline_id BIGINT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                name TEXT NOT NULL DEFAULT '',
                probability INTEGER NOT NULL DEFAULT 0,
                outcome TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'won', 'lost')),
                position INTEGER NOT NULL,
                UNIQUE (pipeline_id, key)))"),
            QStringLiteral(R"(CREATE TABLE deals (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                pipeline_id BIGINT NOT NULL REFERENCES pipelines (id),
                stage_id BIGINT NOT NULL REFERENCES pipeline_stages (id),
                contact_id BIGINT REFERENCES contacts (id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                amount DOUBLE PRECISION NOT NULL DEFAULT 0,
                currency TEXT NOT NULL DEFAULT '',
                expected_close TEXT NOT NULL DEFAULT '',
                owner TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                stage_at BIGINT NOT NULL,
                activity_at BIGINT NOT NULL,
                closed_at BIGINT))"),
            QStringLiteral("CREATE INDEX deals_board ON deals (pipeline_id, stage_id, stage_at)"),
            QStringLiteral("CREATE INDEX deals_contact ON deals (contact_id)"),
            QStringLiteral("ALTER TABLE tasks ADD COLUMN deal_id BIGINT REFERENCES deals (id) "
                           "ON DELETE CASCADE"),
            QStringLiteral("CREATE INDEX tasks_contact ON tasks (contact_id, done_at)"),
            QStringLiteral("CREATE INDEX tasks_deal ON tasks (deal_id, done_at)"),
            QStringLiteral("INSERT INTO pipelines (name, created_at) VALUES ('Sales', 0)"),
            QStringLiteral("INSERT INTO pipeline_stages (pipeline_id, key, probability, outcome, "
                           "position) SELECT id, s.key, s.probability, s.outcome, s.position FROM "
                           "pipelines, (SELECT 'initial_contact' AS key, 10 AS probability, "
                           "'open' AS outcome, 0 AS position UNION ALL SELECT 'demo', 30, "
                           "'open', 1 UNION ALL SELECT 'negotiation', 60, 'open', 2 UNION ALL "
                           "SELECT 'contract', 80, 'open', 3 UNION ALL SELECT 'won', 100, 'won', "
                           "4 UNION ALL SELECT 'lost', 0, 'lost', 5) s"),
            QStringLiteral(R"(CREATE TABLE erased_addresses (
                channel TEXT NOT NULL,
                address_hash TEXT NOT NULL,
                erased_at BIGINT NOT NULL,
                PRIMARY KEY (channel, address_hash)))"),
            // what an erased person's collector still holds, until it is told to forget it
            QStringLiteral(R"(CREATE TABLE collector_forgets (
                subject TEXT PRIMARY KEY,
                outbox TEXT NOT NULL DEFAULT '[]',
                created_at BIGINT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE privacy_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                action TEXT NOT NULL CHECK (action IN ('export', 'erase')),
                subject_hash TEXT NOT NULL,
                by_user TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL))"),
        },
        // 24: syncs with a CRM (HubSpot, Pipedrive): where each stands, so
        // that a sync killed midway goes on from its cursor; and the CRM's id
        // of each deal that came from one.
        {
            QStringLiteral(R"(CREATE TABLE crm_sync (
                connector TEXT PRIMARY KEY,
                people_since BIGINT NOT NULL DEFAULT 0,
                deals_since BIGINT NOT NULL DEFAULT 0,
                phase TEXT NOT NULL DEFAULT 'idle'
                    CHECK (phase IN ('idle', 'people', 'import', 'deals')),
                full_sync INTEGER NOT NULL DEFAULT 0,
                cursor TEXT NOT NULL DEFAULT '',
                staged_bytes BIGINT NOT NULL DEFAULT 0,
                staged_rows BIGINT NOT NULL DEFAULT 0,
                seen_people BIGINT NOT NULL DEFAULT 0,
                seen_deals BIGINT NOT NULL DEFAULT 0,
                import_id BIGINT,
                started_at BIGINT,
                finished_at BIGINT,
                written_at BIGINT NOT NULL DEFAULT 0,
                report TEXT NOT NULL DEFAULT '{}',
                error TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral("ALTER TABLE deals ADD COLUMN external_source TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE deals ADD COLUMN external_id TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE UNIQUE INDEX deals_external ON deals (external_source, "
                           "external_id) WHERE external_id <> ''"),
        },
        // 25, the first step written for both engines (a server workspace
        // starts from its baseline at 24 and takes the steps after it):
        // - the background workers of the workspace, each with its heartbeat,
        //   so that a desktop shows who sends and a standby replaces a sender
        //   that stopped answering (its heartbeat older than its lease);
        // - at most one active enrolment of a contact in a journey, whoever
        //   enrols: older duplicates, if any, end as exited.
        {
            QStringLiteral(R"(CREATE TABLE workers (
                id TEXT PRIMARY KEY,
                program TEXT NOT NULL,
                host TEXT NOT NULL,
                pid BIGINT NOT NULL,
                lock_pid BIGINT NOT NULL DEFAULT 0,
                state TEXT NOT NULL
                    CHECK (state IN ('starting', 'sending', 'standby', 'paused', 'off', 'error')),
                detail TEXT NOT NULL DEFAULT '',
                started_at BIGINT NOT NULL,
                heartbeat_at BIGINT NOT NULL))"),
            QStringLiteral("UPDATE enrollments SET state = 'exited', exit_reason = 'duplicate' "
                           "WHERE state = 'active' AND EXISTS (SELECT 1 FROM enrollments o "
                           "WHERE o.journey_id = enrollments.journey_id AND o.contact_id = "
                           "enrollments.contact_id AND o.state = 'active' AND o.id > "
                           "enrollments.id)"),
            QStringLiteral("CREATE UNIQUE INDEX enrollments_one_active ON enrollments "
                           "(journey_id, contact_id) WHERE state = 'active'"),
        },
        // 26: on a server, new contacts get their score rows once a statement,
        // and new work notifies the workers (see serverOnly()); nothing
        // changes in a file.
        {},
    };
    return list;
}

/// What step \a version changes only on PostgreSQL.
QStringList serverOnly(int version)
{
    if (version != 26)
        return {};
    // A score row per new contact from one statement-level trigger, which
    // reads the statement's new rows at once: the row trigger of the baseline
    // (a PL/pgSQL call and an INSERT a contact) cost two thirds of a bulk
    // insert into contacts (20,000 rows: 1.10 s, 0.55 s with this).
    return {
        QStringLiteral("DROP TRIGGER contacts_score_row ON contacts"),
        QStringLiteral("DROP FUNCTION masir_score_row()"),
        QStringLiteral(R"(CREATE FUNCTION masir_score_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO contact_scores (contact_id) SELECT id FROM new_contacts;
    RETURN NULL;
END
$$)"),
        QStringLiteral("CREATE TRIGGER contacts_score_rows AFTER INSERT ON contacts "
                       "REFERENCING NEW TABLE AS new_contacts FOR EACH STATEMENT "
                       "EXECUTE FUNCTION masir_score_rows()"),
        // New work for the workers (WorkNotices): a transaction that commits
        // events, enrolments or messages notifies once a table (the server
        // folds repeats within a transaction); an insert that added nothing
        // (ON CONFLICT DO NOTHING) does not.
        QStringLiteral(R"(CREATE FUNCTION masir_work_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM added) THEN
        PERFORM pg_notify('masir_work', TG_TABLE_NAME);
    END IF;
    RETURN NULL;
END
$$)"),
        QStringLiteral("CREATE TRIGGER events_work AFTER INSERT ON events REFERENCING NEW "
                       "TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION masir_work_notice()"),
        QStringLiteral("CREATE TRIGGER enrollments_work AFTER INSERT ON enrollments REFERENCING "
                       "NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "
                       "masir_work_notice()"),
        QStringLiteral("CREATE TRIGGER outbox_work AFTER INSERT ON outbox REFERENCING NEW TABLE "
                       "AS added FOR EACH STATEMENT EXECUTE FUNCTION masir_work_notice()"),
    };
}

} // namespace

Migrations::Migrations(QSqlDatabase db)
    : m_db(std::move(db))
{}

QStringList Migrations::tallyStatements(const SqlDialect &d)
{
    return eventTallies(d) + QStringList{QStringLiteral("DELETE FROM contact_purchases"),
                                         purchaseTotals(d), firstYearRevenue(d),
                                         QStringLiteral("DELETE FROM attributed_revenue"),
                                         attributedRevenue(d)};
}

int Migrations::latestVersion()
{
    return int(migrationList().size());
}

QStringList Migrations::step(int version, bool onServer)
{
    if (version < 1 || version > latestVersion())
        return {};
    return migrationList().at(version - 1) + (onServer ? serverOnly(version) : QStringList());
}

int Migrations::currentVersion() const
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool Migrations::migrate(int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    const int current = currentVersion();
    if (current < 0) {
        m_error = tr("cannot read the schema version");
        return false;
    }
    if (current > latestVersion()) {
        m_error = tr("the file has schema %1, newer than this version of Masir (%2)")
                      .arg(current)
                      .arg(latestVersion());
        return false;
    }
    // the steps' SQL may call Masir's functions, whoever opened the connection
    if (current < targetVersion && !Database::addSqlFunctions(m_db, &m_error))
        return false;
    for (int v = current + 1; v <= targetVersion; ++v) {
        if (!applyStep(m_db, v, migrationList().at(v - 1), &m_error))
            return false;
        qCInfo(lcStorage) << "migrated" << m_db.databaseName() << "to schema" << v;
    }
    return true;
}

bool Migrations::applyStep(QSqlDatabase db, int version, const QStringList &statements,
                           QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = q.lastError().text();
        return false;
    }
    QStringList all = statements;
    all << QStringLiteral("PRAGMA user_version = %1").arg(version);
    for (const QString &sql : std::as_const(all)) {
        if (!q.exec(sql)) {
            *error = tr("step %1: %2").arg(version).arg(q.lastError().text());
            q.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        *error = q.lastError().text();
        q.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    return true;
}

} // namespace masir
