#include "ProcessHelpers.h"
#include "QtPrinters.h"

#include "cli/CommandLine.h"
#include "net/ClientOptions.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

namespace {

struct Outcome
{
    CommandLine::Parsed parsed;
    CommandLine options;
};

Outcome parse(const QStringList &arguments)
{
    Outcome outcome;
    outcome.options.client.host = QStringLiteral("untouched");
    outcome.parsed = CommandLine::parse(QStringList{QStringLiteral("capsock")} + arguments,
                                        &outcome.options);
    return outcome;
}

// A bad argument: no run, exit code 2, and a message that contains every one of `words`.
void expectRejected(const QStringList &arguments, const QStringList &words)
{
    SCOPED_TRACE(arguments.join(QLatin1Char(' ')).toStdString());
    const Outcome outcome = parse(arguments);
    EXPECT_FALSE(outcome.parsed.run);
    EXPECT_EQ(outcome.parsed.exitCode, 2);
    for (const QString &word : words) {
        EXPECT_TRUE(outcome.parsed.output.contains(word))
            << "\"" << word.toStdString() << "\" missing from: "
            << outcome.parsed.output.toStdString();
    }
    EXPECT_EQ(outcome.options.client.host, QStringLiteral("untouched")) << "options were changed";
}

} // namespace

TEST(CommandLineTest, HelpPrintsUsageAndExitsZero)
{
    for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
        const Outcome outcome = parse({flag});
        EXPECT_FALSE(outcome.parsed.run) << flag.toStdString();
        EXPECT_EQ(outcome.parsed.exitCode, 0) << flag.toStdString();
        for (const char *word : {"Usage:", "--headless", "--server", "--client", "--bind",
                                 "--port", "--line-ending", "--hex", "--close-after-reply"}) {
            EXPECT_TRUE(outcome.parsed.output.contains(QLatin1String(word)))
                << word << " missing from the help of " << flag.toStdString() << ":\n"
                << outcome.parsed.output.toStdString();
        }
    }
}

TEST(CommandLineTest, VersionPrintsVersionAndExitsZero)
{
    const Outcome outcome = parse({QStringLiteral("--version")});
    EXPECT_FALSE(outcome.parsed.run);
    EXPECT_EQ(outcome.parsed.exitCode, 0);
    static const QRegularExpression version(QStringLiteral("^capsock \\d+\\.\\d+\\.\\d+\\n$"));
    EXPECT_TRUE(version.match(outcome.parsed.output).hasMatch())
        << outcome.parsed.output.toStdString();
}

TEST(CommandLineTest, UnknownOptionIsRejected)
{
    expectRejected({QStringLiteral("--frobnicate")}, {QStringLiteral("frobnicate")});
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--server"),
                    QStringLiteral("stray")},
                   {QStringLiteral("stray")});
}

TEST(CommandLineTest, BadPortIsRejected)
{
    for (const QString &port : {QStringLiteral("70000"), QStringLiteral("abc"),
                                QStringLiteral("-1"), QStringLiteral("")}) {
        expectRejected({QStringLiteral("--headless"), QStringLiteral("--server"),
                        QStringLiteral("--port"), port},
                       {QStringLiteral("--port"), QStringLiteral("0 to 65535")});
    }
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--server"),
                    QStringLiteral("--port")},
                   {QStringLiteral("port")}); // no value at all
}

TEST(CommandLineTest, BadBindIsRejected)
{
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--server"),
                    QStringLiteral("--bind"), QStringLiteral("nowhere")},
                   {QStringLiteral("--bind nowhere"), QStringLiteral("localhost")});
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--server"),
                    QStringLiteral("--bind"), QStringLiteral("300.1.2.3")},
                   {QStringLiteral("--bind 300.1.2.3")});
}

TEST(CommandLineTest, BadLineEndingIsRejected)
{
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--client"),
                    QStringLiteral("localhost"), QStringLiteral("--line-ending"),
                    QStringLiteral("cr")},
                   {QStringLiteral("--line-ending cr"), QStringLiteral("none, lf or crlf")});
}

TEST(CommandLineTest, TwoModesAreRejected)
{
    expectRejected({QStringLiteral("--server"), QStringLiteral("--client"),
                    QStringLiteral("localhost")},
                   {QStringLiteral("--server"), QStringLiteral("--client")});
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--server"),
                    QStringLiteral("--demo")},
                   {QStringLiteral("--server"), QStringLiteral("--demo")});
}

TEST(CommandLineTest, HeadlessWithoutModeIsRejected)
{
    expectRejected({QStringLiteral("--headless")},
                   {QStringLiteral("--headless"), QStringLiteral("--server"),
                    QStringLiteral("--client")});
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--demo")},
                   {QStringLiteral("--headless")});
}

TEST(CommandLineTest, SaveIsForTheHeadlessFrontEnds)
{
    expectRejected({QStringLiteral("--server"), QStringLiteral("--save"),
                    QStringLiteral("talk.pcapng")},
                   {QStringLiteral("--save needs --headless"),
                    QStringLiteral("File > Save conversation")});
    const Outcome outcome = parse({QStringLiteral("--headless"), QStringLiteral("--server"),
                                   QStringLiteral("--save"), QStringLiteral("talk.pcapng")});
    EXPECT_TRUE(outcome.parsed.run) << outcome.parsed.output.toStdString();
    EXPECT_EQ(outcome.options.savePath, QStringLiteral("talk.pcapng"));
}

TEST(CommandLineTest, InspectTakesAStreamAndRunsHeadlessToo)
{
    const Outcome outcome = parse({QStringLiteral("--headless"), QStringLiteral("--inspect"),
                                   QStringLiteral("lo.pcap"), QStringLiteral("--stream"),
                                   QStringLiteral("3")});
    EXPECT_TRUE(outcome.parsed.run) << outcome.parsed.output.toStdString();
    EXPECT_EQ(outcome.options.mode, CommandLine::Mode::Inspect);
    EXPECT_EQ(outcome.options.stream, 3);
    EXPECT_EQ(parse({QStringLiteral("--inspect"), QStringLiteral("f")}).options.stream, -1);
    expectRejected({QStringLiteral("--inspect"), QStringLiteral("lo.pcap"),
                    QStringLiteral("--stream"), QStringLiteral("-1")},
                   {QStringLiteral("--stream -1"), QStringLiteral("expected a stream number")});
}

TEST(CommandLineTest, ClientWithBracketedIpv6AndPort)
{
    const Outcome outcome = parse({QStringLiteral("--headless"), QStringLiteral("--client"),
                                   QStringLiteral("[::1]:6000")});
    ASSERT_TRUE(outcome.parsed.run) << outcome.parsed.output.toStdString();
    EXPECT_EQ(outcome.parsed.exitCode, 0);
    EXPECT_EQ(outcome.options.mode, CommandLine::Mode::Client);
    EXPECT_TRUE(outcome.options.headless);
    EXPECT_EQ(outcome.options.client.host, QStringLiteral("::1"));
    EXPECT_EQ(outcome.options.client.port, 6000);
}

TEST(CommandLineTest, ClientWithNameOnlyUsesTheLecturePort)
{
    const Outcome outcome = parse({QStringLiteral("--client"), QStringLiteral("localhost")});
    ASSERT_TRUE(outcome.parsed.run) << outcome.parsed.output.toStdString();
    EXPECT_EQ(outcome.options.mode, CommandLine::Mode::Client);
    EXPECT_FALSE(outcome.options.headless);
    EXPECT_EQ(outcome.options.client.host, QStringLiteral("localhost"));
    EXPECT_EQ(outcome.options.client.port, 5220);
    EXPECT_EQ(outcome.options.client.lineEnding, LineEnding::Lf);
}

TEST(CommandLineTest, ClientOptions)
{
    const Outcome outcome = parse({QStringLiteral("--headless"), QStringLiteral("--client"),
                                   QStringLiteral("192.0.2.7:5221"),
                                   QStringLiteral("--line-ending"), QStringLiteral("crlf"),
                                   QStringLiteral("--hex"), QStringLiteral("--timeout"),
                                   QStringLiteral("2.5"), QStringLiteral("--quiet")});
    ASSERT_TRUE(outcome.parsed.run) << outcome.parsed.output.toStdString();
    EXPECT_EQ(outcome.options.client.host, QStringLiteral("192.0.2.7"));
    EXPECT_EQ(outcome.options.client.port, 5221);
    EXPECT_EQ(outcome.options.client.lineEnding, LineEnding::CrLf);
    EXPECT_TRUE(outcome.options.hex);
    EXPECT_TRUE(outcome.options.quiet);
    EXPECT_EQ(outcome.options.client.connectTimeoutMs, 2500);

    const Outcome none = parse({QStringLiteral("--headless"), QStringLiteral("--client"),
                                QStringLiteral("h"), QStringLiteral("--line-ending"),
                                QStringLiteral("none")});
    ASSERT_TRUE(none.parsed.run) << none.parsed.output.toStdString();
    EXPECT_EQ(none.options.client.lineEnding, LineEnding::None);
}

TEST(CommandLineTest, AClientWithoutAPortTakesThePortOption)
{
    const Outcome outcome = parse({QStringLiteral("--client"), QStringLiteral("localhost"),
                                   QStringLiteral("--port"), QStringLiteral("6002")});
    ASSERT_TRUE(outcome.parsed.run) << outcome.parsed.output.toStdString();
    EXPECT_EQ(outcome.options.client.port, 6002);
    const Outcome named = parse({QStringLiteral("--client"), QStringLiteral("localhost:6003"),
                                 QStringLiteral("--port"), QStringLiteral("6002")});
    ASSERT_TRUE(named.parsed.run) << named.parsed.output.toStdString();
    EXPECT_EQ(named.options.client.port, 6003);
}

TEST(CommandLineTest, OfSeveralBadValuesTheOneTheHelpListsFirstIsNamed)
{
    const QStringList arguments{QStringLiteral("--headless"), QStringLiteral("--client"),
                                QStringLiteral("h"), QStringLiteral("--timeout"),
                                QStringLiteral("0"), QStringLiteral("--line-ending"),
                                QStringLiteral("cr"), QStringLiteral("--port"),
                                QStringLiteral("70000")};
    expectRejected(arguments, {QStringLiteral("--port 70000")});
    EXPECT_FALSE(parse(arguments).parsed.output.contains(QLatin1String("timeout")));
    // Which mode comes first: two modes, or --headless without one, before any value.
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--port"),
                    QStringLiteral("70000")},
                   {QStringLiteral("--headless needs")});
}

TEST(CommandLineTest, ClientPortZeroIsRejected)
{
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--client"),
                    QStringLiteral("host:0")},
                   {QStringLiteral("--client"), QStringLiteral("1 to 65535")});
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--client"),
                    QStringLiteral("host:99999")},
                   {QStringLiteral("host:99999"), QStringLiteral("1 to 65535")});
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--client"),
                    QStringLiteral("[::1:6000")},
                   {QStringLiteral("]")});
}

TEST(CommandLineTest, BindLocalhostIsBothLoopbacks)
{
    const Outcome outcome = parse({QStringLiteral("--headless"), QStringLiteral("--server"),
                                   QStringLiteral("--bind"), QStringLiteral("localhost"),
                                   QStringLiteral("--port"), QStringLiteral("0")});
    ASSERT_TRUE(outcome.parsed.run) << outcome.parsed.output.toStdString();
    EXPECT_EQ(outcome.options.mode, CommandLine::Mode::Server);
    EXPECT_EQ(outcome.options.server.port, 0);
    const QList<QHostAddress> expected{QHostAddress(QStringLiteral("127.0.0.1")),
                                       QHostAddress(QStringLiteral("::1"))};
    EXPECT_EQ(outcome.options.server.bindAddresses, expected);
}

TEST(CommandLineTest, ServerDefaultsAndOptions)
{
    const Outcome defaults = parse({QStringLiteral("--headless"), QStringLiteral("--server")});
    ASSERT_TRUE(defaults.parsed.run) << defaults.parsed.output.toStdString();
    EXPECT_EQ(defaults.options.server.port, 5220);
    EXPECT_EQ(defaults.options.server.bindAddresses,
              QList<QHostAddress>{QHostAddress(QHostAddress::Any)});
    EXPECT_EQ(defaults.options.server.readSize, 1024);
    EXPECT_FALSE(defaults.options.server.closeAfterFirstReply);
    EXPECT_TRUE(defaults.options.server.reuseAddress);
    EXPECT_FALSE(defaults.options.tcpInfo);

    const Outcome set = parse({QStringLiteral("--headless"), QStringLiteral("--server"),
                               QStringLiteral("--bind"), QStringLiteral("[::1]"),
                               QStringLiteral("--port"), QStringLiteral("6001"),
                               QStringLiteral("--read-size"), QStringLiteral("7"),
                               QStringLiteral("--max-clients"), QStringLiteral("3"),
                               QStringLiteral("--max-unsent"), QStringLiteral("4096"),
                               QStringLiteral("--close-after-reply"),
                               QStringLiteral("--no-reuse-address"),
                               QStringLiteral("--tcp-info")});
    ASSERT_TRUE(set.parsed.run) << set.parsed.output.toStdString();
    EXPECT_FALSE(set.options.server.reuseAddress);
    EXPECT_TRUE(set.options.tcpInfo);
    EXPECT_EQ(set.options.server.bindAddresses,
              QList<QHostAddress>{QHostAddress(QStringLiteral("::1"))});
    EXPECT_EQ(set.options.server.port, 6001);
    EXPECT_EQ(set.options.server.readSize, 7);
    EXPECT_EQ(set.options.server.maxClients, 3);
    EXPECT_EQ(set.options.server.maxUnsentReplyBytes, 4096);
    EXPECT_TRUE(set.options.server.closeAfterFirstReply);
}

// Each default has one home, the options types: the command line starts from them, and its
// help says them.
TEST(CommandLineTest, WithoutOptionsEveryValueIsTheOptionsTypesDefault)
{
    const ServerOptions server;
    const Outcome serving = parse({QStringLiteral("--headless"), QStringLiteral("--server")});
    ASSERT_TRUE(serving.parsed.run) << serving.parsed.output.toStdString();
    EXPECT_EQ(serving.options.server.bindAddresses, server.bindAddresses);
    EXPECT_EQ(serving.options.server.port, server.port);
    EXPECT_EQ(serving.options.server.readSize, server.readSize);
    EXPECT_EQ(serving.options.server.closeAfterFirstReply, server.closeAfterFirstReply);
    EXPECT_EQ(serving.options.server.maxClients, server.maxClients);
    EXPECT_EQ(serving.options.server.maxUnsentReplyBytes, server.maxUnsentReplyBytes);
    EXPECT_EQ(serving.options.server.reuseAddress, server.reuseAddress);

    const ClientOptions client;
    const Outcome connecting = parse({QStringLiteral("--headless"), QStringLiteral("--client"),
                                      QStringLiteral("localhost")});
    ASSERT_TRUE(connecting.parsed.run) << connecting.parsed.output.toStdString();
    EXPECT_EQ(connecting.options.client.port, client.port);
    EXPECT_EQ(connecting.options.client.lineEnding, client.lineEnding);
    EXPECT_EQ(connecting.options.client.connectTimeoutMs, client.connectTimeoutMs);

    const QString help = parse({QStringLiteral("--help")}).parsed.output;
    for (const QString &said :
         {QStringLiteral("default %1;").arg(server.port),
          QStringLiteral("recv(N) (default %1)").arg(server.readSize),
          QStringLiteral("as the system allows, up to %1)")
              .arg(ServerOptions::MostClientsByDefault),
          QStringLiteral("(default %1)").arg(server.maxUnsentReplyBytes),
          QStringLiteral("(default %1)").arg(client.connectTimeoutMs / 1000.0)}) {
        EXPECT_TRUE(help.simplified().contains(said)) << said << " missing from:\n" << help;
    }
}

TEST(CommandLineTest, QtsOwnOptionsAreLeftToQt)
{
    // Each is what QApplication takes out of the arguments when the window starts.
    const QStringList qtOptions{QStringLiteral("-style"),      QStringLiteral("Fusion"),
                                QStringLiteral("-platform"),   QStringLiteral("offscreen"),
                                QStringLiteral("-reverse"),    QStringLiteral("-stylesheet"),
                                QStringLiteral("x.qss"),       QStringLiteral("--style=Fusion"),
                                QStringLiteral("-qwindowtitle"), QStringLiteral("Lab 3")};
    const Outcome outcome = parse(qtOptions
                                  + QStringList{QStringLiteral("--client"),
                                                QStringLiteral("localhost:6000")});
    ASSERT_TRUE(outcome.parsed.run) << outcome.parsed.output.toStdString();
    EXPECT_EQ(outcome.options.mode, CommandLine::Mode::Client);
    EXPECT_EQ(outcome.options.client.host, QStringLiteral("localhost"));
    EXPECT_EQ(outcome.options.client.port, 6000);

    const Outcome help = parse({QStringLiteral("-style"), QStringLiteral("Fusion"),
                                QStringLiteral("--help")});
    EXPECT_FALSE(help.parsed.run);
    EXPECT_EQ(help.parsed.exitCode, 0) << help.parsed.output.toStdString();
    EXPECT_TRUE(help.parsed.output.contains(QLatin1String("-style"))) // Qt's, named in the help
        << help.parsed.output.toStdString();

    // Ours stay ours, and what is neither is still a bad argument.
    expectRejected({QStringLiteral("-style"), QStringLiteral("Fusion"),
                    QStringLiteral("--frobnicate")},
                   {QStringLiteral("frobnicate")});
    expectRejected({QStringLiteral("-reverse"), QStringLiteral("Fusion")},
                   {QStringLiteral("Fusion")});
}

class CommandLineBinaryTest : public ProcessTest
{};

TEST_F(CommandLineBinaryTest, BadArgumentExitsTwoWithMessageOnStderr)
{
    Child *binary = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--server"),
                                    QStringLiteral("--port"), QStringLiteral("70000")},
                        {});
    ASSERT_TRUE(binary->exitedNormally()) << binary->describe();
    EXPECT_EQ(binary->exitCode(), 2) << binary->describe();
    EXPECT_TRUE(binary->err.contains("--port 70000")) << binary->describe();
    EXPECT_TRUE(binary->out.isEmpty()) << binary->describe();
}

TEST_F(CommandLineBinaryTest, HelpAndVersionExitZeroOnStdout)
{
    Child *help = run(capsock(), {QStringLiteral("--help")}, {});
    ASSERT_TRUE(help->exitedNormally()) << help->describe();
    EXPECT_EQ(help->exitCode(), 0) << help->describe();
    EXPECT_TRUE(help->out.contains("--headless")) << help->describe();

    Child *version = run(capsock(), {QStringLiteral("--version")}, {});
    ASSERT_TRUE(version->exitedNormally()) << version->describe();
    EXPECT_EQ(version->exitCode(), 0) << version->describe();
    EXPECT_TRUE(version->out.startsWith("capsock ")) << version->describe();
}

// The real binary with no display at all: Qt's options must not make it need one to print its
// help or version, to reject a bad argument, or to serve headless.
class CommandLineWithoutDisplayTest : public ProcessTest
{
protected:
    void SetUp() override
    {
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            setChildEnvironment(QLatin1String(name), QString());
    }

    static QStringList qtOptions()
    {
        return {QStringLiteral("-platform"), QStringLiteral("offscreen"),
                QStringLiteral("-style"),    QStringLiteral("Fusion"),
                QStringLiteral("-reverse"),  QStringLiteral("-stylesheet"),
                QStringLiteral("x.qss")};
    }
};

TEST_F(CommandLineWithoutDisplayTest, HelpAndVersionWithQtsOptions)
{
    Child *help = run(capsock(), qtOptions() + QStringList{QStringLiteral("--help")}, {});
    ASSERT_TRUE(help->exitedNormally()) << help->describe();
    EXPECT_EQ(help->exitCode(), 0) << help->describe();
    EXPECT_TRUE(help->out.contains("--headless")) << help->describe();

    Child *version = run(capsock(), qtOptions() + QStringList{QStringLiteral("--version")}, {});
    ASSERT_TRUE(version->exitedNormally()) << version->describe();
    EXPECT_EQ(version->exitCode(), 0) << version->describe();
    EXPECT_TRUE(version->out.startsWith("capsock ")) << version->describe();
}

TEST_F(CommandLineWithoutDisplayTest, ABadArgumentBesideQtsOptionsExitsTwo)
{
    Child *binary = run(capsock(), qtOptions() + QStringList{QStringLiteral("--frobnicate")}, {});
    ASSERT_TRUE(binary->exitedNormally()) << binary->describe();
    EXPECT_EQ(binary->exitCode(), 2) << binary->describe();
    EXPECT_TRUE(binary->err.contains("frobnicate")) << binary->describe();
    EXPECT_FALSE(binary->err.contains("platform")) << binary->describe();
}

TEST_F(CommandLineWithoutDisplayTest, HeadlessServerWithQtsOptions)
{
    Child *server = nullptr;
    EXPECT_NE(startServer(qtOptions(), &server), 0);
}

// The window's way: QApplication takes -platform offscreen (no display needed then) and
// -style, and the inspector then says plainly that the file is not there.
TEST_F(CommandLineWithoutDisplayTest, TheWindowTakesQtsOptions)
{
    const QString missing = QStringLiteral(CAPSOCK_TESTS_DIR "/no-such-file");
    Child *binary = run(capsock(), qtOptions() + QStringList{QStringLiteral("--inspect"),
                                                            missing}, {});
    ASSERT_TRUE(binary->exitedNormally()) << binary->describe();
    EXPECT_EQ(binary->exitCode(), 1) << binary->describe();
    EXPECT_TRUE(binary->err.contains("no-such-file")) << binary->describe();
}

TEST(CommandLineTest, UdpPicksTheTextbooksTransportAndTcpBesideItServesBoth)
{
    const Outcome tcp = parse({QStringLiteral("--headless"), QStringLiteral("--server")});
    ASSERT_TRUE(tcp.parsed.run);
    EXPECT_TRUE(tcp.options.tcp);
    EXPECT_FALSE(tcp.options.udp);
    EXPECT_EQ(tcp.options.server.datagramSize, 2048);

    const Outcome udp = parse({QStringLiteral("--headless"), QStringLiteral("--server"),
                               QStringLiteral("--udp"), QStringLiteral("--datagram-size"),
                               QStringLiteral("16")});
    ASSERT_TRUE(udp.parsed.run) << udp.parsed.output.toStdString();
    EXPECT_FALSE(udp.options.tcp);
    EXPECT_TRUE(udp.options.udp);
    EXPECT_EQ(udp.options.server.datagramSize, 16);

    const Outcome both = parse({QStringLiteral("--headless"), QStringLiteral("--server"),
                                QStringLiteral("--tcp"), QStringLiteral("--udp")});
    ASSERT_TRUE(both.parsed.run) << both.parsed.output.toStdString();
    EXPECT_TRUE(both.options.tcp);
    EXPECT_TRUE(both.options.udp);

    const Outcome client = parse({QStringLiteral("--headless"), QStringLiteral("--client"),
                                  QStringLiteral("::1"), QStringLiteral("--udp"),
                                  QStringLiteral("--udp-connect")});
    ASSERT_TRUE(client.parsed.run) << client.parsed.output.toStdString();
    EXPECT_TRUE(client.options.udp);
    EXPECT_FALSE(client.options.tcp);
    EXPECT_TRUE(client.options.client.connectDatagramSocket);

    const QString help = parse({QStringLiteral("--help")}).parsed.output.simplified();
    EXPECT_TRUE(help.contains("recvfrom(N) (default 2048)")) << help.toStdString();
    EXPECT_TRUE(help.contains("--tcp --udp")) << help.toStdString();
}

TEST(CommandLineTest, UdpOpensTheWindowOverUdpAsServerClientOrDemo)
{
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("--server"), QStringLiteral("--udp")},
          QStringList{QStringLiteral("--client"), QStringLiteral("127.0.0.1"),
                      QStringLiteral("--udp"), QStringLiteral("--udp-connect")},
          QStringList{QStringLiteral("--demo"), QStringLiteral("--udp")},
          QStringList{QStringLiteral("--udp")}}) {
        const Outcome outcome = parse(arguments);
        ASSERT_TRUE(outcome.parsed.run)
            << arguments.join(' ').toStdString() << ": " << outcome.parsed.output.toStdString();
        EXPECT_FALSE(outcome.options.headless);
        EXPECT_TRUE(outcome.options.udp);
        EXPECT_FALSE(outcome.options.tcp);
    }
}

TEST(CommandLineTest, UdpChoicesThatCannotWorkAreRejected)
{
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--client"),
                    QStringLiteral("h"), QStringLiteral("--tcp"), QStringLiteral("--udp")},
                   {QStringLiteral("a client speaks one"), QStringLiteral("--tcp or --udp")});
    expectRejected({QStringLiteral("--server"), QStringLiteral("--tcp"), QStringLiteral("--udp")},
                   {QStringLiteral("one transport at a time"), QStringLiteral("--headless")});
    expectRejected({QStringLiteral("--inspect"), QStringLiteral("file"), QStringLiteral("--udp")},
                   {QStringLiteral("--inspect"), QStringLiteral("--udp")});
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--server"),
                    QStringLiteral("--udp"), QStringLiteral("--datagram-size"),
                    QStringLiteral("0")},
                   {QStringLiteral("--datagram-size 0"), QStringLiteral("1 to 65536")});
    expectRejected({QStringLiteral("--headless"), QStringLiteral("--client"),
                    QStringLiteral("h"), QStringLiteral("--udp-connect")},
                   {QStringLiteral("--udp-connect"), QStringLiteral("--udp")});
    // What only TCP has; --save writes datagrams too (tests/cli/SaveTest).
    for (const QString &tcpOnly : {QStringLiteral("--packets"), QStringLiteral("--tcp-info")}) {
        expectRejected({QStringLiteral("--headless"), QStringLiteral("--client"),
                        QStringLiteral("h"), QStringLiteral("--udp"), tcpOnly},
                       {tcpOnly + QStringLiteral(" is for TCP only")});
    }
    const Outcome saving = parse({QStringLiteral("--headless"), QStringLiteral("--server"),
                                  QStringLiteral("--udp"), QStringLiteral("--save"),
                                  QStringLiteral("talk.pcapng")});
    ASSERT_TRUE(saving.parsed.run) << saving.parsed.output.toStdString();
    EXPECT_EQ(saving.options.savePath, QStringLiteral("talk.pcapng"));
}
