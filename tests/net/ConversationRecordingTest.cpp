#include "NetTestSupport.h"
#include "Tshark.h"
#include "UdpTestSupport.h"

#include "net/CapitalizeClient.h"
#include "net/ConversationRecording.h"
#include "net/LiveCapture.h"
#include "net/UdpCapitalizeServer.h"

#include <QFile>
#include <QIODevice>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>

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

// A file that keeps only its size, and the most the heap held above `base` while it was written.
class HeapWatchingDevice : public QIODevice
{
public:
    explicit HeapWatchingDevice(qint64 base)
        : m_base(base)
    {
        open(QIODevice::WriteOnly);
    }
    qint64 written() const { return m_written; }
    qint64 peak() const { return m_peak; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        m_peak = std::max(m_peak, heapInUse() - m_base);
        m_written += size;
        return size;
    }

private:
    qint64 m_base;
    qint64 m_written = 0;
    qint64 m_peak = 0;
};

// Save makes each packet as it writes it: a recording of many small sends is not made into a
// whole file of packets in memory first.
TEST(ConversationRecordingTest, SaveWritesEachPacketAsItIsMade)
{
    constexpr int Sends = 100000;
    CapitalizeClient client; // not started: its signals are given as it would
    ConversationRecording recording;
    recording.watch(&client);
    emit client.socketEvent(SocketEvent::connected({QStringLiteral("127.0.0.1"), 5000},
                                                   {QStringLiteral("127.0.0.1"), 40000}, 0));
    for (int i = 0; i < Sends; ++i) {
        emit client.messageSent(i, QByteArray("a line\n"));
        emit client.dataReceived(QByteArray("A LINE\n"));
    }

    HeapWatchingDevice device(heapInUse());
    ASSERT_EQ(recording.write(&device), QString());
    // Each send is a segment with its ACK: 4 * Sends packets of at least 40 bytes.
    EXPECT_GE(device.written(), qint64(4) * Sends * 40);
    EXPECT_LE(device.peak(), qint64(64) << 10) << "Save held more than a few packets at once";
}

// A flood of short connections: each conversation's packets are made while it is due, so
// Save holds less than a packet's worth for each of them.
TEST(ConversationRecordingTest, SavingAFloodOfShortConnectionsHoldsFewAtOnce)
{
    constexpr int Connections = 20000;
    CapitalizeClient client; // not started: its signals are given as it would
    ConversationRecording recording;
    recording.watch(&client);
    for (int i = 0; i < Connections; ++i) {
        emit client.socketEvent(
            SocketEvent::connected({QStringLiteral("127.0.0.1"), 5000},
                                   {QStringLiteral("127.0.0.1"), quint16(30000 + i % 20000)}, 0));
        emit client.messageSent(i, QByteArray("a line\n"));
        emit client.dataReceived(QByteArray("A LINE\n"));
        emit client.socketEvent(
            SocketEvent::close(SocketSide::Client, 0, SocketEvent::CloseReason::Disconnect));
    }
    ASSERT_EQ(recording.recorder().conversations().size(), size_t(Connections));

    HeapWatchingDevice device(heapInUse());
    ASSERT_EQ(recording.write(&device), QString());
    // Each is a handshake, a line each way with its ACK, and a FIN with its ACK: 9 packets.
    EXPECT_GE(device.written(), qint64(9) * Connections * 40);
    EXPECT_LE(device.peak(), qint64(128) * Connections);
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
