#include "QtPrinters.h"
#include "TestSeed.h"

#include "core/IpAddress.h"
#include "core/TcpReassembler.h"
#include "core/TcpSynthesizer.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

constexpr TcpDirection Up = TcpDirection::ClientToServer;
constexpr TcpDirection Down = TcpDirection::ServerToClient;
constexpr qint64 Start = qint64(1764400000) * 1000 * 1000;

TcpConversation talk(const QString &address, quint16 clientPort,
                     std::vector<TcpConversation::Transfer> transfers)
{
    TcpConversation made;
    made.clientIp = IpAddress::fromText(address);
    made.serverIp = made.clientIp;
    made.clientPort = clientPort;
    made.serverPort = 5220;
    made.openedUs = Start;
    made.transfers = std::move(transfers);
    made.clientFinishedUs = Start + 1000;
    made.serverFinishedUs = Start + 1001;
    return made;
}

std::vector<TcpSegment> segmentsOf(const std::vector<TcpSynthesizer::Packet> &packets)
{
    std::vector<TcpSegment> segments;
    for (const TcpSynthesizer::Packet &packet : packets) {
        const std::optional<TcpSegment> segment =
            TcpPacketDecoder::decode(TcpPacketDecoder::Raw, packet.ip, packet.timeUs);
        EXPECT_TRUE(segment.has_value());
        if (segment)
            segments.push_back(*segment);
    }
    return segments;
}

std::vector<TcpReassembler::Stream> reassembled(const std::vector<TcpSegment> &segments)
{
    TcpReassembler reassembler;
    for (const TcpSegment &segment : segments)
        reassembler.add(segment);
    return reassembler.finish();
}

TEST(TcpReassemblerTest, SynthesizedConversationsComeBackAsTheyWereEachItsOwnStream)
{
    const QByteArray big(50000, 'b');
    const std::vector<TcpConversation> talks{
        talk("127.0.0.1", 40001, {{Start + 10, Up, "hello\n"}, {Start + 20, Down, "HELLO\n"}}),
        talk("::1", 40002, {{Start + 15, Up, big}, {Start + 30, Down, big}}),
    };
    const std::vector<TcpReassembler::Stream> streams =
        reassembled(segmentsOf(TcpSynthesizer::packets(talks)));
    ASSERT_EQ(streams.size(), 2u);
    for (size_t i = 0; i < 2; ++i) {
        const TcpConversation &got = streams[i].conversation;
        EXPECT_EQ(got.clientIp, talks[i].clientIp);
        EXPECT_EQ(got.clientPort, talks[i].clientPort);
        EXPECT_EQ(got.serverPort, 5220);
        EXPECT_EQ(got.openedUs, Start);
        EXPECT_EQ(got.bytes(Up), talks[i].bytes(Up));
        EXPECT_EQ(got.bytes(Down), talks[i].bytes(Down));
        EXPECT_EQ(got.clientFinishedUs, Start + 1000);
        EXPECT_EQ(got.serverFinishedUs, Start + 1001);
        EXPECT_EQ(streams[i].missingBytes, 0);
    }
    // One transfer per segment: 50,000 bytes in 1440-byte segments, each with its relative
    // sequence number, as Wireshark shows it.
    const std::vector<TcpConversation::Transfer> &transfers = streams[1].conversation.transfers;
    EXPECT_EQ(transfers.size(), 2u * ((50000 + 1439) / 1440));
    EXPECT_EQ(transfers[0].seq, 1);
    EXPECT_EQ(transfers[1].seq, 1 + 1440);
    EXPECT_EQ(streams[0].conversation.transfers[1].seq, 1) << "the reply's own numbers";
}

TEST(TcpReassemblerTest, ShuffledRetransmittedAndOverlappingSegmentsGiveEachByteOnceInOrder)
{
    QRandomGenerator random(testSeed());
    QByteArray bytes(20000, '\0');
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    std::vector<TcpSegment> segments =
        segmentsOf(TcpSynthesizer::packets(talk("127.0.0.1", 40001, {{Start + 5, Up, bytes}})));
    // Keep the SYN first (it names the client); after it, every segment twice, and for each
    // data segment a copy that starts 50 bytes earlier (what a sender that coalesces resends),
    // all in any order.
    const quint32 firstSeq = segments.front().seq + 1;
    std::vector<TcpSegment> shuffled(segments.begin() + 1, segments.end());
    for (const TcpSegment &segment : segments) {
        shuffled.push_back(segment);
        const qint64 offset = qint64(segment.seq - firstSeq);
        if (!segment.payload.isEmpty() && offset >= 50) {
            TcpSegment overlapping = segment;
            overlapping.seq -= 50;
            overlapping.payload = bytes.mid(offset - 50, segment.payload.size() + 50);
            shuffled.push_back(overlapping);
        }
    }
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    shuffled.insert(shuffled.begin(), segments.front());
    const std::vector<TcpReassembler::Stream> streams = reassembled(shuffled);
    ASSERT_EQ(streams.size(), 1u);
    EXPECT_EQ(streams[0].conversation.bytes(Up), bytes);
    EXPECT_EQ(streams[0].missingBytes, 0);
}

TEST(TcpReassemblerTest, AnOverlapKeepsTheBytesThatCameFirstAndAddsOnlyWhatIsNew)
{
    std::vector<TcpSegment> segments = segmentsOf(
        TcpSynthesizer::packets(talk("127.0.0.1", 40001, {{Start + 5, Up, "abcdef"}})));
    TcpSegment overlapping = segments[3]; // the data segment
    ASSERT_EQ(overlapping.payload, QByteArray("abcdef"));
    overlapping.seq += 3;
    overlapping.payload = "DEFghi";
    segments.insert(segments.begin() + 4, overlapping);
    const std::vector<TcpReassembler::Stream> streams = reassembled(segments);
    ASSERT_EQ(streams.size(), 1u);
    EXPECT_EQ(streams[0].conversation.bytes(Up), QByteArray("abcdefghi"));
}

TEST(TcpReassemblerTest, ACaptureStartedMidConversationAndALostSegmentAreToldAsMissing)
{
    std::vector<TcpSegment> segments = segmentsOf(TcpSynthesizer::packets(
        talk("127.0.0.1", 40001, {{Start + 5, Up, QByteArray(3000, 'a')},
                                  {Start + 6, Down, "reply"}})));
    // No handshake, and the first of the three data segments lost: 1460 bytes missing.
    segments.erase(segments.begin(), segments.begin() + 3);
    const TcpSegment lost = segments.front();
    ASSERT_EQ(lost.payload.size(), 1460);
    segments.erase(segments.begin());
    const std::vector<TcpReassembler::Stream> streams = reassembled(segments);
    ASSERT_EQ(streams.size(), 1u);
    // The first segment seen is the client's (it spoke first in the capture).
    EXPECT_EQ(streams[0].conversation.clientPort, 40001);
    EXPECT_EQ(streams[0].conversation.bytes(Up), QByteArray(1540, 'a'));
    EXPECT_EQ(streams[0].conversation.bytes(Down), QByteArray("reply"));
}

TEST(TcpReassemblerTest, AnEarlySegmentWaitsForTheGapBeforeIt)
{
    std::vector<TcpSegment> segments = segmentsOf(
        TcpSynthesizer::packets(talk("127.0.0.1", 40001, {{Start + 5, Up, QByteArray(3000, 'a')
                                                                          + "end"}})));
    // The data segments are 3, 4 and 5; let 5 come before 4, and 4 never come.
    std::swap(segments[4], segments[5]);
    const TcpSegment lost = segments[5];
    segments.erase(segments.begin() + 5);
    const std::vector<TcpReassembler::Stream> streams = reassembled(segments);
    ASSERT_EQ(streams.size(), 1u);
    EXPECT_EQ(streams[0].conversation.bytes(Up).size(), 3003 - lost.payload.size());
    EXPECT_TRUE(streams[0].conversation.bytes(Up).endsWith("end"));
    EXPECT_EQ(streams[0].missingBytes, lost.payload.size());
}

TEST(TcpReassemblerTest, ANewSynOnTheSamePortsStartsTheNextStream)
{
    std::vector<TcpSegment> first = segmentsOf(
        TcpSynthesizer::packets(talk("127.0.0.1", 40001, {{Start + 5, Up, "one"}})));
    TcpConversation again = talk("127.0.0.1", 40001, {{Start + 5, Up, "two"}});
    std::vector<TcpSegment> second = segmentsOf(TcpSynthesizer::packets(again));
    for (TcpSegment &segment : second)
        segment.seq += 7777; // another connection: another initial sequence number
    first.insert(first.end(), second.begin(), second.end());
    const std::vector<TcpReassembler::Stream> streams = reassembled(first);
    ASSERT_EQ(streams.size(), 2u);
    EXPECT_EQ(streams[0].conversation.bytes(Up), QByteArray("one"));
    EXPECT_EQ(streams[1].conversation.bytes(Up), QByteArray("two"));
}

TEST(TcpPacketDecoderTest, AnEthernetFrameWithAVlanTagAndPaddingGivesItsSegment)
{
    const TcpSynthesizer::Packet packet = TcpSynthesizer::packets(
        talk("127.0.0.1", 40001, {{Start + 5, Up, "hi"}}))[3];
    const QByteArray frame = QByteArray(12, '\x02') + QByteArray::fromHex("8100 0005 0800")
        + packet.ip + QByteArray(8, '\0'); // Ethernet pads frames to 60 bytes
    const std::optional<TcpSegment> segment =
        TcpPacketDecoder::decode(TcpPacketDecoder::Ethernet, frame, 42);
    ASSERT_TRUE(segment.has_value());
    EXPECT_EQ(segment->payload, QByteArray("hi"));
    EXPECT_EQ(segment->sourcePort, 40001);
    EXPECT_EQ(segment->timeUs, 42);
    // Cut short by the capture: what is there, and how much is missing.
    const std::optional<TcpSegment> cut =
        TcpPacketDecoder::decode(TcpPacketDecoder::Raw, packet.ip.left(packet.ip.size() - 1), 0);
    ASSERT_TRUE(cut.has_value());
    EXPECT_EQ(cut->payload, QByteArray("h"));
    EXPECT_EQ(cut->missingBytes, 1);
}

// Linux's SYN: MSS, SACK permitted, timestamps, a NOP and the window scale (shift 7).
TEST(TcpPacketDecoderTest, ASynsWindowScaleOptionIsRead)
{
    const QByteArray syn = QByteArray::fromHex(
        "4500003c00004000400600007f0000017f000001"
        "9c40146400000064000000 00a002ffd700000000"
        "0204ffd7 0402080a0000000100000000 01030307");
    const std::optional<TcpSegment> segment =
        TcpPacketDecoder::decode(TcpPacketDecoder::Raw, syn, 0);
    ASSERT_TRUE(segment.has_value());
    EXPECT_EQ(segment->window, 65495);
    EXPECT_EQ(segment->windowScale, 7);
    EXPECT_TRUE(segment->payload.isEmpty());
    // Options cut inside, or a length running past the header, give no scale and no crash.
    QByteArray bad = syn;
    bad[57] = '\x09'; // the scale option's length
    EXPECT_EQ(TcpPacketDecoder::decode(TcpPacketDecoder::Raw, bad, 0)->windowScale, -1);
    const QByteArray data = TcpSynthesizer::packets(
        talk("127.0.0.1", 40001, {{Start + 5, Up, "hi"}}))[3].ip;
    EXPECT_EQ(TcpPacketDecoder::decode(TcpPacketDecoder::Raw, data, 0)->windowScale, -1);
}

TEST(TcpPacketDecoderTest, WhatIsNoTcpOrIsCutInsideItsHeadersGivesNothing)
{
    const QByteArray ip = TcpSynthesizer::packets(talk("::1", 40001, {}))[0].ip;
    for (int length = 0; length < 60; ++length) // 40 bytes of IPv6 header, 20 of TCP
        EXPECT_FALSE(TcpPacketDecoder::decode(TcpPacketDecoder::Raw, ip.left(length), 0));
    QByteArray udp = TcpSynthesizer::packets(talk("127.0.0.1", 40001, {}))[0].ip;
    udp[9] = 17;
    EXPECT_FALSE(TcpPacketDecoder::decode(TcpPacketDecoder::Raw, udp, 0));
    EXPECT_FALSE(TcpPacketDecoder::decode(147, ip, 0)) << "a link type it does not read";
    EXPECT_FALSE(TcpPacketDecoder::readsLinkType(147));
}

} // namespace
