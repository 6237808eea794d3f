#pragma once

#include "campaigns/Campaign.h"
#include "campaigns/CampaignReport.h"
#include "reports/DashboardReport.h"
#include "reports/FunnelReport.h"
#include "reports/JourneyReport.h"
#include "reports/RevenueReport.h"
#include "reports/RfmReport.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace masir::ui {

/// What a report's chart shows, in the user's digits and calendar already.
struct ChartSpec
{
    enum class Kind
    {
        None,
        Lines,   ///< one line per series over the categories (days)
        Bars,    ///< one horizontal bar per category, the first on top
        Funnel,  ///< centred bars narrowing down, the first on top
        Pie,     ///< a slice per category (the first series), the legend beside it
        Stacked, ///< a column per category, the series stacked in it
    };
    Kind kind = Kind::None;
    QStringList categories;
    QList<QPair<QString, QList<double>>> series;
};

/// A part of a report: a heading, a chart, and its numbers in a table.
struct ReportSection
{
    QString heading;
    ChartSpec chart;
    QList<QStringList> table; ///< the header first; cells as people read them
    QList<bool> numeric;      ///< per column: numbers, aligned to the end
    QString empty;            ///< what an empty table says, and what to do
};

/// A figure of the report, with its change against the period before.
struct ReportTile
{
    QString key; ///< "emailsSent"
    QString name;
    QString value;
    QString change; ///< "▲ 12.5 %", or empty
};

/// A report as the app shows it, prints it to PDF and copies it: the same
/// words, digits and dates everywhere.
struct ReportDocument
{
    QString title;
    QString period; ///< "1 Azar 1405 – 30 Azar 1405"
    QList<ReportTile> tiles;
    QList<ReportSection> sections;

    /// Every table as tab-separated text (for the clipboard).
    QString asText() const;
};

/// Builds the documents of the reports.
class ReportDocuments final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ui::ReportDocuments)

public:
    static QString periodText(const ReportPeriod &period);
    static QString percent(double ratio);
    static QString money(double value);
    /// "▲ 12.5 %" against the period before; empty when there is nothing to compare.
    static QString change(double now, double before);
    /// A span of time in days or hours, in the user's digits ("" when none).
    static QString duration(qint64 ms);
    static QString stageName(const QString &stage);

    static ReportDocument dashboard(const Dashboard &d);
    static ReportDocument funnel(const Funnel &f);
    static ReportDocument rfm(const Rfm &r);
    static ReportDocument journey(const JourneyFigures &j);
    static ReportDocument revenue(const Revenue &r);
    /// How purchases are given to campaigns in a campaign's report.
    enum class Touch
    {
        Last,
        First,
    };
    static ReportDocument campaign(const Campaign &c, const CampaignReportData &r, Touch touch,
                                   int attributionDays);
    /// "A", "B"... for a test's variants; "Rest" for those sent the winner.
    static QString variantName(int variant);
};

} // namespace masir::ui
