#pragma once

#include "intake/Preferences.h"
#include "tracking/TrackingKeys.h"

#include <QList>

namespace masir {

struct TrackingHit;

/// What the tracking server needs behind it: the keys to check tokens, a place
/// for hits, and what its pages show and save. Two kinds: the workspace itself
/// (the app serving its own links, WorkspaceTracking) and a collector's own
/// small store on a public host (CollectorStore), which the desktop pulls
/// from. Called from the server's threads at once: implementations are
/// thread-safe.
class TrackingBackend
{
public:
    virtual ~TrackingBackend() = default;

    virtual KeyRing keys() = 0;
    /// Keeps an open or a click; it may be written a moment later, together
    /// with others (see GroupCommit).
    virtual void record(const TrackingHit &hit) = 0;
    /// Keeps an unsubscribe or a preference change before the page says it is
    /// done; false when it could not be kept.
    virtual bool recordNow(const TrackingHit &hit, const TrackingToken &token) = 0;
    /// The subscriber's choices, for the preference page.
    virtual Choices choices(const TrackingToken &token) = 0;
    virtual Branding branding() = 0;
    virtual QList<Topic> topics() = 0;
};

} // namespace masir
