#pragma once

#include "connectors/CrmHttp.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace masir {

/// One person in a CRM, in the columns every connector fills (personColumns()).
struct CrmPerson
{
    QString id;
    QMap<QString, QString> values; ///< by column
    qint64 modifiedMs = 0;
};

/// One deal in a CRM, with the stage it is in.
struct CrmDeal
{
    QString id;
    QString title;
    double amount = 0;
    QString currency;
    QString pipeline; ///< the CRM pipeline's name
    QString stageKey; ///< the CRM's stage id
    QString personId; ///< the CRM person it is with ("" none)
    QDate closeDate;
    qint64 modifiedMs = 0;
};

/// A CRM pipeline's stage, as the CRM describes it.
struct CrmStage
{
    QString pipeline;
    QString key;
    QString name;
    int probability = 0;
    QString outcome = QStringLiteral("open"); ///< open, won or lost
};

/// Masir's values of one person, to write to the CRM (write-back).
struct CrmWriteBack
{
    QString personId;
    QMap<QString, QString> values; ///< by Masir field: "score", "stage", "unsubscribed"
};

template<typename T> struct CrmPage
{
    QList<T> items;
    QString next; ///< the cursor of the page after this one; "" when this was the last
};

/// A CRM's API, as the sync needs it: people and deals a page at a time,
/// all of them or those changed since a time, and the deal stages. Each
/// implementation follows its vendor's public API reference.
class CrmConnector
{
    Q_DECLARE_TR_FUNCTIONS(masir::CrmConnector)

public:
    CrmConnector(QString baseUrl, QString token, const std::atomic<bool> *stop);
    virtual ~CrmConnector() = default;
    Q_DISABLE_COPY_MOVE(CrmConnector)

    /// "hubspot" or "pipedrive".
    virtual QString key() const = 0;
    virtual QString label() const = 0;
    /// People changed at or after \a sinceMs (0: all), from \a cursor ("" first).
    virtual std::optional<CrmPage<CrmPerson>> people(const QString &cursor, qint64 sinceMs) = 0;
    virtual std::optional<CrmPage<CrmDeal>> deals(const QString &cursor, qint64 sinceMs) = 0;
    virtual std::optional<QList<CrmStage>> stages() = 0;
    /// Writes Masir's values of people into the CRM: each Masir field into the
    /// CRM property \a properties names for it. How many were written, or
    /// nullopt with errorString().
    virtual std::optional<int> writeBack(const QList<CrmWriteBack> &people,
                                         const QMap<QString, QString> &properties) = 0;
    /// The CRM property a Masir field goes to when the user named none ("" none).
    virtual QString defaultProperty(const QString &field) const = 0;

    /// The columns of a person, in the order the import reads them.
    static QStringList personColumns();
    /// The connectors there are.
    static QStringList keys();
    static QString defaultUrl(const QString &key);
    static std::unique_ptr<CrmConnector> make(const QString &key, const QString &baseUrl,
                                              const QString &token,
                                              const std::atomic<bool> *stop = nullptr);

    QString errorString() const { return m_error; }
    int rateLimitWaits() const { return m_http.rateLimitWaits(); }

protected:
    /// GETs or POSTs \a path under the base address; the JSON object, or
    /// nullopt with the error said (a refused token named as such).
    std::optional<QJsonObject> request(const QByteArray &method, const QString &pathAndQuery,
                                       const QList<QByteArray> &headers,
                                       const QByteArray &body = {});

    QString m_base;
    QString m_token;
    CrmHttp m_http;
    QString m_error;
};

} // namespace masir
