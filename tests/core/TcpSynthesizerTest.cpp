#include "QtPrinters.h"
#include "TestSeed.h"
#include "Tshark.h"

#include "core/IpAddress.h"
#include "core/PcapngWriter.h"
#include "core/TcpSynthesizer.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using Transfer = TcpConversation::Transfer;
constexpr TcpDirection Up = TcpDirection::ClientToServer;
constexpr TcpDirection Down = TcpDirection::ServerToClient;
constexpr qint64 Start = qint64(1764400000) * 1000 * 1000; // 2025-11-29, in microseconds

TcpConversation conversation(const QString &client, quint16 clientPort, const QString &server,
                             std::vector<Transfer> transfers)
{
    TcpConversation made;
    made.clientIp = IpAddress::fromText(client);
    made.serverIp = IpAddress::fromText(server);
    made.clientPort = clientPort;
    made.serverPort = 5220;
    made.openedUs = Start;
    made.transfers = std::move(transfers);
    const qint64 last = made.transfers.empty() ? Start : made.transfers.back().timeUs;
    made.clientFinishedUs = last + 10;
    made.serverFinishedUs = last + 20;
    return made;
}

// The fields of one synthesized packet that the tests look at.
struct Segment
{
    quint32 seq = 0;
    quint32 ack = 0;
    quint8 flags = 0;
    quint16 sourcePort = 0;
    QByteArray payload;
    bool checksumsRight = false;
};

quint16 at16(const QByteArray &bytes, int at)
{
    return quint16(uchar(bytes[at]) << 8 | uchar(bytes[at + 1]));
}

quint32 at32(const QByteArray &bytes, int at)
{
    return quint32(at16(bytes, at)) << 16 | at16(bytes, at + 2);
}

quint16 foldedSum(const QByteArray &bytes)
{
    quint32 sum = 0;
    for (int i = 0; i + 1 < bytes.size(); i += 2)
        sum += at16(bytes, i);
    if (bytes.size() % 2)
        sum += quint32(uchar(bytes.back()) << 8);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(sum);
}

Segment parse(const QByteArray &ip)
{
    const bool ipv6 = (uchar(ip[0]) >> 4) == 6;
    const int ipLength = ipv6 ? 40 : 20;
    const QByteArray tcp = ip.mid(ipLength);
    // The pseudo-header's words: both addresses, the protocol and the length (in IPv6 a 32-bit
    // length and the next header after three zero bytes, which sum the same).
    QByteArray pseudo = ipv6 ? ip.mid(8, 32) : ip.mid(12, 8);
    pseudo += QByteArray::fromHex("0006");
    pseudo += char(tcp.size() >> 8);
    pseudo += char(tcp.size() & 0xff);
    Segment segment;
    segment.sourcePort = at16(tcp, 0);
    segment.seq = at32(tcp, 4);
    segment.ack = at32(tcp, 8);
    segment.flags = quint8(tcp[13]);
    segment.payload = tcp.mid((uchar(tcp[12]) >> 4) * 4);
    const bool ipRight = ipv6 || foldedSum(ip.left(20)) == 0xffff;
    segment.checksumsRight = ipRight && foldedSum(pseudo + tcp) == 0xffff;
    return segment;
}

QString saved(const QTemporaryDir &dir, const std::vector<TcpConversation> &conversations)
{
    const QString path = dir.filePath(QStringLiteral("saved.pcapng"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    EXPECT_EQ(TcpSynthesizer::writePcapng(conversations, &file), QString());
    return path;
}

TEST(TcpSynthesizerTest, AHandshakeOneSegmentPerSendAndFinAtEachEnd)
{
    const TcpConversation talk = conversation(
        "127.0.0.1", 40000, "127.0.0.1",
        {{Start + 100, Up, "hello\n"}, {Start + 200, Down, "HELLO\n"}});
    const std::vector<TcpSynthesizer::Packet> packets = TcpSynthesizer::packets(talk);
    std::vector<Segment> segments;
    for (const TcpSynthesizer::Packet &packet : packets)
        segments.push_back(parse(packet.ip));
    // SYN, SYN/ACK, ACK; data and its ACK each way; FIN and ACK from each end.
    ASSERT_EQ(segments.size(), 11u);
    const quint8 syn = 0x02, ack = 0x10, psh = 0x08, fin = 0x01;
    const quint8 expectedFlags[] = {syn, syn | ack, ack, psh | ack, ack, psh | ack, ack,
                                    fin | ack, ack, fin | ack, ack};
    for (size_t i = 0; i < segments.size(); ++i) {
        EXPECT_EQ(segments[i].flags, expectedFlags[i]) << "packet " << i;
        EXPECT_TRUE(segments[i].checksumsRight) << "packet " << i;
    }
    const quint32 client = segments[0].seq;
    const quint32 server = segments[1].seq;
    EXPECT_EQ(segments[1].ack, client + 1);
    EXPECT_EQ(segments[3].payload, QByteArray("hello\n"));
    EXPECT_EQ(segments[3].seq, client + 1);
    EXPECT_EQ(segments[4].ack, client + 7) << "the server acknowledges the six bytes";
    EXPECT_EQ(segments[5].payload, QByteArray("HELLO\n"));
    EXPECT_EQ(segments[5].seq, server + 1);
    EXPECT_EQ(segments[5].ack, client + 7);
    EXPECT_EQ(segments[7].seq, client + 7) << "the client's FIN";
    EXPECT_EQ(segments[8].ack, client + 8) << "a FIN counts as one byte";
    EXPECT_EQ(segments[9].seq, server + 7) << "the server's FIN";
    EXPECT_EQ(segments[9].ack, client + 8);
    EXPECT_EQ(segments[10].ack, server + 8);
    EXPECT_EQ(packets.front().timeUs, Start);
    EXPECT_EQ(packets[5].timeUs, Start + 200);
}

TEST(TcpSynthesizerTest, ALargeSendIsSplitAtTheMssAndAcknowledgedWithinTheWindow)
{
    const QByteArray big(100000, 'x');
    const std::vector<TcpSynthesizer::Packet> packets = TcpSynthesizer::packets(
        conversation("::1", 40000, "::1", {{Start + 100, Up, big}}));
    QByteArray carried;
    quint32 lastAcked = 0;
    quint32 sent = 0;
    for (const TcpSynthesizer::Packet &packet : packets) {
        const Segment segment = parse(packet.ip);
        EXPECT_TRUE(segment.checksumsRight);
        EXPECT_LE(segment.payload.size(), TcpSynthesizer::Ipv6Mss);
        if (segment.sourcePort == 40000 && !segment.payload.isEmpty()) {
            carried += segment.payload;
            sent = segment.seq + quint32(segment.payload.size());
            EXPECT_LE(sent - lastAcked, 65535u) << "never more than a window in flight";
        }
        if (segment.sourcePort == 5220 && (segment.flags & 0x10)) {
            lastAcked = segment.ack;
            if (carried.isEmpty())
                lastAcked = segment.ack; // the SYN/ACK
        }
    }
    EXPECT_EQ(carried, big);
}

TEST(TcpSynthesizerTest, AResetEndsTheConversationWithRst)
{
    TcpConversation talk = conversation("127.0.0.1", 40000, "127.0.0.1",
                                        {{Start + 100, Up, "hi"}});
    talk.clientFinishedUs = -1;
    talk.serverFinishedUs = -1;
    talk.resetUs = Start + 300;
    talk.resetFrom = Down;
    const std::vector<TcpSynthesizer::Packet> packets = TcpSynthesizer::packets(talk);
    const Segment last = parse(packets.back().ip);
    EXPECT_EQ(last.flags, 0x04 | 0x10);
    EXPECT_EQ(last.sourcePort, 5220);
    EXPECT_EQ(last.ack, parse(packets[3].ip).seq + 2) << "it acknowledges what came";
}

// The server's close() reset the connection with "LLO" still in its send buffer: those bytes
// never arrived, so no segment carries them and no ACK claims them.
TEST(TcpSynthesizerTest, BytesThatNeverArrivedAreNotSentNorAcknowledged)
{
    TcpConversation talk = conversation("127.0.0.1", 40000, "127.0.0.1",
                                        {{Start + 100, Up, "hello"},
                                         {Start + 110, Down, "HE"},
                                         {Start + 120, Down, "LLO"}});
    talk.clientFinishedUs = -1;
    talk.serverFinishedUs = -1;
    talk.resetUs = Start + 300;
    talk.resetFrom = Down;
    talk.deliveredBytes[int(Down)] = 3;
    const std::vector<TcpSynthesizer::Packet> packets = TcpSynthesizer::packets(talk);
    QByteArray down;
    quint32 mostAcknowledged = 0;
    for (const TcpSynthesizer::Packet &packet : packets) {
        const Segment segment = parse(packet.ip);
        if (segment.sourcePort == 5220)
            down += segment.payload;
        else if (segment.flags & 0x10)
            mostAcknowledged = std::max(mostAcknowledged, segment.ack);
    }
    EXPECT_EQ(down, QByteArray("HEL"));
    const quint32 serverFirst = parse(packets[1].ip).seq + 1;
    EXPECT_EQ(mostAcknowledged, serverFirst + 3);
    const Segment last = parse(packets.back().ip);
    EXPECT_EQ(last.flags, 0x04 | 0x10);
    EXPECT_EQ(last.sourcePort, 5220);
    EXPECT_EQ(last.seq, serverFirst + 3) << "after the last byte that went";
}

TEST(TcpSynthesizerTest, APcapngFileStartsWithItsSectionAndInterfaceAndHoldsEachPacket)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    PcapngWriter writer(&buffer);
    ASSERT_TRUE(writer.writeHeader(QStringLiteral("test")));
    ASSERT_TRUE(writer.writePacket(0x123456789aLL, QByteArray("\x45\x00\x00", 3)));
    const QByteArray file = buffer.data();
    const auto word = [&file](int at) {
        quint32 value;
        std::memcpy(&value, file.constData() + at, 4);
        return value;
    };
    EXPECT_EQ(word(0), 0x0A0D0D0Au);
    EXPECT_EQ(word(8), 0x1A2B3C4Du);
    const quint32 sectionLength = word(4);
    EXPECT_EQ(sectionLength % 4, 0u);
    EXPECT_EQ(word(int(sectionLength) - 4), sectionLength) << "the length closes the block";
    const int interface = int(sectionLength);
    EXPECT_EQ(word(interface), 1u);
    EXPECT_EQ(word(interface + 8) & 0xffff, PcapngWriter::LinkTypeRaw);
    const int packet = interface + int(word(interface + 4));
    EXPECT_EQ(word(packet), 6u);
    EXPECT_EQ(word(packet + 4), 32u + 4u) << "three bytes padded to four";
    EXPECT_EQ(word(packet + 12), 0x12u) << "the timestamp's high word";
    EXPECT_EQ(word(packet + 16), 0x3456789au);
    EXPECT_EQ(word(packet + 20), 3u);
    EXPECT_EQ(packet + 36, file.size());
}

// tshark: each saved conversation is a stream whose bytes are the conversation's, both ways.
void expectTsharkFollows(const QString &path, const std::vector<TcpConversation> &talks)
{
    EXPECT_EQ(Tshark::problems(path), QString());
    ASSERT_EQ(Tshark::streamCount(path), int(talks.size()));
    for (size_t i = 0; i < talks.size(); ++i) {
        const Tshark::Followed followed = Tshark::follow(path, int(i));
        ASSERT_TRUE(followed.ok) << "stream " << i;
        EXPECT_EQ(followed.fromNode0, talks[i].bytes(Up)) << "stream " << i;
        EXPECT_EQ(followed.fromNode1, talks[i].bytes(Down)) << "stream " << i;
    }
}

TEST(TcpSynthesizerTest, TsharkFollowsUnicodeBinaryAndAMegabyteBothWaysOverIPv4AndIPv6)
{
    QRandomGenerator random(testSeed());
    QByteArray binary(1 << 20, '\0');
    for (char &byte : binary)
        byte = char(random.bounded(256));
    const QByteArray unicode = QStringLiteral("Grüße, 🌮 ß ﬁ\r\n").toUtf8();
    const std::vector<TcpConversation> talks{
        conversation("127.0.0.1", 40001, "127.0.0.1",
                     {{Start + 10, Up, unicode}, {Start + 20, Down, "GRÜSSE, 🌮 SS FI\r\n"}}),
        conversation("::1", 40002, "::1",
                     {{Start + 30, Up, binary}, {Start + 40, Down, binary},
                      {Start + 50, Up, QByteArray("\x00\xff\xfe", 3)}}),
        conversation("::ffff:10.0.0.1", 40003, "::1", {{Start + 60, Up, "mapped"}}),
    };
    QTemporaryDir dir;
    expectTsharkFollows(saved(dir, talks), talks);
}

TEST(TcpSynthesizerTest, AConversationWithNoBytesIsAHandshakeAndTwoFins)
{
    const std::vector<TcpConversation> talks{conversation("127.0.0.1", 40000, "127.0.0.1", {})};
    QTemporaryDir dir;
    const QString path = saved(dir, talks);
    EXPECT_EQ(Tshark::problems(path), QString());
    EXPECT_EQ(Tshark::streamCount(path), 1);
}

} // namespace
