#pragma once

class QApplication;
class QPalette;

namespace masir::ui::Theme {

/// Light or dark, as the system prefers: the desktop's own palette when it
/// is dark already (macOS, Windows, KDE); otherwise, on a desktop that says
/// it prefers dark (the freedesktop portal's color-scheme, GNOME's switch),
/// Fusion with a dark palette, switched live when the preference changes.
/// MASIR_THEME=dark or light overrides the system. Icons (Icons) and the
/// journey canvas draw from the palette, so they follow.
void followSystem(QApplication *app);

/// Dark (true) or the system's palette (false).
void apply(bool dark);
bool isDark();

/// Masir's dark palette for Fusion.
QPalette darkPalette();

} // namespace masir::ui::Theme
