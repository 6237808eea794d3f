#pragma once

#include <QObject>

class QCoreApplication;
class QHeaderView;

namespace masir::ui {

/// No column title cut short: when a table's header is shown, or gains
/// columns, a column the user sizes (interactive or fixed) that is narrower
/// than its title is widened to it. Stretched and fitted columns are sized by
/// their view. Installed once on the application, like WheelGuard.
class HeaderFit final : public QObject
{
    Q_OBJECT

public:
    static void install(QCoreApplication *app);
    /// Widens \a header's narrow user-sized sections now.
    static void fit(QHeaderView *header);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace masir::ui
