// libFuzzer target: encoding detection, decoding in every encoding, and the CSV
// state machine with every delimiter, over arbitrary bytes.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target fuzz_csvreader
//   build/fuzz/tests/fuzz/fuzz_csvreader -max_total_time=600 tests/fuzz/corpus/csvreader

#include "importing/CsvReader.h"
#include "importing/TextDecoder.h"

#include <QBuffer>
#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace masir;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the delimiter and the field limit, the rest is the file.
    const uint8_t control = data[0];
    QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const auto detected = EncodingDetector::detect(bytes, true);
    const Encoding encodings[] = {detected.encoding, Encoding::Utf8, Encoding::Utf16LE,
                                  Encoding::Windows1256};
    for (const Encoding encoding : encodings) {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader::Options options;
        const char delimiters[] = {',', ';', '\t', '|'};
        options.delimiter = QLatin1Char(delimiters[control % 4]);
        options.maxFieldSize = (control & 0x80) ? 16 : 4096;
        options.keepRaw = (control & 0x40) != 0;
        CsvReader reader(&buffer, encoding, options,
                         encoding == detected.encoding ? detected.bomLength : 0);
        CsvReader::Record record;
        CsvReader::Error error;
        qint64 lastRow = 0;
        for (int guard = 0; guard < 100000; ++guard) {
            const auto status = reader.next(record, error);
            if (status == CsvReader::Status::End)
                break;
            const qint64 row = status == CsvReader::Status::Record ? record.row : error.row;
            if (row != lastRow + 1)
                __builtin_trap(); // every record, read or not, gets the next row number
            lastRow = row;
            // The text asked for afterwards is the text kept; an error has none.
            const QString text = reader.lastRecordText();
            if (status == CsvReader::Status::Error ? !text.isEmpty()
                                                   : options.keepRaw && text != record.raw)
                __builtin_trap();
        }
    }
    return 0;
}
