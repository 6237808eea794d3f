#include "campaigns/CampaignsPage.h"
#include "widgets/SplitterMemory.h"

#include "campaigns/AbDecision.h"
#include "campaigns/CampaignEditorDialog.h"
#include "campaigns/CampaignListModel.h"
#include "campaigns/CampaignReport.h"
#include "campaigns/CampaignRepository.h"
#include "campaigns/CampaignRunner.h"
#include "common/BackgroundTasks.h"
#include "common/Clock.h"
#include "i18n/Formatter.h"
#include "messaging/MessageTemplate.h"
#include "settings/WorkspaceSettings.h"
#include "widgets/ActionButton.h"
#include "widgets/MessageLabel.h"
#include "widgets/TestSendController.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

constexpr int kLiveMs = 2000;

QString percent(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return QStringLiteral("–");
    return QLocale().toString(100.0 * double(part) / double(whole), 'f', 1) + QStringLiteral(" %");
}

QString variantName(int variant)
{
    return variant == 0 ? CampaignsPage::tr("Rest") : QString(QChar(u'A' + variant - 1));
}

} // namespace

CampaignsPage::CampaignsPage(const Database &db, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_clock(clock)
    , m_tasks(new BackgroundTasks(this))
    , m_model(new CampaignListModel(this))
    , m_tests(new TestSendController(db, this))
{
    setObjectName(QStringLiteral("CampaignsPage"));
    const auto action = [this](const QString &text, const QString &tip) {
        auto *a = new QAction(text, this);
        a->setToolTip(tip);
        return a;
    };
    m_new = action(tr("New campaign…"), tr("Send an email or SMS to segments, now or later"));
    m_new->setShortcut(QKeySequence::New);
    m_new->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_edit = action(tr("Edit…"), tr("Change a draft or scheduled campaign"));
    m_duplicate = action(tr("Duplicate"), tr("Copy the campaign as a new draft"));
    m_test = action(tr("Send test…"), tr("Send the campaign's message to an address of yours"));
    m_pause = action(tr("Pause"), tr("Hold the messages that have not gone out"));
    m_resume = action(tr("Resume"), tr("Send the held messages"));
    m_cancel =
        action(tr("Cancel campaign"), tr("Stop it for good: what has not gone out is cancelled"));
    m_delete = action(tr("Delete"), tr("Delete a campaign that is not sending"));
    m_refresh = action(tr("Refresh"), tr("Read the campaigns again"));
    m_fullReport = action(tr("Full Report"), tr("The campaign's report with its charts, click "
                                                "map and hours, to print or export"));
    connect(m_fullReport, &QAction::triggered, this,
            [this] { Q_EMIT reportRequested(currentId()); });
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    for (QAction *a : {m_new, m_refresh})
        addAction(a);
    connect(m_new, &QAction::triggered, this, [this] { edit(); });
    connect(m_edit, &QAction::triggered, this, [this] { edit(currentId()); });
    connect(m_refresh, &QAction::triggered, this, &CampaignsPage::refresh);
    connect(m_test, &QAction::triggered, this, &CampaignsPage::sendTest);
    connect(m_duplicate, &QAction::triggered, this, [this] {
        CampaignRepository repository(m_db);
        const auto copy = repository.duplicate(currentId());
        if (!copy) {
            m_message->showMessage(repository.errorString());
            return;
        }
        refresh();
        selectId(copy->id);
        edit(copy->id);
    });
    connect(m_pause, &QAction::triggered, this, [this] {
        change(&CampaignRepository::pause, tr("Paused: its messages wait until you resume it."));
    });
    connect(m_resume, &QAction::triggered, this,
            [this] { change(&CampaignRepository::resume, tr("Resumed.")); });
    connect(m_cancel, &QAction::triggered, this, [this] {
        if (QMessageBox::question(this, tr("Cancel campaign"),
                                  tr("Cancel this campaign? Messages that have not gone out will "
                                     "not be sent, and it cannot be resumed."),
                                  QMessageBox::Yes | QMessageBox::No,
                                  QMessageBox::No) != QMessageBox::Yes)
            return;
        change(&CampaignRepository::cancel, tr("Cancelled."));
    });
    connect(m_delete, &QAction::triggered, this, [this] {
        if (QMessageBox::question(this, tr("Delete campaign"),
                                  tr("Delete this campaign and its report? The messages it sent "
                                     "stay in the outbox."),
                                  QMessageBox::Yes | QMessageBox::No,
                                  QMessageBox::No) != QMessageBox::Yes)
            return;
        change(&CampaignRepository::remove, tr("Deleted."));
    });

    auto *top = new QHBoxLayout;
    for (QAction *a : {m_new, m_edit, m_duplicate, m_test, m_fullReport})
        top->addWidget(actionButton(a));
    top->addStretch(1);
    for (QAction *a : {m_pause, m_resume, m_cancel, m_delete, m_refresh})
        top->addWidget(actionButton(a));

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("campaignsTable"));
    m_table->setAccessibleName(tr("Campaigns"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // a handful of rows: the short columns fit their text, the audience and
    // the progress share the rest
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CampaignListModel::AudienceColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CampaignListModel::ProgressColumn, QHeaderView::Stretch);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (m_edit->isEnabled())
            edit(currentId());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        showReport();
    });

    m_report = new QTextBrowser;
    m_report->setObjectName(QStringLiteral("campaignReport"));
    m_report->setOpenLinks(false);
    connect(m_report, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("pick"))
            pickWinner(url.path().toInt());
    });
    m_message = new MessageLabel(MessageLabel::Kind::Error);
    m_message->setObjectName(QStringLiteral("campaignMessage"));

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(m_report);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    rememberSplitter(splitter, QStringLiteral("campaigns"));

    // No campaign yet: what one is, and the way to make one.
    auto *empty = new QWidget;
    auto *emptyLayout = new QVBoxLayout(empty);
    auto *title = new QLabel(tr("No campaigns yet"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    title->setFont(big);
    auto *text = new QLabel(tr("A campaign sends one email or SMS to the segments and lists you "
                               "choose, now or at a time you set, with an A/B test if you like. "
                               "Its report shows who opened, clicked and bought."));
    text->setWordWrap(true);
    auto *create = new QPushButton(tr("New campaign…"));
    create->setObjectName(QStringLiteral("emptyNewCampaign"));
    connect(create, &QPushButton::clicked, this, [this] { edit(); });
    for (QLabel *l : {title, text})
        l->setAlignment(Qt::AlignCenter);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(title);
    emptyLayout->addWidget(text);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(create);
    buttonRow->addStretch(1);
    emptyLayout->addLayout(buttonRow);
    emptyLayout->addStretch(2);

    m_stack = new QStackedWidget;
    m_stack->addWidget(empty);
    m_stack->addWidget(splitter);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    m_live = new QTimer(this);
    m_live->setInterval(kLiveMs);
    connect(m_live, &QTimer::timeout, this, &CampaignsPage::refresh);
    updateActions();
}

qint64 CampaignsPage::currentId() const
{
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() ? m_model->index(i.row(), 0).data(CampaignListModel::IdRole).toLongLong()
                       : 0;
}

void CampaignsPage::selectId(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->setCurrentIndex(m_model->index(row, 0)); // selects the row: rows are selected
}

void CampaignsPage::refresh()
{
    const Database &db = m_db;
    m_tasks->run(
        [&db]() -> std::pair<std::optional<QList<CampaignRow>>, QString> {
            QString error;
            auto rows = CampaignListModel::load(db, &error);
            return {rows, error};
        },
        [this](const std::pair<std::optional<QList<CampaignRow>>, QString> &result) {
            if (!result.first) {
                m_message->showMessage(result.second);
                return;
            }
            const qint64 current = currentId();
            m_model->setRows(*result.first);
            m_stack->setCurrentIndex(result.first->isEmpty() ? 0 : 1);
            if (current)
                selectId(current);
            else if (!result.first->isEmpty() && !m_table->currentIndex().isValid())
                selectId(result.first->first().campaign.id);
            m_table->resizeColumnToContents(CampaignListModel::NameColumn);
            m_table->resizeColumnToContents(CampaignListModel::StateColumn);
            m_table->resizeColumnToContents(CampaignListModel::RecipientsColumn);
            m_table->resizeColumnToContents(CampaignListModel::WhenColumn);
            bool active = false;
            for (const CampaignRow &r : *result.first)
                active = active || r.campaign.state == QLatin1String("sending") ||
                         r.campaign.state == QLatin1String("scheduled");
            if (active && isVisible())
                m_live->start();
            else
                m_live->stop();
            updateActions();
            showReport();
        },
        QStringLiteral("list"));
}

void CampaignsPage::updateActions()
{
    const int row = m_model->rowOf(currentId());
    const QString state = row >= 0 ? m_model->rows().at(row).campaign.state : QString();
    const bool editable =
        !m_changing && (state == QLatin1String("draft") || state == QLatin1String("scheduled"));
    m_edit->setEnabled(editable);
    m_duplicate->setEnabled(row >= 0);
    m_test->setEnabled(row >= 0);
    m_fullReport->setEnabled(row >= 0 && m_model->rows().at(row).campaign.startedAtMs > 0);
    m_pause->setEnabled(!m_changing && state == QLatin1String("sending"));
    m_resume->setEnabled(!m_changing && state == QLatin1String("paused"));
    m_cancel->setEnabled(!m_changing && row >= 0 && state != QLatin1String("done") &&
                         state != QLatin1String("cancelled"));
    m_delete->setEnabled(!m_changing && row >= 0 && state != QLatin1String("sending") &&
                         state != QLatin1String("paused"));
}

bool CampaignsPage::edit(qint64 id)
{
    Campaign c;
    if (id) {
        const auto stored = CampaignRepository(m_db).find(id);
        if (!stored)
            return false;
        c = *stored;
    }
    CampaignEditorDialog dialog(m_db, m_clock, c, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    refresh();
    const Campaign saved = dialog.campaign();
    Q_EMIT statusMessage(dialog.scheduled()
                             ? tr("Campaign \"%1\" is scheduled.").arg(saved.name)
                             : tr("Campaign \"%1\" is saved as a draft.").arg(saved.name),
                         5000);
    if (dialog.scheduled())
        Q_EMIT campaignsChanged();
    return true;
}

void CampaignsPage::change(bool (CampaignRepository::*action)(qint64), const QString &done)
{
    // Off the UI thread: pausing or cancelling a million messages takes seconds.
    const qint64 id = currentId();
    const Database &db = m_db;
    m_changing = true;
    updateActions();
    m_tasks->run(
        [&db, action, id]() -> QString {
            CampaignRepository repository(db);
            return (repository.*action)(id) ? QString() : repository.errorString();
        },
        [this, done](const QString &error) {
            m_changing = false;
            m_message->showMessage(error);
            if (error.isEmpty()) {
                Q_EMIT statusMessage(done, 5000);
                Q_EMIT campaignsChanged();
            }
            refresh();
        });
}

void CampaignsPage::pickWinner(int variant)
{
    const auto c = CampaignRepository(m_db).find(currentId());
    if (!c)
        return;
    if (QMessageBox::question(
            this, tr("Choose the winner"),
            tr("Send variant %1 to the rest of the audience?").arg(variantName(variant)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) != QMessageBox::Yes)
        return;
    CampaignRunner runner(m_db, m_clock);
    if (!runner.pickWinner(c->id, variant)) {
        m_message->showMessage(runner.errorString());
        return;
    }
    Q_EMIT campaignsChanged();
    refresh();
}

void CampaignsPage::sendTest()
{
    const auto c = CampaignRepository(m_db).find(currentId());
    if (!c)
        return;
    auto t = TemplateRepository(m_db).find(c->templateName);
    if (!t) {
        m_message->showMessage(tr("There is no template named \"%1\".").arg(c->templateName));
        return;
    }
    if (c->ab.isEnabled() && !c->ab.variants.first().subject.isEmpty())
        t->subject = c->ab.variants.first().subject;
    if (const auto account = m_tests->chooseAccount(c->channel))
        m_tests->sendTemplate(*account, *t);
}

void CampaignsPage::showReport()
{
    const int row = m_model->rowOf(currentId());
    if (row < 0) {
        m_report->clear();
        return;
    }
    const Campaign c = m_model->rows().at(row).campaign;
    const int attributionDays =
        WorkspaceSettings(m_db).value(WorkspaceSettings::Key::AttributionDays).toInt();
    const Database &db = m_db;
    m_tasks->run(
        [&db, c]() -> std::pair<std::optional<CampaignReportData>, QString> {
            CampaignReport builder(db);
            auto built = builder.build(c.id);
            return {built, builder.errorString()};
        },
        [this, c,
         attributionDays](const std::pair<std::optional<CampaignReportData>, QString> &result) {
            if (c.id != currentId())
                return;
            if (!result.first) {
                m_report->setPlainText(tr("The report could not be read: %1").arg(result.second));
                return;
            }
            const CampaignReportData *report = &*result.first;
            const bool rtl = layoutDirection() == Qt::RightToLeft;
            QString html = QStringLiteral("<html><body dir=\"%1\">").arg(rtl ? u"rtl" : u"ltr");
            html += QStringLiteral("<h3>%1</h3>").arg(c.name.toHtmlEscaped());
            if (!c.error.isEmpty())
                html += QStringLiteral("<p>%1</p>")
                            .arg(c.error.toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                 QStringLiteral("<br>")));
            QList<CampaignFigures> columns = report->variants;
            if (columns.size() != 1)
                columns.prepend(report->total);
            html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\" border=\"1\" "
                                   "align=\"%1\"><tr><th></th>")
                        .arg(rtl ? u"right" : u"left");
            for (const CampaignFigures &f : columns)
                html += QStringLiteral("<th>%1</th>")
                            .arg(f.variant < 0 || !c.ab.isEnabled() ? tr("All")
                                                                    : variantName(f.variant));
            html += QStringLiteral("</tr>");
            const auto line = [&](const QString &label, auto value) {
                html += QStringLiteral("<tr><td>%1</td>").arg(label.toHtmlEscaped());
                for (const CampaignFigures &f : columns)
                    html += QStringLiteral("<td align=\"right\">%1</td>").arg(value(f));
                html += QStringLiteral("</tr>");
            };
            line(tr("Sent"),
                 [](const CampaignFigures &f) -> QString { return Formatter::number(f.sent); });
            line(tr("Not sent (failed, suppressed or interrupted)"),
                 [](const CampaignFigures &f) -> QString {
                     return Formatter::number(f.failed +
                                              f.states.value(QStringLiteral("suppressed")) +
                                              f.states.value(QStringLiteral("interrupted")));
                 });
            line(tr("Bounced"),
                 [](const CampaignFigures &f) -> QString { return Formatter::number(f.bounced); });
            line(tr("Opened (people)"), [](const CampaignFigures &f) -> QString {
                return Formatter::number(f.uniqueOpens) + QStringLiteral(" (") +
                       percent(f.uniqueOpens, f.delivered) + QLatin1Char(')');
            });
            line(tr("Opens by machines"), [](const CampaignFigures &f) -> QString {
                return Formatter::number(f.machineOpens);
            });
            line(tr("Clicked (people)"), [](const CampaignFigures &f) -> QString {
                return Formatter::number(f.uniqueClicks) + QStringLiteral(" (") +
                       percent(f.uniqueClicks, f.delivered) + QLatin1Char(')');
            });
            line(tr("Unsubscribed"), [](const CampaignFigures &f) -> QString {
                return Formatter::number(f.unsubscribes);
            });
            line(tr("Complained"), [](const CampaignFigures &f) -> QString {
                return Formatter::number(f.complaints);
            });
            line(tr("Purchases afterwards"), [](const CampaignFigures &f) -> QString {
                return Formatter::number(f.conversions);
            });
            line(tr("Revenue"), [](const CampaignFigures &f) -> QString {
                return QLocale().toString(f.revenue, 'f', 2);
            });
            html += QStringLiteral("</table>");
            if (c.ab.isEnabled()) {
                const QString summary = c.decision.value(QStringLiteral("summary")).toString();
                if (!summary.isEmpty())
                    html += QStringLiteral("<p><b>%1</b> %2</p>")
                                .arg(tr("A/B test:"), summary.toHtmlEscaped());
                if (c.phase == QLatin1String("choose") || c.phase == QLatin1String("testing")) {
                    html += QStringLiteral("<p>%1 ").arg(tr("Send to the rest:"));
                    for (int v = 1; v <= c.ab.variants.size(); ++v)
                        html += QStringLiteral("<a href=\"pick:%1\">%2</a> ")
                                    .arg(v)
                                    .arg(tr("variant %1").arg(variantName(v)));
                    html += QStringLiteral("</p>");
                }
            }
            html += QStringLiteral("<p>%1</p>")
                        .arg(tr("Purchases count for the campaign when its message was the last "
                                "marketing message before them, within %1 days.")
                                 .arg(Formatter::number(attributionDays)));
            html += QStringLiteral("</body></html>");
            m_report->setHtml(html);
        },
        QStringLiteral("report"));
}

void CampaignsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void CampaignsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_live->stop();
}

} // namespace masir::ui
