#include "contacts/PhoneNumbers.h"

#include <QTest>

using namespace masir;

class tst_PhoneNumbers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("expected");
        const QString ir = QStringLiteral("+989121234567");
        QTest::newRow("ir national") << QStringLiteral("09121234567") << QStringLiteral("IR") << ir;
        QTest::newRow("ir spaced") << QStringLiteral("0912 123 4567") << QStringLiteral("IR") << ir;
        QTest::newRow("ir plus") << QStringLiteral("+98 912 123 4567") << QStringLiteral("IR")
                                 << ir;
        QTest::newRow("ir 0098") << QStringLiteral("0098 912 123 4567") << QStringLiteral("IR")
                                 << ir;
        QTest::newRow("ir 98 other region")
            << QStringLiteral("+989121234567") << QStringLiteral("PL") << ir;
        QTest::newRow("persian digits")
            << QStringLiteral("۰۹۱۲۱۲۳۴۵۶۷") << QStringLiteral("IR") << ir;
        QTest::newRow("arabic-indic digits")
            << QStringLiteral("٠٩١٢١٢٣٤٥٦٧") << QStringLiteral("IR") << ir;
        QTest::newRow("mixed digits dashes")
            << QStringLiteral("۰۹۱۲-123-۴۵۶۷") << QStringLiteral("IR") << ir;
        QTest::newRow("pl") << QStringLiteral("+48 601 234 567") << QStringLiteral("PL")
                            << QStringLiteral("+48601234567");
        QTest::newRow("pl national") << QStringLiteral("601 234 567") << QStringLiteral("PL")
                                     << QStringLiteral("+48601234567");
        QTest::newRow("my") << QStringLiteral("012-345 6789") << QStringLiteral("MY")
                            << QStringLiteral("+60123456789");
        QTest::newRow("us brackets") << QStringLiteral("(212) 555-0123") << QStringLiteral("US")
                                     << QStringLiteral("+12125550123");
        // Not in libphonenumber's ranges, but as long as a Polish number: kept.
        QTest::newRow("unknown range, right length")
            << QStringLiteral("+48 363 702 051") << QStringLiteral("PL")
            << QStringLiteral("+48363702051");
        QTest::newRow("region lower case")
            << QStringLiteral("09121234567") << QStringLiteral("ir") << ir;
    }
    void normalize()
    {
        QFETCH(QString, input);
        QFETCH(QString, region);
        QFETCH(QString, expected);
        QString error;
        QCOMPARE(PhoneNumbers::normalize(input, region, &error), expected);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("region");
        QTest::newRow("empty") << QString() << QStringLiteral("IR");
        QTest::newRow("letters") << QStringLiteral("call me") << QStringLiteral("IR");
        QTest::newRow("too short") << QStringLiteral("0912") << QStringLiteral("IR");
        QTest::newRow("too long") << QStringLiteral("0912123456789012345") << QStringLiteral("IR");
        QTest::newRow("missing digits") << QStringLiteral("0912 123 45") << QStringLiteral("IR");
        QTest::newRow("unknown range, odd length")
            << QStringLiteral("+48 363 702 05") << QStringLiteral("PL");
        QTest::newRow("no such area") << QStringLiteral("+98 0000 1234") << QStringLiteral("IR");
        QTest::newRow("no region no plus") << QStringLiteral("09121234567") << QString();
    }
    void invalid()
    {
        QFETCH(QString, input);
        QFETCH(QString, region);
        QString error;
        QVERIFY(PhoneNumbers::normalize(input, region, &error).isEmpty());
        QVERIFY2(!error.isEmpty(), "an invalid number must say why");
    }

    void formats()
    {
        QCOMPARE(PhoneNumbers::formatInternational(QStringLiteral("+989121234567")),
                 QStringLiteral("+98 912 123 4567"));
        QCOMPARE(PhoneNumbers::nationalDigits(QStringLiteral("+989121234567")),
                 QStringLiteral("09121234567"));
        QCOMPARE(PhoneNumbers::regionOf(QStringLiteral("+48601234567")), QStringLiteral("PL"));
        QVERIFY(PhoneNumbers::supportedRegions().contains(QStringLiteral("IR")));
        QCOMPARE(PhoneNumbers::countryCallingCode(QStringLiteral("IR")), 98);
        // The national significant number: after a calling code of 1, 2 or 3 digits.
        QCOMPARE(PhoneNumbers::nationalSignificantNumber(QStringLiteral("+989121234567")),
                 QStringLiteral("9121234567"));
        QCOMPARE(PhoneNumbers::nationalSignificantNumber(QStringLiteral("+12125550123")),
                 QStringLiteral("2125550123"));
        QCOMPARE(PhoneNumbers::nationalSignificantNumber(QStringLiteral("+3531234567")),
                 QStringLiteral("1234567"));
        QCOMPARE(PhoneNumbers::nationalSignificantNumber(QStringLiteral("+98")), QString());
        QCOMPARE(PhoneNumbers::nationalSignificantNumber(QStringLiteral("09121234567")), QString());
        QCOMPARE(PhoneNumbers::nationalSignificantNumber(QStringLiteral("+9 8121234567")),
                 QString());
    }
};

QTEST_GUILESS_MAIN(tst_PhoneNumbers)
#include "tst_PhoneNumbers.moc"
