#pragma once

#include <QToolButton>

class QAction;

namespace masir::ui {

/// A tool button for an action, its text beside its icon (if it has one): it follows the action's
/// text, tooltip, shortcut and enabled state.
QToolButton *actionButton(QAction *action);

} // namespace masir::ui
