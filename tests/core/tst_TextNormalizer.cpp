#include "common/TextNormalizer.h"

#include <QTest>

using namespace masir;

class tst_TextNormalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The same result as QString::simplified(), without a copy when nothing changes.
    void simplifiedAsQt()
    {
        const QStringList texts = {QString(),
                                   QStringLiteral("Ali"),
                                   QStringLiteral("Ali Reza"),
                                   QStringLiteral(" Ali"),
                                   QStringLiteral("Ali "),
                                   QStringLiteral("Ali  Reza"),
                                   QStringLiteral("Ali\tReza"),
                                   QStringLiteral("Ali\nReza"),
                                   QStringLiteral("Ali\u00A0Reza"), // no-break space
                                   QStringLiteral("Ali\u2003Reza"), // em space
                                   QStringLiteral("علی\u200Cرضا"),  // ZWNJ is not a space
                                   QStringLiteral("  "),
                                   QStringLiteral("a b c d")};
        for (const QString &text : texts) {
            const QString mine = TextNormalizer::simplified(text);
            QCOMPARE(mine, text.simplified());
            if (mine == text && !text.isEmpty())
                QCOMPARE(mine.constData(), text.constData()); // shared, not copied
        }
    }

    void normalizeArabicLetters()
    {
        // ARABIC YEH and KAF become Persian YEH and KEHEH; nothing else changes.
        QCOMPARE(TextNormalizer::normalize(QStringLiteral("علي كريمي")),
                 QStringLiteral("علی کریمی"));
        QCOMPARE(TextNormalizer::normalize(QStringLiteral("موسى")), QStringLiteral("موسی"));
        QCOMPARE(TextNormalizer::normalize(QStringLiteral("Kraków")), QStringLiteral("Kraków"));
        QCOMPARE(TextNormalizer::normalize(QStringLiteral("می‌خواهم")),
                 QStringLiteral("می‌خواهم"));
    }

    void searchKeys_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("arabic yeh") << QStringLiteral("علي") << QStringLiteral("علی");
        QTest::newRow("arabic kaf") << QStringLiteral("كتاب") << QStringLiteral("کتاب");
        QTest::newRow("zwnj") << QStringLiteral("می‌خواهم") << QStringLiteral("میخواهم");
        QTest::newRow("diacritics") << QStringLiteral("عَلی") << QStringLiteral("علی");
        QTest::newRow("tatweel") << QStringLiteral("علـــی") << QStringLiteral("علی");
        QTest::newRow("hamza alef") << QStringLiteral("أحمد") << QStringLiteral("احمد");
        QTest::newRow("teh marbuta") << QStringLiteral("فاطمة") << QStringLiteral("فاطمه");
        QTest::newRow("persian digits") << QStringLiteral("۰۹۱۲") << QStringLiteral("0912");
        QTest::newRow("arabic digits") << QStringLiteral("٠٩١٢") << QStringLiteral("0912");
        QTest::newRow("latin case")
            << QStringLiteral("MARIA Nowak") << QStringLiteral("maria nowak");
        QTest::newRow("polish case") << QStringLiteral("ŁUKASZ") << QStringLiteral("łukasz");
    }
    void searchKeys()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QCOMPARE(TextNormalizer::forSearch(a), TextNormalizer::forSearch(b));
    }

    void differentNamesStayDifferent()
    {
        QVERIFY(TextNormalizer::forSearch(QStringLiteral("علی")) !=
                TextNormalizer::forSearch(QStringLiteral("عل")));
        QVERIFY(TextNormalizer::forSearch(QStringLiteral("کاوه")) !=
                TextNormalizer::forSearch(QStringLiteral("گاوه")));
    }

    void asciiDigits()
    {
        QCOMPARE(TextNormalizer::toAsciiDigits(QStringLiteral("۱۴۰۳/۰۱/۰۱")),
                 QStringLiteral("1403/01/01"));
        QCOMPARE(TextNormalizer::toAsciiDigits(QStringLiteral("٢٠٢٤")), QStringLiteral("2024"));
        QCOMPARE(TextNormalizer::toAsciiDigits(QStringLiteral("abc")), QStringLiteral("abc"));
    }
};

QTEST_GUILESS_MAIN(tst_TextNormalizer)
#include "tst_TextNormalizer.moc"
