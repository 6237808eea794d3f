#include "reports/ReportView.h"

#include "render/ReportChart.h"
#include "reports/ReportWidgets.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace masir::ui {

ReportView::ReportView(const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_name(name)
{
    setObjectName(name);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tiles = new QGridLayout;
    m_sections = new QVBoxLayout;
    layout->addLayout(m_tiles);
    layout->addLayout(m_sections, 1);
}

void ReportView::build(const ReportDocument &doc)
{
    for (qsizetype i = 0; i < doc.tiles.size() && m_values.size() < doc.tiles.size(); ++i)
        m_values.insert(doc.tiles.at(i).key,
                        reportTile(m_tiles, int(i), m_name + QLatin1Char('.') + doc.tiles.at(i).key,
                                   doc.tiles.at(i).name));
    for (qsizetype i = 0; i < doc.sections.size(); ++i) {
        const ReportSection &s = doc.sections.at(i);
        Section view;
        view.heading = heading(s.heading);
        m_sections->addWidget(view.heading);
        view.table = numbersTable(QStringLiteral("%1.table%2").arg(m_name).arg(i));
        // a chart's place is kept even while it has nothing to draw
        view.chart = new ReportChart(QStringLiteral("%1.chart%2").arg(m_name).arg(i));
        m_sections->addWidget(besideEachOther(view.chart, view.table), 1);
        m_views << view;
    }
}

void ReportView::display(const ReportDocument &doc)
{
    if (m_views.size() != doc.sections.size()) {
        while (QLayoutItem *item = m_sections->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        m_views.clear();
        build(doc);
    }
    for (const ReportTile &t : doc.tiles)
        if (QLabel *value = m_values.value(t.key)) {
            value->setText(t.change.isEmpty() ? t.value : tr("%1 (%2)").arg(t.value, t.change));
        }
    for (qsizetype i = 0; i < doc.sections.size(); ++i) {
        const ReportSection &s = doc.sections.at(i);
        Section &view = m_views[i];
        view.heading->setText(s.heading);
        fill(view.table, s);
        // its rows in sight, up to a screenful: the page scrolls, not each table
        view.table->setMinimumHeight(std::min(
            360, view.table->horizontalHeader()->sizeHint().height() +
                     view.table->verticalHeader()->length() + 2 * view.table->frameWidth() + 2));
        view.chart->setVisible(s.chart.kind != ChartSpec::Kind::None);
        view.chart->display(s.chart);
    }
}

QTableWidget *ReportView::table(int index) const
{
    return index < m_views.size() ? m_views.at(index).table : nullptr;
}

} // namespace masir::ui
