#include "outbox/ReturnedMailPanel.h"

#include "common/BackgroundTasks.h"
#include "common/Clock.h"
#include "i18n/Formatter.h"
#include "intake/MailboxPoller.h"
#include "messaging/BounceParser.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/ImapMailbox.h"
#include "widgets/MessageLabel.h"
#include "widgets/Selection.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

enum Column
{
    TimeColumn,
    AccountColumn,
    KindColumn,
    FromColumn,
    SubjectColumn,
    OutcomeColumn,
    ColumnCount,
};

constexpr int kLimit = 500;

} // namespace

ReturnedMailPanel::ReturnedMailPanel(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_tasks(new BackgroundTasks(this))
{
    setObjectName(QStringLiteral("ReturnedMailPanel"));
    m_keptOnly = new QCheckBox(tr("Only what needs a &person"));
    m_keptOnly->setObjectName(QStringLiteral("keptAsideOnly"));
    m_keptOnly->setToolTip(tr("Messages Masir could not read or act on, kept aside whole"));
    connect(m_keptOnly, &QCheckBox::toggled, this, &ReturnedMailPanel::refresh);
    m_check = new QPushButton(tr("&Check Mailboxes Now"));
    m_check->setObjectName(QStringLiteral("checkMailboxes"));
    m_check->setToolTip(tr("Masir reads them every %n minute(s) while it runs", nullptr,
                           int(MailboxPoller::kIntervalMs / 60000)));
    connect(m_check, &QPushButton::clicked, this, &ReturnedMailPanel::checkNow);
    m_save = new QPushButton(tr("&Save Message…"));
    m_save->setObjectName(QStringLiteral("saveReturned"));
    m_save->setToolTip(tr("Save the selected message kept aside as an .eml file, to open it "
                          "in a mail program"));
    connect(m_save, &QPushButton::clicked, this, &ReturnedMailPanel::saveSelected);
    auto *top = new QHBoxLayout;
    top->addWidget(m_keptOnly);
    top->addStretch(1);
    top->addWidget(m_save);
    top->addWidget(m_check);

    m_summary = new MessageLabel(MessageLabel::Kind::Success);
    m_summary->setObjectName(QStringLiteral("mailboxSummary"));

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("returnedMailTable"));
    m_table->setAccessibleName(tr("Returned mail"));
    m_table->setHorizontalHeaderLabels({tr("Received"), tr("Account"), tr("Kind"), tr("From"),
                                        tr("Subject"), tr("What Masir did")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(OutcomeColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(FromColumn, 200);
    m_table->setColumnWidth(SubjectColumn, 220);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ReturnedMailPanel::updateActions);
    connect(m_table, &QTableWidget::itemDoubleClicked, this, &ReturnedMailPanel::saveSelected);

    m_empty = new QLabel;
    m_empty->setObjectName(QStringLiteral("returnedMailEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);
    refresh();
}

void ReturnedMailPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void ReturnedMailPanel::refresh()
{
    const ReturnedMail log(m_db);
    const auto rows = log.list(m_keptOnly->isChecked(), kLimit);
    const qint64 keep = m_table->currentRow() >= 0 && m_table->currentRow() < m_rows.size()
                            ? m_rows.at(m_table->currentRow()).id
                            : 0;
    m_rows = rows.value_or(QList<ReturnedMessage>{});
    m_table->setRowCount(int(m_rows.size()));
    int keepRow = -1;
    for (int r = 0; r < m_rows.size(); ++r) {
        const ReturnedMessage &m = m_rows.at(r);
        const QStringList cells = {
            Formatter::dateTime(QDateTime::fromMSecsSinceEpoch(m.receivedAt, Qt::UTC)),
            m.account,
            m.keptAside ? tr("%1 · kept aside").arg(BounceParser::kindLabel(m.kind))
                        : BounceParser::kindLabel(m.kind),
            Formatter::leftToRight(m.sender),
            m.subject,
            m.outcome};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(cells.at(c));
            if (m.keptAside && c == KindColumn)
                item->setForeground(MessageLabel::colour(MessageLabel::Kind::Warning, palette()));
            m_table->setItem(r, c, item);
        }
        if (m.id == keep)
            keepRow = r;
    }
    m_table->resizeColumnToContents(TimeColumn);
    m_table->resizeColumnToContents(AccountColumn);
    m_table->resizeColumnToContents(KindColumn);
    if (keepRow >= 0)
        selectWholeRow(m_table, keepRow);

    // Which mailboxes are read, and how the last read went.
    QStringList lines;
    const auto cursors = log.cursors();
    int mailboxes = 0;
    bool trouble = !rows;
    for (const ChannelAccount &a : ChannelAccounts(m_db).list()) {
        if (!a.isSmtp() || !MailboxSettings::of(a).isSet())
            continue;
        ++mailboxes;
        MailboxCursor cursor;
        for (const MailboxCursor &c : cursors.value_or(QList<MailboxCursor>{}))
            if (c.accountId == a.id)
                cursor = c;
        if (!a.enabled)
            lines << tr("%1: not read while the account is turned off.").arg(a.name);
        else if (!cursor.error.isEmpty())
            lines << tr("%1: cannot be read: %2").arg(a.name, cursor.error);
        else if (cursor.checkedAt)
            lines << tr("%1: read at %2.")
                         .arg(a.name, Formatter::dateTime(QDateTime::fromMSecsSinceEpoch(
                                          cursor.checkedAt, Qt::UTC)));
        else
            lines << tr("%1: not read yet.").arg(a.name);
        trouble = trouble || (a.enabled && !cursor.error.isEmpty());
    }
    if (!rows)
        lines << log.errorString();
    m_summary->setKind(trouble ? MessageLabel::Kind::Error : MessageLabel::Kind::Success);
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_summary->setVisible(!lines.isEmpty());
    m_check->setEnabled(mailboxes > 0 && !m_tasks->isBusy());

    const bool empty = m_rows.isEmpty();
    m_table->setVisible(!empty);
    m_empty->setVisible(empty);
    m_empty->setText(
        mailboxes == 0
            ? tr("Bounces that come back later, spam complaints and unsubscribe requests by "
                 "email arrive in your sending account's mailbox. To let Masir read them, edit "
                 "an email account in Settings → Channels and fill in its returned-mail "
                 "mailbox.")
        : m_keptOnly->isChecked()
            ? tr("Nothing needs a person: Masir could read every message that came back.")
            : tr("Nothing has come back to the mailboxes yet."));
    updateActions();
}

void ReturnedMailPanel::updateActions()
{
    const int row = m_table->currentRow();
    const bool kept = row >= 0 && row < m_rows.size() &&
                      m_table->selectionModel()->hasSelection() && m_rows.at(row).keptAside;
    m_save->setEnabled(kept);
}

void ReturnedMailPanel::checkNow()
{
    if (m_tasks->isBusy())
        return;
    m_check->setEnabled(false);
    m_check->setText(tr("Checking…"));
    const Database &db = m_db;
    const std::atomic<bool> *stop = m_tasks->stopping();
    m_tasks->run(
        [&db, stop]() -> std::pair<std::optional<MailboxStats>, QString> {
            SystemClock clock;
            MailboxPoller poller(db, clock, stop);
            const auto stats = poller.poll(true);
            return {stats, poller.errorString()};
        },
        [this](std::pair<std::optional<MailboxStats>, QString> result) {
            showChecked(result.first, result.second);
        });
}

void ReturnedMailPanel::showChecked(const std::optional<MailboxStats> &stats, const QString &error)
{
    m_check->setText(tr("&Check Mailboxes Now"));
    refresh();
    if (!stats) {
        Q_EMIT statusMessage(tr("Cannot read the mailboxes: %1").arg(error), 0);
        return;
    }
    Q_EMIT statusMessage(MailboxPoller::describe(*stats), 8000);
    if (stats->changed())
        Q_EMIT returnedMailApplied();
}

void ReturnedMailPanel::saveSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).keptAside)
        return;
    const ReturnedMessage &m = m_rows.at(row);
    const ReturnedMail log(m_db);
    const auto raw = log.raw(m.id);
    if (!raw || raw->isEmpty()) {
        Q_EMIT statusMessage(tr("The message is not kept: %1").arg(log.errorString()), 0);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Returned Message"),
        QDir::home().filePath(QStringLiteral("returned-%1.eml").arg(m.id)),
        tr("Email messages (*.eml)"));
    if (path.isEmpty())
        return;
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(*raw) != raw->size() || !out.commit()) {
        Q_EMIT statusMessage(
            tr("Cannot save %1: %2")
                .arg(Formatter::leftToRight(QDir::toNativeSeparators(path)), out.errorString()),
            0);
        return;
    }
    Q_EMIT statusMessage(
        tr("Saved %1.").arg(Formatter::leftToRight(QDir::toNativeSeparators(path))), 5000);
}

} // namespace masir::ui
