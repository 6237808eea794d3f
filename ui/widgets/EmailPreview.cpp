#include "widgets/EmailPreview.h"

namespace masir::ui {

QString emailForTextBrowser(const QString &emailHtml)
{
    QString html = emailHtml;
    html.replace(QLatin1String("text-align:right;"), QString());
    html.replace(QLatin1String("width=\"600\""), QLatin1String("width=\"100%\""));
    return html;
}

} // namespace masir::ui
