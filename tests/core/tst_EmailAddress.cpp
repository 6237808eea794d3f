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
