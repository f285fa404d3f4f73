// The capsock binary speaking UDP, byte for byte, with the textbook's UDPServer.py and
// UDPClient.py (Kurose & Ross, chapter 2), with nc -u and socat, and with itself.

#include "ProcessHelpers.h"

#include <QStandardPaths>

#include <gtest/gtest.h>

namespace {

const QByteArray Hungry = QByteArrayLiteral("I am hungry for \xf0\x9f\x8c\xae");
const QByteArray HungryUpper = QByteArrayLiteral("I AM HUNGRY FOR \xf0\x9f\x8c\xae");
const QByteArray TextbookPrompt = QByteArrayLiteral("Input lowercase sentence:");
const QByteArray NoRetry = QByteArrayLiteral(
    "UDP does not retry: the datagram or its reply may have been lost, or nothing listens "
    "there");

QString local(quint16 port)
{
    return QStringLiteral("127.0.0.1:%1").arg(port);
}

// Valid UTF-8 only: the textbook's server, like the lecture's, dies on anything else.
const QList<QByteArray> &textLines()
{
    static const QList<QByteArray> lines{
        Hungry,
        QByteArrayLiteral("stra\xc3\x9f" "e"),
        QByteArrayLiteral("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae text"),
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

QStringList udpClient(quint16 port, const QStringList &more = {})
{
    return QStringList{QStringLiteral("--headless"), QStringLiteral("--client"), local(port),
                       QStringLiteral("--udp")}
        + more;
}

} // namespace

class UdpInteropTest : public ProcessTest
{
protected:
    // The textbook's UDPServer.py on a free port, ready to receive; 0 on failure.
    quint16 startTextbookServer()
    {
        const quint16 port = freeUdpPort();
        Child *server = startPython(QStringLiteral("textbook_udp_server.py"),
                                    {QString::number(port)});
        if (!server->waitForOutput("The server is ready to receive\n")) {
            ADD_FAILURE() << "the textbook's server did not start: " << server->describe();
            return 0;
        }
        return port;
    }
};

TEST_F(UdpInteropTest, TheTextbooksClientAgainstOurServer)
{
    Child *server = nullptr;
    const quint16 port = startUdpServer({}, &server);
    ASSERT_NE(port, 0);
    for (const QByteArray &line : textLines()) {
        Child *client = run(python(), {peerScript(QStringLiteral("textbook_udp_client.py")),
                                       QString::number(port), QStringLiteral("127.0.0.1")},
                            line + "\n");
        ASSERT_TRUE(client->exitedNormally()) << client->describe();
        EXPECT_EQ(client->exitCode(), 0) << client->describe();
        EXPECT_BYTES_EQ(TextbookPrompt + pythonUpper(line) + "\n", client->out);
    }
    EXPECT_TRUE(server->waitForOutput("#1 recvfrom(2048) -> (20 bytes, ('127.0.0.1', "))
        << server->describe();
    EXPECT_TRUE(server->waitForOutput("#4 sendto(")) << server->describe();
}

TEST_F(UdpInteropTest, OurClientAgainstTheTextbooksServerByteForByte)
{
    const quint16 port = startTextbookServer();
    ASSERT_NE(port, 0);
    const QByteArray sent = joined(textLines(), "\n");
    Child *client = run(capsock(), udpClient(port), sent);
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 0) << client->describe();
    EXPECT_BYTES_EQ(pythonUpper(sent), client->out);
}

TEST_F(UdpInteropTest, ThreeLinesAreThreeDatagramsAndThreeWholeReplies)
{
    Child *server = nullptr;
    const quint16 port = startUdpServer({}, &server);
    ASSERT_NE(port, 0);
    Child *client = run(capsock(), udpClient(port, {QStringLiteral("--line-ending"),
                                                    QStringLiteral("none")}),
                        "one\ntwo\nthree\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 0) << client->describe();
    EXPECT_BYTES_EQ(QByteArray("ONETWOTHREE"), client->out);
    // Each datagram read whole by one recvfrom(), and answered by one sendto().
    ASSERT_TRUE(server->waitForOutput("): THREE\n")) << server->describe();
    QList<QByteArray> reads;
    for (const QByteArray &line : server->out.split('\n')) {
        if (line.contains("recvfrom(2048) -> ("))
            reads.append(line.mid(line.indexOf(")): ") + 4));
    }
    EXPECT_EQ(reads, (QList<QByteArray>{"one", "two", "three"})) << server->describe();
    EXPECT_EQ(server->out.count("sendto("), 3) << server->describe();
}

TEST_F(UdpInteropTest, NetcatAgainstOurServer)
{
    const QString nc = QStandardPaths::findExecutable(QStringLiteral("nc"));
    if (nc.isEmpty())
        GTEST_SKIP() << "nc is not installed (install netcat-openbsd to run this test)";
    const quint16 port = startUdpServer();
    ASSERT_NE(port, 0);
    const QByteArray sent = QByteArrayLiteral("raw \xff\xfe bytes, stra\xc3\x9f" "e\n");
    // Its input stays open until the reply is in: at the end of its input nc -u closes its
    // socket at once, and a reply after that would find no one.
    Child *client = start(nc, {QStringLiteral("-u"), QStringLiteral("127.0.0.1"),
                               QString::number(port)});
    client->write(sent);
    const QByteArray expected = QByteArrayLiteral("RAW \xff\xfe BYTES, STRASSE\n");
    ASSERT_TRUE(client->waitForOutput(expected)) << client->describe();
    EXPECT_BYTES_EQ(expected, client->out); // nc -u never ends by itself: the test stops it
}

TEST_F(UdpInteropTest, SocatAgainstOurServer)
{
    const QString socat = QStandardPaths::findExecutable(QStringLiteral("socat"));
    if (socat.isEmpty())
        GTEST_SKIP() << "socat is not installed";
    const quint16 port = startUdpServer();
    ASSERT_NE(port, 0);
    Child *client = run(socat, {QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("-"),
                                QStringLiteral("UDP:[::1]:%1").arg(port)},
                        Hungry);
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_BYTES_EQ(HungryUpper, client->out);
}

TEST_F(UdpInteropTest, AMessageLargerThanADatagramGetsItsErrorAndTheNextStillGoes)
{
    Child *server = nullptr;
    const quint16 port = startUdpServer({}, &server);
    ASSERT_NE(port, 0);
    Child *client = run(capsock(), udpClient(port), QByteArray(70000, 'x') + "\nafter\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 1) << client->describe();
    EXPECT_TRUE(client->err.contains("message too long (EMSGSIZE)")) << client->describe();
    EXPECT_TRUE(client->err.contains("nothing was sent")) << client->describe();
    EXPECT_BYTES_EQ(QByteArray("AFTER\n"), client->out);
    EXPECT_TRUE(server->waitForOutput("#1 recvfrom(2048) -> (6 bytes")) << server->describe();
    EXPECT_FALSE(server->out.contains("70000")) << server->describe();
}

TEST_F(UdpInteropTest, ADatagramLongerThanTheServersReadIsCutAndTheLogSaysSo)
{
    Child *server = nullptr;
    const quint16 port = startUdpServer({QStringLiteral("--datagram-size"),
                                         QStringLiteral("16")},
                                        &server);
    ASSERT_NE(port, 0);
    Child *client = run(capsock(), udpClient(port, {QStringLiteral("--line-ending"),
                                                    QStringLiteral("none")}),
                        QByteArray(40, 'a') + "\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_BYTES_EQ(QByteArray(16, 'A'), client->out);
    EXPECT_TRUE(server->waitForOutput("recvfrom(16) -> (16 bytes, ('127.0.0.1', "))
        << server->describe();
    EXPECT_TRUE(server->waitForOutput("cut, the datagram had 40 bytes")) << server->describe();
}

TEST_F(UdpInteropTest, IPv6AndDualStack)
{
    Child *server = startCapsock({QStringLiteral("--headless"), QStringLiteral("--server"),
                                  QStringLiteral("--udp"), QStringLiteral("--bind"),
                                  QStringLiteral("all"), QStringLiteral("--port"),
                                  QString::number(freeUdpPort())});
    ASSERT_TRUE(server->waitForOutput("Press Ctrl-C to stop.")) << server->describe();
    const QByteArray first = server->out.left(server->out.indexOf('\n'));
    const quint16 port = first.mid(first.indexOf("port ") + 5).split(' ').first().toUShort();
    ASSERT_NE(port, 0) << server->describe();
    EXPECT_TRUE(first.contains("all interfaces, IPv4 and IPv6")) << server->describe();
    for (const QString &where : {QStringLiteral("[::1]:%1"), QStringLiteral("127.0.0.1:%1")}) {
        Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                        where.arg(port), QStringLiteral("--udp")},
                            "dual\n");
        ASSERT_TRUE(client->exitedNormally()) << client->describe();
        EXPECT_EQ(client->exitCode(), 0) << client->describe();
        EXPECT_BYTES_EQ(QByteArray("DUAL\n"), client->out);
    }
    EXPECT_TRUE(server->waitForOutput("('::1', ")) << server->describe();
    EXPECT_TRUE(server->waitForOutput("('127.0.0.1', ")) << server->describe();
}

TEST_F(UdpInteropTest, NoReplyIsSaidPlainly)
{
    const quint16 port = freeUdpPort();
    Child *client = run(capsock(), udpClient(port, {QStringLiteral("--timeout"),
                                                    QStringLiteral("0.2")}),
                        "anyone?\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 1) << client->describe();
    EXPECT_TRUE(client->err.contains(NoRetry)) << client->describe();
    EXPECT_TRUE(client->out.isEmpty()) << client->describe();
}

TEST_F(UdpInteropTest, WithTheClientConnectedPortUnreachableShowsAsRefused)
{
    const quint16 port = freeUdpPort();
    Child *client = run(capsock(), udpClient(port, {QStringLiteral("--udp-connect"),
                                                    QStringLiteral("--timeout"),
                                                    QStringLiteral("60")}),
                        "anyone?\n");
    ASSERT_TRUE(client->exitedNormally()) << client->describe();
    EXPECT_EQ(client->exitCode(), 1) << client->describe();
    EXPECT_TRUE(client->err.contains("failed: refused")) << client->describe();
    EXPECT_TRUE(client->err.contains("port unreachable")) << client->describe();
}

TEST_F(UdpInteropTest, TcpAndUdpOnOnePortAtOnce)
{
    Child *server = nullptr;
    const quint16 port = startServer({QStringLiteral("--tcp"), QStringLiteral("--udp")},
                                     &server);
    ASSERT_NE(port, 0);
    ASSERT_TRUE(server->waitForOutput("Press Ctrl-C to stop.")) << server->describe();
    EXPECT_TRUE(server->out.contains("Capsock UDP capitalization server receiving on port "
                                     + QByteArray::number(port)))
        << server->describe();
    Child *tcp = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                 local(port)},
                     "stream\n");
    Child *udp = run(capsock(), udpClient(port), "datagram\n");
    ASSERT_TRUE(tcp->exitedNormally()) << tcp->describe();
    ASSERT_TRUE(udp->exitedNormally()) << udp->describe();
    EXPECT_BYTES_EQ(QByteArray("STREAM\n"), tcp->out);
    EXPECT_BYTES_EQ(QByteArray("DATAGRAM\n"), udp->out);
    EXPECT_TRUE(server->waitForOutput("recv(1024) -> 7 bytes")) << server->describe();
    EXPECT_TRUE(server->waitForOutput("recvfrom(2048) -> (9 bytes")) << server->describe();
}
