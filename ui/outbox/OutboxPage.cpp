#include "outbox/OutboxPage.h"
#include "widgets/EmptyState.h"
#include "widgets/Icons.h"

#include "contacts/PhoneNumbers.h"
#include "i18n/Formatter.h"
#include "messaging/Outbox.h"
#include "messaging/OutboxListModel.h"
#include "outbox/ReturnedMailPanel.h"
#include "settings/WorkspaceSettings.h"
#include "widgets/ActionButton.h"
#include "widgets/MessageLabel.h"
#include "widgets/Selection.h"

#include <QAction>
#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QItemSelection>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

constexpr int kLimit = 1000;
const QString kInterrupted = QStringLiteral("interrupted");

} // namespace

/// The outbox model as the table shows it: a state in its colour, taken from
/// the palette as the page's messages are.
class OutboxStateColours final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::ForegroundRole || index.column() != OutboxListModel::StateColumn)
            return QIdentityProxyModel::data(index, role);
        const QString state = index.data(OutboxListModel::StateRole).toString();
        const QPalette palette = QApplication::palette();
        if (state == QLatin1String("failed"))
            return QBrush(MessageLabel::colour(MessageLabel::Kind::Error, palette));
        if (state == kInterrupted)
            return QBrush(MessageLabel::colour(MessageLabel::Kind::Warning, palette));
        if (state == QLatin1String("sent"))
            return QBrush(MessageLabel::colour(MessageLabel::Kind::Success, palette));
        return {};
    }
};

OutboxPage::OutboxPage(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
{
    setObjectName(QStringLiteral("OutboxPage"));

    m_retry = new QAction(Icons::icon(QStringLiteral("refresh")), tr("&Retry / Resend"), this);
    m_retry->setToolTip(tr("Queue the selected failed or interrupted messages again"));
    connect(m_retry, &QAction::triggered, this, [this] { retrySelected(); });
    m_cancel = new QAction(Icons::icon(QStringLiteral("close")), tr("&Cancel / Discard"), this);
    m_cancel->setToolTip(
        tr("Do not send the selected queued messages; do not resend the "
           "selected interrupted ones (%1)")
            .arg(QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText)));
    m_cancel->setShortcut(QKeySequence::Delete);
    m_cancel->setShortcutContext(Qt::WidgetShortcut);
    connect(m_cancel, &QAction::triggered, this, [this] { cancelSelected(); });
    m_refresh = new QAction(Icons::icon(QStringLiteral("refresh")), tr("Re&fresh"), this);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(
        tr("Read the outbox again (%1)")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    connect(m_refresh, &QAction::triggered, this, &OutboxPage::refresh);
    addAction(m_refresh);

    m_stateFilter = new QComboBox;
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->setAccessibleName(tr("Show messages in state"));
    m_stateFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_stateFilter->addItem(tr("All"), QString());
    for (const QString &state : Outbox::states())
        m_stateFilter->addItem(Outbox::stateLabel(state), state);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &OutboxPage::refresh);
    auto *show = new QLabel(tr("&Show:"));
    show->setBuddy(m_stateFilter);

    auto *top = new QHBoxLayout;
    top->addWidget(show);
    top->addWidget(m_stateFilter);
    top->addStretch(1);
    for (QAction *a : {m_retry, m_cancel, m_refresh})
        top->addWidget(actionButton(a));

    // The banner for rows a crash left behind.
    m_bannerLabel = new QLabel;
    m_bannerLabel->setObjectName(QStringLiteral("interruptedBanner"));
    m_bannerLabel->setWordWrap(true);
    m_bannerLabel->setTextFormat(Qt::PlainText);
    m_bannerButton = new QPushButton(tr("Show &Interrupted"));
    m_bannerButton->setObjectName(QStringLiteral("showInterrupted"));
    connect(m_bannerButton, &QPushButton::clicked, this, [this] {
        setStateFilter(kInterrupted);
        m_table->setFocus();
    });
    auto *banner = warningBanner(m_bannerLabel, m_bannerButton);
    banner->setObjectName(QStringLiteral("interruptedBannerFrame"));
    m_banner = banner;
    m_banner->hide();
    m_bannerLabel->hide();

    // The banner while the workspace's sending is paused (masir-cli settings
    // set sending-paused, or the demo): nothing leaves until it is resumed.
    auto *pausedLabel = new QLabel(tr("Sending is paused for this workspace: messages wait here "
                                      "and nothing is sent until you resume."));
    pausedLabel->setWordWrap(true);
    auto *resume = new QPushButton(Icons::icon(QStringLiteral("start")), tr("&Resume Sending"));
    resume->setObjectName(QStringLiteral("resumeSending"));
    connect(resume, &QPushButton::clicked, this, &OutboxPage::resumeSending);
    m_pausedBanner = warningBanner(pausedLabel, resume);
    m_pausedBanner->setObjectName(QStringLiteral("sendingPausedBanner"));
    m_pausedBanner->hide();

    m_model = new OutboxListModel(m_db, this);
    auto *coloured = new OutboxStateColours(this);
    coloured->setSourceModel(m_model);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("outboxTable"));
    m_table->setAccessibleName(tr("Outbox"));
    m_table->setModel(coloured);
    EmptyState::attach(m_table, [] {
        return tr("Nothing here. Messages that journeys, campaigns and test sends queue wait "
                  "here until they are sent.");
    });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(OutboxListModel::ErrorColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(OutboxListModel::IdColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(OutboxListModel::AttemptsColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setColumnWidth(OutboxListModel::ToColumn, 200);
    m_table->setColumnWidth(OutboxListModel::TimeColumn, 150);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({m_retry, m_cancel, m_refresh});
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OutboxPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxPage::updateActions);

    m_shown = new QLabel;
    m_shown->setObjectName(QStringLiteral("outboxShown"));

    auto *messages = new QWidget;
    auto *messagesLayout = new QVBoxLayout(messages);
    messagesLayout->addLayout(top);
    messagesLayout->addWidget(m_pausedBanner);
    messagesLayout->addWidget(m_banner);
    messagesLayout->addWidget(m_table, 1);
    messagesLayout->addWidget(m_shown);

    m_returned = new ReturnedMailPanel(m_db);
    connect(m_returned, &ReturnedMailPanel::statusMessage, this, &OutboxPage::statusMessage);
    connect(m_returned, &ReturnedMailPanel::returnedMailApplied, this, [this] {
        refresh(); // suppressed messages
        Q_EMIT outboxChanged();
    });
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("outboxTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(messages, tr("&Messages"));
    m_tabs->addTab(m_returned, tr("Returned &Mail"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);

    refresh();
}

QAbstractItemModel *OutboxPage::model() const
{
    return m_model;
}

void OutboxPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void OutboxPage::setStateFilter(const QString &state)
{
    const int index = m_stateFilter->findData(state);
    if (index < 0)
        return;
    if (index == m_stateFilter->currentIndex())
        refresh();
    else
        m_stateFilter->setCurrentIndex(index); // refreshes
}

QList<qint64> OutboxPage::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids << index.data(OutboxListModel::IdRole).toLongLong();
    return ids;
}

QList<qint64> OutboxPage::selectedIdsIn(const QStringList &states) const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        if (states.contains(index.data(OutboxListModel::StateRole).toString()))
            ids << index.data(OutboxListModel::IdRole).toLongLong();
    return ids;
}

void OutboxPage::selectIds(const QList<qint64> &ids)
{
    QList<int> rows;
    for (const qint64 id : ids)
        if (const int row = m_model->rowOf(id); row >= 0)
            rows << row;
    if (rows.isEmpty()) {
        m_table->clearSelection();
        return;
    }
    if (rows.size() == 1) {
        selectWholeRow(m_table, rows.constFirst());
        return;
    }
    QItemSelection selection;
    for (const int row : rows)
        selection.select(m_table->model()->index(row, 0),
                         m_table->model()->index(row, OutboxListModel::ColumnCount - 1));
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
    m_table->selectionModel()->setCurrentIndex(m_table->model()->index(rows.constFirst(), 0),
                                               QItemSelectionModel::NoUpdate);
}

QFrame *OutboxPage::warningBanner(QLabel *label, QPushButton *button)
{
    auto *banner = new QFrame;
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setAutoFillBackground(true);
    QPalette colours = banner->palette();
    colours.setColor(QPalette::Window,
                     MessageLabel::background(MessageLabel::Kind::Warning, colours));
    banner->setPalette(colours);
    auto *layout = new QHBoxLayout(banner);
    layout->addWidget(label, 1);
    layout->addWidget(button);
    return banner;
}

void OutboxPage::resumeSending()
{
    if (!WorkspaceSettings(m_db).setValue(WorkspaceSettings::Key::SendingPaused, false)) {
        QMessageBox::warning(this, tr("Cannot resume sending"),
                             tr("The workspace's setting could not be saved. Check that the "
                                "workspace file can be written, and try again."));
        return;
    }
    refresh();
    Q_EMIT statusMessage(tr("Sending resumed."), 5000);
    Q_EMIT outboxChanged();
}

void OutboxPage::refresh()
{
    const QList<qint64> keep = selectedIds();
    const QModelIndex current = m_table->currentIndex();
    const qint64 currentId =
        current.isValid() ? current.data(OutboxListModel::IdRole).toLongLong() : 0;
    const int scroll = m_table->verticalScrollBar()->value();

    Outbox outbox(m_db);
    const QMap<QString, qint64> counts = outbox.countsByState();
    qint64 total = 0;
    for (const qint64 n : counts)
        total += n;
    m_stateFilter->setItemText(0, tr("All (%1)").arg(Formatter::number(total)));
    for (int i = 1; i < m_stateFilter->count(); ++i) {
        const QString state = m_stateFilter->itemData(i).toString();
        m_stateFilter->setItemText(i, tr("%1 (%2)").arg(Outbox::stateLabel(state),
                                                        Formatter::number(counts.value(state))));
    }

    OutboxFilter filter;
    filter.state = m_stateFilter->currentData().toString();
    filter.limit = kLimit;
    m_model->setFilter(filter);
    const QList<OutboxRow> &rows = m_model->rows();
    m_table->verticalScrollBar()->setValue(scroll);
    selectIds(keep);
    if (currentId && keep.size() > 1)
        if (const int row = m_model->rowOf(currentId); row >= 0)
            m_table->selectionModel()->setCurrentIndex(m_table->model()->index(row, 0),
                                                       QItemSelectionModel::NoUpdate);

    m_pausedBanner->setVisible(
        WorkspaceSettings(m_db).value(WorkspaceSettings::Key::SendingPaused).toBool());
    const qint64 interrupted = counts.value(kInterrupted);
    m_bannerLabel->setText(tr("%n message(s) were interrupted by a crash and may or may not "
                              "have been delivered. Review them: Resend or Discard.",
                              nullptr, int(interrupted)));
    m_banner->setVisible(interrupted > 0);
    m_bannerLabel->setVisible(interrupted > 0);
    m_bannerButton->setEnabled(filter.state != kInterrupted);

    const qint64 matching = filter.state.isEmpty() ? total : counts.value(filter.state);
    m_shown->setText(matching > rows.size()
                         ? tr("Showing the newest %1 of %2 messages.")
                               .arg(Formatter::number(rows.size()), Formatter::number(matching))
                         : tr("%Ln message(s).", nullptr, int(rows.size())));
    updateActions();
}

void OutboxPage::updateActions()
{
    m_retry->setEnabled(!selectedIdsIn({QStringLiteral("failed"), kInterrupted}).isEmpty());
    m_cancel->setEnabled(!selectedIdsIn({QStringLiteral("queued"), kInterrupted}).isEmpty());
}

int OutboxPage::retrySelected()
{
    const QList<qint64> ids = selectedIdsIn({QStringLiteral("failed"), kInterrupted});
    if (ids.isEmpty())
        return 0;
    const int interrupted = int(selectedIdsIn({kInterrupted}).size());
    if (interrupted > 0 &&
        QMessageBox::warning(this, tr("Resend interrupted messages"),
                             tr("%n of the selected message(s) were interrupted while being "
                                "sent. The provider may have delivered them already, so "
                                "resending may deliver them twice.\n\nResend anyway?",
                                nullptr, interrupted),
                             QMessageBox::Yes | QMessageBox::Cancel,
                             QMessageBox::Cancel) != QMessageBox::Yes)
        return 0;
    Outbox outbox(m_db);
    const int queued = outbox.retry(ids);
    if (queued < 0) {
        QMessageBox::warning(this, tr("Cannot retry"), outbox.errorString());
        return 0;
    }
    refresh();
    Q_EMIT statusMessage(tr("%n message(s) queued again.", nullptr, queued), 5000);
    Q_EMIT outboxChanged();
    return queued;
}

int OutboxPage::cancelSelected()
{
    const QList<qint64> ids = selectedIdsIn({QStringLiteral("queued"), kInterrupted});
    if (ids.isEmpty())
        return 0;
    if (QMessageBox::question(this, tr("Cancel messages"),
                              tr("Cancel %n message(s)? Queued messages will not be sent and "
                                 "interrupted ones will not be resent.",
                                 nullptr, int(ids.size())),
                              QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return 0;
    Outbox outbox(m_db);
    const int cancelled = outbox.cancel(ids);
    if (cancelled < 0) {
        QMessageBox::warning(this, tr("Cannot cancel"), outbox.errorString());
        return 0;
    }
    refresh();
    Q_EMIT statusMessage(tr("%n message(s) cancelled.", nullptr, cancelled), 5000);
    Q_EMIT outboxChanged();
    return cancelled;
}

} // namespace masir::ui
