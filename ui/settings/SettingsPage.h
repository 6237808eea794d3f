#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace masir {
class Database;
}

namespace masir::ui {

/// Workspace settings (default phone country, business name) and the UI language.
class SettingsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(const Database &db, QWidget *parent = nullptr);

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    void scoringRequested();
    void channelsRequested();
    void trackingRequested();
    void crmRequested();

private:
    const Database &m_db;
    QComboBox *m_region = nullptr;
    QLineEdit *m_businessName = nullptr;
    QComboBox *m_language = nullptr;
};

} // namespace masir::ui
