#pragma once

#include "core/TcpSegmentNumbering.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

// What happened on a socket, as a value: a kind and its fields, never display text. Engines
// (src/net) emit these; SocketEventText turns one into the lecture's words, the Python line
// beside it and a plain explanation, so a translation changes the words and nothing else.
//
// One timeline: every event has a side, a connection and a time, stamped by the engine when it
// happened (not when a view heard of it). Beneath the calls, TCP's own happenings share that
// timeline: a state change such as ESTABLISHED -> CLOSE_WAIT (TcpState), a sample of the
// kernel's queue sizes (TcpQueues), a TCP segment on the wire (Segment, captured). A capture
// stamps its segments in microseconds, hence microseconds here, so calls and segments sort
// together. The switches over Kind have no default, so the compiler names every place a new
// kind must be handled.
//
// One flat value rather than a std::variant of per-kind structs: it is copied through signals
// and kept in a bounded list, the kinds share most fields (peer, sizes, failure), and tests and
// views read `event.kind` and a field directly. Each field says which kinds use it; the static
// constructors below set exactly those.

// An address and port as the system reports them: "127.0.0.1" or "::1" (no brackets), or ""
// for every interface, as the lecture's HOST = "".
struct Endpoint
{
    QString address;
    quint16 port = 0;

    bool isIPv6() const { return address.contains(QLatin1Char(':')); }
    // "127.0.0.1:5220" or "[::1]:5220".
    QString text() const;
    friend bool operator==(const Endpoint &a, const Endpoint &b)
    {
        return a.address == b.address && a.port == b.port;
    }
};

// Why a call failed. The kind is what a student needs explained; the system's own error number
// and words are kept for the cases the kinds do not cover.
struct SocketFailure
{
    Q_GADGET // the kinds' names, for logs and test failures

public:
    enum class Kind {
        None,
        Refused,             // ECONNREFUSED: nothing listens there
        Reset,               // ECONNRESET, EPIPE: the peer's system sent a reset (RST)
        TimedOut,            // no answer within the time allowed
        NetworkUnreachable,
        HostUnreachable,
        AddressInUse,        // EADDRINUSE: another socket has the port
        AddressNotAvailable, // EADDRNOTAVAIL: not an address of this computer
        PermissionDenied,    // EACCES, EPERM: a port below 1024, or a firewall
        HostNotFound,        // the name has no address
        OutOfDescriptors,    // EMFILE, ENFILE: as many sockets and files open as allowed
        MessageTooLong,      // EMSGSIZE: larger than one datagram may be; nothing was sent
        Other,               // see systemText
    };
    Q_ENUM(Kind)

    Kind kind = Kind::None;
    int systemError = 0; // errno (WSAGetLastError on Windows); 0 when the system gave none
    QString systemText;  // the system's words, e.g. "Connection refused"; may be empty

    bool isFailure() const { return kind != Kind::None; }
};

// What the kernel says about one TCP connection, beneath the calls (net/TcpProbe reads it): its
// state and the bytes it holds each way. Sizes in bytes; -1 where the system did not say (an
// older kernel fills fewer of TCP_INFO's fields; a connection found by its endpoints after
// close() has no RTT). A listening socket has its accept queue instead of the three queues.
struct TcpInfo
{
    Q_GADGET // the states' names, for logs and test failures

public:
    enum class State {
        Unknown,
        Listen,
        SynSent,     // connect() sent SYN, no answer yet
        SynReceived,
        Established,
        FinWait1,    // we closed (or shut down) our side; our FIN not yet acknowledged
        FinWait2,    // acknowledged; waiting for the peer's FIN
        CloseWait,   // the peer closed its side; we have not yet
        Closing,
        LastAck,     // both closed; waiting for the acknowledgement of our FIN
        TimeWait,    // closed; the kernel keeps the endpoints a while (Linux: 60 s)
        Closed,
    };
    Q_ENUM(State)

    State state = State::Unknown;
    qint64 unsent = 0;     // in the send buffer, not yet sent (SIOCOUTQNSD)
    qint64 unacked = 0;    // sent, not yet acknowledged by the peer (SIOCOUTQ - SIOCOUTQNSD)
    qint64 unread = 0;     // arrived, not yet read by the program (SIOCINQ)
    qint64 rttUs = -1;     // smoothed round-trip time
    qint64 congestionWindow = -1; // segments
    qint64 mss = -1;       // bytes per segment
    qint64 retransmissions = -1;  // segments sent again, in all
    qint64 acceptQueue = -1; // a listening socket: connections waiting for accept()
    qint64 backlog = -1;     // a listening socket: how many may wait

    bool isListening() const { return state == State::Listen; }
    // Bytes still in the kernel for this connection, either way: a reason to look again soon.
    bool holdsBytes() const { return unsent > 0 || unacked > 0 || unread > 0 || acceptQueue > 0; }
    // The queues a sample reports (RTT and the window change without anything queued).
    bool sameQueues(const TcpInfo &other) const
    {
        return unsent == other.unsent && unacked == other.unacked && unread == other.unread
            && acceptQueue == other.acceptQueue;
    }
};

// Which end of the conversation made the call: recv() is the server's conn.recv() but the
// client's sock.recv(), and connection 0 is the listening socket only on a server.
enum class SocketSide { Server, Client };

struct SocketEvent
{
    Q_GADGET // the kinds' names, for logs and test failures

public:
    enum class Kind {
        Socket,        // socket(family, SOCK_STREAM), or SOCK_DGRAM when `datagram`
        ReuseAddress,  // setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        Bind,          // bind((address, port))
        Listen,        // listen()
        Accept,        // accept(): a new connection, or a failure (out of descriptors)
        Refuse,        // accept() of a client past the limit, told why and closed
        AcceptResumed, // accept() works again after failing
        Lookup,        // getaddrinfo(host, port), which Python's connect() does itself
        Connect,       // connect((address, port))
        Recv,          // recv(size)
        Send,          // sendall(bytes)
        Shutdown,      // shutdown(SHUT_WR)
        Close,         // close()
        // Beneath the calls: what the kernel says about the connection (net/TcpProbe).
        TcpState,      // the TCP state changed: tcpFrom -> tcp.state
        TcpQueues,     // the bytes the kernel holds changed: a sample, in tcp
        TcpUnavailable, // this system can not tell TCP's state and queues
        RecvFrom,      // recvfrom(size): one datagram and its sender (UDP)
        SendTo,        // sendto(bytes, address): one datagram (UDP)
        Segment,       // a TCP segment on the wire, captured (net/LiveCapture)
    };
    Q_ENUM(Kind)

    // The moments the lecture talks about, which a TcpQueues sample may show (tcpMoment()).
    enum class TcpMoment {
        None,
        Retransmitted,     // segments were sent again since the last reading: some were lost
        StillInSendBuffer, // sendall() returned, yet bytes wait in our kernel's send buffer
        Backpressure,      // the peer's receive window is full: ours fills, sendall() may wait
        WaitingToBeRead,   // bytes arrived that the program has not read yet
        BothWaiting,       // nothing queued either way, and we wait to receive
    };
    Q_ENUM(TcpMoment)

    // Why a socket was closed.
    enum class CloseReason {
        StoppedListening, // the server's listening socket: no new clients
        PeerFinished,     // the other side ended the stream, and so do we
        AfterFirstReply,  // the server closes after one reply, as the lecture's does
        ServerStopping,
        Broken,           // `failure` says how
        Disconnect,       // the client's user disconnected
        LostRace,         // a connect attempt another address beat
        MadeRoom,         // idle longest when the server was full and a newcomer came
        ClosedByUser,     // the server window's user closed this client's connection
    };
    Q_ENUM(CloseReason)

    Kind kind = Kind::Close;
    SocketSide side = SocketSide::Server;
    qint64 connectionId = 0; // a TCP server's: 0 its listening socket, N its Nth client; a
                             // TCP client's: its Nth connection (each connect anew); a UDP
                             // client's: 0; a UDP server's: see recvFrom() below
    qint64 timeUs = 0;       // when it happened: microseconds since the epoch (UTC)

    // The fields, each meaningful for the kinds named.
    bool ipv6 = false;        // Socket: AF_INET6, else AF_INET
    bool dualStack = false;   // Socket: an IPv6 socket that takes IPv4 clients too
    bool datagram = false;    // Socket, Bind, Connect, Close: a UDP (SOCK_DGRAM) socket;
                              // always for RecvFrom and SendTo
    Endpoint local;           // Bind: as asked (port 0: any); Connect: ours, once connected;
                              // Accept: the server's end of the new connection; TcpState
                              // afterClose: the connection's, as it was found
    quint16 chosenPort = 0;   // Bind: the port it got (the system's choice when asked for 0)
    Endpoint peer;            // Accept, Refuse, Connect: the other side; Lookup: host and port;
                              // RecvFrom: the sender; SendTo: the address sent to; TcpState
                              // afterClose: the other end of the connection found
    QStringList addresses;    // Lookup: what the name resolved to
    int limit = 0;            // Refuse: the most clients the server serves at once
    int retryMs = 0;          // Accept failed: when the server tries again
    qint64 size = 0;          // Recv, RecvFrom: the most it may return (its argument)
    qint64 bytes = 0;         // Recv: what it returned (0: end of stream); Send: handed over;
                              // RecvFrom: what it returned; SendTo: the datagram's size;
                              // Segment: its payload's length
    // RecvFrom: the datagram's real length. More than `bytes` when recvfrom() cut it (Linux
    // tells with MSG_TRUNC); -1 when it was cut and the system did not say by how much.
    qint64 datagramBytes = 0;
    qint64 durationUs = 0;    // Connect: how long the handshake took; RecvFrom that timed
                              // out: how long it waited for a datagram
    CloseReason closeReason = CloseReason::PeerFinished; // Close; Shutdown on a server: why
                              // it ends its sending side
    qint64 unansweredBytes = 0; // Close: read after the last reply, only to be dropped
    bool peerClosedAfter = false; // Close: this side shut down first (Shutdown), and the peer
                                  // has since closed its side too, in answer
    bool resetSent = false;   // Close: close() sent RST (bytes had arrived that were never read)
    qint64 undeliveredBytes = 0; // Close: sent by the program, never to arrive (still queued,
                                 // or discarded by the reset); -1 when the system did not say
    SocketFailure failure;    // why the call failed; Close: why the connection broke (close()
                              // itself does not fail)
    bool skipped = false;     // Bind: failed, but only an optional extra address (::1 with no
                              // IPv6 on the machine): the server runs without it
    bool reuseAddressSet = true; // Bind: SO_REUSEADDR was set before it
    TcpInfo tcp;              // TcpState, TcpQueues: the reading
    TcpInfo::State tcpFrom = TcpInfo::State::Unknown; // TcpState: the state before
    bool afterSend = false;   // TcpQueues: read right after a sendall()
    bool receiving = false;   // TcpQueues: the program waits to receive (reading not paused)
    qint64 retransmittedNow = 0; // TcpQueues: segments sent again since the last reading
    bool afterClose = false;  // TcpState: found by its endpoints, no descriptor left (sock_diag)
    quint8 tcpFlags = 0;      // Segment: TcpSegment::Flag bits (SYN, ACK, PSH, FIN, RST)
    bool outgoing = false;    // Segment: sent by this side's end; else it came from the peer
    qint64 seq = 0;           // Segment: relative sequence number (the sender's SYN is 0)
    qint64 ack = 0;           // Segment: relative acknowledgement number; 0 without ACK
    qint64 window = 0;        // Segment: the receive window in bytes, scaled as the handshake said
    bool windowScaleUnknown = false; // Segment: the handshake was not seen: `window` as sent

    // Shown as a failure: the call failed (and mattered), or the server refused a client.
    bool isFailure() const
    {
        if (kind == Kind::Refuse)
            return true;
        return failure.isFailure() && !skipped && kind != Kind::Close;
    }

    // What the kernel said beneath the calls (TcpState, TcpQueues, TcpUnavailable), not a call.
    bool isTcpReading() const;
    // Which lecture moment a TcpQueues sample shows; None for every other kind.
    TcpMoment tcpMoment() const;
    // RecvFrom: the system cut the datagram to `size` and dropped the rest.
    bool truncated() const { return datagramBytes < 0 || datagramBytes > bytes; }

    // The same event on a UDP socket: Socket, Bind, Connect and Close.
    SocketEvent onDatagramSocket() const;

    // Microseconds since the epoch now, for timeUs.
    static qint64 now();

    // One constructor per kind, so an engine's emit reads as what happened.
    static SocketEvent socket(SocketSide side, bool ipv6, bool dualStack = false);
    static SocketEvent reuseAddress();
    static SocketEvent bind(const Endpoint &asked, quint16 chosenPort,
                            const SocketFailure &failure = {}, bool skipped = false);
    static SocketEvent listen();
    static SocketEvent accept(qint64 connectionId, const Endpoint &peer,
                              const Endpoint &local = {});
    static SocketEvent acceptFailed(const SocketFailure &failure, int retryMs);
    static SocketEvent acceptResumed();
    static SocketEvent refuse(const Endpoint &peer, int limit);
    static SocketEvent lookup(const Endpoint &hostAndPort, const QStringList &addresses,
                              const SocketFailure &failure = {});
    static SocketEvent connected(const Endpoint &peer, const Endpoint &local, qint64 durationUs);
    static SocketEvent connectFailed(const Endpoint &peer, const SocketFailure &failure);
    static SocketEvent recv(SocketSide side, qint64 connectionId, qint64 size, qint64 bytes,
                            const SocketFailure &failure = {});
    static SocketEvent send(SocketSide side, qint64 connectionId, qint64 bytes,
                            const SocketFailure &failure = {});
    static SocketEvent shutdown(SocketSide side, qint64 connectionId,
                                CloseReason reason = CloseReason::PeerFinished);
    static SocketEvent close(SocketSide side, qint64 connectionId, CloseReason reason,
                             const SocketFailure &failure = {}, qint64 unansweredBytes = 0,
                             qint64 undeliveredBytes = 0);
    static SocketEvent tcpState(SocketSide side, qint64 connectionId, TcpInfo::State from,
                                const TcpInfo &now, bool afterClose = false);
    static SocketEvent tcpQueues(SocketSide side, qint64 connectionId, const TcpInfo &now,
                                 bool afterSend, bool receiving, qint64 retransmittedNow = 0);
    static SocketEvent tcpUnavailable(SocketSide side, qint64 connectionId);
    // UDP. On a server, connectionId names the peer (1, 2, ... in the order first heard from),
    // so a view can group its datagrams, though they all cross the one socket.
    static SocketEvent recvFrom(SocketSide side, qint64 connectionId, qint64 size, qint64 bytes,
                                const Endpoint &sender, qint64 datagramBytes);
    static SocketEvent recvFromFailed(SocketSide side, qint64 size, const SocketFailure &failure,
                                      qint64 waitedUs = 0);
    static SocketEvent sendTo(SocketSide side, qint64 connectionId, qint64 bytes,
                              const Endpoint &to, const SocketFailure &failure = {});
    // A captured segment of connection `connectionId`, at the time it was captured, with its
    // relative numbers; `outgoing`: sent by `side`'s end.
    static SocketEvent segment(SocketSide side, qint64 connectionId, const TcpSegment &segment,
                               const TcpSegmentNumbering::Numbers &numbers, bool outgoing);
    bool has(TcpSegment::Flag flag) const { return tcpFlags & flag; }
};
