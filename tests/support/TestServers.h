#pragma once

// Real servers for the sending tests, started and stopped by the test itself:
// an SMTP server with STARTTLS, implicit TLS and AUTH (aiosmtpd), an HTTP
// server that imitates SMS gateways (small scripts in tests/support), and
// Debian's dovecot as the IMAP server that returned mail arrives at.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>

#include <pwd.h>

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
        return startUntil(program, args, [&readyFile] { return QFile::exists(readyFile); });
    }
    /// Starts \a program and waits (15 s at most) until \a ready() says it serves.
    bool startUntil(const QString &program, const QStringList &args,
                    const std::function<bool()> &ready)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(program, args);
        if (!m_process.waitForStarted(5000))
            return false;
        for (int waited = 0; waited < 15000; waited += 50) {
            if (ready())
                return m_process.state() == QProcess::Running;
            if (m_process.state() != QProcess::Running)
                return false;
            QThread::msleep(50);
        }
        return false;
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

/// Dovecot on loopback, in a temporary folder of its own: IMAP with STARTTLS
/// and IMAPS, one user, mail in a Maildir that deliver() writes to as a mail
/// server would. As root its processes run as Debian's dovecot user.
class ImapServer
{
public:
    QString user = QStringLiteral("bounces@shop.test");
    QString password = QStringLiteral("imap-پسورد-1");
    int imapPort = 0;
    int imapsPort = 0;

    bool start()
    {
        if (!m_dir.isValid() || !makeCertificate(m_dir.path()))
            return false;
        const QString d = m_dir.path();
        for (const char *sub : {"run", "state", "home", "mail/new", "mail/cur", "mail/tmp"})
            QDir().mkpath(d + QLatin1Char('/') + QLatin1String(sub));
        QString owner = QString::fromLocal8Bit(qgetenv("USER"));
        if (const passwd *me = ::getpwuid(::getuid()))
            owner = QString::fromLocal8Bit(me->pw_name);
        m_root = ::getuid() == 0;
        if (m_root) {
            owner = QStringLiteral("dovecot"); // mail processes may not run as root
            QFile::setPermissions(d, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                         QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup |
                                         QFile::ExeGroup);
        }
        imapPort = freePort();
        imapsPort = freePort();
        QFile passwd(d + QStringLiteral("/passwd"));
        if (!passwd.open(QIODevice::WriteOnly) ||
            passwd.write((user + QStringLiteral(":{PLAIN}") + password + QStringLiteral("::::::\n"))
                             .toUtf8()) < 0)
            return false;
        passwd.close();
        QFile conf(d + QStringLiteral("/dovecot.conf"));
        if (!conf.open(QIODevice::WriteOnly))
            return false;
        const QString text =
            QStringLiteral(
                "base_dir = %1/run\nstate_dir = %1/state\nlog_path = %1/dovecot.log\n"
                "protocols = imap\nlisten = 127.0.0.1\nssl = required\n"
                "ssl_cert = <%1/cert.pem\nssl_key = <%1/key.pem\n"
                "auth_mechanisms = plain login\nfirst_valid_uid = 1\n"
                "default_internal_user = %2\ndefault_login_user = %2\n"
                "passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u "
                "%1/passwd\n}\n"
                "userdb {\n  driver = static\n  args = uid=%2 gid=%2 home=%1/home\n}\n"
                "mail_location = maildir:%1/mail\n"
                "service imap-login {\n  chroot =\n  inet_listener imap {\n    port = %3\n  }\n"
                "  inet_listener imaps {\n    port = %4\n    ssl = yes\n  }\n}\n"
                "service anvil {\n  chroot =\n}\n")
                .arg(d, owner)
                .arg(imapPort)
                .arg(imapsPort);
        if (conf.write(text.toUtf8()) < 0)
            return false;
        conf.close();
        if (m_root && !chownAll())
            return false;
        return m_server.startUntil(
            QStringLiteral("/usr/sbin/dovecot"),
            {QStringLiteral("-F"), QStringLiteral("-c"), conf.fileName()}, [this] {
                QTcpSocket probe;
                probe.connectToHost(QStringLiteral("127.0.0.1"), quint16(imapsPort));
                return probe.waitForConnected(200);
            });
    }

    void stop() { m_server.stop(); }

    QString url() const { return QStringLiteral("imaps://127.0.0.1:%1/INBOX").arg(imapsPort); }
    QString starttlsUrl() const
    {
        return QStringLiteral("imap://127.0.0.1:%1/INBOX").arg(imapPort);
    }
    QString certificate() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    QString log() const { return m_dir.filePath(QStringLiteral("dovecot.log")); }

    /// Puts \a message in the mailbox, as a mail server delivers it.
    bool deliver(const QByteArray &message)
    {
        const QString name = QStringLiteral("%1.M%2P%3.masirtest")
                                 .arg(QDateTime::currentSecsSinceEpoch())
                                 .arg(++m_delivered)
                                 .arg(QCoreApplication::applicationPid());
        const QString tmp = m_dir.filePath(QStringLiteral("mail/tmp/") + name);
        QFile f(tmp);
        QByteArray crlf = message;
        crlf.replace("\r\n", "\n").replace("\n", "\r\n");
        if (!f.open(QIODevice::WriteOnly) || f.write(crlf) != crlf.size())
            return false;
        f.close();
        if (m_root && !chown(tmp))
            return false;
        return QFile::rename(tmp, m_dir.filePath(QStringLiteral("mail/new/") + name));
    }

private:
    bool chown(const QString &path)
    {
        QProcess p;
        p.start(QStringLiteral("chown"),
                {QStringLiteral("-R"), QStringLiteral("dovecot:dovecot"), path});
        return p.waitForFinished(30000) && p.exitCode() == 0;
    }
    bool chownAll()
    {
        return chown(m_dir.filePath(QStringLiteral("mail"))) &&
               chown(m_dir.filePath(QStringLiteral("home")));
    }

    QTemporaryDir m_dir;
    ServerProcess m_server;
    bool m_root = false;
    int m_delivered = 0;
};

} // namespace masir::test
