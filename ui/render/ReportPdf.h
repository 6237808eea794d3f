#pragma once

#include "render/ReportDocument.h"

#include <QCoreApplication>
#include <QString>

class QPainter;
class QPdfWriter;

namespace masir::ui {

/// A report as an A4 PDF: the business's name, the title and the period on
/// top, the figures, then each section's chart (the same ReportChart as on
/// screen, drawn as vectors) and its table, across as many pages as it takes.
/// Right to left and in the user's digits and calendar when the interface is
/// Persian; the fonts used are embedded. Needs a QApplication (any platform,
/// offscreen included).
class ReportPdf final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ui::ReportPdf)

public:
    ReportPdf(const ReportDocument &document, const QString &business);

    /// Writes \a path; false with errorString() when it cannot.
    bool write(const QString &path);
    QString errorString() const { return m_error; }

private:
    struct Page;
    void header(Page &page);
    void tiles(Page &page);
    void section(Page &page, const ReportSection &s);
    void table(Page &page, const ReportSection &s);

    const ReportDocument &m_doc;
    QString m_business;
    QString m_error;
};

} // namespace masir::ui
