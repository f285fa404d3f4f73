#pragma once

#include "core/TcpPacketDecoder.h"

#include <QByteArray>

#include <map>

// Relative sequence and acknowledgement numbers, as Wireshark shows them: each end's numbers
// counted from its SYN's, so a connection reads seq 0 (the SYN), then 1, 1 + the bytes sent...
// and a student can add up the lengths. An end whose SYN was not seen counts from the first
// number seen of it (its first segment's seq, or the first ack of it minus one).
//
// And the window in bytes, as Wireshark's "calculated window size": the field times the scale
// its sender's SYN set, when both SYNs carried the option (RFC 7323). Without the handshake the
// scale is not known, and the field is given as sent.
class TcpSegmentNumbering
{
public:
    struct Numbers
    {
        quint32 seq = 0;
        quint32 ack = 0; // 0 when the segment acknowledges nothing (no ACK flag)
        qint64 window = 0;
        bool windowScaleUnknown = false; // the handshake was not seen: `window` is as sent
    };

    Numbers number(const TcpSegment &segment);

private:
    struct End
    {
        quint32 initialSeq = 0;
        int windowScale = -1; // as its SYN said; -1: no option
        bool synSeen = false;
    };

    std::map<QByteArray, End> m_ends; // by sending end, then receiving end
};
