#include "widgets/DateEdit.h"

#include "i18n/Formatter.h"
#include "widgets/TextDirection.h"

#include <QDateEdit>

namespace masir::ui {

QDateEdit *makeDateEdit(QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setCalendarPopup(true);
    // QDateTimeEdit takes the calendar; the locale gives the digits.
    edit->setCalendar(Formatter::calendar());
    setDateTimeFormat(edit, QStringLiteral("yyyy/MM/dd"));
    edit->setMinimumDate(QDate(1900, 1, 1));
    edit->setMaximumDate(QDate(2100, 12, 31));
    return edit;
}

} // namespace masir::ui
