#pragma once

#include "journeys/NodeBehaviour.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlQuery>
#include <QString>

#include <optional>

namespace masir {

class Clock;
class CompiledJourneys;
class Database;
class Enroller;
struct CompiledJourney;
struct JourneyNode;

/// Turns what happened since the last look into enrolments: for each active
/// journey, its triggers by source (events, new contacts, dates, segments,
/// score changes; see TriggerSource), each journey in one transaction with the
/// cursors that say how far it has looked. Then wakes contacts waiting for an
/// event that has happened.
class TriggerScanner final
{
    Q_DECLARE_TR_FUNCTIONS(masir::JourneyEngine)
    Q_DISABLE_COPY_MOVE(TriggerScanner)

public:
    TriggerScanner(const Database &db, const Clock &clock, CompiledJourneys &journeys,
                   Enroller &enroller);

    /// nullopt with errorString() when the database refused.
    std::optional<JourneyRunStats> scan();
    QString errorString() const { return m_error; }

private:
    /// How far a journey's triggers have looked (its row in journeys).
    struct Cursors
    {
        qint64 event = 0;
        qint64 contact = 0;
        QString date;
        qint64 score = 0;
    };
    /// A journey's trigger nodes, by how they enrol.
    struct Triggers
    {
        QList<const JourneyNode *> events;
        QList<const JourneyNode *> newContacts;
        QList<const JourneyNode *> dates;
        QList<const JourneyNode *> segments;
        QList<const JourneyNode *> scores;
    };

    bool scanJourney(const Journey &journey);
    static Triggers triggersOf(const CompiledJourney &c);
    bool scanEvents(const CompiledJourney &c, const QList<const JourneyNode *> &nodes,
                    qint64 &cursor);
    bool scanScores(const QList<const JourneyNode *> &nodes, qint64 &cursor);
    bool scanNewContacts(const QList<const JourneyNode *> &nodes, qint64 &cursor);
    bool scanDates(const QList<const JourneyNode *> &nodes, QString &cursor);
    bool scanSegment(const JourneyNode &node);
    /// The newest id of \a table, to start from when nothing listens to it.
    bool newest(const QString &table, qint64 &cursor);
    bool enrol(const QString &nodeId, qint64 contactId);
    bool enrolAll(const QString &nodeId, const QList<qint64> &contactIds);
    /// The ids \a q's first column gives.
    bool ids(QSqlQuery &q, const QString &sql, const QVariantList &binds, QList<qint64> &out);
    bool wakeWaiting();

    const Database &m_db;
    const Clock &m_clock;
    CompiledJourneys &m_journeys;
    Enroller &m_enroller;
    const Journey *m_journey = nullptr; ///< the journey being scanned
    qint64 m_now = 0;
    JourneyRunStats m_stats;
    QString m_error;
};

} // namespace masir
