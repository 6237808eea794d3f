#include "importing/TextDecoder.h"

#include <QFile>
#include <QTest>

using namespace masir;

namespace {
QByteArray bytesOf(const QString &name)
{
    QFile f(QStringLiteral(MASIR_TEST_DATA_DIR "/import/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class tst_Encodings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<int>("bom");
        QTest::newRow("cp1256 persian")
            << QStringLiteral("fa_cp1256_excel.csv") << QStringLiteral("windows-1256") << 0;
        QTest::newRow("cp1250 polish")
            << QStringLiteral("pl_cp1250_semicolon.csv") << QStringLiteral("windows-1250") << 0;
        QTest::newRow("utf16le bom")
            << QStringLiteral("utf16le_tab_bom.txt") << QStringLiteral("utf-16le") << 2;
        QTest::newRow("utf8") << QStringLiteral("quoted_newlines.csv") << QStringLiteral("utf-8")
                              << 0;
        QTest::newRow("sample cp1256") << QStringLiteral("samples/shop_customers_fa_cp1256.csv")
                                       << QStringLiteral("windows-1256") << 0;
        QTest::newRow("sample cp1250") << QStringLiteral("samples/klienci_pl_cp1250_semicolon.csv")
                                       << QStringLiteral("windows-1250") << 0;
        QTest::newRow("sample utf16") << QStringLiteral("samples/outlook_unicode_text_utf16.txt")
                                      << QStringLiteral("utf-16le") << 2;
        QTest::newRow("sample utf8 bom")
            << QStringLiteral("samples/pelanggan_ms_utf8_bom.csv") << QStringLiteral("utf-8") << 3;
        QTest::newRow("sample persian digits")
            << QStringLiteral("samples/google_sheets_fa_utf8_persian_digits.csv")
            << QStringLiteral("utf-8") << 0;
    }
    void detectsFixtures()
    {
        QFETCH(QString, file);
        QFETCH(QString, encoding);
        QFETCH(int, bom);
        const QByteArray bytes = bytesOf(file);
        QVERIFY(!bytes.isEmpty());
        const auto r = EncodingDetector::detect(bytes, true);
        QCOMPARE(Encodings::key(r.encoding), encoding);
        QCOMPARE(r.bomLength, bom);
    }

    void codePagesDecodeExactly()
    {
        // Every byte of the high half, against the published mappings.
        QCOMPARE(TextDecoder::decodeAll("\xED\xDF\xC7", Encoding::Windows1256),
                 QStringLiteral("يكا"));
        QCOMPARE(TextDecoder::decodeAll("\x98\x90\x81\x8D", Encoding::Windows1256),
                 QStringLiteral("کگپچ"));
        QCOMPARE(
            TextDecoder::decodeAll("\xA3\xB9\xEA\x9C\xBF\x9F\xE6\xF1\xF3", Encoding::Windows1250),
            QStringLiteral("Łąęśżźćńó"));
        QCOMPARE(TextDecoder::decodeAll("\x80\xE9\xFC\xDF", Encoding::Windows1252),
                 QStringLiteral("€éüß"));
        TextDecoder d(Encoding::Windows1252);
        QCOMPARE(d.decode("\x81"), QString(QChar::ReplacementCharacter)); // undefined in 1252
        QCOMPARE(d.invalidCount(), 1);
    }

    void utf8SplitAcrossChunks()
    {
        const QByteArray bytes = QStringLiteral("سلام").toUtf8();
        TextDecoder d(Encoding::Utf8);
        QString out;
        for (const char c : bytes)
            out += d.decode(QByteArrayView(&c, 1));
        out += d.finish();
        QCOMPARE(out, QStringLiteral("سلام"));
        QCOMPARE(d.invalidCount(), 0);
        TextDecoder cut(Encoding::Utf8);
        const QString head = cut.decode(bytes.left(3));
        QCOMPARE(head + cut.finish(), QStringLiteral("س") + QChar(QChar::ReplacementCharacter));
    }

    void strictUtf8()
    {
        QVERIFY(EncodingDetector::isValidUtf8("plain ascii", true));
        QVERIFY(EncodingDetector::isValidUtf8(QStringLiteral("علی").toUtf8(), true));
        QVERIFY(!EncodingDetector::isValidUtf8("\xED\xDF", true));     // cp1256 bytes
        QVERIFY(!EncodingDetector::isValidUtf8("\xC0\xAF", true));     // overlong
        QVERIFY(!EncodingDetector::isValidUtf8("\xED\xA0\x80", true)); // surrogate
        const QByteArray cut = QStringLiteral("علی").toUtf8().left(5);
        QVERIFY(EncodingDetector::isValidUtf8(cut, false)); // sample ends mid-character
        QVERIFY(!EncodingDetector::isValidUtf8(cut, true));
    }

    void keysAndAliases()
    {
        QCOMPARE(Encodings::fromKey(QStringLiteral("CP1256")), Encoding::Windows1256);
        QCOMPARE(Encodings::fromKey(QStringLiteral("utf8")), Encoding::Utf8);
        QCOMPARE(Encodings::fromKey(QStringLiteral("windows-1250")), Encoding::Windows1250);
        QVERIFY(!Encodings::fromKey(QStringLiteral("ebcdic")));
        for (const Encoding e : Encodings::all())
            QCOMPARE(Encodings::fromKey(Encodings::key(e)), e);
    }
};

QTEST_GUILESS_MAIN(tst_Encodings)
#include "tst_Encodings.moc"
