#include "campaigns/AbDecision.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace masir {

namespace {

double twoSidedP(double z)
{
    return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

QString variantName(int variant)
{
    return QString(QChar(u'A' + variant - 1));
}

} // namespace

double AbDecision::twoProportionP(qint64 k1, qint64 n1, qint64 k2, qint64 n2)
{
    if (n1 <= 0 || n2 <= 0)
        return 1;
    const double p = double(k1 + k2) / double(n1 + n2);
    const double se = std::sqrt(p * (1 - p) * (1.0 / double(n1) + 1.0 / double(n2)));
    if (se <= 0)
        return 1;
    return twoSidedP((double(k1) / double(n1) - double(k2) / double(n2)) / se);
}

double AbDecision::meansP(double sum1, double squares1, qint64 n1, double sum2, double squares2,
                          qint64 n2)
{
    if (n1 <= 1 || n2 <= 1)
        return 1;
    const double m1 = sum1 / double(n1), m2 = sum2 / double(n2);
    const double v1 = std::max(0.0, (squares1 - double(n1) * m1 * m1) / double(n1 - 1));
    const double v2 = std::max(0.0, (squares2 - double(n2) * m2 * m2) / double(n2 - 1));
    const double se = std::sqrt(v1 / double(n1) + v2 / double(n2));
    if (se <= 0)
        return 1;
    return twoSidedP((m1 - m2) / se);
}

AbDecision AbDecision::decide(const AbTest &test, const QList<CampaignFigures> &variants)
{
    AbDecision d;
    // Figures by variant number; a variant nobody got counts as nothing.
    QList<CampaignFigures> byVariant(test.variants.size());
    for (const CampaignFigures &f : variants)
        if (f.variant >= 1 && f.variant <= test.variants.size())
            byVariant[f.variant - 1] = f;
    const auto metric = [&](const CampaignFigures &f) -> double {
        switch (test.metric) {
        case AbTest::Metric::Opens:
            return double(f.uniqueOpens);
        case AbTest::Metric::Clicks:
            return double(f.uniqueClicks);
        case AbTest::Metric::Revenue:
            return f.revenue;
        }
        return 0;
    };
    for (const CampaignFigures &f : std::as_const(byVariant))
        d.rates << (f.delivered > 0 ? metric(f) / double(f.delivered) : 0.0);
    // The best and the runner-up; ties go to the earlier variant (A, the control).
    for (int i = 0; i < d.rates.size(); ++i) {
        if (d.best == 0 || d.rates.at(i) > d.rates.at(d.best - 1)) {
            d.runnerUp = d.best;
            d.best = i + 1;
        } else if (d.runnerUp == 0 || d.rates.at(i) > d.rates.at(d.runnerUp - 1)) {
            d.runnerUp = i + 1;
        }
    }
    if (d.best == 0 || d.runnerUp == 0)
        return d;
    const CampaignFigures &a = byVariant.at(d.best - 1);
    const CampaignFigures &b = byVariant.at(d.runnerUp - 1);
    if (test.metric == AbTest::Metric::Revenue)
        d.pValue = meansP(a.revenue, a.revenueSquares, a.delivered, b.revenue, b.revenueSquares,
                          b.delivered);
    else
        d.pValue = twoProportionP(qint64(metric(a)), a.delivered, qint64(metric(b)), b.delivered);
    d.conclusive = d.rates.at(d.best - 1) > d.rates.at(d.runnerUp - 1) && d.pValue < kSignificance;
    return d;
}

QJsonObject AbDecision::toJson() const
{
    QJsonArray r;
    for (double x : rates)
        r.append(x);
    return {{QStringLiteral("best"), best},
            {QStringLiteral("runnerUp"), runnerUp},
            {QStringLiteral("pValue"), pValue},
            {QStringLiteral("conclusive"), conclusive},
            {QStringLiteral("rates"), r}};
}

QString AbDecision::summary(const AbTest &test) const
{
    if (best == 0 || runnerUp == 0)
        return tr("The test had no results.");
    const QLocale locale;
    const auto rate = [&](int v) {
        const double x = rates.value(v - 1);
        return test.metric == AbTest::Metric::Revenue
                   ? locale.toString(x, 'f', 2)
                   : locale.toString(x * 100, 'f', 1) + QStringLiteral(" %");
    };
    const QString p = locale.toString(pValue, 'f', 3);
    if (!conclusive)
        return tr("Inconclusive: %1 (%2) and %3 (%4) differ no more than chance would (p = %5).")
            .arg(variantName(best), rate(best), variantName(runnerUp), rate(runnerUp), p);
    return tr("%1 won: %2 against %3 for %4 (p = %5).")
        .arg(variantName(best), rate(best), rate(runnerUp), variantName(runnerUp), p);
}

} // namespace masir
