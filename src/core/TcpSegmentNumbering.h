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
//
// Memory: at most MaxEnds ends (two a connection, about 150 bytes each) are kept, room for
// the server's 10,000 clients at once with more ended beside them. Past it, those whose
// connection ended (a FIN each way, or a RST) are forgotten; if most still are open, all are,
// and count again from the next numbers seen (as without the handshake).
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

    static constexpr size_t MaxEnds = 65536;

    Numbers number(const TcpSegment &segment);

private:
    struct End
    {
        quint32 initialSeq = 0;
        int windowScale = -1; // as its SYN said; -1: no option
        bool synSeen = false;
        bool finished = false; // its FIN, or either end's RST, was seen
    };

    // Room for a new end: past MaxEnds, the ended connections' ends go (or all).
    void makeRoom();

    std::map<QByteArray, End> m_ends; // by sending end, then receiving end
};
