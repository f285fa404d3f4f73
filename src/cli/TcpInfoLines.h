#pragma once

#include "core/SocketEvent.h"

#include <QString>

#include <unordered_map>

// What --tcp-info says of one of the probe's readings: its line, then, when TCP's state
// changed or a moment began (sendall() returned with bytes still queued, backpressure, both
// sides waiting...), why, in words, on the line after: as the window's TCP tab says it. A
// moment that goes on is not explained again.
class TcpInfoLines
{
public:
    struct Lines
    {
        QString reading;
        QString why; // empty: nothing new to explain
    };

    Lines linesFor(const SocketEvent &event);

private:
    // The moment each connection is in. Its entry goes when the connection ends; a server under
    // a flood of connections that never end keeps at most MaxConnections.
    static constexpr size_t MaxConnections = 100000;
    std::unordered_map<qint64, SocketEvent::TcpMoment> m_moments;
};
