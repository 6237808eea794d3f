#include "contacts/ContactDetailPane.h"

#include "campaigns/BestSendTime.h"

#include "contacts/ContactRepository.h"
#include "contacts/CustomFields.h"
#include "contacts/PhoneNumbers.h"
#include "i18n/Formatter.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace masir::ui {

namespace {

void addRow(QFormLayout *form, const QString &label, const QString &value)
{
    if (value.isEmpty())
        return;
    auto *text = new QLabel(value);
    text->setTextFormat(Qt::PlainText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setWordWrap(true);
    form->addRow(label + QLatin1Char(':'), text);
}

void clearRows(QFormLayout *form)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
}

QLabel *sectionTitle(const QString &text)
{
    auto *label = new QLabel(text);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

} // namespace

ContactDetailPane::ContactDetailPane(const Database &db, const ContactRepository &repo,
                                     const CustomFieldRepository &fields, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_repo(repo)
    , m_fields(fields)
    , m_timelineReader(db)
{
    auto *outer = new QVBoxLayout(this);
    m_placeholder = new QLabel(tr("Select a contact to see their details and timeline."));
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_placeholder, 1);

    m_body = new QWidget;
    auto *layout = new QVBoxLayout(m_body);
    layout->setContentsMargins(0, 0, 0, 0);
    m_name = new QLabel;
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name->setWordWrap(true);
    m_edit = new QPushButton(tr("&Edit…"));
    m_edit->setToolTip(tr("Edit this contact (Enter)"));
    connect(m_edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(m_id); });
    auto *header = new QHBoxLayout;
    header->addWidget(m_name, 1);
    header->addWidget(m_edit);
    layout->addLayout(header);

    m_details = new QFormLayout;
    m_details->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_details);

    layout->addWidget(sectionTitle(tr("Tags")));
    m_tags = new QLabel;
    m_tags->setTextFormat(Qt::RichText);
    m_tags->setWordWrap(true);
    layout->addWidget(m_tags);

    layout->addWidget(sectionTitle(tr("Consent")));
    m_consent = new QFormLayout;
    layout->addLayout(m_consent);

    layout->addWidget(sectionTitle(tr("Timeline")));
    m_timeline = new QListWidget;
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setAccessibleName(tr("Timeline"));
    m_timeline->setWordWrap(true);
    m_timeline->setAlternatingRowColors(true);
    layout->addWidget(m_timeline, 1);

    outer->addWidget(m_body, 1);
    m_body->hide();
    setMinimumWidth(300);
}

int ContactDetailPane::timelineCount() const
{
    return m_timeline->count();
}

void ContactDetailPane::showSelectionCount(int count)
{
    m_id = 0;
    m_body->hide();
    m_placeholder->setText(count > 1 ? tr("%n contacts selected.", nullptr, count)
                                     : tr("Select a contact to see their details and timeline."));
    m_placeholder->show();
}

void ContactDetailPane::showContact(qint64 id)
{
    const std::optional<Contact> found = m_repo.find(id);
    if (!found) {
        showSelectionCount(0);
        return;
    }
    const Contact &c = *found;
    m_id = id;
    m_placeholder->hide();
    m_body->show();
    m_name->setText(c.displayName());

    clearRows(m_details);
    addRow(m_details, tr("Email"), c.email);
    addRow(m_details, tr("Phone"), PhoneNumbers::display(c.phone));
    addRow(m_details, tr("Company"), c.company);
    addRow(m_details, tr("City"), c.city);
    addRow(m_details, tr("Country"), c.country);
    addRow(m_details, tr("Birthday"), Formatter::date(c.birthday));
    addRow(m_details, tr("Stage"), ContactVocabulary::stageLabel(c.stage));
    addRow(m_details, tr("Score"), Formatter::number(c.score));
    if (const auto best = BestSendTime(m_db, m_clock).ofContact(c.id)) {
        const QTimeZone zone =
            c.timezone.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(c.timezone.toUtf8());
        addRow(m_details, tr("Best time to send"),
               tr("%1 (their time)").arg(BestSendTime::describe(*best, zone)));
    }
    addRow(m_details, tr("Status"), ContactVocabulary::statusLabel(c.status));
    addRow(m_details, tr("Source"), c.source);
    addRow(m_details, tr("Owner"), c.owner);
    for (const FieldDefinition &def : m_fields.fields()) {
        QString value = c.custom.value(def.key);
        if (def.type == FieldType::Boolean && !value.isEmpty())
            value = value == QLatin1String("1") ? tr("Yes") : tr("No");
        else if (def.type == FieldType::Date && !value.isEmpty())
            value = Formatter::date(QDate::fromString(value, Qt::ISODate));
        addRow(m_details, def.label, value);
    }
    addRow(m_details, tr("Created"), Formatter::dateTime(c.createdAt));

    if (c.tags.isEmpty()) {
        m_tags->setText(tr("No tags"));
    } else {
        QStringList chips;
        for (const QString &tag : c.tags)
            chips << QStringLiteral(
                         "<span style='background:palette(alternate-base);'>&nbsp;%1&nbsp;</span>")
                         .arg(tag.toHtmlEscaped());
        m_tags->setText(chips.join(QStringLiteral(" ")));
    }

    auto consentText = [this](const Consent &consent) {
        QString text = ContactVocabulary::consentLabel(consent.status);
        QStringList details;
        if (consent.changedAt.isValid())
            details << Formatter::dateTime(consent.changedAt);
        if (!consent.source.isEmpty())
            details << consent.source;
        if (!details.isEmpty())
            text += QStringLiteral(" (%1)").arg(
                details.size() == 2
                    ? tr("%1, %2", "consent time, consent source").arg(details[0], details[1])
                    : details.first());
        return text;
    };
    clearRows(m_consent);
    addRow(m_consent, ContactVocabulary::channelLabel(Channel::Email), consentText(c.emailConsent));
    addRow(m_consent, ContactVocabulary::channelLabel(Channel::Sms), consentText(c.smsConsent));

    m_timeline->clear();
    const QList<Event> events = m_timelineReader.entries(id);
    for (const Event &e : events) {
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(
            ContactTimeline::describe(e), Formatter::dateTime(e.occurredAt)));
        item->setData(Qt::UserRole, e.type);
        m_timeline->addItem(item);
    }
    if (events.isEmpty())
        m_timeline->addItem(tr("Nothing has happened yet."));
}

} // namespace masir::ui
