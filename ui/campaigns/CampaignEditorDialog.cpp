#include "campaigns/CampaignEditorDialog.h"

#include "campaigns/CampaignChecks.h"
#include "campaigns/CampaignRepository.h"
#include "common/BackgroundTasks.h"
#include "common/Clock.h"
#include "i18n/Formatter.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/MessageTemplate.h"
#include "segments/SegmentRepository.h"
#include "widgets/DateEdit.h"
#include "widgets/MessageLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

QListWidget *segmentList(const QList<Segment> &segments, const QString &accessibleName)
{
    auto *list = new QListWidget;
    list->setAccessibleName(accessibleName);
    for (const Segment &s : segments) {
        auto *item = new QListWidgetItem(
            s.isStatic ? CampaignEditorDialog::tr("%1 (list)").arg(s.name) : s.name);
        item->setData(Qt::UserRole, s.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        list->addItem(item);
    }
    list->setMinimumHeight(110);
    return list;
}

void check(QListWidget *list, const QStringList &names)
{
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setCheckState(names.contains(list->item(i)->data(Qt::UserRole).toString())
                                         ? Qt::Checked
                                         : Qt::Unchecked);
}

} // namespace

CampaignEditorDialog::CampaignEditorDialog(const Database &db, const Clock &clock,
                                           const Campaign &campaign, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_clock(clock)
    , m_tasks(new BackgroundTasks(this))
{
    setObjectName(QStringLiteral("CampaignEditorDialog"));
    setWindowTitle(campaign.id ? tr("Campaign: %1").arg(campaign.name) : tr("New campaign"));
    setMinimumWidth(760);

    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("campaignName"));
    m_name->setPlaceholderText(tr("e.g. Thursday offer"));
    m_template = new QComboBox;
    m_template->setObjectName(QStringLiteral("campaignTemplate"));
    for (const MessageTemplate &t : TemplateRepository(m_db).list())
        m_template->addItem(t.isEmail() ? tr("%1 (email)").arg(t.name) : tr("%1 (SMS)").arg(t.name),
                            t.name);
    m_account = new QComboBox;
    m_account->setObjectName(QStringLiteral("campaignAccount"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Template:"), m_template);
    form->addRow(tr("Send from:"), m_account);

    m_problems = new MessageLabel(MessageLabel::Kind::Error);
    m_problems->setObjectName(QStringLiteral("campaignProblems"));

    m_schedule = new QPushButton(tr("Schedule"));
    m_schedule->setObjectName(QStringLiteral("scheduleCampaign"));
    m_schedule->setDefault(true);
    m_draft = new QPushButton(tr("Save as draft"));
    m_draft->setObjectName(QStringLiteral("saveDraft"));
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_schedule, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_draft, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_schedule, &QPushButton::clicked, this, [this] { save(true); });
    connect(m_draft, &QPushButton::clicked, this, [this] { save(false); });
    connect(buttons, &QDialogButtonBox::rejected, this, &CampaignEditorDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buildAudience());
    layout->addWidget(buildSchedule());
    layout->addWidget(buildAbTest());
    layout->addWidget(m_problems);
    layout->addWidget(buttons);

    const auto fillAccounts = [this] {
        const QString channel = TemplateRepository(m_db)
                                    .find(m_template->currentData().toString())
                                    .value_or(MessageTemplate())
                                    .channel;
        const QString current = m_account->currentData().toString();
        m_account->clear();
        m_account->addItem(tr("Every %1 account, in turn")
                               .arg(channel == QLatin1String("sms") ? tr("SMS") : tr("email")),
                           QString());
        for (const ChannelAccount &a : ChannelAccounts(m_db).list())
            if (a.channel() == channel)
                m_account->addItem(a.name, a.name);
        m_account->setCurrentIndex(std::max(0, m_account->findData(current)));
    };
    connect(m_template, &QComboBox::currentIndexChanged, this, [this, fillAccounts] {
        fillAccounts();
        recount();
    });
    load(campaign);
    fillAccounts();
    m_account->setCurrentIndex(std::max(0, m_account->findData(campaign.account)));
    m_original = this->campaign();
    recount();
}

QWidget *CampaignEditorDialog::buildAudience()
{
    const QList<Segment> segments = SegmentRepository(m_db).list();
    auto *box = new QGroupBox(tr("Audience"));
    m_include = segmentList(segments, tr("Send to"));
    m_include->setObjectName(QStringLiteral("audienceInclude"));
    m_exclude = segmentList(segments, tr("Leave out"));
    m_exclude->setObjectName(QStringLiteral("audienceExclude"));
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("audienceCount"));
    m_count->setWordWrap(true);
    for (QListWidget *list : {m_include, m_exclude})
        connect(list, &QListWidget::itemChanged, this, &CampaignEditorDialog::recount);
    auto *grid = new QGridLayout(box);
    grid->addWidget(new QLabel(tr("Send to everyone in:")), 0, 0);
    grid->addWidget(new QLabel(tr("But not to anyone in:")), 0, 1);
    grid->addWidget(m_include, 1, 0);
    grid->addWidget(m_exclude, 1, 1);
    grid->addWidget(m_count, 2, 0, 1, 2);
    if (segments.isEmpty())
        m_count->setText(tr("There are no segments or lists yet: make one on the Segments page."));
    return box;
}

QWidget *CampaignEditorDialog::buildSchedule()
{
    auto *box = new QGroupBox(tr("When"));
    m_when = new QComboBox;
    m_when->setObjectName(QStringLiteral("campaignWhen"));
    m_when->addItem(tr("As soon as it is scheduled"), int(Campaign::Schedule::Now));
    m_when->addItem(tr("At a date and time"), int(Campaign::Schedule::At));
    m_when->addItem(tr("At a time of day in each contact's time zone"),
                    int(Campaign::Schedule::LocalTime));
    m_when->addItem(tr("At each contact's best hour, in the 24 hours from"),
                    int(Campaign::Schedule::BestHour));
    m_date = makeDateEdit();
    m_date->setObjectName(QStringLiteral("campaignDate"));
    m_time = new QTimeEdit;
    m_time->setObjectName(QStringLiteral("campaignTime"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_time->setLayoutDirection(Qt::LeftToRight);
    auto *row = new QHBoxLayout(box);
    row->addWidget(m_when);
    row->addWidget(m_date);
    row->addWidget(m_time);
    row->addStretch(1);
    connect(m_when, &QComboBox::currentIndexChanged, this,
            &CampaignEditorDialog::updateScheduleFields);
    return box;
}

QGroupBox *CampaignEditorDialog::buildAbTest()
{
    m_ab = new QGroupBox(tr("A/B test"));
    m_ab->setObjectName(QStringLiteral("abTest"));
    m_ab->setCheckable(true);
    m_ab->setChecked(false);
    m_variants = new QSpinBox;
    m_variants->setObjectName(QStringLiteral("abVariants"));
    m_variants->setRange(2, AbTest::kMaxVariants);
    m_share = new QSpinBox;
    m_share->setObjectName(QStringLiteral("abShare"));
    m_share->setRange(2, 100);
    m_share->setSuffix(tr(" %"));
    m_share->setValue(20);
    m_metric = new QComboBox;
    m_metric->setObjectName(QStringLiteral("abMetric"));
    m_metric->addItem(tr("Unique opens"), AbTest::metricKey(AbTest::Metric::Opens));
    m_metric->addItem(tr("Clicks"), AbTest::metricKey(AbTest::Metric::Clicks));
    m_metric->addItem(tr("Revenue"), AbTest::metricKey(AbTest::Metric::Revenue));
    m_wait = new QSpinBox;
    m_wait->setObjectName(QStringLiteral("abWait"));
    m_wait->setRange(1, 720);
    m_wait->setValue(4);
    m_wait->setSuffix(tr(" hours"));
    m_automatic = new QCheckBox(tr("Send the winner to the rest on its own"));
    m_automatic->setObjectName(QStringLiteral("abAutomatic"));
    m_automatic->setChecked(true);

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Variant")), 0, 0);
    grid->addWidget(new QLabel(tr("Template")), 0, 1);
    grid->addWidget(new QLabel(tr("Subject (empty: the template's)")), 0, 2);
    grid->addWidget(new QLabel(tr("Sender name")), 0, 3);
    grid->addWidget(new QLabel(tr("Later by")), 0, 4);
    for (int i = 0; i < AbTest::kMaxVariants; ++i) {
        VariantRow r;
        r.templateBox = new QComboBox;
        r.templateBox->addItem(tr("The campaign's"), QString());
        for (int k = 0; k < m_template->count(); ++k)
            r.templateBox->addItem(m_template->itemText(k), m_template->itemData(k));
        r.subject = new QLineEdit;
        r.fromName = new QLineEdit;
        r.delay = new QSpinBox;
        r.delay->setRange(0, 7 * 24 * 60);
        r.delay->setSuffix(tr(" min"));
        r.label = new QLabel(QString(QChar(u'A' + i)));
        QLabel *label = r.label;
        grid->addWidget(label, i + 1, 0);
        grid->addWidget(r.templateBox, i + 1, 1);
        grid->addWidget(r.subject, i + 1, 2);
        grid->addWidget(r.fromName, i + 1, 3);
        grid->addWidget(r.delay, i + 1, 4);
        r.templateBox->setObjectName(QStringLiteral("abTemplate%1").arg(i));
        r.subject->setObjectName(QStringLiteral("abSubject%1").arg(i));
        m_rows << r;
    }
    grid->setColumnStretch(2, 1);
    auto *settings = new QFormLayout;
    settings->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    settings->addRow(tr("Variants:"), m_variants);
    settings->addRow(tr("Test on:"), m_share);
    settings->addRow(tr("Winner by:"), m_metric);
    settings->addRow(tr("Test for:"), m_wait);
    settings->addRow(QString(), m_automatic);
    // Folded away until the test is switched on.
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("abContent"));
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(settings);
    contentLayout->addLayout(grid);
    auto *layout = new QVBoxLayout(m_ab);
    layout->addWidget(content);
    content->setVisible(false);
    connect(m_variants, &QSpinBox::valueChanged, this, &CampaignEditorDialog::updateVariantRows);
    connect(m_ab, &QGroupBox::toggled, content, &QWidget::setVisible);
    return m_ab;
}

void CampaignEditorDialog::load(const Campaign &c)
{
    m_name->setText(c.name);
    const int t = m_template->findData(c.templateName);
    m_template->setCurrentIndex(t >= 0 ? t : 0);
    check(m_include, c.audience.include);
    check(m_exclude, c.audience.exclude);
    m_when->setCurrentIndex(std::max(0, m_when->findData(int(c.schedule))));
    const QDateTime at = c.sendAtMs ? QDateTime::fromMSecsSinceEpoch(c.sendAtMs)
                                    : m_clock.now().toLocalTime().addSecs(3600);
    m_date->setDate(at.date());
    m_time->setTime(c.schedule == Campaign::Schedule::LocalTime
                        ? QTime::fromString(c.localTime, QStringLiteral("HH:mm"))
                        : QTime(at.time().hour(), at.time().minute()));
    m_ab->setChecked(c.ab.isEnabled());
    if (c.ab.isEnabled()) {
        m_variants->setValue(int(c.ab.variants.size()));
        m_share->setValue(c.ab.sharePercent);
        m_metric->setCurrentIndex(std::max(0, m_metric->findData(AbTest::metricKey(c.ab.metric))));
        m_wait->setValue(std::max(1, c.ab.waitMinutes / 60));
        m_automatic->setChecked(c.ab.automatic);
        for (int i = 0; i < c.ab.variants.size(); ++i) {
            const AbVariant &v = c.ab.variants.at(i);
            m_rows[i].templateBox->setCurrentIndex(
                std::max(0, m_rows[i].templateBox->findData(v.templateName)));
            m_rows[i].subject->setText(v.subject);
            m_rows[i].fromName->setText(v.fromName);
            m_rows[i].delay->setValue(v.delayMinutes);
        }
    }
    updateScheduleFields();
    updateVariantRows();
}

Campaign CampaignEditorDialog::campaign() const
{
    Campaign c = m_original;
    c.name = m_name->text().trimmed();
    c.templateName = m_template->currentData().toString();
    c.channel = TemplateRepository(m_db).find(c.templateName).value_or(MessageTemplate()).channel;
    c.audience.include = checked(m_include);
    c.audience.exclude = checked(m_exclude);
    c.account = m_account->currentData().toString();
    c.schedule = Campaign::Schedule(m_when->currentData().toInt());
    c.sendAtMs = 0;
    c.localTime.clear();
    if (c.schedule == Campaign::Schedule::At || c.schedule == Campaign::Schedule::BestHour)
        c.sendAtMs = QDateTime(m_date->date(), m_time->time()).toMSecsSinceEpoch();
    if (c.schedule == Campaign::Schedule::LocalTime) {
        c.sendAtMs = QDateTime(m_date->date(), QTime(12, 0)).toMSecsSinceEpoch();
        c.localTime = m_time->time().toString(QStringLiteral("HH:mm"));
    }
    c.ab = AbTest();
    if (m_ab->isChecked()) {
        for (int i = 0; i < m_variants->value(); ++i) {
            const VariantRow &r = m_rows.at(i);
            c.ab.variants << AbVariant{r.templateBox->currentData().toString(),
                                       r.subject->text().trimmed(), r.fromName->text().trimmed(),
                                       r.delay->value()};
        }
        c.ab.sharePercent = m_share->value();
        c.ab.metric = *AbTest::metricFromKey(m_metric->currentData().toString());
        c.ab.waitMinutes = m_wait->value() * 60;
        c.ab.automatic = m_automatic->isChecked();
    }
    return c;
}

QStringList CampaignEditorDialog::checked(const QListWidget *list) const
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            out << list->item(i)->data(Qt::UserRole).toString();
    return out;
}

void CampaignEditorDialog::updateScheduleFields()
{
    const auto s = Campaign::Schedule(m_when->currentData().toInt());
    m_date->setVisible(s != Campaign::Schedule::Now);
    m_time->setVisible(s != Campaign::Schedule::Now);
    m_schedule->setText(s == Campaign::Schedule::Now ? tr("Send now") : tr("Schedule"));
}

void CampaignEditorDialog::updateVariantRows()
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const bool shown = i < m_variants->value();
        for (QWidget *w :
             {static_cast<QWidget *>(m_rows[i].label),
              static_cast<QWidget *>(m_rows[i].templateBox),
              static_cast<QWidget *>(m_rows[i].subject), static_cast<QWidget *>(m_rows[i].fromName),
              static_cast<QWidget *>(m_rows[i].delay)})
            w->setVisible(shown);
    }
}

void CampaignEditorDialog::recount()
{
    const Campaign c = campaign();
    if (c.audience.isEmpty()) {
        m_count->setText(tr("Choose who the campaign goes to."));
        return;
    }
    m_count->setText(tr("Counting…"));
    const Database &db = m_db;
    const Clock &clock = m_clock;
    m_tasks->run(
        [&db, &clock, c]() -> std::pair<std::optional<AudienceCounts>, QString> {
            CampaignChecks checks(db, clock);
            const auto counts = checks.count(c);
            return {counts, checks.errorString()};
        },
        [this](const std::pair<std::optional<AudienceCounts>, QString> &result) {
            if (!result.first) {
                m_count->setText(result.second);
                return;
            }
            const AudienceCounts &n = *result.first;
            QString text = tr("%1 in the audience; %2 can be sent to.")
                               .arg(Formatter::number(n.audience), Formatter::number(n.sendable));
            QStringList left;
            if (n.noAddress)
                left << tr("%1 without an address").arg(Formatter::number(n.noAddress));
            if (n.unwilling)
                left << tr("%1 unsubscribed, bounced or without consent")
                            .arg(Formatter::number(n.unwilling));
            if (n.suppressed)
                left << tr("%1 suppressed").arg(Formatter::number(n.suppressed));
            if (!left.isEmpty())
                text += QLatin1Char(' ') + tr("Left out: %1.").arg(left.join(tr(", ")));
            if (n.atDailyCap)
                text += QLatin1Char(' ') +
                        tr("%1 have had today's marketing emails and will get it tomorrow.")
                            .arg(Formatter::number(n.atDailyCap));
            m_count->setText(text);
        },
        QStringLiteral("count"));
}

void CampaignEditorDialog::save(bool schedule)
{
    if (m_busy)
        return;
    Campaign c = campaign();
    const QStringList own = c.problems();
    if (!own.isEmpty()) {
        m_problems->showMessage(own.join(QLatin1Char('\n')));
        return;
    }
    CampaignRepository repository(m_db);
    if (!repository.save(c)) {
        m_problems->showMessage(repository.errorString());
        return;
    }
    m_original = c;
    if (!schedule) {
        // A scheduled campaign saved as a draft waits again.
        if (c.state == QLatin1String("scheduled") && !repository.unschedule(c.id)) {
            m_problems->showMessage(repository.errorString());
            return;
        }
        accept();
        return;
    }
    m_busy = true;
    m_schedule->setEnabled(false);
    m_problems->setKind(MessageLabel::Kind::Warning);
    m_problems->showMessage(tr("Checking the template, the accounts and the audience…"));
    const Database &db = m_db;
    const Clock &clock = m_clock;
    m_tasks->run([&db, &clock, c] { return CampaignChecks(db, clock).problems(c); },
                 [this, c](const QStringList &problems) {
                     m_busy = false;
                     m_schedule->setEnabled(true);
                     m_problems->setKind(MessageLabel::Kind::Error);
                     if (!problems.isEmpty()) {
                         m_problems->showMessage(
                             tr("The campaign is saved as a draft, but it cannot start yet:") +
                             QLatin1Char('\n') + problems.join(QLatin1Char('\n')));
                         return;
                     }
                     CampaignRepository campaigns(m_db);
                     if (!campaigns.schedule(c.id)) {
                         m_problems->showMessage(campaigns.errorString());
                         return;
                     }
                     m_scheduled = true;
                     accept();
                 });
}

void CampaignEditorDialog::reject()
{
    if (m_busy)
        return;
    if (isModified()) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved changes"), tr("Save the changes to this campaign as a draft?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Save) {
            save(false);
            return;
        }
    }
    QDialog::reject();
}

} // namespace masir::ui
