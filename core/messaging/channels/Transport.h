#pragma once

#include "messaging/ChannelAccounts.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

typedef void CURL;
typedef void CURLM;

namespace masir {

/// One message to hand to a channel.
struct Delivery
{
    qint64 outboxId = 0;
    QString recipient;                ///< an email address, a phone number (E.164), or a URL
    QByteArray content;               ///< email: the whole MIME message; webhook: the JSON body
    QString text;                     ///< SMS: the text
    bool allowPrivateNetwork = false; ///< webhook: may call loopback and private addresses
};

/// What a provider said.
struct DeliveryResult
{
    enum class Outcome
    {
        Sent,
        Temporary,    ///< try again later (4xx, network)
        Permanent,    ///< never again (5xx)
        Bounce,       ///< the address does not exist: suppress it
        AccountError, ///< the account is wrong (login, certificate): the message waits
        Ambiguous,    ///< the connection broke after the message was handed over: it may
                      ///< have gone out, so it is never sent again on its own
    };
    qint64 outboxId = 0;
    Outcome outcome = Outcome::Temporary;
    int code = 0;  ///< the SMTP or HTTP status, 0 when there was none
    QString reply; ///< the server's exact last reply, or our explanation
    QString providerId;

    bool ok() const { return outcome == Outcome::Sent; }
};

struct Transfer;

/// A way to send: SMTP, an SMS gateway, a webhook. It sets up a curl handle
/// for a delivery and reads the result back; CurlPool runs the handles.
class Transport
{
    Q_DECLARE_TR_FUNCTIONS(masir::Transport)

public:
    virtual ~Transport() = default;
    /// Sets \a t.easy up for \a d; false with t.result filled when it cannot be sent.
    virtual bool prepare(Transfer &t, const Delivery &d) = 0;
    virtual DeliveryResult finish(Transfer &t, int curlCode) = 0;
    virtual int connections() const { return 1; }
};

/// Runs transfers in parallel with curl's multi interface; each slot keeps its
/// easy handle, so that its connection is reused for the next message.
class CurlPool final
{
public:
    CurlPool();
    ~CurlPool();
    CurlPool(const CurlPool &) = delete;
    CurlPool &operator=(const CurlPool &) = delete;

    /// Free slots for \a channel (up to its connections()).
    int freeSlots(Transport *channel) const;
    /// Starts a delivery; false when it failed at once (the result is queued).
    void start(Transport *channel, const Delivery &d);
    /// Waits up to \a timeoutMs for progress; returns the finished deliveries.
    QList<DeliveryResult> poll(int timeoutMs);
    int running() const;
    /// Drops the slots of a channel that is going away.
    void forget(Transport *channel);

    /// One delivery, start to end (tests, "Send test"). Given \a stop, it is
    /// given up within a fraction of a second once *stop is set.
    static DeliveryResult sendNow(Transport &channel, const Delivery &d,
                                  const std::atomic<bool> *stop = nullptr);

private:
    CURLM *m_multi = nullptr;
    std::vector<std::unique_ptr<Transfer>> m_slots;
    QList<DeliveryResult> m_done;
};

std::unique_ptr<Transport> makeSmtpChannel(const ChannelAccount &account, const QString &secret);
std::unique_ptr<Transport> makeSmsChannel(const ChannelAccount &account, const QString &secret);
/// Webhooks: JSON POSTs signed with HMAC-SHA256 of \a signingKey, refusing
/// loopback, link-local and private addresses after DNS unless allowed.
std::unique_ptr<Transport> makeWebhookChannel(const QString &signingKey, bool allowPrivate);

/// "+989121234567" in the form a gateway expects: e164, international, national.
QString formatPhoneFor(const QString &e164, const QString &format);

/// A value in parsed JSON at a dotted path ("entries.0.messageid").
QJsonValue jsonAt(const QJsonValue &root, const QString &path);

} // namespace masir
