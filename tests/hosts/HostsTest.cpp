#include "TestHosts.h"

#include "Tshark.h"
#include "cli/ProcessHelpers.h"
#include "cli/SegmentLines.h"
#include "net/AddressKind.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>

#include <unistd.h>

// Capsock across two hosts: the headless server in namespace A, clients in namespace B,
// joined by a veth pair (tests/hosts/TestHosts.h). Skipped, with the reason, where namespaces
// cannot be made (not root, no iproute2).

namespace {

const QByteArray Message = "hello from host b\n";

QString a4() { return QLatin1String(TestHosts::AddressA); }
QString a6() { return QLatin1String(TestHosts::Address6A); }

class HostsTest : public ProcessTest
{
protected:
    void SetUp() override
    {
        const QString why = hosts.create();
        if (!why.isEmpty())
            GTEST_SKIP() << "host tests skipped: " << why.toStdString();
    }

    void TearDown() override
    {
        ProcessTest::TearDown(); // the programs first: they keep a namespace alive
        hosts.destroy();
    }

    Child *startIn(const QString &host, const QString &program, const QStringList &arguments)
    {
        return start(TestHosts::ipTool(), TestHosts::inHost(host, program, arguments));
    }

    Child *runIn(const QString &host, const QString &program, const QStringList &arguments,
                 const QByteArray &input, int timeoutMs = 10000)
    {
        return run(TestHosts::ipTool(), TestHosts::inHost(host, program, arguments), input,
                   timeoutMs);
    }

    // The headless server in host A on a port the system chose; 0 (and a failure) when it
    // did not come up. Waits for its whole banner, so the address lines are there too.
    quint16 startServerOnA(const QString &bind, Child **server, const QStringList &more = {})
    {
        Child *child = startIn(hosts.nameA(), capsock(),
                               QStringList{QStringLiteral("--headless"),
                                           QStringLiteral("--server"), QStringLiteral("--bind"),
                                           bind, QStringLiteral("--port"), QStringLiteral("0")}
                                   + more);
        *server = child;
        if (!child->waitForOutput("Press Ctrl-C to stop.\n")) {
            ADD_FAILURE() << "the server in A did not start: " << child->describe();
            return 0;
        }
        static const QRegularExpression listening(
            QStringLiteral("^Capsock capitalization server listening on port (\\d+) \\("));
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(child->out));
        if (!match.hasMatch()) {
            ADD_FAILURE() << "unexpected banner: " << child->describe();
            return 0;
        }
        return match.captured(1).toUShort();
    }

    // Capsock's headless client in `host`, sending Message.
    Child *clientIn(const QString &host, const QString &target, int timeoutSeconds = 5)
    {
        return runIn(host, capsock(),
                     {QStringLiteral("--headless"), QStringLiteral("--client"), target,
                      QStringLiteral("--timeout"), QString::number(timeoutSeconds)},
                     Message, (timeoutSeconds + 10) * 1000);
    }

    // One line of the server's banner ("Other machines: ..."), without its label.
    static QString bannerLine(const Child *server, const QString &label)
    {
        for (const QString &line : QString::fromUtf8(server->out).split(QLatin1Char('\n'))) {
            if (line.startsWith(label))
                return line.mid(label.size());
        }
        return {};
    }

    // False (the test skipped) where nftables cannot be used: the caller returns at once.
    bool loadFirewallOnA(quint16 port, const QString &verdict)
    {
        return loadInputRulesOnA(QStringLiteral("tcp dport %1 %2").arg(port).arg(verdict));
    }

    // `rules`: the lines of host A's input chain.
    bool loadInputRulesOnA(const QString &rules)
    {
        const QString ruleset = QStringLiteral("table inet capsock_hosts_test {\n"
                                               "    chain input {\n"
                                               "        type filter hook input priority 0;\n"
                                               "        %1\n"
                                               "    }\n"
                                               "}\n")
                                    .arg(rules);
        const QString failure = hosts.loadFirewall(hosts.nameA(), ruleset);
        if (failure.isEmpty())
            return true;
        // GTEST_SKIP() here would only leave this function.
        [&] { GTEST_SKIP() << "firewall test skipped: " << failure.toStdString(); }();
        return false;
    }

    // Proves the path from B to the server works before a test breaks it on purpose, so a
    // failure afterwards is the firewall's doing.
    void expectReachableFromB(const QString &target)
    {
        Child *client = clientIn(hosts.nameB(), target);
        EXPECT_TRUE(client->exitedNormally() && client->exitCode() == 0) << client->describe();
        EXPECT_BYTES_EQ(pythonUpper(Message), client->out);
    }

    TestHosts hosts;
};

TEST_F(HostsTest, OurClientInBReachesTheServerInAByIPv4)
{
    Child *server = nullptr;
    const quint16 port = startServerOnA(QStringLiteral("all"), &server);
    ASSERT_NE(port, 0);
    Child *client = clientIn(hosts.nameB(), QStringLiteral("%1:%2").arg(a4()).arg(port));
    EXPECT_TRUE(client->exitedNormally() && client->exitCode() == 0) << client->describe();
    EXPECT_BYTES_EQ(pythonUpper(Message), client->out);
    // It crossed the veth pair: the server saw B's address, not a loopback one.
    EXPECT_TRUE(server->waitForOutput("connected from " + QByteArray(TestHosts::AddressB) + ":"))
        << server->describe();
}

TEST_F(HostsTest, OurClientInBReachesTheServerInAByIPv6)
{
    Child *server = nullptr;
    const quint16 port = startServerOnA(QStringLiteral("all"), &server);
    ASSERT_NE(port, 0);
    Child *client = clientIn(hosts.nameB(), QStringLiteral("[%1]:%2").arg(a6()).arg(port));
    EXPECT_TRUE(client->exitedNormally() && client->exitCode() == 0) << client->describe();
    EXPECT_BYTES_EQ(pythonUpper(Message), client->out);
    EXPECT_TRUE(server->waitForOutput("connected from [" + QByteArray(TestHosts::Address6B)
                                      + "]:"))
        << server->describe();
}

// The lecture's client creates an AF_INET socket, so IPv4 is the only way it can go.
TEST_F(HostsTest, LectureClientInBReachesTheServerInAByIPv4)
{
    Child *server = nullptr;
    const quint16 port = startServerOnA(QStringLiteral("all"), &server);
    ASSERT_NE(port, 0);
    const QByteArray line = Message.chopped(1); // it sends what input() returned: no newline
    Child *client = runIn(hosts.nameB(), python(),
                          {peerScript(QStringLiteral("lecture_client.py")),
                           QString::number(port), a4()},
                          Message);
    EXPECT_TRUE(client->exitedNormally() && client->exitCode() == 0) << client->describe();
    EXPECT_BYTES_EQ("Enter a string: " + pythonUpper(line) + "\n", client->out);
    EXPECT_TRUE(server->waitForOutput("connected from " + QByteArray(TestHosts::AddressB) + ":"))
        << server->describe();
}

TEST_F(HostsTest, ServerForThisComputerOnlyIsNotReachableFromB)
{
    Child *server = nullptr;
    const quint16 port = startServerOnA(QStringLiteral("localhost"), &server);
    ASSERT_NE(port, 0);

    // It does serve: a client in A itself gets its answer.
    Child *local = clientIn(hosts.nameA(), QStringLiteral("127.0.0.1:%1").arg(port));
    EXPECT_TRUE(local->exitedNormally() && local->exitCode() == 0) << local->describe();
    EXPECT_BYTES_EQ(pythonUpper(Message), local->out);

    // From B the connection fails, with one of the plain-words explanations.
    const QString target = QStringLiteral("%1:%2").arg(a4()).arg(port);
    Child *remote = clientIn(hosts.nameB(), target, 2);
    EXPECT_TRUE(remote->exitedNormally() && remote->exitCode() == 1) << remote->describe();
    EXPECT_TRUE(remote->out.isEmpty()) << remote->describe();
    const QByteArray refused = "Connection refused by " + target.toUtf8()
        + ": nothing is listening there";
    const QByteArray noAnswer = "No answer from " + target.toUtf8() + " after";
    EXPECT_TRUE(remote->err.contains(refused) || remote->err.contains(noAnswer))
        << remote->describe();
    EXPECT_FALSE(server->out.contains("connected from " + QByteArray(TestHosts::AddressB)))
        << server->describe();
}

TEST_F(HostsTest, ServerListsTheAddressesOfAForOtherMachinesAndNotLoopback)
{
    Child *server = nullptr;
    const quint16 port = startServerOnA(QStringLiteral("all"), &server);
    ASSERT_NE(port, 0);
    const QString others = bannerLine(server, QStringLiteral("Other machines: "));
    const QString here = bannerLine(server, QStringLiteral("This computer: "));
    const auto where = [](AddressKind::Kind kind) {
        return QStringLiteral(" (%1, %2)")
            .arg(AddressKind::name(kind), QLatin1String(TestHosts::InterfaceA));
    };
    EXPECT_TRUE(others.contains(QStringLiteral("%1:%2").arg(a4()).arg(port)
                                + where(AddressKind::Kind::Benchmarking)))
        << server->describe();
    EXPECT_TRUE(others.contains(QStringLiteral("[%1]:%2").arg(a6()).arg(port)
                                + where(AddressKind::Kind::PrivateNetwork)))
        << server->describe();
    EXPECT_FALSE(others.contains(QStringLiteral("127.0.0.1"))) << server->describe();
    EXPECT_FALSE(others.contains(QStringLiteral("[::1]"))) << server->describe();
    // Only A's own interfaces: B's addresses are another machine's.
    EXPECT_FALSE(others.contains(QLatin1String(TestHosts::AddressB))) << server->describe();
    EXPECT_FALSE(others.contains(QLatin1String(TestHosts::Address6B))) << server->describe();
    // Loopback is there, where it belongs.
    EXPECT_TRUE(here.contains(QStringLiteral("127.0.0.1:%1").arg(port))) << server->describe();
}

TEST_F(HostsTest, FirewallDroppingThePortMakesTheClientTimeOutWithTheFirewallHint)
{
    Child *server = nullptr;
    const quint16 port = startServerOnA(QStringLiteral("all"), &server);
    ASSERT_NE(port, 0);
    const QString target = QStringLiteral("%1:%2").arg(a4()).arg(port);
    expectReachableFromB(target);
    if (!loadFirewallOnA(port, QStringLiteral("drop")))
        return;

    constexpr int TimeoutSeconds = 2;
    QElapsedTimer clock;
    clock.start();
    Child *client = clientIn(hosts.nameB(), target, TimeoutSeconds);
    const qint64 elapsedMs = clock.elapsed();
    EXPECT_TRUE(client->exitedNormally() && client->exitCode() == 1) << client->describe();
    EXPECT_TRUE(client->err.contains("No answer from " + target.toUtf8() + " after"))
        << client->describe();
    EXPECT_TRUE(client->err.contains("firewall")) << client->describe();
    // It gave up at its connect timeout: not much before (Qt's coarse timers may fire 5%
    // early), and not much later (starting the process takes a fraction of a second; a hang
    // would take the run's full bound).
    EXPECT_GE(elapsedMs, TimeoutSeconds * 1000 * 9 / 10);
    EXPECT_LT(elapsedMs, TimeoutSeconds * 1000 + 2500);
}

TEST_F(HostsTest, FirewallRejectingThePortMakesTheClientSayRefused)
{
    Child *server = nullptr;
    const quint16 port = startServerOnA(QStringLiteral("all"), &server);
    ASSERT_NE(port, 0);
    const QString target = QStringLiteral("%1:%2").arg(a4()).arg(port);
    expectReachableFromB(target);
    if (!loadFirewallOnA(port, QStringLiteral("reject with tcp reset")))
        return;

    constexpr int TimeoutSeconds = 5;
    QElapsedTimer clock;
    clock.start();
    Child *client = clientIn(hosts.nameB(), target, TimeoutSeconds);
    const qint64 elapsedMs = clock.elapsed();
    EXPECT_TRUE(client->exitedNormally() && client->exitCode() == 1) << client->describe();
    EXPECT_TRUE(client->err.contains("Connection refused by " + target.toUtf8()))
        << client->describe();
    EXPECT_FALSE(client->err.contains("No answer")) << client->describe();
    EXPECT_LT(elapsedMs, TimeoutSeconds * 1000); // a reset answers at once
}

// A lossy link, made by host A's firewall dropping some of what B sends to the port. It drops
// by count (nftables' numgen inc), not at random, so every run loses the same packets:
// datagrams 1-3 of every 10 over UDP; every third packet over TCP, starting with the third
// (the first data after the handshake). UDP loses those messages: no reply, said so. TCP loses
// nothing: the kernel resends what was dropped, so every reply comes, only later.
constexpr int LossyMessages = 20;

QByteArray lossyInput()
{
    QByteArray input;
    for (int i = 1; i <= LossyMessages; ++i)
        input += "message " + QByteArray::number(i) + "\n";
    return input;
}

TEST_F(HostsTest, UdpOverALossyLinkLosesTheDroppedDatagramsAndSaysSo)
{
    Child *server = nullptr;
    const quint16 port = startServerOnA(QStringLiteral("all"), &server,
                                        {QStringLiteral("--tcp"), QStringLiteral("--udp")});
    ASSERT_NE(port, 0);
    if (!loadInputRulesOnA(QStringLiteral("udp dport %1 numgen inc mod 10 < 3 drop").arg(port)))
        return;
    Child *client = runIn(hosts.nameB(), capsock(),
                          {QStringLiteral("--headless"), QStringLiteral("--client"),
                           QStringLiteral("%1:%2").arg(a4()).arg(port), QStringLiteral("--udp"),
                           QStringLiteral("--timeout"), QStringLiteral("0.3")},
                          lossyInput(), 30000);
    EXPECT_TRUE(client->exitedNormally() && client->exitCode() == 1) << client->describe();
    QByteArray expected;
    QList<int> lost;
    for (int i = 1; i <= LossyMessages; ++i) {
        if ((i - 1) % 10 < 3)
            lost.append(i);
        else
            expected += "MESSAGE " + QByteArray::number(i) + "\n";
    }
    EXPECT_BYTES_EQ(expected, client->out);
    for (const int id : lost) {
        EXPECT_TRUE(client->err.contains("message " + QByteArray::number(id)
                                         + ": recvfrom(65536) -> no reply within"))
            << id << client->describe();
    }
    EXPECT_EQ(client->err.count("UDP does not retry"), lost.size()) << client->describe();
    EXPECT_EQ(server->out.count(" recvfrom(2048) -> "), LossyMessages - lost.size())
        << server->describe();
}

TEST_F(HostsTest, TcpOverTheSameLossyLinkDeliversEverythingByRetransmitting)
{
    Child *server = nullptr;
    const quint16 port = startServerOnA(QStringLiteral("all"), &server,
                                        {QStringLiteral("--tcp"), QStringLiteral("--udp")});
    ASSERT_NE(port, 0);
    if (!loadInputRulesOnA(QStringLiteral("tcp dport %1 numgen inc mod 3 == 2 drop").arg(port)))
        return;
    Child *client = runIn(hosts.nameB(), capsock(),
                          {QStringLiteral("--headless"), QStringLiteral("--client"),
                           QStringLiteral("%1:%2").arg(a4()).arg(port)},
                          lossyInput(), 60000);
    EXPECT_TRUE(client->exitedNormally() && client->exitCode() == 0) << client->describe();
    EXPECT_BYTES_EQ(pythonUpper(lossyInput()), client->out);
    // B's kernel resent what A's firewall dropped (the counters are per host).
    Child *counters = runIn(hosts.nameB(), QStringLiteral("nstat"),
                            {QStringLiteral("-asz"), QStringLiteral("TcpRetransSegs")}, {});
    ASSERT_TRUE(counters->exitedNormally() && counters->exitCode() == 0)
        << counters->describe();
    static const QRegularExpression retransmitted(QStringLiteral("TcpRetransSegs\\s+(\\d+)"));
    const QRegularExpressionMatch match = retransmitted.match(QString::fromUtf8(counters->out));
    ASSERT_TRUE(match.hasMatch()) << counters->describe();
    EXPECT_GT(match.captured(1).toInt(), 0) << counters->describe();
}

// The same lossy link, watched from beneath the calls: the client's TCP probe (--tcp-info)
// reads TCP_INFO's retransmission counter, and the log says when segments were sent again.
// The third packet B sends is the first data after the handshake, and A drops it: B's kernel
// must resend it, so at least one retransmission is certain.
TEST_F(HostsTest, TcpOverTheLossyLinkTheProbeShowsTheRetransmissionsInWords)
{
    Child *server = nullptr;
    const quint16 port = startServerOnA(QStringLiteral("all"), &server);
    ASSERT_NE(port, 0);
    if (!loadInputRulesOnA(QStringLiteral("tcp dport %1 numgen inc mod 3 == 2 drop").arg(port)))
        return;
    Child *client = runIn(hosts.nameB(), capsock(),
                          {QStringLiteral("--headless"), QStringLiteral("--client"),
                           QStringLiteral("%1:%2").arg(a4()).arg(port),
                           QStringLiteral("--tcp-info")},
                          lossyInput(), 60000);
    EXPECT_TRUE(client->exitedNormally() && client->exitCode() == 0) << client->describe();
    EXPECT_BYTES_EQ(pythonUpper(lossyInput()), client->out);
    static const QRegularExpression counter(QStringLiteral(" (\\d+) retransmitted"));
    int most = 0;
    for (auto match = counter.globalMatch(QString::fromUtf8(client->err)); match.hasNext();)
        most = std::max(most, match.next().captured(1).toInt());
    EXPECT_GT(most, 0) << client->describe();
    EXPECT_TRUE(client->err.contains(
        "just now: no acknowledgement came in time, so sent again)"))
        << client->describe();
}

// The window itself, as a student uses it on the second machine: tests/hosts/
// GuiClientInHost.cpp runs in host B (offscreen) and passes when its message came back.
TEST_F(HostsTest, GuiClientInBCompletesAMessageWithTheServerInA)
{
    Child *server = nullptr;
    const quint16 port = startServerOnA(QStringLiteral("all"), &server);
    ASSERT_NE(port, 0);
    const QByteArray typed = "grüße from host b"; // full case mapping: ß becomes SS
    Child *gui = runIn(hosts.nameB(), QStringLiteral("env"),
                       {QStringLiteral("CAPSOCK_HOSTS_SERVER=") + a4(),
                        QStringLiteral("CAPSOCK_HOSTS_MESSAGE=") + QString::fromUtf8(typed),
                        QStringLiteral("CAPSOCK_HOSTS_EXPECTED=")
                            + QString::fromUtf8(pythonUpper(typed)),
                        QStringLiteral("CAPSOCK_HOSTS_PORT=%1").arg(port),
                        QStringLiteral("QT_QPA_PLATFORM=offscreen"),
                        QStringLiteral(CAPSOCK_HOSTS_GUI_CLIENT)},
                       {}, 30000);
    EXPECT_TRUE(gui->exitedNormally() && gui->exitCode() == 0) << gui->describe();
    // Passed, and not skipped: it did run its one test.
    EXPECT_TRUE(gui->out.contains("[  PASSED  ] 1 test.")) << gui->describe();
    EXPECT_FALSE(gui->out.contains("SKIPPED")) << gui->describe();
    EXPECT_TRUE(server->waitForOutput("connected from " + QByteArray(TestHosts::AddressB) + ":"))
        << server->describe();
    EXPECT_TRUE(server->out.contains(" recv(1024) -> " + QByteArray::number(typed.size() + 1)
                                     + " bytes"))
        << server->describe();
}

} // namespace

TEST_F(HostsTest, OurClientInBShowsAndSavesTheHandshakeTheDataAndTheFinAcrossTheHosts)
{
    if (geteuid() != 0)
        GTEST_SKIP() << "capture test skipped: capturing needs root or CAP_NET_RAW";
    Child *server = nullptr;
    const quint16 port = startServerOnA(QStringLiteral("all"), &server);
    ASSERT_NE(port, 0);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("across.pcapng"));
    // No line ending (so the line goes without its "\n"): the client half-closes at the end
    // of input and waits for the server's close, so both FINs are captured before it ends.
    const QByteArray sent = Message.chopped(1);
    Child *client = runIn(hosts.nameB(), capsock(),
                          {QStringLiteral("--headless"), QStringLiteral("--client"),
                           QStringLiteral("%1:%2").arg(a4()).arg(port),
                           QStringLiteral("--packets"), QStringLiteral("--save"), file,
                           QStringLiteral("--line-ending"), QStringLiteral("none")},
                          sent);
    ASSERT_EQ(client->exitCode(), 0) << client->describe();
    const QByteArray reply = client->out;
    EXPECT_BYTES_EQ(pythonUpper(sent), reply);

    const std::vector<ShownSegment> shown = segmentsShown(client->err);
    ASSERT_GE(shown.size(), 6u) << client->describe();
    EXPECT_TRUE(shown[0].toServer && shown[0].flags == QLatin1String("SYN")) << client->describe();
    EXPECT_TRUE(!shown[1].toServer && shown[1].flags == QLatin1String("SYN/ACK"))
        << client->describe();
    EXPECT_TRUE(shown[2].toServer && shown[2].flags == QLatin1String("ACK")
                && shown[2].length == 0)
        << "the handshake ends before the first data\n" << client->describe();
    qint64 up = 0;
    qint64 down = 0;
    bool clientFin = false;
    bool serverFin = false;
    for (const ShownSegment &segment : shown) {
        (segment.toServer ? up : down) += segment.length;
        if (segment.flags.startsWith(QLatin1String("FIN")))
            (segment.toServer ? clientFin : serverFin) = true;
    }
    EXPECT_EQ(up, sent.size()) << client->describe();
    EXPECT_EQ(down, reply.size()) << client->describe();
    EXPECT_TRUE(clientFin && serverFin) << client->describe();

    // The real packets were saved: tshark follows them to the same bytes both ways.
    const Tshark::Followed followed = Tshark::follow(file, 0);
    ASSERT_TRUE(followed.ok) << "tshark cannot follow " << file.toStdString();
    EXPECT_BYTES_EQ(sent, followed.fromNode0);
    EXPECT_BYTES_EQ(reply, followed.fromNode1);
    EXPECT_TRUE(followed.node0.startsWith(QLatin1String(TestHosts::AddressB)))
        << followed.node0.toStdString();
}

TEST_F(HostsTest, OurClientInBShowsTheResetOfAPortNobodyListensOnInA)
{
    if (geteuid() != 0)
        GTEST_SKIP() << "capture test skipped: capturing needs root or CAP_NET_RAW";
    // Host A is new: nothing listens on any port in it, so its kernel answers with a reset.
    Child *client = runIn(hosts.nameB(), capsock(),
                          {QStringLiteral("--headless"), QStringLiteral("--client"),
                           QStringLiteral("%1:5220").arg(a4()), QStringLiteral("--packets")},
                          Message);
    EXPECT_EQ(client->exitCode(), 1) << client->describe();
    EXPECT_TRUE(client->err.contains("Connection refused")) << client->describe();
    const std::vector<ShownSegment> shown = segmentsShown(client->err);
    ASSERT_GE(shown.size(), 2u) << client->describe();
    EXPECT_TRUE(shown[0].toServer && shown[0].flags == QLatin1String("SYN")) << client->describe();
    EXPECT_TRUE(!shown[1].toServer && shown[1].flags.startsWith(QLatin1String("RST")))
        << client->describe();
}
