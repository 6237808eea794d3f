#include "widgets/HeaderFit.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHeaderView>

namespace masir::ui {

void HeaderFit::install(QCoreApplication *app)
{
    app->installEventFilter(new HeaderFit(app));
}

void HeaderFit::fit(QHeaderView *header)
{
    if (header->orientation() != Qt::Horizontal || !header->model())
        return;
    for (int i = 0; i < header->count(); ++i) {
        if (header->isSectionHidden(i))
            continue;
        const QHeaderView::ResizeMode mode = header->sectionResizeMode(i);
        if (mode != QHeaderView::Interactive && mode != QHeaderView::Fixed)
            continue;
        if (header->stretchLastSection() && header->visualIndex(i) == header->count() - 1)
            continue;
        const int wanted = header->sectionSizeHint(i);
        if (header->sectionSize(i) < wanted)
            header->resizeSection(i, wanted);
    }
}

bool HeaderFit::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show) {
        if (auto *header = qobject_cast<QHeaderView *>(watched)) {
            fit(header);
            if (!header->property("masirHeaderFit").toBool()) {
                header->setProperty("masirHeaderFit", true);
                connect(header, &QHeaderView::sectionCountChanged, header,
                        [header] { fit(header); });
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace masir::ui
