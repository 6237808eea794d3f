#pragma once

#include "tracking/TrackingKeys.h"

#include <QList>
#include <QString>

namespace masir {

/// Where a message came from, for the UTM parameters of its links.
struct Utm
{
    QString source = QStringLiteral("masir");
    QString medium;   ///< email, sms
    QString campaign; ///< the campaign or journey
    QString content;  ///< the variant or the journey node
};

/// How one message is tracked.
struct TrackingPlan
{
    QString baseUrl;        ///< the collector's public address, no trailing slash
    TrackingKey key;        ///< signs the links
    qint64 outboxId = 0;    ///< the message
    bool opens = true;      ///< an open pixel in the HTML
    bool clicks = true;     ///< links through the click redirect
    QString unsubscribeUrl; ///< left alone, as are mailto:, tel:, sms: and anchors
    Utm utm;
};

struct TrackedLink
{
    int index = 0;
    QString target; ///< where it leads, UTM included
    QString url;    ///< the tracked address in the message
};

/// A message's parts after tracking, and what it tracks.
struct TrackedMessage
{
    QString html;
    QString text;
    QString pixelUrl; ///< empty when opens are not tracked
    QList<TrackedLink> links;
};

/// Rewrites a rendered message for tracking: every http(s) link, in the HTML
/// and in the plain text, through the click redirect with UTM parameters on
/// its target (never repeating one the link already has), and an open pixel
/// at the end of the HTML. A link is left alone when it is the unsubscribe
/// link, is not http(s), carries data-notrack, or ends in "#notrack" (the
/// marker is taken off). Pure: no workspace, no network.
class LinkTracker final
{
public:
    static TrackedMessage apply(const TrackingPlan &plan, const QString &html, const QString &text);

    /// \a url with the UTM parameters it lacks.
    static QString withUtm(const QString &url, const Utm &utm);
    /// The pixel's and a link's tracked address.
    static QString openUrl(const TrackingPlan &plan);
    static QString clickUrl(const TrackingPlan &plan, int index, const QString &target);
};

} // namespace masir
