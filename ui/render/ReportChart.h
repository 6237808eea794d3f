#pragma once

#include "render/ReportDocument.h"

#include <QChartView>

namespace masir::ui {

/// A report's chart, on screen and in the PDF alike: in the user's digits and
/// calendar, drawn right to left in a right-to-left interface (time runs from
/// the right, values on the right).
class ReportChart final : public QChartView
{
    Q_OBJECT

public:
    explicit ReportChart(const QString &name, QWidget *parent = nullptr);

    void display(const ChartSpec &spec);

private:
    void showLines(const ChartSpec &spec);
    void showBars(const ChartSpec &spec);
    void showFunnel(const ChartSpec &spec);
    void showPie(const ChartSpec &spec);
    void showStacked(const ChartSpec &spec);
    void reset();
};

} // namespace masir::ui
