#include "intake/BounceApplier.h"

#include "campaigns/CampaignActivity.h"
#include "common/Logging.h"
#include "events/EventStore.h"
#include "messaging/UnsubscribeTokens.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace masir {

namespace {

const QString kEmail = QStringLiteral("email");

QString codes(const BounceFinding &f)
{
    QStringList parts;
    if (!f.status.isEmpty())
        parts << f.status;
    if (f.reply)
        parts << QString::number(f.reply);
    return parts.join(QLatin1Char(' '));
}

/// The server's words for the event and the timeline: its diagnostic, or its codes.
QString replyOf(const BounceFinding &f)
{
    const QString c = codes(f);
    if (f.diagnostic.isEmpty())
        return c;
    return c.isEmpty() || f.diagnostic.contains(c) ? f.diagnostic
                                                   : c + QLatin1Char(' ') + f.diagnostic;
}

} // namespace

BounceApplier::BounceApplier(const Database &db)
    : m_db(db)
    , m_outbox(db)
    , m_recorder(db)
    , m_events(std::make_unique<EventStore>(db.connection()))
    , m_activity(std::make_unique<CampaignActivity>(db.connection()))
{}

BounceApplier::~BounceApplier() = default;

bool BounceApplier::fail(const QString &error)
{
    m_error = error;
    return false;
}

std::nullopt_t BounceApplier::failed(const QString &error)
{
    m_error = error;
    return std::nullopt;
}

std::optional<SentEmail> BounceApplier::messageOf(const BounceFinding &f, qint64 atMs)
{
    if (f.outboxId) {
        const auto named = m_outbox.email(f.outboxId);
        if (!named) {
            m_error = m_outbox.errorString();
            return std::nullopt;
        }
        // the report names our message (whatever became of it), and when it
        // says, the same address: never another message of that address instead
        if (named->id && (f.recipient.isEmpty() || f.recipient == named->recipient.toLower()))
            return named;
    }
    if (f.recipient.isEmpty())
        return SentEmail{};
    const auto last = m_outbox.lastEmailTo(f.recipient, atMs);
    if (!last)
        m_error = m_outbox.errorString();
    return last;
}

bool BounceApplier::countForCampaign(const SentEmail &message, qint64 contactId, int kind,
                                     qint64 atMs)
{
    if (!message.campaignId || !contactId)
        return true;
    if (!m_activity->count(message.campaignId, message.variant, contactId,
                           CampaignActivity::Kind(kind), atMs))
        return fail(m_activity->errorString());
    return true;
}

bool BounceApplier::hardBounce(const SentEmail &message, const QString &address,
                               const QString &reply, qint64 atMs)
{
    const auto contact =
        m_recorder.hardBounce(message, address, reply, QStringLiteral("mailbox"), atMs);
    if (!contact)
        return fail(m_recorder.errorString());
    return countForCampaign(message, *contact, int(CampaignActivity::Kind::Bounce), atMs);
}

std::optional<QString> BounceApplier::softBounce(const BounceFinding &f, const SentEmail &message,
                                                 qint64 atMs)
{
    if (!message.id)
        return tr("Refused for now for %1 (%2); no email sent to it is known, so it is not "
                  "counted.")
            .arg(f.recipient, codes(f));
    if (!m_outbox.markReturned(message.id, QStringLiteral("soft")))
        return failed(m_outbox.errorString());
    QJsonObject payload{{QStringLiteral("reply"), replyOf(f)},
                        {QStringLiteral("outbox"), message.id},
                        {QStringLiteral("source"), QStringLiteral("mailbox")}};
    if (message.campaignId)
        payload.insert(QStringLiteral("campaign"), message.campaignId);
    if (message.contactId &&
        !m_events->appendIfPresent(message.contactId, EventType::EmailSoftBounced,
                                   QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC), payload))
        return failed(m_events->errorString());
    const auto recent =
        m_outbox.recentReturns(message.contactId, message.recipient, kSoftBouncesInARow);
    if (!recent)
        return failed(m_outbox.errorString());
    const bool inARow = recent->size() == kSoftBouncesInARow &&
                        std::none_of(recent->cbegin(), recent->cend(),
                                     [](const QString &r) { return r.isEmpty(); });
    if (!inARow)
        return tr("Refused for now for %1 (%2): counted; %3 in a row suppress it.")
            .arg(f.recipient.isEmpty() ? message.recipient : f.recipient, codes(f))
            .arg(kSoftBouncesInARow);
    const QString reply =
        tr("%n sends in a row refused for now (the last: %1)", nullptr, kSoftBouncesInARow)
            .arg(replyOf(f));
    if (!hardBounce(message, message.recipient, reply, atMs))
        return std::nullopt;
    return tr("Suppressed %1: %2.").arg(message.recipient, reply);
}

std::optional<QString> BounceApplier::complaint(const BounceFinding &f, const SentEmail &message,
                                                qint64 atMs)
{
    const QString address = f.recipient.isEmpty() ? message.recipient : f.recipient;
    const auto contact = m_recorder.complaint(message, address, f.diagnostic, atMs);
    if (!contact)
        return failed(m_recorder.errorString());
    if (!countForCampaign(message, *contact, int(CampaignActivity::Kind::Complaint), atMs))
        return std::nullopt;
    return tr("Suppressed %1: marked as spam (%2).")
        .arg(address, f.diagnostic.isEmpty() ? tr("a feedback-loop report") : f.diagnostic);
}

std::optional<QString> BounceApplier::unsubscribe(const BounceFinding &f, const SentEmail &message,
                                                  qint64 atMs)
{
    UnsubscribeTokens tokens(m_db);
    std::optional<qint64> contact;
    if (!f.token.isEmpty())
        contact = tokens.verify(f.token);
    if (contact) {
        const auto there = m_recorder.exists(*contact);
        if (!there)
            return failed(m_recorder.errorString());
        if (!*there)
            return QString(); // deleted since: nobody to unsubscribe, a person looks
    } else {                  // no token, or not ours: the sender asks for themselves
        if (f.recipient.isEmpty())
            return QString(); // a sender that cannot be read is nobody's request
        const auto byAddress = m_recorder.contactOf(SentEmail{}, f.recipient);
        if (!byAddress)
            return failed(m_recorder.errorString());
        if (!*byAddress)
            return QString();
        contact = *byAddress;
    }
    QJsonObject extra;
    if (message.id && message.contactId == *contact) {
        extra.insert(QStringLiteral("outbox"), message.id);
        if (message.campaignId)
            extra.insert(QStringLiteral("campaign"), message.campaignId);
    }
    if (!tokens.unsubscribeContact(*contact, QStringLiteral("mailbox"), atMs, extra))
        return failed(tokens.errorString());
    if (message.contactId == *contact &&
        !countForCampaign(message, *contact, int(CampaignActivity::Kind::Unsubscribe), atMs))
        return std::nullopt;
    return tr("Unsubscribed %1 at their request by email.").arg(f.recipient);
}

std::optional<ReturnedOutcome> BounceApplier::apply(const QList<BounceFinding> &findings,
                                                    qint64 atMs)
{
    using K = BounceFinding::Kind;
    ReturnedOutcome out;
    QStringList said;
    for (const BounceFinding &f : findings) {
        if (f.kind == K::NotBounce) {
            said << tr("Not returned mail: left for a person, unread.");
            continue;
        }
        if (f.kind == K::AutoReply) {
            said << tr("An automatic reply (%1): not a bounce, left unread.").arg(f.recipient);
            continue;
        }
        if (f.kind == K::Unparsed) {
            out.keptAside = true;
            said << tr("From the mail system, but what failed cannot be read: kept aside.");
            continue;
        }
        const auto message = messageOf(f, atMs);
        if (!message)
            return std::nullopt;
        const QString address = f.recipient.isEmpty() ? message->recipient : f.recipient;
        if (address.isEmpty() && f.kind != K::Unsubscribe) {
            out.keptAside = true;
            said << tr("Names no address and no message Masir sent: kept aside.");
            continue;
        }
        std::optional<QString> text;
        switch (f.kind) {
        case K::Hard:
            if (!hardBounce(*message, address, replyOf(f), atMs))
                return std::nullopt;
            text = tr("Suppressed %1: hard bounce (%2).").arg(address, codes(f));
            ++out.hard;
            break;
        case K::Soft:
            text = softBounce(f, *message, atMs);
            ++out.soft;
            break;
        case K::Complaint:
            text = complaint(f, *message, atMs);
            ++out.complaints;
            break;
        case K::Unsubscribe:
            text = unsubscribe(f, *message, atMs);
            if (text && text->isEmpty()) { // nobody to unsubscribe: a person looks
                out.keptAside = true;
                said << tr("An unsubscribe request from %1, who is not a contact: kept aside.")
                            .arg(f.recipient.isEmpty() ? tr("an unknown sender") : f.recipient);
                continue;
            }
            ++out.unsubscribes;
            break;
        default:
            break;
        }
        if (!text)
            return std::nullopt;
        said << *text;
        out.actedOn = true;
    }
    said.removeDuplicates();
    out.text = said.join(QLatin1Char(' '));
    return out;
}

} // namespace masir
