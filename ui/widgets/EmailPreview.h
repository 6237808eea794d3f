#pragma once

#include <QString>

namespace masir::ui {

/// An email's HTML as Qt's rich text (QTextBrowser) shows it faithfully: Qt
/// reads CSS "text-align:right" in a right-to-left block as "leading", which
/// puts Persian on the left, and lays the 600-pixel email table out wider than
/// a side pane. dir="rtl" and align="right" (in the email too) already say the
/// direction, so the CSS goes, and the table fits the pane.
QString emailForTextBrowser(const QString &emailHtml);

} // namespace masir::ui
