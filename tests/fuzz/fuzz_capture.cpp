// libFuzzer target: the capture reader (net/CaptureFile) on any bytes, as `capsock --inspect`
// reads a file someone gives it: libpcap parses the pcap or pcapng container, TcpPacketDecoder
// each packet's headers, TcpReassembler the streams.
//
// Whatever the bytes, it must not crash, hang or leak, and what it gives must hold together:
// - either streams, or a problem that says why there are none;
// - the bytes of every stream come from the packets' payloads, each byte once: together they
//   are never more than the input itself;
// - every stream has at least one segment and a description naming its number.

#include "FuzzCheck.h"

#include "net/CaptureFile.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // fmemopen needs a buffer it may keep; libpcap only reads it.
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    std::FILE *file = fmemopen(const_cast<char *>(input.constData()), size_t(input.size()),
                               "rb");
    if (!file) // fmemopen refuses an empty buffer
        return 0;
    const CaptureFile::Contents contents = CaptureFile::read(file, QStringLiteral("input"));

    FUZZ_CHECK(!contents.streams.empty() || !contents.problem.isEmpty(), Fuzz::hex(input));
    FUZZ_CHECK(contents.tcpPackets <= contents.packets, Fuzz::hex(input));
    qint64 carried = 0;
    for (size_t i = 0; i < contents.streams.size(); ++i) {
        const TcpReassembler::Stream &stream = contents.streams[i];
        FUZZ_CHECK(stream.segments > 0, Fuzz::hex(input));
        for (const TcpConversation::Transfer &transfer : stream.conversation.transfers) {
            FUZZ_CHECK(!transfer.bytes.isEmpty(), Fuzz::hex(input));
            carried += transfer.bytes.size();
        }
        const QString description = CaptureFile::describe(stream, qsizetype(i));
        FUZZ_CHECK(description.startsWith(QStringLiteral("#%1 ").arg(i)),
                   description.toUtf8() + '\n' + Fuzz::hex(input));
    }
    FUZZ_CHECK(carried <= input.size(),
               "carried " + QByteArray::number(carried) + '\n' + Fuzz::hex(input));
    return 0;
}
