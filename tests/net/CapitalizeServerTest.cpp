#include "NetTestSupport.h"

#include "core/Utf8UpperCaser.h"
#include "net/CapitalizeServer.h"
#include "net/CapitalizeSession.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>

#include <algorithm>
#include <memory>
#include <random>
#include <vector>

namespace {

const QByteArray Taco = QByteArrayLiteral("I am hungry for \xf0\x9f\x8c\xae");
const QByteArray TacoUpper = QByteArrayLiteral("I AM HUNGRY FOR \xf0\x9f\x8c\xae");

// Text and damaged UTF-8 in random order: every kind of piece the upper-caser must handle.
QByteArray randomStream(std::mt19937 &random, int pieces)
{
    static const QByteArray kinds[] = {
        "hello ", "World! ", "stra\xc3\x9f" "e ", "\xf0\x9f\x8c\xae", "\xce\x90",
        "\xc5\x89", "\xef\xac\x81", "\xe6\x97\xa5\xe6\x9c\xac", "\n", "\r\n",
        "\xff", "\xfe", "\x80", "\xe2\x82", "\xf0\x9f", "\xc0\xaf", "\xed\xa0\x80",
    };
    std::uniform_int_distribution<size_t> pick(0, std::size(kinds) - 1);
    QByteArray stream;
    for (int i = 0; i < pieces; ++i)
        stream += kinds[pick(random)];
    return stream;
}

class CapitalizeServerTest : public ::testing::Test
{
protected:
    CapitalizeServer server;
};

TEST_F(CapitalizeServerTest, AnswersTheLecturesMessage)
{
    ASSERT_TRUE(server.start(loopbackOptions())) << server.errorString().toStdString();
    RawPeer peer(server.port());
    peer.send(Taco);
    ASSERT_TRUE(peer.waitReceived(TacoUpper.size()));
    EXPECT_EQ(peer.received(), TacoUpper);
}

// The server window's manual mode: the user types each reply, so what a client sends is read
// and told, but not answered by itself; a reply goes out as it was typed.
TEST_F(CapitalizeServerTest, InManualModeOnlyTheRepliesSentByHandGoOut)
{
    ServerOptions options = loopbackOptions();
    options.manualReplies = true;
    ASSERT_TRUE(server.start(options)) << server.errorString().toStdString();
    CapitalizeSession *session = nullptr;
    QByteArray heard, replied;
    QObject::connect(&server, &CapitalizeServer::clientConnected, &server,
                     [&](CapitalizeSession *connected) {
                         session = connected;
                         QObject::connect(session, &CapitalizeSession::received, &server,
                                          [&heard](const QByteArray &chunk) { heard += chunk; });
                         QObject::connect(session, &CapitalizeSession::replied, &server,
                                          [&replied](const QByteArray &bytes) {
                                              replied += bytes;
                                          });
                     });
    RawPeer peer(server.port());
    peer.send(Taco);
    ASSERT_TRUE(waitUntil([&heard] { return heard == Taco; }));

    ASSERT_TRUE(session->send("both parties can send\n"));
    ASSERT_TRUE(peer.waitReceived(22));
    // An automatic reply would have gone out as the taco was read, before this one.
    EXPECT_EQ(peer.received(), QByteArray("both parties can send\n"));
    EXPECT_EQ(replied, QByteArray("both parties can send\n"));
    EXPECT_EQ(session->bytesReceived(), Taco.size());

    peer.finishSending(); // the client is done: the server closes too
    EXPECT_TRUE(peer.waitEnded());
    EXPECT_EQ(peer.received(), QByteArray("both parties can send\n"));
}

// A teacher turns to replying by hand while clients are connected, and back.
TEST_F(CapitalizeServerTest, RepliesByHandCanBeTurnedOnAndOffWhileServing)
{
    ASSERT_TRUE(server.start(loopbackOptions())) << server.errorString().toStdString();
    RawPeer peer(server.port());
    peer.send("one ");
    ASSERT_TRUE(peer.waitReceived(4));
    server.setManualReplies(true);
    ASSERT_TRUE(server.options().manualReplies);
    peer.send("two ");
    ASSERT_TRUE(waitUntil([this] {
        return !server.sessions().isEmpty() && server.sessions().constFirst()->bytesReceived() == 8;
    }));
    ASSERT_TRUE(server.sessions().constFirst()->send("by hand "));
    server.setManualReplies(false);
    peer.send("three");
    ASSERT_TRUE(peer.waitReceived(4 + 8 + 5));
    EXPECT_EQ(peer.received(), QByteArray("ONE by hand THREE"));
    RawPeer newcomer(server.port()); // the choice holds for newcomers too
    newcomer.send("four");
    ASSERT_TRUE(newcomer.waitReceived(4));
    EXPECT_EQ(newcomer.received(), QByteArray("FOUR"));
}

TEST_F(CapitalizeServerTest, ServesManyClientsAtOnce)
{
    ASSERT_TRUE(server.start(loopbackOptions()));
    std::vector<std::unique_ptr<RawPeer>> peers;
    std::vector<QByteArray> sent;
    for (int i = 0; i < 60; ++i) {
        peers.push_back(std::make_unique<RawPeer>(server.port()));
        QByteArray message;
        for (int line = 0; line < 50; ++line)
            message += QStringLiteral("client %1 line %2: héllo wörld straße 🌮\n")
                           .arg(i)
                           .arg(line)
                           .toUtf8();
        sent.push_back(message);
        peers.back()->send(message);
        peers.back()->finishSending();
    }
    for (size_t i = 0; i < peers.size(); ++i) {
        ASSERT_TRUE(peers[i]->waitEnded()) << "client " << i;
        EXPECT_EQ(peers[i]->received(), Utf8UpperCaser::upperCased(sent[i])) << "client " << i;
    }
}

TEST_F(CapitalizeServerTest, AnyChunkingGivesTheSameReply)
{
    for (const unsigned seed : {1u, 2u, 3u, 4u, 5u, 6u}) {
        std::mt19937 random(seed);
        ServerOptions options = loopbackOptions();
        const qint64 readSizes[] = {1, 2, 3, 7, 1024};
        options.readSize = readSizes[seed % std::size(readSizes)];
        CapitalizeServer chunkServer;
        ASSERT_TRUE(chunkServer.start(options));

        const QByteArray stream = randomStream(random, 2000);
        RawPeer peer(chunkServer.port());
        ASSERT_TRUE(peer.waitConnected());
        std::uniform_int_distribution<qsizetype> pieceSize(1, 40);
        for (qsizetype at = 0; at < stream.size();) {
            const qsizetype size = std::min(pieceSize(random), stream.size() - at);
            peer.send(stream.mid(at, size));
            at += size;
            QCoreApplication::processEvents(); // let the pieces go out as separate writes
        }
        peer.finishSending();
        ASSERT_TRUE(peer.waitEnded()) << "seed " << seed;
        EXPECT_EQ(peer.received(), Utf8UpperCaser::upperCased(stream))
            << "seed " << seed << ", read size " << options.readSize;
    }
}

TEST_F(CapitalizeServerTest, HalfCloseGetsEveryByteOfALongReply)
{
    // 4 Mi "ß" (8 MiB) sent at once, then the client shuts down its sending side: every
    // reply byte must still come, as "S", before the server closes.
    ASSERT_TRUE(server.start(loopbackOptions()));
    QByteArray eszetts;
    for (int i = 0; i < 4 * 1024 * 1024; ++i)
        eszetts += "\xc3\x9f";
    RawPeer peer(server.port());
    peer.send(eszetts);
    peer.finishSending();
    ASSERT_TRUE(peer.waitEnded(30000));
    ASSERT_EQ(peer.received().size(), 8 * 1024 * 1024);
    EXPECT_EQ(peer.received().count('S'), 8 * 1024 * 1024);
}

TEST_F(CapitalizeServerTest, StopsReadingFromAClientThatDoesNotReadAndLosesNothing)
{
    ServerOptions options = loopbackOptions();
    options.readSize = 64 * 1024;
    options.maxUnsentReplyBytes = 256 * 1024;
    ASSERT_TRUE(server.start(options));
    CapitalizeSession *session = nullptr;
    QObject::connect(&server, &CapitalizeServer::clientConnected, &server,
                     [&session](CapitalizeSession *s) { session = s; });

    constexpr qsizetype Total = 48 * 1024 * 1024; // far more than the kernel's buffers hold
    QByteArray payload(Total, 'x');
    RawPeer peer(server.port());
    peer.setReading(false);
    peer.send(payload);
    ASSERT_TRUE(waitUntil([&session] { return session && session->isReadingPaused(); },
                                10000));

    // While the client does not read, the server holds a bounded amount and reads no further.
    const qint64 bound = options.maxUnsentReplyBytes + options.readSize * 3;
    const qint64 receivedWhenPaused = session->bytesReceived();
    for (int i = 0; i < 10; ++i) {
        QTest::qWait(30);
        EXPECT_LE(session->unsentBytes(), bound);
    }
    EXPECT_EQ(session->bytesReceived(), receivedWhenPaused);
    EXPECT_LT(session->bytesReceived(), Total);
    EXPECT_GT(peer.stream().bytesToSend(), 0); // the client is held back, not the server's memory

    peer.setReading(true);
    peer.finishSending();
    ASSERT_TRUE(peer.waitEnded(60000));
    ASSERT_EQ(peer.received().size(), Total);
    EXPECT_EQ(peer.received(), QByteArray(Total, 'X'));
}

TEST_F(CapitalizeServerTest, AClientThatResetsIsReportedAndOthersAreStillServed)
{
    const EventLog log(server);
    ASSERT_TRUE(server.start(loopbackOptions()));
    QString reason;
    QObject::connect(&server, &CapitalizeServer::clientDisconnected, &server,
                     [&reason](qint64, const QString &why) { reason = why; });
    {
        RawPeer rude(server.port());
        rude.setReading(false);
        ASSERT_TRUE(rude.waitConnected());
        rude.send(QByteArray(4 * 1024 * 1024, 'a'));
        ASSERT_TRUE(waitUntil([this] { return !server.sessions().isEmpty()
                                                 && server.sessions().first()->bytesReceived()
                                                     > 0; },
                                    5000));
        rude.stream().abortWithReset();
    }
    ASSERT_TRUE(waitUntil([&reason] { return !reason.isEmpty(); }, 5000));
    EXPECT_TRUE(reason.contains(QStringLiteral("reset"))) << reason.toStdString();
    const std::vector<SocketEvent> closes = log.ofKind(SocketEvent::Kind::Close);
    ASSERT_EQ(closes.size(), 1u);
    EXPECT_EQ(closes[0].closeReason, SocketEvent::CloseReason::Broken);
    EXPECT_EQ(closes[0].failure.kind, SocketFailure::Kind::Reset);
    EXPECT_NE(closes[0].failure.systemError, 0);

    RawPeer polite(server.port());
    polite.send("still there?");
    ASSERT_TRUE(polite.waitReceived(12));
    EXPECT_EQ(polite.received(), QByteArray("STILL THERE?"));
}

TEST_F(CapitalizeServerTest, RefusesClientsOverTheLimitClearly)
{
    ServerOptions options = loopbackOptions();
    options.maxClients = 2;
    const EventLog log(server);
    ASSERT_TRUE(server.start(options));
    QString refusedPeer;
    QObject::connect(&server, &CapitalizeServer::clientRefused, &server,
                     [&refusedPeer](const QString &peer, const QString &) { refusedPeer = peer; });
    RawPeer first(server.port());
    RawPeer second(server.port());
    ASSERT_TRUE(waitUntil([this] { return server.sessions().size() == 2; }, 5000));

    RawPeer third(server.port());
    third.send("me too\n");
    ASSERT_TRUE(third.waitEnded());
    EXPECT_EQ(third.received(), CapitalizeServer::refusalMessage(2));
    EXPECT_TRUE(third.received().contains("full"));
    EXPECT_FALSE(refusedPeer.isEmpty());
    const std::vector<SocketEvent> refusals = log.ofKind(SocketEvent::Kind::Refuse);
    ASSERT_EQ(refusals.size(), 1u);
    EXPECT_EQ(refusals[0].peer, Endpoint({"127.0.0.1", third.stream().localPort()}));
    EXPECT_EQ(refusals[0].limit, 2);
    EXPECT_TRUE(refusals[0].isFailure());

    first.send("one\n");
    second.send("two\n");
    ASSERT_TRUE(first.waitReceived(4));
    ASSERT_TRUE(second.waitReceived(4));
    EXPECT_EQ(first.received(), QByteArray("ONE\n"));
    EXPECT_EQ(second.received(), QByteArray("TWO\n"));
}

// One student's `while True: connect()` loop, or a slowloris: more idle connections than the
// limit must not keep a newcomer out, and a client that talks is never closed to make room.
TEST_F(CapitalizeServerTest, WhenFullANewcomerTakesThePlaceOfTheClientIdleLongestNeverAnActiveOne)
{
    ServerOptions options = loopbackOptions();
    options.maxClients = 10;
    options.idleBeforeMakingRoomMs = 300;
    const EventLog log(server);
    ASSERT_TRUE(server.start(options));
    RawPeer active(server.port());
    ASSERT_TRUE(active.waitConnected());
    QByteArray answered;
    const auto exchange = [&active, &answered] {
        active.send("ping\n");
        answered += "PING\n";
        return active.waitReceived(answered.size()) && active.received() == answered;
    };

    std::vector<std::unique_ptr<RawPeer>> crowd;
    for (int i = 0; i < 30; ++i)
        crowd.push_back(std::make_unique<RawPeer>(server.port()));
    const auto ended = [&crowd] {
        return std::count_if(crowd.begin(), crowd.end(),
                             [](const auto &peer) { return peer->ended(); });
    };
    ASSERT_TRUE(waitUntil([&ended] { return ended() == 21; }, 10000)) << ended();
    EXPECT_EQ(server.sessions().size(), 10); // the newest were refused: nobody was idle yet

    // Time passes: the active client goes on talking, the crowd says nothing.
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 2 * options.idleBeforeMakingRoomMs)
        ASSERT_TRUE(exchange());

    std::vector<std::unique_ptr<RawPeer>> newcomers;
    for (int i = 0; i < 3; ++i) {
        newcomers.push_back(std::make_unique<RawPeer>(server.port()));
        newcomers.back()->send("hello\n");
        ASSERT_TRUE(newcomers.back()->waitReceived(6)) << "newcomer " << i;
        EXPECT_EQ(newcomers.back()->received(), QByteArray("HELLO\n"));
        ASSERT_TRUE(exchange());
    }
    ASSERT_TRUE(waitUntil([&ended] { return ended() == 24; }, 10000)) << ended();
    EXPECT_FALSE(active.ended());
    int toldWhy = 0;
    for (const auto &peer : crowd)
        toldWhy += peer->received().contains("to make room") ? 1 : 0;
    EXPECT_EQ(toldWhy, 3);
    for (const auto &peer : crowd)
        peer->finishSending(); // as a client does that sees the end: the server closes at once
    const auto madeRoom = [&log] {
        const std::vector<SocketEvent> closes = log.ofKind(SocketEvent::Kind::Close);
        return std::count_if(closes.begin(), closes.end(), [](const SocketEvent &close) {
            return close.closeReason == SocketEvent::CloseReason::MadeRoom;
        });
    };
    EXPECT_TRUE(waitUntil([&madeRoom] { return madeRoom() == 3; }, 10000)) << madeRoom();
}

TEST_F(CapitalizeServerTest, APortInUseIsExplained)
{
    ASSERT_TRUE(server.start(loopbackOptions()));
    ServerOptions same = loopbackOptions();
    same.port = server.port();
    CapitalizeServer second;
    const EventLog log(second);
    EXPECT_FALSE(second.start(same));
    EXPECT_FALSE(second.isListening());
    const std::vector<SocketEvent> binds = log.ofKind(SocketEvent::Kind::Bind);
    ASSERT_EQ(binds.size(), 1u);
    EXPECT_EQ(binds[0].failure.kind, SocketFailure::Kind::AddressInUse);
    EXPECT_FALSE(binds[0].failure.systemText.isEmpty());
    EXPECT_TRUE(binds[0].isFailure());
    EXPECT_EQ(log.events().back().kind, SocketEvent::Kind::Bind) << "no listen() after it";
    EXPECT_TRUE(second.errorString().contains(QStringLiteral("already in use")))
        << second.errorString().toStdString();
    EXPECT_TRUE(second.errorString().contains(QString::number(server.port())));
}

TEST_F(CapitalizeServerTest, ALocalAddressThatIsNotOursIsExplained)
{
    ServerOptions options = loopbackOptions();
    options.bindAddresses = {QHostAddress(QStringLiteral("198.51.100.7"))}; // TEST-NET-2
    EXPECT_FALSE(server.start(options));
    EXPECT_TRUE(server.errorString().contains(QStringLiteral("does not belong")))
        << server.errorString().toStdString();
}

TEST_F(CapitalizeServerTest, ThisComputerOnlyListensOnIPv4AndIPv6Loopback)
{
    ServerOptions options = loopbackOptions();
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHost),
                             QHostAddress(QHostAddress::LocalHostIPv6)};
    ASSERT_TRUE(server.start(options)) << server.errorString().toStdString();
    EXPECT_EQ(server.listeningAddresses().size(), 2);
    RawPeer overIPv4(server.port(), QHostAddress::LocalHost);
    RawPeer overIPv6(server.port(), QHostAddress::LocalHostIPv6);
    overIPv4.send("four");
    overIPv6.send("six");
    ASSERT_TRUE(overIPv4.waitReceived(4));
    ASSERT_TRUE(overIPv6.waitReceived(3));
    EXPECT_EQ(overIPv4.received(), QByteArray("FOUR"));
    EXPECT_EQ(overIPv6.received(), QByteArray("SIX"));
}

TEST_F(CapitalizeServerTest, AllInterfacesTakesIPv4AndIPv6Clients)
{
    ServerOptions options = loopbackOptions();
    options.bindAddresses = {QHostAddress(QHostAddress::Any)};
    ASSERT_TRUE(server.start(options)) << server.errorString().toStdString();
    QStringList peers;
    QObject::connect(&server, &CapitalizeServer::clientConnected, &server,
                     [&peers](CapitalizeSession *session) { peers.append(session->peer()); });
    RawPeer overIPv4(server.port(), QHostAddress::LocalHost);
    RawPeer overIPv6(server.port(), QHostAddress::LocalHostIPv6);
    overIPv4.send("a");
    overIPv6.send("b");
    ASSERT_TRUE(overIPv4.waitReceived(1));
    ASSERT_TRUE(overIPv6.waitReceived(1));
    // IPv4 clients of the dual-stack socket show as plain IPv4, not ::ffff:127.0.0.1.
    EXPECT_TRUE(peers.filter(QStringLiteral("127.0.0.1:")).size() == 1) << peers.join(' ').toStdString();
    EXPECT_TRUE(peers.filter(QStringLiteral("[::1]:")).size() == 1) << peers.join(' ').toStdString();
}

TEST_F(CapitalizeServerTest, CloseAfterTheFirstReplyIsTheLecturesServer)
{
    ServerOptions options = loopbackOptions();
    options.closeAfterFirstReply = true;
    const EventLog log(server);
    ASSERT_TRUE(server.start(options));
    QString reason;
    QObject::connect(&server, &CapitalizeServer::clientDisconnected, &server,
                     [&reason](qint64, const QString &why) { reason = why; });
    RawPeer peer(server.port());
    peer.send(Taco);
    ASSERT_TRUE(peer.waitEnded());
    EXPECT_EQ(peer.received(), TacoUpper);
    // The server's FIN has come, so its side is said closed now, before the client's close.
    ASSERT_EQ(log.ofKind(SocketEvent::Kind::Shutdown).size(), 1u);
    EXPECT_EQ(log.ofKind(SocketEvent::Kind::Shutdown)[0].closeReason,
              SocketEvent::CloseReason::AfterFirstReply);
    EXPECT_TRUE(log.ofKind(SocketEvent::Kind::Close).empty());
    peer.finishSending(); // the lecture's client: sock.close() after its one recv()
    ASSERT_TRUE(waitUntil([&reason] { return !reason.isEmpty(); }, 2000));
    EXPECT_TRUE(reason.contains(QStringLiteral("first reply"))) << reason.toStdString();
    ASSERT_EQ(log.ofKind(SocketEvent::Kind::Close).size(), 1u);
    EXPECT_EQ(log.ofKind(SocketEvent::Kind::Close)[0].closeReason,
              SocketEvent::CloseReason::AfterFirstReply);
    EXPECT_TRUE(log.ofKind(SocketEvent::Kind::Close)[0].peerClosedAfter);

    RawPeer next(server.port()); // unlike the lecture's server, it goes on listening
    next.send("again");
    ASSERT_TRUE(next.waitEnded());
    EXPECT_EQ(next.received(), QByteArray("AGAIN"));
}

TEST_F(CapitalizeServerTest, StoppingEndsEveryConnectionAfterItsReplies)
{
    ASSERT_TRUE(server.start(loopbackOptions()));
    std::vector<std::unique_ptr<RawPeer>> peers;
    for (int i = 0; i < 10; ++i) {
        peers.push_back(std::make_unique<RawPeer>(server.port()));
        peers.back()->send(QByteArray(100000, 'q'));
    }
    ASSERT_TRUE(waitUntil([this] { return server.sessions().size() == 10; }, 5000));
    ASSERT_TRUE(waitUntil([&peers] { return peers.back()->received().size() > 0; }, 5000));
    bool stopped = false;
    QObject::connect(&server, &CapitalizeServer::stopped, &server, [&stopped] { stopped = true; });
    server.stop();
    EXPECT_FALSE(server.isListening());
    for (auto &peer : peers) {
        peer->finishSending(); // as a client does when the server has gone quiet
        ASSERT_TRUE(peer->waitEnded());
        // Whatever the server had read, it answered in full before closing.
        EXPECT_EQ(peer->received(), QByteArray(peer->received().size(), 'Q'));
        EXPECT_GT(peer->received().size(), 0);
    }
    EXPECT_TRUE(waitUntil([&stopped] { return stopped; }, 8000));
}

TEST_F(CapitalizeServerTest, TellsWhatHappensAsTheLecturesCalls)
{
    using Kind = SocketEvent::Kind;
    const EventLog log(server); // the sessions' events included
    ASSERT_TRUE(server.start(loopbackOptions()));
    RawPeer peer(server.port());
    ASSERT_TRUE(peer.waitConnected());
    peer.send(Taco);
    ASSERT_TRUE(peer.waitReceived(TacoUpper.size()));
    peer.finishSending();
    ASSERT_TRUE(peer.waitEnded());
    ASSERT_TRUE(waitUntil([&log] { return log.events().back().kind == Kind::Close; }, 5000));

    ASSERT_EQ(log.kinds(), std::vector<Kind>({Kind::Socket, Kind::ReuseAddress, Kind::Bind,
                                              Kind::Listen, Kind::Accept, Kind::Recv, Kind::Send,
                                              Kind::Recv, Kind::Close}));
    const std::vector<SocketEvent> &events = log.events();
    EXPECT_FALSE(events[0].ipv6);
    EXPECT_FALSE(events[0].dualStack);
    EXPECT_EQ(events[2].local, Endpoint({"127.0.0.1", 0})); // as asked: any port
    EXPECT_EQ(events[2].chosenPort, server.port());
    EXPECT_EQ(events[4].peer, Endpoint({"127.0.0.1", peer.stream().localPort()}));
    EXPECT_EQ(events[5].size, 1024);
    EXPECT_EQ(events[5].bytes, Taco.size());
    EXPECT_EQ(events[6].bytes, TacoUpper.size());
    EXPECT_EQ(events[7].bytes, 0); // the end of the stream
    EXPECT_EQ(events[8].closeReason, SocketEvent::CloseReason::PeerFinished);
    EXPECT_EQ(events[8].unansweredBytes, 0);
    const qint64 session = 1; // the server's first
    for (size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(events[i].side, SocketSide::Server) << i;
        EXPECT_EQ(events[i].connectionId, i < 4 ? 0 : session) << i; // 0: the listening socket
        EXPECT_FALSE(events[i].failure.isFailure()) << i;
        if (i > 0) {
            EXPECT_GE(events[i].timeUs, events[i - 1].timeUs) << i;
        }
    }
}

} // namespace
