// libFuzzer target: the UDP server's path through the upper-caser, which must hold nothing
// back between datagrams (UdpCapitalizeServer answers each with Utf8UpperCaser::feedWhole()).
//
// The input is read as fuzz_uppercaser reads it: a byte from the end gives the length of the
// next datagram (0..255; empty datagrams included), the bytes from the front fill it. All the
// datagrams go through ONE upper-caser, as the server's. Checked for each:
// - nothing is held back after it: heldBytes() is 0;
// - its reply is what an independent reading of that datagram alone says (FuzzCheck.h): each
//   valid character upper-cased, every other byte unchanged, so a character cut at its end or
//   its start comes back unchanged; and the same as a fresh upper-caser gives it: what came
//   before changes nothing;
// - the replies joined are not the stream upper-cased where a character spans two datagrams:
//   each half stays as it was.

#include "FuzzCheck.h"

#include "core/Utf8UpperCaser.h"

#include <QByteArray>

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider provider(data, size);
    Utf8UpperCaser server; // one for every datagram, as the server has
    qsizetype index = 0;
    while (provider.remaining_bytes() > 0) {
        const size_t length = provider.ConsumeIntegral<uint8_t>();
        const std::string bytes = provider.ConsumeBytesAsString(length);
        const QByteArray datagram(bytes.data(), qsizetype(bytes.size()));

        QByteArray reply = "prefix"; // feedWhole() appends to what is there
        server.feedWhole(datagram, reply);
        FUZZ_CHECK(server.heldBytes() == 0,
                   "held " + QByteArray::number(server.heldBytes()) + " bytes after datagram "
                       + QByteArray::number(index) + ": " + Fuzz::hex(datagram));
        FUZZ_CHECK(reply.startsWith("prefix"), "feedWhole() changed what was in its output");
        reply.remove(0, 6);

        const QByteArray expected = Fuzz::expectedUpper(datagram);
        FUZZ_CHECK(reply == expected, "datagram " + QByteArray::number(index) + ": "
                                          + Fuzz::hex(datagram) + "\nreply:    "
                                          + Fuzz::hex(reply) + "\nexpected: "
                                          + Fuzz::hex(expected));
        Utf8UpperCaser fresh;
        QByteArray alone;
        fresh.feedWhole(datagram, alone);
        FUZZ_CHECK(reply == alone, "what came before changed datagram "
                                       + QByteArray::number(index) + ": " + Fuzz::hex(datagram));
        ++index;
    }
    return 0;
}
