// --save FILE: what the headless server and client did, saved as a capture that tshark reads
// and follows to the very bytes that crossed the wire, each client its own stream.

#include "ProcessHelpers.h"
#include "TestSeed.h"
#include "Tshark.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

#include <unistd.h>

#include <gtest/gtest.h>

namespace {

const QByteArray Unicode = QByteArrayLiteral("Gr\xc3\xbc\xc3\x9f" "e \xf0\x9f\x8c\xae "
                                             "stra\xc3\x9f" "e\n");
const QByteArray Binary = QByteArrayLiteral("raw \xff\xfe\x00 bytes \x80\n");

QByteArray randomLine(qsizetype size)
{
    QRandomGenerator random(testSeed());
    QByteArray line(size, '\0');
    for (char &byte : line)
        byte = char(random.bounded(256));
    line.replace('\n', 'n'); // one line: the client sends lines
    return line;
}

} // namespace

class SaveTest : public ProcessTest
{
protected:
    QTemporaryDir m_dir;

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    // tshark reads `file` without complaint, finds `streams` TCP streams, and stream `stream`
    // carries `up` from the client and `down` from the server.
    static void expectFollowed(const QString &file, int stream, const QByteArray &up,
                               const QByteArray &down)
    {
        const Tshark::Followed followed = Tshark::follow(file, stream);
        ASSERT_TRUE(followed.ok) << "stream " << stream;
        EXPECT_BYTES_EQ(up, followed.fromNode0);
        EXPECT_BYTES_EQ(down, followed.fromNode1);
    }
};

TEST_F(SaveTest, AServersFileHoldsEachClientAsItsOwnStreamOverIPv4AndIPv6)
{
    const QString file = path("server.pcapng");
    Child *server = nullptr;
    const quint16 port = startServer({QStringLiteral("--save"), file}, &server);
    ASSERT_NE(port, 0);
    // Our client over IPv4 (Unicode and bytes that are not UTF-8), then the lecture's own
    // client (IPv4), then ours over IPv6.
    const QByteArray first = Unicode + Binary;
    Child *ours = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                  QStringLiteral("127.0.0.1:%1").arg(port)},
                      first);
    ASSERT_EQ(ours->exitCode(), 0) << ours->describe();
    ASSERT_TRUE(server->waitForOutput("#1 closed")) << server->describe();
    Child *lecture = startPython(QStringLiteral("lecture_client.py"),
                                 {QString::number(port), QStringLiteral("127.0.0.1")});
    lecture->write("I am hungry\n");
    lecture->closeInput();
    ASSERT_TRUE(lecture->waitForFinished()) << lecture->describe();
    ASSERT_TRUE(server->waitForOutput("#2 closed")) << server->describe();
    Child *overIPv6 = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                      QStringLiteral("[::1]:%1").arg(port)},
                          "six\n");
    ASSERT_EQ(overIPv6->exitCode(), 0) << overIPv6->describe();
    ASSERT_TRUE(server->waitForOutput("#3 closed")) << server->describe();
    server->process.terminate();
    ASSERT_TRUE(server->waitForFinished()) << server->describe();
    EXPECT_EQ(server->exitCode(), 0) << server->describe();

    EXPECT_EQ(Tshark::problems(file), QString());
    ASSERT_EQ(Tshark::streamCount(file), 3);
    expectFollowed(file, 0, first, pythonUpper(first));
    expectFollowed(file, 1, "I am hungry", "I AM HUNGRY");
    expectFollowed(file, 2, "six\n", "SIX\n");
    EXPECT_TRUE(Tshark::follow(file, 2).node0.startsWith(QLatin1String("[::1]:")))
        << Tshark::follow(file, 2).node0.toStdString();
}

TEST_F(SaveTest, AClientsFileCarriesAMegabyteBothWays)
{
    const QString file = path("client.pcapng");
    const quint16 port = startServer();
    ASSERT_NE(port, 0);
    const QByteArray line = randomLine(1 << 20) + '\n';
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    QStringLiteral("127.0.0.1:%1").arg(port),
                                    QStringLiteral("--save"), file, QStringLiteral("--quiet")},
                        line, 60000);
    ASSERT_EQ(client->exitCode(), 0) << client->describe();

    EXPECT_EQ(Tshark::problems(file), QString());
    ASSERT_EQ(Tshark::streamCount(file), 1);
    expectFollowed(file, 0, line, client->out);
}

// A saved file is said, with how to open it (the window says "Saved FILE" too); --quiet not.
TEST_F(SaveTest, AClientSaysWhereItSavedAndHowToOpenIt)
{
    const QString file = path("said.pcapng");
    const quint16 port = startServer();
    ASSERT_NE(port, 0);
    const QStringList arguments{QStringLiteral("--headless"), QStringLiteral("--client"),
                                QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--save"),
                                file};
    Child *client = run(capsock(), arguments, "hi\n");
    ASSERT_EQ(client->exitCode(), 0) << client->describe();
    EXPECT_TRUE(client->err.contains("capsock: saved " + file.toUtf8()
                                     + " (open it in Wireshark, or with capsock --inspect)"))
        << client->describe();
    Child *quiet = run(capsock(), arguments + QStringList{QStringLiteral("--quiet")}, "hi\n");
    ASSERT_EQ(quiet->exitCode(), 0) << quiet->describe();
    EXPECT_FALSE(quiet->err.contains("saved")) << quiet->describe();
}

TEST_F(SaveTest, AFileThatCannotBeWrittenIsSaidBeforeAnythingStarts)
{
    const QString file = path("no such folder/talk.pcapng");
    Child *server = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--server"),
                                    QStringLiteral("--port"), QStringLiteral("0"),
                                    QStringLiteral("--save"), file},
                        {});
    EXPECT_EQ(server->exitCode(), 2) << server->describe();
    EXPECT_TRUE(server->err.contains("cannot save to " + file.toUtf8()
                                     + ": No such file or directory"))
        << server->describe();
    EXPECT_FALSE(server->out.contains("listening")) << server->describe();

    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    QStringLiteral("127.0.0.1:1"), QStringLiteral("--save"),
                                    m_dir.path()},
                        {});
    EXPECT_EQ(client->exitCode(), 2) << client->describe();
    EXPECT_TRUE(client->err.contains("cannot save to " + m_dir.path().toUtf8()))
        << client->describe();
}

TEST_F(SaveTest, WithPacketsShownTheServerSavesTheCapturedPackets)
{
    if (geteuid() != 0)
        GTEST_SKIP() << "SKIPPED: capturing needs root or CAP_NET_RAW";
    const QString file = path("captured.pcapng");
    Child *server = nullptr;
    const quint16 port = startServer({QStringLiteral("--save"), file,
                                      QStringLiteral("--packets"), QStringLiteral("--quiet")},
                                     &server);
    ASSERT_NE(port, 0);
    // No line ending: the client sends the line as it is, then half-closes.
    const QByteArray big = randomLine(200000); // loopback segments of up to 64 KiB
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    loopback(port), QStringLiteral("--line-ending"),
                                    QStringLiteral("none")},
                        big);
    ASSERT_EQ(client->exitCode(), 0) << client->describe();
    ASSERT_TRUE(server->waitForOutput("> ACK seq=" + QByteArray::number(big.size() + 2)
                                      + " ack=" + QByteArray::number(client->out.size() + 2),
                                      20000))
        << "the client's last ACK, captured: " << server->describe();
    server->process.terminate();
    ASSERT_TRUE(server->waitForFinished()) << server->describe();
    EXPECT_EQ(server->exitCode(), 0) << server->describe();

    EXPECT_EQ(Tshark::problems(file, false), QString());
    ASSERT_EQ(Tshark::streamCount(file), 1);
    expectFollowed(file, 0, big, client->out);
    // The real segments, not one per send: the kernel's, up to loopback's 64 KiB.
    const Tshark::Result lengths = Tshark::run({QStringLiteral("-r"), file, QStringLiteral("-T"),
                                                QStringLiteral("fields"), QStringLiteral("-e"),
                                                QStringLiteral("tcp.len")});
    qint64 largest = 0;
    for (const QByteArray &line : lengths.output.split('\n'))
        largest = std::max(largest, line.trimmed().toLongLong());
    EXPECT_GT(largest, 1460) << "not the made-up segments' MSS";
}

// Over UDP each sendto() and recvfrom() is one datagram in the file, between the real
// endpoints: tshark reads every one, its payload byte for byte (a datagram is never cut in
// two), with no malformed packet.
TEST_F(SaveTest, AUdpServersFileHoldsEachDatagramEachWayOverIPv4AndIPv6)
{
    const QString file = path("udp-server.pcapng");
    Child *server = nullptr;
    const quint16 port = startUdpServer({QStringLiteral("--save"), file}, &server);
    ASSERT_NE(port, 0);
    const QString to4 = QStringLiteral("127.0.0.1:%1").arg(port);
    const QString to6 = QStringLiteral("[::1]:%1").arg(port);
    Child *ours = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"), to4,
                                  QStringLiteral("--udp")},
                      "one\n" + Unicode);
    ASSERT_EQ(ours->exitCode(), 0) << ours->describe();
    Child *overIPv6 = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                      to6, QStringLiteral("--udp")},
                          "six\n");
    ASSERT_EQ(overIPv6->exitCode(), 0) << overIPv6->describe();
    server->process.terminate();
    ASSERT_TRUE(server->waitForFinished()) << server->describe();
    EXPECT_EQ(server->exitCode(), 0) << server->describe();

    EXPECT_EQ(Tshark::problems(file), QString());
    const std::vector<Tshark::Datagram> datagrams = Tshark::udpDatagrams(file);
    const QByteArray expected[] = {"one\n", "ONE\n", Unicode, pythonUpper(Unicode), "six\n",
                                   "SIX\n"};
    ASSERT_EQ(datagrams.size(), std::size(expected));
    for (size_t i = 0; i < datagrams.size(); ++i) {
        EXPECT_BYTES_EQ(expected[i], datagrams[i].payload) << i;
        const bool toServer = i % 2 == 0;
        const QString server = i < 4 ? to4 : to6;
        EXPECT_EQ(toServer ? datagrams[i].to : datagrams[i].from, server) << i;
        EXPECT_TRUE((toServer ? datagrams[i].from : datagrams[i].to)
                        .startsWith(i < 4 ? QLatin1String("127.0.0.1:")
                                          : QLatin1String("[::1]:")))
            << i;
    }
}

// Bound to every interface, the server is not told which address a datagram came to: the
// file has the one its reply left from, a real address of this computer.
TEST_F(SaveTest, AUdpClientsFileAndAServerOnEveryInterfaceHaveRealAddresses)
{
    const QString serverFile = path("udp-all.pcapng");
    const QString clientFile = path("udp-client.pcapng");
    Child *server = nullptr;
    const quint16 port = startUdpServer({QStringLiteral("--bind"), QStringLiteral("all"),
                                         QStringLiteral("--save"), serverFile},
                                        &server);
    ASSERT_NE(port, 0);
    Child *client = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                    QStringLiteral("127.0.0.1:%1").arg(port),
                                    QStringLiteral("--udp"), QStringLiteral("--save"),
                                    clientFile},
                        "hello\nworld\n");
    ASSERT_EQ(client->exitCode(), 0) << client->describe();
    server->process.terminate();
    ASSERT_TRUE(server->waitForFinished()) << server->describe();

    for (const QString &file : {serverFile, clientFile}) {
        EXPECT_EQ(Tshark::problems(file), QString()) << file.toStdString();
        const std::vector<Tshark::Datagram> datagrams = Tshark::udpDatagrams(file);
        const QByteArray expected[] = {"hello\n", "HELLO\n", "world\n", "WORLD\n"};
        ASSERT_EQ(datagrams.size(), std::size(expected)) << file.toStdString();
        for (size_t i = 0; i < datagrams.size(); ++i) {
            EXPECT_BYTES_EQ(expected[i], datagrams[i].payload) << i;
            const QString &ours = i % 2 == 0 ? datagrams[i].to : datagrams[i].from;
            const QString &theirs = i % 2 == 0 ? datagrams[i].from : datagrams[i].to;
            EXPECT_EQ(ours, QStringLiteral("127.0.0.1:%1").arg(port)) << i;
            EXPECT_TRUE(theirs.startsWith(QLatin1String("127.0.0.1:"))) << theirs.toStdString();
            EXPECT_FALSE(theirs.endsWith(QLatin1String(":0"))) << theirs.toStdString();
        }
    }
}

// TCP and UDP on one port, saved in one file: the TCP stream and the datagrams side by side.
TEST_F(SaveTest, AServerOfTcpAndUdpSavesBothInOneFile)
{
    const QString file = path("both.pcapng");
    Child *server = nullptr;
    const quint16 port = startServer({QStringLiteral("--tcp"), QStringLiteral("--udp"),
                                      QStringLiteral("--save"), file},
                                     &server);
    ASSERT_NE(port, 0);
    ASSERT_TRUE(server->waitForOutput("Press Ctrl-C to stop.")) << server->describe();
    Child *tcp = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                 loopback(port)},
                     "stream\n");
    ASSERT_EQ(tcp->exitCode(), 0) << tcp->describe();
    ASSERT_TRUE(server->waitForOutput("#1 closed")) << server->describe();
    Child *udp = run(capsock(), {QStringLiteral("--headless"), QStringLiteral("--client"),
                                 loopback(port), QStringLiteral("--udp")},
                     "datagram\n");
    ASSERT_EQ(udp->exitCode(), 0) << udp->describe();
    server->process.terminate();
    ASSERT_TRUE(server->waitForFinished()) << server->describe();

    EXPECT_EQ(Tshark::problems(file), QString());
    ASSERT_EQ(Tshark::streamCount(file), 1);
    expectFollowed(file, 0, "stream\n", "STREAM\n");
    const std::vector<Tshark::Datagram> datagrams = Tshark::udpDatagrams(file);
    ASSERT_EQ(datagrams.size(), 2u);
    EXPECT_BYTES_EQ(QByteArray("datagram\n"), datagrams[0].payload);
    EXPECT_BYTES_EQ(QByteArray("DATAGRAM\n"), datagrams[1].payload);
}

// A client that sends and never reads its replies: when the server stops, its close() with
// that client's bytes unread resets the connection, and the replies still in its send buffer
// never arrive. The file ends as the connection did, with the server's RST and no FIN, and the
// client acknowledges no more than it really received.
TEST_F(SaveTest, AConnectionTheServerResetEndsInItsRstAndAcknowledgesOnlyWhatArrived)
{
    const QString file = path("reset.pcapng");
    Child *server = nullptr;
    const quint16 port = startServer({QStringLiteral("--save"), file, QStringLiteral("--quiet")},
                                     &server);
    ASSERT_NE(port, 0);
    // Sends 64 KiB blocks from a thread until the reset, so that some are always unread; says
    // so after the first MiB; reads everything once told to. The reset is told once: to the
    // blocked sendall(), or to recv().
    const QString sender = QStringLiteral(R"(
import socket, sys, threading
c = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
first_mib = threading.Event()
def send():
    try:
        for block in range(1 << 30):
            c.sendall(b"x" * 65536)
            if block == 15:
                first_mib.set()
    except (ConnectionResetError, BrokenPipeError): # EPIPE: the reset was told to recv()
        print("reset", flush=True)
sender = threading.Thread(target=send, daemon=True)
sender.start()
first_mib.wait()
print("sending", flush=True)
sys.stdin.readline()
got = 0
try:
    while True:
        data = c.recv(1 << 20)
        if not data:
            print("end of stream", flush=True)
            break
        got += len(data)
except ConnectionResetError: # unless the sender heard it first
    print("reset", flush=True)
sender.join()
print("received", got, flush=True)
)");
    Child *client = start(python(), {QStringLiteral("-c"), sender, QString::number(port)});
    ASSERT_TRUE(client->waitForOutput("sending\n", 20000)) << client->describe();
    server->process.terminate();
    ASSERT_TRUE(server->waitForFinished(20000)) << server->describe();
    EXPECT_EQ(server->exitCode(), 0) << server->describe();
    client->write("go\n");
    ASSERT_TRUE(client->waitForFinished()) << client->describe();
    ASSERT_TRUE(client->out.contains("reset\n")) << client->describe();
    const qint64 received = client->out.mid(client->out.indexOf("received ") + 9).trimmed()
                                .toLongLong();

    EXPECT_EQ(Tshark::problems(file, false), QString());
    // Each packet: its source port, RST, FIN, and its relative acknowledgement number.
    const Tshark::Result packets = Tshark::run(
        {QStringLiteral("-r"), file, QStringLiteral("-T"), QStringLiteral("fields"),
         QStringLiteral("-E"), QStringLiteral("separator=,"), QStringLiteral("-e"),
         QStringLiteral("tcp.srcport"), QStringLiteral("-e"), QStringLiteral("tcp.flags.reset"),
         QStringLiteral("-e"), QStringLiteral("tcp.flags.fin"), QStringLiteral("-e"),
         QStringLiteral("tcp.ack")});
    ASSERT_TRUE(packets.ran) << packets.errors.toStdString();
    const QList<QByteArray> lines = packets.output.trimmed().split('\n');
    ASSERT_FALSE(lines.isEmpty());
    // The server's shutdown() at stop is in the file as its FIN, before the RST. (Whether that
    // FIN left the kernel, or waited behind bytes the reset discarded, the recording cannot tell
    // yet: see the README's Save section.)
    qint64 mostAcknowledged = 0;
    int serverFins = 0;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(',');
        ASSERT_EQ(fields.size(), 4) << line.toStdString();
        const bool fromServer = fields[0].toUInt() == port;
        const bool fin = fields[2] == "1" || fields[2] == "True";
        EXPECT_FALSE(fin && !fromServer) << "the client's FIN: " << line.toStdString();
        serverFins += fin && fromServer;
        if (!fromServer)
            mostAcknowledged = std::max(mostAcknowledged, fields[3].toLongLong());
    }
    EXPECT_LE(serverFins, 1);
    const QList<QByteArray> last = lines.last().split(',');
    EXPECT_EQ(last[0].toUInt(), port) << "the server resets: " << lines.last().toStdString();
    EXPECT_TRUE(last[1] == "1" || last[1] == "True") << lines.last().toStdString();
    // Relative numbers: the server's SYN counts one, and its FIN one.
    EXPECT_LE(mostAcknowledged, received + 1 + serverFins) << "the client received " << received;
}
