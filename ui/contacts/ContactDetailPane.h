#pragma once

#include "common/Clock.h"
#include "contacts/Contact.h"
#include "crm/ContactTimeline.h"

#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;

namespace masir {
class ContactRepository;
class Database;
class CustomFieldRepository;
} // namespace masir

namespace masir::ui {

/// Everything about the selected contact: details, tags, consent and timeline.
class ContactDetailPane final : public QWidget
{
    Q_OBJECT

public:
    ContactDetailPane(const Database &db, const ContactRepository &repo,
                      const CustomFieldRepository &fields, QWidget *parent = nullptr);

    void showContact(qint64 id);
    void showSelectionCount(int count);
    qint64 contactId() const { return m_id; }
    int timelineCount() const;

Q_SIGNALS:
    void editRequested(qint64 id);

private:
    const Database &m_db;
    SystemClock m_clock;
    const ContactRepository &m_repo;
    const CustomFieldRepository &m_fields;
    ContactTimeline m_timelineReader;
    qint64 m_id = 0;
    QLabel *m_placeholder = nullptr;
    QWidget *m_body = nullptr;
    QLabel *m_name = nullptr;
    QFormLayout *m_details = nullptr;
    QLabel *m_tags = nullptr;
    QFormLayout *m_consent = nullptr;
    QListWidget *m_timeline = nullptr;
    QPushButton *m_edit = nullptr;
};

} // namespace masir::ui
