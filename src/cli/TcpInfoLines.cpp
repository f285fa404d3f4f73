#include "cli/TcpInfoLines.h"

#include "core/SocketEventText.h"

TcpInfoLines::Lines TcpInfoLines::linesFor(const SocketEvent &event)
{
    Lines lines{SocketEventText::callAndResult(event), QString()};
    switch (event.kind) {
    case SocketEvent::Kind::TcpState:
        lines.why = SocketEventText::explanation(event);
        if (event.tcp.state == TcpInfo::State::Closed
            || event.tcp.state == TcpInfo::State::TimeWait)
            m_momentsMet.erase(event.connectionId);
        break;
    case SocketEvent::Kind::TcpQueues: {
        const SocketEvent::TcpMoment moment = event.tcpMoment();
        if (moment == SocketEvent::TcpMoment::None)
            break;
        if (m_momentsMet.size() >= MaxConnections && !m_momentsMet.count(event.connectionId))
            m_momentsMet.clear(); // forgotten moments are told once more, no harm
        quint32 &met = m_momentsMet[event.connectionId];
        const quint32 bit = quint32(1) << int(moment);
        if (!(met & bit))
            lines.why = SocketEventText::explanation(event);
        met |= bit;
        break;
    }
    default:
        break;
    }
    return lines;
}
