#include "reports/ReportsPage.h"
#include "widgets/Icons.h"

#include "campaigns/CampaignReport.h"
#include "campaigns/CampaignRepository.h"
#include "common/BackgroundTasks.h"
#include "exporting/CsvWriter.h"
#include "i18n/Formatter.h"
#include "journeys/JourneyRepository.h"
#include "render/ReportChart.h"
#include "render/ReportPdf.h"
#include "reports/AcquisitionCostsDialog.h"
#include "reports/ReportView.h"
#include "reports/ReportWidgets.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"
#include "widgets/DateEdit.h"
#include "widgets/MessageLabel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace masir::ui {

ReportsPage::ReportsPage(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_tasks(new BackgroundTasks(this))
{
    setObjectName(QStringLiteral("ReportsPage"));
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("reportPeriod"));
    m_preset->setAccessibleName(tr("Period"));
    m_preset->addItems({tr("Last 7 days"), tr("Last 30 days"), tr("Last 90 days"), tr("This month"),
                        tr("Last month"), tr("Custom")});
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
    copy->setToolTip(tr("Copy the report's tables, to paste into a spreadsheet"));
    connect(copy, &QPushButton::clicked, this, &ReportsPage::copyToClipboard);
    auto *exportButton = new QPushButton(tr("&Export"));
    exportButton->setObjectName(QStringLiteral("exportReport"));
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(Icons::icon(QStringLiteral("export")), tr("PDF Document…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Report"), QStringLiteral("report.pdf"), tr("PDF documents (*.pdf)"));
        if (!path.isEmpty())
            exportPdf(path);
    });
    exportMenu->addAction(
        Icons::icon(QStringLiteral("export")), tr("CSV for a Spreadsheet…"), this, [this] {
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Export Report"), QStringLiteral("report.csv"), tr("CSV files (*.csv)"));
            if (!path.isEmpty())
                exportCsv(path);
        });
    exportButton->setMenu(exportMenu);
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

    m_reports = new QTabWidget;
    m_reports->setObjectName(QStringLiteral("reportTabs"));
    m_reports->setDocumentMode(true);
    m_reports->addTab(makeDashboardTab(), tr("Dashboard"));
    m_reports->addTab(makeFunnelTab(), tr("Funnel"));
    m_reports->addTab(makeCustomersTab(), tr("Customers (RFM)"));
    m_reports->addTab(makeCampaignTab(), tr("Campaign"));
    m_reports->addTab(makeJourneyTab(), tr("Journey"));
    m_reports->addTab(makeRevenueTab(), tr("Revenue"));
    connect(m_reports, &QTabWidget::currentChanged, this, [this](int tab) {
        periodApplies(tab);
        if (tab == CampaignReportTab)
            loadCampaigns();
        if (tab == JourneyReportTab)
            loadJourneys();
        refresh();
    });

    auto *outer = new QVBoxLayout(this);
    outer->addLayout(top);
    outer->addWidget(m_error);
    outer->addWidget(m_reports, 1);
    setPreset(Last30);
}

QWidget *ReportsPage::makeDashboardTab()
{
    m_tileGrid = new QGridLayout; // filled with the first dashboard read
    m_activityChart = new ReportChart(QStringLiteral("activityChart"));
    m_days = numbersTable(QStringLiteral("daysTable"));
    m_sourcesChart = new ReportChart(QStringLiteral("sourcesChart"));
    m_sources = numbersTable(QStringLiteral("sourcesTable"));
    m_campaigns = numbersTable(QStringLiteral("campaignsTable"));

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(m_tileGrid);
    layout->addWidget(heading(tr("Sending, opens and clicks per day")));
    layout->addWidget(besideEachOther(m_activityChart, m_days), 2);
    layout->addWidget(heading(tr("New contacts by source")));
    layout->addWidget(besideEachOther(m_sourcesChart, m_sources), 1);
    layout->addWidget(heading(tr("Top campaigns by revenue (started in the period)")));
    layout->addWidget(m_campaigns, 1);
    m_journeys = numbersTable(QStringLiteral("journeysTable"));
    layout->addWidget(heading(tr("Top journeys by revenue (purchases in the period, last touch)")));
    layout->addWidget(m_journeys, 1);
    return scrolling(content);
}

QWidget *ReportsPage::makeFunnelTab()
{
    m_funnelBasis = new QComboBox;
    m_funnelBasis->setObjectName(QStringLiteral("funnelBasis"));
    m_funnelBasis->addItem(tr("Stages reached in the period"), int(Funnel::Basis::Period));
    m_funnelBasis->addItem(tr("Contacts who came in the period, to today"),
                           int(Funnel::Basis::Cohort));
    connect(m_funnelBasis, &QComboBox::activated, this, &ReportsPage::refresh);
    auto *basisLabel = new QLabel(tr("C&ount:"));
    basisLabel->setBuddy(m_funnelBasis);
    auto *basisRow = new QHBoxLayout;
    basisRow->addWidget(basisLabel);
    basisRow->addWidget(m_funnelBasis);
    basisRow->addStretch(1);
    m_funnelChart = new ReportChart(QStringLiteral("funnelChart"));
    m_funnelTable = numbersTable(QStringLiteral("funnelTable"));
    auto *note = new QLabel(tr("A contact who skipped a stage counts in it when following "
                               "contacts who came; times are medians over the contacts with "
                               "both stages on record."));
    note->setWordWrap(true);
    note->setEnabled(false);
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(basisRow);
    layout->addWidget(besideEachOther(m_funnelChart, m_funnelTable, 1, 1), 1);
    layout->addWidget(note);
    return tab;
}

QWidget *ReportsPage::makeCustomersTab()
{
    auto *note = new QLabel(tr("Every customer as of today, scored 1 to 5 on how recently, how "
                               "often and how much they bought (5 the best), in the usual groups. "
                               "A group saved as a segment keeps today's thresholds and follows "
                               "the customers as they buy."));
    note->setWordWrap(true);
    m_rfmChart = new ReportChart(QStringLiteral("rfmChart"));
    m_rfmTable = numbersTable(QStringLiteral("rfmTable"));
    m_rfmTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rfmGrid = numbersTable(QStringLiteral("rfmGrid"));
    m_saveSegment = new QPushButton(tr("&Save Group as Segment"));
    m_saveSegment->setObjectName(QStringLiteral("saveRfmSegment"));
    m_saveSegment->setEnabled(false);
    connect(m_rfmTable, &QTableWidget::itemSelectionChanged, this,
            [this] { m_saveSegment->setEnabled(!m_rfmTable->selectedItems().isEmpty()); });
    connect(m_saveSegment, &QPushButton::clicked, this, [this] {
        const QList<QTableWidgetItem *> selected = m_rfmTable->selectedItems();
        if (!selected.isEmpty())
            saveGroupAsSegment(selected.first()->row());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_saveSegment);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(note);
    layout->addWidget(besideEachOther(m_rfmChart, m_rfmTable, 2, 3), 2);
    layout->addLayout(buttons);
    layout->addWidget(heading(tr("Customers by recency and frequency scores")));
    layout->addWidget(m_rfmGrid, 1);
    return scrolling(content);
}

QWidget *ReportsPage::makeCampaignTab()
{
    m_campaignPick = new QComboBox;
    m_campaignPick->setObjectName(QStringLiteral("campaignPick"));
    m_campaignPick->setMinimumContentsLength(24);
    connect(m_campaignPick, &QComboBox::activated, this, &ReportsPage::refresh);
    auto *pickLabel = new QLabel(tr("Ca&mpaign:"));
    pickLabel->setBuddy(m_campaignPick);
    m_touch = new QComboBox;
    m_touch->setObjectName(QStringLiteral("attributionTouch"));
    m_touch->addItem(tr("Last touch"), QStringLiteral("last"));
    m_touch->addItem(tr("First touch"), QStringLiteral("first"));
    m_touch->setToolTip(tr("Which campaign a purchase counts for: the one whose message came "
                           "last before it, or first, within the attribution window"));
    const QString model =
        WorkspaceSettings(m_db).value(WorkspaceSettings::Key::AttributionModel).toString();
    m_touch->setCurrentIndex(std::max(0, m_touch->findData(model)));
    connect(m_touch, &QComboBox::activated, this, [this] {
        if (!WorkspaceSettings(m_db).setValue(WorkspaceSettings::Key::AttributionModel,
                                              m_touch->currentData()))
            m_error->showMessage(tr("Cannot save the choice of attribution."));
        showCampaignDocument();
    });
    auto *touchLabel = new QLabel(tr("Purchases &by:"));
    touchLabel->setBuddy(m_touch);
    auto *window = new QSpinBox;
    window->setObjectName(QStringLiteral("attributionDays"));
    window->setRange(1, 365);
    window->setValue(
        WorkspaceSettings(m_db).value(WorkspaceSettings::Key::AttributionDays).toInt());
    window->setPrefix(tr("within "));
    window->setSuffix(tr(" days"));
    window->setToolTip(tr("How long after a message a purchase still counts for it. Purchases "
                          "are given as they come: a new window counts from now on."));
    connect(window, &QSpinBox::editingFinished, this, [this, window] {
        WorkspaceSettings settings(m_db);
        if (settings.value(WorkspaceSettings::Key::AttributionDays).toInt() == window->value())
            return;
        if (!settings.setValue(WorkspaceSettings::Key::AttributionDays, window->value()))
            m_error->showMessage(tr("Cannot save the attribution window."));
        showCampaignDocument();
    });
    auto *pickRow = new QHBoxLayout;
    pickRow->addWidget(pickLabel);
    pickRow->addWidget(m_campaignPick);
    pickRow->addSpacing(16);
    pickRow->addWidget(touchLabel);
    pickRow->addWidget(m_touch);
    pickRow->addWidget(window);
    pickRow->addStretch(1);

    m_campaignTiles = new QGridLayout;
    m_campaignResults = numbersTable(QStringLiteral("campaignResults"));
    m_hoursChart = new ReportChart(QStringLiteral("hoursChart"));
    m_hoursTable = numbersTable(QStringLiteral("hoursTable"));
    m_linksChart = new ReportChart(QStringLiteral("linksChart"));
    m_campaignLinks = numbersTable(QStringLiteral("linksTable"));
    m_campaignNote = new QLabel;
    m_campaignNote->setWordWrap(true);
    m_campaignNote->setEnabled(false);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(pickRow);
    layout->addLayout(m_campaignTiles);
    layout->addWidget(m_campaignResults, 1);
    layout->addWidget(heading(tr("Opens and clicks by people in the hours after sending")));
    layout->addWidget(besideEachOther(m_hoursChart, m_hoursTable), 1);
    layout->addWidget(heading(tr("Clicks by people on each link (the click map)")));
    layout->addWidget(besideEachOther(m_linksChart, m_campaignLinks), 1);
    layout->addWidget(m_campaignNote);
    return scrolling(content);
}

void ReportsPage::periodApplies(int tab)
{
    // the customers are as of today, a campaign and a journey are their own
    const bool applies =
        tab == DashboardReportTab || tab == FunnelReportTab || tab == RevenueReportTab;
    for (QWidget *w : std::initializer_list<QWidget *>{m_preset, m_from, m_to})
        w->setEnabled(applies);
}

QWidget *ReportsPage::makeJourneyTab()
{
    m_journeyPick = new QComboBox;
    m_journeyPick->setObjectName(QStringLiteral("journeyPick"));
    m_journeyPick->setMinimumContentsLength(24);
    connect(m_journeyPick, &QComboBox::activated, this, &ReportsPage::refresh);
    auto *pickLabel = new QLabel(tr("&Journey:"));
    pickLabel->setBuddy(m_journeyPick);
    auto *pickRow = new QHBoxLayout;
    pickRow->addWidget(pickLabel);
    pickRow->addWidget(m_journeyPick);
    pickRow->addStretch(1);
    m_journeyTiles = new QGridLayout;
    m_journeyChart = new ReportChart(QStringLiteral("journeyChart"));
    m_journeySteps = numbersTable(QStringLiteral("journeySteps"));
    auto *note = new QLabel(tr("The journey's canvas shows the same counts on each step."));
    note->setEnabled(false);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(pickRow);
    layout->addLayout(m_journeyTiles);
    layout->addWidget(besideEachOther(m_journeyChart, m_journeySteps, 2, 3), 1);
    layout->addWidget(note);
    return scrolling(content);
}

QWidget *ReportsPage::makeRevenueTab()
{
    const WorkspaceSettings settings(m_db);
    const auto costBox = [this, &settings](const char *name, WorkspaceSettings::Key key) {
        auto *box = new QDoubleSpinBox;
        box->setObjectName(QLatin1String(name));
        box->setRange(0, 1e9);
        box->setDecimals(4);
        box->setValue(settings.value(key).toDouble());
        connect(box, &QDoubleSpinBox::editingFinished, this, [this, box, key] {
            WorkspaceSettings stored(m_db);
            if (stored.value(key).toDouble() == box->value())
                return;
            if (!stored.setValue(key, box->value()))
                m_error->showMessage(tr("Cannot save the cost per message."));
            refresh();
        });
        return box;
    };
    auto *email = costBox("costPerEmail", WorkspaceSettings::Key::CostPerEmail);
    auto *sms = costBox("costPerSms", WorkspaceSettings::Key::CostPerSms);
    auto *emailLabel = new QLabel(tr("Cost per &email:"));
    emailLabel->setBuddy(email);
    auto *smsLabel = new QLabel(tr("Cost per S&MS:"));
    smsLabel->setBuddy(sms);
    auto *costs = new QPushButton(tr("&Acquisition Costs…"));
    costs->setObjectName(QStringLiteral("acquisitionCosts"));
    costs->setToolTip(tr("What winning customers cost per month and source, for the cost of a "
                         "new customer"));
    connect(costs, &QPushButton::clicked, this, [this] {
        AcquisitionCostsDialog dialog(m_db, this);
        dialog.exec();
        refresh();
    });
    auto *row = new QHBoxLayout;
    row->addWidget(emailLabel);
    row->addWidget(email);
    row->addSpacing(16);
    row->addWidget(smsLabel);
    row->addWidget(sms);
    row->addStretch(1);
    row->addWidget(costs);
    m_revenueView = new ReportView(QStringLiteral("revenue"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(row);
    layout->addWidget(m_revenueView, 1);
    return scrolling(content);
}

void ReportsPage::loadJourneys()
{
    const qint64 current = m_journeyPick->currentData().toLongLong();
    m_journeyPick->clear();
    for (const Journey &j : JourneyRepository(m_db).list())
        m_journeyPick->addItem(j.name, j.id);
    m_journeyPick->setCurrentIndex(std::max(0, m_journeyPick->findData(current)));
}

void ReportsPage::showJourney(qint64 journeyId)
{
    const QSignalBlocker blocker(m_reports);
    m_reports->setCurrentIndex(JourneyReportTab);
    periodApplies(JourneyReportTab);
    loadJourneys();
    m_journeyPick->setCurrentIndex(std::max(0, m_journeyPick->findData(journeyId)));
    refresh();
}

void ReportsPage::loadCampaigns()
{
    const qint64 current = m_campaignPick->currentData().toLongLong();
    const auto campaigns = CampaignRepository(m_db).list();
    if (!campaigns) {
        m_error->showMessage(tr("Cannot read the campaigns."));
        return;
    }
    m_campaignPick->clear();
    // the ones sent, the latest first; drafts have nothing to show
    QList<Campaign> started;
    for (const Campaign &c : *campaigns)
        if (c.startedAtMs)
            started << c;
    std::sort(started.begin(), started.end(),
              [](const Campaign &a, const Campaign &b) { return a.startedAtMs > b.startedAtMs; });
    for (const Campaign &c : std::as_const(started))
        m_campaignPick->addItem(c.name, c.id);
    m_campaignPick->setCurrentIndex(std::max(0, m_campaignPick->findData(current)));
}

void ReportsPage::showCampaign(qint64 campaignId)
{
    const QSignalBlocker blocker(m_reports);
    m_reports->setCurrentIndex(CampaignReportTab);
    periodApplies(CampaignReportTab);
    loadCampaigns();
    m_campaignPick->setCurrentIndex(std::max(0, m_campaignPick->findData(campaignId)));
    refresh();
}

ReportDocuments::Touch ReportsPage::touch() const
{
    return m_touch->currentIndex() == 1 ? ReportDocuments::Touch::First
                                        : ReportDocuments::Touch::Last;
}

void ReportsPage::showCampaignDocument()
{
    if (!m_campaign)
        return;
    const int days = WorkspaceSettings(m_db).value(WorkspaceSettings::Key::AttributionDays).toInt();
    const ReportDocument doc =
        ReportDocuments::campaign(m_campaignInfo, *m_campaign, touch(), days);
    fillTiles(m_campaignTiles, doc, QStringLiteral("campaign."));
    fill(m_campaignResults, doc.sections.at(0));
    // every measure in sight: the page scrolls, not the table
    m_campaignResults->setMinimumHeight(m_campaignResults->horizontalHeader()->sizeHint().height() +
                                        m_campaignResults->verticalHeader()->length() +
                                        2 * m_campaignResults->frameWidth());
    m_hoursChart->display(doc.sections.at(1).chart);
    fill(m_hoursTable, doc.sections.at(1));
    m_linksChart->display(doc.sections.at(2).chart);
    fill(m_campaignLinks, doc.sections.at(2));
    m_campaignNote->setText(doc.sections.at(3).heading);
}

QString ReportsPage::saveGroupAsSegment(int row)
{
    if (!m_rfm || row < 0 || row >= m_rfm->groups.size())
        return QString();
    const RfmGroup &group = m_rfm->groups.at(row);
    SegmentRepository segments(m_db);
    Segment segment;
    segment.name = tr("RFM: %1").arg(RfmReport::groupLabel(group.key));
    if (segments.findByName(segment.name)) // another day's thresholds: keep both
        segment.name = tr("%1 (%2)").arg(segment.name, Formatter::date(QDate::currentDate()));
    segment.rule = RfmReport::segmentRule(*m_rfm, group);
    if (!segments.save(segment)) {
        m_error->showMessage(
            tr("Cannot save the segment \"%1\": %2").arg(segment.name, segments.errorString()));
        return QString();
    }
    Q_EMIT segmentSaved(segment.id);
    Q_EMIT statusMessage(
        tr("Saved the segment \"%1\" (%n customer(s) today).", nullptr, int(group.customers))
            .arg(segment.name),
        6000);
    return segment.name;
}

void ReportsPage::addTile(QGridLayout *grid, int index, const QString &key, const QString &title)
{
    m_tiles.insert(key, reportTile(grid, index, key, title));
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

void ReportsPage::showReport(Report report)
{
    m_reports->setCurrentIndex(report);
}

void ReportsPage::setFunnelBasis(Funnel::Basis basis)
{
    m_funnelBasis->setCurrentIndex(m_funnelBasis->findData(int(basis)));
    refresh();
}

void ReportsPage::refresh()
{
    if (!isVisible() && !m_dashboard && !m_funnel && !m_rfm && sender() == nullptr)
        return; // read when first shown
    const ReportPeriod p = period();
    if (p.last < p.first) {
        m_error->showMessage(tr("The period ends before it starts: choose a later end."));
        return;
    }
    m_busy->show();
    const Database &db = m_db;
    const int tab = m_reports->currentIndex();
    const auto basis = Funnel::Basis(m_funnelBasis->currentData().toInt());
    const qint64 campaignId = m_campaignPick->currentData().toLongLong();
    const qint64 journeyId = m_journeyPick->currentData().toLongLong();
    if (tab == JourneyReportTab && !journeyId) {
        m_busy->hide();
        m_error->showMessage(tr("There is no journey yet: make one on the Journeys page."));
        Q_EMIT reportShown();
        return;
    }
    if (tab == CampaignReportTab && !campaignId) {
        m_busy->hide();
        m_error->showMessage(tr("No campaign has started yet: its report comes with its first "
                                "messages."));
        Q_EMIT reportShown();
        return;
    }
    m_tasks->run(
        [&db, p, tab, basis, campaignId, journeyId]() -> Result {
            Result r;
            if (tab == RevenueReportTab) {
                RevenueReport report(db);
                r.revenue = report.build(p);
                r.error = report.errorString();
            } else if (tab == JourneyReportTab) {
                JourneyReport report(db);
                r.journey = report.build(journeyId);
                r.error = report.errorString();
            } else if (tab == CampaignReportTab) {
                CampaignReport report(db);
                r.campaign = report.build(campaignId);
                r.error = report.errorString();
                if (const auto c = CampaignRepository(db).find(campaignId))
                    r.campaignInfo = *c;
            } else if (tab == CustomersReportTab) {
                RfmReport report(db);
                r.rfm = report.build(QDateTime::currentMSecsSinceEpoch());
                r.error = report.errorString();
            } else if (tab == FunnelReportTab) {
                FunnelReport report(db);
                r.funnel = report.build(p, basis);
                r.error = report.errorString();
            } else {
                DashboardReport report(db);
                r.dashboard = report.build(p);
                r.error = report.errorString();
            }
            return r;
        },
        [this](const Result &result) { display(result); }, QStringLiteral("report"));
}

void ReportsPage::display(const Result &result)
{
    m_busy->hide();
    if (!result.dashboard && !result.funnel && !result.rfm && !result.campaign && !result.journey &&
        !result.revenue) {
        m_error->showMessage(tr("Cannot read the report: %1").arg(result.error));
        Q_EMIT reportShown();
        return;
    }
    m_error->showMessage(QString());
    if (result.dashboard) {
        m_dashboard = result.dashboard;
        const ReportDocument doc = ReportDocuments::dashboard(*m_dashboard);
        fillTiles(m_tileGrid, doc, QString());
        fill(m_days, doc.sections.at(0));
        m_activityChart->display(doc.sections.at(0).chart);
        fill(m_sources, doc.sections.at(1));
        m_sourcesChart->display(doc.sections.at(1).chart);
        fill(m_campaigns, doc.sections.at(2));
        fill(m_journeys, doc.sections.at(3));
    } else if (result.funnel) {
        m_funnel = result.funnel;
        const ReportDocument doc = ReportDocuments::funnel(*m_funnel);
        fill(m_funnelTable, doc.sections.at(0));
        m_funnelChart->display(doc.sections.at(0).chart);
    } else if (result.revenue) {
        m_revenue = result.revenue;
        m_revenueView->display(ReportDocuments::revenue(*m_revenue));
    } else if (result.journey) {
        m_journey = result.journey;
        const ReportDocument doc = ReportDocuments::journey(*m_journey);
        fillTiles(m_journeyTiles, doc, QStringLiteral("journey."));
        m_journeyChart->display(doc.sections.at(0).chart);
        fill(m_journeySteps, doc.sections.at(0));
    } else if (result.campaign) {
        m_campaign = result.campaign;
        m_campaignInfo = result.campaignInfo;
        showCampaignDocument();
    } else {
        m_rfm = result.rfm;
        const ReportDocument doc = ReportDocuments::rfm(*m_rfm);
        fill(m_rfmTable, doc.sections.at(0));
        m_rfmChart->display(doc.sections.at(0).chart);
        fill(m_rfmGrid, doc.sections.at(1));
        m_saveSegment->setEnabled(false);
    }
    Q_EMIT reportShown();
}

void ReportsPage::fillTiles(QGridLayout *grid, const ReportDocument &doc, const QString &prefix)
{
    for (qsizetype i = 0; i < doc.tiles.size(); ++i) {
        const ReportTile &t = doc.tiles.at(i);
        const QString key = prefix + t.key;
        if (!m_tiles.contains(key))
            addTile(grid, int(i), key, t.name);
        m_tiles.value(key)->setText(t.value);
        if (auto *name = findChild<QLabel *>(QStringLiteral("name_") + key))
            name->setText(t.name);
        if (auto *delta = findChild<QLabel *>(QStringLiteral("change_") + key))
            delta->setText(t.change);
    }
}

std::optional<ReportDocument> ReportsPage::document() const
{
    if (m_reports->currentIndex() == RevenueReportTab)
        return m_revenue ? std::optional(ReportDocuments::revenue(*m_revenue)) : std::nullopt;
    if (m_reports->currentIndex() == JourneyReportTab)
        return m_journey ? std::optional(ReportDocuments::journey(*m_journey)) : std::nullopt;
    if (m_reports->currentIndex() == CampaignReportTab) {
        if (!m_campaign)
            return std::nullopt;
        return ReportDocuments::campaign(
            m_campaignInfo, *m_campaign, touch(),
            WorkspaceSettings(m_db).value(WorkspaceSettings::Key::AttributionDays).toInt());
    }
    if (m_reports->currentIndex() == CustomersReportTab)
        return m_rfm ? std::optional(ReportDocuments::rfm(*m_rfm)) : std::nullopt;
    if (m_reports->currentIndex() == FunnelReportTab)
        return m_funnel ? std::optional(ReportDocuments::funnel(*m_funnel)) : std::nullopt;
    return m_dashboard ? std::optional(ReportDocuments::dashboard(*m_dashboard)) : std::nullopt;
}

QList<QList<QStringList>> ReportsPage::csvTables() const
{
    if (m_reports->currentIndex() == RevenueReportTab)
        return m_revenue ? m_revenue->tables() : QList<QList<QStringList>>{};
    if (m_reports->currentIndex() == JourneyReportTab)
        return m_journey ? QList<QList<QStringList>>{m_journey->rows()}
                         : QList<QList<QStringList>>{};
    if (m_reports->currentIndex() == CampaignReportTab)
        return m_campaign ? m_campaign->tables() : QList<QList<QStringList>>{};
    if (m_reports->currentIndex() == CustomersReportTab)
        return m_rfm ? QList<QList<QStringList>>{m_rfm->rows()} : QList<QList<QStringList>>{};
    if (m_reports->currentIndex() == FunnelReportTab)
        return m_funnel ? QList<QList<QStringList>>{m_funnel->rows()} : QList<QList<QStringList>>{};
    return m_dashboard
               ? QList<QList<QStringList>>{m_dashboard->figureRows(), m_dashboard->dayRows()}
               : QList<QList<QStringList>>{};
}

QString ReportsPage::tablesAsText() const
{
    const auto doc = document();
    return doc ? doc->asText() : QString();
}

void ReportsPage::copyToClipboard()
{
    QApplication::clipboard()->setText(tablesAsText());
    Q_EMIT statusMessage(tr("The report's tables are on the clipboard."), 4000);
}

bool ReportsPage::exportCsv(const QString &path)
{
    const QList<QList<QStringList>> tables = csvTables();
    if (tables.isEmpty())
        return false;
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    CsvWriter csv(&file);
    if (ok) {
        csv.writeBom(); // Excel reads UTF-8 (Persian names) only with it
        for (qsizetype i = 0; i < tables.size(); ++i) {
            if (i > 0)
                ok = ok && csv.writeRow({});
            for (const QStringList &row : tables.at(i))
                ok = ok && csv.writeRow(row);
        }
        ok = ok && file.commit();
    }
    saved(ok, path, ok ? QString() : (file.error() ? file.errorString() : csv.errorString()));
    return ok;
}

bool ReportsPage::exportPdf(const QString &path)
{
    const auto doc = document();
    if (!doc)
        return false;
    const QString business =
        WorkspaceSettings(m_db).value(WorkspaceSettings::Key::BusinessName).toString();
    ReportPdf pdf(*doc, business);
    const bool ok = pdf.write(path);
    saved(ok, path, pdf.errorString());
    return ok;
}

void ReportsPage::saved(bool ok, const QString &path, const QString &error)
{
    const QString where = Formatter::leftToRight(QDir::toNativeSeparators(path));
    if (ok)
        Q_EMIT statusMessage(tr("Exported the report to %1.").arg(where), 5000);
    else
        m_error->showMessage(tr("Cannot export the report: %1").arg(error));
}

} // namespace masir::ui
