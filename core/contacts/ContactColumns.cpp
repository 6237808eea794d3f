#include "contacts/ContactColumns.h"

#include "contacts/ContactRepository.h"
#include "storage/PreparedStatement.h"
#include "storage/SqlValues.h"

namespace masir::ContactColumns {

namespace {

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

/// What an update leaves alone: when the contact was made.
bool keptOnUpdate(const QString &column)
{
    return column == QLatin1String("created_at");
}

} // namespace

const QStringList &names()
{
    static const QStringList columns = {
        QStringLiteral("email"),
        QStringLiteral("phone"),
        QStringLiteral("first_name"),
        QStringLiteral("last_name"),
        QStringLiteral("company"),
        QStringLiteral("city"),
        QStringLiteral("country"),
        QStringLiteral("language"),
        QStringLiteral("timezone"),
        QStringLiteral("birthday"),
        QStringLiteral("gender"),
        QStringLiteral("source"),
        QStringLiteral("owner"),
        QStringLiteral("status"),
        QStringLiteral("email_consent"),
        QStringLiteral("email_consent_at"),
        QStringLiteral("email_consent_source"),
        QStringLiteral("sms_consent"),
        QStringLiteral("sms_consent_at"),
        QStringLiteral("sms_consent_source"),
        QStringLiteral("search_text"),
        QStringLiteral("created_at"),
        QStringLiteral("updated_at"),
    };
    return columns;
}

namespace {
// The one list of values, in names() order, into either kind of row.
template<typename Out> void write(const Contact &c, Out &out)
{
    out.text(c.email);
    out.text(c.phone);
    out.text(c.firstName);
    out.text(c.lastName);
    out.text(c.company);
    out.text(c.city);
    out.text(c.country);
    out.text(c.language);
    out.text(c.timezone);
    out.date(c.birthday);
    out.text(c.gender);
    out.text(c.source);
    out.text(c.owner);
    out.text(ContactVocabulary::statusKey(c.status));
    out.text(ContactVocabulary::consentKey(c.emailConsent.status));
    out.time(c.emailConsent.changedAt);
    out.text(c.emailConsent.source);
    out.text(ContactVocabulary::consentKey(c.smsConsent.status));
    out.time(c.smsConsent.changedAt);
    out.text(c.smsConsent.source);
    out.searchText(c);
    out.integer(c.createdAt.toMSecsSinceEpoch());
    out.integer(c.updatedAt.toMSecsSinceEpoch());
}

struct VariantOut
{
    QVariantList values;
    void text(const QString &s) { values << SqlValues::text(s); }
    void searchText(const Contact &c) { text(ContactRepository::searchTextFor(c)); }
    void date(QDate d) { values << SqlValues::isoDate(d); }
    void time(const QDateTime &t) { values << SqlValues::millis(t); }
    void integer(qint64 v) { values << v; }
};

struct RowOut
{
    PackedRow &row;
    void text(const QString &s) { row.appendText(s); }
    void searchText(const Contact &c)
    {
        char ascii[512];
        const qsizetype n = ContactRepository::asciiSearchTextFor(c, ascii, sizeof ascii);
        if (n >= 0)
            row.appendUtf8(QByteArrayView(ascii, n));
        else
            row.appendText(ContactRepository::searchTextFor(c));
    }
    void date(QDate d)
    {
        if (d.isValid())
            row.appendText(d.toString(Qt::ISODate));
        else
            row.appendNull();
    }
    void time(const QDateTime &t)
    {
        if (t.isValid())
            row.appendInteger(t.toMSecsSinceEpoch());
        else
            row.appendNull();
    }
    void integer(qint64 v) { row.appendInteger(v); }
};
} // namespace

SharedRows::SharedRows(const std::vector<bool> &shared)
    : m_shared(PackedRow::mask(shared))
{}

bool SharedRows::row(const Contact &c, PackedRow &into)
{
    into.clear();
    into.reserve(512);
    struct SharedOut
    {
        PackedRow &row;
        SharedRows &rows;
        int column = 0;
        bool same = true;

        bool shared(int i) const { return (rows.m_shared >> i) & 1; }
        // The value appended at \a at for column \a i against the first row's.
        void check(int i, qsizetype at)
        {
            if (rows.m_haveFirst && shared(i))
                same = same && row.cellAt(at) == rows.m_firstCells[size_t(i)];
        }
        void text(const QString &s)
        {
            const int i = column++;
            if (!rows.m_haveFirst) {
                rows.m_firstText.push_back(s);
            } else if (shared(i)) {
                const QString &first = rows.m_firstText[size_t(i)];
                if (s.constData() == first.constData() && s.size() == first.size()) {
                    row.appendCell(rows.m_firstCells[size_t(i)]);
                    return;
                }
            }
            const qsizetype at = row.byteSize();
            row.appendText(s);
            check(i, at);
        }
        // A value of another kind: written as row() does, then compared.
        qsizetype begin()
        {
            if (!rows.m_haveFirst)
                rows.m_firstText.emplace_back();
            return row.byteSize();
        }
        void end(qsizetype at) { check(column++, at); }
        void searchText(const Contact &c)
        {
            const qsizetype at = begin();
            RowOut{row}.searchText(c);
            end(at);
        }
        void date(QDate d)
        {
            const qsizetype at = begin();
            RowOut{row}.date(d);
            end(at);
        }
        void time(const QDateTime &t)
        {
            const qsizetype at = begin();
            RowOut{row}.time(t);
            end(at);
        }
        void integer(qint64 v)
        {
            const qsizetype at = begin();
            row.appendInteger(v);
            end(at);
        }
    };
    SharedOut out{into, *this};
    write(c, out);
    if (!m_haveFirst) {
        m_haveFirst = true;
        m_firstRow = into;
        m_firstCells = m_firstRow.cells();
    }
    return out.same;
}

QVariantList values(const Contact &c)
{
    VariantOut out;
    out.values.reserve(names().size());
    write(c, out);
    return out.values;
}

void row(const Contact &c, PackedRow &into)
{
    into.clear();
    into.reserve(512);
    RowOut out{into};
    write(c, out);
}

namespace {
// Reads a contact through an accessor with text(i) and time(i).
template<typename Cells> Contact readRow(const Cells &q, int first)
{
    Contact c;
    int i = first;
    c.email = q.text(i++);
    c.phone = q.text(i++);
    c.firstName = q.text(i++);
    c.lastName = q.text(i++);
    c.company = q.text(i++);
    c.city = q.text(i++);
    c.country = q.text(i++);
    c.language = q.text(i++);
    c.timezone = q.text(i++);
    c.birthday = QDate::fromString(q.text(i++), Qt::ISODate);
    c.gender = q.text(i++);
    c.source = q.text(i++);
    c.owner = q.text(i++);
    c.status = ContactVocabulary::statusFromKey(q.text(i++));
    c.emailConsent.status = ContactVocabulary::consentFromKey(q.text(i++));
    c.emailConsent.changedAt = q.time(i++);
    c.emailConsent.source = q.text(i++);
    c.smsConsent.status = ContactVocabulary::consentFromKey(q.text(i++));
    c.smsConsent.changedAt = q.time(i++);
    c.smsConsent.source = q.text(i++);
    ++i; // search_text is derived
    c.createdAt = q.time(i++);
    c.updatedAt = q.time(i++);
    return c;
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}
} // namespace

Contact read(const QSqlQuery &query, int first)
{
    struct Cells
    {
        const QSqlQuery &q;
        QString text(int i) const { return q.value(i).toString(); }
        QDateTime time(int i) const { return fromMs(q.value(i)); }
    };
    return readRow(Cells{query}, first);
}

Contact read(const PreparedStatement &statement, int first)
{
    // Straight from SQLite's UTF-8, without a QVariant per value.
    struct Cells
    {
        const PreparedStatement &s;
        QString text(int i) const { return s.columnText(i); }
        QDateTime time(int i) const
        {
            return s.columnIsNull(i) ? QDateTime() : fromMs(s.columnInt64(i));
        }
    };
    return readRow(Cells{statement}, first);
}

Contact read(const PackedRow &row, int first)
{
    // Found once: PackedRow::value() walks the row from its start.
    struct Cells
    {
        std::vector<PackedRow::Cell> cells;
        QString text(int i) const { return cells[size_t(i)].toString(); }
        QDateTime time(int i) const
        {
            const PackedRow::Cell &cell = cells[size_t(i)];
            return cell.isNull() ? QDateTime() : fromMs(cell.toInteger());
        }
    };
    return readRow(Cells{row.cells()}, first);
}

QString insertSql(const QStringList &extra, int rows, const std::vector<bool> &shared)
{
    const QStringList columns = names() + extra;
    QStringList values;
    int next = 1;
    for (int r = 0; r < rows; ++r) {
        QStringList row;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const bool once = r > 0 && size_t(c) < shared.size() && shared[size_t(c)];
            row << QLatin1Char('?') + QString::number(once ? int(c) + 1 : next++);
        }
        values << QLatin1Char('(') + row.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    return QStringLiteral("INSERT INTO contacts (%1) VALUES %2")
        .arg(columns.join(QLatin1Char(',')), values.join(QLatin1Char(',')));
}

QString updateSql()
{
    QStringList sets;
    for (const QString &column : names()) {
        if (!keptOnUpdate(column))
            sets << column + QLatin1String(" = ?");
    }
    return QStringLiteral("UPDATE contacts SET %1 WHERE id = ?").arg(sets.join(QLatin1Char(',')));
}

QString scoreSelect()
{
    return QStringLiteral("(SELECT score FROM contact_scores WHERE contact_id = contacts.id)");
}

QString scoreUpdateSql()
{
    return QStringLiteral("UPDATE contact_scores SET score = ? WHERE contact_id = ?");
}

QString scoreSelectSql()
{
    return QStringLiteral("SELECT score FROM contact_scores WHERE contact_id = ?");
}

QString stageSelect()
{
    // A contact a bulk import has just written may have no row yet.
    return QStringLiteral("COALESCE((SELECT stage FROM contact_scores WHERE contact_id = "
                          "contacts.id), 'subscriber')");
}

QString lifecycleUpsertSql()
{
    return QStringLiteral("INSERT INTO contact_scores (contact_id, score, stage) VALUES (?, ?, ?) "
                          "ON CONFLICT (contact_id) DO UPDATE SET score = excluded.score, "
                          "stage = excluded.stage");
}

QString stageUpsertSql()
{
    return QStringLiteral("INSERT INTO contact_scores (contact_id, stage) VALUES (?, ?) ON "
                          "CONFLICT (contact_id) DO UPDATE SET stage = excluded.stage");
}

QVariantList updateValues(const Contact &contact)
{
    const QVariantList all = values(contact);
    QVariantList v;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (!keptOnUpdate(names().at(i)))
            v << all.at(i);
    }
    return v;
}

} // namespace masir::ContactColumns
