#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

namespace masir {

class Database;
class StatementCache;
struct Journey;

/// Puts contacts into journeys, as each journey's entry policy allows (once,
/// always, once per period). The one writer of new enrolments: triggers, the
/// contact list's "Add to journey" and other journeys all enrol through it,
/// inside the caller's transaction.
class Enroller final
{
    Q_DISABLE_COPY_MOVE(Enroller)

public:
    explicit Enroller(const Database &db);
    ~Enroller();

    /// Enrols \a contactId in \a journey at \a nodeId: 1 if they entered, 0 if
    /// the policy said not again; nullopt with errorString() on an error.
    std::optional<qint64> enrol(const Journey &journey, const QString &nodeId, qint64 contactId,
                                qint64 now);
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    std::unique_ptr<StatementCache> m_statements; ///< prepared on first use
    QString m_error;
};

} // namespace masir
