// Fails when a user-visible string has no Persian translation: lupdate is run over
// the sources into a copy of masir_fa.ts, and no entry may be left unfinished.

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class tst_Translations : public QObject
{
    Q_OBJECT

    struct Counts
    {
        int messages = 0;
        int unfinished = 0;
        QStringList missing;
        QStringList mnemonics; ///< translations with a shortcut letter (&, not &&)
    };

    static Counts scan(const QString &path)
    {
        Counts c;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return c;
        QXmlStreamReader xml(&f);
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++c.messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == QLatin1String("unfinished") || text.trimmed().isEmpty()) {
                    ++c.unfinished;
                    c.missing << source;
                }
                if (QString(text).remove(QLatin1String("&&")).contains(QLatin1Char('&')))
                    c.mnemonics << text;
            }
        }
        return c;
    }

    Counts refreshed(const QString &tsName, bool pluralOnly)
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath(tsName);
        QFile::copy(QStringLiteral(MASIR_SOURCE_DIR "/translations/") + tsName, copy);
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        QStringList args = {QStringLiteral("-locations"), QStringLiteral("none"),
                            QStringLiteral("-no-obsolete"), QStringLiteral("-silent")};
        if (pluralOnly)
            args << QStringLiteral("-pluralonly");
        args << QStringLiteral(MASIR_SOURCE_DIR "/core") << QStringLiteral(MASIR_SOURCE_DIR "/ui")
             << QStringLiteral(MASIR_SOURCE_DIR "/app") << QStringLiteral("-ts") << copy;
        lupdate.start(QStringLiteral(MASIR_LUPDATE_PATH), args);
        if (!lupdate.waitForFinished(120000) || lupdate.exitCode() != 0)
            qWarning() << lupdate.readAllStandardError();
        return scan(copy);
    }

private Q_SLOTS:
    void persianIsComplete()
    {
        const Counts c = refreshed(QStringLiteral("masir_fa.ts"), false);
        QVERIFY2(c.messages > 100, "masir_fa.ts looks empty");
        QVERIFY2(c.unfinished == 0,
                 qPrintable(QStringLiteral("%1 strings lack a Persian translation:\n%2")
                                .arg(c.unfinished)
                                .arg(c.missing.join(QLatin1Char('\n')))));
    }

    // Qt underlines a shortcut letter as a format of its own, which breaks the
    // joining of Persian letters ("س‌فرها" for "&سفرها"), at the start of a word
    // too: the Persian interface has no shortcut letters.
    void persianHasNoShortcutLetters()
    {
        const Counts c = scan(QStringLiteral(MASIR_SOURCE_DIR "/translations/masir_fa.ts"));
        QVERIFY2(c.messages > 100, "masir_fa.ts looks empty");
        QVERIFY2(c.mnemonics.isEmpty(),
                 qPrintable(QStringLiteral("%1 Persian strings have a shortcut letter:\n%2")
                                .arg(c.mnemonics.size())
                                .arg(c.mnemonics.join(QLatin1Char('\n')))));
    }

    void englishPluralsAreComplete()
    {
        const Counts c = refreshed(QStringLiteral("masir_en.ts"), true);
        QVERIFY2(c.unfinished == 0,
                 qPrintable(QStringLiteral("%1 English plural forms missing:\n%2")
                                .arg(c.unfinished)
                                .arg(c.missing.join(QLatin1Char('\n')))));
    }
};

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_Translations.moc"
