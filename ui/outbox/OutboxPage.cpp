#include "outbox/OutboxPage.h"

#include "contacts/PhoneNumbers.h"
#include "i18n/Formatter.h"
#include "messaging/Outbox.h"
#include "widgets/ActionButton.h"
#include "widgets/Selection.h"

#include <QAbstractTableModel>
#include <QAction>
#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kStateRole = Qt::UserRole + 1;
constexpr int kLimit = 1000;

const QString kInterrupted = QStringLiteral("interrupted");

enum Column
{
    IdColumn,
    StateColumn,
    ChannelColumn,
    ToColumn,
    TemplateColumn,
    JourneyColumn,
    AttemptsColumn,
    TimeColumn,
    ErrorColumn,
    ColumnCount
};

QString channelLabel(const QString &channel)
{
    if (channel == QLatin1String("email"))
        return OutboxPage::tr("Email");
    if (channel == QLatin1String("sms"))
        return OutboxPage::tr("SMS");
    if (channel == QLatin1String("webhook"))
        return OutboxPage::tr("Webhook");
    return channel;
}

} // namespace

/// The rows of the outbox as the table shows them.
class OutboxTableModel final : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<OutboxRow> &rows)
    {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }
    const QList<OutboxRow> &rows() const { return m_rows; }
    int rowOf(qint64 id) const
    {
        for (int r = 0; r < m_rows.size(); ++r)
            if (m_rows.at(r).id == id)
                return r;
        return -1;
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : ColumnCount;
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        switch (section) {
        case IdColumn:
            return OutboxPage::tr("#");
        case StateColumn:
            return OutboxPage::tr("State");
        case ChannelColumn:
            return OutboxPage::tr("Channel");
        case ToColumn:
            return OutboxPage::tr("To");
        case TemplateColumn:
            return OutboxPage::tr("Template");
        case JourneyColumn:
            return OutboxPage::tr("Journey");
        case AttemptsColumn:
            return OutboxPage::tr("Attempts");
        case TimeColumn:
            return OutboxPage::tr("Due / sent");
        case ErrorColumn:
            return OutboxPage::tr("Error");
        default:
            return {};
        }
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= m_rows.size())
            return {};
        const OutboxRow &r = m_rows.at(index.row());
        switch (role) {
        case kIdRole:
            return r.id;
        case kStateRole:
            return r.state;
        case Qt::DisplayRole:
            return display(r, index.column());
        case Qt::ToolTipRole:
            return toolTip(r, index.column());
        case Qt::TextAlignmentRole:
            if (index.column() == IdColumn || index.column() == AttemptsColumn)
                return int(Qt::AlignVCenter | Qt::AlignTrailing);
            return {};
        case Qt::ForegroundRole:
            if (index.column() != StateColumn)
                return {};
            if (r.state == QLatin1String("failed"))
                return QBrush(QColor(0xc6, 0x28, 0x28));
            if (r.state == kInterrupted)
                return QBrush(QColor(0xb2, 0x6a, 0x00));
            if (r.state == QLatin1String("sent"))
                return QBrush(QColor(0x2e, 0x7d, 0x32));
            return {};
        default:
            return {};
        }
    }

private:
    /// The time that matters for the row's state, and what it is.
    static std::pair<QDateTime, QString> when(const OutboxRow &r)
    {
        if (r.sentAt.isValid())
            return {r.sentAt, OutboxPage::tr("Sent %1")};
        if (r.state == QLatin1String("queued") || r.state == QLatin1String("sending") ||
            !r.updatedAt.isValid())
            return {r.dueAt, OutboxPage::tr("Due %1")};
        return {r.updatedAt, OutboxPage::tr("Last changed %1")};
    }

    static QString recipient(const OutboxRow &r)
    {
        return r.channel == QLatin1String("sms") ? PhoneNumbers::display(r.recipient) : r.recipient;
    }

    static QVariant display(const OutboxRow &r, int column)
    {
        switch (column) {
        case IdColumn:
            return Formatter::number(r.id);
        case StateColumn:
            return Outbox::stateLabel(r.state);
        case ChannelColumn:
            return channelLabel(r.channel);
        case ToColumn:
            return recipient(r);
        case TemplateColumn:
            return r.templateName;
        case JourneyColumn:
            return r.journey;
        case AttemptsColumn:
            return Formatter::number(r.attempts);
        case TimeColumn:
            return Formatter::dateTime(when(r).first);
        case ErrorColumn:
            return r.error.simplified();
        default:
            return {};
        }
    }

    static QVariant toolTip(const OutboxRow &r, int column)
    {
        switch (column) {
        case StateColumn:
            if (r.state == kInterrupted)
                return OutboxPage::tr("The app stopped while this message was being sent: it may "
                                      "or may not have been delivered. Resend or discard it.");
            return {};
        case ToColumn:
            return recipient(r);
        case TimeColumn: {
            const auto [time, label] = when(r);
            return time.isValid() ? label.arg(Formatter::dateTime(time)) : QVariant();
        }
        case ErrorColumn: {
            if (r.error.isEmpty() && r.providerId.isEmpty())
                return {};
            QString tip = r.error;
            if (!r.providerId.isEmpty())
                tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) +
                       OutboxPage::tr("Provider's message id: %1").arg(r.providerId);
            return tip;
        }
        default:
            return {};
        }
    }

    QList<OutboxRow> m_rows;
};

OutboxPage::OutboxPage(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
{
    setObjectName(QStringLiteral("OutboxPage"));

    m_retry = new QAction(tr("&Retry / Resend"), this);
    m_retry->setToolTip(tr("Queue the selected failed or interrupted messages again"));
    connect(m_retry, &QAction::triggered, this, [this] { retrySelected(); });
    m_cancel = new QAction(tr("&Cancel / Discard"), this);
    m_cancel->setToolTip(
        tr("Do not send the selected queued messages; do not resend the "
           "selected interrupted ones (%1)")
            .arg(QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText)));
    m_cancel->setShortcut(QKeySequence::Delete);
    m_cancel->setShortcutContext(Qt::WidgetShortcut);
    connect(m_cancel, &QAction::triggered, this, [this] { cancelSelected(); });
    m_refresh = new QAction(tr("Re&fresh"), this);
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
    auto *banner = new QFrame;
    banner->setObjectName(QStringLiteral("interruptedBannerFrame"));
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setStyleSheet(QStringLiteral("#interruptedBannerFrame { background: #fff4e5; "
                                         "border: 1px solid #f0b35c; border-radius: 4px; } "
                                         "#interruptedBannerFrame QLabel { color: #5f3b00; }"));
    auto *bannerLayout = new QHBoxLayout(banner);
    bannerLayout->addWidget(m_bannerLabel, 1);
    bannerLayout->addWidget(m_bannerButton);
    m_banner = banner;
    m_banner->hide();
    m_bannerLabel->hide();

    m_model = new OutboxTableModel(this);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("outboxTable"));
    m_table->setAccessibleName(tr("Outbox"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ErrorColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(IdColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AttemptsColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setColumnWidth(ToColumn, 200);
    m_table->setColumnWidth(TimeColumn, 150);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({m_retry, m_cancel, m_refresh});
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OutboxPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxPage::updateActions);

    m_shown = new QLabel;
    m_shown->setObjectName(QStringLiteral("outboxShown"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_shown);

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
        ids << index.data(kIdRole).toLongLong();
    return ids;
}

QList<qint64> OutboxPage::selectedIdsIn(const QStringList &states) const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        if (states.contains(index.data(kStateRole).toString()))
            ids << index.data(kIdRole).toLongLong();
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
        selection.select(m_model->index(row, 0), m_model->index(row, ColumnCount - 1));
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
    m_table->selectionModel()->setCurrentIndex(m_model->index(rows.constFirst(), 0),
                                               QItemSelectionModel::NoUpdate);
}

void OutboxPage::refresh()
{
    const QList<qint64> keep = selectedIds();
    const QModelIndex current = m_table->currentIndex();
    const qint64 currentId = current.isValid() ? current.data(kIdRole).toLongLong() : 0;
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
    const QList<OutboxRow> rows = outbox.list(filter);
    m_model->setRows(rows);
    m_table->verticalScrollBar()->setValue(scroll);
    selectIds(keep);
    if (currentId && keep.size() > 1)
        if (const int row = m_model->rowOf(currentId); row >= 0)
            m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                       QItemSelectionModel::NoUpdate);

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
