#include "contacts/Contact.h"
#include "messaging/MergeTemplate.h"
#include "messaging/MessageRenderer.h"
#include "messaging/MimeMessage.h"
#include "messaging/RateLimiter.h"

#include <QTest>

using namespace masir;

namespace {

class MapContext final : public MergeContext
{
public:
    QHash<QString, QString> values;
    QStringList tags;
    QString value(const QString &name) const override { return values.value(name); }
    bool hasTag(const QString &tag) const override { return tags.contains(tag); }
};

} // namespace

class tst_MergeTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersValuesFiltersAndBlocks_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "Hi {{first_name}}!"
                               << "Hi Sara!";
        QTest::newRow("spaces") << "Hi {{ first_name }}!"
                                << "Hi Sara!";
        QTest::newRow("default used") << "{{last_name|default:\"friend\"}}"
                                      << "friend";
        QTest::newRow("default unused") << "{{first_name|default:\"friend\"}}"
                                        << "Sara";
        QTest::newRow("persian default") << "{{last_name|default:\"دوست\"}}"
                                         << "دوست";
        QTest::newRow("upper") << "{{first_name|upper}}"
                               << "SARA";
        QTest::newRow("chain") << "{{last_name|default:\"x y\"|upper}}"
                               << "X Y";
        QTest::newRow("custom") << "{{custom.city}}"
                                << "Kraków";
        QTest::newRow("if tag") << "{% if tag \"vip\" %}VIP{% else %}no{% endif %}"
                                << "VIP";
        QTest::newRow("if not tag") << "{% if not tag \"vip\" %}VIP{% else %}no{% endif %}"
                                    << "no";
        QTest::newRow("if missing tag") << "{% if tag \"gold\" %}G{% endif %}."
                                        << ".";
        QTest::newRow("if value") << "{% if last_name %}L{% else %}none{% endif %}"
                                  << "none";
        QTest::newRow("compare") << "{% if first_name == \"sara\" %}yes{% endif %}"
                                 << "yes";
        QTest::newRow("nested")
            << "{% if tag \"vip\" %}a{% if last_name %}b{% else %}c{% endif %}d{% endif %}"
            << "acd";
        QTest::newRow("no tags") << "just text { not a tag }"
                                 << "just text { not a tag }";
    }
    void rendersValuesFiltersAndBlocks()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        const MergeTemplate t =
            MergeTemplate::parse(source, MergeVocabulary({QStringLiteral("city")}));
        QVERIFY2(t.isValid(), qPrintable(t.errors().value(0).toString()));
        MapContext c;
        c.values = {{QStringLiteral("first_name"), QStringLiteral("Sara")},
                    {QStringLiteral("custom.city"), QStringLiteral("Kraków")}};
        c.tags = {QStringLiteral("vip")};
        QCOMPARE(t.render(c, Escaping::Text), expected);
    }

    void errorsAtLineAndColumn_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("words");
        QTest::newRow("unknown tag") << "Hi\n  {{frist_name}}" << 2 << 5 << "unknown merge tag";
        QTest::newRow("unknown custom") << "{{custom.nope}}" << 1 << 3 << "custom field";
        QTest::newRow("unclosed") << "a {{first_name" << 1 << 3 << "not closed";
        QTest::newRow("unknown filter") << "{{first_name|shout}}" << 1 << 14 << "unknown filter";
        QTest::newRow("default needs text") << "{{first_name|default}}" << 1 << 14 << "quoted";
        QTest::newRow("open if") << "x\n{% if tag \"a\" %}y" << 2 << 1 << "endif";
        QTest::newRow("stray endif") << "{% endif %}" << 1 << 1 << "without";
        QTest::newRow("unknown block") << "{% for x %}" << 1 << 4 << "unknown block";
        QTest::newRow("tag unquoted") << "{% if tag vip %}{% endif %}" << 1 << 7 << "quoted";
        QTest::newRow("open quote") << "{{first_name|default:\"x}}" << 1 << 22 << "quoted";
    }
    void errorsAtLineAndColumn()
    {
        QFETCH(QString, source);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, words);
        const MergeTemplate t = MergeTemplate::parse(source, MergeVocabulary());
        QVERIFY(!t.isValid());
        const TemplateError e = t.errors().first();
        QCOMPARE(e.line, line);
        QCOMPARE(e.column, column);
        QVERIFY2(e.message.contains(words), qPrintable(e.toString()));
        // A template with errors never renders, not even partly.
        QCOMPARE(t.render(MapContext(), Escaping::Text), QString());
    }

    void escapesPerContext()
    {
        const MergeTemplate t =
            MergeTemplate::parse(QStringLiteral("<b>{{first_name}}</b>"), MergeVocabulary());
        MapContext c;
        c.values = {{QStringLiteral("first_name"), QStringLiteral("<script>\"x\"&'y'\r\nBcc: a")}};
        QCOMPARE(t.render(c, Escaping::Html),
                 QStringLiteral("<b>&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;\r\nBcc: a</b>"));
        QCOMPARE(t.render(c, Escaping::Text), QStringLiteral("<b><script>\"x\"&'y'\r\nBcc: a</b>"));
        // Headers never get a line break from a value.
        QVERIFY(!t.render(c, Escaping::Header).contains(QLatin1Char('\n')));
    }

    void markdownBecomesStyledHtmlAndText()
    {
        MessageTemplate tmpl;
        tmpl.name = QStringLiteral("t");
        tmpl.subject = QStringLiteral("Hello {{first_name}}");
        tmpl.body = QStringLiteral("# Hi {{first_name|default:\"there\"}}\n\nSee [our shop]"
                                   "(https://shop.test/?e={{email}}) and **save**.\n\n"
                                   "- one\n- two\n\n![logo](https://shop.test/logo.png)\n");
        SenderInfo sender{QStringLiteral("Shop"), QStringLiteral("1 Main St"),
                          QStringLiteral("https://shop.test/u/{token}"), QString()};
        const CompiledMessage m = MessageRenderer::compile(tmpl, MergeVocabulary(), sender);
        QVERIFY2(m.isValid(), qPrintable(m.errors.join(QLatin1Char('\n'))));
        Contact contact;
        contact.firstName = QStringLiteral("Ann & <Bob>");
        contact.email = QStringLiteral("ann@x.test");
        const RenderedMessage r = MessageRenderer::render(
            m, ContactMergeContext(contact, sender, QStringLiteral("https://shop.test/u/1.abc")),
            sender);
        QCOMPARE(r.subject, QStringLiteral("Hello Ann & <Bob>"));
        QVERIFY(r.html.contains(QStringLiteral("<h1 style=")));
        QVERIFY(r.html.contains(QStringLiteral("Hi Ann &amp; &lt;Bob&gt;")));
        QVERIFY(r.html.contains(QStringLiteral("href=\"https://shop.test/?e=ann@x.test\"")));
        QVERIFY(r.html.contains(QStringLiteral("<img style=")));
        QVERIFY(r.html.contains(QStringLiteral("dir=\"ltr\"")));
        QVERIFY(r.html.contains(QStringLiteral("1 Main St")));
        QVERIFY(r.html.contains(QStringLiteral("https://shop.test/u/1.abc")));
        QVERIFY2(r.text.contains(QStringLiteral("See our shop (https://shop.test/?e=ann@x.test)")),
                 qPrintable(r.text));
        QVERIFY(r.text.contains(QStringLiteral("- one\n- two")));
        QVERIFY(r.text.contains(QStringLiteral("Unsubscribe: https://shop.test/u/1.abc")));
        QVERIFY(!r.text.contains(QLatin1Char('<')) || r.text.contains(QStringLiteral("<Bob>")));
    }

    void persianContentIsRightToLeft()
    {
        MessageTemplate tmpl;
        tmpl.name = QStringLiteral("fa");
        tmpl.subject = QStringLiteral("سلام {{first_name}}");
        tmpl.body = QStringLiteral("به فروشگاه ما خوش آمدید، {{first_name}}.\n\n> نقل قول");
        SenderInfo sender{QStringLiteral("فروشگاه"), QStringLiteral("تهران"),
                          QStringLiteral("https://shop.test/u/{token}"), QString()};
        const CompiledMessage m = MessageRenderer::compile(tmpl, MergeVocabulary(), sender);
        QVERIFY(m.isValid());
        Contact contact;
        contact.firstName = QStringLiteral("Sara");
        const RenderedMessage r = MessageRenderer::render(
            m, ContactMergeContext(contact, sender, QStringLiteral("https://u")), sender);
        QVERIFY(r.rightToLeft);
        QVERIFY(r.html.contains(QStringLiteral("<html lang=\"fa\" dir=\"rtl\">")));
        QVERIFY(r.html.contains(QStringLiteral("text-align:right")));
        QVERIFY(r.html.contains(QStringLiteral("border-right:")));
        QVERIFY(r.html.contains(QStringLiteral("لغو اشتراک")));
    }

    void marketingNeedsAddressAndUnsubscribe()
    {
        MessageTemplate tmpl;
        tmpl.name = QStringLiteral("m");
        tmpl.subject = QStringLiteral("s");
        tmpl.body = QStringLiteral("b");
        const CompiledMessage m = MessageRenderer::compile(tmpl, MergeVocabulary(), SenderInfo{});
        QCOMPARE(m.errors.size(), 2);
        tmpl.marketing = false; // a receipt needs neither
        QVERIFY(MessageRenderer::compile(tmpl, MergeVocabulary(), SenderInfo{}).isValid());
    }

    void smsSegments_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("unicode");
        QTest::addColumn<int>("characters");
        QTest::addColumn<int>("segments");
        QTest::newRow("empty") << QString() << false << 0 << 0;
        QTest::newRow("160 gsm") << QString(160, QLatin1Char('a')) << false << 160 << 1;
        QTest::newRow("161 gsm") << QString(161, QLatin1Char('a')) << false << 161 << 2;
        QTest::newRow("306 gsm") << QString(306, QLatin1Char('a')) << false << 306 << 2;
        QTest::newRow("307 gsm") << QString(307, QLatin1Char('a')) << false << 307 << 3;
        QTest::newRow("extension counts 2") << QStringLiteral("€{}") << false << 6 << 1;
        QTest::newRow("70 persian") << QString(70, QChar(0x0633)) << true << 70 << 1;
        QTest::newRow("71 persian") << QString(71, QChar(0x0633)) << true << 71 << 2;
        QTest::newRow("134 persian") << QString(134, QChar(0x0633)) << true << 134 << 2;
        QTest::newRow("135 persian") << QString(135, QChar(0x0633)) << true << 135 << 3;
        QTest::newRow("one persian letter makes it ucs2")
            << QString(100, QLatin1Char('a')) + QChar(0x0633) << true << 101 << 2;
    }
    void smsSegments()
    {
        QFETCH(QString, text);
        QFETCH(bool, unicode);
        QFETCH(int, characters);
        QFETCH(int, segments);
        const SmsCount c = SmsCount::of(text);
        QCOMPARE(c.unicode, unicode);
        QCOMPARE(c.characters, characters);
        QCOMPARE(c.segments, segments);
    }

    void mimeHeadersAreEncodedAndFolded()
    {
        const QByteArray subject = MimeMessage::encodeHeader(
            QStringLiteral("سلام دوست عزیز، پیشنهاد ویژهٔ امروز برای شما آماده است"), 9);
        for (const QByteArray &line : subject.split('\n'))
            QVERIFY2(line.size() <= 78, line.constData());
        QVERIFY(subject.startsWith("=?UTF-8?B?"));
        QCOMPARE(MimeMessage::encodeHeader(QStringLiteral("Plain\r\nBcc: x"), 9),
                 QByteArray("Plain Bcc: x"));
        const QByteArray qp =
            MimeMessage::quotedPrintable(QByteArray(100, 'a') + "=\r\nFrom here \r\nend");
        for (const QByteArray &line : qp.split('\n'))
            QVERIFY(line.size() <= 77);
        QVERIFY(qp.contains("=3D"));
        QVERIFY(qp.contains("=46rom here=20"));
        QCOMPARE(MimeMessage::dateHeader(QDateTime(QDate(2026, 11, 22), QTime(8, 5, 9), Qt::UTC)),
                 QByteArray("Sun, 22 Nov 2026 08:05:09 +0000"));
    }

    void rateLimiterPacesSeconds()
    {
        RateLimiter limiter({10, 0, 0});
        qint64 t = 1'000'000;
        QList<qint64> starts;
        // Ask as often as possible for 60 s of virtual time.
        for (qint64 now = t; now < t + 60'000; ++now) {
            if (limiter.allows(now)) {
                limiter.record(now);
                limiter.finish(now, now + 3); // 3 ms on the wire
                starts << now;
            }
        }
        QVERIFY2(starts.size() >= 590 && starts.size() <= 600,
                 qPrintable(QString::number(starts.size())));
        for (int i = 10; i < starts.size(); ++i)
            QVERIFY(starts.at(i) - starts.at(i - 10) > 1000);

        // A slow server: sends take 300 ms. The tenth before must have *ended* a
        // second ago, so arrivals at the server never bunch into 11 a second.
        RateLimiter slow({10, 0, 0});
        QList<std::pair<qint64, qint64>> sends; // start, end
        for (qint64 now = t; now < t + 20'000; ++now) {
            for (const auto &[start, end] : sends)
                if (end == now)
                    slow.finish(start, end);
            if (slow.allows(now)) {
                slow.record(now);
                sends.append({now, now + 300});
            }
        }
        for (int i = 10; i < sends.size(); ++i)
            QVERIFY(sends.at(i).first > sends.at(i - 10).second + 1000);
    }

    void rateLimiterWindows()
    {
        RateLimiter limiter({0, 3, 5});
        const qint64 hour = 3600 * 1000;
        limiter.seed({0, 10, 20}); // three sent in the first minute
        QCOMPARE(limiter.nextAllowedAt(30), hour);
        limiter.record(hour);
        limiter.record(hour + 1);
        // Five in the day: the next one waits for the first to leave the window.
        QCOMPARE(limiter.nextAllowedAt(hour + 2), 24 * hour);
    }
};

QTEST_GUILESS_MAIN(tst_MergeTemplate)
#include "tst_MergeTemplate.moc"
