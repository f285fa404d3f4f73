#pragma once

#include "core/ByteStream.h"

#include <map>
#include <optional>
#include <utility>

// The TCP segments seen on the wire, by where their payload lies in its lane (one connection's
// bytes in one direction, as ByteStream counts them), so the inspector can show where the
// segments cut the bytes beside where the reads cut them: recv(1024) cuts are not packet cuts.
//
// Each byte of a lane belongs to the segment that carried it first. A retransmission, or a
// segment overlapping earlier ones, adds only the bytes no segment carried before, so the same
// range twice never makes a second boundary; segments may come in any order. Finding the
// segment of a byte is O(log n) in the segments of its lane. Memory is bounded: dropBefore()
// lets go of what the inspector no longer shows, and past MaxPieces each lane lets go of its
// oldest half.
class WireSegments
{
public:
    using Direction = ByteStream::Direction;

    // One segment as captured.
    struct Segment
    {
        qint64 number = 0;    // #1, #2, ... as its lane's segments are counted
        qint64 seq = 0;       // its relative sequence number, as captured
        qint64 laneStart = 0; // the lane offset of its first payload byte
        qint64 length = 0;    // its payload bytes
        qint64 laneEnd() const { return laneStart + length; }
    };

    // A piece is a run of a lane's bytes first carried by one segment; a segment is one piece,
    // or more when earlier segments carried some of its bytes. Past this many, each lane lets
    // go of its oldest half: about 20 MiB, and more than the conversation keeps rows.
    static constexpr qsizetype MaxPieces = 200000;

    // Records a segment of lane (connection, direction). One without payload is ignored.
    void add(qint64 connection, Direction direction, const Segment &segment);
    // The segment that first carried the lane's byte at `laneOffset`; none when no segment
    // seen (or kept) carried it.
    std::optional<Segment> segmentAt(qint64 connection, Direction direction,
                                     qint64 laneOffset) const;
    // True where the byte at `laneOffset` is the first that its segment carried first: the
    // segment's first byte, or where a retransmission's new bytes start.
    bool startsSegment(qint64 connection, Direction direction, qint64 laneOffset) const;
    // Lets go of the lane's pieces that end at or before `laneOffset`.
    void dropBefore(qint64 connection, Direction direction, qint64 laneOffset);
    void clear();

    bool isEmpty() const { return m_pieceCount == 0; }
    qsizetype pieceCount() const { return m_pieceCount; }

private:
    struct Piece
    {
        qint64 end = 0; // the lane offset after its last byte; it starts at its key
        Segment segment;
    };
    using Lane = std::map<qint64, Piece>; // pieces by their first lane offset, not overlapping
    using LaneKey = std::pair<qint64, Direction>;

    const Lane *laneOf(qint64 connection, Direction direction) const;
    void keepWithinCap();

    std::map<LaneKey, Lane> m_lanes;
    qsizetype m_pieceCount = 0;
};
