#include "widgets/EmptyStatePage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace masir::ui {

EmptyStatePage::EmptyStatePage(const QString &title, const QString &description,
                               const QStringList &comingSoon, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    auto *heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    heading->setFont(f);
    heading->setAlignment(Qt::AlignHCenter);
    layout->addWidget(heading);

    auto *text = new QLabel(description, this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignHCenter);
    text->setMaximumWidth(560);
    layout->addWidget(text, 0, Qt::AlignHCenter);

    if (!comingSoon.isEmpty()) {
        QString html = QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("What will come here:"));
        for (const QString &item : comingSoon)
            html += QStringLiteral("<li>%1</li>").arg(item.toHtmlEscaped());
        html += QStringLiteral("</ul>");
        auto *list = new QLabel(html, this);
        list->setTextFormat(Qt::RichText);
        list->setWordWrap(true);
        list->setMaximumWidth(560);
        layout->addWidget(list, 0, Qt::AlignHCenter);
    }
    layout->addStretch(3);
    setAccessibleName(title);
}

} // namespace masir::ui
