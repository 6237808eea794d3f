#include "render/ReportChart.h"

#include "i18n/Formatter.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QGuiApplication>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QPieSeries>
#include <QStackedBarSeries>

#include <cmath>

namespace masir::ui {

namespace {

/// Round steps for an axis up to \a max: 0, 1, 2, 5, 10, 20, 50 ...
double niceStep(double max, int ticks)
{
    const double raw = std::max(max, 1.0) / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * magnitude)
            return m * magnitude;
    return 10 * magnitude;
}

/// A value axis whose labels are in the user's digits (Persian in Persian).
QCategoryAxis *valueAxis(double max)
{
    auto *axis = new QCategoryAxis;
    const double step = niceStep(max, 4);
    const int ticks = int(std::ceil(std::max(max, 1.0) / step));
    axis->setRange(0, step * ticks);
    axis->setStartValue(0);
    for (int i = 0; i <= ticks; ++i)
        axis->append(Formatter::number(qint64(step * i)), step * i);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    return axis;
}

} // namespace

ReportChart::ReportChart(const QString &name, QWidget *parent)
    : QChartView(parent)
{
    setObjectName(name);
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->setBackgroundRoundness(0);
    setMinimumHeight(220);
}

void ReportChart::display(const ChartSpec &spec)
{
    reset();
    switch (spec.kind) {
    case ChartSpec::Kind::Lines:
        showLines(spec);
        break;
    case ChartSpec::Kind::Bars:
        showBars(spec);
        break;
    case ChartSpec::Kind::Funnel:
        showFunnel(spec);
        break;
    case ChartSpec::Kind::Pie:
        showPie(spec);
        break;
    case ChartSpec::Kind::Stacked:
        showStacked(spec);
        break;
    case ChartSpec::Kind::None:
        break;
    }
}

void ReportChart::showLines(const ChartSpec &spec)
{
    const bool rtl = QGuiApplication::isRightToLeft();
    double max = 0;
    for (const auto &[title, values] : spec.series) {
        auto *series = new QLineSeries;
        series->setName(title);
        for (qsizetype i = 0; i < values.size(); ++i) {
            series->append(double(i), values.at(i));
            max = std::max(max, values.at(i));
        }
        chart()->addSeries(series);
    }
    const qsizetype count = spec.categories.size();
    auto *x = new QCategoryAxis;
    x->setRange(0, std::max<double>(1, double(count - 1)));
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const qsizetype every = std::max<qsizetype>(1, count / 6);
    for (qsizetype i = 0; i < count; i += every)
        x->append(spec.categories.at(i), double(i));
    x->setReverse(rtl);
    QCategoryAxis *y = valueAxis(max);
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, rtl ? Qt::AlignRight : Qt::AlignLeft);
    for (QAbstractSeries *s : chart()->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

void ReportChart::showBars(const ChartSpec &spec)
{
    const bool rtl = QGuiApplication::isRightToLeft();
    const QList<double> values = spec.series.value(0).second;
    // bars are drawn from the bottom up: the largest (the first) on top
    auto *set = new QBarSet(spec.series.value(0).first);
    double max = 0;
    for (qsizetype i = values.size() - 1; i >= 0; --i) {
        *set << values.at(i);
        max = std::max(max, values.at(i));
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(false);
    chart()->addSeries(series);
    auto *names = new QBarCategoryAxis;
    for (qsizetype i = spec.categories.size() - 1; i >= 0; --i)
        names->append(spec.categories.at(i));
    QCategoryAxis *counts = valueAxis(max);
    counts->setReverse(rtl);
    chart()->addAxis(names, rtl ? Qt::AlignRight : Qt::AlignLeft);
    chart()->addAxis(counts, Qt::AlignBottom);
    series->attachAxis(names);
    series->attachAxis(counts);
    chart()->legend()->setVisible(false);
}

void ReportChart::showFunnel(const ChartSpec &spec)
{
    const bool rtl = QGuiApplication::isRightToLeft();
    const QList<double> values = spec.series.value(0).second;
    double max = 0;
    for (double v : values)
        max = std::max(max, v);
    // each bar centred: an unseen margin, then the bar; the first stage on top
    auto *margin = new QBarSet(QString());
    margin->setColor(Qt::transparent);
    margin->setBorderColor(Qt::transparent);
    auto *bar = new QBarSet(spec.series.value(0).first);
    for (qsizetype i = values.size() - 1; i >= 0; --i) {
        *margin << (max - values.at(i)) / 2;
        *bar << values.at(i);
    }
    auto *series = new QHorizontalStackedBarSeries;
    series->append(margin);
    series->append(bar);
    series->setBarWidth(0.9);
    chart()->addSeries(series);
    auto *names = new QBarCategoryAxis;
    for (qsizetype i = spec.categories.size() - 1; i >= 0; --i)
        names->append(spec.categories.at(i));
    auto *width = new QCategoryAxis; // no labels: the table beside it has the numbers
    width->setRange(0, std::max(max, 1.0));
    width->setVisible(false);
    width->setReverse(rtl);
    chart()->addAxis(names, rtl ? Qt::AlignRight : Qt::AlignLeft);
    chart()->addAxis(width, Qt::AlignBottom);
    series->attachAxis(names);
    series->attachAxis(width);
    chart()->legend()->setVisible(false);
}

void ReportChart::showPie(const ChartSpec &spec)
{
    auto *series = new QPieSeries;
    const QList<double> values = spec.series.value(0).second;
    for (qsizetype i = 0; i < values.size(); ++i)
        if (values.at(i) > 0) // an empty slice only crowds the legend
            series->append(spec.categories.value(i), values.at(i));
    series->setPieSize(0.8);
    chart()->addSeries(series);
    // the legend on the side a reader ends on
    chart()->legend()->setAlignment(QGuiApplication::isRightToLeft() ? Qt::AlignLeft
                                                                     : Qt::AlignRight);
}

void ReportChart::showStacked(const ChartSpec &spec)
{
    const bool rtl = QGuiApplication::isRightToLeft();
    auto *series = new QStackedBarSeries;
    QList<double> totals(spec.categories.size(), 0.0);
    for (const auto &[title, values] : spec.series) {
        auto *set = new QBarSet(title);
        for (qsizetype i = 0; i < spec.categories.size(); ++i) {
            const double v = std::max(0.0, values.value(i));
            *set << v;
            totals[i] += v;
        }
        series->append(set);
    }
    chart()->addSeries(series);
    auto *names = new QBarCategoryAxis;
    names->append(spec.categories);
    names->setReverse(rtl);
    double max = 0;
    for (double t : totals)
        max = std::max(max, t);
    QCategoryAxis *values = valueAxis(max);
    chart()->addAxis(names, Qt::AlignBottom);
    chart()->addAxis(values, rtl ? Qt::AlignRight : Qt::AlignLeft);
    series->attachAxis(names);
    series->attachAxis(values);
}

void ReportChart::reset()
{
    chart()->removeAllSeries();
    for (QAbstractAxis *axis : chart()->axes()) {
        chart()->removeAxis(axis);
        delete axis;
    }
    chart()->legend()->setVisible(true);
    chart()->legend()->setAlignment(Qt::AlignBottom);
}

} // namespace masir::ui
