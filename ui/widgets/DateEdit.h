#pragma once

class QDateEdit;
class QWidget;

namespace masir::ui {

/// A date editor in the user's calendar: Jalali with Persian digits in Persian,
/// Gregorian otherwise, with a calendar popup and a year range people live in.
QDateEdit *makeDateEdit(QWidget *parent = nullptr);

} // namespace masir::ui
