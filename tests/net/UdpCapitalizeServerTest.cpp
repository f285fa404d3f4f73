#include "NetTestSupport.h"
#include "UdpTestSupport.h"

#include "core/SocketEventText.h"
#include "core/Utf8UpperCaser.h"
#include "net/UdpCapitalizeServer.h"

#include <gtest/gtest.h>

namespace {

using Kind = SocketEvent::Kind;

const QByteArray Taco = QByteArrayLiteral("I am hungry for \xf0\x9f\x8c\xae");
const QByteArray TacoUpper = QByteArrayLiteral("I AM HUNGRY FOR \xf0\x9f\x8c\xae");

class UdpCapitalizeServerTest : public ::testing::Test
{
protected:
    UdpCapitalizeServer server;
};

TEST_F(UdpCapitalizeServerTest, AnswersEachDatagramCapitalizedToItsSender)
{
    EventLog log(server);
    ASSERT_TRUE(server.start(loopbackOptions())) << server.errorString().toStdString();
    RawUdpPeer peer;
    ASSERT_TRUE(peer.sendTo(Taco, server.port()));
    ASSERT_TRUE(peer.waitReceived(1));
    EXPECT_EQ(peer.received().first().bytes, TacoUpper);
    EXPECT_EQ(peer.received().first().port, server.port());

    const std::vector<Kind> expected{Kind::Socket, Kind::Bind, Kind::RecvFrom, Kind::SendTo};
    EXPECT_EQ(log.kinds(), expected) << "no listen() and no accept(): UDP has no connections";
    const SocketEvent read = log.ofKind(Kind::RecvFrom).front();
    EXPECT_EQ(read.size, 2048) << "the textbook's recvfrom(2048) by default";
    EXPECT_EQ(read.bytes, Taco.size());
    EXPECT_FALSE(read.truncated());
    EXPECT_EQ(read.peer, (Endpoint{"127.0.0.1", peer.port()}));
    EXPECT_EQ(SocketEventText::callAndResult(read),
              QStringLiteral("recvfrom(2048) -> (%1 bytes, ('127.0.0.1', %2))")
                  .arg(Taco.size())
                  .arg(peer.port()));
    const SocketEvent write = log.ofKind(Kind::SendTo).front();
    EXPECT_EQ(write.bytes, TacoUpper.size());
    EXPECT_EQ(write.peer, read.peer);
    EXPECT_TRUE(log.ofKind(Kind::Socket).front().datagram);
}

TEST_F(UdpCapitalizeServerTest, ThreeSendsGiveThreeWholeReplies)
{
    ASSERT_TRUE(server.start(loopbackOptions()));
    RawUdpPeer peer;
    const QList<QByteArray> sent{"one", "two\n", "stra\xc3\x9f" "e"};
    for (const QByteArray &datagram : sent)
        ASSERT_TRUE(peer.sendTo(datagram, server.port()));
    ASSERT_TRUE(peer.waitReceived(3));
    EXPECT_EQ(peer.receivedBytes(), (QList<QByteArray>{"ONE", "TWO\n", "STRASSE"}));
}

TEST_F(UdpCapitalizeServerTest, ACharacterCutBetweenTwoDatagramsStaysCutAndUnchanged)
{
    ASSERT_TRUE(server.start(loopbackOptions()));
    RawUdpPeer peer;
    // "ß" (c3 9f) in two datagrams: a stream would join them; datagrams are each their own.
    ASSERT_TRUE(peer.sendTo("a\xc3", server.port()));
    ASSERT_TRUE(peer.waitReceived(1));
    ASSERT_TRUE(peer.sendTo("\x9f" "b", server.port()));
    ASSERT_TRUE(peer.waitReceived(2));
    EXPECT_EQ(peer.receivedBytes(), (QList<QByteArray>{"A\xc3", "\x9f" "B"}));
}

TEST_F(UdpCapitalizeServerTest, ADatagramLargerThanTheReceiveSizeIsCutAndSaidSo)
{
    EventLog log(server);
    ServerOptions options = loopbackOptions();
    options.datagramSize = 16;
    ASSERT_TRUE(server.start(options));
    qint64 toldLength = 0;
    QObject::connect(&server, &UdpCapitalizeServer::datagramReceived, &server,
                     [&toldLength](qint64, const QByteArray &, qint64 datagramBytes) {
                         toldLength = datagramBytes;
                     });
    RawUdpPeer peer;
    const QByteArray long40(40, 'x');
    ASSERT_TRUE(peer.sendTo(long40, server.port()));
    ASSERT_TRUE(peer.waitReceived(1));
    EXPECT_EQ(peer.received().first().bytes, QByteArray(16, 'X')) << "cut as the system cuts";
    const SocketEvent read = log.ofKind(Kind::RecvFrom).front();
    EXPECT_EQ(read.bytes, 16);
    EXPECT_EQ(read.datagramBytes, 40) << "MSG_TRUNC tells the real length";
    EXPECT_TRUE(read.truncated());
    EXPECT_EQ(toldLength, 40);
    EXPECT_TRUE(SocketEventText::result(read).contains("cut, the datagram had 40 bytes"));
}

TEST_F(UdpCapitalizeServerTest, PeersAreListedByAddressInTheOrderFirstHeardFrom)
{
    ASSERT_TRUE(server.start(loopbackOptions()));
    RawUdpPeer first;
    RawUdpPeer second;
    ASSERT_TRUE(first.sendTo("a", server.port()));
    ASSERT_TRUE(first.waitReceived(1));
    ASSERT_TRUE(second.sendTo("bb", server.port()));
    ASSERT_TRUE(second.waitReceived(1));
    ASSERT_TRUE(first.sendTo("ccc", server.port()));
    ASSERT_TRUE(first.waitReceived(2));
    const QList<UdpCapitalizeServer::Peer> peers = server.peers();
    ASSERT_EQ(peers.size(), 2);
    EXPECT_EQ(peers[0].id, 1);
    EXPECT_EQ(peers[0].endpoint, (Endpoint{"127.0.0.1", first.port()}));
    EXPECT_EQ(peers[0].datagramsIn, 2);
    EXPECT_EQ(peers[0].bytesIn, 4);
    EXPECT_EQ(peers[0].bytesOut, 4);
    EXPECT_EQ(peers[1].id, 2);
    EXPECT_EQ(peers[1].endpoint, (Endpoint{"127.0.0.1", second.port()}));
}

// Memory stays bounded however many source ports a flood uses: past the peers kept, every
// sender is still answered, and counted on one line, "the others".
TEST_F(UdpCapitalizeServerTest, PastThePeersKeptEverySenderIsAnsweredAndCountedAsTheOthers)
{
    ServerOptions options = loopbackOptions();
    options.mostPeersListed = 2;
    ASSERT_TRUE(server.start(options));
    std::vector<std::unique_ptr<RawUdpPeer>> senders;
    for (int i = 0; i < 5; ++i) {
        senders.push_back(std::make_unique<RawUdpPeer>());
        ASSERT_TRUE(senders.back()->sendTo("hi", server.port()));
        ASSERT_TRUE(senders.back()->waitReceived(1)) << "sender " << i;
        EXPECT_EQ(senders.back()->receivedBytes(), QList<QByteArray>{"HI"});
    }
    const QList<UdpCapitalizeServer::Peer> peers = server.peers();
    ASSERT_EQ(peers.size(), 3);
    EXPECT_FALSE(peers[1].others);
    EXPECT_TRUE(peers[2].others);
    EXPECT_EQ(peers[2].datagramsIn, 3);
    EXPECT_EQ(peers[2].bytesOut, 6);
    // Its endpoint is the latest of them, so each event names its real sender.
    EXPECT_EQ(peers[2].endpoint, (Endpoint{"127.0.0.1", senders.back()->port()}));
    EXPECT_TRUE(server.peerText(peers[2]).startsWith(QStringLiteral("the others")))
        << server.peerText(peers[2]).toStdString();
    EXPECT_EQ(server.peerText(peers[0]), peers[0].endpoint.text());
}

TEST_F(UdpCapitalizeServerTest, InvalidUtf8ComesBackUnchanged)
{
    ASSERT_TRUE(server.start(loopbackOptions()));
    RawUdpPeer peer;
    const QByteArray damaged("ab\xff\xfe" "c\xc0\xaf");
    ASSERT_TRUE(peer.sendTo(damaged, server.port()));
    ASSERT_TRUE(peer.waitReceived(1));
    EXPECT_EQ(peer.received().first().bytes, Utf8UpperCaser::upperCased(damaged));
    EXPECT_EQ(peer.received().first().bytes, QByteArray("AB\xff\xfe" "C\xc0\xaf"));
}

TEST_F(UdpCapitalizeServerTest, AllInterfacesIsOneDualStackSocketForIPv4AndIPv6)
{
    EventLog log(server);
    ServerOptions options = loopbackOptions();
    options.bindAddresses = {QHostAddress(QHostAddress::Any)};
    ASSERT_TRUE(server.start(options)) << server.errorString().toStdString();
    ASSERT_EQ(log.ofKind(Kind::Socket).size(), 1u);
    EXPECT_TRUE(log.ofKind(Kind::Socket).front().dualStack);
    RawUdpPeer v4;
    RawUdpPeer v6{QHostAddress(QHostAddress::LocalHostIPv6)};
    ASSERT_TRUE(v4.sendTo("four", server.port()));
    ASSERT_TRUE(v6.sendTo("six", server.port(), QHostAddress(QHostAddress::LocalHostIPv6)));
    ASSERT_TRUE(v4.waitReceived(1));
    ASSERT_TRUE(v6.waitReceived(1));
    EXPECT_EQ(v4.received().first().bytes, "FOUR");
    EXPECT_EQ(v6.received().first().bytes, "SIX");
    QStringList addresses;
    for (const UdpCapitalizeServer::Peer &peer : server.peers())
        addresses.append(peer.endpoint.address);
    addresses.sort();
    EXPECT_EQ(addresses, (QStringList{"127.0.0.1", "::1"}))
        << "an IPv4 sender of the dual-stack socket is named as IPv4";
}

TEST_F(UdpCapitalizeServerTest, ThisComputerOnlyAnswersOnBothLoopbacksOfOnePort)
{
    ServerOptions options = loopbackOptions();
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHost),
                             QHostAddress(QHostAddress::LocalHostIPv6)};
    ASSERT_TRUE(server.start(options)) << server.errorString().toStdString();
    RawUdpPeer v6{QHostAddress(QHostAddress::LocalHostIPv6)};
    ASSERT_TRUE(v6.sendTo("six", server.port(), QHostAddress(QHostAddress::LocalHostIPv6)));
    ASSERT_TRUE(v6.waitReceived(1));
    EXPECT_EQ(v6.received().first().bytes, "SIX");
    EXPECT_EQ(server.boundAddresses().size(), 2);
}

TEST_F(UdpCapitalizeServerTest, APortTakenByAnotherUdpProgramIsSaidPlainly)
{
    ASSERT_TRUE(server.start(loopbackOptions()));
    UdpCapitalizeServer second;
    EventLog log(second);
    ServerOptions options = loopbackOptions();
    options.port = server.port();
    EXPECT_FALSE(second.start(options));
    EXPECT_TRUE(second.errorString().contains("already receives on UDP port"))
        << second.errorString().toStdString();
    EXPECT_EQ(log.ofKind(Kind::Bind).front().failure.kind, SocketFailure::Kind::AddressInUse);
    EXPECT_FALSE(second.isRunning());
}

TEST_F(UdpCapitalizeServerTest, StopClosesTheSocketAndAnswersNoMore)
{
    EventLog log(server);
    ASSERT_TRUE(server.start(loopbackOptions()));
    const quint16 port = server.port();
    server.stop();
    EXPECT_FALSE(server.isRunning());
    EXPECT_EQ(log.kinds().back(), Kind::Close);
    EXPECT_TRUE(log.events().back().datagram);
    UdpCapitalizeServer again; // the port is free again at once: UDP has no TIME_WAIT
    ServerOptions options = loopbackOptions();
    options.port = port;
    EXPECT_TRUE(again.start(options)) << again.errorString().toStdString();
}

} // namespace
