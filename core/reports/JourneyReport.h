#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// One step of a journey, with the contacts at it and through it.
struct JourneyStepFigures
{
    QString nodeId;
    QString type;    ///< the node type's key
    QString label;   ///< the node type's name
    QString summary; ///< what it does ("Send welcome.hello")
    qint64 waiting = 0;
    qint64 passed = 0;
    qint64 converted = -1; ///< of those who passed, who reached a goal (-1: no goal)
};

struct JourneyFigures
{
    qint64 journeyId = 0;
    QString name;
    QString status;
    qint64 entered = 0;
    qint64 active = 0;
    qint64 completed = 0;
    qint64 exited = 0;
    qint64 converted = -1;      ///< enrolments that reached a goal (-1: the journey has none)
    qint64 medianToGoalMs = -1; ///< from entering to the first goal
    qint64 purchases = 0;       ///< whose last marketing message was the journey's
    double revenue = 0;
    QList<JourneyStepFigures> steps; ///< in the order they are drawn, top to bottom

    double conversionRate() const;
    QJsonObject toJson() const;
    QList<QStringList> rows() const;
};

/// A journey's report (Reports → Journey, `masir-cli report journey`): how many
/// entered, are in it, finished and left; its steps with the contacts waiting
/// at and gone through each and, when it has a goal, how many of them reached
/// it; the median time to the goal; purchases and revenue by last touch.
class JourneyReport final
{
    Q_DECLARE_TR_FUNCTIONS(masir::JourneyReport)

public:
    explicit JourneyReport(const Database &db);

    std::optional<JourneyFigures> build(qint64 journeyId);
    QString errorString() const { return m_error; }

private:
    bool enrolments(JourneyFigures &f);
    bool timeToGoal(JourneyFigures &f, const QStringList &goals);
    bool revenue(JourneyFigures &f);

    const Database &m_db;
    QString m_error;
};

} // namespace masir
