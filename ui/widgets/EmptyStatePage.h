#pragma once

#include <QWidget>

namespace masir::ui {

/// An honest page for a part of Masir that is not built yet: it says what will
/// come there, and shows no made-up data.
class EmptyStatePage final : public QWidget
{
    Q_OBJECT

public:
    EmptyStatePage(const QString &title, const QString &description, const QStringList &comingSoon,
                   QWidget *parent = nullptr);
};

} // namespace masir::ui
