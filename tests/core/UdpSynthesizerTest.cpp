#include "QtPrinters.h"
#include "Tshark.h"

#include "core/IpAddress.h"
#include "core/UdpSynthesizer.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

constexpr qint64 Start = qint64(1764400000) * 1000 * 1000; // 2025-11-29, in microseconds

UdpDatagram datagram(qint64 timeUs, const char *from, quint16 fromPort, const char *to,
                     quint16 toPort, const QByteArray &payload)
{
    return {timeUs, IpAddress::fromText(QLatin1String(from)), fromPort,
            IpAddress::fromText(QLatin1String(to)), toPort, payload};
}

quint16 at16(const QByteArray &bytes, int at)
{
    return quint16(uchar(bytes[at]) << 8 | uchar(bytes[at + 1]));
}

QString saved(const QTemporaryDir &dir, const std::vector<UdpDatagram> &datagrams)
{
    const QString path = dir.filePath(QStringLiteral("udp.pcapng"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    EXPECT_EQ(IpPackets::writePcapng(UdpSynthesizer::packets(datagrams), &file), QString());
    return path;
}

TEST(UdpSynthesizerTest, EachDatagramIsOnePacketWithItsUdpHeader)
{
    const std::vector<IpPackets::Packet> packets = UdpSynthesizer::packets(
        {datagram(Start, "127.0.0.1", 40000, "127.0.0.1", 12000, "one"),
         datagram(Start + 5, "::1", 12000, "::1", 40001, "TWO")});
    ASSERT_EQ(packets.size(), 2u);
    const QByteArray &v4 = packets[0].ip;
    EXPECT_EQ(packets[0].timeUs, Start);
    ASSERT_EQ(v4.size(), 20 + 8 + 3);
    EXPECT_EQ(uchar(v4[9]), IpPackets::ProtocolUdp);
    EXPECT_EQ(at16(v4, 20), 40000);
    EXPECT_EQ(at16(v4, 22), 12000);
    EXPECT_EQ(at16(v4, 24), 8 + 3);
    EXPECT_NE(at16(v4, 26), 0) << "UDP's checksum is set";
    EXPECT_EQ(QByteArray("one"), v4.mid(28));
    const QByteArray &v6 = packets[1].ip;
    ASSERT_EQ(v6.size(), 40 + 8 + 3);
    EXPECT_EQ(uchar(v6[0]) >> 4, 6);
    EXPECT_EQ(uchar(v6[6]), IpPackets::ProtocolUdp);
    EXPECT_EQ(QByteArray("TWO"), v6.mid(48));
}

// tshark: every datagram where it was, between its endpoints, its payload byte for byte (an
// empty one, a cut character and every byte value too), with no malformed packet and right
// checksums; IPv4 and IPv6 in one file, in time order.
TEST(UdpSynthesizerTest, TsharkReadsEveryDatagramAndItsPayloadByteForByte)
{
    QByteArray everyByte;
    for (int value = 0; value < 256; ++value)
        everyByte.append(char(value));
    const std::vector<UdpDatagram> datagrams = {
        datagram(Start, "127.0.0.1", 40000, "127.0.0.1", 12000, "I am hungry for \xf0\x9f"),
        datagram(Start + 10, "127.0.0.1", 12000, "127.0.0.1", 40000, "I AM HUNGRY FOR \xf0\x9f"),
        datagram(Start + 20, "::1", 40001, "::1", 12000, everyByte),
        datagram(Start + 30, "::1", 12000, "::1", 40001, QByteArray()),
        // A dual-stack server's IPv4 peer beside its IPv6 address: one family, mapped.
        datagram(Start + 40, "198.18.0.2", 40002, "fd5c:a9b0:1::1", 12000, "mapped"),
    };
    QTemporaryDir dir;
    const QString path = saved(dir, datagrams);
    EXPECT_EQ(Tshark::problems(path), QString());
    const std::vector<Tshark::Datagram> read = Tshark::udpDatagrams(path);
    ASSERT_EQ(read.size(), datagrams.size());
    EXPECT_EQ(read[0].from, QStringLiteral("127.0.0.1:40000"));
    EXPECT_EQ(read[0].to, QStringLiteral("127.0.0.1:12000"));
    EXPECT_EQ(read[2].from, QStringLiteral("[::1]:40001"));
    EXPECT_EQ(read[4].from, QStringLiteral("[::ffff:198.18.0.2]:40002"));
    EXPECT_EQ(read[4].to, QStringLiteral("[fd5c:a9b0:1::1]:12000"));
    for (size_t i = 0; i < datagrams.size(); ++i)
        EXPECT_EQ(datagrams[i].payload, read[i].payload) << i;
}

TEST(UdpSynthesizerTest, DatagramsComeOutInTimeOrder)
{
    const std::vector<IpPackets::Packet> packets = UdpSynthesizer::packets(
        {datagram(Start + 50, "127.0.0.1", 1, "127.0.0.1", 2, "later"),
         datagram(Start, "127.0.0.1", 1, "127.0.0.1", 2, "first")});
    ASSERT_EQ(packets.size(), 2u);
    EXPECT_EQ(packets[0].timeUs, Start);
    EXPECT_EQ(QByteArray("first"), packets[0].ip.mid(28));
}

} // namespace
