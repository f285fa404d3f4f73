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
        m_initial[sending] = segment.seq;
    const quint32 own = m_initial.try_emplace(sending, segment.seq).first->second;
    Numbers numbers;
    numbers.seq = segment.seq - own;
    if (segment.has(TcpSegment::Ack)) {
        const quint32 peer = m_initial.try_emplace(receiving, segment.ack - 1).first->second;
        numbers.ack = segment.ack - peer;
    }
    return numbers;
}
