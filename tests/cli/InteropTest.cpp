// The capsock binary talking, byte for byte, to the lecture's Python peers, to nc, and to
// itself (product.md §1, §2, §4).

#include "ProcessHelpers.h"

#include <QElapsedTimer>
#include <QStandardPaths>

#include <gtest/gtest.h>

namespace {

const QByteArray Hungry = QByteArrayLiteral("I am hungry for \xf0\x9f\x8c\xae");
const QByteArray HungryUpper = QByteArrayLiteral("I AM HUNGRY FOR \xf0\x9f\x8c\xae");
const QByteArray Prompt = QByteArrayLiteral("Enter a string: ");

QString local(quint16 port)
{
    return QStringLiteral("127.0.0.1:%1").arg(port);
}

// Lines with a bit of everything: emoji, ß, CJK, special casing, an empty line, and bytes that
// are not UTF-8 at all (ff fe, a lone continuation byte, a sequence cut short).
const QList<QByteArray> &mixedLines()
{
    static const QList<QByteArray> lines{
        Hungry,
        QByteArrayLiteral("stra\xc3\x9f" "e"),
        QByteArrayLiteral("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae text"),
        QByteArray(),
        QByteArrayLiteral("raw \xff\xfe bytes"),
        QByteArrayLiteral("lone \x80 continuation"),
        QByteArrayLiteral("cut \xe6\x97 short"),
        QByteArrayLiteral("\xef\xac\x81nal \xc5\x89 \xce\x90 \xc7\x85 caf\xc3\xa9"),
    };
    return lines;
}

QByteArray joined(const QList<QByteArray> &lines, const QByteArray &ending)
{
    QByteArray bytes;
    for (const QByteArray &line : lines)
        bytes += line + ending;
    return bytes;
}

QString netcat()
{
    return QStandardPaths::findExecutable(QStringLiteral("nc"));
}

} // namespace

class InteropTest : public ProcessTest
{
protected:
    // Our headless client sends `lines` (each ended by `ending`) to our headless server.
    void clientToServer(const QString &lineEnding, const QByteArray &ending)
    {
        Child *server = nullptr;
        const quint16 port = startServer({}, &server);
        ASSERT_NE(port, 0);
        const QByteArray sent = joined(mixedLines(), ending);
        const QByteArray expected = pythonUpper(sent);
        ASSERT_FALSE(expected.isEmpty());
        ASSERT_NE(expected, sent); // python3 did upper-case something

        Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                        local(port), QStringLiteral("--line-ending"),
                                        lineEnding},
                            joined(mixedLines(), "\n"));
        ASSERT_TRUE(client->exitedNormally()) << client->describe();
        EXPECT_EQ(client->exitCode(), 0) << client->describe();
        EXPECT_BYTES_EQ(expected, client->out);

        // The server got exactly what was sent: as many bytes, then the client's end.
        const QByteArray closed = "#1 closed: the client closed the connection; "
            + QByteArray::number(sent.size()) + " bytes in, "
            + QByteArray::number(expected.size()) + " out";
        EXPECT_TRUE(server->waitForOutput(closed)) << server->describe();
    }
};

TEST_F(InteropTest, AServerForThisComputerOnlySaysWhoCanConnect)
{
    Child *server = nullptr;
    ASSERT_NE(startServer({}, &server), 0); // --bind localhost
    ASSERT_TRUE(server->waitForOutput("Press Ctrl-C to stop.")) << server->describe();
    EXPECT_TRUE(server->out.contains("Only programs on this computer can connect."))
        << server->describe();
    EXPECT_FALSE(server->out.contains("Other machines")) << server->describe();
}

TEST_F(InteropTest, AServerOnTheIPv4AnyAddressSaysIPv6ClientsCannotConnect)
{
    Child *server = startCapsock({QStringLiteral("--headless"), QStringLiteral("--server"),
                                  QStringLiteral("--bind"), QStringLiteral("0.0.0.0"),
                                  QStringLiteral("--port"), QStringLiteral("0")});
    ASSERT_TRUE(server->waitForOutput("Press Ctrl-C to stop.")) << server->describe();
    EXPECT_TRUE(server->out.contains("IPv4 only: IPv6 clients cannot connect; use --bind all "
                                     "for both"))
        << server->describe();
}

TEST_F(InteropTest, LectureClientAgainstOurServer)
{
    Child *server = nullptr;
    const quint16 port = startServer({}, &server);
    ASSERT_NE(port, 0);

    // The lecture's client, unchanged: HOST "" (this computer), one input() line, no newline
    // sent, one recv(1024).
    Child *client = run(python(), {peerScript(QStringLiteral("lecture_client.py")),
                                   QString::number(port)},
                        Hungry + "\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 0) << client->describe();
    EXPECT_BYTES_EQ(Prompt + HungryUpper + "\n", client->out);
    EXPECT_TRUE(server->waitForOutput("#1 recv(1024) -> 20 bytes: "
                                      + Hungry.left(16)))
        << server->describe();
    EXPECT_TRUE(server->waitForOutput("#1 closed: the client closed the connection; 20 bytes "
                                      "in, 20 out"))
        << server->describe();

    // Special casing, as Python's own str.upper(): ß -> SS, ŉ -> ʼN, ΐ -> Ϊ́.
    const QByteArray text = QByteArrayLiteral("stra\xc3\x9f" "e \xc5\x89 \xce\x90");
    const QByteArray upper = pythonUpper(text);
    EXPECT_BYTES_EQ(QByteArrayLiteral("STRASSE \xca\xbcN \xce\x99\xcc\x88\xcc\x81"), upper);
    Child *second = run(python(), {peerScript(QStringLiteral("lecture_client.py")),
                                   QString::number(port)},
                        text + "\n");
    ASSERT_TRUE(second->exitedNormally()) << second->describe();
    EXPECT_EQ(second->exitCode(), 0) << second->describe();
    EXPECT_BYTES_EQ(Prompt + upper + "\n", second->out);
}

TEST_F(InteropTest, OurClientWithoutLineEndingAgainstLectureServer)
{
    Child *server = nullptr;
    const quint16 port = startLectureServer(&server);
    ASSERT_NE(port, 0);

    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    local(port), QStringLiteral("--line-ending"),
                                    QStringLiteral("none")},
                        Hungry + "\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 0) << client->describe();
    EXPECT_BYTES_EQ(HungryUpper, client->out);
    EXPECT_TRUE(client->err.contains("the server closed the connection")) << client->describe();

    ASSERT_TRUE(server->waitForFinished(5000)) << server->describe();
    EXPECT_EQ(server->exitCode(), 0) << server->describe();
    // What its one recv(1024) returned: exactly the line, without any line ending.
    EXPECT_TRUE(server->err.startsWith("recv(1024) -> " + Hungry.toHex() + "\n"))
        << server->describe();
}

// The lecture's server reads once, with recv(1024), and closes with the rest unread: its system
// resets the connection, and our client says why.
TEST_F(InteropTest, MoreThanTheLectureServerReadsIsExplainedAsTheResetItCauses)
{
    Child *server = nullptr;
    const quint16 port = startLectureServer(&server);
    ASSERT_NE(port, 0);

    const QByteArray line(1503, 'a');
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    local(port), QStringLiteral("--line-ending"),
                                    QStringLiteral("none")},
                        line + "\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 1) << client->describe();
    EXPECT_BYTES_EQ(QByteArray(1024, 'A'), client->out);
    EXPECT_TRUE(client->err.contains("answered 1024 of the 1503 bytes sent"))
        << client->describe();
    EXPECT_TRUE(client->err.contains("reset (RST)")) << client->describe();
    EXPECT_FALSE(client->err.contains("crashed")) << client->describe();

    ASSERT_TRUE(server->waitForFinished(5000)) << server->describe();
    EXPECT_TRUE(server->err.startsWith("recv(1024) -> " + line.left(1024).toHex() + "\n"))
        << server->describe();
}

// The lecture's server answers one read (a whole line of 1024 bytes here) and closes. The two
// lines after it never reach its program: whether they were still waiting in our client when
// the server closed, or already handed to the kernel, the client says so and fails, while
// standard output stays exactly what the server sent.
TEST_F(InteropTest, LinesTheLectureServerNeverReadAreToldAndFail)
{
    Child *server = nullptr;
    const quint16 port = startLectureServer(&server);
    ASSERT_NE(port, 0);

    const QByteArray first = QByteArray(1023, 'a') + "\n";
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    local(port)},
                        first + "two\nthree\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 1) << client->describe();
    EXPECT_BYTES_EQ(first.toUpper(), client->out);
    const bool notSent = client->err.contains(
        "2 lines (8 bytes) not sent: the server closed the connection first");
    const bool unanswered = client->err.contains("before answering 2 messages");
    const bool reset = client->err.contains("reset (RST)");
    EXPECT_TRUE(notSent || unanswered || reset) << client->describe();
}

TEST_F(InteropTest, OurClientWithLfAgainstOurServerByteForByte)
{
    clientToServer(QStringLiteral("lf"), "\n");
}

TEST_F(InteropTest, OurClientWithCrLfAgainstOurServerByteForByte)
{
    clientToServer(QStringLiteral("crlf"), "\r\n");
}

TEST_F(InteropTest, NetcatAgainstOurServer)
{
    const QString nc = netcat();
    if (nc.isEmpty())
        GTEST_SKIP() << "nc is not installed (install netcat-openbsd to run this test)";
    Child *server = nullptr;
    const quint16 port = startServer({}, &server);
    ASSERT_NE(port, 0);

    const QByteArray sent = joined(mixedLines(), "\n") + "no newline at the end \xf0\x9f";
    const QByteArray expected = pythonUpper(sent);
    Child *client = run(nc, {QStringLiteral("-N"), QStringLiteral("127.0.0.1"),
                             QString::number(port)},
                        sent);
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 0) << client->describe();
    EXPECT_BYTES_EQ(expected, client->out);
}

TEST_F(InteropTest, EightMebibytesOfEszettThroughNetcat)
{
    const QString nc = netcat();
    if (nc.isEmpty())
        GTEST_SKIP() << "nc is not installed (install netcat-openbsd to run this test)";
    Child *server = nullptr;
    const quint16 port = startServer({QStringLiteral("--quiet")}, &server);
    ASSERT_NE(port, 0);

    const QByteArray sent = QByteArrayLiteral("\xc3\x9f").repeated(4 << 20);
    ASSERT_EQ(sent.size(), 8 << 20);
    QElapsedTimer clock;
    clock.start();
    Child *client = run(nc, {QStringLiteral("-N"), QStringLiteral("127.0.0.1"),
                             QString::number(port)},
                        sent, 30000);
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 0) << client->describe();
    EXPECT_EQ(client->out.size(), 8388608);
    EXPECT_EQ(client->out.count('S'), client->out.size())
        << "not all 'S': " << escaped(client->out.left(64));
    EXPECT_TRUE(server->waitForOutput("8388608 bytes in, 8388608 out")) << server->describe();
    RecordProperty("round_trip_ms", int(clock.elapsed()));
}

TEST_F(InteropTest, HexDumpsBothDirections)
{
    Child *server = nullptr;
    const quint16 port = startServer({}, &server);
    ASSERT_NE(port, 0);

    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    local(port), QStringLiteral("--hex")},
                        Hungry + "\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 0) << client->describe();

    const QByteArray &out = client->out;
    const qsizetype sentAt = out.indexOf("> sent ");
    const qsizetype receivedAt = out.indexOf("< received ");
    ASSERT_GE(sentAt, 0) << client->describe();
    ASSERT_GT(receivedAt, sentAt) << client->describe();
    const QByteArray sentDump = out.mid(sentAt, receivedAt - sentAt);
    const QByteArray receivedDump = out.mid(receivedAt);
    EXPECT_TRUE(sentDump.startsWith("> sent 21 byte")) << escaped(sentDump);
    EXPECT_TRUE(sentDump.contains("00000000  49 20 61 6d 20 68 75 6e  67 72 79 20 66 6f 72 20"
                                  "  |I am hungry for |\n"))
        << escaped(sentDump);
    EXPECT_TRUE(sentDump.contains("00000010  f0 9f 8c ae 0a ")) << escaped(sentDump);
    EXPECT_TRUE(receivedDump.startsWith("< received 21 byte")) << escaped(receivedDump);
    EXPECT_TRUE(receivedDump.contains("00000000  49 20 41 4d 20 48 55 4e  47 52 59 20 46 4f 52"
                                      " 20  |I AM HUNGRY FOR |\n"))
        << escaped(receivedDump);
    EXPECT_TRUE(receivedDump.contains("00000010  f0 9f 8c ae 0a ")) << escaped(receivedDump);
    // The dumps replace the raw replies.
    EXPECT_FALSE(out.contains("\xf0\x9f\x8c\xae")) << escaped(out);
}

// The plurals come from the English translation every front end loads (capsock_en.ts), as
// tr("%n byte(s)") says them: without it the log would say "1 byte(s)".
// "caf\xc3": the server answers "CAF" and keeps the start of the next character back. The log
// says so where it happens, and, when the client ends there, that the byte went back as it
// came (no byte is lost, none unexplained).
TEST_F(InteropTest, TheLogSaysWhyAByteIsHeldBackAndWhatBecameOfIt)
{
    Child *server = nullptr;
    const quint16 port = startServer({}, &server);
    ASSERT_NE(port, 0);
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    local(port), QStringLiteral("--line-ending"),
                                    QStringLiteral("none")},
                        "caf\xc3");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_BYTES_EQ(QByteArray("CAF\xc3"), client->out);
    ASSERT_TRUE(server->waitForOutput("#1 closed: ")) << server->describe();
    EXPECT_TRUE(server->out.contains("#1 recv(1024) -> 4 bytes: caf\\xc3\n"))
        << server->describe();
    const qsizetype reply = server->out.indexOf("#1 sendall(3 bytes): CAF\n");
    const qsizetype held = server->out.indexOf(
        "#1 1 byte held back: the start of a UTF-8 character whose other bytes have not come "
        "yet; it goes out with them\n");
    EXPECT_TRUE(reply >= 0 && held > reply) << server->describe();
    EXPECT_TRUE(server->out.contains("#1 sendall(1 byte): \\xc3\n")) << server->describe();
    EXPECT_TRUE(server->out.contains("#1 the 1 byte held back went back unchanged: the client "
                                     "sent no more of that character\n"))
        << server->describe();
}

TEST_F(InteropTest, TheLogsSayOneByteAndTwoBytes)
{
    Child *server = nullptr;
    const quint16 port = startServer({}, &server);
    ASSERT_NE(port, 0);
    const QStringList hexClient{QStringLiteral("--headless"), QStringLiteral("--client"),
                                local(port), QStringLiteral("--line-ending"),
                                QStringLiteral("none"), QStringLiteral("--hex")};

    Child *one = run(capsock(), hexClient, "a\n");
    ASSERT_TRUE(one->exitedNormally()) << one->describe();
    EXPECT_TRUE(one->out.startsWith("> sent 1 byte\n")) << escaped(one->out);
    EXPECT_TRUE(one->out.contains("< received 1 byte\n")) << escaped(one->out);
    EXPECT_TRUE(server->waitForOutput("#1 recv(1024) -> 1 byte: a\n")) << server->describe();
    EXPECT_TRUE(server->waitForOutput("#1 sendall(1 byte): A\n")) << server->describe();
    EXPECT_TRUE(server->waitForOutput("#1 closed: the client closed the connection; 1 byte in, "
                                      "1 out\n"))
        << server->describe();

    Child *two = run(capsock(), hexClient, "ab\n");
    ASSERT_TRUE(two->exitedNormally()) << two->describe();
    EXPECT_TRUE(two->out.startsWith("> sent 2 bytes\n")) << escaped(two->out);
    EXPECT_TRUE(two->out.contains("< received 2 bytes\n")) << escaped(two->out);
    EXPECT_TRUE(server->waitForOutput("#2 recv(1024) -> 2 bytes: ab\n")) << server->describe();
    EXPECT_TRUE(server->waitForOutput("#2 closed: the client closed the connection; 2 bytes in, "
                                      "2 out\n"))
        << server->describe();
}

TEST_F(InteropTest, CloseAfterReplyServesTheLectureClientAndKeepsListening)
{
    Child *server = nullptr;
    const quint16 port = startServer({QStringLiteral("--close-after-reply")}, &server);
    ASSERT_NE(port, 0);

    Child *lecture = run(python(), {peerScript(QStringLiteral("lecture_client.py")),
                                    QString::number(port)},
                         Hungry + "\n");
    ASSERT_TRUE(lecture->exitedNormally()) << lecture->describe();
    EXPECT_EQ(lecture->exitCode(), 0) << lecture->describe();
    EXPECT_BYTES_EQ(Prompt + HungryUpper + "\n", lecture->out);
    EXPECT_TRUE(server->waitForOutput("#1 closed: closed after the first reply"))
        << server->describe();

    // A client that keeps its side open: only the server's close can end it.
    Child *second = startCapsock({QStringLiteral("--headless"), QStringLiteral("--client"),
                                  local(port), QStringLiteral("--line-ending"),
                                  QStringLiteral("none")});
    second->write(QByteArrayLiteral("stra\xc3\x9f" "e\n"));
    ASSERT_TRUE(second->waitForFinished(5000)) << second->describe();
    ASSERT_TRUE(second->exitedNormally()) << second->describe();
    EXPECT_EQ(second->exitCode(), 0) << second->describe();
    EXPECT_BYTES_EQ(QByteArray("STRASSE"), second->out);
    EXPECT_TRUE(second->err.contains("the server closed the connection")) << second->describe();
    EXPECT_TRUE(server->waitForOutput("#2 closed: closed after the first reply"))
        << server->describe();

    // Unlike the lecture's server, ours is still there for a third.
    Child *third = run(python(), {peerScript(QStringLiteral("lecture_client.py")),
                                  QString::number(port)},
                       "third\n");
    EXPECT_BYTES_EQ(Prompt + "THIRD\n", third->out);
    EXPECT_EQ(server->process.state(), QProcess::Running) << server->describe();
}

// The server closes first, after its reply: its log says so when its FIN goes, not when the
// client's FIN comes back, and does not take that for "the client closed".
TEST_F(InteropTest, CloseAfterReplyIsLoggedWhenTheServersFinGoes)
{
    Child *server = nullptr;
    const quint16 port = startServer({QStringLiteral("--close-after-reply")}, &server);
    ASSERT_NE(port, 0);
    // Reads to the server's FIN, says what came, and keeps its own side open until told.
    const QString holdingClient = QStringLiteral(
        "import socket, sys\n"
        "s = socket.create_connection(('127.0.0.1', %1))\n"
        "s.sendall(b'hello')\n"
        "reply = b''\n"
        "while chunk := s.recv(1024):\n"
        "    reply += chunk\n"
        "print(reply.decode(), flush=True)\n"
        "sys.stdin.readline()\n"
        "s.close()\n")
                                      .arg(port);
    Child *client = start(python(), {QStringLiteral("-c"), holdingClient});
    ASSERT_TRUE(client->waitForOutput("HELLO\n")) << client->describe();
    // The client has the server's FIN; it has not closed its side.
    EXPECT_TRUE(server->waitForOutput("#1 shutdown(SHUT_WR) -> the server closes after its "
                                      "first reply"))
        << server->describe();
    EXPECT_FALSE(server->out.contains("#1 closed")) << server->describe();

    client->write("\n");
    ASSERT_TRUE(client->waitForFinished()) << client->describe();
    ASSERT_TRUE(server->waitForOutput("#1 closed: closed after the first reply, as the "
                                      "lecture's server does; the client has closed its side "
                                      "too;"))
        << server->describe();
    EXPECT_FALSE(server->out.contains("the client closed the connection")) << server->describe();
}
