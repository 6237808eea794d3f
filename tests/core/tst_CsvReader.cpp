#include "importing/CsvReader.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace masir;

namespace {

struct Read
{
    QList<CsvReader::Record> records;
    QList<CsvReader::Error> errors;
};

Read readAll(CsvReader &reader)
{
    Read out;
    CsvReader::Record r;
    CsvReader::Error e;
    for (;;) {
        const auto s = reader.next(r, e);
        if (s == CsvReader::Status::End)
            break;
        if (s == CsvReader::Status::Record)
            out.records << r;
        else
            out.errors << e;
    }
    return out;
}

Read readFile(const QString &name, Encoding encoding = Encoding::Utf8,
              CsvReader::Options options = {}, int skip = 0)
{
    QFile f(QStringLiteral(MASIR_TEST_DATA_DIR "/import/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    CsvReader reader(&f, encoding, options, skip);
    return readAll(reader);
}

Read readText(const QString &text, CsvReader::Options options = {})
{
    CsvReader reader(text, options);
    return readAll(reader);
}

} // namespace

class tst_CsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotedFieldsAndLineEndings()
    {
        const Read r = readFile(QStringLiteral("quoted_newlines.csv"));
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.records.size(), 5);
        QCOMPARE(r.records[1].fields,
                 (QStringList{QStringLiteral("Karimi, Ali"), QStringLiteral("ali@example.com"),
                              QStringLiteral("line one\r\nline two")}));
        QCOMPARE(r.records[1].line, 2);
        QCOMPARE(r.records[2].fields.first(), QStringLiteral("Say \"hi\""));
        QCOMPARE(r.records[2].line, 4); // the quoted CRLF counted as one line
        QCOMPARE(r.records[3].fields.last(), QStringLiteral("a\nb\nc"));
        QCOMPARE(r.records[4].fields,
                 (QStringList{QStringLiteral("Last"), QStringLiteral("last@example.com"),
                              QStringLiteral("end")}));
        QCOMPARE(r.records[4].line, 8); // after a lone CR line ending
        QCOMPARE(r.records[4].row, 5);
    }

    void unterminatedQuoteIsAnErrorAndReadingGoesOn()
    {
        const Read r = readFile(QStringLiteral("unterminated_quote.csv"));
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors[0].line, 3);
        QCOMPARE(r.errors[0].row, 3);
        QVERIFY(r.errors[0].message.contains(QStringLiteral("line 3")));
        QVERIFY(r.errors[0].raw.startsWith(QStringLiteral("\"Broken")));
        QStringList names;
        for (const auto &rec : r.records)
            names << rec.fields.first();
        QCOMPARE(names, (QStringList{QStringLiteral("name"), QStringLiteral("Ok One"),
                                     QStringLiteral("Ok Two"), QStringLiteral("Ok Three")}));
        QCOMPARE(r.records.last().line, 5);
    }

    void nulBytesAreDropped()
    {
        QFile f(QStringLiteral(MASIR_TEST_DATA_DIR "/import/nul_bytes.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        CsvReader reader(&f, Encoding::Utf8, {});
        const Read r = readAll(reader);
        QCOMPARE(r.records.size(), 3);
        QCOMPARE(r.records[1].fields.first(), QStringLiteral("Ali"));
        QCOMPARE(r.records[2].fields,
                 (QStringList{QStringLiteral("Sara"), QStringLiteral("sara@example.com")}));
        QCOMPARE(reader.nulCount(), 4);
    }

    void blankLinesAreSkipped()
    {
        const Read r = readText(QStringLiteral("a,b\n\n\r\n1,2\n\n"));
        QCOMPARE(r.records.size(), 2);
        QCOMPARE(r.records[1].line, 4);
        QCOMPARE(r.records[1].row, 2);
    }

    void emptyAndHeaderOnly()
    {
        QVERIFY(readFile(QStringLiteral("empty.csv")).records.isEmpty());
        QVERIFY(readFile(QStringLiteral("empty.csv")).errors.isEmpty());
        const Read h = readFile(QStringLiteral("header_only.csv"));
        QCOMPARE(h.records.size(), 1);
        QCOMPARE(h.records[0].fields.size(), 3);
    }

    void emptyFieldsAndTrailingDelimiter()
    {
        const Read r = readText(QStringLiteral("a,,c,\n,\n\"\",x"));
        QCOMPARE(r.records[0].fields,
                 (QStringList{QStringLiteral("a"), QString(), QStringLiteral("c"), QString()}));
        QCOMPARE(r.records[1].fields, (QStringList{QString(), QString()}));
        QCOMPARE(r.records[2].fields, (QStringList{QString(), QStringLiteral("x")}));
    }

    void recordReusedAcrossRows()
    {
        // The import reads each row into a record it reuses: no field of a
        // longer row may be left over in a shorter one.
        CsvReader reader(QStringLiteral("a,b,c\nd\n,\"e\"\n"), {});
        CsvReader::Record r;
        CsvReader::Error e;
        QCOMPARE(reader.next(r, e), CsvReader::Status::Record);
        QCOMPARE(r.fields,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        const QString held = r.fields.at(0); // as a contact holds a field
        QCOMPARE(reader.next(r, e), CsvReader::Status::Record);
        QCOMPARE(r.fields, QStringList{QStringLiteral("d")});
        QCOMPARE(held, QStringLiteral("a")); // its field's string was not written over
        QCOMPARE(reader.next(r, e), CsvReader::Status::Record);
        QCOMPARE(r.fields, (QStringList{QString(), QStringLiteral("e")}));
        QCOMPARE(r.row, 3);
        QCOMPARE(reader.next(r, e), CsvReader::Status::End);
    }

    void lastRecordTextInsteadOfKeepingIt()
    {
        CsvReader::Options options;
        options.keepRaw = false;
        options.maxFieldSize = 8;
        CsvReader reader(QStringLiteral("a,\"b\nb\"\r\n\nc\r\nfar too long\nd\n"), options);
        CsvReader::Record r;
        CsvReader::Error e;
        QCOMPARE(reader.next(r, e), CsvReader::Status::Record);
        QVERIFY(r.raw.isEmpty());
        QCOMPARE(reader.lastRecordText(), QStringLiteral("a,\"b\nb\""));
        QCOMPARE(reader.next(r, e), CsvReader::Status::Record); // past the blank line
        QCOMPARE(reader.lastRecordText(), QStringLiteral("c"));
        // An error is no record: the text of the one before is not its.
        QCOMPARE(reader.next(r, e), CsvReader::Status::Error);
        QVERIFY(reader.lastRecordText().isEmpty());
        QCOMPARE(reader.next(r, e), CsvReader::Status::Record);
        QCOMPARE(reader.lastRecordText(), QStringLiteral("d"));
    }

    void otherDelimiters()
    {
        CsvReader::Options o;
        o.delimiter = QLatin1Char(';');
        QCOMPARE(readText(QStringLiteral("a;\"b;c\";d"), o).records[0].fields.size(), 3);
        o.delimiter = QLatin1Char('\t');
        QCOMPARE(readText(QStringLiteral("a\tb,c\td"), o).records[0].fields[1],
                 QStringLiteral("b,c"));
    }

    void textAfterClosingQuoteIsKept()
    {
        const Read r = readText(QStringLiteral("\"ab\"cd,e"));
        QCOMPARE(r.records[0].fields[0], QStringLiteral("abcd"));
    }

    void oversizedFieldIsAnErrorNotACrash()
    {
        // A 5 MB field among ordinary rows, read with a 1 MiB limit.
        QByteArray data = "name,note\nFirst,ok\nBig,\"";
        data += QByteArray(5 * 1024 * 1024, 'x');
        data += "\"\nAfter,ok\nUnquoted big,";
        data += QByteArray(2 * 1024 * 1024, 'y');
        data += "\nLast,ok\n";
        QBuffer buffer(&data);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvReader::Options o;
        o.maxFieldSize = 1 << 20;
        CsvReader reader(&buffer, Encoding::Utf8, o);
        const Read r = readAll(reader);
        QCOMPARE(r.errors.size(), 2);
        QCOMPARE(r.errors[0].row, 3);
        QVERIFY(r.errors[0].message.contains(QStringLiteral("Field 2")));
        QCOMPARE(r.errors[1].row, 5);
        QStringList names;
        for (const auto &rec : r.records)
            names << rec.fields.first();
        QCOMPARE(names, (QStringList{QStringLiteral("name"), QStringLiteral("First"),
                                     QStringLiteral("After"), QStringLiteral("Last")}));
        // and with a limit above it, the field is read whole
        buffer.seek(0);
        o.maxFieldSize = 8 << 20;
        CsvReader big(&buffer, Encoding::Utf8, o);
        const Read all = readAll(big);
        QVERIFY(all.errors.isEmpty());
        QCOMPARE(all.records[2].fields[1].size(), 5 * 1024 * 1024);
    }

    void streamsAcrossChunks()
    {
        // Multi-byte characters and quotes split across the reader's chunks.
        QByteArray data;
        QStringList expected;
        for (int i = 0; i < 20000; ++i) {
            const QString name = QStringLiteral("نام %1, \"q\"").arg(i);
            expected << name;
            data += "\"" + name.toUtf8().replace("\"", "\"\"") + "\",x\r\n";
        }
        QBuffer buffer(&data);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvReader reader(&buffer, Encoding::Utf8, {});
        const Read r = readAll(reader);
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.records.size(), 20000);
        for (int i = 0; i < 20000; i += 997)
            QCOMPARE(r.records[i].fields[0], expected[i]);
        QCOMPARE(r.records.last().line, 20000);
        QCOMPARE(reader.bytesRead(), data.size());
    }
};

QTEST_GUILESS_MAIN(tst_CsvReader)
#include "tst_CsvReader.moc"
