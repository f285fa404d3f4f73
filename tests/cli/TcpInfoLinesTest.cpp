#include "QtPrinters.h"

#include "cli/TcpInfoLines.h"

#include <gtest/gtest.h>

namespace {

TcpInfo established(qint64 unread = 0)
{
    TcpInfo info;
    info.state = TcpInfo::State::Established;
    info.unsent = 0;
    info.unacked = 0;
    info.unread = unread;
    return info;
}

SocketEvent sample(qint64 connection, qint64 unread)
{
    return SocketEvent::tcpQueues(SocketSide::Server, connection, established(unread), false,
                                  true);
}

// A moment is explained the first time a connection meets it, not again while it lasts, nor
// when it comes back (a ping-pong would double the log); each connection its own.
TEST(TcpInfoLinesTest, AMomentIsExplainedTheFirstTimeAConnectionMeetsIt)
{
    TcpInfoLines lines;
    ASSERT_EQ(sample(1, 0).tcpMoment(), SocketEvent::TcpMoment::BothWaiting);
    const TcpInfoLines::Lines first = lines.linesFor(sample(1, 0));
    EXPECT_TRUE(first.reading.startsWith(QStringLiteral("TCP_INFO -> "))) << first.reading;
    EXPECT_FALSE(first.why.isEmpty());
    EXPECT_TRUE(lines.linesFor(sample(1, 0)).why.isEmpty()) << "the same moment goes on";
    EXPECT_FALSE(lines.linesFor(sample(2, 0)).why.isEmpty()) << "another connection's";
    EXPECT_FALSE(lines.linesFor(sample(1, 5)).why.isEmpty()) << "bytes wait to be read";
    EXPECT_TRUE(lines.linesFor(sample(1, 0)).why.isEmpty()) << "both wait again: said before";
}

TEST(TcpInfoLinesTest, AStateChangeIsAlwaysExplained)
{
    TcpInfoLines lines;
    TcpInfo closeWait = established();
    closeWait.state = TcpInfo::State::CloseWait;
    const TcpInfoLines::Lines said = lines.linesFor(
        SocketEvent::tcpState(SocketSide::Server, 1, TcpInfo::State::Established, closeWait));
    EXPECT_EQ(said.reading, QStringLiteral("TCP ESTABLISHED -> CLOSE_WAIT"));
    EXPECT_TRUE(said.why.startsWith(QStringLiteral("CLOSE_WAIT: "))) << said.why;
}

} // namespace
