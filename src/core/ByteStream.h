#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

// The bytes of a conversation, in the order they crossed the wire, with where each came from:
// which direction, which message, which read (chunk). Append-only: appending a read is cheap,
// and finding the segment of any byte is a binary search. Memory is the bytes plus one small
// Segment per read.
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
        Direction direction = Direction::Sent;

        qint64 end() const { return offset + length; }
    };

    // Appends one read (or one send) and returns its segment's index. Empty reads are ignored
    // and return -1.
    qsizetype append(QByteArrayView bytes, Direction direction, qint64 messageId = 0,
                     qint64 timeMs = 0);
    void clear();

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

private:
    QByteArray m_bytes;
    std::vector<Segment> m_segments;
};
