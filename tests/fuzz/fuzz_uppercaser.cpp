// libFuzzer target: Utf8UpperCaser on any bytes, cut into chunks anywhere.
//
// The input is read from both ends (FuzzedDataProvider): a byte from the end gives the length
// of the next chunk (0..255; empty chunks included), the bytes from the front fill it, until
// the input is used up. The chunks joined are the stream. Checked:
// - fed chunk by chunk, then finish(): the same bytes as upperCased() of the whole stream, and
//   as feeding it one byte at a time; never more than 3 bytes held back, none after finish();
// - those bytes are what an independent reading says: each valid character (RFC 3629, decoded
//   by FuzzCheck.h, not by src/core) replaced by Qt's full upper case of it, every other byte
//   unchanged;
// - valid UTF-8 in: valid UTF-8 out, equal to Qt's decoding of it upper-cased and encoded.
//
// Qt's conversions from UTF-8 and UTF-32 (QString::fromUtf8, fromUcs4) drop a U+FEFF in front,
// taking it for a byte order mark; the upper-caser keeps it, as Python's str.upper() does, so
// the references here are made without them.
// - ASCII in: the same length out, 'a'..'z' raised and nothing else changed.

#include "FuzzCheck.h"

#include "core/Utf8UpperCaser.h"

#include <QByteArray>
#include <QString>
#include <QStringDecoder>

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

QByteArray difference(const QByteArray &stream, const QByteArray &actual,
                      const QByteArray &expected)
{
    return "stream:   " + Fuzz::hex(stream) + "\nactual:   " + Fuzz::hex(actual)
           + "\nexpected: " + Fuzz::hex(expected);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider provider(data, size);
    std::vector<QByteArray> chunks;
    QByteArray stream;
    while (provider.remaining_bytes() > 0) {
        const size_t length = provider.ConsumeIntegral<uint8_t>();
        const std::string chunk = provider.ConsumeBytesAsString(length);
        chunks.emplace_back(chunk.data(), qsizetype(chunk.size()));
        stream += chunks.back();
    }

    const QByteArray whole = Utf8UpperCaser::upperCased(stream);

    // Chunk by chunk, through both forms of feed().
    Utf8UpperCaser caser;
    QByteArray chunked = "prefix"; // feed() appends to what is there
    for (size_t i = 0; i < chunks.size(); ++i) {
        if (i % 2 == 0)
            caser.feed(chunks[i], chunked);
        else
            chunked += caser.feed(chunks[i]);
        FUZZ_CHECK(caser.heldBytes() >= 0 && caser.heldBytes() <= 3,
                   "held " + QByteArray::number(caser.heldBytes()) + " bytes after chunk "
                       + QByteArray::number(qulonglong(i)) + "\nstream: " + Fuzz::hex(stream));
    }
    caser.finish(chunked);
    FUZZ_CHECK(caser.heldBytes() == 0, "bytes still held after finish()");
    FUZZ_CHECK(chunked.startsWith("prefix"), "feed() changed what was in its output");
    chunked.remove(0, 6);
    FUZZ_CHECK(chunked == whole, "chunked differs from one chunk\n"
                                     + difference(stream, chunked, whole));

    Utf8UpperCaser byteByByte;
    QByteArray single;
    for (const char byte : stream)
        byteByByte.feed(QByteArrayView(&byte, 1), single);
    byteByByte.finish(single);
    FUZZ_CHECK(single == whole, "one byte at a time differs from one chunk\n"
                                    + difference(stream, single, whole));

    const QByteArray expected = Fuzz::expectedUpper(stream);
    FUZZ_CHECK(whole == expected, "not each character's upper case, other bytes unchanged\n"
                                      + difference(stream, whole, expected));

    if (Fuzz::isValidUtf8(stream)) {
        FUZZ_CHECK(Fuzz::isValidUtf8(whole), "valid UTF-8 in, invalid out\n"
                                                 + difference(stream, whole, expected));
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
        const QByteArray qt = QString(decoder(stream)).toUpper().toUtf8();
        FUZZ_CHECK(whole == qt, "differs from QString::toUpper()\n"
                                    + difference(stream, whole, qt));
    }

    bool ascii = true;
    for (const char byte : stream)
        ascii = ascii && uchar(byte) < 0x80;
    if (ascii) {
        FUZZ_CHECK(whole.size() == stream.size(), "ASCII changed length\n"
                                                      + difference(stream, whole, expected));
        for (qsizetype i = 0; i < stream.size(); ++i) {
            const char in = stream[i];
            FUZZ_CHECK(whole[i] == (in >= 'a' && in <= 'z' ? char(in - 32) : in),
                       "ASCII byte " + QByteArray::number(i) + " wrong\n"
                           + difference(stream, whole, expected));
        }
    }
    return 0;
}
