#include "NetTestSupport.h"

#include "core/SocketEventText.h"
#include "core/TextEncoding.h"
#include "net/CapitalizeClient.h"

#include <gtest/gtest.h>

#ifdef Q_OS_UNIX
#  include <netinet/in.h>
#  include <sys/socket.h>
#  include <unistd.h>
#endif

namespace {

#ifdef Q_OS_UNIX
// A listener on 127.0.0.1 whose accept queue is full: it drops further connection attempts
// exactly as a firewall that drops packets does, without any packet leaving this machine.
class SilentListener
{
public:
    SilentListener()
    {
        m_descriptor = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address = {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_descriptor < 0
            || ::bind(m_descriptor, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
            || ::listen(m_descriptor, 0) != 0
            || ::getsockname(m_descriptor, reinterpret_cast<sockaddr *>(&address), &length)
                != 0) {
            return; // port() stays 0: the test fails on it
        }
        m_port = ntohs(address.sin_port);
        for (int i = 0; i < 3; ++i) // fill the queue
            m_fillers.push_back(std::make_unique<RawPeer>(m_port));
        QTest::qWait(200);
    }
    ~SilentListener()
    {
        m_fillers.clear();
        if (m_descriptor >= 0)
            ::close(m_descriptor);
    }

    quint16 port() const { return m_port; }

private:
    int m_descriptor = -1;
    quint16 m_port = 0;
    std::vector<std::unique_ptr<RawPeer>> m_fillers;
};
#endif

struct Reply
{
    qint64 messageId;
    QByteArray bytes;
    qint64 roundTripMicros;
};

class CapitalizeClientTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QObject::connect(&client, &CapitalizeClient::replyReceived, &client,
                         [this](qint64 id, const QByteArray &bytes, qint64 roundTrip) {
                             replies.push_back({id, bytes, roundTrip});
                         });
        QObject::connect(&client, &CapitalizeClient::failed, &client,
                         [this](const QString &message) { failure = message; });
        QObject::connect(&client, &CapitalizeClient::serverClosed, &client,
                         [this] { ++serverCloses; });
    }

    bool waitState(CapitalizeClient::State state, int timeoutMs = 10000)
    {
        return waitUntil([this, state] { return client.state() == state; }, timeoutMs);
    }

    CapitalizeServer server;
    CapitalizeClient client;
    std::vector<Reply> replies;
    QString failure;
    int serverCloses = 0;
};

TEST_F(CapitalizeClientTest, PairsEachReplyWithItsMessage)
{
    ASSERT_TRUE(server.start(loopbackOptions()));
    client.connectToServer(QStringLiteral("127.0.0.1"), server.port());
    ASSERT_TRUE(waitState(CapitalizeClient::State::Connected));
    EXPECT_EQ(client.peerAddress(), QHostAddress(QHostAddress::LocalHost));
    EXPECT_EQ(client.peerPort(), server.port());
    EXPECT_NE(client.localPort(), 0);
    EXPECT_GE(client.connectMicros(), 0);

    const qint64 first = client.send(TextEncoding::encode("I am hungry for 🌮", LineEnding::Lf));
    const qint64 second = client.send(TextEncoding::encode("straße", LineEnding::CrLf));
    const qint64 third = client.send(TextEncoding::encode(QString(), LineEnding::Lf));
    ASSERT_TRUE(waitUntil([this] { return replies.size() == 3; }, 5000));
    EXPECT_EQ(replies[0].messageId, first);
    EXPECT_EQ(replies[0].bytes, QStringLiteral("I AM HUNGRY FOR 🌮\n").toUtf8());
    EXPECT_EQ(replies[1].messageId, second);
    EXPECT_EQ(replies[1].bytes, QByteArray("STRASSE\r\n"));
    EXPECT_EQ(replies[2].messageId, third);
    EXPECT_EQ(replies[2].bytes, QByteArray("\n"));
    for (const Reply &reply : replies)
        EXPECT_GE(reply.roundTripMicros, 0);
    EXPECT_EQ(client.unansweredMessages(), 0);
}

TEST_F(CapitalizeClientTest, AReplySplitAcrossReadsIsOneReply)
{
    ServerOptions options = loopbackOptions();
    options.readSize = 3; // the server answers in 3-byte pieces
    ASSERT_TRUE(server.start(options));
    client.connectToServer(QStringLiteral("127.0.0.1"), server.port());
    const qint64 id = client.send("a longer line, cut in many reads\n");
    ASSERT_TRUE(waitUntil([this] { return !replies.empty(); }, 5000));
    ASSERT_EQ(replies.size(), 1u);
    EXPECT_EQ(replies[0].messageId, id);
    EXPECT_EQ(replies[0].bytes, QByteArray("A LONGER LINE, CUT IN MANY READS\n"));
}

TEST_F(CapitalizeClientTest, WithoutALineEndingEachReadIsShownAsItComes)
{
    ASSERT_TRUE(server.start(loopbackOptions()));
    client.connectToServer(QStringLiteral("127.0.0.1"), server.port());
    const qint64 id = client.send("no line end");
    ASSERT_TRUE(waitUntil([this] { return !replies.empty(); }, 5000));
    EXPECT_EQ(replies[0].messageId, id);
    EXPECT_EQ(replies[0].bytes, QByteArray("NO LINE END"));
    EXPECT_EQ(client.unansweredMessages(), 0); // nothing tells where such a reply ends
}

TEST_F(CapitalizeClientTest, SendingBeforeTheConnectionIsUpWaitsForIt)
{
    ASSERT_TRUE(server.start(loopbackOptions()));
    client.connectToServer(QStringLiteral("localhost"), server.port());
    client.send("early\n");
    ASSERT_TRUE(waitUntil([this] { return !replies.empty(); }, 5000))
        << failure.toStdString();
    EXPECT_EQ(replies[0].bytes, QByteArray("EARLY\n"));
    EXPECT_FALSE(client.resolvedAddresses().isEmpty());
}

TEST_F(CapitalizeClientTest, SaysWhenTheServerClosesAndReconnectsOnTheNextMessage)
{
    ServerOptions options = loopbackOptions();
    options.closeAfterFirstReply = true; // the lecture's one-shot server
    ASSERT_TRUE(server.start(options));
    client.connectToServer(QStringLiteral("127.0.0.1"), server.port());
    client.send("first\n");
    ASSERT_TRUE(waitState(CapitalizeClient::State::ClosedByServer));
    EXPECT_EQ(serverCloses, 1);
    ASSERT_EQ(replies.size(), 1u);
    EXPECT_EQ(replies[0].bytes, QByteArray("FIRST\n"));

    client.send("second\n");
    ASSERT_TRUE(waitUntil([this] { return replies.size() == 2; }, 5000));
    EXPECT_EQ(replies[1].bytes, QByteArray("SECOND\n"));
    ASSERT_TRUE(waitState(CapitalizeClient::State::ClosedByServer));
    EXPECT_EQ(serverCloses, 2);
}

// Each connection's calls name it, as a server's "#N" does: after a reconnect, the calls of
// the second are not read as more of the first.
TEST_F(CapitalizeClientTest, EachConnectionsCallsNameIt)
{
    ServerOptions options = loopbackOptions();
    options.closeAfterFirstReply = true; // the lecture's one-shot server: two connections
    ASSERT_TRUE(server.start(options));
    const EventLog log(client);
    client.connectToServer(QStringLiteral("127.0.0.1"), server.port());
    client.send("first\n");
    ASSERT_TRUE(waitState(CapitalizeClient::State::ClosedByServer));
    const size_t firstCalls = log.events().size();
    client.send("second\n");
    ASSERT_TRUE(waitState(CapitalizeClient::State::ClosedByServer));
    EXPECT_EQ(client.connectionId(), 2);

    ASSERT_GT(log.events().size(), firstCalls);
    for (size_t i = 0; i < log.events().size(); ++i) {
        const SocketEvent &event = log.events()[i];
        EXPECT_EQ(event.connectionId, i < firstCalls ? 1 : 2)
            << i << ": " << SocketEventText::callAndResult(event).toStdString();
    }
}

TEST_F(CapitalizeClientTest, FinishingSendingStillGetsEveryReply)
{
    ASSERT_TRUE(server.start(loopbackOptions()));
    client.connectToServer(QStringLiteral("127.0.0.1"), server.port());
    QByteArray received;
    QObject::connect(&client, &CapitalizeClient::dataReceived, &client,
                     [&received](const QByteArray &chunk) { received += chunk; });
    QByteArray all;
    for (int i = 0; i < 2000; ++i) {
        const QByteArray line = QByteArray::number(i) + " ß and 🌮\n";
        all += line;
        client.send(line);
    }
    client.finishSending();
    ASSERT_TRUE(waitState(CapitalizeClient::State::ClosedByServer));
    EXPECT_EQ(received, all.toUpper().replace("\xc3\x9f", "SS"));
    EXPECT_EQ(replies.size(), 2000u);
    EXPECT_EQ(client.unansweredMessages(), 0);
}

TEST_F(CapitalizeClientTest, ARefusedConnectionIsExplained)
{
    const quint16 port = unusedPort();
    client.connectToServer(QStringLiteral("127.0.0.1"), port);
    ASSERT_TRUE(waitState(CapitalizeClient::State::Failed));
    EXPECT_TRUE(failure.contains(QStringLiteral("refused"))) << failure.toStdString();
    EXPECT_TRUE(failure.contains(QStringLiteral("nothing is listening")))
        << failure.toStdString();
    EXPECT_TRUE(failure.contains(QStringLiteral("127.0.0.1:%1").arg(port)))
        << failure.toStdString();
}

#ifdef Q_OS_UNIX
TEST_F(CapitalizeClientTest, AConnectionWithNoAnswerTimesOutWithTheFirewallHint)
{
    const SilentListener silent;
    ASSERT_NE(silent.port(), 0);
    const quint16 port = silent.port();

    client.setConnectTimeout(700);
    client.connectToServer(QStringLiteral("127.0.0.1"), port);
    ASSERT_TRUE(waitState(CapitalizeClient::State::Failed, 5000));
    EXPECT_TRUE(failure.contains(QStringLiteral("No answer"))) << failure.toStdString();
    EXPECT_TRUE(failure.contains(QStringLiteral("firewall"))) << failure.toStdString();
    EXPECT_TRUE(failure.contains(QStringLiteral("0.7 s"))) << failure.toStdString();
}
#endif

TEST_F(CapitalizeClientTest, WhenOneFamilyIsRefusedTheOtherIsTried)
{
    ASSERT_TRUE(server.start(loopbackOptions())); // IPv4 only
    const EventLog log(client);
    client.connectToAddresses(QStringLiteral("localhost"),
                              {QHostAddress::LocalHostIPv6, QHostAddress::LocalHost},
                              server.port());
    ASSERT_TRUE(waitState(CapitalizeClient::State::Connected)) << failure;
    EXPECT_EQ(client.peerAddress(), QHostAddress(QHostAddress::LocalHost));
    const std::vector<SocketEvent> connects = log.ofKind(SocketEvent::Kind::Connect);
    ASSERT_EQ(connects.size(), 2u);
    EXPECT_EQ(connects[0].peer, Endpoint({"::1", server.port()}));
    EXPECT_EQ(connects[0].failure.kind, SocketFailure::Kind::Refused);
    EXPECT_NE(connects[0].failure.systemError, 0); // the system's own number, kept
    EXPECT_EQ(connects[1].peer, Endpoint({"127.0.0.1", server.port()}));
    EXPECT_FALSE(connects[1].failure.isFailure());
    const std::vector<SocketEvent> sockets = log.ofKind(SocketEvent::Kind::Socket);
    ASSERT_EQ(sockets.size(), 2u);
    EXPECT_TRUE(sockets[0].ipv6);
    EXPECT_FALSE(sockets[1].ipv6);
}

#ifdef Q_OS_UNIX
TEST_F(CapitalizeClientTest, AnAddressThatNeverAnswersCostsAQuarterSecondNotATimeout)
{
    // 127.0.0.1:P drops connections; [::1]:P has our server.
    const SilentListener silent;
    ASSERT_NE(silent.port(), 0);
    const quint16 port = silent.port();
    ServerOptions options = loopbackOptions();
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHostIPv6)};
    options.port = port;
    ASSERT_TRUE(server.start(options)) << server.errorString();

    client.setConnectTimeout(5000);
    QElapsedTimer clock;
    clock.start();
    client.connectToAddresses(QStringLiteral("localhost"),
                              {QHostAddress::LocalHost, QHostAddress::LocalHostIPv6}, port);
    ASSERT_TRUE(waitState(CapitalizeClient::State::Connected, 4000)) << failure;
    EXPECT_LT(clock.elapsed(), 2000);
    EXPECT_EQ(client.peerAddress(), QHostAddress(QHostAddress::LocalHostIPv6));
    client.send("quick\n");
    ASSERT_TRUE(waitUntil([this] { return !replies.empty(); }, 5000));
    EXPECT_EQ(replies[0].bytes, QByteArray("QUICK\n"));
}
#endif

TEST_F(CapitalizeClientTest, AFailureNamesEveryAddressTried)
{
    const quint16 port = unusedPort();
    client.connectToAddresses(QStringLiteral("localhost"),
                              {QHostAddress::LocalHostIPv6, QHostAddress::LocalHost}, port);
    ASSERT_TRUE(waitState(CapitalizeClient::State::Failed));
    const QString p = QString::number(port);
    EXPECT_TRUE(failure.contains(QStringLiteral("nothing is listening"))) << failure;
    EXPECT_TRUE(failure.contains(QStringLiteral("Tried 2 addresses of \"localhost\"")))
        << failure;
    EXPECT_TRUE(failure.contains(QStringLiteral("[::1]:%1 (IPv6): refused after").arg(p)))
        << failure;
    EXPECT_TRUE(failure.contains(QStringLiteral("127.0.0.1:%1 (IPv4): refused after").arg(p)))
        << failure;
}

TEST_F(CapitalizeClientTest, AResetIsToldApartFromAClose)
{
    // A server that resets the connection as soon as it hears anything.
    class ResettingServer : public QTcpServer
    {
    protected:
        void incomingConnection(qintptr descriptor) override
        {
            auto *stream = new TcpStream(descriptor, this);
            connect(stream, &TcpStream::readyToReceive, stream, [stream] {
                stream->receive(1);
                stream->abortWithReset();
            });
        }
    } resetting;
    ASSERT_TRUE(resetting.listen(QHostAddress::LocalHost, 0));
    const EventLog log(client);
    client.connectToServer(QStringLiteral("127.0.0.1"), resetting.serverPort());
    ASSERT_TRUE(waitState(CapitalizeClient::State::Connected));
    client.send("hello\n");
    ASSERT_TRUE(waitState(CapitalizeClient::State::Failed));
    EXPECT_TRUE(failure.contains(QStringLiteral("reset"))) << failure.toStdString();
    // It read 1 byte and reset with 5 unread, as a program closing with unread data does; the
    // lecture's recv(1024) would have read them all, so it is not offered as the reason.
    EXPECT_TRUE(failure.contains(QStringLiteral("before it answered any of the 6 bytes sent")))
        << failure.toStdString();
    EXPECT_TRUE(failure.contains(QStringLiteral("data still unread"))) << failure.toStdString();
    EXPECT_FALSE(failure.contains(QStringLiteral("recv(1024)"))) << failure.toStdString();
    EXPECT_EQ(serverCloses, 0);
    const std::vector<SocketEvent> &events = log.events();
    ASSERT_GE(events.size(), 2u);
    const SocketEvent &read = events[events.size() - 2];
    EXPECT_EQ(read.kind, SocketEvent::Kind::Recv);
    EXPECT_EQ(read.failure.kind, SocketFailure::Kind::Reset);
    EXPECT_NE(read.failure.systemError, 0);
    EXPECT_TRUE(read.isFailure());
    EXPECT_EQ(events.back().kind, SocketEvent::Kind::Close);
    EXPECT_EQ(events.back().closeReason, SocketEvent::CloseReason::Broken);
    EXPECT_EQ(events.back().failure.kind, SocketFailure::Kind::Reset);
}

TEST_F(CapitalizeClientTest, ConnectsOverIPv6)
{
    ServerOptions options = loopbackOptions();
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHostIPv6)};
    ASSERT_TRUE(server.start(options)) << server.errorString().toStdString();
    client.connectToServer(QStringLiteral("::1"), server.port());
    client.send("over six\n");
    ASSERT_TRUE(waitUntil([this] { return !replies.empty(); }, 5000));
    EXPECT_EQ(replies[0].bytes, QByteArray("OVER SIX\n"));
    EXPECT_EQ(client.peerAddress(), QHostAddress(QHostAddress::LocalHostIPv6));
}

TEST_F(CapitalizeClientTest, TellsWhatHappensAsTheLecturesCalls)
{
    using Kind = SocketEvent::Kind;
    ASSERT_TRUE(server.start(loopbackOptions()));
    const EventLog log(client);
    client.connectToServer(QStringLiteral("127.0.0.1"), server.port());
    client.send("hi");
    ASSERT_TRUE(waitUntil([this] { return !replies.empty(); }, 5000));
    const quint16 localPort = client.localPort();
    client.disconnectFromServer();
    EXPECT_EQ(client.state(), CapitalizeClient::State::Disconnected);

    ASSERT_EQ(log.kinds(), std::vector<Kind>({Kind::Socket, Kind::Connect, Kind::Send,
                                              Kind::Recv, Kind::Close}));
    const std::vector<SocketEvent> &events = log.events();
    EXPECT_FALSE(events[0].ipv6);
    EXPECT_EQ(events[1].peer, Endpoint({"127.0.0.1", server.port()}));
    EXPECT_EQ(events[1].local, Endpoint({"127.0.0.1", localPort}));
    EXPECT_EQ(events[1].durationUs, client.connectMicros());
    EXPECT_EQ(events[2].bytes, 2);
    EXPECT_EQ(events[3].size, 1024);
    EXPECT_EQ(events[3].bytes, 2);
    EXPECT_EQ(events[4].closeReason, SocketEvent::CloseReason::Disconnect);
    for (size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(events[i].side, SocketSide::Client) << i;
        EXPECT_EQ(events[i].connectionId, 1) << i; // its first connection
        EXPECT_FALSE(events[i].isFailure()) << i;
    }
}

TEST_F(CapitalizeClientTest, ANameIsLookedUpBeforeTheConnect)
{
    using Kind = SocketEvent::Kind;
    ASSERT_TRUE(server.start(loopbackOptions()));
    const EventLog log(client);
    client.connectToServer(QStringLiteral("localhost"), server.port());
    ASSERT_TRUE(waitState(CapitalizeClient::State::Connected)) << failure;
    const std::vector<SocketEvent> lookups = log.ofKind(Kind::Lookup);
    ASSERT_EQ(lookups.size(), 2u) << "asked, then answered";
    EXPECT_EQ(log.events().front().kind, Kind::Lookup);
    for (const SocketEvent &lookup : lookups)
        EXPECT_EQ(lookup.peer, Endpoint({"localhost", server.port()}));
    EXPECT_TRUE(lookups[0].addresses.isEmpty());
    EXPECT_TRUE(lookups[1].addresses.contains(QStringLiteral("127.0.0.1")))
        << lookups[1].addresses.join(' ');
    EXPECT_FALSE(lookups[1].isFailure());
}

} // namespace
