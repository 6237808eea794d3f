#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace masir {

/// The desktop's side of a collector's API: plain HTTPS calls with the key as
/// a bearer token, each with a deadline. HTTP is accepted only on the loopback
/// address (a collector on the same machine, the tests).
class CollectorClient final
{
    Q_DECLARE_TR_FUNCTIONS(masir::CollectorClient)

public:
    CollectorClient(QString baseUrl, QString apiKey, int timeoutMs = 15000);

    /// What is wrong with \a url as a collector's address, or "".
    static QString urlProblem(const QString &url);

    /// GET /api/v1/status.
    std::optional<QJsonObject> status();
    /// GET /api/v1/hits?after=&limit=: {"hits": [...], "last": id}.
    std::optional<QJsonObject> pull(qint64 after, int limit);
    /// POST /api/v1/state.
    bool push(const QJsonObject &state);

    /// The HTTP status of the last call (0: no answer).
    int lastStatus() const { return m_status; }
    QString errorString() const { return m_error; }

private:
    std::optional<QJsonObject> call(const QByteArray &method, const QString &path,
                                    const QByteArray &body);

    QString m_baseUrl;
    QString m_apiKey;
    int m_timeoutMs;
    int m_status = 0;
    QString m_error;
};

} // namespace masir
