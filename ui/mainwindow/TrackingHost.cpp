#include "mainwindow/TrackingHost.h"

#include "common/Logging.h"
#include "intake/CollectorSync.h"
#include "intake/WorkspaceTracking.h"
#include "server/TrackingServer.h"
#include "settings/WorkspaceSettings.h"

namespace masir::ui {

namespace {
using Key = WorkspaceSettings::Key;
} // namespace

TrackingHost::TrackingHost(const Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{}

TrackingHost::~TrackingHost()
{
    stop();
}

bool TrackingHost::isServing() const
{
    return m_server && m_server->isListening();
}

void TrackingHost::stop()
{
    if (m_server)
        m_server->close();
    m_server.reset();
    if (m_backend)
        m_backend->flush();
    m_backend.reset();
    m_listening.clear();
}

void TrackingHost::apply()
{
    const WorkspaceSettings s(m_db);
    const bool wanted = s.value(Key::TrackingServe).toBool() && !CollectorSync(m_db).isConfigured();
    const QString listen = s.value(Key::TrackingListen).toString();
    const QString publicUrl = s.value(Key::TrackingPublicUrl).toString();
    const QString key = listen + QLatin1Char(' ') + publicUrl;
    if (!wanted) {
        if (m_server) {
            stop();
            Q_EMIT stateChanged();
        }
        m_problem.clear();
        return;
    }
    if (m_server && key == m_listening)
        return;
    stop();
    ServerOptions options;
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    QString host = listen.left(colon);
    if (host.startsWith(QLatin1Char('[')))
        host = host.mid(1, host.size() - 2);
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    if (colon < 0 || !portOk || port == 0 || port > 65535 ||
        !options.address.setAddress(host.isEmpty() ? QStringLiteral("0.0.0.0") : host)) {
        m_problem = tr("Cannot serve tracking links: \"%1\" is not an address and port such as "
                       "0.0.0.0:8787.")
                        .arg(listen);
        Q_EMIT stateChanged();
        return;
    }
    options.port = quint16(port);
    options.publicUrl = publicUrl;
    m_backend = std::make_unique<WorkspaceTracking>(m_db, [this] {
        // a server thread: the signal is queued to whoever listens
        Q_EMIT hitsArrived();
    });
    m_server = std::make_unique<TrackingServer>(m_backend.get(), nullptr, options);
    if (!m_server->listen()) {
        m_problem =
            tr("Cannot serve tracking links on %1: %2").arg(listen, m_server->errorString());
        qCWarning(lcTracking) << m_problem;
        stop();
    } else {
        m_problem.clear();
        m_listening = key;
    }
    Q_EMIT stateChanged();
}

} // namespace masir::ui
