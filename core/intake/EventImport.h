#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>
#include <optional>

namespace masir {

class Database;

/// A row of an event file that was not imported, or was imported with a
/// remark: where it is and what is wrong, as the contact import reports it.
struct EventImportIssue
{
    qint64 row = 0;
    qint64 line = 0;
    QString field;
    QString message;
    QString raw;
};

struct EventImportReport
{
    qint64 rows = 0;
    qint64 imported = 0;
    qint64 duplicates = 0; ///< rows whose order (or event) id was imported before
    qint64 rejected = 0;
    QList<EventImportIssue> issues;
};

/// Imports events from a CSV file (a shop's orders, a form tool's entries)
/// through EventIntake, so that scores, journeys and segments react to them as
/// to any event. Columns by their header (case and spaces ignored):
/// - the contact: `email` (or `contact_id`);
/// - the kind: `type`, or the default given (e.g. "purchase");
/// - the time: `at`, `time`, `date` or `created_at` (ISO 8601, a Jalali or
///   Gregorian date, or Unix seconds); now when there is none;
/// - an id: `order_id`, `event_id` or `id`; a row whose id was imported
///   before (same contact and type) is skipped, so importing the same export
///   twice doubles nothing;
/// - every other column goes into the event's properties, numbers as numbers
///   (Persian digits included).
/// Any encoding and delimiter the contact import reads. A bad row is reported
/// at its row and field and the rest go in.
class EventImport final
{
    Q_DECLARE_TR_FUNCTIONS(masir::EventImport)

public:
    EventImport(const Database &db, QString defaultType = {});

    std::optional<EventImportReport> run(const QString &path,
                                         const std::atomic<bool> *stop = nullptr);
    QString errorString() const { return m_error; }

    static constexpr int kBatchRows = 1000;

private:
    const Database &m_db;
    QString m_defaultType;
    QString m_error;
};

} // namespace masir
