#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace masir {
class Database;
class TrackingServer;
class WorkspaceTracking;
} // namespace masir

namespace masir::ui {

/// The app's own tracking server (Settings → Tracking → "Serve tracking links
/// from this computer"): started and stopped as the settings say, with the
/// workspace behind it; every hit it keeps wakes the worker.
class TrackingHost final : public QObject
{
    Q_OBJECT

public:
    explicit TrackingHost(const Database &db, QObject *parent = nullptr);
    ~TrackingHost() override;

    /// Starts, restarts or stops the server as the workspace's settings say.
    void apply();
    bool isServing() const;
    /// Why it is not serving although asked to, or "".
    QString problem() const { return m_problem; }

Q_SIGNALS:
    /// Hits were kept: the worker should run.
    void hitsArrived();
    /// It started, stopped or failed (problem() says why).
    void stateChanged();

private:
    void stop();

    const Database &m_db;
    std::unique_ptr<WorkspaceTracking> m_backend;
    std::unique_ptr<TrackingServer> m_server;
    QString m_listening; ///< "address:port public-url" it serves now
    QString m_problem;
};

} // namespace masir::ui
