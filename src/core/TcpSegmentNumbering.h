#pragma once

#include "core/TcpPacketDecoder.h"

#include <QByteArray>

#include <map>

// Relative sequence and acknowledgement numbers, as Wireshark shows them: each end's numbers
// counted from its SYN's, so a connection reads seq 0 (the SYN), then 1, 1 + the bytes sent...
// and a student can add up the lengths. An end whose SYN was not seen counts from the first
// number seen of it (its first segment's seq, or the first ack of it minus one).
class TcpSegmentNumbering
{
public:
    struct Numbers
    {
        quint32 seq = 0;
        quint32 ack = 0; // 0 when the segment acknowledges nothing (no ACK flag)
    };

    Numbers number(const TcpSegment &segment);

private:
    std::map<QByteArray, quint32> m_initial; // by sending end, then receiving end
};
