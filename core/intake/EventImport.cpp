#include "intake/EventImport.h"

#include "common/Logging.h"
#include "common/TextNormalizer.h"
#include "common/ValueParsers.h"
#include "importing/ColumnMapper.h"
#include "importing/CsvReader.h"
#include "importing/TextDecoder.h"
#include "intake/EventIntake.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTimeZone>

namespace masir {

namespace {

QString headerKey(const QString &header)
{
    QString k = header.trimmed().toLower();
    k.replace(QLatin1Char(' '), QLatin1Char('_')).replace(QLatin1Char('-'), QLatin1Char('_'));
    return k;
}

QString latinDigits(const QString &text)
{
    QString t = TextNormalizer::toAsciiDigits(text);
    t.replace(QChar(0x066B), QLatin1Char('.')); // Arabic decimal separator
    t.replace(QChar(0x066C), QLatin1Char(',')); // Arabic thousands separator
    return t;
}

std::optional<double> numberOf(const QString &text)
{
    QString t = latinDigits(text.trimmed());
    t.remove(QLatin1Char(','));
    bool ok = false;
    const double v = t.toDouble(&ok);
    return ok && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

std::optional<qint64> timeOf(const QString &text)
{
    const QString t = latinDigits(text.trimmed());
    bool isNumber = false;
    const qint64 n = t.toLongLong(&isNumber);
    if (isNumber)
        return n > 100000000000LL ? n : n * 1000; // ms or Unix seconds
    if (!t.contains(QLatin1Char(':'))) { // a date alone: Jalali or Gregorian, at midnight UTC
        if (const auto d = ValueParsers::parseDate(t, ValueParsers::DateMode::Auto))
            return QDateTime(*d, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        return std::nullopt;
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (dt.isValid()) {
        if (dt.timeSpec() == Qt::LocalTime)
            dt.setTimeZone(QTimeZone::utc());
        return dt.toMSecsSinceEpoch();
    }
    return std::nullopt;
}

struct Columns
{
    int email = -1;
    int contact = -1;
    int type = -1;
    int at = -1;
    int id = -1;
    QString idName;
    QList<std::pair<int, QString>> properties;
};

Columns columnsOf(const QStringList &header)
{
    Columns c;
    for (int i = 0; i < header.size(); ++i) {
        const QString k = headerKey(header.at(i));
        if (k.isEmpty())
            continue;
        if (c.email < 0 &&
            (k == QLatin1String("email") || k == QLatin1String("e_mail") ||
             k == QLatin1String("email_address") || k == QLatin1String("customer_email")))
            c.email = i;
        else if (c.contact < 0 && k == QLatin1String("contact_id"))
            c.contact = i;
        else if (c.type < 0 && (k == QLatin1String("type") || k == QLatin1String("event")))
            c.type = i;
        else if (c.at < 0 && (k == QLatin1String("at") || k == QLatin1String("time") ||
                              k == QLatin1String("date") || k == QLatin1String("created_at") ||
                              k == QLatin1String("timestamp")))
            c.at = i;
        else if (c.id < 0 && (k == QLatin1String("order_id") || k == QLatin1String("event_id") ||
                              k == QLatin1String("id")))
            c.id = i;
        else
            c.properties << std::make_pair(i, k);
    }
    // A shop's "total" or "price" is the amount that reports add up.
    const bool hasAmount = std::any_of(c.properties.cbegin(), c.properties.cend(),
                                       [](const auto &p) { return p.second == u"amount"; });
    if (!hasAmount) {
        static const QStringList money = {
            QStringLiteral("total"), QStringLiteral("order_total"), QStringLiteral("grand_total"),
            QStringLiteral("price"), QStringLiteral("revenue"),     QStringLiteral("value")};
        for (auto &p : c.properties) {
            if (money.contains(p.second)) {
                p.second = QStringLiteral("amount");
                break;
            }
        }
    }
    if (c.id >= 0) { // the id is a property too: "order_id" stays in the event
        c.idName = headerKey(header.at(c.id));
        c.properties << std::make_pair(c.id, c.idName);
    }
    return c;
}

} // namespace

EventImport::EventImport(const Database &db, QString defaultType)
    : m_db(db)
    , m_defaultType(std::move(defaultType))
{}

std::optional<EventImportReport> EventImport::run(const QString &path,
                                                  const std::atomic<bool> *stop)
{
    if (!m_defaultType.isEmpty()) {
        if (const QString problem = EventIntake::typeProblem(m_defaultType); !problem.isEmpty()) {
            m_error = problem;
            return std::nullopt;
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray sample = file.peek(256 * 1024);
    const auto encoding = EncodingDetector::detect(sample, sample.size() == file.size());
    const Dialect dialect = DialectSniffer::sniff(TextDecoder::decodeAll(
        QByteArrayView(sample).sliced(encoding.bomLength), encoding.encoding));
    CsvReader::Options options;
    options.delimiter = dialect.delimiter;
    CsvReader reader(&file, encoding.encoding, options, encoding.bomLength);

    CsvReader::Record record;
    CsvReader::Error readError;
    if (reader.next(record, readError) != CsvReader::Status::Record) {
        m_error = tr("%1 has no header row.").arg(path);
        return std::nullopt;
    }
    const Columns columns = columnsOf(record.fields);
    if (columns.email < 0 && columns.contact < 0) {
        m_error = tr("%1 has no email or contact_id column; the first row must name the "
                     "columns (email, type, at, and any properties).")
                      .arg(path);
        return std::nullopt;
    }
    if (columns.type < 0 && m_defaultType.isEmpty()) {
        m_error = tr("%1 has no type column; give the type of its events with --type (for "
                     "example --type purchase).")
                      .arg(path);
        return std::nullopt;
    }

    EventImportReport report;
    EventIntake intake(m_db.connection());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool done = false;
    while (!done && !(stop && stop->load())) {
        Transaction tx(m_db.connection(), Transaction::Mode::Write);
        if (!tx.isActive()) {
            m_error = tx.errorString();
            return std::nullopt;
        }
        QSqlQuery seen(m_db.connection());
        for (int n = 0; n < kBatchRows; ++n) {
            const CsvReader::Status status = reader.next(record, readError);
            if (status == CsvReader::Status::End) {
                done = true;
                break;
            }
            ++report.rows;
            const auto reject = [&](const QString &field, const QString &message) {
                ++report.rejected;
                report.issues << EventImportIssue{record.row, record.line, field, message,
                                                  record.raw.left(200)};
            };
            if (status == CsvReader::Status::Error) {
                ++report.rejected;
                report.issues << EventImportIssue{readError.row, readError.line, QString(),
                                                  readError.message, readError.raw};
                continue;
            }
            const auto cell = [&](int i) {
                return i >= 0 && i < record.fields.size() ? record.fields.at(i).trimmed()
                                                          : QString();
            };
            IncomingEvent e;
            e.email = cell(columns.email);
            if (columns.contact >= 0 && !cell(columns.contact).isEmpty()) {
                const auto id = ValueParsers::parseInt(cell(columns.contact));
                if (!id || *id <= 0) {
                    reject(QStringLiteral("contact_id"),
                           tr("\"%1\" is not a contact id.").arg(cell(columns.contact)));
                    continue;
                }
                e.contactId = *id;
            }
            e.type = columns.type >= 0 && !cell(columns.type).isEmpty() ? cell(columns.type)
                                                                        : m_defaultType;
            e.atMs = now;
            if (columns.at >= 0 && !cell(columns.at).isEmpty()) {
                const auto at = timeOf(cell(columns.at));
                if (!at) {
                    reject(QStringLiteral("at"),
                           tr("\"%1\" is not a time; write it as 2026-03-20T14:30:00Z, "
                              "2026-03-20 or 1405/01/01.")
                               .arg(cell(columns.at)));
                    continue;
                }
                e.atMs = *at;
            }
            for (const auto &[i, name] : columns.properties) {
                const QString v = cell(i);
                if (v.isEmpty())
                    continue;
                if (const auto number = numberOf(v); number && i != columns.id)
                    e.payload.insert(name, *number);
                else
                    e.payload.insert(name, v);
            }
            const auto contact = intake.contactOf(e);
            if (!contact) {
                if (intake.isDatabaseError()) {
                    m_error = intake.errorString();
                    return std::nullopt;
                }
                reject(intake.errorField(), intake.errorString());
                continue;
            }
            e.contactId = *contact;
            if (columns.id >= 0 && !cell(columns.id).isEmpty()) {
                if (!Sql::exec(
                        lcEvents(), seen,
                        QStringLiteral("SELECT 1 FROM events WHERE contact_id = ? AND type "
                                       "= ? AND %1 = ? LIMIT 1")
                            .arg(SqlDialect(seen.driver()).jsonValue(QStringLiteral("payload"))),
                        QVariantList{e.contactId, e.type,
                                     SqlDialect(seen.driver()).jsonPath(columns.idName),
                                     cell(columns.id)},
                        &m_error))
                    return std::nullopt;
                const bool before = seen.next();
                seen.finish();
                if (before) {
                    ++report.duplicates;
                    continue;
                }
            }
            const auto recorded = intake.record(e);
            if (!recorded) {
                if (intake.isDatabaseError()) {
                    m_error = intake.errorString();
                    return std::nullopt;
                }
                reject(intake.errorField(), intake.errorString());
                continue;
            }
            ++report.imported;
        }
        if (!tx.commit()) {
            m_error = tx.errorString();
            return std::nullopt;
        }
    }
    if (!reader.ioError().isEmpty()) {
        m_error = tr("Reading %1 stopped: %2").arg(path, reader.ioError());
        return std::nullopt;
    }
    qCInfo(lcEvents) << "imported" << report.imported << "events from" << path << ","
                     << report.rejected << "rejected," << report.duplicates << "seen before";
    return report;
}

} // namespace masir
