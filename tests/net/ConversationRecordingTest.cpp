#include "NetTestSupport.h"
#include "Tshark.h"
#include "UdpTestSupport.h"

#include "net/ConversationRecording.h"
#include "net/LiveCapture.h"
#include "net/UdpCapitalizeServer.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <malloc.h>

namespace {

// What the heap holds now: glibc's count of allocated bytes, in its arenas and mmap'd.
qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

// A 20-byte IPv4 header, a 20-byte TCP header and a 33-byte line: one segment of the flood
// benchmark's ping-pong. Only its size matters here.
QByteArray floodPacket(int i)
{
    QByteArray packet(73, '\0');
    packet[0] = char(0x45);
    packet[72] = char(i);
    return packet;
}

TEST(ConversationRecordingTest, CapturedPacketsStayWithinTheBudgetAndSaveSaysWhatIsMissing)
{
    constexpr qint64 Budget = qint64(1) << 20;
    constexpr int Packets = 50000; // 3.5 MiB of packets
    ConversationRecording recording;
    recording.setBudget(Budget);
    LiveCapture capture; // not started: the packets are handed over as it would
    recording.watch(&capture);
    const qint64 before = heapInUse();
    for (int i = 0; i < Packets; ++i)
        emit capture.packetCaptured(i, floodPacket(i));
    EXPECT_LE(heapInUse() - before, Budget);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("flood.pcapng"));
    const QString said = recording.save(path);
    EXPECT_TRUE(said.startsWith(path + QStringLiteral(" is missing the last ")))
        << said.toStdString();
    EXPECT_TRUE(said.endsWith(QStringLiteral("packets: a recording keeps at most 1 MiB")))
        << said.toStdString();
    EXPECT_GE(QFile(path).size(), Budget / 2) << "most of the budget holds packets";
}

// Save writes the captured packets when there are any, so from the first one on the bytes the
// calls carried are not kept a second time.
TEST(ConversationRecordingTest, OnceItHasPacketsItKeepsNoSecondCopyOfTheBytes)
{
    CapitalizeServer server;
    ConversationRecording recording;
    recording.watch(&server);
    LiveCapture capture;
    recording.watch(&capture);
    ASSERT_TRUE(server.start(loopbackOptions())) << server.errorString().toStdString();
    RawPeer peer(server.port());
    peer.send("before\n");
    ASSERT_TRUE(peer.waitReceived(7));
    emit capture.packetCaptured(1, floodPacket(0));
    peer.send("after\n");
    ASSERT_TRUE(peer.waitReceived(13));

    const std::vector<TcpConversation> conversations = recording.recorder().conversations();
    ASSERT_EQ(conversations.size(), 1u);
    EXPECT_EQ(conversations[0].bytes(TcpDirection::ClientToServer), QByteArray("before\n"));
    EXPECT_EQ(conversations[0].bytes(TcpDirection::ServerToClient), QByteArray("BEFORE\n"));
}

// A window that captured TCP packets and then served UDP: the file holds both, the datagrams
// made up beside the packets captured.
TEST(ConversationRecordingTest, DatagramsAreSavedBesideTheCapturedPackets)
{
    UdpCapitalizeServer server;
    ConversationRecording recording;
    recording.watch(&server);
    LiveCapture capture;
    recording.watch(&capture);
    emit capture.packetCaptured(SocketEvent::now(), floodPacket(0));
    ASSERT_TRUE(server.start(loopbackOptions())) << server.errorString().toStdString();
    RawUdpPeer peer;
    ASSERT_TRUE(peer.sendTo("hi", server.port()));
    ASSERT_TRUE(peer.waitReceived(1));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("both.pcapng"));
    ASSERT_EQ(recording.save(path), QString());
    const std::vector<Tshark::Datagram> datagrams = Tshark::udpDatagrams(path);
    ASSERT_EQ(datagrams.size(), 2u) << "the one received and its reply";
    EXPECT_EQ(datagrams[0].payload, QByteArray("hi"));
    EXPECT_EQ(datagrams[1].payload, QByteArray("HI"));
}

} // namespace
