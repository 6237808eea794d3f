#include "storage/PreparedStatement.h"

#include "storage/PostgresStatement.h"

#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>

namespace masir {

namespace {
// A null QString binds as NULL, as in QSqlQuery; other values by their type.
enum class Kind
{
    Null,
    Integer,
    Real,
    Text,
};
Kind kindOf(const QVariant &v)
{
    if (v.isNull() || (v.typeId() == QMetaType::QString && v.toString().isNull()))
        return Kind::Null;
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        return Kind::Integer;
    case QMetaType::Double:
    case QMetaType::Float:
        return Kind::Real;
    default:
        return Kind::Text;
    }
}
} // namespace

PackedRow::PackedRow(const QVariantList &values)
{
    reserve(values.size() * 12);
    for (const QVariant &v : values) {
        switch (kindOf(v)) {
        case Kind::Null:
            appendNull();
            break;
        case Kind::Integer:
            appendInteger(v.toLongLong());
            break;
        case Kind::Real: {
            const double d = v.toDouble();
            char *p = grow(1 + qsizetype(sizeof d));
            *p = char(Real);
            memcpy(p + 1, &d, sizeof d);
            break;
        }
        case Kind::Text:
            appendText(v.toString());
            break;
        }
    }
}

void PackedRow::reserve(qsizetype bytes)
{
    if (bytes > m_data.size())
        m_data.resize(bytes);
}

void PackedRow::clear()
{
    m_used = 0;
    m_count = 0;
}

char *PackedRow::room(qsizetype bytes)
{
    // The buffer's size is its room; m_used the part that holds values. Growing
    // only past the end, by doubling: the values of a row are appended one by one,
    // and QByteArray's resize() or append() for each cost more than the copying.
    if (m_used + bytes > m_data.size())
        m_data.resize(std::max(m_used + bytes, 2 * m_data.size()));
    return m_data.data() + m_used; // data() also detaches a copy's shared buffer
}

char *PackedRow::grow(qsizetype bytes)
{
    char *p = room(bytes);
    m_used += bytes;
    ++m_count;
    return p;
}

void PackedRow::appendNull()
{
    *grow(1) = char(Null);
}

void PackedRow::appendInteger(qint64 value)
{
    char *p = grow(1 + qsizetype(sizeof value));
    *p = char(Integer);
    memcpy(p + 1, &value, sizeof value);
}

qsizetype PackedRow::startText(qsizetype maxBytes)
{
    *room(1 + qsizetype(sizeof(qint32)) + maxBytes) = char(Text);
    return m_used + 1 + qsizetype(sizeof(qint32));
}

void PackedRow::finishText(qsizetype at, qsizetype bytes)
{
    const auto size = qint32(bytes);
    memcpy(m_data.data() + at - qsizetype(sizeof size), &size, sizeof size);
    m_used = at + bytes;
    ++m_count;
}

void PackedRow::appendUtf8(QByteArrayView utf8)
{
    const qsizetype at = startText(utf8.size());
    memcpy(m_data.data() + at, utf8.data(), size_t(utf8.size()));
    finishText(at, utf8.size());
}

void PackedRow::appendText(QStringView text)
{
    const char16_t *u = text.utf16();
    const qsizetype n = text.size();
    // Most contact data is ASCII: tested and narrowed in two plain loops, which
    // the compiler vectorises, into room of its exact size; anything else gets
    // room for the worst case of UTF-8 (3 bytes a unit) and is encoded unit by
    // unit below. In place either way: no temporary per value.
    char16_t any = 0;
    for (qsizetype i = 0; i < n; ++i)
        any |= u[i];
    const qsizetype ascii = any < 0x80 ? n : 0;
    const qsizetype at = startText(ascii == n ? n : 3 * n);
    char *const begin = m_data.data() + at;
    char *out = begin;
    for (qsizetype i = 0; i < ascii; ++i)
        out[i] = char(u[i]);
    out += ascii;
    for (qsizetype i = ascii; i < n; ++i) {
        const char32_t c = u[i];
        if (c < 0x80) {
            *out++ = char(c);
        } else if (c < 0x800) {
            *out++ = char(0xC0 | (c >> 6));
            *out++ = char(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(u[i + 1])) {
            // a pair (2 units) becomes 4 bytes: within the 6 reserved
            const char32_t cp = QChar::surrogateToUcs4(char16_t(c), u[++i]);
            *out++ = char(0xF0 | (cp >> 18));
            *out++ = char(0x80 | ((cp >> 12) & 0x3F));
            *out++ = char(0x80 | ((cp >> 6) & 0x3F));
            *out++ = char(0x80 | (cp & 0x3F));
        } else if (QChar::isSurrogate(c)) {
            *out++ = '?'; // a lone surrogate is not text: as QString::toUtf8() writes it
        } else {
            *out++ = char(0xE0 | (c >> 12));
            *out++ = char(0x80 | ((c >> 6) & 0x3F));
            *out++ = char(0x80 | (c & 0x3F));
        }
    }
    finishText(at, out - begin);
}

const char *PackedRow::readCell(const char *p, Cell &cell)
{
    cell.tag = *p++;
    cell.size = 0;
    switch (cell.tag) {
    case Integer:
    case Real:
        cell.size = 8;
        break;
    case Text:
        memcpy(&cell.size, p, sizeof cell.size);
        p += sizeof cell.size;
        break;
    default:
        break;
    }
    cell.data = p;
    return p + cell.size;
}

template<typename F> void PackedRow::forEach(F &&f) const
{
    const char *p = m_data.constData();
    Cell cell;
    for (int i = 0; i < m_count; ++i) {
        p = readCell(p, cell);
        if (!f(i, cell.tag, cell.data, cell.size))
            return;
    }
}

QVariant PackedRow::decode(char tag, const char *p, qint32 size)
{
    if (tag == Integer) {
        qint64 v;
        memcpy(&v, p, sizeof v);
        return v;
    }
    if (tag == Real) {
        double v;
        memcpy(&v, p, sizeof v);
        return v;
    }
    if (tag == Text)
        return QString::fromUtf8(p, size);
    return {};
}

QVariant PackedRow::value(int index) const
{
    QVariant out;
    forEach([&](int i, char tag, const char *p, qint32 size) {
        if (i < index)
            return true;
        out = decode(tag, p, size);
        return false;
    });
    return out;
}

bool PackedRow::Cell::isNull() const
{
    return tag == Null;
}

QString PackedRow::Cell::toString() const
{
    return tag == Text ? QString::fromUtf8(data, size) : decode(tag, data, size).toString();
}

bool PackedRow::Cell::operator==(const Cell &other) const
{
    return tag == other.tag && size == other.size &&
           (size == 0 || memcmp(data, other.data, size_t(size)) == 0);
}

quint64 PackedRow::mask(const std::vector<bool> &flags)
{
    Q_ASSERT(flags.size() <= 64);
    quint64 bits = 0;
    for (size_t i = 0; i < flags.size() && i < 64; ++i) {
        if (flags[i])
            bits |= quint64(1) << i;
    }
    return bits;
}

void PackedRow::prefetch() const
{
    const char *p = m_data.constData();
    for (qsizetype at = 0; at < m_used; at += 64)
        __builtin_prefetch(p + at);
}

void PackedRow::appendCell(const Cell &cell)
{
    const qsizetype header = cell.tag == Text ? 1 + qsizetype(sizeof cell.size) : 1;
    char *p = grow(header + cell.size);
    *p = cell.tag;
    if (cell.tag == Text)
        memcpy(p + 1, &cell.size, sizeof cell.size);
    memcpy(p + header, cell.data, size_t(cell.size));
}

PackedRow::Cell PackedRow::cellAt(qsizetype offset) const
{
    Q_ASSERT(offset >= 0 && offset < m_used);
    Cell cell;
    readCell(m_data.constData() + offset, cell);
    return cell;
}

qint64 PackedRow::Cell::toInteger() const
{
    qint64 v = 0;
    if (tag == Integer)
        memcpy(&v, data, sizeof v);
    return v;
}

std::vector<PackedRow::Cell> PackedRow::cells() const
{
    std::vector<Cell> out;
    out.reserve(size_t(m_count));
    forEach([&](int, char tag, const char *p, qint32 size) {
        out.push_back({tag, p, size});
        return true;
    });
    return out;
}

QVariantList PackedRow::values() const
{
    QVariantList out;
    out.reserve(m_count);
    forEach([&](int, char tag, const char *p, qint32 size) {
        out << decode(tag, p, size);
        return true;
    });
    return out;
}

QByteArray PackedRow::text(int index) const
{
    QByteArray out;
    forEach([&](int i, char tag, const char *p, qint32 size) {
        if (i < index)
            return true;
        if (tag == Text)
            out = QByteArray::fromRawData(p, size);
        return false;
    });
    return out;
}

sqlite3 *PreparedStatement::handle(const QSqlDatabase &db, QString *error)
{
    auto fail = [error](const QString &message) -> sqlite3 * {
        if (error)
            *error = message;
        return nullptr;
    };
    const QVariant h = db.driver() ? db.driver()->handle() : QVariant();
    if (!h.isValid() || qstrcmp(h.typeName(), "sqlite3*") != 0)
        return fail(QStringLiteral("the connection is not a SQLite connection"));
    auto *raw = *static_cast<sqlite3 *const *>(h.constData());
    if (!raw)
        return fail(QStringLiteral("the connection is not open"));
    // Qt's driver must use this very library: a driver with its own copy of
    // SQLite would hand us a handle we cannot use. Debian, Fedora, Homebrew and
    // vcpkg build Qt with the system SQLite; a Qt with a bundled copy is refused.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT sqlite_source_id()")) || !q.next() ||
        q.value(0).toString() != QLatin1String(sqlite3_sourceid()))
        return fail(QStringLiteral("Qt's SQLite driver uses another SQLite library (%1) than "
                                   "Masir (%2); build Qt with -system-sqlite")
                        .arg(q.value(0).toString(), QLatin1String(sqlite3_sourceid())));
    return raw;
}

bool PreparedStatement::insertsOneRowReturningId(const QString &sql)
{
    // One row of VALUES, and no upsert (its update leaves the last inserted
    // rowid as it was); only then is the rowid the row's id.
    const QString s = sql.simplified().toUpper();
    return s.startsWith(QLatin1String("INSERT ")) && s.endsWith(QLatin1String(" RETURNING ID")) &&
           sql.trimmed().endsWith(QLatin1String(" RETURNING id")) &&
           s.count(QLatin1String(" VALUES")) == 1 && !s.contains(QLatin1String(" SELECT ")) &&
           !s.contains(QLatin1String("),")) && !s.contains(QLatin1String("DO UPDATE"));
}

PreparedStatement::PreparedStatement(const QSqlDatabase &db, const QString &sql)
{
    if (db.driver() && db.driver()->dbmsType() == QSqlDriver::PostgreSQL) {
        auto pg = std::make_unique<PostgresStatement>(db, sql);
        if (pg->isValid())
            m_pg = std::move(pg);
        else
            m_error = pg->errorString();
        return;
    }
    m_db = handle(db, &m_error);
    if (!m_db)
        return;
    QByteArray utf8 = sql.trimmed().toUtf8();
    if (insertsOneRowReturningId(sql)) {
        utf8.chop(int(std::strlen(" RETURNING id")));
        m_returnsRowId = true;
    }
    if (sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                           &m_stmt, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

PreparedStatement::~PreparedStatement()
{
    sqlite3_finalize(m_stmt);
}

void PreparedStatement::bind(int index, const QVariant &value)
{
    if (m_pg) {
        // as SQLite gets them: a bool is a number, anything else not a number is text
        switch (kindOf(value)) {
        case Kind::Null:
            m_pg->bind(index, QVariant());
            break;
        case Kind::Integer:
            m_pg->bind(index, value.toLongLong());
            break;
        case Kind::Real:
            m_pg->bind(index, value.toDouble());
            break;
        case Kind::Text:
            m_pg->bind(index, value.toString());
            break;
        }
        return;
    }
    switch (kindOf(value)) {
    case Kind::Null:
        bindNull(index);
        break;
    case Kind::Integer:
        bind(index, value.toLongLong());
        break;
    case Kind::Real:
        sqlite3_bind_double(m_stmt, index, value.toDouble());
        break;
    case Kind::Text:
        bind(index, value.toString().toUtf8());
        break;
    }
}

int PreparedStatement::bindAll(const PackedRow &row, int first, quint64 skip)
{
    int index = first;
    if (m_pg) {
        row.forEach([&](int i, char tag, const char *p, qint32 size) {
            if (i >= 64 || !((skip >> i) & 1))
                m_pg->bind(index++, PackedRow::decode(tag, p, size));
            return true;
        });
        return index;
    }
    row.forEach([&](int i, char tag, const char *p, qint32 size) {
        if (i < 64 && (skip >> i) & 1)
            return true;
        if (tag == PackedRow::Integer) {
            qint64 v;
            memcpy(&v, p, sizeof v);
            sqlite3_bind_int64(m_stmt, index, v);
        } else if (tag == PackedRow::Real) {
            double v;
            memcpy(&v, p, sizeof v);
            sqlite3_bind_double(m_stmt, index, v);
        } else if (tag == PackedRow::Text) {
            sqlite3_bind_text(m_stmt, index, p, size, SQLITE_STATIC);
        } else {
            sqlite3_bind_null(m_stmt, index);
        }
        ++index;
        return true;
    });
    return index;
}

void PreparedStatement::clearBindings()
{
    if (m_pg) {
        m_pg->clearBindings();
        return;
    }
    sqlite3_clear_bindings(m_stmt);
}

void PreparedStatement::bind(int index, qint64 value)
{
    if (m_pg) {
        m_pg->bind(index, value);
        return;
    }
    sqlite3_bind_int64(m_stmt, index, value);
}

void PreparedStatement::bind(int index, const QByteArray &utf8)
{
    if (m_pg) {
        m_pg->bind(index, QString::fromUtf8(utf8.isNull() ? QByteArray("") : utf8));
        return;
    }
    // SQLITE_TRANSIENT: SQLite copies, so the caller's buffer may go away.
    sqlite3_bind_text(m_stmt, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                      SQLITE_TRANSIENT);
}

void PreparedStatement::bindNull(int index)
{
    if (m_pg) {
        m_pg->bind(index, QVariant());
        return;
    }
    sqlite3_bind_null(m_stmt, index);
}

PreparedStatement::Result PreparedStatement::stepOnServer()
{
    m_bytes.clear();
    if (!m_ran) {
        m_ran = true;
        if (!m_pg->run()) {
            m_error = m_pg->errorString();
            return Result::Error;
        }
    }
    return m_pg->next() ? Result::Row : Result::Done;
}

QByteArrayView PreparedStatement::serverBytes(int column) const
{
    if (m_bytes.size() <= size_t(column))
        m_bytes.resize(size_t(column) + 1);
    QByteArray &bytes = m_bytes[size_t(column)];
    if (bytes.isNull())
        bytes = m_pg->value(column).toString().toUtf8();
    return bytes;
}

PreparedStatement::Result PreparedStatement::step()
{
    if (m_pg)
        return stepOnServer();
    if (!m_stmt)
        return Result::Error;
    switch (sqlite3_step(m_stmt)) {
    case SQLITE_ROW:
        return Result::Row;
    case SQLITE_DONE:
        return Result::Done;
    default:
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return Result::Error;
    }
}

void PreparedStatement::reset()
{
    if (m_pg) {
        m_ran = false;
        m_bytes.clear();
        m_pg->finish();
        return;
    }
    sqlite3_reset(m_stmt);
}

bool PreparedStatement::exec()
{
    const Result r = step();
    reset();
    return r != Result::Error;
}

std::optional<qint64> PreparedStatement::execReturningId()
{
    if (m_returnsRowId) {
        if (!exec())
            return std::nullopt;
        // changes(): only this statement's rows, not its triggers'
        return sqlite3_changes64(m_db) > 0 ? sqlite3_last_insert_rowid(m_db) : 0;
    }
    const Result r = step();
    const qint64 id = r == Result::Row ? columnInt64(0) : 0;
    reset();
    if (r == Result::Error)
        return std::nullopt;
    return id;
}

qint64 PreparedStatement::columnInt64(int column) const
{
    if (m_pg)
        return m_pg->value(column).toLongLong();
    return sqlite3_column_int64(m_stmt, column);
}

QString PreparedStatement::columnText(int column) const
{
    if (m_pg)
        return m_pg->value(column).toString();
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView PreparedStatement::columnBytes(int column) const
{
    if (m_pg)
        return serverBytes(column);
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(text, sqlite3_column_bytes(m_stmt, column));
}

bool PreparedStatement::columnIsNull(int column) const
{
    if (m_pg)
        return m_pg->value(column).isNull();
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QVariant PreparedStatement::value(int column) const
{
    if (m_pg)
        return m_pg->value(column);
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_NULL:
        return {};
    case SQLITE_INTEGER:
        return columnInt64(column);
    case SQLITE_FLOAT:
        return sqlite3_column_double(m_stmt, column);
    default:
        return columnText(column);
    }
}

qint64 PreparedStatement::changes() const
{
    if (m_pg)
        return m_pg->changes();
    return sqlite3_changes64(m_db);
}

qint64 PreparedStatement::lastInsertRowId() const
{
    Q_ASSERT_X(!m_pg, "lastInsertRowId", "on a server, use execReturningId()");
    if (m_pg)
        return 0;
    return sqlite3_last_insert_rowid(m_db);
}

} // namespace masir
