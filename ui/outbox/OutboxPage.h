#pragma once

#include <QList>
#include <QWidget>

class QAbstractItemModel;
class QAction;
class QComboBox;
class QFrame;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace masir {
class Database;
class OutboxListModel;
} // namespace masir

namespace masir::ui {

class ReturnedMailPanel;

/// The outbox: every message queued, sent, failed or cancelled, newest first,
/// filtered by state. Failed messages can be retried and queued ones cancelled;
/// messages a crash interrupted are shown in a banner, to be resent or discarded
/// by a person (they may have been delivered already). A second tab shows the
/// mail that came back to the sending accounts' mailboxes.
class OutboxPage final : public QWidget
{
    Q_OBJECT

public:
    explicit OutboxPage(const Database &db, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QAbstractItemModel *model() const;
    QComboBox *stateFilter() const { return m_stateFilter; }
    QLabel *interruptedBanner() const { return m_bannerLabel; }
    QAction *retryAction() const { return m_retry; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *refreshAction() const { return m_refresh; }
    ReturnedMailPanel *returnedMail() const { return m_returned; }
    QTabWidget *tabs() const { return m_tabs; }

    /// Shows the rows in \a state only; empty: every state.
    void setStateFilter(const QString &state);
    /// The outbox ids of the selected rows.
    QList<qint64> selectedIds() const;
    void selectIds(const QList<qint64> &ids);

    /// Queues the selected failed and interrupted messages again (interrupted ones
    /// after a warning); returns how many.
    int retrySelected();
    /// Cancels the selected queued and interrupted messages (after asking); returns how many.
    int cancelSelected();

public Q_SLOTS:
    /// Re-reads the counts and rows, keeping the selection where the rows remain.
    void refresh();

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    /// Messages were queued again or cancelled: the sender should look now.
    void outboxChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QList<qint64> selectedIdsIn(const QStringList &states) const;
    void updateActions();
    void resumeSending();
    /// A warning-coloured strip with \a label and \a button.
    static QFrame *warningBanner(QLabel *label, QPushButton *button);

    const Database &m_db;
    OutboxListModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QWidget *m_banner = nullptr;
    QWidget *m_pausedBanner = nullptr;
    QLabel *m_bannerLabel = nullptr;
    QPushButton *m_bannerButton = nullptr;
    QLabel *m_shown = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_refresh = nullptr;
    ReturnedMailPanel *m_returned = nullptr;
    QTabWidget *m_tabs = nullptr;
};

} // namespace masir::ui
