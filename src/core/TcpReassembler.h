#pragma once

#include "core/TcpConversation.h"
#include "core/TcpPacketDecoder.h"

#include <map>
#include <vector>

// Puts captured TCP segments back together into conversations, as Wireshark's "Follow TCP
// Stream" does: one stream per connection (its 4-tuple; a new SYN after the last one ended
// starts another), numbered in the order their first packet came, like tshark's tcp.stream.
// Each direction's bytes come out in sequence order, once: a retransmitted segment adds nothing,
// an overlapping one only what is new, and one that came early waits for the gap before it.
// Each piece delivered is a transfer, with the time of the segment that carried it, so segment
// boundaries stay visible. The client is the end that sent the SYN (without one in the capture:
// the end the SYN/ACK went to, else the end that sent first).
class TcpReassembler
{
public:
    struct Stream
    {
        TcpConversation conversation;
        qint64 segments = 0;     // TCP segments seen, with or without bytes
        qint64 missingBytes = 0; // gaps the capture never filled, or cut off
    };

    void add(const TcpSegment &segment);
    // Delivers what still waits behind a gap (counting the gap as missing) and returns every
    // stream.
    std::vector<Stream> finish();

    // Bytes held out of order, at most, per direction; past it the earliest gap is given up.
    static constexpr qint64 MaxWaitingBytes = 64 << 20;

private:
    struct Direction
    {
        bool started = false;
        quint32 initialSeq = 0; // its SYN's
        quint32 nextSeq = 0;    // the sequence number of the next byte expected
        qint64 delivered = 0;   // bytes delivered (or given up as missing) so far
        std::multimap<qint64, TcpSegment> waiting; // early segments, by where they start
        qint64 waitingBytes = 0;
    };
    struct Open
    {
        size_t stream = 0;
        Direction up;   // client to server
        Direction down;
    };

    Open &openFor(const TcpSegment &segment, bool *fromClient);
    Open startStream(const TcpSegment &segment);
    void receive(Open &open, bool fromClient, const TcpSegment &segment);
    void deliver(Stream &stream, Direction &direction, bool fromClient, TcpSegment segment);
    void flushWaiting(Stream &stream, Direction &direction, bool fromClient);
    void skipGap(Stream &stream, Direction &direction, bool fromClient);
    void giveUpGaps(Open &open);

    std::vector<Stream> m_streams;
    std::map<QByteArray, Open> m_open; // by 4-tuple, the same key from either end
};
