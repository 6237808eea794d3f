#include "storage/SqliteStatement.h"

#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

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

SqliteRow::SqliteRow(const QVariantList &values)
{
    m_data.reserve(values.size() * 12);
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
            m_data.append(char(Real));
            m_data.append(reinterpret_cast<const char *>(&d), sizeof d);
            ++m_count;
            break;
        }
        case Kind::Text:
            appendText(v.toString());
            break;
        }
    }
}

void SqliteRow::reserve(qsizetype bytes)
{
    m_data.reserve(bytes);
}

void SqliteRow::clear()
{
    m_data.resize(0);
    m_count = 0;
}

void SqliteRow::appendNull()
{
    m_data.append(char(Null));
    ++m_count;
}

void SqliteRow::appendInteger(qint64 value)
{
    m_data.append(char(Integer));
    m_data.append(reinterpret_cast<const char *>(&value), sizeof value);
    ++m_count;
}

qsizetype SqliteRow::startText(qsizetype maxBytes)
{
    const qsizetype tagAt = m_data.size();
    m_data.resize(tagAt + 1 + qsizetype(sizeof(qint32)) + maxBytes);
    m_data.data()[tagAt] = char(Text);
    return tagAt + 1 + qsizetype(sizeof(qint32));
}

void SqliteRow::finishText(qsizetype at, qsizetype bytes)
{
    const auto size = qint32(bytes);
    memcpy(m_data.data() + at - qsizetype(sizeof size), &size, sizeof size);
    if (m_data.size() != at + bytes)
        m_data.truncate(at + bytes);
    ++m_count;
}

void SqliteRow::appendUtf8(QByteArrayView utf8)
{
    const qsizetype at = startText(utf8.size());
    memcpy(m_data.data() + at, utf8.data(), size_t(utf8.size()));
    finishText(at, utf8.size());
}

void SqliteRow::appendText(QStringView text)
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

const char *SqliteRow::readCell(const char *p, Cell &cell)
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

template<typename F> void SqliteRow::forEach(F &&f) const
{
    const char *p = m_data.constData();
    Cell cell;
    for (int i = 0; i < m_count; ++i) {
        p = readCell(p, cell);
        if (!f(i, cell.tag, cell.data, cell.size))
            return;
    }
}

QVariant SqliteRow::decode(char tag, const char *p, qint32 size)
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

QVariant SqliteRow::value(int index) const
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

bool SqliteRow::Cell::isNull() const
{
    return tag == Null;
}

QString SqliteRow::Cell::toString() const
{
    return tag == Text ? QString::fromUtf8(data, size) : decode(tag, data, size).toString();
}

qint64 SqliteRow::Cell::toInteger() const
{
    qint64 v = 0;
    if (tag == Integer)
        memcpy(&v, data, sizeof v);
    return v;
}

std::vector<SqliteRow::Cell> SqliteRow::cells() const
{
    std::vector<Cell> out;
    out.reserve(size_t(m_count));
    forEach([&](int, char tag, const char *p, qint32 size) {
        out.push_back({tag, p, size});
        return true;
    });
    return out;
}

bool SqliteRow::sameAt(const SqliteRow &other, const std::vector<bool> &mask) const
{
    if (other.m_count != m_count)
        return false;
    const char *mine = m_data.constData();
    const char *theirs = other.m_data.constData();
    Cell a, b;
    for (int i = 0; i < m_count; ++i) {
        mine = readCell(mine, a);
        theirs = readCell(theirs, b);
        if (size_t(i) < mask.size() && mask[size_t(i)] &&
            (a.tag != b.tag || a.size != b.size || memcmp(a.data, b.data, size_t(a.size)) != 0))
            return false;
    }
    return true;
}

QVariantList SqliteRow::values() const
{
    QVariantList out;
    out.reserve(m_count);
    forEach([&](int, char tag, const char *p, qint32 size) {
        out << decode(tag, p, size);
        return true;
    });
    return out;
}

QByteArray SqliteRow::text(int index) const
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

sqlite3 *SqliteStatement::handle(const QSqlDatabase &db, QString *error)
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

SqliteStatement::SqliteStatement(const QSqlDatabase &db, const QString &sql)
{
    m_db = handle(db, &m_error);
    if (!m_db)
        return;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                           &m_stmt, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bind(int index, const QVariant &value)
{
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

int SqliteStatement::bindAll(const SqliteRow &row, int first, const std::vector<bool> *skip)
{
    int index = first;
    row.forEach([&](int i, char tag, const char *p, qint32 size) {
        if (skip && (*skip)[size_t(i)])
            return true;
        if (tag == SqliteRow::Integer) {
            qint64 v;
            memcpy(&v, p, sizeof v);
            sqlite3_bind_int64(m_stmt, index, v);
        } else if (tag == SqliteRow::Real) {
            double v;
            memcpy(&v, p, sizeof v);
            sqlite3_bind_double(m_stmt, index, v);
        } else if (tag == SqliteRow::Text) {
            sqlite3_bind_text(m_stmt, index, p, size, SQLITE_STATIC);
        } else {
            sqlite3_bind_null(m_stmt, index);
        }
        ++index;
        return true;
    });
    return index;
}

void SqliteStatement::clearBindings()
{
    sqlite3_clear_bindings(m_stmt);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, const QByteArray &utf8)
{
    // SQLITE_TRANSIENT: SQLite copies, so the caller's buffer may go away.
    sqlite3_bind_text(m_stmt, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                      SQLITE_TRANSIENT);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

SqliteStatement::Result SqliteStatement::step()
{
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

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
}

bool SqliteStatement::exec()
{
    const Result r = step();
    reset();
    return r != Result::Error;
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView SqliteStatement::columnBytes(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(text, sqlite3_column_bytes(m_stmt, column));
}

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QVariant SqliteStatement::value(int column) const
{
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

qint64 SqliteStatement::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

} // namespace masir
