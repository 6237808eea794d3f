#pragma once

#include "campaigns/Campaign.h"
#include "campaigns/CampaignReport.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace masir {

/// The outcome of an A/B test from its variants' figures: the best variant,
/// and whether it is better than the runner-up beyond chance (two-sided p <
/// 0.05: a two-proportion z-test for opens and clicks, a z-test of the means
/// for revenue per recipient). Only human opens and clicks count.
struct AbDecision
{
    Q_DECLARE_TR_FUNCTIONS(masir::AbDecision)

public:
    static constexpr double kSignificance = 0.05;

    int best = 0;     ///< the variant that did best (1-based)
    int runnerUp = 0; ///< the next best
    double pValue = 1;
    bool conclusive = false;
    QList<double> rates; ///< per variant: the metric per delivered message

    static AbDecision decide(const AbTest &test, const QList<CampaignFigures> &variants);
    /// Two-sided p-value that proportions k1/n1 and k2/n2 differ by chance.
    static double twoProportionP(qint64 k1, qint64 n1, qint64 k2, qint64 n2);
    /// Two-sided p-value that means (from sums and sums of squares) differ by chance.
    static double meansP(double sum1, double squares1, qint64 n1, double sum2, double squares2,
                         qint64 n2);
    QJsonObject toJson() const;
    /// One sentence: "B won: 31.2 % against 24.0 % (p = 0.003)" or "Inconclusive…".
    QString summary(const AbTest &test) const;
};

} // namespace masir
