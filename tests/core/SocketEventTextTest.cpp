#include "QtPrinters.h"

#include "core/SocketEventText.h"

#include <QFile>
#include <QScopeGuard>
#include <QTranslator>

#include <gtest/gtest.h>

#include <cerrno>

namespace {

using Kind = SocketEvent::Kind;
using Reason = SocketEvent::CloseReason;
using Failure = SocketFailure::Kind;
constexpr SocketSide Server = SocketSide::Server;
constexpr SocketSide Client = SocketSide::Client;

SocketFailure failure(Failure kind, const QString &systemText = {}, int systemError = 0)
{
    return {kind, systemError, systemText};
}

struct Case
{
    SocketEvent event;
    QString call;
    QString result;
    QString python;
};

void expectCase(const Case &test)
{
    const QString what = test.call + QStringLiteral(" -> ") + test.result;
    EXPECT_EQ(SocketEventText::call(test.event), test.call) << what;
    EXPECT_EQ(SocketEventText::result(test.event), test.result) << what;
    EXPECT_EQ(SocketEventText::pythonLine(test.event), test.python) << what;
    EXPECT_EQ(SocketEventText::callAndResult(test.event),
              test.result.isEmpty() ? test.call : what);
    EXPECT_FALSE(SocketEventText::explanation(test.event).isEmpty()) << what;
}

const QString SocketLine = QStringLiteral(
    "sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)");
const QString Socket6Line = QStringLiteral(
    "sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)");
const QString Accept = QStringLiteral("conn, addr = sock.accept()");
const QString Lookup = QStringLiteral("(inside sock.connect: the name is looked up)");
const QString Connect = QStringLiteral("sock.connect((HOST, PORT))");

TEST(SocketEventTextTest, TheServersSetUpIsSaidInTheLecturesCalls)
{
    const Case cases[] = {
        {SocketEvent::socket(Server, false), "socket(AF_INET, SOCK_STREAM)", "", SocketLine},
        {SocketEvent::socket(Server, true, true), "socket(AF_INET6, SOCK_STREAM)",
         "dual-stack: takes IPv4 and IPv6 clients", Socket6Line},
        {SocketEvent::reuseAddress(), "setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)", "",
         "sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)"},
        {SocketEvent::bind({"", 5220}, 5220), "bind((\"\", 5220))", "",
         "sock.bind((HOST, PORT))"},
        {SocketEvent::bind({"127.0.0.1", 0}, 41234), "bind((\"127.0.0.1\", 0))",
         "the system chose port 41234", "sock.bind((HOST, PORT))"},
        {SocketEvent::bind({"::1", 5220}, 0, failure(Failure::AddressNotAvailable), true),
         "bind((\"::1\", 5220))", "skipped: address not available on this computer",
         "sock.bind((HOST, PORT))"},
        {SocketEvent::listen(), "listen()", "", "sock.listen()"},
    };
    for (const Case &test : cases)
        expectCase(test);
}

TEST(SocketEventTextTest, AcceptSaysWhatPythonsAddrWouldPrint)
{
    const Case cases[] = {
        {SocketEvent::accept(3, {"127.0.0.1", 51234}), "accept()", "('127.0.0.1', 51234)",
         Accept},
        {SocketEvent::accept(4, {"::1", 51234}), "accept()", "('::1', 51234, 0, 0)", Accept},
        {SocketEvent::refuse({"127.0.0.1", 5000}, 1), "accept()",
         "127.0.0.1:5000, refused: it already serves 1 client, the limit", Accept},
        {SocketEvent::refuse({"::1", 5000}, 1000), "accept()",
         "[::1]:5000, refused: it already serves 1000 clients, the limit", Accept},
        {SocketEvent::acceptFailed(failure(Failure::OutOfDescriptors, "Too many open files",
                                           EMFILE),
                                   100),
         "accept()", "failed: too many open files (ulimit -n); trying again every 100 ms",
         Accept},
        {SocketEvent::acceptResumed(), "accept()", "accepting new clients again", Accept},
    };
    for (const Case &test : cases)
        expectCase(test);
    EXPECT_EQ(SocketEventText::pythonAddress({"fe80::1%eth0", 7}),
              QStringLiteral("('fe80::1%eth0', 7, 0, 0)"));
}

TEST(SocketEventTextTest, TheClientsConnectIsSaidWithTheAddressReallyTried)
{
    const Case cases[] = {
        {SocketEvent::socket(Client, false), "socket(AF_INET, SOCK_STREAM)", "", SocketLine},
        {SocketEvent::socket(Client, true), "socket(AF_INET6, SOCK_STREAM)", "", Socket6Line},
        {SocketEvent::lookup({"example.org", 5220}, {"93.184.215.14", "2606:2800::1"}),
         "getaddrinfo(\"example.org\", 5220)", "93.184.215.14, 2606:2800::1", Lookup},
        {SocketEvent::lookup({"nowhere.invalid", 5220}, {}, failure(Failure::HostNotFound)),
         "getaddrinfo(\"nowhere.invalid\", 5220)", "failed: host not found", Lookup},
        {SocketEvent::connected({"127.0.0.1", 5220}, {"127.0.0.1", 40000}, 300),
         "connect((\"127.0.0.1\", 5220))",
         "connected in 0.3 ms: 127.0.0.1:40000 -> 127.0.0.1:5220", Connect},
        {SocketEvent::connected({"::1", 5220}, {"::1", 40000}, 1520),
         "connect((\"::1\", 5220))", "connected in 1.5 ms: [::1]:40000 -> [::1]:5220", Connect},
        {SocketEvent::connectFailed({"::1", 1}, failure(Failure::Refused)),
         "connect((\"::1\", 1))", "failed: refused", Connect},
    };
    for (const Case &test : cases)
        expectCase(test);
}

TEST(SocketEventTextTest, ReadsWritesAndTheEndAreSaidForEachSide)
{
    const Case cases[] = {
        {SocketEvent::recv(Server, 4, 4096, 7), "recv(4096)", "7 bytes",
         "data = conn.recv(4096)"},
        {SocketEvent::recv(Server, 4, 1024, 1), "recv(1024)", "1 byte", "data = conn.recv(1024)"},
        {SocketEvent::recv(Server, 4, 1024, 0), "recv(1024)",
         "0 bytes: the client finished sending", "data = conn.recv(1024)"},
        {SocketEvent::recv(Client, 0, 64, 0), "recv(64)",
         "0 bytes: the server closed the connection", "data = sock.recv(64)"},
        {SocketEvent::send(Server, 4, 20), "sendall(20 bytes)", "", "conn.sendall(data)"},
        {SocketEvent::send(Client, 0, 1), "sendall(1 byte)", "", "sock.sendall(data)"},
        {SocketEvent::shutdown(Client, 0), "shutdown(SHUT_WR)",
         "nothing more to send; the replies still come",
         "sock.shutdown(socket.SHUT_WR)  # the lecture's client does not do this"},
        {SocketEvent::shutdown(Server, 2), "shutdown(SHUT_WR)", "nothing more to send",
         "conn.shutdown(socket.SHUT_WR)"},
        // The server's side closed first, before the client's: who, and why.
        {SocketEvent::shutdown(Server, 2, SocketEvent::CloseReason::AfterFirstReply),
         "shutdown(SHUT_WR)",
         "the server closes after its first reply, as the lecture's server does: FIN sent",
         "conn.shutdown(socket.SHUT_WR)"},
    };
    for (const Case &test : cases)
        expectCase(test);
}

TEST(SocketEventTextTest, CloseSaysWhyForEachSide)
{
    const SocketFailure reset = failure(Failure::Reset, "Connection reset by peer", ECONNRESET);
    const SocketFailure broken = failure(Failure::Other, "Protocol error", EPROTO);
    const QString conn = QStringLiteral("conn.close()");
    const QString sock = QStringLiteral("sock.close()");
    SocketEvent closedFirst = SocketEvent::close(Server, 1, Reason::AfterFirstReply);
    closedFirst.peerClosedAfter = true; // its FIN answered the server's
    const Case cases[] = {
        {SocketEvent::close(Server, 0, Reason::StoppedListening), "close()",
         "the listening socket: no new clients", sock},
        {SocketEvent::close(Server, 1, Reason::PeerFinished), "close()",
         "the client closed the connection", conn},
        {SocketEvent::close(Server, 1, Reason::AfterFirstReply, {}, 5), "close()",
         "closed after the first reply, as the lecture's server does; 5 bytes more from the "
         "client went unanswered",
         conn},
        {SocketEvent::close(Server, 1, Reason::AfterFirstReply, {}, 1), "close()",
         "closed after the first reply, as the lecture's server does; 1 byte more from the "
         "client went unanswered",
         conn},
        {SocketEvent::close(Server, 1, Reason::AfterFirstReply, {}, 4294967297), "close()",
         "closed after the first reply, as the lecture's server does; 4294967297 bytes more "
         "from the client went unanswered",
         conn},
        {SocketEvent::close(Server, 1, Reason::ServerStopping), "close()",
         "the server is stopping", conn},
        {closedFirst, "close()",
         "closed after the first reply, as the lecture's server does; the client has closed "
         "its side too",
         conn},
        {SocketEvent::close(Server, 1, Reason::ServerStopping, {}, 65536, 2621440), "close()",
         "the server is stopping; 65536 bytes more from the client went unanswered; 2621440 "
         "bytes of replies not delivered: the client had not read them",
         conn},
        {SocketEvent::close(Server, 1, Reason::ServerStopping, {}, 0, 1), "close()",
         "the server is stopping; 1 byte of replies not delivered: the client had not read them",
         conn},
        {SocketEvent::close(Server, 1, Reason::Broken, reset), "close()",
         "the client reset the connection (RST)", conn},
        {SocketEvent::close(Server, 1, Reason::Broken, broken), "close()",
         "the connection failed: Protocol error", conn},
        {SocketEvent::close(Client, 0, Reason::PeerFinished), "close()",
         "the server has closed: we close our end too", sock},
        {SocketEvent::close(Client, 0, Reason::Broken, reset), "close()",
         "the server reset the connection: we close our socket", sock},
        {SocketEvent::close(Client, 0, Reason::Broken, broken), "close()",
         "the connection failed: we close our socket", sock},
        {SocketEvent::close(Client, 0, Reason::Disconnect), "close()", "we disconnect", sock},
        {SocketEvent::close(Client, 1, Reason::Disconnect, {}, 0, 3), "close()",
         "we disconnect; 3 bytes we sent not delivered: the server had not read them", sock},
        {SocketEvent::close(Client, 0, Reason::LostRace), "close()",
         "another address answered first", sock},
    };
    for (const Case &test : cases) {
        expectCase(test);
        EXPECT_FALSE(test.event.isFailure()) << "close() itself does not fail: " << test.result;
    }
}

// A byte the server keeps back is explained where it happens, and what became of it.
TEST(SocketEventTextTest, BytesHeldBackSayWhyAndWhatBecameOfThem)
{
    EXPECT_EQ(SocketEventText::heldBack(1),
              "1 byte held back: the start of a UTF-8 character whose other bytes have not come "
              "yet; it goes out with them");
    EXPECT_EQ(SocketEventText::heldBack(3),
              "3 bytes held back: the start of a UTF-8 character whose other bytes have not "
              "come yet; it goes out with them");
    EXPECT_EQ(SocketEventText::heldBackSentAsTheyCame(1),
              "the 1 byte held back went back unchanged: the client sent no more of that "
              "character");
}

// Backpressure is told by the one wording home, for the log and the window alike.
TEST(SocketEventTextTest, BackpressureOnAClientIsSaidAfterItsName)
{
    EXPECT_EQ(SocketEventText::readingPaused(true),
              "does not read its replies: reading from it paused");
    EXPECT_EQ(SocketEventText::readingPaused(false), "reads its replies again: reading resumed");
}

TEST(SocketEventTextTest, AFailureIsSaidInAFewWordsAndStandsOut)
{
    struct FailureCase
    {
        SocketFailure failure;
        QString words;
    };
    const FailureCase failures[] = {
        {failure(Failure::Refused, "Connection refused", ECONNREFUSED), "refused"},
        {failure(Failure::Reset), "connection reset (RST)"},
        {failure(Failure::TimedOut), "no answer"},
        {failure(Failure::NetworkUnreachable), "network unreachable"},
        {failure(Failure::HostUnreachable), "host unreachable"},
        {failure(Failure::AddressInUse, "The bound address is already in use"),
         "address already in use"},
        {failure(Failure::AddressNotAvailable), "address not available on this computer"},
        {failure(Failure::PermissionDenied, "The address is protected"), "permission denied"},
        {failure(Failure::HostNotFound, "Host not found"), "host not found"},
        {failure(Failure::OutOfDescriptors), "too many open files (ulimit -n)"},
        {failure(Failure::MessageTooLong, "Message too long", EMSGSIZE),
         "message too long (EMSGSIZE)"},
        {failure(Failure::Other, "Protocol error", EPROTO), "Protocol error"},
        {failure(Failure::Other, {}, EPROTO), QStringLiteral("system error %1").arg(EPROTO)},
        {failure(Failure::Other), "unknown error"},
    };
    for (const FailureCase &test : failures) {
        EXPECT_EQ(SocketEventText::failure(test.failure), test.words);
        const SocketEvent connect = SocketEvent::connectFailed({"127.0.0.1", 1}, test.failure);
        EXPECT_EQ(SocketEventText::result(connect), QStringLiteral("failed: ") + test.words);
        EXPECT_TRUE(connect.isFailure()) << test.words;
        const SocketEvent read = SocketEvent::recv(Client, 0, 1024, 0, test.failure);
        EXPECT_EQ(SocketEventText::result(read), QStringLiteral("failed: ") + test.words);
        EXPECT_TRUE(read.isFailure()) << test.words;
    }

    EXPECT_TRUE(SocketEvent::bind({"", 80}, 0, failure(Failure::PermissionDenied)).isFailure());
    EXPECT_EQ(SocketEventText::result(SocketEvent::bind({"", 80}, 0,
                                                        failure(Failure::PermissionDenied))),
              QStringLiteral("failed: permission denied"));
    EXPECT_FALSE(SocketEvent::bind({"::1", 0}, 0, failure(Failure::AddressNotAvailable), true)
                     .isFailure())
        << "a skipped extra address is no failure of the server";
    EXPECT_TRUE(SocketEvent::refuse({"127.0.0.1", 5000}, 1).isFailure());
    EXPECT_TRUE(SocketEvent::acceptFailed(failure(Failure::OutOfDescriptors), 100).isFailure());
    EXPECT_EQ(SocketEventText::result(SocketEvent::send(Client, 0, 1503, failure(Failure::Reset))),
              QStringLiteral("failed: connection reset (RST)"));
    EXPECT_FALSE(SocketEvent::accept(1, {"127.0.0.1", 5000}).isFailure());
    EXPECT_FALSE(SocketEvent::recv(Server, 1, 1024, 0).isFailure()) << "end of stream is normal";
}

QString explained(const SocketEvent &event)
{
    return SocketEventText::explanation(event);
}

TEST(SocketEventTextTest, ExplanationsSayWhatTheValueSays)
{
    EXPECT_TRUE(explained(SocketEvent::socket(Server, true, true)).contains("dual-stack"));
    EXPECT_TRUE(explained(SocketEvent::socket(Server, true)).contains("IPv6 (AF_INET6)"));
    EXPECT_FALSE(explained(SocketEvent::socket(Server, true)).contains("dual-stack"));
    EXPECT_TRUE(explained(SocketEvent::socket(Client, false)).contains("IPv4 (AF_INET)"));

    const QString anyPort = QStringLiteral("Port 0 asks the system for any free port.");
    EXPECT_TRUE(explained(SocketEvent::bind({"127.0.0.1", 0}, 4000)).contains(anyPort));
    EXPECT_FALSE(explained(SocketEvent::bind({"127.0.0.1", 5220}, 5220)).contains(anyPort));
    const QString inUse = explained(
        SocketEvent::bind({"", 5220}, 0, failure(Failure::AddressInUse)));
    EXPECT_TRUE(inUse.startsWith("bind() failed")) << inUse;
    EXPECT_TRUE(inUse.contains("already uses")) << inUse;
    EXPECT_FALSE(inUse.contains("TIME_WAIT")) << inUse;
    SocketEvent inUseWithoutReuse = SocketEvent::bind({"", 5220}, 0,
                                                      failure(Failure::AddressInUse));
    inUseWithoutReuse.reuseAddressSet = false;
    const QString timeWait = explained(inUseWithoutReuse);
    EXPECT_TRUE(timeWait.startsWith("bind() failed")) << timeWait;
    EXPECT_TRUE(timeWait.contains("TIME_WAIT")) << timeWait;
    EXPECT_TRUE(timeWait.contains("SO_REUSEADDR")) << timeWait;
    const QString denied = explained(
        SocketEvent::bind({"", 80}, 0, failure(Failure::PermissionDenied)));
    EXPECT_TRUE(denied.startsWith("bind() failed")) << denied;
    EXPECT_TRUE(denied.contains("1024")) << denied;
    const QString skipped = explained(
        SocketEvent::bind({"::1", 5220}, 0, failure(Failure::AddressNotAvailable), true));
    EXPECT_TRUE(skipped.contains("other addresses")) << skipped;

    const QString paused = explained(
        SocketEvent::acceptFailed(failure(Failure::OutOfDescriptors), 100));
    EXPECT_TRUE(paused.contains("ulimit -n")) << paused;
    EXPECT_TRUE(paused.contains("100 ms")) << paused;
    EXPECT_TRUE(explained(SocketEvent::refuse({"127.0.0.1", 5000}, 1))
                    .contains("already serves as many clients as it may"));
    EXPECT_TRUE(explained(SocketEvent::accept(1, {"127.0.0.1", 5000}))
                    .contains("a new socket for this client"));

    const SocketFailure notFound = failure(Failure::HostNotFound);
    EXPECT_TRUE(explained(SocketEvent::lookup({"x.invalid", 1}, {}, notFound))
                    .contains("could not be looked up"));
    EXPECT_TRUE(explained(SocketEvent::connectFailed({"127.0.0.1", 1}, failure(Failure::Refused)))
                    .startsWith("Nothing accepted the connection"));
    EXPECT_TRUE(explained(SocketEvent::connectFailed({"127.0.0.1", 1}, failure(Failure::TimedOut)))
                    .contains("firewall"));
    EXPECT_TRUE(explained(SocketEvent::connected({"127.0.0.1", 1}, {"127.0.0.1", 2}, 1))
                    .contains("handshake"));
}

// What the server window's client list says of a client that left, in a few words.
TEST(SocketEventTextTest, HowAClientLeftInAFewWords)
{
    const auto summary = [](Reason reason, const SocketFailure &failure = {}) {
        return SocketEventText::closeSummary(SocketEvent::close(Server, 1, reason, failure));
    };
    EXPECT_EQ(summary(Reason::PeerFinished), QStringLiteral("closed by the client"));
    EXPECT_EQ(summary(Reason::Broken, failure(Failure::Reset)),
              QStringLiteral("connection reset (RST)"));
    EXPECT_EQ(summary(Reason::MadeRoom), QStringLiteral("closed to make room"));
    EXPECT_EQ(summary(Reason::ServerStopping), QStringLiteral("the server stopped"));
    EXPECT_EQ(summary(Reason::AfterFirstReply), QStringLiteral("closed after the first reply"));
    EXPECT_EQ(SocketEventText::closeSummary(SocketEvent::close(Client, 0, Reason::PeerFinished)),
              QStringLiteral("closed by the server"));
}

TEST(SocketEventTextTest, ReadExplanationsTellAReadAnEndAndAResetApart)
{
    const QString read = explained(SocketEvent::recv(Server, 1, 4096, 4096));
    EXPECT_TRUE(read.contains("at most 4096")) << read;
    EXPECT_FALSE(read.contains("reset")) << read;
    EXPECT_TRUE(explained(SocketEvent::recv(Client, 0, 1024, 9)).contains("at most 1024 bytes"));
    EXPECT_TRUE(explained(SocketEvent::recv(Server, 1, 1024, 0))
                    .contains("the client will send nothing more"));
    EXPECT_TRUE(explained(SocketEvent::recv(Client, 0, 1024, 0)).contains("server closed"));

    const SocketFailure reset = failure(Failure::Reset);
    const QString client = explained(SocketEvent::recv(Client, 0, 1024, 0, reset));
    EXPECT_TRUE(client.contains("reset (RST)")) << client;
    EXPECT_TRUE(client.contains("unread")) << client;
    EXPECT_TRUE(client.contains("ConnectionResetError")) << client;
    EXPECT_TRUE(client.contains("recv(1024)")) << client;
    const QString server = explained(SocketEvent::recv(Server, 3, 1024, 0, reset));
    EXPECT_TRUE(server.contains("The client's system")) << server;
    EXPECT_TRUE(server.contains("reset (RST)")) << server;

    EXPECT_TRUE(explained(SocketEvent::send(Client, 0, 1503, reset)).contains("reset (RST)"));
    EXPECT_TRUE(explained(SocketEvent::send(Server, 1, 2)).contains("capitalized"));
    EXPECT_TRUE(explained(SocketEvent::close(Server, 0, Reason::StoppedListening))
                    .contains("no new client can connect"));
    EXPECT_TRUE(explained(SocketEvent::close(Server, 2, Reason::PeerFinished))
                    .contains("the listening socket stays open"));
    EXPECT_TRUE(explained(SocketEvent::close(Client, 0, Reason::Disconnect))
                    .contains("the connection is over"));
}

TEST(SocketEventTextTest, SendallAndRecvSayWhereEncodeAndDecodeCome)
{
    // The lecture's pipeline: mesg.encode() -> sendall -> recv -> data.decode().
    for (const SocketSide side : {Client, Server}) {
        const qint64 connection = side == Server ? 1 : 0;
        const QString sends = explained(SocketEvent::send(side, connection, 6));
        EXPECT_TRUE(sends.contains(QStringLiteral(".encode()"))) << sends;
        const QString reads = explained(SocketEvent::recv(side, connection, 1024, 6));
        EXPECT_TRUE(reads.contains(QStringLiteral(".decode()"))) << reads;
    }
}

// The stripped lines of one of the lecture's programs, as tests/peers keeps them.
QStringList lectureProgram(const char *name)
{
    QFile file(QStringLiteral(CAPSOCK_TESTS_DIR "/peers/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines;
    for (const QByteArray &line : file.readAll().split('\n'))
        lines.append(QString::fromUtf8(line).trimmed());
    return lines;
}

void expectLineOf(const QStringList &program, const QString &line)
{
    EXPECT_FALSE(line.isEmpty());
    EXPECT_TRUE(program.contains(line)) << line;
}

TEST(SocketEventTextTest, EachPythonLineIsALineOfTheLecturesProgram)
{
    const QStringList server = lectureProgram("lecture_server.py");
    const QStringList client = lectureProgram("lecture_client.py");
    ASSERT_FALSE(server.isEmpty());
    ASSERT_FALSE(client.isEmpty());
    const SocketEvent serverCalls[] = {
        SocketEvent::socket(Server, false),  SocketEvent::reuseAddress(),
        SocketEvent::bind({"", 5220}, 5220), SocketEvent::listen(),
        SocketEvent::accept(1, {"127.0.0.1", 5000}), SocketEvent::recv(Server, 1, 1024, 20),
        SocketEvent::send(Server, 1, 20),    SocketEvent::close(Server, 1, Reason::PeerFinished),
        SocketEvent::close(Server, 0, Reason::StoppedListening),
    };
    for (const SocketEvent &event : serverCalls)
        expectLineOf(server, SocketEventText::pythonLine(event));
    const SocketEvent clientCalls[] = {
        SocketEvent::socket(Client, false),
        SocketEvent::connected({"127.0.0.1", 5220}, {"127.0.0.1", 5000}, 1),
        SocketEvent::send(Client, 0, 20), SocketEvent::recv(Client, 0, 1024, 20),
        SocketEvent::close(Client, 0, Reason::Disconnect),
    };
    for (const SocketEvent &event : clientCalls)
        expectLineOf(client, SocketEventText::pythonLine(event));
}

// --- beneath the calls: TCP's state and the kernel's queues --------------------------------

using State = TcpInfo::State;

TcpInfo reading(State state, qint64 unsent = 0, qint64 unacked = 0, qint64 unread = 0)
{
    TcpInfo info;
    info.state = state;
    info.unsent = unsent;
    info.unacked = unacked;
    info.unread = unread;
    return info;
}

TEST(SocketEventTextTest, AStateChangeIsSaidInTheKernelsNames)
{
    const Case cases[] = {
        {SocketEvent::tcpState(Client, 0, State::Unknown, reading(State::SynSent)),
         "TCP SYN_SENT", "", ""},
        {SocketEvent::tcpState(Client, 0, State::SynSent, reading(State::Established)),
         "TCP SYN_SENT -> ESTABLISHED", "", ""},
        {SocketEvent::tcpState(Server, 3, State::Established, reading(State::CloseWait)),
         "TCP ESTABLISHED -> CLOSE_WAIT", "", ""},
        {SocketEvent::tcpState(Client, 0, State::FinWait2, reading(State::TimeWait), true),
         "TCP FIN_WAIT2 -> TIME_WAIT",
         "after close(): found by its addresses and ports, as ss does", ""},
    };
    for (const Case &test : cases)
        expectCase(test);
}

// On loopback a client's first reading, right after it called connect(), already finds the
// handshake done: the line stands before connect() returns, and says why.
TEST(SocketEventTextTest, AClientEstablishedAtItsFirstReadingSaysConnectReturnsNext)
{
    const SocketEvent atOnce =
        SocketEvent::tcpState(Client, 0, State::Unknown, reading(State::Established));
    EXPECT_TRUE(SocketEventText::explanation(atOnce).contains(
        QStringLiteral("before connect() has returned")))
        << SocketEventText::explanation(atOnce).toStdString();
    const SocketEvent later =
        SocketEvent::tcpState(Client, 0, State::SynSent, reading(State::Established));
    EXPECT_FALSE(SocketEventText::explanation(later).contains(QStringLiteral("connect()")))
        << "the SYN_SENT reading came first: the handshake took its time";
}

// TIME_WAIT keeps the port of the side that closed first: a server's matters (its restart
// fails without SO_REUSEADDR), a client's does not (its next connect() gets another).
TEST(SocketEventTextTest, TimeWaitSaysWhosePortItHolds)
{
    const QString server = SocketEventText::explanation(
        SocketEvent::tcpState(Server, 1, State::FinWait2, reading(State::TimeWait), true));
    EXPECT_TRUE(server.contains(QStringLiteral("address already in use"))) << server;
    const QString client = SocketEventText::explanation(
        SocketEvent::tcpState(Client, 0, State::FinWait2, reading(State::TimeWait), true));
    EXPECT_FALSE(client.contains(QStringLiteral("address already in use"))) << client;
    EXPECT_TRUE(client.contains(QStringLiteral("not the server's"))) << client;
}

TEST(SocketEventTextTest, AQueueSampleSaysTheBytesEachWayAndWhatTheKernelMeasured)
{
    TcpInfo measured = reading(State::Established, 100, 1200, 5);
    measured.rttUs = 52;
    measured.congestionWindow = 10;
    measured.mss = 65483;
    measured.retransmissions = 0;
    TcpInfo listening = reading(State::Listen);
    listening.acceptQueue = 3;
    listening.backlog = 4096;
    const Case cases[] = {
        {SocketEvent::tcpQueues(Client, 0, measured, false, true), "TCP_INFO",
         "unsent 100, in flight 1200, unread 5 bytes; RTT 0.052 ms, cwnd 10, MSS 65483, "
         "0 retransmitted",
         ""},
        // An older kernel, or no connection left to ask: only what is known.
        {SocketEvent::tcpQueues(Server, 2, reading(State::Established, 0, 0, 1), false, true),
         "TCP_INFO", "unsent 0, in flight 0, unread 1 byte", ""},
        {SocketEvent::tcpQueues(Server, 0, listening, false, false), "TCP_INFO",
         "accept queue: 3 of 4096 waiting", ""},
        {SocketEvent::tcpUnavailable(Client, 0), "TCP_INFO", "not available on this system",
         ""},
    };
    for (const Case &test : cases)
        expectCase(test);
}

TEST(SocketEventTextTest, TheLecturesMomentsBeneathTheCallsAreExplained)
{
    using Moment = SocketEvent::TcpMoment;
    const SocketEvent stillThere = SocketEvent::tcpQueues(
        Client, 0, reading(State::Established, 0, 1200), true, true);
    EXPECT_EQ(stillThere.tcpMoment(), Moment::StillInSendBuffer);
    EXPECT_TRUE(explained(stillThere).contains("1200 bytes are still in the kernel's send "
                                               "buffer")) << explained(stillThere);

    const SocketEvent full = SocketEvent::tcpQueues(
        Client, 0, reading(State::Established, 300000, 0), true, true);
    EXPECT_EQ(full.tcpMoment(), Moment::Backpressure);
    EXPECT_TRUE(explained(full).contains("300000 bytes")) << explained(full);
    EXPECT_TRUE(explained(full).contains("receive buffer is full")) << explained(full);

    const SocketEvent unread = SocketEvent::tcpQueues(
        Server, 1, reading(State::Established, 0, 0, 17), false, false);
    EXPECT_EQ(unread.tcpMoment(), Moment::WaitingToBeRead);
    EXPECT_TRUE(explained(unread).contains("17 bytes")) << explained(unread);

    const SocketEvent idle = SocketEvent::tcpQueues(Server, 1, reading(State::Established),
                                                    false, true);
    EXPECT_EQ(idle.tcpMoment(), Moment::BothWaiting);
    EXPECT_TRUE(explained(idle).contains("importance of having a protocol")) << explained(idle);
    // Not waiting to receive (reading paused), or no longer connected: not "both waiting".
    EXPECT_EQ(SocketEvent::tcpQueues(Server, 1, reading(State::Established), false, false)
                  .tcpMoment(),
              Moment::None);
    EXPECT_EQ(SocketEvent::tcpQueues(Server, 1, reading(State::CloseWait), false, true)
                  .tcpMoment(),
              Moment::None);
    EXPECT_EQ(SocketEvent::tcpState(Server, 1, State::Established, reading(State::CloseWait))
                  .tcpMoment(),
              Moment::None);

    // Segments sent again since the last reading: a loss, said in words; it outranks the rest.
    TcpInfo lossy = reading(State::Established, 0, 1200);
    lossy.rttUs = 1000;
    lossy.congestionWindow = 2;
    lossy.mss = 1448;
    lossy.retransmissions = 5;
    const SocketEvent resent = SocketEvent::tcpQueues(Client, 0, lossy, true, true, 2);
    EXPECT_EQ(resent.tcpMoment(), Moment::Retransmitted);
    EXPECT_EQ(SocketEventText::result(resent),
              "unsent 0, in flight 1200, unread 0 bytes; RTT 1.000 ms, cwnd 2, MSS 1448, "
              "5 retransmitted (2 just now: no acknowledgement came in time, so sent again)");
    EXPECT_TRUE(explained(resent).contains("TCP sent 2 segments again")) << explained(resent);
    EXPECT_TRUE(explained(resent).contains("5 in all")) << explained(resent);
    EXPECT_TRUE(explained(resent).contains("the program sees only the delay"))
        << explained(resent);
    // The same count with nothing new: no loss now, the usual moment.
    EXPECT_EQ(SocketEvent::tcpQueues(Client, 0, lossy, true, true).tcpMoment(),
              Moment::StillInSendBuffer);

    const QString closeWait = explained(
        SocketEvent::tcpState(Server, 1, State::Established, reading(State::CloseWait)));
    EXPECT_TRUE(closeWait.contains("recv() returns 0 bytes")) << closeWait;
    const QString timeWait = explained(
        SocketEvent::tcpState(Server, 1, State::FinWait2, reading(State::TimeWait), true));
    EXPECT_TRUE(timeWait.contains("SO_REUSEADDR")) << timeWait;
    EXPECT_TRUE(timeWait.contains("address already in use")) << timeWait;
    const QString unavailable = explained(SocketEvent::tcpUnavailable(Client, 0));
    EXPECT_TRUE(unavailable.contains("everything else works")) << unavailable;
}

// --- UDP: the textbook's twin (Kurose & Ross, UDPServer.py and UDPClient.py) ---------------

const QString ServerRecvFrom = QStringLiteral(
    "message, clientAddress = serverSocket.recvfrom(2048)");
const QString ServerSendTo = QStringLiteral(
    "serverSocket.sendto(modifiedMessage.encode(), clientAddress)");
const QString ClientSendTo = QStringLiteral(
    "clientSocket.sendto(message.encode(),(serverName, serverPort))");
const QString ClientRecvFrom = QStringLiteral(
    "modifiedMessage, serverAddress = clientSocket.recvfrom(2048)");

TEST(SocketEventTextTest, UdpCallsAreSaidInTheTextbooksTerms)
{
    const Case cases[] = {
        {SocketEvent::socket(Server, false).onDatagramSocket(), "socket(AF_INET, SOCK_DGRAM)",
         "", "serverSocket = socket(AF_INET, SOCK_DGRAM)"},
        {SocketEvent::socket(Server, true, true).onDatagramSocket(),
         "socket(AF_INET6, SOCK_DGRAM)", "dual-stack: takes IPv4 and IPv6 clients",
         "serverSocket = socket(AF_INET6, SOCK_DGRAM)"},
        {SocketEvent::socket(Client, false).onDatagramSocket(), "socket(AF_INET, SOCK_DGRAM)",
         "", "clientSocket = socket(AF_INET, SOCK_DGRAM)"},
        {SocketEvent::bind({"", 12000}, 12000).onDatagramSocket(), "bind((\"\", 12000))", "",
         "serverSocket.bind(('', serverPort))"},
        {SocketEvent::recvFrom(Server, 1, 2048, 17, {"127.0.0.1", 51234}, 17), "recvfrom(2048)",
         "(17 bytes, ('127.0.0.1', 51234))", ServerRecvFrom},
        {SocketEvent::recvFrom(Server, 2, 2048, 1, {"::1", 51234}, 1), "recvfrom(2048)",
         "(1 byte, ('::1', 51234, 0, 0))", ServerRecvFrom},
        {SocketEvent::recvFrom(Server, 1, 2048, 2048, {"127.0.0.1", 51234}, 3000),
         "recvfrom(2048)",
         "(2048 bytes, ('127.0.0.1', 51234)): cut, the datagram had 3000 bytes",
         ServerRecvFrom},
        {SocketEvent::recvFrom(Server, 1, 2048, 2048, {"127.0.0.1", 51234}, -1),
         "recvfrom(2048)", "(2048 bytes, ('127.0.0.1', 51234)): cut, the rest is lost",
         ServerRecvFrom},
        {SocketEvent::sendTo(Server, 1, 17, {"127.0.0.1", 51234}),
         "sendto(17 bytes, ('127.0.0.1', 51234))", "", ServerSendTo},
        {SocketEvent::sendTo(Client, 0, 5, {"127.0.0.1", 12000}),
         "sendto(5 bytes, ('127.0.0.1', 12000))", "", ClientSendTo},
        {SocketEvent::recvFrom(Client, 0, 2048, 5, {"127.0.0.1", 12000}, 5), "recvfrom(2048)",
         "(5 bytes, ('127.0.0.1', 12000))", ClientRecvFrom},
        {SocketEvent::recvFromFailed(Client, 2048, failure(Failure::TimedOut), 1500000),
         "recvfrom(2048)", "no reply within 1.5 s", ClientRecvFrom},
        {SocketEvent::recvFromFailed(Client, 2048, failure(Failure::Refused)), "recvfrom(2048)",
         "failed: refused", ClientRecvFrom},
        {SocketEvent::sendTo(Client, 0, 70000, {"127.0.0.1", 12000},
                             failure(Failure::MessageTooLong, "Message too long", EMSGSIZE)),
         "sendto(70000 bytes, ('127.0.0.1', 12000))", "failed: message too long (EMSGSIZE)",
         ClientSendTo},
        {SocketEvent::connected({"127.0.0.1", 12000}, {"127.0.0.1", 40000}, 20)
             .onDatagramSocket(),
         "connect((\"127.0.0.1\", 12000))",
         "connected UDP socket: 127.0.0.1:40000 -> 127.0.0.1:12000",
         "clientSocket.connect((serverName, serverPort))  # not in the textbook's client"},
        {SocketEvent::close(Client, 0, Reason::Disconnect).onDatagramSocket(), "close()",
         "we close our socket", "clientSocket.close()"},
        {SocketEvent::close(Server, 0, Reason::StoppedListening).onDatagramSocket(), "close()",
         "the server's socket: no more datagrams", "serverSocket.close()"},
    };
    for (const Case &test : cases)
        expectCase(test);
    EXPECT_TRUE(SocketEvent::recvFromFailed(Client, 2048, failure(Failure::TimedOut))
                    .isFailure());
    EXPECT_FALSE(SocketEvent::recvFrom(Server, 1, 2048, 2048, {"127.0.0.1", 1}, 3000)
                     .isFailure())
        << "a cut datagram is the system's doing, not a failed call";
}

TEST(SocketEventTextTest, UdpExplanationsTeachWhatADatagramIs)
{
    const QString bind = explained(SocketEvent::bind({"", 12000}, 12000).onDatagramSocket());
    EXPECT_TRUE(bind.contains("no listen() and no accept()")) << bind;
    const QString inUse = explained(
        SocketEvent::bind({"", 12000}, 0, failure(Failure::AddressInUse)).onDatagramSocket());
    EXPECT_TRUE(inUse.contains("can not receive datagrams")) << inUse;
    EXPECT_FALSE(inUse.contains("listen")) << "UDP has no listen(): " << inUse.toStdString();
    EXPECT_TRUE(explained(SocketEvent::socket(Server, false).onDatagramSocket())
                    .contains("UDP (SOCK_DGRAM)"));
    const QString whole = explained(
        SocketEvent::recvFrom(Server, 1, 2048, 17, {"127.0.0.1", 5}, 17));
    EXPECT_TRUE(whole.contains("whole")) << whole;
    const QString cut = explained(
        SocketEvent::recvFrom(Server, 1, 2048, 2048, {"127.0.0.1", 5}, 3000));
    EXPECT_TRUE(cut.contains("3000 bytes")) << cut;
    EXPECT_TRUE(cut.contains("MSG_TRUNC")) << cut;
    const QString noReply = explained(
        SocketEvent::recvFromFailed(Client, 2048, failure(Failure::TimedOut), 2000000));
    EXPECT_TRUE(noReply.contains("UDP does not retry: the datagram or its reply may have been "
                                 "lost, or nothing listens there"))
        << noReply;
    const QString refused = explained(
        SocketEvent::recvFromFailed(Client, 2048, failure(Failure::Refused)));
    EXPECT_TRUE(refused.contains("port unreachable")) << refused;
    EXPECT_TRUE(refused.contains("connect()")) << refused;
    const QString tooLong = explained(SocketEvent::sendTo(
        Client, 0, 70000, {"127.0.0.1", 1}, failure(Failure::MessageTooLong)));
    EXPECT_TRUE(tooLong.contains("EMSGSIZE")) << tooLong;
    EXPECT_TRUE(tooLong.contains("nothing was sent")) << tooLong;
    const QString connect = explained(
        SocketEvent::connected({"127.0.0.1", 1}, {"127.0.0.1", 2}, 1).onDatagramSocket());
    EXPECT_TRUE(connect.contains("no handshake")) << connect;
    EXPECT_TRUE(connect.contains("refused")) << connect;
}

TEST(SocketEventTextTest, EachUdpPythonLineIsALineOfTheTextbooksProgram)
{
    const QStringList server = lectureProgram("textbook_udp_server.py");
    const QStringList client = lectureProgram("textbook_udp_client.py");
    ASSERT_FALSE(server.isEmpty());
    ASSERT_FALSE(client.isEmpty());
    const SocketEvent serverCalls[] = {
        SocketEvent::socket(Server, false).onDatagramSocket(),
        SocketEvent::bind({"", 12000}, 12000).onDatagramSocket(),
        SocketEvent::recvFrom(Server, 1, 2048, 20, {"127.0.0.1", 5000}, 20),
        SocketEvent::sendTo(Server, 1, 20, {"127.0.0.1", 5000}),
    };
    for (const SocketEvent &event : serverCalls)
        expectLineOf(server, SocketEventText::pythonLine(event));
    const SocketEvent clientCalls[] = {
        SocketEvent::socket(Client, false).onDatagramSocket(),
        SocketEvent::sendTo(Client, 0, 20, {"127.0.0.1", 12000}),
        SocketEvent::recvFrom(Client, 0, 2048, 20, {"127.0.0.1", 12000}, 20),
        SocketEvent::close(Client, 0, Reason::Disconnect).onDatagramSocket(),
    };
    for (const SocketEvent &event : clientCalls)
        expectLineOf(client, SocketEventText::pythonLine(event));
}

// Every user-visible string upper-cased, as a stand-in for a real translation.
class UpperCaseTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return QString::fromUtf8(sourceText).toUpper();
    }
};

TEST(SocketEventTextTest, ATranslationChangesTheWordsButNotTheCodeOrWhatFailed)
{
    UpperCaseTranslator translator;
    QCoreApplication::installTranslator(&translator);
    const auto uninstall = qScopeGuard(
        [&translator] { QCoreApplication::removeTranslator(&translator); });

    const SocketEvent refused = SocketEvent::connectFailed({"127.0.0.1", 1},
                                                           failure(Failure::Refused));
    EXPECT_EQ(SocketEventText::call(refused), QStringLiteral("connect((\"127.0.0.1\", 1))"));
    EXPECT_EQ(SocketEventText::pythonLine(refused), Connect);
    EXPECT_EQ(SocketEventText::result(refused), QStringLiteral("FAILED: REFUSED"));
    EXPECT_TRUE(SocketEventText::explanation(refused).startsWith("NOTHING ACCEPTED"));
    EXPECT_TRUE(refused.isFailure());
    const SocketEvent chose = SocketEvent::bind({"127.0.0.1", 0}, 4000);
    EXPECT_EQ(SocketEventText::result(chose), QStringLiteral("THE SYSTEM CHOSE PORT 4000"));
    EXPECT_TRUE(SocketEventText::explanation(chose).contains("PORT 0 ASKS THE SYSTEM"));
}

} // namespace

namespace {

// A captured segment as the client saw it: `outgoing` from the client to the server.
SocketEvent clientSegment(bool outgoing, quint8 flags, quint32 seq, quint32 ack,
                          qsizetype payload = 0)
{
    TcpSegment segment;
    segment.timeUs = 1700000000123456;
    segment.flags = flags;
    segment.window = 8; // scaled by 64 below, as the handshake said
    segment.payload = QByteArray(payload, 'x');
    return SocketEvent::segment(Client, 0, segment, {seq, ack, 512}, outgoing);
}

} // namespace

TEST(SocketEventTextTest, ASegmentIsSaidByItsFlagsLengthAndRelativeNumbers)
{
    using S = TcpSegment;
    const SocketEvent syn = clientSegment(true, S::Syn, 0, 0);
    EXPECT_EQ(syn.kind, Kind::Segment);
    EXPECT_EQ(syn.timeUs, 1700000000123456);
    EXPECT_TRUE(syn.outgoing);
    const Case cases[] = {
        {syn, "SYN", "seq=0 win=512", ""},
        {clientSegment(false, S::Syn | S::Ack, 0, 1), "SYN/ACK", "seq=0 ack=1 win=512", ""},
        {clientSegment(true, S::Ack, 1, 1), "ACK", "seq=1 ack=1 win=512", ""},
        {clientSegment(true, S::Psh | S::Ack, 1, 1, 5), "PSH/ACK",
         "5 bytes seq=1 ack=1 win=512", ""},
        {clientSegment(true, S::Psh | S::Ack, 6, 1, 1), "PSH/ACK", "1 byte seq=6 ack=1 win=512",
         ""},
        {clientSegment(true, S::Fin | S::Ack, 6, 6), "FIN/ACK", "seq=6 ack=6 win=512", ""},
        {clientSegment(false, S::Rst, 1, 0), "RST", "seq=1 win=512", ""},
        {clientSegment(false, S::Rst | S::Ack, 0, 1), "RST/ACK", "seq=0 ack=1 win=512", ""},
    };
    for (const Case &test : cases) {
        EXPECT_EQ(SocketEventText::call(test.event), test.call);
        EXPECT_EQ(SocketEventText::result(test.event), test.result) << test.call.toStdString();
        EXPECT_EQ(SocketEventText::pythonLine(test.event), test.python);
        // Wireshark's order: the flags, then the numbers; no " -> ": a segment returns nothing.
        EXPECT_EQ(SocketEventText::callAndResult(test.event), test.call + ' ' + test.result);
        EXPECT_FALSE(SocketEventText::explanation(test.event).isEmpty());
    }
    // A capture begun after the handshake cannot know the window's scale: the field as sent.
    SocketEvent unscaled = clientSegment(true, S::Ack, 1, 1);
    unscaled.window = 8;
    unscaled.windowScaleUnknown = true;
    EXPECT_EQ(SocketEventText::result(unscaled),
              QStringLiteral("seq=1 ack=1 win=8 (its scale was not seen)"));
    // ">" goes to the server, "<" comes from it, whichever side captured it.
    EXPECT_EQ(SocketEventText::segmentArrow(syn), QStringLiteral(">"));
    EXPECT_EQ(SocketEventText::segmentArrow(clientSegment(false, S::Ack, 1, 1)),
              QStringLiteral("<"));
    EXPECT_EQ(SocketEventText::segmentLine(clientSegment(false, S::Psh | S::Ack, 1, 6, 5)),
              QStringLiteral("< PSH/ACK 5 bytes seq=1 ack=6 win=512"));
    TcpSegment fromServer;
    EXPECT_EQ(SocketEventText::segmentArrow(
                  SocketEvent::segment(Server, 2, fromServer, {1, 1}, true)),
              QStringLiteral("<"));
}

TEST(SocketEventTextTest, SegmentExplanationsTieTheCallsToTheHandshakeTheFinAndTheReset)
{
    using S = TcpSegment;
    const auto explained = [](const SocketEvent &event) {
        return SocketEventText::explanation(event);
    };
    EXPECT_TRUE(explained(clientSegment(true, S::Syn, 0, 0)).contains(QLatin1String("connect()")));
    EXPECT_TRUE(explained(clientSegment(true, S::Syn, 0, 0)).contains(QLatin1String("handshake")));
    EXPECT_TRUE(explained(clientSegment(false, S::Syn | S::Ack, 0, 1))
                    .contains(QLatin1String("accept()")));
    EXPECT_TRUE(explained(clientSegment(true, S::Ack, 1, 1))
                    .contains(QLatin1String("completes the three-way handshake")));
    EXPECT_TRUE(explained(clientSegment(true, S::Psh | S::Ack, 1, 1, 5))
                    .contains(QLatin1String("recv()")));
    EXPECT_TRUE(explained(clientSegment(true, S::Ack, 6, 20))
                    .contains(QLatin1String("acknowledges")));
    EXPECT_TRUE(explained(clientSegment(true, S::Fin | S::Ack, 6, 6))
                    .contains(QLatin1String("close()")));
    EXPECT_TRUE(explained(clientSegment(false, S::Fin | S::Ack, 6, 7))
                    .startsWith(QLatin1String("The server")));
    const QString reset = explained(clientSegment(false, S::Rst | S::Ack, 0, 1));
    EXPECT_TRUE(reset.contains(QLatin1String("RST"))) << reset.toStdString();
    EXPECT_TRUE(reset.contains(QLatin1String("refused"))) << reset.toStdString();
}
