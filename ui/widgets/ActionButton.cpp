#include "widgets/ActionButton.h"

#include <QAction>
#include <QToolButton>

namespace masir::ui {

QToolButton *actionButton(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace masir::ui
