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
        QCOMPARE(p.front(), QChar(0x202A)); // LEFT-TO-RIGHT EMBEDDING
    }
};

QTEST_GUILESS_MAIN(tst_Formatter)
#include "tst_Formatter.moc"
