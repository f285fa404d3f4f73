#include "QtPrinters.h"

#include "core/SocketEvent.h"

#include <gtest/gtest.h>

namespace {

using Kind = SocketEvent::Kind;

TEST(SocketEventTest, AnEndpointIsWrittenAsPeopleTypeIt)
{
    EXPECT_EQ(Endpoint({"127.0.0.1", 5220}).text(), QStringLiteral("127.0.0.1:5220"));
    EXPECT_EQ(Endpoint({"::1", 5220}).text(), QStringLiteral("[::1]:5220"));
    EXPECT_EQ(Endpoint({"fe80::1%eth0", 80}).text(), QStringLiteral("[fe80::1%eth0]:80"));
    EXPECT_FALSE(Endpoint({"127.0.0.1", 1}).isIPv6());
    EXPECT_TRUE(Endpoint({"::ffff:127.0.0.1", 1}).isIPv6());
}

TEST(SocketEventTest, EachEventKnowsItsSideConnectionAndTime)
{
    const qint64 before = SocketEvent::now();
    const SocketEvent read = SocketEvent::recv(SocketSide::Server, 7, 1024, 17);
    const qint64 after = SocketEvent::now();
    EXPECT_EQ(read.kind, Kind::Recv);
    EXPECT_EQ(read.side, SocketSide::Server);
    EXPECT_EQ(read.connectionId, 7);
    EXPECT_EQ(read.size, 1024);
    EXPECT_EQ(read.bytes, 17);
    EXPECT_GE(read.timeUs, before);
    EXPECT_LE(read.timeUs, after);
    // Microseconds since the epoch: after 2020-01-01, and not milliseconds.
    EXPECT_GT(read.timeUs, qint64(1577836800) * 1000 * 1000);

    const SocketEvent accepted = SocketEvent::accept(3, {"::1", 51234});
    EXPECT_EQ(accepted.side, SocketSide::Server);
    EXPECT_EQ(accepted.connectionId, 3);
    EXPECT_EQ(accepted.peer, Endpoint({"::1", 51234}));
    EXPECT_EQ(SocketEvent::listen().connectionId, 0) << "the listening socket";
    EXPECT_EQ(SocketEvent::connected({"127.0.0.1", 1}, {"127.0.0.1", 2}, 5).side,
              SocketSide::Client);
    EXPECT_EQ(SocketEvent::lookup({"example.org", 1}, {}).side, SocketSide::Client);
    EXPECT_EQ(SocketEvent::close(SocketSide::Client, 0, SocketEvent::CloseReason::LostRace)
                  .closeReason,
              SocketEvent::CloseReason::LostRace);
}

} // namespace
