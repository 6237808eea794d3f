#include "crm/DealsPage.h"
#include "widgets/EmptyState.h"
#include "widgets/Icons.h"

#include "crm/CrmDialogs.h"
#include "crm/Deals.h"
#include "crm/PipelineDialog.h"
#include "crm/TasksPage.h"
#include "i18n/Formatter.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"

#include <QAction>
#include <QComboBox>
#include <QDataStream>
#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolBar>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

constexpr int kDealRole = Qt::UserRole;
constexpr int kContactRole = Qt::UserRole + 1;

QString money(double amount, const QString &currency)
{
    const QString n = Formatter::locale().toString(amount, 'f', amount == qint64(amount) ? 0 : 2);
    return currency.isEmpty() ? n
                              : Formatter::leftToRight(QStringLiteral("%1 %2").arg(n, currency));
}

/// A drag on the board, undoable: redo moves the deal, undo moves it back.
class MoveDealCommand final : public QUndoCommand
{
public:
    MoveDealCommand(const Database &db, qint64 dealId, qint64 to, DealsPage *page,
                    const QString &text)
        : QUndoCommand(text)
        , m_db(db)
        , m_deal(dealId)
        , m_to(to)
        , m_page(page)
    {}
    void redo() override
    {
        Deals deals(m_db.connection());
        const auto from = deals.move(m_deal, m_to, QDateTime::currentMSecsSinceEpoch());
        if (!from) {
            setObsolete(true);
            Q_EMIT m_page->statusMessage(
                DealsPage::tr("The deal could not be moved: %1").arg(deals.errorString()), 10000);
        } else {
            m_from = *from;
        }
        m_page->refresh();
    }
    void undo() override
    {
        Deals deals(m_db.connection());
        if (m_from && !deals.move(m_deal, m_from, QDateTime::currentMSecsSinceEpoch()))
            Q_EMIT m_page->statusMessage(
                DealsPage::tr("The deal could not be moved back: %1").arg(deals.errorString()),
                10000);
        m_page->refresh();
    }

private:
    const Database &m_db;
    qint64 m_deal;
    qint64 m_to;
    qint64 m_from = 0;
    DealsPage *m_page;
};

} // namespace

// --- StageColumn

StageColumn::StageColumn(qint64 stageId, QWidget *parent)
    : QListWidget(parent)
    , m_stageId(stageId)
{
    setDragEnabled(true);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setSpacing(3);
    setWordWrap(true);
    setMinimumWidth(150);
    // each deal a card
    setStyleSheet(QStringLiteral("QListWidget::item { border: 1px solid palette(mid); "
                                 "border-radius: 4px; padding: 4px; margin: 1px; }"
                                 "QListWidget::item:selected { border: 2px solid "
                                 "palette(highlight); }"));
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

namespace {

const QString kCardMime = QStringLiteral("application/x-qabstractitemmodeldatalist");

/// The deal a dragged card stands for, from the list's own drag data.
qint64 dealOf(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(kCardMime))
        return 0;
    QByteArray bytes = mime->data(kCardMime);
    QDataStream stream(&bytes, QIODevice::ReadOnly);
    int row = 0, column = 0;
    QMap<int, QVariant> roles;
    stream >> row >> column >> roles;
    return stream.status() == QDataStream::Ok ? roles.value(kDealRole).toLongLong() : 0;
}

} // namespace

void StageColumn::dragEnterEvent(QDragEnterEvent *event)
{
    if (dealOf(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void StageColumn::dragMoveEvent(QDragMoveEvent *event)
{
    if (dealOf(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void StageColumn::dropEvent(QDropEvent *event)
{
    const qint64 deal = dealOf(event->mimeData());
    if (!deal) {
        event->ignore();
        return;
    }
    // The page moves the deal (a drop on its own column changes nothing) and
    // redraws the board; the widget moves no item itself.
    event->setDropAction(Qt::CopyAction);
    event->accept();
    Q_EMIT dealDropped(deal, m_stageId);
}

// --- DealsPage

DealsPage::DealsPage(const Database &db, QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_undo(undo)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QToolBar;
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(new QLabel(tr("Pipeline:")));
    m_pipeline = new QComboBox;
    m_pipeline->setObjectName(QStringLiteral("pipeline"));
    m_pipeline->setMinimumContentsLength(12);
    bar->addWidget(m_pipeline);
    bar->addAction(Icons::icon(QStringLiteral("pipeline")), tr("Edit &Stages…"), this,
                   &DealsPage::editPipeline);
    bar->addAction(Icons::icon(QStringLiteral("pipeline")), tr("New &Pipeline…"), this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New Pipeline"), tr("Name:"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (!ok || name.trimmed().isEmpty())
            return;
        Pipelines pipelines(m_db.connection());
        const auto id = pipelines.create(name, QDateTime::currentMSecsSinceEpoch());
        if (!id) {
            QMessageBox::warning(this, tr("New Pipeline"), pipelines.errorString());
            return;
        }
        refresh();
        m_pipeline->setCurrentIndex(m_pipeline->findData(*id));
    });
    bar->addSeparator();
    m_new = bar->addAction(Icons::icon(QStringLiteral("deals")), tr("&New Deal…"), this,
                           [this] { newDeal(); });
    m_new->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_new->setToolTip(tr("Open a deal (Ctrl+Shift+D)"));
    m_edit = bar->addAction(Icons::icon(QStringLiteral("edit")), tr("&Edit…"), this,
                            [this] { editDeal(selectedDeal()); });
    m_delete = bar->addAction(Icons::icon(QStringLiteral("delete")), tr("De&lete"), this,
                              [this] { deleteDeal(selectedDeal()); });
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Find deals by title or contact"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    bar->addSeparator();
    bar->addWidget(m_search);
    layout->addWidget(bar);
    connect(m_search, &QLineEdit::textChanged, this, &DealsPage::refresh);

    m_tabs = new QTabWidget;
    m_board = new QWidget;
    m_boardLayout = new QHBoxLayout(m_board);
    m_boardLayout->setContentsMargins(4, 4, 4, 4);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_board);
    scroll->setWidgetResizable(true);
    m_tabs->addTab(scroll, tr("Board"));
    m_listView = new QTableWidget(0, 6);
    m_listView->setHorizontalHeaderLabels(
        {tr("Deal"), tr("Contact"), tr("Stage"), tr("Amount"), tr("Expected close"), tr("Owner")});
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->setSortingEnabled(true);
    m_listView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_listView->verticalHeader()->hide();
    m_listView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tabs->addTab(m_listView, tr("List"));
    auto *forecast = new QWidget;
    auto *forecastLayout = new QVBoxLayout(forecast);
    auto *explain = new QLabel(tr("The open deals by the month they are expected to close: each "
                                  "deal's amount times its stage's probability."));
    explain->setWordWrap(true);
    forecastLayout->addWidget(explain);
    EmptyState::attach(
        m_listView, [] { return tr("No deals in this pipeline yet: add the first one."); }, m_new);
    m_forecastView = new QTableWidget(0, 4);
    EmptyState::attach(m_forecastView, [] {
        return tr("Nothing to forecast: open deals with an expected close date show here, "
                  "month by month.");
    });
    m_forecastView->setHorizontalHeaderLabels(
        {tr("Month"), tr("Deals"), tr("Amount"), tr("Weighted forecast")});
    m_forecastView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_forecastView->verticalHeader()->hide();
    m_forecastView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    forecastLayout->addWidget(m_forecastView, 1);
    m_forecastTotal = new QLabel;
    forecastLayout->addWidget(m_forecastTotal);
    m_tabs->addTab(forecast, tr("Forecast"));
    layout->addWidget(m_tabs, 1);

    connect(m_pipeline, &QComboBox::currentIndexChanged, this, &DealsPage::refresh);
    connect(m_listView, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem *> items = m_listView->selectedItems();
        m_selected = items.isEmpty()
                         ? 0
                         : m_listView->item(items.first()->row(), 0)->data(kDealRole).toLongLong();
    });
    connect(m_listView, &QTableWidget::cellDoubleClicked, this,
            [this](int row) { editDeal(m_listView->item(row, 0)->data(kDealRole).toLongLong()); });
    connect(m_listView, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (const QTableWidgetItem *item = m_listView->itemAt(pos))
            showMenu(m_listView->item(item->row(), 0)->data(kDealRole).toLongLong(),
                     m_listView->viewport()->mapToGlobal(pos));
    });
    refresh();
}

qint64 DealsPage::currentPipeline() const
{
    return m_pipeline->currentData().toLongLong();
}

qint64 DealsPage::selectedDeal() const
{
    return m_selected;
}

void DealsPage::refresh()
{
    const qint64 wanted = currentPipeline();
    const QList<Pipeline> pipelines = Pipelines(m_db.connection()).all();
    {
        const QSignalBlocker block(m_pipeline);
        m_pipeline->clear();
        for (const Pipeline &p : pipelines)
            m_pipeline->addItem(p.name, p.id);
        m_pipeline->setCurrentIndex(std::max(0, m_pipeline->findData(wanted)));
    }
    const qint64 id = currentPipeline();
    const auto pipeline = std::find_if(pipelines.cbegin(), pipelines.cend(),
                                       [id](const Pipeline &p) { return p.id == id; });
    if (pipeline == pipelines.cend())
        return;
    DealQuery query;
    query.pipelineId = id;
    query.search = m_search->text();
    const QList<Deal> deals = Deals(m_db.connection()).list(query);
    fillBoard(*pipeline, deals);
    fillList(*pipeline, deals);
    fillForecast(id);
    m_edit->setEnabled(m_selected != 0);
    m_delete->setEnabled(m_selected != 0);
}

void DealsPage::fillBoard(const Pipeline &pipeline, const QList<Deal> &deals)
{
    // Later: a column may be redrawn from its own drop or menu.
    while (QLayoutItem *item = m_boardLayout->takeAt(0)) {
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
    m_columns.clear();
    for (const PipelineStage &stage : pipeline.stages) {
        auto *column = new QWidget;
        auto *v = new QVBoxLayout(column);
        v->setContentsMargins(2, 2, 2, 2);
        auto *list = new StageColumn(stage.id);
        list->setObjectName(QStringLiteral("stage-") + stage.key);
        list->setAccessibleName(stage.label());
        list->setContextMenuPolicy(Qt::CustomContextMenu);
        int count = 0;
        double sum = 0;
        for (const Deal &d : deals) {
            if (d.stageId != stage.id)
                continue;
            ++count;
            sum += d.amount;
            QStringList lines{d.title};
            if (!d.contactName.isEmpty())
                lines << d.contactName;
            lines << money(d.amount, d.currency);
            if (d.expectedClose.isValid() && stage.outcome == PipelineStage::Outcome::Open)
                lines << tr("closes %1").arg(Formatter::date(d.expectedClose));
            auto *item = new QListWidgetItem(lines.join(QLatin1Char('\n')), list);
            item->setData(kDealRole, d.id);
            item->setData(kContactRole, d.contactId);
            item->setToolTip(tr("%1 in %2 since %3")
                                 .arg(d.title, stage.label(), Formatter::dateTime(d.stageAt)));
            if (d.id == m_selected)
                list->setCurrentItem(item);
        }
        auto *header = new QLabel(QStringLiteral("<b>%1</b><br>%2")
                                      .arg(stage.label().toHtmlEscaped(),
                                           tr("%n deal(s), %1", nullptr, count)
                                               .arg(Formatter::locale().toString(sum, 'f', 0))
                                               .toHtmlEscaped()));
        header->setToolTip(tr("Probability %1 %").arg(Formatter::number(stage.probability)));
        v->addWidget(header);
        v->addWidget(list, 1);
        m_boardLayout->addWidget(column, 1);
        m_columns << list;
        connect(list, &StageColumn::dealDropped, this, &DealsPage::moveDeal, Qt::QueuedConnection);
        connect(list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
            if (item)
                m_selected = item->data(kDealRole).toLongLong();
            m_edit->setEnabled(m_selected != 0);
            m_delete->setEnabled(m_selected != 0);
        });
        connect(list, &QListWidget::itemDoubleClicked, this,
                [this](QListWidgetItem *item) { editDeal(item->data(kDealRole).toLongLong()); });
        connect(list, &QWidget::customContextMenuRequested, this, [this, list](const QPoint &pos) {
            if (const QListWidgetItem *item = list->itemAt(pos))
                showMenu(item->data(kDealRole).toLongLong(), list->viewport()->mapToGlobal(pos));
        });
    }
}

void DealsPage::fillList(const Pipeline &pipeline, const QList<Deal> &deals)
{
    m_listView->setSortingEnabled(false);
    m_listView->setRowCount(int(deals.size()));
    for (int row = 0; row < deals.size(); ++row) {
        const Deal &d = deals.at(row);
        const PipelineStage *stage = pipeline.stage(d.stageId);
        auto *title = new QTableWidgetItem(d.title);
        title->setData(kDealRole, d.id);
        m_listView->setItem(row, 0, title);
        m_listView->setItem(row, 1, new QTableWidgetItem(d.contactName));
        m_listView->setItem(row, 2, new QTableWidgetItem(stage ? stage->label() : QString()));
        auto *amount = new QTableWidgetItem(money(d.amount, d.currency));
        amount->setData(Qt::UserRole + 2, d.amount);
        m_listView->setItem(row, 3, amount);
        m_listView->setItem(row, 4, new QTableWidgetItem(Formatter::date(d.expectedClose)));
        m_listView->setItem(row, 5, new QTableWidgetItem(d.owner));
    }
    m_listView->setSortingEnabled(true);
}

void DealsPage::fillForecast(qint64 pipelineId)
{
    const QList<ForecastMonth> months =
        Deals(m_db.connection()).forecast(pipelineId, Formatter::calendar());
    m_forecastView->setRowCount(int(months.size()));
    const QString currency =
        WorkspaceSettings(m_db).value(WorkspaceSettings::Key::Currency).toString();
    double total = 0;
    for (int row = 0; row < months.size(); ++row) {
        const ForecastMonth &m = months.at(row);
        total += m.weighted;
        const QString month =
            m.month.isValid() ? Formatter::locale().toString(m.month, QStringLiteral("MMMM yyyy"),
                                                             Formatter::calendar())
                              : tr("No expected date");
        m_forecastView->setItem(row, 0, new QTableWidgetItem(month));
        m_forecastView->setItem(row, 1, new QTableWidgetItem(Formatter::number(m.deals)));
        m_forecastView->setItem(row, 2, new QTableWidgetItem(money(m.amount, currency)));
        m_forecastView->setItem(row, 3, new QTableWidgetItem(money(m.weighted, currency)));
    }
    m_forecastTotal->setText(
        months.isEmpty()
            ? tr("No open deals to forecast.")
            : tr("Weighted forecast of the open deals: %1").arg(money(total, currency)));
}

void DealsPage::showMenu(qint64 dealId, const QPoint &globalPos)
{
    m_selected = dealId;
    const auto deal = Deals(m_db.connection()).find(dealId);
    const auto pipeline = Pipelines(m_db.connection()).find(currentPipeline());
    if (!deal || !pipeline)
        return;
    QMenu menu;
    menu.addAction(Icons::icon(QStringLiteral("edit")), tr("&Edit…"), this,
                   [this, dealId] { editDeal(dealId); });
    QMenu *moveTo = menu.addMenu(tr("&Move To"));
    for (const PipelineStage &s : pipeline->stages) {
        QAction *a =
            moveTo->addAction(s.label(), this, [this, dealId, id = s.id] { moveDeal(dealId, id); });
        a->setEnabled(s.id != deal->stageId);
    }
    if (deal->contactId)
        menu.addAction(Icons::icon(QStringLiteral("contact")), tr("Open &Contact"), this,
                       [this, id = deal->contactId] { Q_EMIT openContact(id); });
    menu.addAction(Icons::icon(QStringLiteral("tasks")), tr("Add &Task…"), this, [this, d = *deal] {
        Task task;
        task.contactId = d.contactId;
        task.dealId = d.id;
        task.owner = d.owner.isEmpty() ? TasksPage::me() : d.owner;
        TaskDialog dialog(task, d.title, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const NewTask nt = dialog.newTask(QDateTime::currentMSecsSinceEpoch());
        Tasks tasks(m_db.connection());
        if (!tasks.create(nt))
            Q_EMIT statusMessage(tasks.errorString(), 10000);
        else
            Deals(m_db.connection()).touch(d.id, nt.createdAtMs);
        Q_EMIT dealsChanged();
    });
    menu.addSeparator();
    menu.addAction(Icons::icon(QStringLiteral("delete")), tr("De&lete"), this,
                   [this, dealId] { deleteDeal(dealId); });
    menu.exec(globalPos);
}

void DealsPage::moveDeal(qint64 dealId, qint64 stageId)
{
    const auto deal = Deals(m_db.connection()).find(dealId);
    const auto pipeline = Pipelines(m_db.connection()).find(deal ? deal->pipelineId : 0);
    const PipelineStage *to = pipeline ? pipeline->stage(stageId) : nullptr;
    if (!deal || !to || deal->stageId == stageId)
        return;
    m_selected = dealId;
    m_undo->push(new MoveDealCommand(m_db, dealId, stageId, this,
                                     tr("Move \"%1\" to %2").arg(deal->title, to->label())));
    if (to->outcome == PipelineStage::Outcome::Won)
        Q_EMIT statusMessage(tr("Won: %1 counts as revenue in the reports.")
                                 .arg(money(deal->amount, deal->currency)),
                             6000);
    Q_EMIT dealsChanged();
}

qint64 DealsPage::newDeal(qint64 contactId)
{
    Deal d;
    d.pipelineId = currentPipeline();
    d.contactId = contactId;
    d.owner = TasksPage::me();
    d.currency = WorkspaceSettings(m_db).value(WorkspaceSettings::Key::Currency).toString();
    DealDialog dialog(m_db, d, this);
    if (dialog.exec() != QDialog::Accepted)
        return 0;
    Deals deals(m_db.connection());
    const auto id = deals.create(dialog.deal(), QDateTime::currentMSecsSinceEpoch());
    if (!id) {
        QMessageBox::warning(this, tr("New Deal"),
                             tr("The deal could not be saved: %1").arg(deals.errorString()));
        return 0;
    }
    m_selected = *id;
    refresh();
    Q_EMIT dealsChanged();
    return *id;
}

void DealsPage::editDeal(qint64 id)
{
    Deals deals(m_db.connection());
    const auto deal = deals.find(id);
    if (!deal)
        return;
    DealDialog dialog(m_db, *deal, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!deals.update(dialog.deal(), QDateTime::currentMSecsSinceEpoch()))
        QMessageBox::warning(this, tr("Edit Deal"),
                             tr("The deal could not be saved: %1").arg(deals.errorString()));
    refresh();
    Q_EMIT dealsChanged();
}

void DealsPage::deleteDeal(qint64 id)
{
    Deals deals(m_db.connection());
    const auto deal = deals.find(id);
    if (!deal ||
        QMessageBox::question(
            this, tr("Delete Deal"),
            tr("Delete the deal \"%1\" and its tasks? This cannot be undone.").arg(deal->title),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (!deals.remove(id, QDateTime::currentMSecsSinceEpoch()))
        QMessageBox::warning(this, tr("Delete Deal"), deals.errorString());
    m_selected = 0;
    refresh();
    Q_EMIT dealsChanged();
}

void DealsPage::editPipeline()
{
    const auto pipeline = Pipelines(m_db.connection()).find(currentPipeline());
    if (!pipeline)
        return;
    PipelineDialog dialog(m_db, *pipeline, this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

} // namespace masir::ui
