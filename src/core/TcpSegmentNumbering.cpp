#include "core/TcpSegmentNumbering.h"

namespace {

QByteArray directionKey(const QByteArray &fromIp, quint16 fromPort, const QByteArray &toIp,
                        quint16 toPort)
{
    return fromIp + char(fromPort >> 8) + char(fromPort & 0xff) + toIp + char(toPort >> 8)
        + char(toPort & 0xff);
}

} // namespace

TcpSegmentNumbering::Numbers TcpSegmentNumbering::number(const TcpSegment &segment)
{
    const QByteArray sending = directionKey(segment.sourceIp, segment.sourcePort,
                                            segment.destinationIp, segment.destinationPort);
    const QByteArray receiving = directionKey(segment.destinationIp, segment.destinationPort,
                                              segment.sourceIp, segment.sourcePort);
    // A new SYN starts the count again: the same ports' next connection.
    if (segment.has(TcpSegment::Syn))
        m_ends[sending] = End{segment.seq, segment.windowScale, true};
    const End &own = m_ends.try_emplace(sending, End{segment.seq}).first->second;
    Numbers numbers;
    numbers.seq = segment.seq - own.initialSeq;
    const End *peer = nullptr;
    if (segment.has(TcpSegment::Ack)) {
        peer = &m_ends.try_emplace(receiving, End{segment.ack - 1}).first->second;
        numbers.ack = segment.ack - peer->initialSeq;
    } else if (const auto found = m_ends.find(receiving); found != m_ends.end()) {
        peer = &found->second;
    }
    numbers.window = segment.window;
    // A SYN's own window is never scaled, and a reset's (a refused SYN's, 0) means nothing.
    if (segment.has(TcpSegment::Syn) || segment.has(TcpSegment::Rst))
        return numbers;
    numbers.windowScaleUnknown = !own.synSeen || !peer || !peer->synSeen;
    if (!numbers.windowScaleUnknown && own.windowScale >= 0 && peer->windowScale >= 0)
        numbers.window = qint64(segment.window) << own.windowScale;
    return numbers;
}
