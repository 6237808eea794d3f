// libFuzzer target: the merge-tag language and the message renderer. Arbitrary
// text is parsed as a template, rendered for a contact in each escaping, and
// compiled as a whole email (Markdown through md4c, the marked source turned
// back into a template) and rendered.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target fuzz_mergetemplate
//   build/fuzz/tests/fuzz/fuzz_mergetemplate -max_total_time=600 tests/fuzz/corpus/mergetemplate

#include "contacts/Contact.h"
#include "messaging/MergeTemplate.h"
#include "messaging/MessageRenderer.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace masir;

namespace {

class Values final : public MergeContext
{
public:
    QString value(const QString &name) const override
    {
        return name == QLatin1String("first_name") ? QStringLiteral("Sara <b>&")
                                                   : QStringLiteral("x\r\ny");
    }
    bool hasTag(const QString &tag) const override { return tag.size() % 2 == 0; }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QString source = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const MergeVocabulary vocabulary(QStringList{QStringLiteral("city"), QStringLiteral("vip")});

    const MergeTemplate t = MergeTemplate::parse(source, vocabulary);
    if (t.isValid()) {
        const Values values;
        const bool oneLine =
            !source.contains(QLatin1Char('\n')) && !source.contains(QLatin1Char('\r'));
        for (const Escaping e : {Escaping::Html, Escaping::Text, Escaping::Header}) {
            const QString out = t.render(values, e);
            if (e == Escaping::Header && oneLine && out.contains(QLatin1Char('\n')))
                __builtin_trap(); // a header never takes a line break from a value
        }
        // the marked source comes back as the same template
        const MergeTemplate back = t.withMarkedText(t.markedSource());
        if (!back.isValid() || back.names() != t.names())
            __builtin_trap();
    } else if (t.errors().isEmpty()) {
        __builtin_trap();
    }

    // The same text as a whole email: subject, preheader and Markdown body.
    MessageTemplate email;
    email.name = QStringLiteral("fuzz");
    email.subject = source.left(200);
    email.preheader = source.mid(200, 100);
    email.body = source;
    SenderInfo sender;
    sender.businessName = QStringLiteral("Nan Bakery");
    sender.postalAddress = QStringLiteral("Valiasr 12, Tehran");
    sender.unsubscribeUrl = QStringLiteral("https://shop.test/u/{token}");
    const CompiledMessage compiled = MessageRenderer::compile(email, vocabulary, sender);
    if (compiled.isValid()) {
        Contact c;
        c.firstName = QStringLiteral("علی");
        c.email = QStringLiteral("ali@example.com");
        c.tags = {QStringLiteral("vip")};
        const ContactMergeContext context(c, sender, QStringLiteral("https://shop.test/u/t"));
        MessageRenderer::render(compiled, context, sender);
    }
    MessageRenderer::markdownToText(source);
    SmsCount::of(source);
    return 0;
}
