#include "core/SocketEventText.h"

#include "core/PluralCount.h"

#include <algorithm>
#include <climits>

namespace {

using Kind = SocketEvent::Kind;
using Reason = SocketEvent::CloseReason;
using Failure = SocketFailure::Kind;

bool onServer(const SocketEvent &event)
{
    return event.side == SocketSide::Server;
}

// The lecture's names: the server reads and writes a connection with conn, and everything else
// (its listening socket, and every socket of the client) is sock.
QString socketName(const SocketEvent &event)
{
    return onServer(event) && event.connectionId > 0 ? QStringLiteral("conn")
                                                     : QStringLiteral("sock");
}

QString family(const SocketEvent &event)
{
    return event.ipv6 ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET");
}

QString socketType(const SocketEvent &event)
{
    return event.datagram ? QStringLiteral("SOCK_DGRAM") : QStringLiteral("SOCK_STREAM");
}

QString bytes(qint64 count)
{
    return SocketEventText::tr("%1 byte(s)", nullptr, pluralCount(count)).arg(count);
}

// A segment's flags as Wireshark orders them, joined as a lecture writes them: "SYN/ACK".
QString segmentFlags(const SocketEvent &event)
{
    static const std::pair<TcpSegment::Flag, const char *> names[] = {
        {TcpSegment::Fin, "FIN"}, {TcpSegment::Syn, "SYN"}, {TcpSegment::Rst, "RST"},
        {TcpSegment::Psh, "PSH"}, {TcpSegment::Ack, "ACK"}};
    QStringList set;
    for (const auto &[flag, name] : names) {
        if (event.has(flag))
            set.append(QLatin1String(name));
    }
    return set.join(QLatin1Char('/'));
}

// Whose end sent a segment.
bool sentByServer(const SocketEvent &event)
{
    return onServer(event) == event.outgoing;
}

} // namespace

QString SocketEventText::call(const SocketEvent &event)
{
    switch (event.kind) {
    case Kind::Socket:
        return QStringLiteral("socket(%1, %2)").arg(family(event), socketType(event));
    case Kind::ReuseAddress: return QStringLiteral("setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)");
    case Kind::Bind:
        return QStringLiteral("bind((\"%1\", %2))")
            .arg(event.local.address)
            .arg(event.local.port);
    case Kind::Listen: return QStringLiteral("listen()");
    case Kind::Accept:
    case Kind::Refuse:
    case Kind::AcceptResumed: return QStringLiteral("accept()");
    case Kind::Lookup:
        return QStringLiteral("getaddrinfo(\"%1\", %2)")
            .arg(event.peer.address)
            .arg(event.peer.port);
    case Kind::Connect:
        return QStringLiteral("connect((\"%1\", %2))")
            .arg(event.peer.address)
            .arg(event.peer.port);
    case Kind::Recv: return QStringLiteral("recv(%1)").arg(event.size);
    case Kind::Send: return QStringLiteral("sendall(%1)").arg(bytes(event.bytes));
    case Kind::Shutdown: return QStringLiteral("shutdown(SHUT_WR)");
    case Kind::Close: return QStringLiteral("close()");
    case Kind::TcpState:
        if (event.tcpFrom == TcpInfo::State::Unknown)
            return QStringLiteral("TCP %1").arg(tcpState(event.tcp.state));
        return QStringLiteral("TCP %1 -> %2")
            .arg(tcpState(event.tcpFrom), tcpState(event.tcp.state));
    case Kind::TcpQueues:
    case Kind::TcpUnavailable: return QStringLiteral("TCP_INFO");
    case Kind::RecvFrom: return QStringLiteral("recvfrom(%1)").arg(event.size);
    case Kind::SendTo:
        return QStringLiteral("sendto(%1, %2)").arg(bytes(event.bytes), pythonAddress(event.peer));
    case Kind::Segment: return segmentFlags(event);
    }
    return {};
}

QString SocketEventText::result(const SocketEvent &event)
{
    if (event.failure.isFailure() && event.kind != Kind::Close)
        return failedResult(event);
    switch (event.kind) {
    case Kind::Socket:
        return event.dualStack ? tr("dual-stack: takes IPv4 and IPv6 clients") : QString();
    case Kind::ReuseAddress:
    case Kind::Listen:
    case Kind::Send: return {};
    case Kind::Bind:
        return event.local.port == 0 ? tr("the system chose port %1").arg(event.chosenPort)
                                     : QString();
    case Kind::Accept: return pythonAddress(event.peer);
    case Kind::Refuse:
        return tr("%1, refused: %2").arg(event.peer.text(), refusalReason(event.limit));
    case Kind::AcceptResumed: return tr("accepting new clients again");
    case Kind::Lookup: return event.addresses.join(QStringLiteral(", "));
    case Kind::Connect:
        if (event.datagram) {
            return tr("connected UDP socket: %1 -> %2")
                .arg(event.local.text(), event.peer.text());
        }
        return tr("connected in %1 ms: %2 -> %3")
            .arg(QString::number(double(event.durationUs) / 1000.0, 'f', 1),
                 event.local.text(), event.peer.text());
    case Kind::Recv: return recvResult(event);
    case Kind::Shutdown:
        return onServer(event) ? serverShutdownResult(event)
                               : tr("nothing more to send; the replies still come");
    case Kind::Close: return closeResult(event);
    case Kind::TcpState:
        if (!event.afterClose)
            return {};
        if (event.local.port == 0) // not named (no engine leaves it so)
            return tr("after close(): found by its addresses and ports, as ss does");
        return tr("after close() of %1 -> %2: found by its addresses and ports, as ss does")
            .arg(event.local.text(), event.peer.text());
    case Kind::TcpQueues: return queuesResult(event.tcp) + retransmittedNow(event);
    case Kind::TcpUnavailable: return tr("not available on this system");
    case Kind::RecvFrom: return recvFromResult(event);
    case Kind::SendTo: return {};
    case Kind::Segment: return segmentResult(event);
    }
    return {};
}

QString SocketEventText::callAndResult(const SocketEvent &event)
{
    const QString said = result(event);
    if (event.kind == Kind::Segment) // as Wireshark's Info column: a segment returns nothing
        return call(event) + QLatin1Char(' ') + said;
    return said.isEmpty() ? call(event) : call(event) + QStringLiteral(" -> ") + said;
}

QString SocketEventText::segmentArrow(const SocketEvent &event)
{
    return sentByServer(event) ? QStringLiteral("<") : QStringLiteral(">");
}

QString SocketEventText::segmentLine(const SocketEvent &event)
{
    return segmentArrow(event) + QLatin1Char(' ') + callAndResult(event);
}

QString SocketEventText::segmentResult(const SocketEvent &event)
{
    QStringList said;
    if (event.bytes > 0)
        said.append(bytes(event.bytes));
    said.append(QStringLiteral("seq=%1").arg(event.seq));
    if (event.has(TcpSegment::Ack))
        said.append(QStringLiteral("ack=%1").arg(event.ack));
    said.append(QStringLiteral("win=%1").arg(event.window));
    if (event.windowScaleUnknown)
        said.append(tr("(its scale was not seen)"));
    return said.join(QLatin1Char(' '));
}

QString SocketEventText::pythonLine(const SocketEvent &event)
{
    if (event.datagram)
        return textbookLine(event);
    switch (event.kind) {
    case Kind::Socket:
        return QStringLiteral("sock = socket.socket(socket.%1, socket.SOCK_STREAM)")
            .arg(family(event));
    case Kind::ReuseAddress:
        return QStringLiteral("sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)");
    case Kind::Bind: return QStringLiteral("sock.bind((HOST, PORT))");
    case Kind::Listen: return QStringLiteral("sock.listen()");
    case Kind::Accept:
    case Kind::Refuse:
    case Kind::AcceptResumed: return QStringLiteral("conn, addr = sock.accept()");
    case Kind::Lookup: return tr("(inside sock.connect: the name is looked up)");
    case Kind::Connect: return QStringLiteral("sock.connect((HOST, PORT))");
    case Kind::Recv:
        return QStringLiteral("data = %1.recv(%2)").arg(socketName(event)).arg(event.size);
    case Kind::Send: return QStringLiteral("%1.sendall(data)").arg(socketName(event));
    case Kind::Shutdown:
        return onServer(event) ? QStringLiteral("conn.shutdown(socket.SHUT_WR)")
                               : QStringLiteral("sock.shutdown(socket.SHUT_WR)  "
                                                "# the lecture's client does not do this");
    case Kind::Close: return QStringLiteral("%1.close()").arg(socketName(event));
    case Kind::TcpState:
    case Kind::TcpQueues:
    case Kind::TcpUnavailable:
    case Kind::Segment: return {};
    case Kind::RecvFrom:
    case Kind::SendTo: return textbookLine(event);
    }
    return {};
}

bool SocketEventText::pythonLineIsTheLectures(const SocketEvent &event)
{
    if (event.datagram)
        return false;
    switch (event.kind) {
    case Kind::Socket: return !event.ipv6; // the lecture's sockets are AF_INET
    case Kind::ReuseAddress:
    case Kind::Bind:
    case Kind::Listen:
    case Kind::Accept:
    case Kind::Refuse:
    case Kind::AcceptResumed:
    case Kind::Connect:
    case Kind::Recv:
    case Kind::Send:
    case Kind::Close: return true;
    case Kind::Lookup:
    case Kind::Shutdown:
    case Kind::TcpState:
    case Kind::TcpQueues:
    case Kind::TcpUnavailable:
    case Kind::RecvFrom:
    case Kind::SendTo:
    case Kind::Segment: return false;
    }
    return false;
}

QString SocketEventText::failure(const SocketFailure &failure)
{
    switch (failure.kind) {
    case Failure::None: return {};
    case Failure::Refused: return tr("refused");
    case Failure::Reset: return tr("connection reset (RST)");
    case Failure::TimedOut: return tr("no answer");
    case Failure::NetworkUnreachable: return tr("network unreachable");
    case Failure::HostUnreachable: return tr("host unreachable");
    case Failure::AddressInUse: return tr("address already in use");
    case Failure::AddressNotAvailable: return tr("address not available on this computer");
    case Failure::PermissionDenied: return tr("permission denied");
    case Failure::HostNotFound: return tr("host not found");
    case Failure::OutOfDescriptors: return tr("too many open files (ulimit -n)");
    case Failure::MessageTooLong: return tr("message too long (EMSGSIZE)");
    case Failure::Other:
        if (!failure.systemText.isEmpty())
            return failure.systemText;
        return failure.systemError != 0 ? tr("system error %1").arg(failure.systemError)
                                        : tr("unknown error");
    }
    return {};
}

QString SocketEventText::refusalReason(int limit)
{
    return tr("it already serves %n client(s), the limit", nullptr, limit);
}

QString SocketEventText::pythonAddress(const Endpoint &endpoint)
{
    if (endpoint.isIPv6())
        return QStringLiteral("('%1', %2, 0, 0)").arg(endpoint.address).arg(endpoint.port);
    return QStringLiteral("('%1', %2)").arg(endpoint.address).arg(endpoint.port);
}

QString SocketEventText::tcpState(TcpInfo::State state)
{
    using State = TcpInfo::State;
    switch (state) {
    case State::Unknown: return QStringLiteral("?");
    case State::Listen: return QStringLiteral("LISTEN");
    case State::SynSent: return QStringLiteral("SYN_SENT");
    case State::SynReceived: return QStringLiteral("SYN_RECV");
    case State::Established: return QStringLiteral("ESTABLISHED");
    case State::FinWait1: return QStringLiteral("FIN_WAIT1");
    case State::FinWait2: return QStringLiteral("FIN_WAIT2");
    case State::CloseWait: return QStringLiteral("CLOSE_WAIT");
    case State::Closing: return QStringLiteral("CLOSING");
    case State::LastAck: return QStringLiteral("LAST_ACK");
    case State::TimeWait: return QStringLiteral("TIME_WAIT");
    case State::Closed: return QStringLiteral("CLOSED");
    }
    return {};
}

// --- results -------------------------------------------------------------------------------

QString SocketEventText::failedResult(const SocketEvent &event)
{
    const QString words = failure(event.failure);
    if (event.kind == Kind::Bind && event.skipped)
        return tr("skipped: %1").arg(words);
    if (event.kind == Kind::Accept)
        return tr("failed: %1; trying again every %2 ms").arg(words).arg(event.retryMs);
    if (event.kind == Kind::RecvFrom && event.failure.kind == Failure::TimedOut) {
        return tr("no reply within %1 s")
            .arg(QString::number(double(event.durationUs) / 1e6, 'g', 3));
    }
    return tr("failed: %1").arg(words);
}

QString SocketEventText::recvResult(const SocketEvent &event)
{
    if (event.bytes > 0)
        return bytes(event.bytes);
    return onServer(event) ? tr("0 bytes: the client finished sending")
                           : tr("0 bytes: the server closed the connection");
}

QString SocketEventText::brokenResult(const SocketEvent &event)
{
    const bool reset = event.failure.kind == Failure::Reset;
    if (onServer(event)) {
        return reset ? tr("the client reset the connection (RST)")
                     : tr("the connection failed: %1").arg(failure(event.failure));
    }
    return reset ? tr("the server reset the connection: we close our socket")
                 : tr("the connection failed: we close our socket");
}

QString SocketEventText::closeReason(const SocketEvent &event)
{
    switch (event.closeReason) {
    case Reason::StoppedListening: return tr("the listening socket: no new clients");
    case Reason::PeerFinished:
        return onServer(event) ? tr("the client closed the connection")
                               : tr("the server has closed: we close our end too");
    case Reason::AfterFirstReply:
        return tr("closed after the first reply, as the lecture's server does");
    case Reason::ServerStopping: return tr("the server is stopping");
    case Reason::Broken: return brokenResult(event);
    case Reason::Disconnect: return tr("we disconnect");
    case Reason::LostRace: return tr("another address answered first");
    case Reason::MadeRoom:
        return tr("idle the longest, closed to make room for a newcomer: the server is full");
    case Reason::ClosedByUser: return tr("closed from the server's window");
    }
    return {};
}

// The server ends its sending side: when it is the first to, its FIN goes now, and why.
QString SocketEventText::serverShutdownResult(const SocketEvent &event)
{
    switch (event.closeReason) {
    case Reason::AfterFirstReply:
        return tr("the server closes after its first reply, as the lecture's server does: "
                  "FIN sent");
    case Reason::ServerStopping: return tr("the server is stopping: FIN sent");
    case Reason::MadeRoom: return tr("closing to make room for a newcomer: FIN sent");
    case Reason::ClosedByUser: return tr("closed from the server's window: FIN sent");
    case Reason::StoppedListening:
    case Reason::PeerFinished:
    case Reason::Broken:
    case Reason::Disconnect:
    case Reason::LostRace: return tr("nothing more to send");
    }
    return {};
}

QString SocketEventText::readingPaused(bool paused)
{
    return paused ? tr("does not read its replies: reading from it paused")
                  : tr("reads its replies again: reading resumed");
}

QString SocketEventText::heldBack(qint64 bytes)
{
    return tr("%1 byte(s) held back: the start of a UTF-8 character whose other bytes have not "
              "come yet; it goes out with them", nullptr, pluralCount(bytes))
        .arg(bytes);
}

QString SocketEventText::heldBackSentAsTheyCame(qint64 bytes)
{
    return tr("the %1 byte(s) held back went back unchanged: the client sent no more of "
              "that character", nullptr, pluralCount(bytes))
        .arg(bytes);
}

QString SocketEventText::closeSummary(const SocketEvent &event)
{
    switch (event.closeReason) {
    case Reason::StoppedListening: return tr("stopped listening");
    case Reason::PeerFinished:
        return onServer(event) ? tr("closed by the client") : tr("closed by the server");
    case Reason::AfterFirstReply: return tr("closed after the first reply");
    case Reason::ServerStopping: return tr("the server stopped");
    case Reason::Broken: return failure(event.failure);
    case Reason::Disconnect: return tr("we disconnected");
    case Reason::LostRace: return tr("another address answered first");
    case Reason::MadeRoom: return tr("closed to make room");
    case Reason::ClosedByUser: return tr("closed from the window");
    }
    return {};
}

QString SocketEventText::closeResult(const SocketEvent &event)
{
    if (event.datagram) {
        return onServer(event) ? tr("the server's socket: no more datagrams")
                               : tr("we close our socket");
    }
    QString text = closeReason(event);
    if (event.peerClosedAfter) // the FIN that ended it answered ours: not "the client closed"
        text += tr("; the client has closed its side too");
    if (event.unansweredBytes > 0) {
        text += tr("; %1 byte(s) more from the client went unanswered", nullptr,
                   pluralCount(event.unansweredBytes))
                    .arg(event.unansweredBytes);
    }
    if (event.undeliveredBytes > 0) {
        text += (onServer(event)
                     ? tr("; %1 byte(s) of replies not delivered: the client had not read them",
                          nullptr, pluralCount(event.undeliveredBytes))
                     : tr("; %1 byte(s) we sent not delivered: the server had not read them",
                          nullptr, pluralCount(event.undeliveredBytes)))
                    .arg(event.undeliveredBytes);
    }
    return text;
}

QString SocketEventText::queuesResult(const TcpInfo &tcp)
{
    if (tcp.isListening()) {
        return tr("accept queue: %1 of %2 waiting").arg(tcp.acceptQueue).arg(tcp.backlog);
    }
    QString text = tr("unsent %1, in flight %2, unread %3")
                       .arg(tcp.unsent)
                       .arg(tcp.unacked)
                       .arg(bytes(tcp.unread));
    if (tcp.rttUs >= 0) {
        text += tr("; RTT %1 ms, cwnd %2, MSS %3, %4 retransmitted")
                    .arg(QString::number(double(tcp.rttUs) / 1000.0, 'f', 3))
                    .arg(tcp.congestionWindow)
                    .arg(tcp.mss)
                    .arg(tcp.retransmissions);
    }
    return text;
}

QString SocketEventText::retransmittedNow(const SocketEvent &event)
{
    if (event.retransmittedNow <= 0)
        return {};
    return tr(" (%1 just now: no acknowledgement came in time, so sent again)")
        .arg(event.retransmittedNow);
}

// --- explanations ----------------------------------------------------------------------------

QString SocketEventText::explanation(const SocketEvent &event)
{
    if (event.datagram && !event.failure.isFailure()) {
        switch (event.kind) {
        case Kind::Bind: return datagramBindExplanation(event);
        case Kind::Connect: return datagramConnectExplanation();
        case Kind::Close: return datagramCloseExplanation(event);
        default: break; // the rest say the same, or are UDP's alone
        }
    }
    switch (event.kind) {
    case Kind::Socket: return socketExplanation(event);
    case Kind::ReuseAddress:
        return tr("Lets the server bind its port again right after a restart; without it, bind() "
                  "can fail with \"address already in use\" for a while after the old server "
                  "stopped.");
    case Kind::Bind: return bindExplanation(event);
    case Kind::Listen:
        return tr("Makes this a listening socket: clients can now connect, and their connections "
                  "wait in a queue until the server accepts them.");
    case Kind::Accept: return acceptExplanation(event);
    case Kind::Refuse:
        return tr("The server took the next waiting connection but already serves as many "
                  "clients as it may: it tells this client so and closes the connection.");
    case Kind::AcceptResumed:
        return tr("accept() works again: the clients waiting in the queue are taken in.");
    case Kind::Lookup: return lookupExplanation(event);
    case Kind::Connect: return connectExplanation(event);
    case Kind::Recv: return recvExplanation(event);
    case Kind::Send: return sendExplanation(event);
    case Kind::Shutdown:
        if (onServer(event) && event.closeReason == Reason::AfterFirstReply) {
            return tr("The server is done after its first reply. The lecture's server calls "
                      "conn.close() here; Capsock shuts down its sending side instead (the FIN "
                      "goes now, as with close()) and closes once the client has closed too, "
                      "so that nothing the client still sends makes the kernel reset the "
                      "connection (RST) and destroy the reply.");
        }
        return onServer(event)
            ? tr("Tells the client the server will send nothing more.")
            : tr("Tells the server \"I will send nothing more\" while still reading its "
                 "replies. The lecture's client does not do this: it reads one reply and "
                 "closes.");
    case Kind::Close: return closeExplanation(event);
    case Kind::TcpState: return tcpStateExplanation(event);
    case Kind::TcpQueues: return tcpQueuesExplanation(event);
    case Kind::TcpUnavailable:
        return tr("This system does not let a program read TCP's state and the kernel's "
                  "queues (Linux does); everything else works as before.");
    case Kind::RecvFrom: return recvFromExplanation(event);
    case Kind::SendTo: return sendToExplanation(event);
    case Kind::Segment: return segmentExplanation(event);
    }
    return {};
}

QString SocketEventText::segmentExplanation(const SocketEvent &event)
{
    const bool server = sentByServer(event);
    if (event.has(TcpSegment::Rst)) {
        return server
            ? tr("A reset (RST) from the server's system: the connection ends at once. Nothing "
                 "listened on that port (connect() fails: refused), or the server closed with "
                 "bytes unread; the client's next call fails with \"connection reset\".")
            : tr("A reset (RST) from the client's system: the connection ends at once, as when "
                 "the client closed with bytes unread; the server's next call fails with "
                 "\"connection reset\".");
    }
    if (event.has(TcpSegment::Syn)) {
        return event.has(TcpSegment::Ack)
            ? tr("The server's system answers the SYN with SYN/ACK, the handshake's second "
                 "step. The kernel does this for a listening socket by itself: accept() is "
                 "not needed yet.")
            : tr("connect() sends SYN: the first step of TCP's three-way handshake (SYN, "
                 "SYN/ACK, ACK). connect() returns when it is done.");
    }
    QStringList said;
    if (event.bytes > 0) {
        said.append(server
                        ? tr("%n byte(s) of the server's data in one segment. Segments are not "
                             "recv() cuts: recv() may return them joined or split.",
                             nullptr, int(event.bytes))
                        : tr("%n byte(s) of the client's data in one segment. Segments are not "
                             "recv() cuts: recv() may return them joined or split.",
                             nullptr, int(event.bytes)));
    }
    if (event.has(TcpSegment::Fin)) {
        said.append(server ? tr("The server sends FIN after its last byte: its close() (or "
                                "shutdown()) says it sends nothing more. The client's recv() "
                                "returns b'' once it has read the rest.")
                           : tr("The client sends FIN after its last byte: its close() (or "
                                "shutdown()) says it sends nothing more. The server's recv() "
                                "returns b'' once it has read the rest."));
    }
    if (!said.isEmpty())
        return said.join(QLatin1Char(' '));
    if (!server && event.seq == 1 && event.ack == 1) {
        return tr("The client's ACK completes the three-way handshake: connect() returns, and "
                  "the connection waits in the server's queue until accept() takes it.");
    }
    return server ? tr("The server acknowledges the client's bytes up to relative number %1; "
                       "a bare ACK carries no data.").arg(event.ack)
                  : tr("The client acknowledges the server's bytes up to relative number %1; "
                       "a bare ACK carries no data.").arg(event.ack);
}

QString SocketEventText::socketExplanation(const SocketEvent &event)
{
    QString text;
    if (event.datagram) {
        text = event.ipv6
            ? tr("Creates a socket: a UDP (SOCK_DGRAM) endpoint for IPv6 (AF_INET6).")
            : tr("Creates a socket: a UDP (SOCK_DGRAM) endpoint for IPv4 (AF_INET).");
    } else {
        text = event.ipv6
            ? tr("Creates a socket: a TCP (SOCK_STREAM) endpoint for IPv6 (AF_INET6).")
            : tr("Creates a socket: a TCP (SOCK_STREAM) endpoint for IPv4 (AF_INET).");
    }
    if (event.dualStack)
        text += tr(" This one takes IPv4 clients too (dual-stack).");
    return text + tr(" Nothing is sent on the network yet.");
}

QString SocketEventText::bindExplanation(const SocketEvent &event)
{
    if (event.skipped) {
        return tr("This computer does not have this address (often IPv6 is switched off), so "
                  "the server leaves it out and listens on its other addresses.");
    }
    if (event.datagram && event.failure.isFailure()) {
        return tr("bind() failed (%1), so the server can not receive datagrams: another "
                  "program may already receive on that UDP port, or the port is below 1024, "
                  "which needs the administrator.")
            .arg(failure(event.failure));
    }
    switch (event.failure.kind) {
    case Failure::None: break;
    case Failure::AddressInUse:
        if (!event.reuseAddressSet) {
            return tr("bind() failed, so the server can not listen: the port is taken. Without "
                      "SO_REUSEADDR, a connection an earlier server on this port closed first, "
                      "still in TIME_WAIT for up to a minute, is enough; so is another program "
                      "listening on it. Set SO_REUSEADDR before bind(), as the lecture's "
                      "server does, or wait.");
        }
        return tr("bind() failed, so the server can not listen: another program already uses "
                  "the port (another server, perhaps the lecture's). Stop it, or choose "
                  "another port.");
    case Failure::PermissionDenied:
        return tr("bind() failed, so the server can not listen: ports below 1024 need the "
                  "administrator. Choose a port of 1024 or above, such as 5220.");
    case Failure::AddressNotAvailable:
        return tr("bind() failed, so the server can not listen: that address is not one of "
                  "this computer's.");
    default:
        return tr("bind() failed, so the server can not listen: another program may already "
                  "use the port, or the port is below 1024, which needs the administrator.");
    }
    QString text = tr("Claims the address and port clients will connect to. HOST \"\" means "
                      "every interface of this computer; 127.0.0.1 means this computer only.");
    if (event.local.port == 0)
        text += tr(" Port 0 asks the system for any free port.");
    return text;
}

QString SocketEventText::acceptExplanation(const SocketEvent &event)
{
    if (event.failure.kind == Failure::OutOfDescriptors) {
        return tr("accept() failed: this program has as many connections and files open as the "
                  "system allows it (ulimit -n). The clients wait in the listening socket's "
                  "queue; the server tries again every %1 ms.")
            .arg(event.retryMs);
    }
    if (event.failure.isFailure()) {
        return tr("accept() failed (%1). The clients wait in the listening socket's queue; the "
                  "server tries again every %2 ms.")
            .arg(failure(event.failure))
            .arg(event.retryMs);
    }
    return tr("The server takes the next waiting connection; it gets a new socket for this "
              "client and the client's address and port.");
}

QString SocketEventText::lookupExplanation(const SocketEvent &event)
{
    if (event.failure.isFailure()) {
        return tr("The host name could not be looked up: check its spelling, or use an IP "
                  "address.");
    }
    return tr("Looks up the addresses of the host name. Python's sock.connect((HOST, PORT)) "
              "does this itself when HOST is a name.");
}

QString SocketEventText::connectExplanation(const SocketEvent &event)
{
    switch (event.failure.kind) {
    case Failure::None:
        return tr("Connects to the server: TCP's handshake with the server's listening socket. "
                  "On the server, the connection now waits for accept().");
    case Failure::Refused:
        return tr("Nothing accepted the connection: no server is listening on that address "
                  "and port. Is the server started, is the port right?");
    case Failure::TimedOut:
        return tr("The connection could not be made. \"no answer\" often means a wrong "
                  "address or a firewall dropping the connection.");
    default:
        return tr("The connection could not be made (%1). Check the address, and this "
                  "computer's network connection.")
            .arg(failure(event.failure));
    }
}

QString SocketEventText::recvExplanation(const SocketEvent &event)
{
    const bool server = onServer(event);
    if (event.failure.kind == Failure::Reset)
        return resetExplanation(event);
    if (event.failure.isFailure()) {
        return tr("recv() failed (%1): the connection is broken, and nothing more can be read "
                  "from it.")
            .arg(failure(event.failure));
    }
    if (event.bytes == 0) {
        return server ? tr("recv() returned no bytes (b''): the client will send nothing "
                           "more. The lecture's server never gets here: it reads only once.")
                      : tr("recv() returned no bytes (b''): the server closed the "
                           "connection.");
    }
    return server ? tr("Waits for bytes from the client and reads at most %1 of them. TCP "
                       "is a stream, not messages: one recv() may get part of a send, or "
                       "several sends at once. The lecture's server then turns the bytes "
                       "back into text with data.decode() before upper().").arg(event.size)
                  : tr("Waits for the server's reply and reads at most %1 bytes of it; a "
                       "long reply may take more than one recv(). They are bytes: "
                       "data.decode() turns them back into text, as the lecture's client "
                       "does before printing.").arg(event.size);
}

QString SocketEventText::resetExplanation(const SocketEvent &event)
{
    return onServer(event)
        ? tr("The client's system answered with a reset (RST) instead of a normal close, so "
             "recv() fails (in Python, ConnectionResetError). A program that closes its socket "
             "with data still unread makes its system send a reset, and so does one that "
             "crashes or is killed.")
        : tr("The server's system answered with a reset (RST) instead of a normal close, so "
             "recv() fails (in Python, ConnectionResetError). A program that closes its socket "
             "with data still unread makes its system send a reset: the lecture's server reads "
             "once, with recv(1024), and closes, so a longer message resets the connection. "
             "A program that crashes or is killed resets its connections too.");
}

QString SocketEventText::sendExplanation(const SocketEvent &event)
{
    if (event.failure.kind == Failure::Reset) {
        return tr("The other side's system answered with a reset (RST), so sendall() fails (in "
                  "Python, ConnectionResetError or BrokenPipeError): these bytes never arrive.");
    }
    if (event.failure.isFailure()) {
        return tr("sendall() failed (%1): the connection is broken, and these bytes never "
                  "arrive.")
            .arg(failure(event.failure));
    }
    return onServer(event)
        ? tr("Sends the capitalized text back to the client, made bytes again with "
             "string.encode(); sendall() returns only when all of them are handed to the "
             "system. Their count can differ from what recv() got: \"ß\" becomes \"SS\", and "
             "a character cut in two by a read waits for its end.")
        : tr("Sends the message to the server. The socket carries bytes, not text: the message "
             "was encoded to UTF-8 bytes first (data = mesg.encode()), and sendall() returns "
             "only when all of them are handed to the system.");
}

QString SocketEventText::closeExplanation(const SocketEvent &event)
{
    if (!onServer(event))
        return tr("Closes the socket: the connection is over.");
    if (event.closeReason == Reason::MadeRoom) {
        return tr("The server was full when a new client came, and this one had said nothing "
                  "for the longest time. Rather than turn the newcomer away, the server told "
                  "this client why and closed its connection (conn). A client that talks is "
                  "never closed to make room.");
    }
    if (event.closeReason == Reason::ClosedByUser) {
        return tr("Someone at the server closed this client's connection (Close this "
                  "connection, in the list of clients): the server sent its FIN, and closes "
                  "once the client has closed its side too. The listening socket stays open.");
    }
    return event.connectionId == 0
        ? tr("Closes the listening socket: no new client can connect.")
        : tr("Closes this client's connection (conn); the listening socket stays open.");
}

QString SocketEventText::tcpStateExplanation(const SocketEvent &event)
{
    using State = TcpInfo::State;
    switch (event.tcp.state) {
    case State::Unknown: return tr("The system did not say which state the connection is in.");
    case State::Listen:
        return tr("LISTEN: the socket waits for clients; the kernel completes their handshakes "
                  "and queues them for accept().");
    case State::SynSent:
        return tr("SYN_SENT: connect() sent the first segment of TCP's handshake (SYN) and "
                  "waits for the server's answer.");
    case State::SynReceived:
        return tr("SYN_RECV: the handshake is half done: the answer (SYN-ACK) is sent, its "
                  "acknowledgement not yet here.");
    case State::Established:
        if (!onServer(event) && event.tcpFrom == State::Unknown) { // read as connect() began
            return tr("ESTABLISHED: the handshake is done; both sides can send and receive. "
                      "The kernel finished it (SYN, SYN-ACK, ACK) before connect() has returned "
                      "to the program, as when the server answers at once (on this computer, "
                      "or near it): connect() returns next.");
        }
        return tr("ESTABLISHED: the handshake is done; both sides can send and receive.");
    case State::FinWait1:
        return tr("FIN_WAIT1: this side closed its sending half (close() or shutdown()); the "
                  "kernel sent FIN and waits for the peer to acknowledge it.");
    case State::FinWait2:
        return tr("FIN_WAIT2: the peer acknowledged our FIN; now the kernel waits for the "
                  "peer to close its side too.");
    case State::CloseWait:
        return tr("CLOSE_WAIT: the peer has closed its side, so recv() returns 0 bytes (b''). "
                  "This side may still send; the connection ends when it closes too.");
    case State::Closing:
        return tr("CLOSING: both sides closed at the same moment; each waits for the other's "
                  "acknowledgement.");
    case State::LastAck:
        return tr("LAST_ACK: both sides have closed; the kernel waits for the acknowledgement "
                  "of its FIN, then forgets the connection.");
    case State::TimeWait:
        if (!onServer(event)) {
            return tr("TIME_WAIT: after close(), the side that closed first keeps the "
                      "connection's addresses and ports for a while (on Linux 60 s), so that a "
                      "late segment is not taken for part of a new connection. Here that is "
                      "the client: its own port stays taken, not the server's, and its next "
                      "connect() simply gets another.");
        }
        return tr("TIME_WAIT: after close(), the side that closed first keeps the connection's "
                  "addresses and ports for a while (on Linux 60 s), so that a late segment is "
                  "not taken for part of a new connection. The socket is gone, but a server "
                  "restarted on this port now fails with \"address already in use\", unless "
                  "it sets SO_REUSEADDR before bind(), as the lecture's server does.");
    case State::Closed:
        if (event.tcpFrom == State::Listen) {
            return tr("CLOSED: no longer listening: Stop closed the listening socket, so no "
                      "new client can connect.");
        }
        return tr("CLOSED: the kernel has forgotten the connection.");
    }
    return {};
}

// --- UDP: the textbook's twin -----------------------------------------------------------------

// The line of Kurose & Ross's UDPServer.py or UDPClient.py that makes the same call; their
// names (serverSocket, clientSocket, message, clientAddress) are kept, so a student finds it.
QString SocketEventText::textbookLine(const SocketEvent &event)
{
    const bool server = onServer(event);
    const QString socket = server ? QStringLiteral("serverSocket")
                                  : QStringLiteral("clientSocket");
    switch (event.kind) {
    case Kind::Socket:
        return QStringLiteral("%1 = socket(%2, SOCK_DGRAM)").arg(socket, family(event));
    case Kind::Bind: return QStringLiteral("serverSocket.bind(('', serverPort))");
    case Kind::Connect:
        return QStringLiteral("clientSocket.connect((serverName, serverPort))  "
                              "# not in the textbook's client");
    case Kind::RecvFrom:
        return server ? QStringLiteral("message, clientAddress = serverSocket.recvfrom(%1)")
                            .arg(event.size)
                      : QStringLiteral("modifiedMessage, serverAddress = "
                                       "clientSocket.recvfrom(%1)")
                            .arg(event.size);
    case Kind::SendTo:
        return server ? QStringLiteral("serverSocket.sendto(modifiedMessage.encode(), "
                                       "clientAddress)")
                      : QStringLiteral("clientSocket.sendto(message.encode(),"
                                       "(serverName, serverPort))");
    case Kind::Close: return QStringLiteral("%1.close()").arg(socket);
    case Kind::ReuseAddress:
    case Kind::Listen:
    case Kind::Accept:
    case Kind::Refuse:
    case Kind::AcceptResumed:
    case Kind::Lookup:
    case Kind::Recv:
    case Kind::Send:
    case Kind::Shutdown:
    case Kind::TcpState:
    case Kind::TcpQueues:
    case Kind::TcpUnavailable:
    case Kind::Segment: return {}; // not calls of a UDP socket in the textbook
    }
    return {};
}

QString SocketEventText::tcpQueuesExplanation(const SocketEvent &event)
{
    const TcpInfo &tcp = event.tcp;
    switch (event.tcpMoment()) {
    case SocketEvent::TcpMoment::StillInSendBuffer:
        return tr("sendall() returned, but %1 bytes are still in the kernel's send buffer: "
                  "\"sent\" means handed to the system, not received. The kernel sends them "
                  "and keeps each until the peer acknowledges it.")
            .arg(tcp.unsent + tcp.unacked);
    case SocketEvent::TcpMoment::Backpressure:
        return tr("The peer is not reading: its receive buffer is full, so TCP told us to stop "
                  "sending (a zero window), and %1 bytes wait in our send buffer. When that "
                  "fills too, sendall() waits. This is backpressure.")
            .arg(tcp.unsent);
    case SocketEvent::TcpMoment::WaitingToBeRead:
        return tr("%1 bytes have arrived and wait in the kernel's receive buffer until the "
                  "program calls recv().")
            .arg(tcp.unread);
    case SocketEvent::TcpMoment::BothWaiting:
        return tr("Nothing is in flight either way and this side waits to receive. If the "
                  "other side waits too, nothing will happen until one of them sends: the "
                  "lecture's \"importance of having a protocol and sticking to it\".");
    case SocketEvent::TcpMoment::Retransmitted:
        return tr("TCP sent %n segment(s) again: no acknowledgement came in time. Most often a "
                  "segment or its acknowledgement was lost on the way; it may only have been "
                  "late (then the receiver gets it twice). The kernel resends on its own; "
                  "the program sees only the delay, never the loss (sendall() had returned; "
                  "recv() waits longer). %1 in all on this connection.",
                  nullptr, int(std::min<qint64>(event.retransmittedNow, INT_MAX)))
            .arg(tcp.retransmissions);
    case SocketEvent::TcpMoment::None: break;
    }
    if (tcp.isListening()) {
        return tr("Connections the kernel has completed, waiting for accept(); past the "
                  "backlog, newcomers must wait for room.");
    }
    return tr("The bytes the kernel holds for this connection: not yet sent, sent but not yet "
              "acknowledged (in flight), and received but not yet read by the program.");
}

QString SocketEventText::recvFromResult(const SocketEvent &event)
{
    const QString returned = QStringLiteral("(%1, %2)").arg(bytes(event.bytes),
                                                           pythonAddress(event.peer));
    if (!event.truncated())
        return returned;
    if (event.datagramBytes < 0)
        return tr("%1: cut, the rest is lost").arg(returned);
    return tr("%1: cut, the datagram had %2").arg(returned, bytes(event.datagramBytes));
}

QString SocketEventText::datagramBindExplanation(const SocketEvent &event)
{
    QString text = tr("Claims the address and port that clients send their datagrams to. A UDP "
                      "socket has no listen() and no accept(): there are no connections to wait "
                      "for or take. Every client's datagrams arrive on this one socket, each "
                      "with its sender's address, which recvfrom() returns and sendto() answers.");
    if (event.local.port == 0)
        text += tr(" Port 0 asks the system for any free port.");
    return text;
}

QString SocketEventText::datagramConnectExplanation()
{
    return tr("connect() on a UDP socket sends nothing: there is no handshake. It only fixes "
              "the peer: the socket now takes datagrams from that address alone, and when the "
              "server's computer answers with ICMP \"port unreachable\", the system reports it "
              "as \"refused\" on the next call. Without connect(), a missing server and a lost "
              "datagram look the same: no reply.");
}

QString SocketEventText::datagramCloseExplanation(const SocketEvent &event)
{
    return onServer(event)
        ? tr("Closes the server's socket: no more datagrams are received. Nothing is sent: UDP "
             "has no connections to end. The textbook's server never gets here: it runs until "
             "stopped.")
        : tr("Closes the socket. Nothing is sent: UDP has no connection to end.");
}

QString SocketEventText::recvFromExplanation(const SocketEvent &event)
{
    switch (event.failure.kind) {
    case Failure::None: break;
    case Failure::TimedOut:
        return tr("No datagram came back in time. UDP does not retry: the datagram or its reply "
                  "may have been lost, or nothing listens there. Only a connected UDP socket "
                  "(connect()) can tell the last case apart.");
    case Failure::Refused:
        return tr("The server's computer answered with ICMP \"port unreachable\": nothing "
                  "listens on that port. Because this UDP socket is connected (connect()), the "
                  "system reports it as \"refused\" on the next call; an unconnected socket "
                  "never hears of it and simply waits.");
    default:
        return tr("recvfrom() failed (%1).").arg(failure(event.failure));
    }
    if (event.truncated()) {
        const QString had = event.datagramBytes < 0
            ? tr("The datagram was larger than %1 bytes").arg(event.size)
            : tr("The datagram had %1 bytes").arg(event.datagramBytes);
        return had + tr(", but recvfrom(%1) takes at most %1: the system cut it and dropped the "
                        "rest (Linux tells the real length with MSG_TRUNC). Unlike TCP, the "
                        "rest does not wait for the next call: it is gone.")
                         .arg(event.size);
    }
    return onServer(event)
        ? tr("Waits for the next datagram from any client and takes it whole, with its sender's "
             "address. UDP keeps messages apart: one sendto() is one recvfrom(), never part of "
             "one or two at once. message.decode() then turns the bytes into text.")
        : tr("Waits for the reply datagram and takes it whole, with the address it came from. "
             "Nothing guarantees it comes: UDP does not resend what is lost.");
}

QString SocketEventText::sendToExplanation(const SocketEvent &event)
{
    if (event.failure.kind == Failure::MessageTooLong) {
        return tr("The message is larger than one datagram may be, so sendto() refuses it whole "
                  "(EMSGSIZE) and nothing was sent: UDP never cuts a message to fit. Send less "
                  "at a time (a UDP datagram carries at most 65507 bytes over IPv4), or use "
                  "TCP, which is a stream.");
    }
    if (event.failure.isFailure())
        return tr("sendto() failed (%1): this datagram is not sent.").arg(failure(event.failure));
    return onServer(event)
        ? tr("Sends the capitalized message back as one datagram to the address recvfrom() "
             "gave. Nothing confirms that it arrives: UDP has no acknowledgements and does not "
             "resend.")
        : tr("Sends the message as one datagram to the server's address, encoded to bytes "
             "first (message.encode()). No connection is needed, and nothing confirms that it "
             "arrives.");
}
