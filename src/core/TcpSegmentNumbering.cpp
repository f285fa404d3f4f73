#include "core/TcpSegmentNumbering.h"

#include <iterator>

namespace {

QByteArray directionKey(const QByteArray &fromIp, quint16 fromPort, const QByteArray &toIp,
                        quint16 toPort)
{
    return fromIp + char(fromPort >> 8) + char(fromPort & 0xff) + toIp + char(toPort >> 8)
        + char(toPort & 0xff);
}

// The other way's key: its two halves (an end's address and port) swapped.
QByteArray reversed(const QByteArray &key)
{
    const qsizetype half = key.size() / 2;
    return key.sliced(half) + key.first(half);
}

} // namespace

TcpSegmentNumbering::Numbers TcpSegmentNumbering::number(const TcpSegment &segment)
{
    const QByteArray sending = directionKey(segment.sourceIp, segment.sourcePort,
                                            segment.destinationIp, segment.destinationPort);
    const QByteArray receiving = directionKey(segment.destinationIp, segment.destinationPort,
                                              segment.sourceIp, segment.sourcePort);
    if (m_ends.size() + 2 > MaxEnds)
        makeRoom();
    // A new SYN starts the count again: the same ports' next connection.
    if (segment.has(TcpSegment::Syn))
        m_ends[sending] = End{segment.seq, segment.windowScale, true};
    End &own = m_ends.try_emplace(sending, End{segment.seq}).first->second;
    Numbers numbers;
    numbers.seq = segment.seq - own.initialSeq;
    End *peer = nullptr;
    if (segment.has(TcpSegment::Ack)) {
        peer = &m_ends.try_emplace(receiving, End{segment.ack - 1}).first->second;
        numbers.ack = segment.ack - peer->initialSeq;
    } else if (const auto found = m_ends.find(receiving); found != m_ends.end()) {
        peer = &found->second;
    }
    own.finished = own.finished || segment.has(TcpSegment::Fin) || segment.has(TcpSegment::Rst);
    if (peer && segment.has(TcpSegment::Rst))
        peer->finished = true;
    numbers.window = segment.window;
    // A SYN's own window is never scaled, and a reset's (a refused SYN's, 0) means nothing.
    if (segment.has(TcpSegment::Syn) || segment.has(TcpSegment::Rst))
        return numbers;
    numbers.windowScaleUnknown = !own.synSeen || !peer || !peer->synSeen;
    if (!numbers.windowScaleUnknown && own.windowScale >= 0 && peer->windowScale >= 0)
        numbers.window = qint64(segment.window) << own.windowScale;
    return numbers;
}

void TcpSegmentNumbering::makeRoom()
{
    for (auto end = m_ends.begin(); end != m_ends.end();) {
        const auto peer = m_ends.find(reversed(end->first));
        const bool ended = end->second.finished
            && (peer == m_ends.end() || peer->second.finished);
        end = ended ? m_ends.erase(end) : std::next(end);
    }
    // Mostly open still (or never ended): forgotten too, so room is not made again at once.
    if (m_ends.size() > MaxEnds / 2)
        m_ends.clear();
}
