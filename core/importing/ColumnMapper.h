#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace masir {

class Database;

/// Where one CSV column goes: a standard contact field, a custom field
/// ("custom.<key>"), tags, consent, or nowhere ("skip").
namespace ImportTarget {
inline const QString Skip = QStringLiteral("skip");
inline const QString FullName = QStringLiteral("full_name"); ///< split into first and last
inline const QString Tags = QStringLiteral("tags");
inline const QString EmailConsent = QStringLiteral("email_consent");
inline const QString SmsConsent = QStringLiteral("sms_consent");
QStringList standard(); ///< every target but custom fields and skip
QString label(const QString &target);
bool isCustom(const QString &target);
} // namespace ImportTarget

/// Matches CSV headers to contact fields, in English, Persian, Polish and Malay and
/// in the column names of common exports (Google Contacts, Outlook, Mailchimp,
/// HubSpot). A mapping the user made is remembered for the same set of headers.
class ColumnMapper final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ColumnMapper)

public:
    /// The target for one header, or ImportTarget::Skip.
    static QString guess(const QString &header);
    /// Targets for a whole header row: a target is used at most once (tags may repeat).
    static QStringList guessAll(const QStringList &headers);
    /// Whether \a header is a known column name (used to tell a header row from data).
    static bool isKnownHeader(const QString &header);
    static QString normalizeHeader(const QString &header);

    /// The remembered mapping for exactly these headers, if any.
    static QStringList remembered(const Database &db, const QStringList &headers);
    static bool remember(const Database &db, const QStringList &headers,
                         const QStringList &targets);
};

/// Delimiter and header row of a CSV sample.
struct Dialect
{
    QChar delimiter = QLatin1Char(',');
    bool hasHeader = true;
};

namespace DialectSniffer {
/// Picks the delimiter (, ; TAB |) that splits the sample's records most
/// consistently, and decides whether the first record is a header.
Dialect sniff(const QString &sample);
bool looksLikeHeader(const QList<QStringList> &records);
} // namespace DialectSniffer

} // namespace masir
