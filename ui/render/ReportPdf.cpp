#include "render/ReportPdf.h"

#include "render/ReportChart.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>

namespace masir::ui {

/// Where the next block goes, and a new page when it does not fit.
struct ReportPdf::Page
{
    QPdfWriter *writer = nullptr;
    QPainter *painter = nullptr;
    int width = 0;
    int height = 0;
    int y = 0;
    bool rtl = false;

    bool room(int h)
    {
        if (y + h <= height || y == 0)
            return true;
        writer->newPage();
        y = 0;
        return false;
    }
    /// \a rect as the reading direction places it.
    QRect visual(const QRect &rect) const
    {
        return rtl ? QRect(width - rect.right() - 1, rect.y(), rect.width(), rect.height()) : rect;
    }
    Qt::Alignment align(bool toEnd) const
    {
        const bool right = toEnd != rtl;
        // absolute: the painter's right-to-left direction would mirror it again
        return (right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignAbsolute | Qt::AlignVCenter;
    }
    void text(const QRect &rect, const QString &s, bool toEnd = false)
    {
        painter->drawText(visual(rect), int(align(toEnd)) | Qt::TextSingleLine,
                          painter->fontMetrics().elidedText(s, Qt::ElideRight, rect.width()));
    }
};

ReportPdf::ReportPdf(const ReportDocument &document, const QString &business)
    : m_doc(document)
    , m_business(business)
{}

bool ReportPdf::write(const QString &path)
{
    m_error.clear();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(96); // the charts' pixels as on screen
        writer.setTitle(m_doc.title);
        writer.setCreator(QStringLiteral("Masir"));
        QPainter painter;
        if (!painter.begin(&writer)) {
            m_error = tr("Cannot write %1: the PDF could not be started.").arg(path);
            return false;
        }
        painter.setLayoutDirection(QGuiApplication::layoutDirection());
        Page page{&writer,         &painter, writer.width(),
                  writer.height(), 0,        QGuiApplication::isRightToLeft()};
        header(page);
        tiles(page);
        for (const ReportSection &s : m_doc.sections)
            section(page, s);
        painter.end();
    }
    if (!file.commit()) {
        m_error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void ReportPdf::header(Page &page)
{
    QPainter &p = *page.painter;
    const QFont base = QGuiApplication::font();
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.9);
    p.setFont(small);
    p.setPen(QColor(0x55, 0x55, 0x55));
    const int line = p.fontMetrics().height();
    if (!m_business.isEmpty()) {
        page.text(QRect(0, page.y, page.width, line), m_business);
        page.y += line;
    }
    QFont title = base;
    title.setPointSizeF(base.pointSizeF() * 1.8);
    title.setBold(true);
    p.setFont(title);
    p.setPen(Qt::black);
    const int titleLine = p.fontMetrics().height();
    page.text(QRect(0, page.y, page.width, titleLine), m_doc.title);
    page.y += titleLine;
    p.setFont(base);
    page.text(QRect(0, page.y, page.width, p.fontMetrics().height()), m_doc.period);
    page.y += p.fontMetrics().height() * 2;
}

void ReportPdf::tiles(Page &page)
{
    if (m_doc.tiles.isEmpty())
        return;
    QPainter &p = *page.painter;
    QFont base = QGuiApplication::font();
    QFont bold = base;
    bold.setBold(true);
    constexpr int kColumns = 3;
    const int cell = page.width / kColumns;
    p.setFont(base);
    const int line = p.fontMetrics().height();
    for (qsizetype i = 0; i < m_doc.tiles.size(); i += kColumns) {
        page.room(line * 2 + 6);
        for (qsizetype c = 0; c < kColumns && i + c < m_doc.tiles.size(); ++c) {
            const ReportTile &t = m_doc.tiles.at(i + c);
            const QString value =
                t.change.isEmpty() ? t.value : tr("%1 (%2)").arg(t.value, t.change);
            const QRect at(int(c) * cell, page.y, cell - 8, line);
            p.setFont(base);
            p.setPen(QColor(0x55, 0x55, 0x55));
            page.text(at, t.name);
            p.setFont(bold);
            p.setPen(Qt::black);
            page.text(at.translated(0, line), value);
        }
        page.y += line * 2 + 6;
    }
    p.setFont(base);
    page.y += line;
}

void ReportPdf::section(Page &page, const ReportSection &s)
{
    QPainter &p = *page.painter;
    QFont heading = QGuiApplication::font();
    heading.setBold(true);
    heading.setPointSizeF(heading.pointSizeF() * 1.2);
    p.setFont(heading);
    const int line = p.fontMetrics().height();
    const int chartHeight = s.chart.kind == ChartSpec::Kind::None ? 0 : 260;
    page.room(line + chartHeight + 40); // a heading never ends a page alone
    page.text(QRect(0, page.y, page.width, line), s.heading);
    page.y += line + 4;
    if (chartHeight) {
        ReportChart chart(QStringLiteral("pdfChart"));
        chart.setFrameShape(QFrame::NoFrame);
        chart.resize(page.width, chartHeight);
        chart.display(s.chart);
        // the legend's markers come in posted events; nothing a person does meanwhile
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        chart.QWidget::render(&p, QPoint(0, page.y)); // the view, laid out at its size
        page.y += chartHeight + 8;
    }
    table(page, s);
    page.y += line;
}

void ReportPdf::table(Page &page, const ReportSection &s)
{
    if (s.table.size() < 2)
        return;
    QPainter &p = *page.painter;
    const QFont base = QGuiApplication::font();
    QFont bold = base;
    bold.setBold(true);
    p.setFont(bold);
    const QFontMetrics header = p.fontMetrics();
    p.setFont(base);
    const QFontMetrics body = p.fontMetrics();
    const qsizetype columns = s.table.first().size();
    // each column as wide as its widest cell, shrunk together to fit
    QList<int> widths(columns, 0);
    for (qsizetype r = 0; r < s.table.size(); ++r)
        for (qsizetype c = 0; c < columns; ++c)
            widths[c] = std::max(
                widths[c], (r ? body : header).horizontalAdvance(s.table.at(r).value(c)) + 16);
    int total = 0;
    for (int w : widths)
        total += w;
    const double scale = total > page.width ? double(page.width) / total : 1.0;
    const int rowHeight = int(body.height() * 1.4);
    const auto row = [&](const QStringList &cells, bool isHeader) {
        if (!page.room(rowHeight) && !isHeader) { // the header again on a new page
            p.setFont(bold);
            int x = 0;
            for (qsizetype c = 0; c < columns; ++c) {
                const int w = int(widths.at(c) * scale);
                page.text(QRect(x + 4, page.y, w - 8, rowHeight), s.table.first().value(c),
                          s.numeric.value(c));
                x += w;
            }
            page.y += rowHeight;
            p.setFont(base);
        }
        p.setFont(isHeader ? bold : base);
        int x = 0;
        for (qsizetype c = 0; c < columns; ++c) {
            const int w = int(widths.at(c) * scale);
            page.text(QRect(x + 4, page.y, w - 8, rowHeight), cells.value(c), s.numeric.value(c));
            x += w;
        }
        p.setPen(QColor(0xdd, 0xdd, 0xdd));
        const QRect rule = page.visual(
            QRect(0, page.y + rowHeight - 1, std::min(page.width, int(total * scale)), 1));
        p.drawLine(rule.left(), rule.top(), rule.right(), rule.top());
        p.setPen(Qt::black);
        page.y += rowHeight;
    };
    page.room(rowHeight * 2); // never a header alone at the foot of a page
    for (qsizetype r = 0; r < s.table.size(); ++r)
        row(s.table.at(r), r == 0);
    p.setFont(base);
}

} // namespace masir::ui
