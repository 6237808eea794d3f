#pragma once

class QPlainTextEdit;
class QString;
class QDateTimeEdit;

namespace masir::ui {

/// QPlainTextEdit draws every paragraph from the left, even Persian text in a
/// right-to-left window. This keeps the editor aligned to the side its text is
/// written from (right for mostly Persian text, left for Latin), as it changes.
void alignToTextDirection(QPlainTextEdit *edit);

/// Dates and times read "1403/01/01 21:30" in every language; in a
/// right-to-left window QDateTimeEdit would reverse its sections ("30:21").
/// Sets the direction, then the format (the order is fixed when it is set).
void setDateTimeFormat(QDateTimeEdit *edit, const QString &format);

} // namespace masir::ui
