// --tcp-info and --no-reuse-address on the capsock binary: TCP's states and the kernel's queues
// logged beside the calls, and the "address already in use" a TIME_WAIT causes without
// SO_REUSEADDR (issue 13). Linux only: elsewhere the probe says it is not available.

#include "ProcessHelpers.h"

#include <gtest/gtest.h>

#ifdef Q_OS_LINUX

class TcpInfoTest : public ProcessTest
{};

TEST_F(TcpInfoTest, TheServerAndClientLogStatesAndQueuesBesideTheCalls)
{
    Child *server = nullptr;
    const quint16 port = startServer({QStringLiteral("--tcp-info")}, &server);
    ASSERT_NE(port, 0);
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    loopback(port), QStringLiteral("--tcp-info")},
                        "hello\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 0) << client->describe();
    EXPECT_BYTES_EQ(QByteArray("HELLO\n"), client->out);
    EXPECT_TRUE(client->err.contains("TCP ESTABLISHED")) << client->describe();
    EXPECT_TRUE(client->err.contains("TCP_INFO -> unsent ")) << client->describe();
    EXPECT_TRUE(client->err.contains("-> FIN_WAIT")) << client->describe();

    EXPECT_TRUE(server->waitForOutput("#1 recv(1024) -> 6 bytes: hello")) << server->describe();
    EXPECT_TRUE(server->waitForOutput("#1 closed: the client closed the connection"))
        << server->describe();
    // The client may have sent and half-closed before the server first looked: then the first
    // state it sees is already CLOSE_WAIT.
    EXPECT_TRUE(server->out.contains("#1 TCP CLOSE_WAIT\n")
                || server->out.contains("#1 TCP ESTABLISHED -> CLOSE_WAIT\n"))
        << server->describe();
    EXPECT_TRUE(server->out.contains("#1 TCP_INFO -> unsent ")) << server->describe();
}

// On a terminal as in the window's TCP tab: a state change, or a moment that begins, is said in
// words on the line after it.
TEST_F(TcpInfoTest, AStateChangeIsExplainedInWordsOnTheNextLine)
{
    Child *server = nullptr;
    const quint16 port = startServer({QStringLiteral("--tcp-info")}, &server);
    ASSERT_NE(port, 0);
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    loopback(port), QStringLiteral("--tcp-info")},
                        "hello\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_TRUE(client->err.contains("capsock: TCP ESTABLISHED\ncapsock:   ESTABLISHED: the "
                                     "handshake is done"))
        << client->describe();
    EXPECT_TRUE(client->err.contains("FIN_WAIT1\ncapsock:   FIN_WAIT1: this side closed its "
                                     "sending half"))
        << client->describe();
    EXPECT_TRUE(server->waitForOutput("#1 closed: the client closed the connection"))
        << server->describe();
    EXPECT_TRUE(server->out.contains("CLOSE_WAIT\n") && server->out.contains(
                    "#1   CLOSE_WAIT: the peer has closed its side, so recv() returns 0 bytes"))
        << server->describe();
}

// LISTEN is logged when listen() was called, after the line that says so: not first when a
// client comes.
TEST_F(TcpInfoTest, TheListeningSocketIsLoggedBeforeAnyClientComes)
{
    Child *server = nullptr;
    const quint16 port = startServer({QStringLiteral("--tcp-info")}, &server);
    ASSERT_NE(port, 0);
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    loopback(port)},
                        "hello\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    ASSERT_TRUE(server->waitForOutput("#1 connected from")) << server->describe();
    const qsizetype listening = server->out.indexOf("listening socket TCP_INFO -> accept queue");
    ASSERT_GE(listening, 0) << server->describe();
    EXPECT_LT(listening, server->out.indexOf("#1 connected from")) << server->describe();
}

TEST_F(TcpInfoTest, WithoutTheOptionNothingIsSaidOfTcp)
{
    Child *server = nullptr;
    const quint16 port = startServer({}, &server);
    ASSERT_NE(port, 0);
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    loopback(port)},
                        "hello\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_TRUE(server->waitForOutput("#1 closed: the client closed the connection"))
        << server->describe();
    EXPECT_FALSE(server->out.contains("TCP")) << server->describe();
    EXPECT_FALSE(client->err.contains("TCP")) << client->describe();
}

TEST_F(TcpInfoTest, WithoutReuseAddressATimeWaitKeepsThePortAndTheMessageSaysWhy)
{
    Child *server = nullptr;
    // The server closes first, so its side of the connection lingers in TIME_WAIT.
    const quint16 port = startServer({QStringLiteral("--close-after-reply"),
                                      QStringLiteral("--tcp-info")},
                                     &server);
    ASSERT_NE(port, 0);
    // A client that keeps its side open: the server's close comes first.
    Child *client = startCapsock({QStringLiteral("--headless"), QStringLiteral("--client"),
                                  loopback(port), QStringLiteral("--line-ending"),
                                  QStringLiteral("none")});
    client->write("hello\n");
    ASSERT_TRUE(client->waitForFinished(5000)) << client->describe();
    // Read through the socket just before close(), or found by its endpoints after it.
    ASSERT_TRUE(server->waitForOutput("-> TIME_WAIT")) << server->describe();
    server->process.terminate();
    ASSERT_TRUE(server->waitForFinished(10000)) << server->describe();

    const QStringList again{QStringLiteral("--headless"), QStringLiteral("--server"),
                            QStringLiteral("--bind"), QStringLiteral("localhost"),
                            QStringLiteral("--port"), QString::number(port)};
    Child *without = run(capsock(), again + QStringList{QStringLiteral("--no-reuse-address")},
                         {}, 5000);
    ASSERT_TRUE(without->exitedNormally()) << without->describe();
    EXPECT_EQ(without->exitCode(), 1) << without->describe();
    EXPECT_TRUE(without->err.contains("already in use")) << without->describe();
    EXPECT_TRUE(without->err.contains("TIME_WAIT")) << without->describe();
    EXPECT_TRUE(without->err.contains("SO_REUSEADDR")) << without->describe();

    Child *with = startCapsock(again);
    EXPECT_TRUE(with->waitForOutput("listening on port " + QByteArray::number(port)))
        << with->describe();
}

#endif // Q_OS_LINUX
