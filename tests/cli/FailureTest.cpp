// The capsock binary when things go wrong: plain-words messages, clean exits, no hangs
// (product.md §2, §4, §6 "bad input gets a clear message, never a crash or a hang").

#include "ProcessHelpers.h"

#include <QStandardPaths>
#include <QtCore/qtestsupport_core.h>

#include <gtest/gtest.h>

#include <csignal>

class FailureTest : public ProcessTest
{};

TEST_F(FailureTest, ConnectionRefusedIsExplained)
{
    const quint16 port = freePort();
    ASSERT_NE(port, 0);
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    loopback(port)},
                        "hello\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 1) << client->describe();
    EXPECT_TRUE(client->err.contains("refused")) << client->describe();
    EXPECT_TRUE(client->err.contains("nothing is listening")) << client->describe();
    EXPECT_TRUE(client->err.contains(loopback(port).toUtf8())) << client->describe();
    EXPECT_TRUE(client->out.isEmpty()) << client->describe();
}

TEST_F(FailureTest, PortAlreadyInUseIsExplained)
{
    const quint16 port = freePort();
    ASSERT_NE(port, 0);
    const QStringList arguments{QStringLiteral("--headless"), QStringLiteral("--server"),
                                QStringLiteral("--bind"), QStringLiteral("localhost"),
                                QStringLiteral("--port"), QString::number(port)};
    Child *first = startCapsock(arguments);
    ASSERT_TRUE(first->waitForOutput("listening on port " + QByteArray::number(port)))
        << first->describe();

    Child *second = run(capsock(), arguments, {}, 5000);
    ASSERT_TRUE(second->exitedNormally()) << second->describe();
    EXPECT_EQ(second->exitCode(), 1) << second->describe();
    EXPECT_TRUE(second->err.contains("already in use")) << second->describe();
    EXPECT_TRUE(second->err.contains(QByteArray::number(port))) << second->describe();
    EXPECT_FALSE(second->out.contains("listening")) << second->describe();
    EXPECT_EQ(first->process.state(), QProcess::Running) << first->describe();
}

TEST_F(FailureTest, APortBelow1024WithoutRootIsExplained)
{
    // Run as the unprivileged user "nobody" (setpriv, util-linux), as a student would.
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty())
        GTEST_SKIP() << "setpriv (util-linux) is not installed";
    const QStringList asNobody = {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                  QStringLiteral("--clear-groups")};
    // The probe fails too where the build sits in a folder only root may enter.
    Child *probe = run(setpriv, asNobody + QStringList{capsock(), QStringLiteral("--version")},
                       {}, 5000);
    if (!probe->exitedNormally() || probe->exitCode() != 0) {
        GTEST_SKIP() << "cannot run capsock as an unprivileged user here: "
                     << probe->describe();
    }

    Child *server = run(setpriv, asNobody + QStringList{capsock(), QStringLiteral("--headless"),
                                                        QStringLiteral("--server"),
                                                        QStringLiteral("--port"),
                                                        QStringLiteral("80")},
                        {}, 5000);
    ASSERT_TRUE(server->exitedNormally()) << server->describe();
    EXPECT_NE(server->exitCode(), 0) << server->describe();
    EXPECT_TRUE(server->err.contains("permission denied")) << server->describe();
    EXPECT_TRUE(server->err.contains("1024")) << server->describe();
}

TEST_F(FailureTest, UnknownHostIsExplained)
{
    // Inside a new network namespace (only a loopback that is down), no name server is
    // reachable, so the look-up fails on this machine and no query ever leaves it.
    const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
    if (unshare.isEmpty())
        GTEST_SKIP() << "unshare (util-linux) is not installed; an unknown name is never "
                        "looked up outside a network namespace";
    Child *probe = run(unshare, {QStringLiteral("--net"), QStringLiteral("true")}, {}, 5000);
    if (!probe->exitedNormally() || probe->exitCode() != 0) {
        GTEST_SKIP() << "cannot create a network namespace here (unshare --net needs root "
                        "or user namespaces): "
                     << probe->describe();
    }

    Child *client = run(unshare, {QStringLiteral("--net"), capsock(),
                                  QStringLiteral("--headless"), QStringLiteral("--client"),
                                  QStringLiteral("no-such-host.invalid:5220")},
                        "hello\n", 15000);
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 1) << client->describe();
    EXPECT_TRUE(client->err.contains("\"no-such-host.invalid\"")) << client->describe();
    EXPECT_TRUE(client->err.contains("not found") || client->err.contains("Could not look up"))
        << client->describe();
    EXPECT_TRUE(client->err.contains("use an IP address")) << client->describe();
    EXPECT_TRUE(client->out.isEmpty()) << client->describe();
}

TEST_F(FailureTest, ServerKilledWhileIdle)
{
    Child *server = nullptr;
    const quint16 port = startServer({}, &server);
    ASSERT_NE(port, 0);
    Child *client = startCapsock({QStringLiteral("--headless"), QStringLiteral("--client"),
                                  loopback(port)});
    client->write("before\n");
    ASSERT_TRUE(client->waitForOutput("BEFORE\n")) << client->describe();

    server->process.kill(); // SIGKILL: the system closes its sockets
    ASSERT_TRUE(server->waitForFinished(5000)) << server->describe();

    ASSERT_TRUE(client->waitForFinished(5000)) << "the client hangs: " << client->describe();
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    // Every message was answered, so the end of the stream is a normal end.
    EXPECT_EQ(client->exitCode(), 0) << client->describe();
    EXPECT_TRUE(client->err.contains("the server closed the connection")) << client->describe();
    EXPECT_BYTES_EQ(QByteArray("BEFORE\n"), client->out);
}

TEST_F(FailureTest, ServerKilledWithAMessageUnanswered)
{
    Child *server = nullptr;
    const quint16 port = startServer({}, &server);
    ASSERT_NE(port, 0);
    Child *client = startCapsock({QStringLiteral("--headless"), QStringLiteral("--client"),
                                  loopback(port)});
    client->write("before\n");
    ASSERT_TRUE(client->waitForOutput("BEFORE\n")) << client->describe();

    // Frozen, the server can not read the next line; killed, the system resets the connection
    // (unread data was waiting) or closes it, and the line is never answered.
    ASSERT_EQ(::kill(pid_t(server->process.processId()), SIGSTOP), 0);
    client->write("never answered\n");
    QTest::qWait(300);
    server->process.kill();
    ASSERT_TRUE(server->waitForFinished(5000)) << server->describe();

    ASSERT_TRUE(client->waitForFinished(5000)) << "the client hangs: " << client->describe();
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 1) << client->describe();
    EXPECT_TRUE(client->err.contains("reset") || client->err.contains("before answering"))
        << client->describe();
    EXPECT_BYTES_EQ(QByteArray("BEFORE\n"), client->out);
}
