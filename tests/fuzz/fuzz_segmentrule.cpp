// libFuzzer target: segment rules in JSON. Arbitrary bytes are read as a rule;
// a rule that reads is written back and read again (the same rule), then
// compiled to SQL; SQL that compiles without errors must run in SQLite on a
// real workspace (a compiler bug otherwise), and count and preview.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target fuzz_segmentrule
//   build/fuzz/tests/fuzz/fuzz_segmentrule -max_total_time=600 tests/fuzz/corpus/segmentrule

#include "contacts/ContactRepository.h"
#include "contacts/CustomFields.h"
#include "segments/SegmentCompiler.h"
#include "segments/SegmentRepository.h"
#include "segments/SegmentRule.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>

using namespace masir;

namespace {

/// A small workspace made once: contacts, a custom field of each type, a tag,
/// a list and a segment for rules to name.
const Database &workspace()
{
    static QTemporaryDir dir;
    static std::unique_ptr<Database> db = [] {
        auto d = std::make_unique<Database>(dir.filePath(QStringLiteral("fuzz.masir")));
        if (!d->open())
            std::abort();
        CustomFieldRepository fields(*d);
        QList<FieldDefinition> defs = {
            {0, QStringLiteral("shoe"), QStringLiteral("Shoe size"), FieldType::Number, {}},
            {0, QStringLiteral("since"), QStringLiteral("Since"), FieldType::Date, {}},
            {0, QStringLiteral("vip"), QStringLiteral("VIP"), FieldType::Boolean, {}},
            {0,
             QStringLiteral("size"),
             QStringLiteral("Size"),
             FieldType::Choice,
             {QStringLiteral("S"), QStringLiteral("M")}}};
        for (FieldDefinition &def : defs)
            fields.add(def);
        ContactRepository contacts(*d);
        for (int i = 0; i < 5; ++i) {
            Contact c;
            c.firstName = QStringLiteral("P%1").arg(i);
            c.email = QStringLiteral("p%1@example.com").arg(i);
            c.city = i % 2 ? QStringLiteral("Tehran") : QStringLiteral("Kraków");
            c.tags = {QStringLiteral("vip")};
            c.custom.insert(QStringLiteral("shoe"), QString::number(38 + i));
            contacts.create(c);
        }
        SegmentRepository segments(*d);
        segments.ensureList(QStringLiteral("Friends"));
        return d;
    }();
    return *db;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_segmentrule";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    if (size > 64 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto rule = SegmentRule::fromJsonBytes(bytes, &error);
    if (!rule) {
        if (error.isEmpty())
            __builtin_trap(); // a refusal says why
        return 0;
    }
    // written and read again, it is the same rule
    const auto again = SegmentRule::fromJsonBytes(rule->toJsonBytes(), &error);
    if (!again || !(*again == *rule))
        __builtin_trap();
    const Database &db = workspace();
    SegmentContext context;
    context.now = QDateTime(QDate(2024, 3, 20), QTime(10, 0), Qt::UTC);
    const CompiledSegment compiled = SegmentCompiler(db, context).compile(*rule);
    if (!compiled.ok())
        return 0;
    QSqlQuery q(db.connection());
    if (!q.prepare(QStringLiteral("SELECT count(*) FROM contacts WHERE ") + compiled.where)) {
        std::fprintf(stderr, "bad SQL: %s\n", qPrintable(compiled.where));
        __builtin_trap();
    }
    for (const QVariant &b : compiled.binds)
        q.addBindValue(b);
    if (!q.exec()) {
        std::fprintf(stderr, "SQL failed: %s\n", qPrintable(compiled.where));
        __builtin_trap();
    }
    return 0;
}
