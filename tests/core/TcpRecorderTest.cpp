#include "QtPrinters.h"

#include "core/IpAddress.h"
#include "core/TcpRecorder.h"
#include "core/TcpSynthesizer.h"

#include <QBuffer>

#include <gtest/gtest.h>

#include <malloc.h>

namespace {

constexpr SocketSide Server = SocketSide::Server;
constexpr SocketSide Client = SocketSide::Client;
constexpr TcpDirection Up = TcpDirection::ClientToServer;
constexpr TcpDirection Down = TcpDirection::ServerToClient;

SocketEvent at(SocketEvent event, qint64 timeUs)
{
    event.timeUs = timeUs;
    return event;
}

// What the heap holds now: glibc's count of allocated bytes, in its arenas and mmap'd.
qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

TEST(TcpRecorderTest, AServersClientsEachBecomeAConversationWithTheirBytesAndFins)
{
    TcpRecorder recorder;
    recorder.record(at(SocketEvent::accept(1, {"127.0.0.1", 40001}, {"127.0.0.1", 5220}), 100));
    recorder.record(at(SocketEvent::accept(2, {"::1", 40002}, {"::1", 5220}), 150));
    recorder.recordBytes(Server, 1, false, "hi\n", 200);
    recorder.recordBytes(Server, 1, true, "HI\n", 210);
    recorder.recordBytes(Server, 2, false, "two", 220);
    recorder.record(at(SocketEvent::recv(Server, 1, 1024, 0), 300)); // the client's FIN
    recorder.record(at(SocketEvent::close(Server, 1, SocketEvent::CloseReason::PeerFinished),
                       310));
    recorder.recordBytes(Server, 1, true, "after close", 320); // belongs to no connection

    const std::vector<TcpConversation> conversations = recorder.conversations();
    ASSERT_EQ(conversations.size(), 2u);
    const TcpConversation &first = conversations[0];
    EXPECT_EQ(first.clientIp, IpAddress::fromText("127.0.0.1"));
    EXPECT_EQ(first.clientPort, 40001);
    EXPECT_EQ(first.serverPort, 5220);
    EXPECT_EQ(first.openedUs, 100);
    EXPECT_EQ(first.bytes(Up), QByteArray("hi\n"));
    EXPECT_EQ(first.bytes(Down), QByteArray("HI\n"));
    EXPECT_EQ(first.clientFinishedUs, 300);
    EXPECT_EQ(first.serverFinishedUs, 310);
    const TcpConversation &second = conversations[1];
    EXPECT_TRUE(second.isIPv6());
    EXPECT_EQ(second.bytes(Up), QByteArray("two"));
    EXPECT_EQ(second.clientFinishedUs, -1) << "still open";
}

TEST(TcpRecorderTest, AClientsConnectionsFromConnectToCloseAndAResetFromThePeer)
{
    TcpRecorder recorder;
    // The handshake began when connect() was called: the event's time less its duration.
    recorder.record(at(SocketEvent::connected({"127.0.0.1", 5220}, {"127.0.0.1", 40000}, 50),
                       1000));
    recorder.recordBytes(Client, 0, true, "a", 1100);
    recorder.record(at(SocketEvent::shutdown(Client, 0), 1200));
    recorder.recordBytes(Client, 0, false, "A", 1300);
    recorder.record(at(SocketEvent::recv(Client, 0, 1024, 0), 1400));
    recorder.record(at(SocketEvent::close(Client, 0, SocketEvent::CloseReason::PeerFinished),
                       1500));
    // Again, and this time the server resets it.
    recorder.record(at(SocketEvent::connected({"::1", 5220}, {"::1", 40001}, 0), 2000));
    SocketFailure reset;
    reset.kind = SocketFailure::Kind::Reset;
    recorder.record(at(SocketEvent::close(Client, 0, SocketEvent::CloseReason::LostRace), 2050));
    recorder.record(at(SocketEvent::close(Client, 0, SocketEvent::CloseReason::Broken, reset),
                       2100));

    const std::vector<TcpConversation> conversations = recorder.conversations();
    ASSERT_EQ(conversations.size(), 2u);
    const TcpConversation &first = conversations[0];
    EXPECT_EQ(first.openedUs, 950);
    EXPECT_EQ(first.clientIp, IpAddress::fromText("127.0.0.1"));
    EXPECT_EQ(first.clientPort, 40000);
    EXPECT_EQ(first.serverPort, 5220);
    EXPECT_EQ(first.bytes(Up), QByteArray("a"));
    EXPECT_EQ(first.bytes(Down), QByteArray("A"));
    EXPECT_EQ(first.clientFinishedUs, 1200) << "shutdown() sent the FIN, not close()";
    EXPECT_EQ(first.serverFinishedUs, 1400);
    const TcpConversation &second = conversations[1];
    EXPECT_EQ(second.resetUs, 2100) << "a losing attempt's close is not this connection's";
    EXPECT_EQ(second.resetFrom, Down);
    EXPECT_EQ(second.clientFinishedUs, -1);
}

// close() with bytes unread resets the connection: it ends in our own RST, and the replies
// still in the send buffer, which the reset discarded, are known never to have arrived.
TEST(TcpRecorderTest, OurCloseThatResetEndsInOurRstAndKnowsWhatNeverArrived)
{
    TcpRecorder recorder;
    recorder.record(at(SocketEvent::accept(1, {"127.0.0.1", 40001}, {"127.0.0.1", 5220}), 100));
    recorder.recordBytes(Server, 1, false, "abcdef", 200);
    recorder.recordBytes(Server, 1, true, "ABC", 210);
    recorder.recordBytes(Server, 1, true, "DEF", 220);
    SocketEvent close = SocketEvent::close(Server, 1, SocketEvent::CloseReason::ServerStopping);
    close.resetSent = true;
    close.undeliveredBytes = 4;
    recorder.record(at(close, 300));

    const std::vector<TcpConversation> conversations = recorder.conversations();
    ASSERT_EQ(conversations.size(), 1u);
    const TcpConversation &reset = conversations[0];
    EXPECT_EQ(reset.resetUs, 300);
    EXPECT_EQ(reset.resetFrom, Down);
    EXPECT_EQ(reset.serverFinishedUs, -1) << "no FIN";
    EXPECT_EQ(reset.deliveredBytes[int(Down)], 2);
    EXPECT_EQ(reset.deliveredBytes[int(Up)], -1);
}

TEST(TcpRecorderTest, PastItsBudgetBytesAreCountedNotKept)
{
    TcpRecorder recorder;
    // Room for a block of bytes and a block of bookkeeping, and the connection's record (a few
    // KiB, less than a block): the first read all but fills it.
    recorder.setBudget(2 * (ChunkLog::BlockSize + ChunkLog::BlockOverhead) + (16 << 10));
    recorder.record(SocketEvent::accept(1, {"127.0.0.1", 40001}, {"127.0.0.1", 5220}));
    const QByteArray first(ChunkLog::BlockSize - 2, 'a');
    recorder.recordBytes(Server, 1, false, first, 1);
    recorder.recordBytes(Server, 1, false, "def", 2);
    EXPECT_EQ(recorder.conversations()[0].bytes(Up), first);
    EXPECT_EQ(recorder.droppedBytes(), 3);
}

TEST(TcpRecorderTest, ItsMemoryStaysWithinItsBudgetAsItKeepsManySmallReads)
{
    constexpr qint64 Budget = qint64(1) << 20;
    constexpr int Reads = 50000;
    constexpr int ReadBytes = 33; // a line of the flood benchmark, 32 bytes and its newline
    TcpRecorder recorder;
    recorder.setBudget(Budget);
    recorder.record(SocketEvent::accept(1, {"127.0.0.1", 40001}, {"127.0.0.1", 5220}));
    const qint64 before = heapInUse();
    for (int i = 0; i < Reads; ++i) {
        // As TcpStream::receive() hands a read over: recv()'s buffer of the read size (the
        // lecture's 1024), cut to what came. Its capacity is still the whole buffer's.
        QByteArray read(1024, 'a');
        read.truncate(ReadBytes);
        recorder.recordBytes(Server, 1, false, read, i);
    }
    EXPECT_LE(heapInUse() - before, Budget);
    const qint64 kept = qint64(Reads) * ReadBytes - recorder.droppedBytes();
    EXPECT_GE(kept, Budget / 2) << "most of the budget holds bytes, not bookkeeping";
    EXPECT_EQ(recorder.conversations()[0].bytes(Up).size(), kept);
}

// Each connection costs its record too: a long flood of short ones stays within the budget,
// and what came past it is counted, for Save to say.
TEST(TcpRecorderTest, AFloodOfShortConnectionsStaysWithinItsBudget)
{
    constexpr qint64 Budget = qint64(1) << 20;
    constexpr int Connections = 50000;
    TcpRecorder recorder;
    recorder.setBudget(Budget);
    const qint64 before = heapInUse();
    for (int i = 0; i < Connections; ++i) {
        recorder.record(SocketEvent::accept(i, {"127.0.0.1", 40001}, {"127.0.0.1", 5220}));
        recorder.recordBytes(Server, i, false, "x", i);
        recorder.record(SocketEvent::close(Server, i, SocketEvent::CloseReason::PeerFinished));
    }
    EXPECT_LE(heapInUse() - before, Budget);
    EXPECT_GT(recorder.droppedBytes(), 0) << "the connections past the budget are told";
    EXPECT_EQ(qint64(recorder.conversations().size()) + recorder.droppedBytes(), Connections);
}

// The file conversationPackets() gives: the same, byte for byte, as
// TcpSynthesizer makes of conversations() (which holds every packet at once).
TEST(TcpRecorderTest, ItsConversationsPacketsAreTheSynthesizersOfItsConversations)
{
    TcpRecorder recorder;
    recorder.record(at(SocketEvent::accept(1, {"127.0.0.1", 40001}, {"127.0.0.1", 5220}), 100));
    recorder.record(at(SocketEvent::accept(2, {"::1", 40002}, {"::1", 5220}), 100));
    recorder.record(at(SocketEvent::accept(3, {"127.0.0.1", 40003}, {"127.0.0.1", 5220}), 90));
    recorder.recordBytes(Server, 1, false, "hi\n", 200);
    recorder.recordBytes(Server, 2, false, QByteArray(30000, 'x'), 200); // past 16 segments
    recorder.recordBytes(Server, 3, false, "late", 400);
    recorder.recordBytes(Server, 1, true, "HI\n", 200);
    recorder.recordBytes(Server, 3, true, "LATE", 150); // its clock ran back
    recorder.recordBytes(Server, 2, true, "two", 250);
    recorder.record(at(SocketEvent::recv(Server, 1, 1024, 0), 200)); // the client's FIN
    recorder.record(at(SocketEvent::shutdown(Server, 2), 220)); // before its last reply
    recorder.recordBytes(Server, 1, false, "more", 300);
    SocketEvent reset = SocketEvent::close(Server, 3, SocketEvent::CloseReason::PeerFinished);
    reset.failure.kind = SocketFailure::Kind::Reset;
    recorder.record(at(reset, 350));

    QByteArray whole;
    QBuffer wholeFile(&whole);
    wholeFile.open(QIODevice::WriteOnly);
    ASSERT_EQ(TcpSynthesizer::writePcapng(recorder.conversations(), &wholeFile), QString());
    QByteArray streamed;
    QBuffer streamedFile(&streamed);
    streamedFile.open(QIODevice::WriteOnly);
    const std::unique_ptr<IpPackets::PacketSource> packets = recorder.conversationPackets();
    ASSERT_EQ(IpPackets::writePcapng(std::vector<IpPackets::PacketSource *>{packets.get()},
                                     &streamedFile),
              QString());
    EXPECT_GT(streamed.size(), 30000);
    EXPECT_EQ(streamed, whole);
}

} // namespace
