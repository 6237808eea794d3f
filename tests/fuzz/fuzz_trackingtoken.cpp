// libFuzzer target: tracking tokens, as any text a client can put after /o/,
// /c/, /u/ or /p/. Arbitrary text is split and verified against a key ring:
// nothing forged verifies. The same bytes also build a token that is signed,
// verified back to the same fields, then changed by one character, which must
// no longer verify (or verify to the very same token).
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target fuzz_trackingtoken
//   build/fuzz/tests/fuzz/fuzz_trackingtoken -max_total_time=600 tests/fuzz/corpus/trackingtoken

#include "tracking/TrackingKeys.h"
#include "tracking/TrackingToken.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace masir;

namespace {

const QByteArray kSecret = QByteArray(32, '\x5a');
const KeyRing &ring()
{
    static const KeyRing r({TrackingKey{QStringLiteral("k1"), kSecret, 1, 0, 0},
                            TrackingKey{QStringLiteral("old"), QByteArray(32, '\x11'), 1, 5, 10}});
    return r;
}

void check(bool ok)
{
    if (!ok)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    // Forged text: whatever verifies must have been signed with our secret,
    // which the fuzzer cannot do, so nothing verifies.
    if (const auto parts = TrackingToken::split(text))
        check(!TrackingToken::verify(*parts, QByteArray(32, '\x01')).has_value() ||
              parts->kid.isEmpty());
    (void)ring().verify(text, 7);
    (void)ring().verify(QString::fromLatin1(bytes), 20); // the old key has expired at 20

    // A token built from the bytes: signed, read back whole, and refused once changed.
    if (size < 4)
        return 0;
    TrackingToken t;
    static const TrackingToken::Kind kinds[] = {
        TrackingToken::Kind::Open, TrackingToken::Kind::Click, TrackingToken::Kind::Unsubscribe,
        TrackingToken::Kind::Preferences};
    t.kind = kinds[data[0] % 4];
    t.kid = QStringLiteral("k1");
    t.outboxId = (qint64(data[1]) << 16 | qint64(data[2]) << 8 | data[3]) + 1; // ids start at 1
    const QByteArray rest = bytes.mid(4, 3000);
    if (t.kind == TrackingToken::Kind::Click) {
        t.link = data[2];
        t.target = QStringLiteral("https://shop.test/") + QString::fromUtf8(rest);
    } else if (t.kind != TrackingToken::Kind::Open) {
        t.subject = rest.left(12).leftJustified(12, '\0'); // a pseudonym is 12 bytes
    }
    const QString encoded = t.encode(kSecret);
    if (encoded.size() > TrackingToken::kMaxLength)
        return 0;
    const auto back = ring().verify(encoded, 7);
    check(back.has_value());
    check(back->kind == t.kind && back->outboxId == t.outboxId);
    if (t.kind == TrackingToken::Kind::Click)
        check(back->target == t.target && back->link == t.link);
    QString changed = encoded;
    const qsizetype at = qsizetype(data[1]) * 7919 % changed.size();
    changed[at] = changed.at(at) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    if (const auto forged = ring().verify(changed, 7))
        check(forged->kind == t.kind && forged->outboxId == t.outboxId &&
              forged->target == t.target && forged->subject == t.subject);
    return 0;
}
