#pragma once

#include "tracking/LinkTracker.h"

#include <QHash>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// One message as the sender tracks it.
struct TrackedSend
{
    qint64 outboxId = 0;
    qint64 contactId = 0;
    QString channel; ///< email, sms
    bool marketing = true;
    bool templateTracks = true;
    qint64 journeyId = 0;
    QString node;
    QString templateName;
    QString subject; ///< as rendered, kept with what is tracked (for the timeline)
    qint64 campaignId = 0;
};

/// The sender's view of tracking for one run: whether messages are tracked
/// (tracking on, a public address for the collector, a key), their
/// unsubscribe links on the collector, and the rewriting of their links.
class MessageTracking final
{
public:
    explicit MessageTracking(const Database &db);

    /// Opens and clicks of marketing messages are tracked.
    bool isActive() const { return m_active; }
    /// The collector's unsubscribe page for the message, or "" when there is
    /// no collector (the workspace's own unsubscribe page is used then).
    QString unsubscribeUrl(const TrackedSend &send) const;

    struct Result
    {
        QString html;
        QString text;
        QString tracked; ///< the pixel and links, as JSON for the outbox row; "" when none
    };
    /// \a html and \a text as they go out: tracked when the message should be.
    Result apply(const TrackedSend &send, const QString &html, const QString &text);

    /// The subscriber's pseudonym on the collector's pages.
    QByteArray subjectOf(qint64 contactId) const;

private:
    QString campaignOf(const TrackedSend &send);

    const Database &m_db;
    bool m_active = false;
    bool m_smsLinks = false;
    QString m_baseUrl;
    std::optional<TrackingKey> m_key;
    QByteArray m_subjectSecret;
    QHash<qint64, QString> m_journeys;
    QHash<qint64, QString> m_campaigns;
};

} // namespace masir
