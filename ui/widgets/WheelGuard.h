#pragma once

#include <QObject>

class QCoreApplication;

namespace masir::ui {

/// A mouse wheel turned over a field that does not have the focus (a list
/// box, a number or a date) scrolls what is around it instead of changing
/// the field: scrolling down a contact's form must not change their status
/// on the way. Installed once on the application.
class WheelGuard final : public QObject
{
    Q_OBJECT

public:
    static void install(QCoreApplication *app);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace masir::ui
