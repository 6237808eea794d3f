#pragma once

#include "contacts/ContactColumns.h"
#include "contacts/CustomFields.h"
#include "importing/CsvReader.h"
#include "importing/ImportJob.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace masir {

struct ImportPlan;

/// A data row read and cleaned on the reader thread, ready to be written.
struct PreparedRow
{
    CsvReader::Record record; ///< row and line; the raw text for issues (no fields)
    bool ok = false;          ///< false: rejected (see issues)
    PackedRow contact;        ///< the contact's columns, as created (ContactColumns)
    int score = 0;            ///< from the file; the score is not among the columns
    QString stage;            ///< nor is the stage: the file's, else "subscriber"
    quint64 emailKey = 0;     ///< ImportKeys::keyHash() of the email and phone (0: empty)
    quint64 phoneKey = 0;
    /// Into an empty workspace: where the writer keeps the contact that has this
    /// row's email (see ImportWriter), 0 if it has none. Each row that is ok has
    /// two slots, numbered in the file's order: 2n for the email and 2n + 1 for
    /// the phone of the nth such row. An address's slot is one of the row that
    /// brought it first, this row's own if it did.
    qint64 emailSlot = 0;
    qint64 phoneSlot = 0;    ///< the same for the phone
    bool stageGiven = false; ///< the file names a stage (else \a stage is "subscriber")
    /// The consent was granted by the import's answer, not by the row: it does
    /// not turn an existing contact's withdrawn consent into granted.
    bool consentGiven = false;
    /// The columns no column of the file feeds hold what they hold in the
    /// import's first contact (see ImportPlan::shared).
    bool sharedAsFirst = false;
    QStringList tags;
    QList<QPair<FieldDefinition, QString>> custom;
    QList<ImportIssue> issues;

    /// Empty again, keeping what it has allocated: the reader reuses rows.
    void clear();
    /// The row's email and phone in UTF-8 (ContactColumns order).
    QByteArray email() const { return contact.text(0); }
    QByteArray phone() const { return contact.text(1); }
};

/// Reads one CSV record into a PreparedRow: the contact's columns, its tags and
/// custom values, and every problem at its field. Pure: it reads only the plan
/// and the options, so it runs on the reader thread and is tested without a
/// workspace.
class RowParser final
{
    Q_DECLARE_TR_FUNCTIONS(masir::ImportJob)
    Q_DISABLE_COPY_MOVE(RowParser)

public:
    RowParser(const ImportPlan &plan, const ImportOptions &options);

    /// Fills \a row (cleared by the caller) from \a record; row.ok tells
    /// whether the row makes a contact.
    void parse(const CsvReader::Record &record, PreparedRow &row);

    /// "female", "male", "other" from what files say (f, زن, kobieta...), or "".
    static QString genderKey(const QString &raw);
    /// An ISO 3166 code from a code or a country's name in any language, or "".
    static QString countryCode(const QString &raw);

private:
    /// The contact a record makes; false if the row is rejected.
    bool buildContact(const CsvReader::Record &r, Contact &c, PreparedRow &row);
    QString cell(const CsvReader::Record &r, int column) const;
    void issue(PreparedRow &row, bool rejected, const QString &field, const QString &message);

    /// The column of each standard field (-1: none), looked up once, not per row.
    struct Columns
    {
        int birthday = -1;
        int city = -1;
        int company = -1;
        int country = -1;
        int email = -1;
        int emailConsent = -1;
        int firstName = -1;
        int fullName = -1;
        int gender = -1;
        int language = -1;
        int lastName = -1;
        int owner = -1;
        int phone = -1;
        int score = -1;
        int smsConsent = -1;
        int source = -1;
        int stage = -1;
        int status = -1;
        int timezone = -1;
    };

    const ImportPlan &m_plan;
    const ImportOptions &m_options;
    Columns m_at;
    qsizetype m_columnCount = 0;
    QString m_tag; ///< the options' tag for every row, trimmed
    ContactColumns::SharedRows m_sharedRows;
};

} // namespace masir
