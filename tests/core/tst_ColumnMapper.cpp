#include "common/ValueParsers.h"
#include "importing/ColumnMapper.h"

#include "TestWorkspace.h"

#include <QTest>

using namespace masir;

class tst_ColumnMapper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headers_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("target");
        const QList<std::pair<const char16_t *, const char *>> cases = {
            {u"E-mail 1 - Value", "email"},
            {u"Email Address", "email"},
            {u"ایمیل", "email"},
            {u"ايميل", "email"},
            {u"Emel", "email"},
            {u"E-mail", "email"},
            {u"نام", "first_name"},
            {u"نام خانوادگی", "last_name"},
            {u"نام خانوادگي", "last_name"},
            {u"شماره موبایل", "phone"},
            {u"موبايل", "phone"},
            {u"Imię", "first_name"},
            {u"Nazwisko", "last_name"},
            {u"Telefon", "phone"},
            {u"Nama", "full_name"},
            {u"Phone 1 - Value", "phone"},
            {u"Mobile Phone", "phone"},
            {u"First Name", "first_name"},
            {u"LAST NAME", "last_name"},
            {u"Organization Name", "company"},
            {u"TAGS", "tags"},
            {u"Labels", "tags"},
            {u"Zgoda marketingowa", "email_consent"},
            {u"Langgan", "email_consent"},
            {u"تاریخ تولد", "birthday"},
            {u"Bandar", "city"},
            {u"Miasto", "city"},
            {u"MEMBER_RATING", "score"},
            {u"مبلغ خرید", "skip"},
            {u"Notes", "skip"},
        };
        for (const auto &[h, t] : cases)
            QTest::newRow(qPrintable(QString::fromUtf16(h)))
                << QString::fromUtf16(h) << QString::fromLatin1(t);
    }
    void headers()
    {
        QFETCH(QString, header);
        QFETCH(QString, target);
        QCOMPARE(ColumnMapper::guess(header), target);
    }

    void eachTargetOnce()
    {
        const QStringList t = ColumnMapper::guessAll(
            {QStringLiteral("E-mail 1 - Value"), QStringLiteral("Email"), QStringLiteral("Name"),
             QStringLiteral("First Name"), QStringLiteral("Last Name"), QStringLiteral("Tags"),
             QStringLiteral("Labels")});
        QCOMPARE(
            t, (QStringList{QStringLiteral("email"), QStringLiteral("skip"), QStringLiteral("skip"),
                            QStringLiteral("first_name"), QStringLiteral("last_name"),
                            QStringLiteral("tags"), QStringLiteral("tags")}));
    }

    void remembersMappings()
    {
        test::TestWorkspace ws;
        QVERIFY(ws.opened());
        const QStringList headers = {QStringLiteral("Col A"), QStringLiteral("Col B")};
        QVERIFY(ColumnMapper::remembered(ws.db(), headers).isEmpty());
        QVERIFY(ColumnMapper::remember(ws.db(), headers,
                                       {QStringLiteral("email"), QStringLiteral("skip")}));
        QCOMPARE(
            ColumnMapper::remembered(ws.db(), {QStringLiteral("col a"), QStringLiteral("COL-B")}),
            (QStringList{QStringLiteral("email"), QStringLiteral("skip")}));
        QVERIFY(ColumnMapper::remembered(ws.db(), {QStringLiteral("Col A")}).isEmpty());
    }

    void sniffsDelimiterAndHeader_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("delimiter");
        QTest::addColumn<bool>("header");
        QTest::newRow("comma") << QStringLiteral("Email,Name\na@x.com,A\nb@x.com,B\n")
                               << QStringLiteral(",") << true;
        QTest::newRow("semicolon with commas in data")
            << QStringLiteral("Imię;Nazwisko;Uwagi\nAnna;Nowak;tak, dzwonić\nJan;Kowal;nie, mail\n")
            << QStringLiteral(";") << true;
        QTest::newRow("tab, names over numbers")
            << QStringLiteral("a\tb\tc\n1\t2\t3\n4\t5\t6\n") << QStringLiteral("\t") << true;
        QTest::newRow("tab, no header") << QStringLiteral("ali@x.com\tAli\nsara@x.com\tSara\n")
                                        << QStringLiteral("\t") << false;
        QTest::newRow("pipe") << QStringLiteral("email|name\nx@y.com|X\nz@y.com|Z\n")
                              << QStringLiteral("|") << true;
        QTest::newRow("no header")
            << QStringLiteral("ali@example.com,Ali,0912\nsara@example.com,Sara,0935\n")
            << QStringLiteral(",") << false;
        QTest::newRow("unknown header names")
            << QStringLiteral("Kolor,Rozmiar\nczerwony,12\nzielony,14\n") << QStringLiteral(",")
            << true;
    }
    void sniffsDelimiterAndHeader()
    {
        QFETCH(QString, sample);
        QFETCH(QString, delimiter);
        QFETCH(bool, header);
        const Dialect d = DialectSniffer::sniff(sample);
        QCOMPARE(QString(d.delimiter), delimiter);
        QCOMPARE(d.hasHeader, header);
    }

    void dates()
    {
        using ValueParsers::DateMode;
        using ValueParsers::parseDate;
        QCOMPARE(parseDate(QStringLiteral("2024-03-20"), DateMode::Auto), QDate(2024, 3, 20));
        QCOMPARE(parseDate(QStringLiteral("20.03.2024"), DateMode::Auto), QDate(2024, 3, 20));
        QCOMPARE(parseDate(QStringLiteral("03/20/2024"), DateMode::Auto), QDate(2024, 3, 20));
        QCOMPARE(parseDate(QStringLiteral("05/04/2024"), DateMode::Auto),
                 QDate(2024, 4, 5)); // day first
        QCOMPARE(parseDate(QStringLiteral("2024-03-01 10:00:00"), DateMode::Auto),
                 QDate(2024, 3, 1));
        // Jalali: 1 Farvardin 1403 is 20 March 2024
        QCOMPARE(parseDate(QStringLiteral("۱۴۰۳/۰۱/۰۱"), DateMode::Auto), QDate(2024, 3, 20));
        QCOMPARE(parseDate(QStringLiteral("1403/01/01"), DateMode::Jalali), QDate(2024, 3, 20));
        QCOMPARE(parseDate(QStringLiteral("1365/04/12"), DateMode::Auto), QDate(1986, 7, 3));
        QCOMPARE(parseDate(QStringLiteral("1403/01/01"), DateMode::Gregorian), QDate(1403, 1, 1));
        QVERIFY(!parseDate(QStringLiteral("1403/13/01"), DateMode::Jalali));
        QVERIFY(!parseDate(QStringLiteral("2024-02-30"), DateMode::Auto));
        QVERIFY(!parseDate(QStringLiteral("03/14"), DateMode::Auto));
        QVERIFY(!parseDate(QStringLiteral("soon"), DateMode::Auto));
    }

    void booleans()
    {
        for (const char16_t *yes :
             {u"yes", u"Y", u"true", u"1", u"بله", u"tak", u"TAK", u"ya", u"۱"})
            QCOMPARE(ValueParsers::parseBool(QString::fromUtf16(yes)), std::optional<bool>(true));
        for (const char16_t *no : {u"no", u"N", u"false", u"0", u"خیر", u"نه", u"nie", u"tidak"})
            QCOMPARE(ValueParsers::parseBool(QString::fromUtf16(no)), std::optional<bool>(false));
        QVERIFY(!ValueParsers::parseBool(QStringLiteral("maybe")));
    }

    void tagsAndNames()
    {
        QCOMPARE(ValueParsers::parseTags(QStringLiteral("vip, newsletter;vip")),
                 (QStringList{QStringLiteral("vip"), QStringLiteral("newsletter")}));
        QCOMPARE(ValueParsers::parseTags(QStringLiteral("* myContacts ::: Customers ::: VIP")),
                 (QStringList{QStringLiteral("Customers"), QStringLiteral("VIP")}));
        QCOMPARE(ValueParsers::parseTags(QStringLiteral("\"VIP\",\"Newsletter\"")),
                 (QStringList{QStringLiteral("VIP"), QStringLiteral("Newsletter")}));
        QCOMPARE(ValueParsers::splitFullName(QStringLiteral(" Ali  Reza Karimi ")),
                 (std::pair{QStringLiteral("Ali Reza"), QStringLiteral("Karimi")}));
        QCOMPARE(ValueParsers::parseInt(QStringLiteral("۴۲")), std::optional<int>(42));
    }
};

QTEST_GUILESS_MAIN(tst_ColumnMapper)
#include "tst_ColumnMapper.moc"
