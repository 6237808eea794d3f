#include "contacts/ContactRepository.h"
#include "exporting/ContactExporter.h"
#include "exporting/CsvWriter.h"

#include "TestWorkspace.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace masir;

class tst_CsvExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void neutralisesFormulas_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("expected");
        QTest::newRow("equals") << QStringLiteral("=HYPERLINK(\"http://x\")")
                                << QStringLiteral("'=HYPERLINK(\"http://x\")");
        QTest::newRow("plus") << QStringLiteral("+989121234567")
                              << QStringLiteral("'+989121234567");
        QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("refund") << QStringLiteral("-12.50") << QStringLiteral("-12.50");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("cr") << QStringLiteral("\r=1") << QStringLiteral("'\r=1");
        QTest::newRow("plain") << QStringLiteral("Ali") << QStringLiteral("Ali");
        QTest::newRow("inner equals") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("empty") << QString() << QString();
    }
    void neutralisesFormulas()
    {
        QFETCH(QString, cell);
        QFETCH(QString, expected);
        QCOMPARE(CsvWriter::neutralise(cell), expected);
    }

    void quotesPerRfc4180()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter csv(&buffer);
        csv.writeRow({QStringLiteral("a,b"), QStringLiteral("say \"hi\""),
                      QStringLiteral("two\nlines"), QStringLiteral("علی")});
        QCOMPARE(QString::fromUtf8(buffer.data()),
                 QStringLiteral("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",علی\r\n"));
    }

    void exportsWorkspace()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        ContactRepository repo(ws.db());
        Contact evil;
        evil.firstName = QStringLiteral("=cmd|' /C calc'!A0");
        evil.lastName = QStringLiteral("کریمی");
        evil.email = QStringLiteral("evil@example.com");
        evil.phone = QStringLiteral("+48601234567");
        evil.tags = {QStringLiteral("vip"), QStringLiteral("مشتری")};
        QVERIFY2(repo.create(evil), qPrintable(repo.errorString()));
        Contact plain;
        plain.firstName = QStringLiteral("Maria");
        QVERIFY(repo.create(plain));

        const QString path = ws.filePath(QStringLiteral("out.csv"));
        ContactExporter exporter(ws.db());
        ContactExporter::Options options;
        options.excelBom = true;
        QCOMPARE(exporter.exportCsv(path, options), 2);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(bytes.mid(3));
        const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("email,phone,first_name,last_name")));
        QVERIFY2(lines.at(1).contains(QStringLiteral("'=cmd|' /C calc'!A0")),
                 qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).contains(QStringLiteral("'+48601234567")));
        QVERIFY(lines.at(1).contains(QStringLiteral("کریمی")));
        QVERIFY(lines.at(1).contains(QStringLiteral("vip; مشتری")));

        // a cancelled export leaves no file
        const QString cancelled = ws.filePath(QStringLiteral("cancelled.csv"));
        QCOMPARE(exporter.exportCsv(cancelled, {}, [](qint64) { return false; }), -1);
        QVERIFY(!QFile::exists(cancelled));
        QVERIFY(!exporter.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_CsvExport)
#include "tst_CsvExport.moc"
