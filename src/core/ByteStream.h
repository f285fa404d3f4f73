#pragma once

#include "core/Utf8.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>

#include <array>
#include <utility>
#include <vector>

// The bytes of a conversation, in the order they crossed the wire, with where each came from:
// which connection, which direction, which message, which read (chunk). Append-only: appending
// a read is cheap, and finding the segment of any byte is a binary search. Memory is the bytes
// plus one small Segment per read.
//
// A lane is one connection's bytes in one direction. The stream interleaves lanes (a reply
// between two reads of a message; a server's many clients), but a character's bytes belong to
// one lane: UTF-8 is decoded, and bytes are counted, within their lane. Each segment links to
// its lane's previous and next segment, so that costs no search.
class ByteStream
{
public:
    // None: bytes that did not cross a connection, such as a file's.
    enum class Direction : quint8 { Sent, Received, None };

    struct Segment
    {
        qint64 offset = 0;    // of its first byte in the stream
        qint64 length = 0;
        qint64 messageId = 0; // 0 when the bytes belong to no message
        qint64 timeMs = 0;    // when it crossed, as the caller counts time
        qint64 connection = 0; // which connection: 0 for a client's one, or for none
        qint64 laneOffset = 0; // of its first byte within its lane
        qsizetype previousInLane = -1; // segment indexes, -1 for none
        qsizetype nextInLane = -1;
        Direction direction = Direction::Sent;

        qint64 end() const { return offset + length; }
    };

    // The character a byte belongs to, decoded within the byte's lane.
    struct Character
    {
        // As Utf8::classify() tells it, but characterStart is the stream offset of the
        // character's first byte.
        Utf8::ByteClass byteClass;
        // The stream offsets of the character's bytes in the stream: `count` of them, one after
        // the other unless other lanes' bytes came in between. An incomplete character has
        // fewer than byteClass.characterLength.
        std::array<qint64, 4> offsets{};
        int count = 0;
        int index = 0; // which of them the byte asked about is

        qint64 last() const { return offsets[size_t(count - 1)]; }
    };

    // Appends one read (or one send) and returns its segment's index. Empty reads are ignored
    // and return -1.
    qsizetype append(QByteArrayView bytes, Direction direction, qint64 messageId = 0,
                     qint64 timeMs = 0, qint64 connection = 0);
    // Appends segment `index` of `other`, its bytes and where they came from, its lane offset
    // included: the segments of one connection copied in order (a server's client followed
    // alone) keep every byte's place among its connection's bytes.
    qsizetype appendSegmentOf(const ByteStream &other, qsizetype index);
    void clear();
    // This stream without its first `cut` bytes. Lane offsets go on counting from where they
    // were, so a byte keeps its place in its connection's bytes.
    ByteStream withoutFirst(qint64 cut) const;

    qint64 size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    uchar at(qint64 offset) const { return uchar(m_bytes.at(offset)); }
    QByteArrayView bytes() const { return m_bytes; }
    // The bytes of [offset, offset + length) that exist (as QByteArray::mid does).
    QByteArrayView bytes(qint64 offset, qint64 length) const;

    qsizetype segmentCount() const { return qsizetype(m_segments.size()); }
    const Segment &segment(qsizetype index) const { return m_segments[size_t(index)]; }
    // The segment holding the byte at `offset`, or -1 past the end.
    qsizetype segmentAt(qint64 offset) const;

    // True where a read starts (the first byte of a segment, not of the stream).
    bool startsRead(qint64 offset) const;
    // True where a different message, or the other direction, starts.
    bool startsMessage(qint64 offset) const;

    // Where the byte at `offset` is within its lane: its connection's bytes in its direction.
    qint64 laneOffset(qint64 offset) const;
    // How many bytes the lane has had, those let go by withoutFirst() included: the lane
    // offset its next byte gets.
    qint64 laneSize(qint64 connection, Direction direction) const;
    // The stream offsets [first, end) from the first to the last byte of lane offsets
    // [laneStart, laneEnd) of a lane that the stream has (other lanes' bytes may lie between);
    // first == end when it has none of them.
    std::pair<qint64, qint64> streamRangeOf(qint64 connection, Direction direction,
                                            qint64 laneStart, qint64 laneEnd) const;
    // The character of the byte at `offset` (which must be in the stream), decoded from the
    // bytes of its lane alone, however other lanes' bytes are interleaved with them.
    Character characterAt(qint64 offset) const;

private:
    struct Lane
    {
        qsizetype last = -1; // its last segment here, -1 for none
        qint64 size = 0;     // its bytes so far, those let go included
    };

    static quint64 laneKey(qint64 connection, Direction direction);
    qsizetype appendSegment(Segment segment);

    QByteArray m_bytes;
    std::vector<Segment> m_segments;
    QHash<quint64, Lane> m_lanes;
};
