#include "widgets/ActionButton.h"

#include <QAction>
#include <QToolButton>

namespace masir::ui {

QToolButton *actionButton(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    // text beside the icon when the action has one; it may gain one later
    button->setToolButtonStyle(action->icon().isNull() ? Qt::ToolButtonTextOnly
                                                       : Qt::ToolButtonTextBesideIcon);
    return button;
}

} // namespace masir::ui
