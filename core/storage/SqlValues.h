#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>

namespace masir::SqlValues {

/// A text value for a NOT NULL column: Qt binds a null QString as SQL NULL, so an
/// empty value must be bound as an empty, non-null string.
inline QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString(u""_qs)) : QVariant(s);
}

/// An id or a time in milliseconds, or NULL for 0 (none).
inline QVariant orNull(qint64 value)
{
    return value ? QVariant(value) : QVariant(QMetaType::fromType<qint64>());
}

/// Milliseconds since the epoch (UTC), or NULL for an invalid time.
inline QVariant millis(const QDateTime &dt)
{
    return dt.isValid() ? QVariant(dt.toMSecsSinceEpoch())
                        : QVariant(QMetaType(QMetaType::LongLong));
}

/// yyyy-MM-dd, or NULL for an invalid date.
inline QVariant isoDate(QDate d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate))
                       : QVariant(QMetaType(QMetaType::QString));
}

} // namespace masir::SqlValues
