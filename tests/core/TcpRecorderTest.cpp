#include "QtPrinters.h"

#include "core/IpAddress.h"
#include "core/TcpRecorder.h"

#include <gtest/gtest.h>

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

    ASSERT_EQ(recorder.conversations().size(), 2u);
    const TcpConversation &first = recorder.conversations()[0];
    EXPECT_EQ(first.clientIp, IpAddress::fromText("127.0.0.1"));
    EXPECT_EQ(first.clientPort, 40001);
    EXPECT_EQ(first.serverPort, 5220);
    EXPECT_EQ(first.openedUs, 100);
    EXPECT_EQ(first.bytes(Up), QByteArray("hi\n"));
    EXPECT_EQ(first.bytes(Down), QByteArray("HI\n"));
    EXPECT_EQ(first.clientFinishedUs, 300);
    EXPECT_EQ(first.serverFinishedUs, 310);
    const TcpConversation &second = recorder.conversations()[1];
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

    ASSERT_EQ(recorder.conversations().size(), 2u);
    const TcpConversation &first = recorder.conversations()[0];
    EXPECT_EQ(first.openedUs, 950);
    EXPECT_EQ(first.clientIp, IpAddress::fromText("127.0.0.1"));
    EXPECT_EQ(first.clientPort, 40000);
    EXPECT_EQ(first.serverPort, 5220);
    EXPECT_EQ(first.bytes(Up), QByteArray("a"));
    EXPECT_EQ(first.bytes(Down), QByteArray("A"));
    EXPECT_EQ(first.clientFinishedUs, 1200) << "shutdown() sent the FIN, not close()";
    EXPECT_EQ(first.serverFinishedUs, 1400);
    const TcpConversation &second = recorder.conversations()[1];
    EXPECT_EQ(second.resetUs, 2100) << "a losing attempt's close is not this connection's";
    EXPECT_EQ(second.resetFrom, Down);
    EXPECT_EQ(second.clientFinishedUs, -1);
}

TEST(TcpRecorderTest, PastItsBudgetBytesAreCountedNotKept)
{
    TcpRecorder recorder;
    recorder.setBudget(4);
    recorder.record(SocketEvent::accept(1, {"127.0.0.1", 40001}, {"127.0.0.1", 5220}));
    recorder.recordBytes(Server, 1, false, "abc", 1);
    recorder.recordBytes(Server, 1, false, "def", 2);
    EXPECT_EQ(recorder.conversations()[0].bytes(Up), QByteArray("abc"));
    EXPECT_EQ(recorder.droppedBytes(), 3);
}

} // namespace
