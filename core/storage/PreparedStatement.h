#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace masir {

class PostgresStatement;

/// A row of values packed in one buffer, ready to bind: a row made on one thread
/// and written on another costs one allocation, not one per text value.
class PackedRow final
{
public:
    PackedRow() = default;
    /// Packs \a values as PreparedStatement::bind(int, QVariant) would bind them.
    explicit PackedRow(const QVariantList &values);

    /// Room for \a bytes of encoded values, so that appending does not reallocate.
    void reserve(qsizetype bytes);
    /// No values, keeping the room the row has for them.
    void clear();
    /// Builds a row value by value, in bind order.
    void appendNull();
    void appendInteger(qint64 value);
    void appendText(QStringView text);    ///< stored in UTF-8; a null string stays text ('')
    void appendUtf8(QByteArrayView utf8); ///< text already in UTF-8

    int size() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    /// Value \a index as a QVariant (null, qint64, double or QString).
    QVariant value(int index) const;
    /// All values, as value() gives them one by one.
    QVariantList values() const;
    /// Text value \a index in UTF-8, a view into the row; empty if not text.
    QByteArray text(int index) const;

    /// One value as packed: a view into the row.
    struct Cell
    {
        char tag = 0;
        const char *data = nullptr;
        qint32 size = 0;
        bool isNull() const;
        QString toString() const; ///< text; a null QString for null, numbers as text
        qint64 toInteger() const; ///< integer; 0 for anything else
        /// The same type and bytes.
        bool operator==(const Cell &other) const;
    };
    /// The bits of \a flags (value i: bit i), for bindAll(); up to 64 values.
    static quint64 mask(const std::vector<bool> &flags);
    /// Brings the row's values into the cache ahead of their use on another thread.
    void prefetch() const;
    /// Appends a value as packed in another row.
    void appendCell(const Cell &cell);
    /// The packed size so far: where the next value will start (see cellAt()).
    qsizetype byteSize() const { return m_used; }
    /// The value that starts at byte \a offset (a byteSize() taken before it was
    /// appended).
    Cell cellAt(qsizetype offset) const;
    /// Every value in order, for reading a whole row: value() and text() walk the
    /// row from its start each time.
    std::vector<Cell> cells() const;

private:
    friend class PreparedStatement;
    friend class PostgresCopy;
    enum Tag : char
    {
        Null = 'N',
        Integer = 'I',
        Real = 'R',
        Text = 'T',
    };
    /// Room for \a bytes more; where they go (not yet used).
    char *room(qsizetype bytes);
    /// Room for one more value of \a bytes (its tag included), used; where it goes.
    char *grow(qsizetype bytes);
    /// Starts a text value with room for \a maxBytes; returns where they go.
    qsizetype startText(qsizetype maxBytes);
    /// Ends the text value whose bytes start at \a at, \a bytes long.
    void finishText(qsizetype at, qsizetype bytes);
    /// Reads the value at \a p into \a cell; returns where the next one starts.
    static const char *readCell(const char *p, Cell &cell);
    /// Calls \a f(tag, pointer, size) for each value in order.
    template<typename F> void forEach(F &&f) const;
    static QVariant decode(char tag, const char *p, qint32 size);

    QByteArray m_data; ///< its size is the room; the values fill m_used bytes of it
    qsizetype m_used = 0;
    int m_count = 0;
};

/// A prepared statement on a workspace connection: through SQLite's own API
/// on a file, through PostgresStatement on a server.
///
/// On SQLite, QSqlQuery binds every value through a QVariant and names each positional
/// placeholder, which costs more than SQLite's work for a narrow row. Bulk
/// writers (the import engine) use this instead, on the same connection and
/// inside the same transactions. Values are prepared up front, possibly on
/// another thread, as Value: text already in UTF-8.
class PreparedStatement final
{
    Q_DISABLE_COPY_MOVE(PreparedStatement)

public:
    /// The raw handle of \a db, or nullptr (with \a error set) when Qt's SQLite
    /// driver is not the SQLite library Masir is linked with.
    static sqlite3 *handle(const QSqlDatabase &db, QString *error = nullptr);

    PreparedStatement(const QSqlDatabase &db, const QString &sql);
    ~PreparedStatement();

    bool isValid() const { return m_stmt != nullptr || m_pg != nullptr; }
    QString errorString() const { return m_error; }

    /// Binds to the 1-based placeholder \a index (SQLite copies text).
    void bind(int index, qint64 value);
    void bind(int index, const QByteArray &utf8);
    void bindNull(int index);
    /// Binds as QSqlQuery would: null, integers, reals, text (a null QString is NULL).
    void bind(int index, const QVariant &value);
    /// Binds \a row's values from placeholder \a first on, without copying: \a row
    /// must outlive the next step(). Call clearBindings() after that step.
    /// Value i is left out where bit i of \a skip is set (see PackedRow::mask()),
    /// and the next value goes to the next placeholder. Returns the placeholder
    /// after the last one.
    int bindAll(const PackedRow &row, int first = 1, quint64 skip = 0);
    void clearBindings();

    enum class Result
    {
        Row,
        Done,
        Error,
    };
    /// Runs the statement one step. After Done or Error, call reset() before
    /// running it again; errorString() says what failed.
    Result step();
    /// Ready to run again; bindings are kept until rebound.
    void reset();
    /// Runs a statement that returns no rows, then resets it.
    bool exec();
    /// Runs an INSERT ... RETURNING id, then resets it: the id, 0 when it wrote
    /// nothing (ON CONFLICT DO NOTHING), nullopt on an error. The SQL stays
    /// portable; on SQLite, whose tables' id is the rowid, the statement is
    /// prepared without the clause and the rowid read back: SQLite 3.40 runs
    /// RETURNING through a temporary table, 2.5 times the time of the insert.
    std::optional<qint64> execReturningId();

    qint64 columnInt64(int column) const;
    QString columnText(int column) const;
    /// The column's text in UTF-8, valid until the next step() or reset().
    QByteArrayView columnBytes(int column) const;
    bool columnIsNull(int column) const;
    /// The column as QSqlQuery would give it (null, integer, real or text).
    QVariant value(int column) const;

    /// The rows the last INSERT, UPDATE or DELETE on this connection changed.
    qint64 changes() const;

    /// The rowid of the last INSERT on this connection; SQLite's only (a
    /// server's writer uses execReturningId()).
    qint64 lastInsertRowId() const;
    /// Whether the statement runs on a PostgreSQL server, where ids of rows
    /// inserted together need not be consecutive.
    bool onServer() const { return m_pg != nullptr; }

private:
    static bool insertsOneRowReturningId(const QString &sql);
    Result stepOnServer();
    /// The server's column \a column as UTF-8, kept until the next step.
    QByteArrayView serverBytes(int column) const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_returnsRowId = false;             ///< " RETURNING id" was left out when prepared
    std::unique_ptr<PostgresStatement> m_pg; ///< on a PostgreSQL connection instead
    bool m_ran = false;                      ///< m_pg ran since the last reset()
    mutable std::vector<QByteArray> m_bytes; ///< m_pg's columns read as bytes
    QString m_error;
};

} // namespace masir
