#include "reports/ReportsPage.h"

#include "common/BackgroundTasks.h"
#include "exporting/CsvWriter.h"
#include "i18n/Formatter.h"
#include "widgets/DateEdit.h"
#include "widgets/MessageLabel.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace masir::ui {

namespace {

QString percent(double ratio)
{
    return Formatter::locale().toString(ratio * 100.0, 'f', 1) + QStringLiteral(" %");
}

QString money(double value)
{
    return Formatter::locale().toString(value, 'f', value == std::floor(value) ? 0 : 2);
}

/// "▲ 12.5 %" against the period before; empty when there is nothing to compare.
QString change(double now, double before)
{
    if (before == 0)
        return now == 0 ? QString() : ReportsPage::tr("new");
    const double ratio = (now - before) / std::abs(before);
    return (ratio >= 0 ? QStringLiteral("▲ ") : QStringLiteral("▼ ")) + percent(std::abs(ratio));
}

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

QTableWidget *numbersTable(const QString &name, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()));
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(false);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return t;
}

void setCell(QTableWidget *t, int row, int column, const QString &text, bool number)
{
    auto *item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignTrailing | Qt::AlignVCenter);
    t->setItem(row, column, item);
}

QString tableText(const QTableWidget *t)
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < t->columnCount(); ++c)
        header << t->horizontalHeaderItem(c)->text();
    lines << header.join(QLatin1Char('\t'));
    for (int r = 0; r < t->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < t->columnCount(); ++c)
            cells << (t->item(r, c) ? t->item(r, c)->text() : QString());
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

/// A chart in the user's digits and calendar, drawn right to left in a
/// right-to-left interface: time runs from the right, values on the right.
class ReportChart final : public QChartView
{
public:
    explicit ReportChart(const QString &name)
    {
        setObjectName(name);
        setRenderHint(QPainter::Antialiasing);
        chart()->legend()->setAlignment(Qt::AlignBottom);
        chart()->setMargins(QMargins(4, 4, 4, 4));
        chart()->setBackgroundRoundness(0);
        setMinimumHeight(220);
    }

    void showLines(const QList<QDate> &days, const QList<QPair<QString, QList<double>>> &lines)
    {
        reset();
        const bool rtl = QApplication::isRightToLeft();
        double max = 0;
        for (const auto &[title, values] : lines) {
            auto *series = new QLineSeries;
            series->setName(title);
            for (qsizetype i = 0; i < values.size(); ++i) {
                series->append(double(i), values.at(i));
                max = std::max(max, values.at(i));
            }
            chart()->addSeries(series);
        }
        auto *x = new QCategoryAxis;
        x->setRange(0, std::max<double>(1, double(days.size() - 1)));
        x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        const qsizetype every = std::max<qsizetype>(1, days.size() / 6);
        for (qsizetype i = 0; i < days.size(); i += every)
            x->append(Formatter::date(days.at(i)), double(i));
        x->setReverse(rtl);
        QCategoryAxis *y = valueAxis(max);
        chart()->addAxis(x, Qt::AlignBottom);
        chart()->addAxis(y, rtl ? Qt::AlignRight : Qt::AlignLeft);
        for (QAbstractSeries *s : chart()->series()) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
    }

    void showBars(const QString &title, const QStringList &categories, const QList<double> &values)
    {
        reset();
        const bool rtl = QApplication::isRightToLeft();
        // bars are drawn from the bottom up: the largest (the first) on top
        auto *set = new QBarSet(title);
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
        for (qsizetype i = categories.size() - 1; i >= 0; --i)
            names->append(categories.at(i));
        QCategoryAxis *counts = valueAxis(max);
        counts->setReverse(rtl);
        chart()->addAxis(names, rtl ? Qt::AlignRight : Qt::AlignLeft);
        chart()->addAxis(counts, Qt::AlignBottom);
        series->attachAxis(names);
        series->attachAxis(counts);
        chart()->legend()->setVisible(false);
    }

private:
    void reset()
    {
        chart()->removeAllSeries();
        for (QAbstractAxis *axis : chart()->axes()) {
            chart()->removeAxis(axis);
            delete axis;
        }
        chart()->legend()->setVisible(true);
    }
};

ReportsPage::ReportsPage(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_tasks(new BackgroundTasks(this))
{
    setObjectName(QStringLiteral("ReportsPage"));
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("reportPeriod"));
    m_preset->setAccessibleName(tr("Period"));
    m_preset->addItems({tr("Last 7 days"), tr("Last 30 days"), tr("Last 90 days"),
                        tr("This month"), tr("Last month"), tr("Custom")});
    m_from = makeDateEdit();
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_from->setAccessibleName(tr("From"));
    m_to = makeDateEdit();
    m_to->setObjectName(QStringLiteral("reportTo"));
    m_to->setAccessibleName(tr("To"));
    connect(m_preset, &QComboBox::activated, this, [this](int i) {
        if (i != Custom)
            setPreset(Preset(i));
    });
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (m_settingPeriod)
                return;
            m_preset->setCurrentIndex(Custom);
            refresh();
        });
    auto *periodLabel = new QLabel(tr("&Period:"));
    periodLabel->setBuddy(m_preset);
    auto *copy = new QPushButton(tr("&Copy"));
    copy->setObjectName(QStringLiteral("copyReport"));
    copy->setToolTip(tr("Copy every table of the report, to paste into a spreadsheet"));
    connect(copy, &QPushButton::clicked, this, &ReportsPage::copyToClipboard);
    auto *exportButton = new QPushButton(tr("&Export CSV…"));
    exportButton->setObjectName(QStringLiteral("exportReport"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Report"), QStringLiteral("dashboard.csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    m_busy = new QProgressBar;
    m_busy->setObjectName(QStringLiteral("reportBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    auto *top = new QHBoxLayout;
    top->addWidget(periodLabel);
    top->addWidget(m_preset);
    top->addWidget(m_from);
    top->addWidget(new QLabel(QStringLiteral("–")));
    top->addWidget(m_to);
    top->addWidget(m_busy);
    top->addStretch(1);
    top->addWidget(copy);
    top->addWidget(exportButton);

    m_error = new MessageLabel(MessageLabel::Kind::Error);
    m_error->setObjectName(QStringLiteral("reportError"));

    auto *tiles = new QGridLayout;
    const QList<QPair<QString, QString>> tileNames = {
        {QStringLiteral("newContacts"), tr("New contacts")},
        {QStringLiteral("leads"), tr("New leads (MQL, SQL)")},
        {QStringLiteral("emailsSent"), tr("Emails sent")},
        {QStringLiteral("deliveryRate"), tr("Delivered")},
        {QStringLiteral("openRate"), tr("People who opened")},
        {QStringLiteral("clickRate"), tr("People who clicked")},
        {QStringLiteral("unsubscribes"), tr("Unsubscribes")},
        {QStringLiteral("bounces"), tr("Bounces and complaints")},
        {QStringLiteral("revenue"), tr("Revenue")},
    };
    for (int i = 0; i < tileNames.size(); ++i)
        addTile(tiles, i, tileNames.at(i).first, tileNames.at(i).second);

    m_activityChart = new ReportChart(QStringLiteral("activityChart"));
    m_days = numbersTable(QStringLiteral("daysTable"),
                          {tr("Day"), tr("Emails sent"), tr("Opens"), tr("Clicks"),
                           tr("New contacts"), tr("Revenue")});
    m_sourcesChart = new ReportChart(QStringLiteral("sourcesChart"));
    m_sources = numbersTable(QStringLiteral("sourcesTable"), {tr("Source"), tr("New contacts")});
    m_campaigns = numbersTable(QStringLiteral("campaignsTable"),
                               {tr("Campaign"), tr("Recipients"), tr("Conversions"), tr("Revenue")});
    // the chart, and its numbers beside it (mirrored in right to left)
    const auto pair = [](QWidget *chart, QWidget *table) {
        auto *row = new QWidget;
        auto *box = new QHBoxLayout(row);
        box->setContentsMargins(0, 0, 0, 0);
        chart->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        table->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
        box->addWidget(chart, 3);
        box->addWidget(table, 2);
        return row;
    };
    auto *heading = [](const QString &text) {
        auto *l = new QLabel(text);
        QFont f = l->font();
        f.setBold(true);
        l->setFont(f);
        return l;
    }(tr("Sending, opens and clicks per day"));

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(tiles);
    layout->addWidget(heading);
    layout->addWidget(pair(m_activityChart, m_days), 2);
    auto *sourcesHeading = new QLabel(tr("New contacts by source"));
    sourcesHeading->setFont(heading->font());
    layout->addWidget(sourcesHeading);
    layout->addWidget(pair(m_sourcesChart, m_sources), 1);
    auto *campaignsHeading = new QLabel(tr("Top campaigns by revenue (started in the period)"));
    campaignsHeading->setFont(heading->font());
    layout->addWidget(campaignsHeading);
    layout->addWidget(m_campaigns, 1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *outer = new QVBoxLayout(this);
    outer->addLayout(top);
    outer->addWidget(m_error);
    outer->addWidget(scroll, 1);
    setPreset(Last30);
}

void ReportsPage::addTile(QGridLayout *grid, int index, const QString &key, const QString &title)
{
    auto *frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    auto *box = new QVBoxLayout(frame);
    auto *name = new QLabel(title);
    name->setEnabled(false);
    auto *value = new QLabel;
    value->setObjectName(QStringLiteral("tile_") + key);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    value->setFont(big);
    value->setTextFormat(Qt::PlainText);
    auto *delta = new QLabel;
    delta->setObjectName(QStringLiteral("change_") + key);
    box->addWidget(name);
    box->addWidget(value);
    box->addWidget(delta);
    grid->addWidget(frame, index / 5, index % 5);
    m_tiles.insert(key, value);
}

QLabel *ReportsPage::tile(const QString &key) const
{
    return m_tiles.value(key);
}

void ReportsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void ReportsPage::setPreset(Preset preset)
{
    const QDate today = QDate::currentDate();
    const QCalendar calendar = Formatter::calendar();
    const QCalendar::YearMonthDay ymd = calendar.partsFromDate(today);
    const QDate monthStart = calendar.dateFromParts(ymd.year, ymd.month, 1);
    switch (preset) {
    case Last7:
        setPeriod(today.addDays(-6), today);
        break;
    case Last30:
        setPeriod(today.addDays(-29), today);
        break;
    case Last90:
        setPeriod(today.addDays(-89), today);
        break;
    case ThisMonth:
        setPeriod(monthStart, today);
        break;
    case LastMonth: {
        const QDate lastMonthEnd = monthStart.addDays(-1);
        const QCalendar::YearMonthDay p = calendar.partsFromDate(lastMonthEnd);
        setPeriod(calendar.dateFromParts(p.year, p.month, 1), lastMonthEnd);
        break;
    }
    case Custom:
        break;
    }
    m_preset->setCurrentIndex(preset);
}

void ReportsPage::setPeriod(QDate first, QDate last)
{
    m_settingPeriod = true;
    m_from->setDate(first);
    m_to->setDate(last);
    m_settingPeriod = false;
    refresh();
}

ReportPeriod ReportsPage::period() const
{
    return {m_from->date(), m_to->date(), QTimeZone::systemTimeZone()};
}

bool ReportsPage::isBusy() const
{
    return m_tasks->isBusy();
}

void ReportsPage::refresh()
{
    if (!isVisible() && !m_dashboard && sender() == nullptr)
        return; // read when first shown
    const ReportPeriod p = period();
    if (p.last < p.first) {
        m_error->showMessage(tr("The period ends before it starts: choose a later end."));
        return;
    }
    m_busy->show();
    const Database &db = m_db;
    m_tasks->run(
        [&db, p]() -> std::pair<std::optional<Dashboard>, QString> {
            DashboardReport report(db);
            auto d = report.build(p);
            return {std::move(d), report.errorString()};
        },
        [this](std::pair<std::optional<Dashboard>, QString> result) {
            showDashboard(result.first, result.second);
        },
        QStringLiteral("dashboard"));
}

void ReportsPage::showDashboard(const std::optional<Dashboard> &dashboard, const QString &error)
{
    m_busy->hide();
    if (!dashboard) {
        m_error->showMessage(tr("Cannot read the report: %1").arg(error));
        Q_EMIT dashboardShown();
        return;
    }
    m_error->showMessage(QString());
    m_dashboard = dashboard;
    fillTiles(*dashboard);
    fillTables(*dashboard);
    QList<QDate> days;
    QList<double> sent, opens, clicks;
    for (const DashboardDay &d : dashboard->days) {
        days << d.day;
        sent << double(d.emailsSent);
        opens << double(d.opens);
        clicks << double(d.clicks);
    }
    m_activityChart->showLines(
        days, {{tr("Emails sent"), sent}, {tr("Opens"), opens}, {tr("Clicks"), clicks}});
    QStringList names;
    QList<double> counts;
    for (const DashboardSource &s : dashboard->sources) {
        names << (s.source.isEmpty() ? tr("Not known") : s.source);
        counts << double(s.contacts);
    }
    m_sourcesChart->showBars(tr("New contacts"), names, counts);
    Q_EMIT dashboardShown();
}

void ReportsPage::fillTiles(const Dashboard &d)
{
    const DashboardFigures &n = d.figures;
    const DashboardFigures &b = d.before;
    const auto set = [this](const QString &key, const QString &value, double now, double before) {
        m_tiles.value(key)->setText(value);
        if (auto *delta = findChild<QLabel *>(QStringLiteral("change_") + key))
            delta->setText(change(now, before));
    };
    set(QStringLiteral("newContacts"), Formatter::number(n.newContacts), double(n.newContacts),
        double(b.newContacts));
    const qint64 leads = n.leads + n.mqls + n.sqls;
    set(QStringLiteral("leads"),
        tr("%1 (%2, %3)")
            .arg(Formatter::number(leads), Formatter::number(n.mqls), Formatter::number(n.sqls)),
        double(leads), double(b.leads + b.mqls + b.sqls));
    set(QStringLiteral("emailsSent"), Formatter::number(n.emailsSent), double(n.emailsSent),
        double(b.emailsSent));
    set(QStringLiteral("deliveryRate"), percent(n.deliveryRate()), n.deliveryRate(),
        b.deliveryRate());
    set(QStringLiteral("openRate"), percent(n.openRate()), n.openRate(), b.openRate());
    set(QStringLiteral("clickRate"), percent(n.clickRate()), n.clickRate(), b.clickRate());
    set(QStringLiteral("unsubscribes"), Formatter::number(n.unsubscribes), double(n.unsubscribes),
        double(b.unsubscribes));
    set(QStringLiteral("bounces"),
        tr("%1 · %2").arg(Formatter::number(n.bounces), Formatter::number(n.complaints)),
        double(n.bounces + n.complaints), double(b.bounces + b.complaints));
    set(QStringLiteral("revenue"), money(n.revenue), n.revenue, b.revenue);
}

void ReportsPage::fillTables(const Dashboard &d)
{
    m_days->setRowCount(int(d.days.size()));
    for (int r = 0; r < d.days.size(); ++r) {
        const DashboardDay &day = d.days.at(r);
        setCell(m_days, r, 0, Formatter::date(day.day), false);
        setCell(m_days, r, 1, Formatter::number(day.emailsSent), true);
        setCell(m_days, r, 2, Formatter::number(day.opens), true);
        setCell(m_days, r, 3, Formatter::number(day.clicks), true);
        setCell(m_days, r, 4, Formatter::number(day.newContacts), true);
        setCell(m_days, r, 5, money(day.revenue), true);
    }
    m_sources->setRowCount(int(d.sources.size()));
    for (int r = 0; r < d.sources.size(); ++r) {
        const DashboardSource &s = d.sources.at(r);
        setCell(m_sources, r, 0, s.source.isEmpty() ? tr("Not known") : s.source, false);
        setCell(m_sources, r, 1, Formatter::number(s.contacts), true);
    }
    m_campaigns->setRowCount(int(d.campaigns.size()));
    for (int r = 0; r < d.campaigns.size(); ++r) {
        const DashboardCampaign &c = d.campaigns.at(r);
        setCell(m_campaigns, r, 0, c.name, false);
        setCell(m_campaigns, r, 1, Formatter::number(c.recipients), true);
        setCell(m_campaigns, r, 2, Formatter::number(c.conversions), true);
        setCell(m_campaigns, r, 3, money(c.revenue), true);
    }
}

QString ReportsPage::tablesAsText() const
{
    QStringList parts;
    if (m_dashboard) {
        QStringList tiles;
        for (auto it = m_tiles.constBegin(); it != m_tiles.constEnd(); ++it)
            tiles << it.key() + QLatin1Char('\t') + it.value()->text();
        tiles.sort();
        parts << tiles.join(QLatin1Char('\n'));
    }
    for (const QTableWidget *t : {m_days, m_sources, m_campaigns})
        parts << tableText(t);
    return parts.join(QStringLiteral("\n\n"));
}

void ReportsPage::copyToClipboard()
{
    QApplication::clipboard()->setText(tablesAsText());
    Q_EMIT statusMessage(tr("The report's tables are on the clipboard."), 4000);
}

bool ReportsPage::exportCsv(const QString &path)
{
    if (!m_dashboard)
        return false;
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    CsvWriter csv(&file);
    if (ok) {
        csv.writeBom(); // Excel reads UTF-8 (Persian names) only with it
        for (const QStringList &row : m_dashboard->figureRows())
            ok = ok && csv.writeRow(row);
        ok = ok && csv.writeRow({});
        for (const QStringList &row : m_dashboard->dayRows())
            ok = ok && csv.writeRow(row);
        ok = ok && file.commit();
    }
    Q_EMIT statusMessage(ok ? tr("Exported the report to %1.")
                                  .arg(Formatter::leftToRight(QDir::toNativeSeparators(path)))
                            : tr("Cannot write %1: %2")
                                  .arg(Formatter::leftToRight(QDir::toNativeSeparators(path)),
                                       file.errorString()),
                         ok ? 5000 : 0);
    return ok;
}

} // namespace masir::ui
