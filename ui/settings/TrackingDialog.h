#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace masir {
class BackgroundTasks;
class Database;
} // namespace masir

namespace masir::ui {

class MessageLabel;

/// Settings → Tracking: whether opens and clicks are tracked, where tracking
/// links point (a collector on a public host, or this computer while Masir
/// runs), and how the unsubscribe and preference pages look. Saved as edited;
/// it says plainly what cannot be tracked and why.
class TrackingDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit TrackingDialog(const Database &db, QWidget *parent = nullptr);

    /// Checks the collector's address and key off the UI thread, then keeps them.
    void connectCollector();
    void disconnectCollector();
    QLabel *statusLabel() const;

Q_SIGNALS:
    /// Something the worker or the app's own server reads changed.
    void trackingChanged();

private:
    void load();
    void save();
    void updateStatus();
    void chooseColour();
    void chooseLogo();
    void removeLogo();
    void showLogo();

    const Database &m_db;
    BackgroundTasks *m_tasks = nullptr;
    bool m_loading = false;
    QCheckBox *m_enabled = nullptr;
    QCheckBox *m_smsLinks = nullptr;
    MessageLabel *m_status = nullptr;
    QLineEdit *m_collectorUrl = nullptr;
    QLineEdit *m_collectorKey = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_disconnect = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_lastPull = nullptr;
    QCheckBox *m_serve = nullptr;
    QLineEdit *m_listen = nullptr;
    QLineEdit *m_publicUrl = nullptr;
    QPushButton *m_colour = nullptr;
    QLabel *m_logo = nullptr;
    QPushButton *m_removeLogo = nullptr;
};

} // namespace masir::ui
