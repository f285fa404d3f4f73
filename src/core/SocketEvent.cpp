#include "core/SocketEvent.h"

#include <chrono>

QString Endpoint::text() const
{
    if (isIPv6())
        return QStringLiteral("[%1]:%2").arg(address).arg(port);
    return QStringLiteral("%1:%2").arg(address).arg(port);
}

qint64 SocketEvent::now()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {

SocketEvent event(SocketEvent::Kind kind, SocketSide side, qint64 connectionId = 0)
{
    SocketEvent made;
    made.kind = kind;
    made.side = side;
    made.connectionId = connectionId;
    made.timeUs = SocketEvent::now();
    return made;
}

} // namespace

SocketEvent SocketEvent::socket(SocketSide side, bool ipv6, bool dualStack)
{
    SocketEvent made = event(Kind::Socket, side);
    made.ipv6 = ipv6;
    made.dualStack = dualStack;
    return made;
}

SocketEvent SocketEvent::reuseAddress()
{
    return event(Kind::ReuseAddress, SocketSide::Server);
}

SocketEvent SocketEvent::bind(const Endpoint &asked, quint16 chosenPort,
                              const SocketFailure &failure, bool skipped)
{
    SocketEvent made = event(Kind::Bind, SocketSide::Server);
    made.local = asked;
    made.chosenPort = chosenPort;
    made.failure = failure;
    made.skipped = skipped;
    return made;
}

SocketEvent SocketEvent::listen()
{
    return event(Kind::Listen, SocketSide::Server);
}

SocketEvent SocketEvent::accept(qint64 connectionId, const Endpoint &peer,
                                const Endpoint &local)
{
    SocketEvent made = event(Kind::Accept, SocketSide::Server, connectionId);
    made.peer = peer;
    made.local = local;
    return made;
}

SocketEvent SocketEvent::acceptFailed(const SocketFailure &failure, int retryMs)
{
    SocketEvent made = event(Kind::Accept, SocketSide::Server);
    made.failure = failure;
    made.retryMs = retryMs;
    return made;
}

SocketEvent SocketEvent::acceptResumed()
{
    return event(Kind::AcceptResumed, SocketSide::Server);
}

SocketEvent SocketEvent::refuse(const Endpoint &peer, int limit)
{
    SocketEvent made = event(Kind::Refuse, SocketSide::Server);
    made.peer = peer;
    made.limit = limit;
    return made;
}

SocketEvent SocketEvent::lookup(const Endpoint &hostAndPort, const QStringList &addresses,
                                const SocketFailure &failure)
{
    SocketEvent made = event(Kind::Lookup, SocketSide::Client);
    made.peer = hostAndPort;
    made.addresses = addresses;
    made.failure = failure;
    return made;
}

SocketEvent SocketEvent::connected(const Endpoint &peer, const Endpoint &local,
                                   qint64 durationUs)
{
    SocketEvent made = event(Kind::Connect, SocketSide::Client);
    made.peer = peer;
    made.local = local;
    made.durationUs = durationUs;
    return made;
}

SocketEvent SocketEvent::connectFailed(const Endpoint &peer, const SocketFailure &failure)
{
    SocketEvent made = event(Kind::Connect, SocketSide::Client);
    made.peer = peer;
    made.failure = failure;
    return made;
}

SocketEvent SocketEvent::recv(SocketSide side, qint64 connectionId, qint64 size, qint64 bytes,
                              const SocketFailure &failure)
{
    SocketEvent made = event(Kind::Recv, side, connectionId);
    made.size = size;
    made.bytes = bytes;
    made.failure = failure;
    return made;
}

SocketEvent SocketEvent::send(SocketSide side, qint64 connectionId, qint64 bytes,
                              const SocketFailure &failure)
{
    SocketEvent made = event(Kind::Send, side, connectionId);
    made.bytes = bytes;
    made.failure = failure;
    return made;
}

SocketEvent SocketEvent::shutdown(SocketSide side, qint64 connectionId, CloseReason reason)
{
    SocketEvent made = event(Kind::Shutdown, side, connectionId);
    made.closeReason = reason;
    return made;
}

SocketEvent SocketEvent::close(SocketSide side, qint64 connectionId, CloseReason reason,
                               const SocketFailure &failure, qint64 unansweredBytes,
                               qint64 undeliveredBytes)
{
    SocketEvent made = event(Kind::Close, side, connectionId);
    made.closeReason = reason;
    made.failure = failure;
    made.unansweredBytes = unansweredBytes;
    made.undeliveredBytes = undeliveredBytes;
    return made;
}

SocketEvent SocketEvent::tcpState(SocketSide side, qint64 connectionId, TcpInfo::State from,
                                  const TcpInfo &now, bool afterClose)
{
    SocketEvent made = event(Kind::TcpState, side, connectionId);
    made.tcpFrom = from;
    made.tcp = now;
    made.afterClose = afterClose;
    return made;
}

SocketEvent SocketEvent::tcpQueues(SocketSide side, qint64 connectionId, const TcpInfo &now,
                                   bool afterSend, bool receiving, qint64 retransmittedNow)
{
    SocketEvent made = event(Kind::TcpQueues, side, connectionId);
    made.tcp = now;
    made.afterSend = afterSend;
    made.receiving = receiving;
    made.retransmittedNow = retransmittedNow;
    return made;
}

SocketEvent SocketEvent::tcpUnavailable(SocketSide side, qint64 connectionId)
{
    return event(Kind::TcpUnavailable, side, connectionId);
}

bool SocketEvent::isTcpReading() const
{
    switch (kind) {
    case Kind::Socket:
    case Kind::ReuseAddress:
    case Kind::Bind:
    case Kind::Listen:
    case Kind::Accept:
    case Kind::Refuse:
    case Kind::AcceptResumed:
    case Kind::Lookup:
    case Kind::Connect:
    case Kind::Recv:
    case Kind::Send:
    case Kind::Shutdown:
    case Kind::Close:
    case Kind::RecvFrom:
    case Kind::SendTo:
    case Kind::Segment: return false; // on the wire, not the kernel's reading of a socket
    case Kind::TcpState:
    case Kind::TcpQueues:
    case Kind::TcpUnavailable: return true;
    }
    return false;
}

SocketEvent::TcpMoment SocketEvent::tcpMoment() const
{
    if (kind != Kind::TcpQueues || tcp.isListening())
        return TcpMoment::None;
    // A loss is the rarest news and passes soonest: it goes before what the queues show.
    if (retransmittedNow > 0)
        return TcpMoment::Retransmitted;
    // Bytes to send and none in flight: only a closed window holds them back (Nagle's
    // algorithm waits only while something is in flight).
    if (tcp.unsent > 0 && tcp.unacked == 0)
        return TcpMoment::Backpressure;
    if (afterSend && tcp.unsent + tcp.unacked > 0)
        return TcpMoment::StillInSendBuffer;
    if (tcp.unread > 0)
        return TcpMoment::WaitingToBeRead;
    if (!tcp.holdsBytes() && receiving && tcp.state == TcpInfo::State::Established)
        return TcpMoment::BothWaiting;
    return TcpMoment::None;
}

SocketEvent SocketEvent::onDatagramSocket() const
{
    SocketEvent made = *this;
    made.datagram = true;
    return made;
}

SocketEvent SocketEvent::recvFrom(SocketSide side, qint64 connectionId, qint64 size,
                                  qint64 bytes, const Endpoint &sender, qint64 datagramBytes)
{
    SocketEvent made = event(Kind::RecvFrom, side, connectionId);
    made.datagram = true;
    made.size = size;
    made.bytes = bytes;
    made.peer = sender;
    made.datagramBytes = datagramBytes;
    return made;
}

SocketEvent SocketEvent::recvFromFailed(SocketSide side, qint64 size,
                                        const SocketFailure &failure, qint64 waitedUs)
{
    SocketEvent made = event(Kind::RecvFrom, side);
    made.datagram = true;
    made.size = size;
    made.failure = failure;
    made.durationUs = waitedUs;
    return made;
}

SocketEvent SocketEvent::sendTo(SocketSide side, qint64 connectionId, qint64 bytes,
                                const Endpoint &to, const SocketFailure &failure)
{
    SocketEvent made = event(Kind::SendTo, side, connectionId);
    made.datagram = true;
    made.bytes = bytes;
    made.peer = to;
    made.failure = failure;
    return made;
}

SocketEvent SocketEvent::segment(SocketSide side, qint64 connectionId, const TcpSegment &segment,
                                 const TcpSegmentNumbering::Numbers &numbers, bool outgoing)
{
    SocketEvent made = event(Kind::Segment, side, connectionId);
    made.timeUs = segment.timeUs;
    made.tcpFlags = segment.flags;
    made.outgoing = outgoing;
    made.seq = numbers.seq;
    made.ack = numbers.ack;
    made.window = numbers.window;
    made.windowScaleUnknown = numbers.windowScaleUnknown;
    made.bytes = segment.payload.size() + segment.missingBytes;
    return made;
}
