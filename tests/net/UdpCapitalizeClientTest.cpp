#include "NetTestSupport.h"
#include "UdpTestSupport.h"

#include "core/SocketEventText.h"
#include "net/UdpCapitalizeClient.h"
#include "net/UdpCapitalizeServer.h"

#include <gtest/gtest.h>

namespace {

using Kind = SocketEvent::Kind;
using Failure = SocketFailure::Kind;

const QString NoRetry = QStringLiteral(
    "UDP does not retry: the datagram or its reply may have been lost, or nothing listens "
    "there");

// What a UdpCapitalizeClient said, in order.
struct Outcome
{
    QList<QByteArray> replies;
    QList<qint64> answeredIds;
    QList<qint64> unansweredIds;
    QList<SocketEvent> unansweredWhy;
    QList<qint64> notSentIds;
    QList<SocketEvent> notSentWhy;
    QStringList failures;

    explicit Outcome(UdpCapitalizeClient &client)
    {
        QObject::connect(&client, &UdpCapitalizeClient::replyReceived, &client,
                         [this](qint64 id, const QByteArray &reply) {
                             answeredIds.append(id);
                             replies.append(reply);
                         });
        QObject::connect(&client, &UdpCapitalizeClient::messageUnanswered, &client,
                         [this](qint64 id, const QByteArray &, const SocketEvent &why) {
                             unansweredIds.append(id);
                             unansweredWhy.append(why);
                         });
        QObject::connect(&client, &UdpCapitalizeClient::messageNotSent, &client,
                         [this](qint64 id, const QByteArray &, const SocketEvent &why) {
                             notSentIds.append(id);
                             notSentWhy.append(why);
                         });
        QObject::connect(&client, &UdpCapitalizeClient::failed, &client,
                         [this](const QString &message) { failures.append(message); });
    }
    qsizetype settled() const
    {
        return answeredIds.size() + unansweredIds.size() + notSentIds.size();
    }
};

class UdpCapitalizeClientTest : public ::testing::Test
{
protected:
    void startServer(const ServerOptions &options = loopbackOptions())
    {
        ASSERT_TRUE(server.start(options)) << server.errorString().toStdString();
    }

    UdpCapitalizeServer server;
    UdpCapitalizeClient client;
};

TEST_F(UdpCapitalizeClientTest, EachMessageIsOneDatagramAndEachReplyComesWhole)
{
    startServer();
    EventLog log(client);
    Outcome outcome(client);
    client.start(QStringLiteral("127.0.0.1"), server.port());
    const qint64 first = client.send("one");
    const qint64 second = client.send("two\n");
    const qint64 third = client.send("stra\xc3\x9f" "e");
    ASSERT_TRUE(waitUntil([&outcome] { return outcome.settled() == 3; }));
    EXPECT_EQ(outcome.replies, (QList<QByteArray>{"ONE", "TWO\n", "STRASSE"}));
    EXPECT_EQ(outcome.answeredIds, (QList<qint64>{first, second, third}));
    EXPECT_TRUE(outcome.unansweredIds.isEmpty());
    const std::vector<Kind> expected{Kind::Socket,   Kind::SendTo, Kind::RecvFrom,
                                     Kind::SendTo,   Kind::RecvFrom, Kind::SendTo,
                                     Kind::RecvFrom};
    EXPECT_EQ(log.kinds(), expected) << "no connect() unless asked: the textbook's client";
    const SocketEvent read = log.ofKind(Kind::RecvFrom).front();
    EXPECT_EQ(read.size, 2048);
    EXPECT_EQ(read.peer, (Endpoint{"127.0.0.1", server.port()}));
    EXPECT_EQ(log.ofKind(Kind::SendTo).front().peer, read.peer);
}

TEST_F(UdpCapitalizeClientTest, APeerThatDoesNotAnswerIsSaidPlainly)
{
    RawUdpPeer silent; // receives, never answers
    EventLog log(client);
    Outcome outcome(client);
    client.setReplyTimeout(50);
    client.start(QStringLiteral("127.0.0.1"), silent.port());
    const qint64 id = client.send("anyone there?");
    ASSERT_TRUE(waitUntil([&outcome] { return outcome.settled() == 1; }));
    ASSERT_EQ(outcome.unansweredIds, QList<qint64>{id});
    const SocketEvent why = outcome.unansweredWhy.first();
    EXPECT_EQ(why.kind, Kind::RecvFrom);
    EXPECT_EQ(why.failure.kind, Failure::TimedOut);
    EXPECT_TRUE(SocketEventText::explanation(why).contains(NoRetry))
        << SocketEventText::explanation(why).toStdString();
    EXPECT_TRUE(silent.waitReceived(1)) << "the datagram did go out";
    EXPECT_EQ(log.kinds().back(), Kind::RecvFrom);
}

TEST_F(UdpCapitalizeClientTest, WithoutConnectANonListeningPortIsOnlyNoReply)
{
    Outcome outcome(client);
    client.setReplyTimeout(100);
    client.start(QStringLiteral("127.0.0.1"), unusedUdpPort());
    client.send("hello");
    ASSERT_TRUE(waitUntil([&outcome] { return outcome.settled() == 1; }));
    ASSERT_EQ(outcome.unansweredWhy.size(), 1);
    EXPECT_EQ(outcome.unansweredWhy.first().failure.kind, Failure::TimedOut)
        << "an unconnected UDP socket never hears of ICMP port unreachable";
}

TEST_F(UdpCapitalizeClientTest, AConnectedSocketShowsPortUnreachableAsRefused)
{
    EventLog log(client);
    Outcome outcome(client);
    client.setReplyTimeout(60000); // the refusal, not the timeout, must end the wait
    client.setConnectSocket(true);
    const quint16 port = unusedUdpPort();
    client.start(QStringLiteral("127.0.0.1"), port);
    client.send("hello");
    ASSERT_TRUE(waitUntil([&outcome] { return outcome.settled() == 1; }));
    ASSERT_EQ(outcome.unansweredWhy.size(), 1);
    const SocketEvent why = outcome.unansweredWhy.first();
    EXPECT_EQ(why.failure.kind, Failure::Refused);
    EXPECT_EQ(SocketEventText::result(why), QStringLiteral("failed: refused"));
    EXPECT_TRUE(SocketEventText::explanation(why).contains("port unreachable"));
    const std::vector<SocketEvent> connects = log.ofKind(Kind::Connect);
    ASSERT_EQ(connects.size(), 1u);
    EXPECT_TRUE(connects.front().datagram);
    EXPECT_EQ(connects.front().peer, (Endpoint{"127.0.0.1", port}));
}

TEST_F(UdpCapitalizeClientTest, AMessageLargerThanADatagramIsRefusedWholeNeverCut)
{
    RawUdpPeer peer;
    EventLog log(client);
    Outcome outcome(client);
    client.setReplyTimeout(50);
    client.start(QStringLiteral("127.0.0.1"), peer.port());
    const qint64 big = client.send(QByteArray(70000, 'x'));
    const qint64 small = client.send("after");
    ASSERT_TRUE(waitUntil([&outcome] { return outcome.settled() == 2; }));
    ASSERT_EQ(outcome.notSentIds, QList<qint64>{big});
    const SocketEvent why = outcome.notSentWhy.first();
    EXPECT_EQ(why.kind, Kind::SendTo);
    EXPECT_EQ(why.failure.kind, Failure::MessageTooLong);
    EXPECT_EQ(why.bytes, 70000);
    EXPECT_TRUE(SocketEventText::explanation(why).contains("EMSGSIZE"));
    EXPECT_EQ(outcome.unansweredIds, QList<qint64>{small}) << "the next message still goes";
    ASSERT_TRUE(peer.waitReceived(1));
    EXPECT_EQ(peer.receivedBytes(), QList<QByteArray>{"after"}) << "nothing of the big one";
}

TEST_F(UdpCapitalizeClientTest, IPv6AndDualStack)
{
    ServerOptions options = loopbackOptions();
    options.bindAddresses = {QHostAddress(QHostAddress::Any)};
    startServer(options);
    for (const QString &host : {QStringLiteral("::1"), QStringLiteral("127.0.0.1")}) {
        UdpCapitalizeClient each;
        EventLog log(each);
        Outcome outcome(each);
        each.start(host, server.port());
        each.send("hello " + host.toUtf8());
        ASSERT_TRUE(waitUntil([&outcome] { return outcome.settled() == 1; }));
        EXPECT_EQ(outcome.replies, QList<QByteArray>{"HELLO " + host.toUpper().toUtf8()});
        EXPECT_EQ(log.ofKind(Kind::Socket).front().ipv6, host.contains(':'));
    }
}

TEST_F(UdpCapitalizeClientTest, AReplyLongerThanTheReadSizeIsCutAndSaidSo)
{
    startServer();
    EventLog log(client);
    Outcome outcome(client);
    client.setReadSize(8);
    client.start(QStringLiteral("127.0.0.1"), server.port());
    client.send("twenty bytes exactly");
    ASSERT_TRUE(waitUntil([&outcome] { return outcome.settled() == 1; }));
    EXPECT_EQ(outcome.replies, QList<QByteArray>{"TWENTY B"});
    const SocketEvent read = log.ofKind(Kind::RecvFrom).front();
    EXPECT_TRUE(read.truncated());
    EXPECT_EQ(read.datagramBytes, 20);
}

TEST_F(UdpCapitalizeClientTest, AHostNameIsLookedUpFirst)
{
    ServerOptions options = loopbackOptions();
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHost),
                             QHostAddress(QHostAddress::LocalHostIPv6)};
    startServer(options);
    EventLog log(client);
    Outcome outcome(client);
    client.start(QStringLiteral("localhost"), server.port());
    client.send("by name");
    ASSERT_TRUE(waitUntil([&outcome] { return outcome.settled() == 1; }));
    EXPECT_EQ(outcome.replies, QList<QByteArray>{"BY NAME"});
    EXPECT_EQ(log.kinds().front(), Kind::Lookup);
}

} // namespace
