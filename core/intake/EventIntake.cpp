#include "intake/EventIntake.h"

#include "campaigns/CampaignActivity.h"
#include "common/Logging.h"
#include "contacts/EmailAddress.h"
#include "events/EventStore.h"
#include "settings/WorkspaceSettings.h"
#include "storage/SqlExec.h"
#include "storage/StatementCache.h"
#include "storage/Transaction.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

namespace masir {

EventIntake::EventIntake(QSqlDatabase db)
    : m_db(std::move(db))
    , m_events(std::make_unique<EventStore>(m_db))
    , m_statements(std::make_unique<StatementCache>(m_db))
{}

EventIntake::~EventIntake() = default;

QString EventIntake::typeProblem(const QString &type)
{
    static const QRegularExpression name(QStringLiteral("^[a-z][a-z0-9_]{0,63}$"));
    if (type.isEmpty())
        return tr("The event has no type.");
    if (!name.match(type).hasMatch())
        return tr("\"%1\" is not an event type: use lower-case letters, digits and _, "
                  "starting with a letter (at most 64).")
            .arg(type);
    return {};
}

std::optional<qint64> EventIntake::contactOf(const IncomingEvent &e)
{
    m_error.clear();
    m_field.clear();
    QSqlQuery q(m_db);
    if (e.contactId > 0) {
        // many events in a row (a batch of hits, an import): prepared once
        PreparedStatement *st =
            m_statements->get(QStringLiteral("SELECT 1 FROM contacts WHERE id = ?"), &m_error);
        if (!st)
            return std::nullopt;
        st->bind(1, e.contactId);
        const PreparedStatement::Result r = st->step();
        if (r == PreparedStatement::Result::Error)
            m_error = st->errorString();
        st->reset();
        if (r == PreparedStatement::Result::Error)
            return std::nullopt;
        if (r != PreparedStatement::Result::Row) {
            m_field = QStringLiteral("contact_id");
            m_error = tr("There is no contact %1.").arg(e.contactId);
            return std::nullopt;
        }
        return e.contactId;
    }
    QString problem;
    const QString email = EmailAddress::normalize(e.email, &problem);
    if (email.isEmpty()) {
        m_field = QStringLiteral("email");
        m_error = e.email.trimmed().isEmpty()
                      ? tr("The event names no contact: give an email address.")
                      : tr("\"%1\" is not an email address: %2").arg(e.email, problem);
        return std::nullopt;
    }
    if (!Sql::exec(lcEvents(), q, QStringLiteral("SELECT id FROM contacts WHERE email = ?"),
                   {email}, &m_error))
        return std::nullopt;
    if (!q.next()) {
        m_field = QStringLiteral("email");
        m_error = tr("No contact has the email address %1.").arg(email);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

std::optional<qint64> EventIntake::record(const IncomingEvent &e)
{
    m_error.clear();
    m_field.clear();
    if (!m_goodTypes.contains(e.type)) {
        if (const QString problem = typeProblem(e.type); !problem.isEmpty()) {
            m_field = QStringLiteral("type");
            m_error = problem;
            return std::nullopt;
        }
        m_goodTypes.insert(e.type);
    }
    if (e.atMs <= 0) {
        m_field = QStringLiteral("at");
        m_error = tr("The event has no time.");
        return std::nullopt;
    }
    const QByteArray payload = QJsonDocument(e.payload).toJson(QJsonDocument::Compact);
    if (payload.size() > kMaxPayloadBytes) {
        m_field = QStringLiteral("props");
        m_error = tr("The event's properties are larger than %1 KiB.").arg(kMaxPayloadBytes / 1024);
        return std::nullopt;
    }
    // A contact named by id is checked by the events table's reference to it
    // (one lookup, not two); only when the row is refused is it looked for,
    // to say why.
    const auto contact = e.contactId > 0 ? std::optional<qint64>(e.contactId) : contactOf(e);
    if (!contact)
        return std::nullopt;
    if (!m_events->appendJson(*contact, e.type, e.atMs, payload, e.firstOfMessage)) {
        m_error = m_events->errorString();
        if (e.contactId > 0) {
            const QString refused = m_error;
            if (contactOf(e))
                m_error = refused;
        }
        return std::nullopt;
    }
    if (e.type == EventType::Purchase && !countPurchase(*contact, e))
        return std::nullopt;
    return contact;
}

bool EventIntake::countPurchase(qint64 contactId, const IncomingEvent &e)
{
    // A purchase counts for the campaign whose message came last before it.
    if (!m_campaigns) {
        m_campaigns = std::make_unique<CampaignActivity>(m_db);
        m_attributionMs =
            WorkspaceSettings(m_db).value(WorkspaceSettings::Key::AttributionDays).toLongLong() *
            24 * 3600 * 1000;
    }
    if (!m_campaigns->purchase(contactId, EventStore::purchaseAmount(e.payload), e.atMs,
                               m_attributionMs)) {
        m_error = m_campaigns->errorString();
        return false;
    }
    return true;
}

std::optional<qint64> EventIntake::recordAlone(const IncomingEvent &event)
{
    Transaction tx(m_db, Transaction::Mode::Write);
    if (!tx.isActive()) {
        m_error = tx.errorString();
        m_field.clear();
        return std::nullopt;
    }
    const auto contact = record(event);
    if (!contact)
        return std::nullopt;
    if (!tx.commit()) {
        m_error = tx.errorString();
        m_field.clear();
        return std::nullopt;
    }
    return contact;
}

} // namespace masir
