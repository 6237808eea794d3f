#pragma once

#include <QToolButton>

class QAction;

namespace masir::ui {

/// A text-only tool button for an action: it follows the action's text,
/// tooltip, shortcut and enabled state.
QToolButton *actionButton(QAction *action);

} // namespace masir::ui
