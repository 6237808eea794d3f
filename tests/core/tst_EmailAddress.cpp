#include "contacts/EmailAddress.h"

#include <QTest>

using namespace masir;

class tst_EmailAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("ali@example.com")
                               << QStringLiteral("ali@example.com");
        QTest::newRow("case folded")
            << QStringLiteral("Maria.Nowak@Example.PL") << QStringLiteral("maria.nowak@example.pl");
        QTest::newRow("trimmed") << QStringLiteral("  a.b@c.io  ") << QStringLiteral("a.b@c.io");
        QTest::newRow("plus tag") << QStringLiteral("shop+news@example.com")
                                  << QStringLiteral("shop+news@example.com");
        QTest::newRow("angle brackets")
            << QStringLiteral("<x@example.org>") << QStringLiteral("x@example.org");
        QTest::newRow("subdomain") << QStringLiteral("a@mail.shop.example.co.uk")
                                   << QStringLiteral("a@mail.shop.example.co.uk");
        QTest::newRow("idn") << QStringLiteral("info@bücher.de")
                             << QStringLiteral("info@bücher.de");
        // The common shape is checked in one pass: its edges, with the general path's result.
        QTest::newRow("all upper")
            << QStringLiteral("UPPER@EXAMPLE.COM") << QStringLiteral("upper@example.com");
        QTest::newRow("hyphens, underscore")
            << QStringLiteral("a-b_c@x-y.example.com") << QStringLiteral("a-b_c@x-y.example.com");
        QTest::newRow("control spaces")
            << QStringLiteral("\tq@w.io\r\n") << QStringLiteral("q@w.io");
        QTest::newRow("no-break space")
            << QStringLiteral("\u00A0q@w.io") << QStringLiteral("q@w.io");
        QTest::newRow("digits") << QStringLiteral("1@2.ab") << QStringLiteral("1@2.ab");
        QTest::newRow("other atext") << QStringLiteral("o'neil!#$%&*/=?^`{|}~@example.com")
                                     << QStringLiteral("o'neil!#$%&*/=?^`{|}~@example.com");
        QTest::newRow("double hyphen local")
            << QStringLiteral("a--b@x.com") << QStringLiteral("a--b@x.com");
        QTest::newRow("64 local") << QString(QString(64, QLatin1Char('A')) +
                                             QStringLiteral("@example.com"))
                                  << QString(QString(64, QLatin1Char('a')) +
                                             QStringLiteral("@example.com"));
    }
    void valid()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QString error;
        QCOMPARE(EmailAddress::normalize(input, &error), expected);
        QVERIFY(error.isEmpty());
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("empty") << QString();
        QTest::newRow("no at") << QStringLiteral("ali.example.com");
        QTest::newRow("no local") << QStringLiteral("@example.com");
        QTest::newRow("no domain") << QStringLiteral("ali@");
        QTest::newRow("no dot in domain") << QStringLiteral("ali@localhost");
        QTest::newRow("double dot") << QStringLiteral("ali..reza@example.com");
        QTest::newRow("leading dot") << QStringLiteral(".ali@example.com");
        QTest::newRow("space") << QStringLiteral("ali reza@example.com");
        QTest::newRow("comma") << QStringLiteral("ali,reza@example.com");
        QTest::newRow("two ats") << QStringLiteral("a@b@example.com");
        QTest::newRow("numeric tld") << QStringLiteral("a@example.123");
        QTest::newRow("underscore in domain") << QStringLiteral("a@exa_mple.com");
        QTest::newRow("trailing dot") << QStringLiteral("a@example.com.");
        QTest::newRow("hyphen label") << QStringLiteral("a@-example.com");
        QTest::newRow("typo comma") << QStringLiteral("a@example,com");
        QTest::newRow("one-letter tld") << QStringLiteral("a@b.c");
        QTest::newRow("local ends with dot") << QStringLiteral("a.@example.com");
        QTest::newRow("label ends with hyphen") << QStringLiteral("a@example-.com");
        QTest::newRow("empty first label") << QStringLiteral("a@.example.com");
        QTest::newRow("empty middle label") << QStringLiteral("a@example..com");
        QTest::newRow("64-letter label") << QString(
            QStringLiteral("a@") + QString(64, QLatin1Char('b')) + QStringLiteral(".com"));
        QTest::newRow("too long") << QString(QStringLiteral("a@") + QString(250, QLatin1Char('b')) +
                                             QStringLiteral(".com"));
        QTest::newRow("too long local")
            << QString(QString(65, QLatin1Char('a')) + QStringLiteral("@example.com"));
    }
    void invalid()
    {
        QFETCH(QString, input);
        QString error;
        QVERIFY(EmailAddress::normalize(input, &error).isEmpty());
        QVERIFY2(!error.isEmpty(), "an invalid address must say why");
    }
};

QTEST_GUILESS_MAIN(tst_EmailAddress)
#include "tst_EmailAddress.moc"
