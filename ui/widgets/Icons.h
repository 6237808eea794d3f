#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

class QAction;

namespace masir::ui::Icons {

/// One of Masir's icons (resources/icons/NAME.svg), drawn in the colour of
/// the text around it: the palette's window text, its disabled shade, or the
/// highlighted text when selected. The colour is read when the icon is drawn,
/// so icons follow a light or dark theme and a palette changed while running.
QIcon icon(const QString &name);

/// The icon drawn in \a color, \a size device pixels square; cached.
QPixmap pixmap(const QString &name, const QColor &color, int size);

/// Sets \a action's icon; returns the action.
QAction *set(QAction *action, const QString &name);

/// Whether the palette is dark (light text on a dark window): the system's
/// dark theme.
bool isDark(const QPalette &palette);

} // namespace masir::ui::Icons
