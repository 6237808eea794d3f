#include "widgets/WheelGuard.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>

namespace masir::ui {

void WheelGuard::install(QCoreApplication *app)
{
    app->installEventFilter(new WheelGuard(app));
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Wheel)
        return false;
    auto *field = qobject_cast<QWidget *>(watched);
    if (!field || field->hasFocus() ||
        !(qobject_cast<QComboBox *>(field) || qobject_cast<QAbstractSpinBox *>(field)))
        return false;
    // What scrolls around the field gets the wheel; the field does not.
    for (QWidget *up = field->parentWidget(); up; up = up->parentWidget()) {
        if (auto *area = qobject_cast<QAbstractScrollArea *>(up)) {
            QCoreApplication::sendEvent(area->viewport(), event);
            break;
        }
    }
    return true;
}

} // namespace masir::ui
