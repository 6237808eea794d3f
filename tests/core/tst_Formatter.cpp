#include "contacts/PhoneNumbers.h"
#include "i18n/Formatter.h"

#include <QTest>

using namespace masir;

class tst_Formatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Formatter::setLocale(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void persianDatesAreJalali()
    {
        Formatter::setLocale(QLocale(QLocale::Persian, QLocale::Iran));
        QVERIFY(Formatter::isPersian());
        // Nowruz 1403 was 20 March 2024.
        const QString nowruz = Formatter::date(QDate(2024, 3, 20));
        QVERIFY2(nowruz.contains(QStringLiteral("۱۴۰۳")), qPrintable(nowruz));
        QVERIFY2(nowruz.startsWith(QStringLiteral("۱ ")), qPrintable(nowruz));
        QVERIFY2(nowruz.contains(QStringLiteral("فروردین")), qPrintable(nowruz));
        QCOMPARE(Formatter::number(1234), QStringLiteral("۱٬۲۳۴"));
        QCOMPARE(Formatter::calendar().name(), QStringLiteral("Jalali"));
    }

    void englishDatesAreGregorian()
    {
        Formatter::setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(!Formatter::isPersian());
        QCOMPARE(Formatter::date(QDate(2024, 3, 20)), QStringLiteral("3/20/2024")); // four digits
        const QString noon =
            Formatter::dateTime(QDateTime(QDate(1965, 3, 20), QTime(12, 0), Qt::LocalTime).toUTC());
        QVERIFY2(noon.startsWith(QLatin1String("3/20/1965")), qPrintable(noon));
        QCOMPARE(Formatter::number(1234), QStringLiteral("1,234"));
        QVERIFY(Formatter::date(QDate()).isEmpty());
    }

    void phonesReadLeftToRight()
    {
        Formatter::setLocale(QLocale(QLocale::Persian, QLocale::Iran));
        const QString p = PhoneNumbers::display(QStringLiteral("+989121234567"));
        QVERIFY(p.contains(QStringLiteral("+98 912 123 4567")));
        QCOMPARE(p.front(), QChar(0x2066)); // LEFT-TO-RIGHT ISOLATE
    }

    // Codes are shown by their names in the interface's language (ICU's),
    // an unknown code as it was written.
    void namesOfCodes()
    {
        Formatter::setLocale(QLocale(QLocale::Persian, QLocale::Iran));
        QCOMPARE(Formatter::countryName(QStringLiteral("IR")), QString::fromUtf8("ایران"));
        QCOMPARE(Formatter::languageName(QStringLiteral("en")), QString::fromUtf8("انگلیسی"));
        QVERIFY(Formatter::timeZoneName(QStringLiteral("Asia/Tehran"))
                    .contains(QString::fromUtf8("ایران")));
        QCOMPARE(Formatter::countryName(QStringLiteral("Narnia")), QStringLiteral("Narnia"));
        QCOMPARE(Formatter::timeZoneName(QStringLiteral("Mars/Base")), QStringLiteral("Mars/Base"));
        Formatter::setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(Formatter::countryName(QStringLiteral("pl")), QStringLiteral("Poland"));
        QCOMPARE(Formatter::languageName(QStringLiteral("fa")), QStringLiteral("Persian"));
        QCOMPARE(Formatter::countryName(QStringLiteral("QQ")), QStringLiteral("QQ"));
        // a Persian name in an English line is isolated, so is an English one
        const QString name = Formatter::isolate(QString::fromUtf8("نگار"));
        QCOMPARE(name.front(), QChar(0x2068));
        QCOMPARE(name.back(), QChar(0x2069));
        QVERIFY(Formatter::isolate(QString()).isEmpty());
        QCOMPARE(Formatter::isolate(QStringLiteral("Sara")), QStringLiteral("Sara"));
    }

    // Every country, language and zone to choose from, by name in the
    // interface's language and in its alphabetical order.
    void codesToChooseFrom()
    {
        const auto find = [](const QList<Formatter::NamedCode> &list, const QString &code) {
            for (const Formatter::NamedCode &c : list)
                if (c.code == code)
                    return c.name;
            return QString();
        };
        Formatter::setLocale(QLocale(QLocale::Persian, QLocale::Iran));
        const auto countries = Formatter::countries();
        QVERIFY(countries.size() > 200);
        QCOMPARE(find(countries, QStringLiteral("IR")), QString::fromUtf8("ایران"));
        // Persian order: "آ" and "ا" come first
        QVERIFY(countries.first().name.startsWith(QChar(0x0622)) ||
                countries.first().name.startsWith(QChar(0x0627)));
        QCOMPARE(find(Formatter::languages(), QStringLiteral("fa")), QString::fromUtf8("فارسی"));
        const auto zones = Formatter::timeZones();
        QVERIFY(find(zones, QStringLiteral("Asia/Tehran")).contains(QString::fromUtf8("ایران")));
        QVERIFY(find(zones, QStringLiteral("Etc/GMT+3")).isEmpty());
        // with no language set up (the C locale), in English
        Formatter::setLocale(QLocale::c());
        QCOMPARE(find(Formatter::countries(), QStringLiteral("PL")), QStringLiteral("Poland"));
        Formatter::setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(Formatter::countries().first().name, QStringLiteral("Afghanistan"));
    }

    void numbersToEdit()
    {
        Formatter::setLocale(QLocale(QLocale::Persian, QLocale::Iran));
        QCOMPARE(Formatter::editableNumber(2.5), QString::fromUtf8("۲٫۵"));
        QCOMPARE(Formatter::editableNumber(12000), QString::fromUtf8("۱۲۰۰۰"));
        QCOMPARE(*Formatter::parseNumber(QString::fromUtf8("۲٫۵")), 2.5);
        QCOMPARE(*Formatter::parseNumber(QStringLiteral("48")), 48.0);
        QCOMPARE(*Formatter::parseNumber(QString::fromUtf8("٤٨")), 48.0);
        QVERIFY(!Formatter::parseNumber(QStringLiteral("four")));
        Formatter::setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(Formatter::editableNumber(12000), QStringLiteral("12000"));
    }
};

QTEST_GUILESS_MAIN(tst_Formatter)
#include "tst_Formatter.moc"
