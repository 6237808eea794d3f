#pragma once

#include "contacts/Contact.h"
#include "contacts/ContactQuery.h"
#include "events/EventStore.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace masir {

class Database;

/// What the contact list shows of one contact.
struct ContactListRow
{
    qint64 id = 0;
    QVariant sortValue; ///< the value of the query's sort column (the keyset anchor)
    QString firstName;
    QString lastName;
    QString email;
    QString phone;
    QString company;
    QString city;
    QString stage;
    int score = 0;
    ContactStatus status = ContactStatus::Active;
    QDateTime createdAt;
};

/// Everything stored about a set of contacts, to bring them back after a delete.
struct ContactSnapshot
{
    struct Table
    {
        QString name;
        QStringList columns;
        QList<QVariantList> rows;
    };
    QList<Table> tables;
    qsizetype contactCount() const;
};

/// Reads and writes contacts, their tags and custom values, and records what
/// changed on each contact's timeline. Every write is one transaction.
class ContactRepository final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ContactRepository)

public:
    explicit ContactRepository(const Database &db);

    /// Cleans \a contact in place (trim, Persian letters, case-folded email, E.164
    /// phone) and returns what is wrong with it, field by field.
    QList<FieldError> validate(Contact &contact) const;

    bool create(Contact &contact);
    bool update(const Contact &contact);
    bool remove(const QList<qint64> &ids);
    /// Keeps \a keepId, fills its empty fields from \a otherId, joins tags and
    /// timelines, then deletes \a otherId.
    bool merge(qint64 keepId, qint64 otherId);

    /// Whether setField() can set \a field: a standard text field a journey may
    /// change, or "custom.<key>".
    static bool isSettableField(const QString &field);
    /// Sets one field of a contact and records contact_updated (with \a extra
    /// in its payload), inside the caller's transaction.
    bool setField(qint64 id, const QString &field, const QString &value, qint64 atMs,
                  const QJsonObject &extra = {});

    ContactSnapshot snapshot(const QList<qint64> &ids) const;
    bool restore(const ContactSnapshot &snapshot);

    std::optional<Contact> find(qint64 id) const;
    std::optional<qint64> findIdByEmail(const QString &email) const;
    QList<qint64> findIdsByPhone(const QString &e164) const;

    qint64 count(const ContactQuery &query = {}) const;
    QList<ContactListRow> page(const ContactQuery &query, const PageRequest &request) const;

    QList<FieldError> errors() const { return m_errors; }
    QString errorString() const;

    /// The normalised text a search matches against.
    static QString searchTextFor(const Contact &contact);
    /// searchTextFor() in UTF-8, into \a out (room for \a capacity bytes), when
    /// the names, company, email and phone are all ASCII, as most are: the
    /// folding is then lower-casing, done here without a string in between.
    /// The length written, or -1 (with \a out unspecified) for anything else.
    static qsizetype asciiSearchTextFor(const Contact &contact, char *out, qsizetype capacity);
    QString defaultRegion() const;

private:
    QSqlDatabase db() const;
    bool writeContact(Contact &contact, bool insert);
    bool writeTags(qint64 id, const QStringList &tags, const QDateTime &now, bool recordEvents);
    bool writeCustomValues(qint64 id, const QMap<QString, QString> &values);
    bool fail(const QString &message, const QString &field = QString());
    void readTagsAndValues(Contact &contact) const;

    const Database &m_db;
    QList<FieldError> m_errors;
};

} // namespace masir
