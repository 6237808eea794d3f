#pragma once

// Real servers for the sending tests, started and stopped by the test itself:
// an SMTP server with STARTTLS, implicit TLS and AUTH (aiosmtpd), and an HTTP
// server that imitates SMS gateways. Both are small scripts in tests/support.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace masir::test {

/// Debian's interpreter: the one python3-aiosmtpd is installed for.
inline QString systemPython()
{
    return QStringLiteral("/usr/bin/python3");
}

inline QString supportScript(const char *name)
{
    return QStringLiteral(MASIR_SOURCE_DIR "/tests/support/") + QLatin1String(name);
}

/// A port nobody listens on right now.
inline int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

inline bool waitForFile(const QString &path, int timeoutMs)
{
    for (int waited = 0; waited < timeoutMs; waited += 50) {
        if (QFile::exists(path))
            return true;
        QThread::msleep(50);
    }
    return false;
}

/// Lines of a JSON-lines file.
inline QList<QJsonObject> jsonLines(const QString &path)
{
    QList<QJsonObject> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            out << QJsonDocument::fromJson(line).object();
    return out;
}

class ServerProcess
{
public:
    ~ServerProcess() { stop(); }
    bool start(const QString &program, const QStringList &args, const QString &readyFile)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(program, args);
        if (!m_process.waitForStarted(5000))
            return false;
        return waitForFile(readyFile, 15000) && m_process.state() == QProcess::Running;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }

private:
    QProcess m_process;
};

/// A self-signed certificate for localhost and 127.0.0.1, made with openssl.
inline bool makeCertificate(const QString &dir)
{
    QProcess p;
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
             dir + QStringLiteral("/key.pem"), QStringLiteral("-out"),
             dir + QStringLiteral("/cert.pem"), QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
             QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    return p.waitForFinished(60000) && p.exitCode() == 0;
}

/// The SMTP sink: STARTTLS, implicit TLS and plain listeners; messages in dir().
class SmtpSink
{
public:
    QString user = QStringLiteral("sender@shop.test");
    QString password = QStringLiteral("s3cret-پسورد");
    int starttlsPort = 0;
    int tlsPort = 0;
    int plainPort = 0;

    bool start(int delayMs = 0)
    {
        if (!m_dir.isValid() || !makeCertificate(m_dir.path()))
            return false;
        QDir().mkpath(dir());
        starttlsPort = freePort();
        tlsPort = freePort();
        plainPort = freePort();
        const QString ready = m_dir.filePath(QStringLiteral("ready"));
        return m_server.start(systemPython(),
                              {supportScript("smtp_sink.py"),
                               QStringLiteral("--dir"),
                               dir(),
                               QStringLiteral("--cert"),
                               certificate(),
                               QStringLiteral("--key"),
                               m_dir.filePath(QStringLiteral("key.pem")),
                               QStringLiteral("--user"),
                               user,
                               QStringLiteral("--password"),
                               password,
                               QStringLiteral("--starttls-port"),
                               QString::number(starttlsPort),
                               QStringLiteral("--tls-port"),
                               QString::number(tlsPort),
                               QStringLiteral("--plain-port"),
                               QString::number(plainPort),
                               QStringLiteral("--delay-ms"),
                               QString::number(delayMs),
                               QStringLiteral("--ready-file"),
                               ready},
                              ready);
    }
    void stop() { m_server.stop(); }
    QString certificate() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    QString dir() const { return m_dir.filePath(QStringLiteral("out")); }
    QList<QJsonObject> messages() const { return jsonLines(dir() + QStringLiteral("/log.jsonl")); }
    QList<QJsonObject> connections() const
    {
        return jsonLines(dir() + QStringLiteral("/connections.jsonl"));
    }
    /// A received message as Python's email package reads it (not our code).
    QJsonObject parsed(const QString &file) const
    {
        QProcess p;
        p.start(systemPython(), {supportScript("parse_mime.py"), dir() + QLatin1Char('/') + file});
        p.waitForFinished(30000);
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    }

private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
};

/// The HTTP sink that imitates Twilio and Kavenegar; requests in log().
class HttpSink
{
public:
    int port = 0;
    bool start()
    {
        port = freePort();
        const QString ready = m_dir.filePath(QStringLiteral("ready"));
        return m_server.start(systemPython(),
                              {supportScript("http_sink.py"), QStringLiteral("--port"),
                               QString::number(port), QStringLiteral("--log"), log(),
                               QStringLiteral("--ready-file"), ready},
                              ready);
    }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(port); }
    QString log() const { return m_dir.filePath(QStringLiteral("requests.jsonl")); }
    QList<QJsonObject> requests() const { return jsonLines(log()); }

private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
};

} // namespace masir::test
