#include "widgets/EmptyStatePage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace masir::ui {

EmptyStatePage::EmptyStatePage(const QString &title, const QString &description,
                               const QStringList &comingSoon, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    // A wrapped text in the middle, as wide as it may be up to 560 px: given to
    // the layout with an alignment, it got its size hint's width and lost lines.
    auto centered = [layout](QLabel *label) {
        label->setWordWrap(true);
        label->setMaximumWidth(560);
        auto *row = new QHBoxLayout;
        row->addStretch(1);
        row->addWidget(label, 8);
        row->addStretch(1);
        layout->addLayout(row);
    };
    layout->addStretch(2);
    auto *heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    heading->setFont(f);
    heading->setAlignment(Qt::AlignHCenter);
    layout->addWidget(heading);

    auto *text = new QLabel(description, this);
    text->setAlignment(Qt::AlignHCenter);
    centered(text);

    if (!comingSoon.isEmpty()) {
        QString html = QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("What will come here:"));
        for (const QString &item : comingSoon)
            html += QStringLiteral("<li>%1</li>").arg(item.toHtmlEscaped());
        html += QStringLiteral("</ul>");
        auto *list = new QLabel(html, this);
        list->setTextFormat(Qt::RichText);
        centered(list);
    }
    layout->addStretch(3);
    setAccessibleName(title);
}

} // namespace masir::ui
