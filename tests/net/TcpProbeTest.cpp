#include "NetTestSupport.h"

#include "core/SocketEventText.h"
#include "net/CapitalizeClient.h"
#include "net/CapitalizeServer.h"
#include "net/CapitalizeSession.h"
#include "net/TcpProbe.h"
#include "net/TcpSampler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

// TCP beneath the calls, each scenario of the lecture reproduced on loopback and asserted from
// the probe's events. Linux only: elsewhere the probe is not available (the last tests).

namespace {

using Kind = SocketEvent::Kind;
using Moment = SocketEvent::TcpMoment;
using State = TcpInfo::State;

std::vector<SocketEvent> ofConnection(const EventLog &log, Kind kind, qint64 connectionId)
{
    std::vector<SocketEvent> found;
    for (const SocketEvent &event : log.ofKind(kind)) {
        if (event.connectionId == connectionId)
            found.push_back(event);
    }
    return found;
}

bool reached(const EventLog &log, State state, qint64 connectionId, bool afterClose = false)
{
    for (const SocketEvent &event : ofConnection(log, Kind::TcpState, connectionId)) {
        if (event.tcp.state == state && event.afterClose == afterClose)
            return true;
    }
    return false;
}

std::optional<SocketEvent> lastSample(const EventLog &log, qint64 connectionId)
{
    const std::vector<SocketEvent> samples = ofConnection(log, Kind::TcpQueues, connectionId);
    if (samples.empty())
        return std::nullopt;
    return samples.back();
}

#ifdef Q_OS_LINUX

class TcpProbeTest : public ::testing::Test
{
protected:
    void startServer(const ServerOptions &options = loopbackOptions())
    {
        server.setTcpProbe(TcpProbe::forThisSystem());
        ASSERT_TRUE(server.start(options)) << server.errorString().toStdString();
    }
    void connectClient()
    {
        client.setTcpProbe(TcpProbe::forThisSystem());
        client.connectToServer(QStringLiteral("127.0.0.1"), server.port());
        ASSERT_TRUE(waitUntil(
            [this] { return client.state() == CapitalizeClient::State::Connected; }, 10000));
    }

    CapitalizeServer server;
    EventLog serverLog{server};
    CapitalizeClient client;
    EventLog clientLog{client};
};

TEST_F(TcpProbeTest, ConnectingIsSynSentThenEstablished)
{
    startServer();
    connectClient();
    ASSERT_TRUE(waitUntil([this] { return reached(clientLog, State::Established, 1); }));
    const std::vector<SocketEvent> states = clientLog.ofKind(Kind::TcpState);
    ASSERT_FALSE(states.empty());
    EXPECT_TRUE(states.front().tcp.state == State::SynSent
                || states.front().tcp.state == State::Established)
        << SocketEventText::callAndResult(states.front()).toStdString();
    EXPECT_EQ(states.front().tcpFrom, State::Unknown);
    // The server's side of it: accepted, so established.
    ASSERT_TRUE(waitUntil([this] { return reached(serverLog, State::Established, 1); }));
}

TEST_F(TcpProbeTest, AReaderThatStopsMakesTheWritersUnsentBytesGrowToAPlateau)
{
    startServer();
    RawPeer peer(server.port());
    ASSERT_TRUE(peer.waitConnected());
    peer.setReading(false);
    peer.send(QByteArray(64 << 20, 'a')); // replies pile up: the peer never reads them
    CapitalizeSession *session = nullptr;
    ASSERT_TRUE(waitUntil([this, &session] {
        session = server.sessions().isEmpty() ? nullptr : server.sessions().first();
        return session && session->isReadingPaused();
    }));
    // The kernel took all it could (more waits in the program), nothing is in flight, and the
    // last sample is what the kernel holds now: the plateau.
    const auto probe = TcpProbe::forThisSystem();
    TcpStream *stream = session->findChild<TcpStream *>();
    ASSERT_NE(stream, nullptr);
    ASSERT_TRUE(waitUntil([&] {
        const std::optional<SocketEvent> last = lastSample(serverLog, 1);
        const std::optional<TcpInfo> now = probe->read(stream->descriptor());
        return last && now && last->tcpMoment() == Moment::Backpressure
            && now->unsent == last->tcp.unsent && now->unacked == 0
            && session->unsentBytes() > 0;
    }));
    const std::vector<SocketEvent> samples = ofConnection(serverLog, Kind::TcpQueues, 1);
    const auto most = std::max_element(samples.begin(), samples.end(),
                                       [](const SocketEvent &a, const SocketEvent &b) {
                                           return a.tcp.unsent < b.tcp.unsent;
                                       });
    EXPECT_GT(samples.back().tcp.unsent, 0);
    EXPECT_EQ(samples.back().tcp.unsent, most->tcp.unsent) << "it grew, then stayed";
    EXPECT_GT(samples.size(), 1u) << "it grew in steps";
}

// Pause recv(): no call is made on the connection, yet its receive buffer is seen filling.
TEST_F(TcpProbeTest, AServerThatPausesRecvSeesItsReceiveBufferFillWithoutACall)
{
    startServer();
    RawPeer peer(server.port());
    ASSERT_TRUE(peer.waitConnected());
    ASSERT_TRUE(waitUntil([this] { return server.sessions().size() == 1; }));
    server.setPauseReading(true);
    peer.send(QByteArray(100000, 'a'));
    ASSERT_TRUE(waitUntil([this] {
        const std::optional<SocketEvent> last = lastSample(serverLog, 1);
        return last && last->tcp.unread > 0;
    })) << "the probe read the paused connection";
    EXPECT_TRUE(ofConnection(serverLog, Kind::Recv, 1).empty()) << "no recv() was called";
    EXPECT_EQ(lastSample(serverLog, 1)->tcpMoment(), Moment::WaitingToBeRead);
}

TEST_F(TcpProbeTest, APeersHalfCloseGivesCloseWait)
{
    startServer();
    RawPeer peer(server.port());
    peer.send("hello\n");
    ASSERT_TRUE(peer.waitReceived(6));
    EXPECT_FALSE(reached(serverLog, State::CloseWait, 1));
    peer.finishSending();
    ASSERT_TRUE(waitUntil([this] { return reached(serverLog, State::CloseWait, 1); }));
    const std::vector<SocketEvent> states = ofConnection(serverLog, Kind::TcpState, 1);
    const auto closeWait = std::find_if(states.begin(), states.end(), [](const SocketEvent &e) {
        return e.tcp.state == State::CloseWait;
    });
    EXPECT_EQ(closeWait->tcpFrom, State::Established);
}

// LISTEN's time is listen()'s: the listening socket is read right after the call, not first
// when a client comes (a student would read "it began listening when the client came").
TEST_F(TcpProbeTest, TheListeningSocketIsReadRightAfterListenBeforeAnyClient)
{
    startServer();
    const std::vector<SocketEvent> &events = serverLog.events();
    const auto listen = std::find_if(events.begin(), events.end(), [](const SocketEvent &e) {
        return e.kind == Kind::Listen;
    });
    ASSERT_TRUE(listen != events.end());
    ASSERT_TRUE(listen + 1 != events.end()) << "nothing after listen()";
    const SocketEvent reading = *(listen + 1); // a copy: the log grows below
    EXPECT_EQ(reading.kind, Kind::TcpQueues) << SocketEventText::callAndResult(reading)
                                                    .toStdString();
    EXPECT_EQ(reading.connectionId, 0);
    EXPECT_EQ(reading.tcp.state, State::Listen);
    EXPECT_GE(reading.timeUs, listen->timeUs);

    connectClient(); // the client's arrival reads the accept queue again, a later time
    ASSERT_TRUE(waitUntil([this] { return !serverLog.ofKind(Kind::Accept).empty(); }));
    EXPECT_LE(reading.timeUs, serverLog.ofKind(Kind::Accept).front().timeUs);
}

TEST_F(TcpProbeTest, CloseOnTheActiveSideGivesTimeWaitFoundByItsEndpoints)
{
    startServer();
    connectClient();
    client.send("hello\n");
    ASSERT_TRUE(waitUntil([this] { return !clientLog.ofKind(Kind::Recv).empty(); }));
    client.disconnectFromServer(); // close() first: the client is the active side
    ASSERT_TRUE(waitUntil([this] { return reached(clientLog, State::TimeWait, 1, true); }));
    // The server, the passive side, goes through LAST_ACK to CLOSED, before or after its
    // close(); never TIME_WAIT.
    ASSERT_TRUE(waitUntil([this] {
        return reached(serverLog, State::Closed, 1, true)
            || reached(serverLog, State::Closed, 1, false);
    }));
    EXPECT_TRUE(reached(serverLog, State::CloseWait, 1));
    EXPECT_FALSE(reached(serverLog, State::TimeWait, 1, true));
}

// Linux leaves a socket that reached TIME_WAIT reading CLOSED through its descriptor (a
// small "timewait" record takes its place); the probe still says FIN_WAIT2 -> TIME_WAIT, as
// TCP's state diagram does, never CLOSED on the way.
TEST_F(TcpProbeTest, AHalfClosedClientGoesFromFinWaitToTimeWaitNotThroughClosed)
{
    startServer();
    connectClient();
    client.send("hello\n");
    client.finishSending(); // shutdown(SHUT_WR): the server replies, then closes its side
    ASSERT_TRUE(waitUntil([this] { return reached(clientLog, State::TimeWait, 1, false)
                                          || reached(clientLog, State::TimeWait, 1, true); }));
    const std::vector<SocketEvent> states = ofConnection(clientLog, Kind::TcpState, 1);
    const auto timeWait = std::find_if(states.begin(), states.end(), [](const SocketEvent &e) {
        return e.tcp.state == State::TimeWait;
    });
    ASSERT_NE(timeWait, states.end());
    EXPECT_TRUE(timeWait->tcpFrom == State::FinWait2 || timeWait->tcpFrom == State::FinWait1)
        << SocketEventText::callAndResult(*timeWait).toStdString();
    for (auto state = states.begin(); state != timeWait; ++state)
        EXPECT_NE(state->tcp.state, State::Closed)
            << SocketEventText::callAndResult(*state).toStdString();
}

TEST_F(TcpProbeTest, BindingAgainWithoutReuseAddressFailsWhileTimeWaitLastsAndWorksWithIt)
{
    ServerOptions options = loopbackOptions();
    options.closeAfterFirstReply = true; // the server closes first: its side gets TIME_WAIT
    startServer(options);
    const quint16 port = server.port();
    {
        RawPeer peer(port);
        peer.send("hello\n");
        ASSERT_TRUE(peer.waitEnded());
        peer.finishSending();
        // Read through the socket as the peer's FIN came, or found by its endpoints after.
        ASSERT_TRUE(waitUntil([this] {
            return reached(serverLog, State::TimeWait, 1, true)
                || reached(serverLog, State::TimeWait, 1, false);
        }));
    }
    server.stop();
    ASSERT_FALSE(server.isListening());

    options.port = port;
    options.reuseAddress = false;
    CapitalizeServer withoutReuse;
    EventLog withoutLog(withoutReuse);
    EXPECT_FALSE(withoutReuse.start(options));
    EXPECT_TRUE(withoutReuse.errorString().contains("TIME_WAIT"))
        << withoutReuse.errorString().toStdString();
    ASSERT_EQ(withoutLog.ofKind(Kind::Bind).size(), 1u);
    EXPECT_EQ(withoutLog.ofKind(Kind::Bind)[0].failure.kind, SocketFailure::Kind::AddressInUse);
    EXPECT_FALSE(withoutLog.ofKind(Kind::Bind)[0].reuseAddressSet);
    EXPECT_TRUE(withoutLog.ofKind(Kind::ReuseAddress).empty()) << "no setsockopt() was made";

    options.reuseAddress = true;
    CapitalizeServer withReuse;
    EXPECT_TRUE(withReuse.start(options)) << withReuse.errorString().toStdString();
}

TEST_F(TcpProbeTest, AServerWithoutReuseAddressServesAsAnyOther)
{
    ServerOptions options = loopbackOptions();
    options.reuseAddress = false;
    startServer(options);
    RawPeer peer(server.port());
    peer.send("hello\n");
    ASSERT_TRUE(peer.waitReceived(6));
    EXPECT_EQ(peer.received(), QByteArray("HELLO\n"));
}

TEST_F(TcpProbeTest, BothSidesIdleGivesBothWaiting)
{
    startServer();
    connectClient();
    client.send("hello\n");
    ASSERT_TRUE(waitUntil([this] { return !clientLog.ofKind(Kind::Recv).empty(); }));
    const auto bothWaiting = [](const EventLog &log, qint64 id) {
        const std::optional<SocketEvent> last = lastSample(log, id);
        return last && last->tcpMoment() == Moment::BothWaiting;
    };
    ASSERT_TRUE(waitUntil([&] { return bothWaiting(clientLog, 1) && bothWaiting(serverLog, 1); }));
}

#endif // Q_OS_LINUX

// --- an unsupported system, and the sampler's rules, with a fake probe ----------------------

// A probe that tells what the test sets, and counts how often it is asked.
class FakeProbe : public TcpProbe
{
public:
    bool isAvailable() const override { return true; }
    std::optional<TcpInfo> read(qintptr) const override
    {
        ++reads;
        return reading;
    }
    std::optional<TcpInfo> find(const Endpoint &, const Endpoint &) const override
    {
        ++finds;
        return lingering;
    }

    TcpInfo reading;
    std::optional<TcpInfo> lingering;
    mutable int reads = 0;
    mutable int finds = 0;
};

TEST(TcpProbeDegradesTest, AnUnsupportedSystemSaysSoOnceAndEverythingElseWorks)
{
    CapitalizeServer server;
    ASSERT_TRUE(server.start(loopbackOptions()));
    CapitalizeClient client;
    EventLog log(client);
    client.setTcpProbe(std::make_shared<UnavailableTcpProbe>());
    QByteArray replies;
    QObject::connect(&client, &CapitalizeClient::dataReceived, &client,
                     [&replies](const QByteArray &chunk) { replies += chunk; });
    client.connectToServer(QStringLiteral("127.0.0.1"), server.port());
    client.send("hello\n");
    client.send("again\n");
    ASSERT_TRUE(waitUntil([&replies] { return replies == "HELLO\nAGAIN\n"; }));
    client.disconnectFromServer();
    EXPECT_EQ(log.ofKind(Kind::TcpUnavailable).size(), 1u);
    EXPECT_TRUE(log.ofKind(Kind::TcpState).empty());
    EXPECT_TRUE(log.ofKind(Kind::TcpQueues).empty());
    EXPECT_EQ(log.ofKind(Kind::Send).size(), 2u);
}

TEST(TcpProbeDegradesTest, TheSamplerReportsOnlyChangesAndStopsLookingWhenNothingIsHeld)
{
    auto probe = std::make_shared<FakeProbe>();
    TcpSampler sampler(SocketSide::Client, probe);
    std::vector<SocketEvent> events;
    QObject::connect(&sampler, &TcpSampler::socketEvent, &sampler,
                     [&events](const SocketEvent &event) { events.push_back(event); });
    QTcpServer listener; // a connection the kernel completes: only its descriptor is read
    ASSERT_TRUE(listener.listen(QHostAddress::LocalHost, 0));
    TcpStream stream(QHostAddress::LocalHost, listener.serverPort());

    probe->reading.state = State::Established;
    probe->reading.unacked = 1200;
    sampler.read(0, stream, true, true);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].kind, Kind::TcpState);
    EXPECT_EQ(events[1].kind, Kind::TcpQueues);
    EXPECT_EQ(events[1].tcpMoment(), Moment::StillInSendBuffer);
    EXPECT_TRUE(sampler.isSampling()) << "bytes in flight: looked at again on the timer";

    sampler.read(0, stream, false, true);
    EXPECT_EQ(events.size(), 2u) << "nothing changed, nothing reported";

    probe->reading.unacked = 0;
    ASSERT_TRUE(waitUntil([&events] { return events.size() == 3; }));
    EXPECT_EQ(events[2].tcpMoment(), Moment::BothWaiting);
    EXPECT_FALSE(sampler.isSampling()) << "idle: no timer";
    const int reads = probe->reads;
    QTest::qWait(3 * TcpSampler::IntervalMs);
    EXPECT_EQ(probe->reads, reads);
}

// A loss: the retransmission counter rose since the last reading. Said at once, with how many,
// even when the queues look the same as before.
TEST(TcpProbeDegradesTest, TheSamplerReportsSegmentsSentAgainSinceItsLastReading)
{
    auto probe = std::make_shared<FakeProbe>();
    TcpSampler sampler(SocketSide::Client, probe);
    std::vector<SocketEvent> events;
    QObject::connect(&sampler, &TcpSampler::socketEvent, &sampler,
                     [&events](const SocketEvent &event) { events.push_back(event); });
    QTcpServer listener;
    ASSERT_TRUE(listener.listen(QHostAddress::LocalHost, 0));
    TcpStream stream(QHostAddress::LocalHost, listener.serverPort());

    probe->reading.state = State::Established;
    probe->reading.unacked = 1200;
    probe->reading.retransmissions = 0;
    sampler.read(0, stream, true, true);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].retransmittedNow, 0);

    probe->reading.retransmissions = 3;
    sampler.read(0, stream, false, true);
    ASSERT_EQ(events.size(), 3u) << "same queues, but segments were sent again";
    EXPECT_EQ(events[2].kind, Kind::TcpQueues);
    EXPECT_EQ(events[2].retransmittedNow, 3);
    EXPECT_EQ(events[2].tcpMoment(), Moment::Retransmitted);

    probe->reading.retransmissions = 4;
    sampler.read(0, stream, false, true);
    ASSERT_EQ(events.size(), 4u) << "a second loss in a row is news too";
    EXPECT_EQ(events[3].retransmittedNow, 1);

    sampler.read(0, stream, false, true);
    EXPECT_EQ(events.size(), 4u) << "nothing new, nothing reported";
}

// A window under a flood: at most one reading per connection within the gap after calls; a
// call within it is read by the timer instead, so no change goes unseen.
TEST(TcpProbeDegradesTest, WithAMinimumGapACallWithinItIsReadByTheTimer)
{
    auto probe = std::make_shared<FakeProbe>();
    TcpSampler sampler(SocketSide::Client, probe);
    sampler.setMinimumGap(60000); // longer than any test: every call after the first is within
    std::vector<SocketEvent> events;
    QObject::connect(&sampler, &TcpSampler::socketEvent, &sampler,
                     [&events](const SocketEvent &event) { events.push_back(event); });
    QTcpServer listener;
    ASSERT_TRUE(listener.listen(QHostAddress::LocalHost, 0));
    TcpStream stream(QHostAddress::LocalHost, listener.serverPort());

    probe->reading.state = State::Established;
    sampler.read(0, stream, false, true);
    EXPECT_EQ(probe->reads, 1) << "the first call after a quiet spell is read at once";
    ASSERT_EQ(events.size(), 2u);
    EXPECT_FALSE(sampler.isSampling());

    probe->reading.state = State::CloseWait;
    sampler.read(0, stream, false, true);
    sampler.read(0, stream, false, true);
    EXPECT_EQ(probe->reads, 1) << "within the gap: not read at the call";
    EXPECT_TRUE(sampler.isSampling()) << "the timer reads it";
    ASSERT_TRUE(waitUntil([&events] { return events.size() >= 3; }));
    EXPECT_EQ(events[2].kind, Kind::TcpState);
    EXPECT_EQ(events[2].tcp.state, State::CloseWait);
    ASSERT_TRUE(waitUntil([&sampler] { return !sampler.isSampling(); }))
        << "read, and nothing held: no timer";
}

TEST(TcpProbeDegradesTest, AClosedConnectionIsFollowedUntilTimeWait)
{
    auto probe = std::make_shared<FakeProbe>();
    TcpSampler sampler(SocketSide::Client, probe);
    std::vector<SocketEvent> events;
    QObject::connect(&sampler, &TcpSampler::socketEvent, &sampler,
                     [&events](const SocketEvent &event) { events.push_back(event); });
    QTcpServer listener;
    ASSERT_TRUE(listener.listen(QHostAddress::LocalHost, 0));
    TcpStream stream(QHostAddress::LocalHost, listener.serverPort());
    probe->reading.state = State::Established;
    sampler.read(0, stream, false, true);
    TcpInfo finWait;
    finWait.state = State::FinWait2;
    probe->lingering = finWait;
    stream.abort();
    sampler.followClosed(0, stream);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().tcp.state, State::FinWait2);
    EXPECT_TRUE(events.back().afterClose);
    EXPECT_TRUE(sampler.isSampling());
    TcpInfo timeWait;
    timeWait.state = State::TimeWait;
    probe->lingering = timeWait;
    ASSERT_TRUE(waitUntil([&events] { return events.back().tcp.state == State::TimeWait; }));
    EXPECT_EQ(events.back().tcpFrom, State::FinWait2);
    EXPECT_FALSE(sampler.isSampling()) << "TIME_WAIT's end is known: no need to watch it";
}

} // namespace
