#include "core/IpAddress.h"
#include "core/TcpSegmentNumbering.h"

#include <gtest/gtest.h>

#include <malloc.h>

namespace {

TcpSegment segment(bool fromClient, quint8 flags, quint32 seq, quint32 ack,
                   quint16 window = 0, int windowScale = -1)
{
    TcpSegment made;
    made.sourceIp = made.destinationIp = IpAddress::fromText(QStringLiteral("127.0.0.1"));
    made.sourcePort = fromClient ? 40000 : 5220;
    made.destinationPort = fromClient ? 5220 : 40000;
    made.flags = flags;
    made.seq = seq;
    made.ack = ack;
    made.window = window;
    made.windowScale = windowScale;
    return made;
}

// What the heap holds now: glibc's count of allocated bytes, in its arenas and mmap'd.
qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

TEST(TcpSegmentNumberingTest, EachEndCountsFromItsSynAsWiresharkShows)
{
    using S = TcpSegment;
    TcpSegmentNumbering numbering;
    const quint32 client = 0xfffffff0u; // wraps past zero on the way
    const quint32 server = 1000;
    const auto numbers = [&numbering](const TcpSegment &made) {
        const TcpSegmentNumbering::Numbers got = numbering.number(made);
        return std::make_pair(got.seq, got.ack);
    };
    EXPECT_EQ(numbers(segment(true, S::Syn, client, 0)), std::make_pair(0u, 0u));
    EXPECT_EQ(numbers(segment(false, S::Syn | S::Ack, server, client + 1)),
              std::make_pair(0u, 1u));
    EXPECT_EQ(numbers(segment(true, S::Ack, client + 1, server + 1)), std::make_pair(1u, 1u));
    EXPECT_EQ(numbers(segment(true, S::Psh | S::Ack, client + 1, server + 1)),
              std::make_pair(1u, 1u));
    EXPECT_EQ(numbers(segment(false, S::Ack, server + 1, client + 21)), std::make_pair(1u, 21u));
    // The same ports' next connection counts again from its own SYN.
    EXPECT_EQ(numbers(segment(true, S::Syn, 77, 0)), std::make_pair(0u, 0u));
}

TEST(TcpSegmentNumberingTest, WithoutTheHandshakeTheFirstNumbersSeenCount)
{
    TcpSegmentNumbering numbering;
    const TcpSegmentNumbering::Numbers first =
        numbering.number(segment(true, TcpSegment::Ack, 5000, 9000));
    EXPECT_EQ(first.seq, 0u);
    EXPECT_EQ(first.ack, 1u);
    const TcpSegmentNumbering::Numbers reply =
        numbering.number(segment(false, TcpSegment::Ack, 9000, 5010));
    EXPECT_EQ(reply.seq, 1u);
    EXPECT_EQ(reply.ack, 10u);
}

// As Wireshark's "calculated window size": the window field times the scale its sender set in
// its SYN, once both SYNs carried the option (RFC 7323); a SYN's own window is never scaled.
TEST(TcpSegmentNumberingTest, TheWindowIsScaledByWhatEachEndsSynSaid)
{
    using S = TcpSegment;
    TcpSegmentNumbering numbering;
    const auto window = [&numbering](const TcpSegment &made) {
        const TcpSegmentNumbering::Numbers got = numbering.number(made);
        EXPECT_FALSE(got.windowScaleUnknown);
        return got.window;
    };
    EXPECT_EQ(window(segment(true, S::Syn, 100, 0, 65495, 7)), 65495);
    EXPECT_EQ(window(segment(false, S::Syn | S::Ack, 900, 101, 65483, 10)), 65483);
    EXPECT_EQ(window(segment(true, S::Ack, 101, 901, 512)), 512 << 7);
    EXPECT_EQ(window(segment(false, S::Ack, 901, 101, 64)), 64 << 10);
    // One end without the option: neither scales.
    EXPECT_EQ(window(segment(true, S::Syn, 100, 0, 65495, 7)), 65495);
    EXPECT_EQ(window(segment(false, S::Syn | S::Ack, 900, 101, 65483)), 65483);
    EXPECT_EQ(window(segment(true, S::Ack, 101, 901, 512)), 512);
}

TEST(TcpSegmentNumberingTest, WithoutTheHandshakeTheWindowsScaleIsUnknown)
{
    TcpSegmentNumbering numbering;
    const TcpSegmentNumbering::Numbers got =
        numbering.number(segment(true, TcpSegment::Ack, 5000, 9000, 64));
    EXPECT_TRUE(got.windowScaleUnknown);
    EXPECT_EQ(got.window, 64) << "as sent";
    // A port nobody listens on answers a SYN with a reset: no window to scale, none unknown.
    TcpSegmentNumbering refused;
    refused.number(segment(true, TcpSegment::Syn, 100, 0, 64240, 7));
    EXPECT_FALSE(refused.number(segment(false, TcpSegment::Rst | TcpSegment::Ack, 0, 101))
                     .windowScaleUnknown);
}

// A headless server numbers every client's segments for as long as it runs: connections that
// ended are forgotten, so a long flood of short ones keeps it small, and one still open keeps
// its numbers.
TEST(TcpSegmentNumberingTest, EndedConnectionsAreForgottenOpenOnesKeepTheirNumbers)
{
    using S = TcpSegment;
    constexpr int Connections = 100000;
    TcpSegmentNumbering numbering;
    numbering.number(segment(true, S::Syn, 100, 0));
    numbering.number(segment(false, S::Syn | S::Ack, 900, 101));
    const qint64 before = heapInUse();
    for (int i = 0; i < Connections; ++i) {
        const auto flooding = [i](bool fromClient, quint8 flags, quint32 seq, quint32 ack) {
            TcpSegment made = segment(fromClient, flags, seq, ack);
            QByteArray &client = fromClient ? made.sourceIp : made.destinationIp;
            client[2] = char(1 + i / 50000); // 127.0.1.x, 127.0.2.x: not the open one's
            client[3] = char(i / 200);
            (fromClient ? made.sourcePort : made.destinationPort) = quint16(40000 + i % 200);
            return made;
        };
        numbering.number(flooding(true, S::Syn, 7, 0));
        numbering.number(flooding(false, S::Syn | S::Ack, 70, 8));
        numbering.number(flooding(true, S::Fin | S::Ack, 8, 71));
        numbering.number(flooding(false, S::Fin | S::Ack, 71, 9));
        numbering.number(flooding(true, S::Ack, 9, 72));
    }
    EXPECT_LE(heapInUse() - before, qint64(2) << 20);
    const TcpSegmentNumbering::Numbers open = numbering.number(segment(true, S::Ack, 111, 901));
    EXPECT_EQ(open.seq, 11u) << "counted from its SYN still";
    EXPECT_EQ(open.ack, 1u);
    EXPECT_FALSE(open.windowScaleUnknown);
}

// A class of thousands (the server's most clients by default is 10,000) all connected at once,
// while thousands more come and go: every open connection keeps counting from its own SYN.
TEST(TcpSegmentNumberingTest, TenThousandOpenConnectionsKeepTheirNumbersThroughAFlood)
{
    using S = TcpSegment;
    constexpr int Open = 10000;
    constexpr int Ended = 50000;
    const auto client = [](int i, bool fromClient, quint8 flags, quint32 seq, quint32 ack) {
        TcpSegment made = segment(fromClient, flags, seq, ack);
        QByteArray &address = fromClient ? made.sourceIp : made.destinationIp;
        address[1] = char(1 + i / 65536); // 127.1.x.x: one address and port each
        address[2] = char(i / 256 % 256);
        address[3] = char(i % 256);
        return made;
    };
    TcpSegmentNumbering numbering;
    for (int i = 0; i < Open; ++i) {
        numbering.number(client(i, true, S::Syn, 1000 + i, 0));
        numbering.number(client(i, false, S::Syn | S::Ack, 5000 + i, 1001 + i));
    }
    for (int i = Open; i < Open + Ended; ++i) {
        numbering.number(client(i, true, S::Syn, 7, 0));
        numbering.number(client(i, false, S::Syn | S::Ack, 70, 8));
        numbering.number(client(i, true, S::Fin | S::Ack, 8, 71));
        numbering.number(client(i, false, S::Fin | S::Ack, 71, 9));
        numbering.number(client(i, true, S::Ack, 9, 72));
    }
    int counted = 0;
    for (int i = 0; i < Open; ++i) {
        const auto numbers = numbering.number(client(i, true, S::Ack, 1011 + i, 5001 + i));
        counted += numbers.seq == 11u && numbers.ack == 1u && !numbers.windowScaleUnknown;
    }
    EXPECT_EQ(counted, Open) << "open connections counted from their SYNs";
}

} // namespace
