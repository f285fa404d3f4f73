#pragma once

#include "core/SocketEvent.h"

#include <QString>

#include <unordered_map>

// What --tcp-info says of one of the probe's readings: its line, then, when TCP's state
// changed or a moment began (sendall() returned with bytes still queued, backpressure, both
// sides waiting...), why, in words, on the line after: as the window's TCP tab says it. Each
// moment is explained the first time a connection meets it: a ping-pong that goes from "bytes
// wait to be read" to "both sides wait" and back every message does not double its log.
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
    // The moments each connection has met, a bit each. Its entry goes when the connection
    // ends; a server under a flood of connections that never end keeps at most MaxConnections.
    static constexpr size_t MaxConnections = 100000;
    std::unordered_map<qint64, quint32> m_momentsMet;
};
