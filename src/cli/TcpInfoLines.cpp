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
            m_moments.erase(event.connectionId);
        break;
    case SocketEvent::Kind::TcpQueues: {
        const SocketEvent::TcpMoment moment = event.tcpMoment();
        if (m_moments.size() >= MaxConnections && !m_moments.count(event.connectionId))
            m_moments.clear(); // forgotten moments are told once more, no harm
        SocketEvent::TcpMoment &last = m_moments[event.connectionId];
        if (moment != SocketEvent::TcpMoment::None && moment != last)
            lines.why = SocketEventText::explanation(event);
        last = moment;
        break;
    }
    default:
        break;
    }
    return lines;
}
