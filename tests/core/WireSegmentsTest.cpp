#include "core/WireSegments.h"

#include <gtest/gtest.h>

#include <vector>

using Direction = ByteStream::Direction;
using Segment = WireSegments::Segment;

namespace {

// Segment #number of `length` bytes whose first payload byte is lane offset `laneStart`, as a
// connection whose SYN was seen numbers it (seq 1 is the first byte).
Segment segment(qint64 number, qint64 laneStart, qint64 length)
{
    return {number, laneStart + 1, laneStart, length};
}

// Every lane offset in [0, end) where a segment starts.
std::vector<qint64> starts(const WireSegments &segments, qint64 end,
                           qint64 connection = 0, Direction direction = Direction::Sent)
{
    std::vector<qint64> found;
    for (qint64 offset = 0; offset < end; ++offset) {
        if (segments.startsSegment(connection, direction, offset))
            found.push_back(offset);
    }
    return found;
}

// The number of the segment that carried each lane offset in [0, end), 0 for none.
std::vector<qint64> carriers(const WireSegments &segments, qint64 end, qint64 connection = 0,
                             Direction direction = Direction::Sent)
{
    std::vector<qint64> found;
    for (qint64 offset = 0; offset < end; ++offset) {
        const auto carrier = segments.segmentAt(connection, direction, offset);
        found.push_back(carrier ? carrier->number : 0);
    }
    return found;
}

} // namespace

TEST(WireSegmentsTest, StartsEmpty)
{
    const WireSegments segments;
    EXPECT_TRUE(segments.isEmpty());
    EXPECT_FALSE(segments.segmentAt(0, Direction::Sent, 0));
    EXPECT_FALSE(segments.startsSegment(0, Direction::Sent, 0));
}

TEST(WireSegmentsTest, EachByteBelongsToTheSegmentThatCarriedIt)
{
    WireSegments segments;
    segments.add(0, Direction::Sent, segment(1, 0, 3));
    segments.add(0, Direction::Sent, segment(2, 3, 2));
    EXPECT_EQ(carriers(segments, 6), (std::vector<qint64>{1, 1, 1, 2, 2, 0}));
    EXPECT_EQ(starts(segments, 6), (std::vector<qint64>{0, 3}));
    const auto second = segments.segmentAt(0, Direction::Sent, 4);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->seq, 4);
    EXPECT_EQ(second->laneStart, 3);
    EXPECT_EQ(second->length, 2);
    EXPECT_EQ(segments.pieceCount(), 2);
}

TEST(WireSegmentsTest, LanesAreApart)
{
    WireSegments segments;
    segments.add(1, Direction::Sent, segment(1, 0, 4));
    segments.add(1, Direction::Received, segment(1, 0, 2));
    segments.add(2, Direction::Received, segment(1, 1, 3));
    EXPECT_EQ(carriers(segments, 5, 1, Direction::Sent), (std::vector<qint64>{1, 1, 1, 1, 0}));
    EXPECT_EQ(starts(segments, 5, 1, Direction::Received), (std::vector<qint64>{0}));
    EXPECT_EQ(starts(segments, 5, 2, Direction::Received), (std::vector<qint64>{1}));
    EXPECT_FALSE(segments.segmentAt(2, Direction::Sent, 1));
}

TEST(WireSegmentsTest, ASegmentWithoutPayloadIsIgnored)
{
    WireSegments segments;
    segments.add(0, Direction::Sent, segment(1, 0, 0));
    EXPECT_TRUE(segments.isEmpty());
}

TEST(WireSegmentsTest, ARetransmissionMakesNoSecondBoundary)
{
    WireSegments segments;
    segments.add(0, Direction::Sent, segment(1, 0, 4));
    segments.add(0, Direction::Sent, segment(2, 4, 4));
    segments.add(0, Direction::Sent, segment(3, 0, 4)); // #1 sent again
    segments.add(0, Direction::Sent, segment(4, 4, 4)); // #2 sent again
    EXPECT_EQ(starts(segments, 8), (std::vector<qint64>{0, 4}));
    EXPECT_EQ(carriers(segments, 8), (std::vector<qint64>{1, 1, 1, 1, 2, 2, 2, 2}));
    EXPECT_EQ(segments.pieceCount(), 2);
}

// A retransmission may pack the bytes anew: only what no segment carried before is its own.
TEST(WireSegmentsTest, AnOverlappingSegmentOwnsOnlyItsNewBytes)
{
    WireSegments segments;
    segments.add(0, Direction::Sent, segment(1, 0, 4));
    segments.add(0, Direction::Sent, segment(2, 2, 4)); // bytes 2, 3 again, then 4, 5
    EXPECT_EQ(starts(segments, 7), (std::vector<qint64>{0, 4}));
    EXPECT_EQ(carriers(segments, 7), (std::vector<qint64>{1, 1, 1, 1, 2, 2, 0}));
    const auto second = segments.segmentAt(0, Direction::Sent, 4);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->laneStart, 2); // the segment as it was, for the tooltip
    EXPECT_EQ(second->length, 4);
}

TEST(WireSegmentsTest, ASegmentSpanningSeveralEarlierOnesFillsOnlyTheGaps)
{
    WireSegments segments;
    segments.add(0, Direction::Sent, segment(1, 2, 2));
    segments.add(0, Direction::Sent, segment(2, 6, 1));
    segments.add(0, Direction::Sent, segment(3, 0, 9));
    EXPECT_EQ(carriers(segments, 10), (std::vector<qint64>{3, 3, 1, 1, 3, 3, 2, 3, 3, 0}));
    EXPECT_EQ(starts(segments, 10), (std::vector<qint64>{0, 2, 4, 6, 7}));
    EXPECT_EQ(segments.pieceCount(), 5);
}

TEST(WireSegmentsTest, SegmentsArrivingOutOfOrderEndUpInLaneOrder)
{
    WireSegments segments;
    segments.add(0, Direction::Received, segment(1, 5, 5));
    segments.add(0, Direction::Received, segment(2, 0, 5));
    segments.add(0, Direction::Received, segment(3, 10, 2));
    EXPECT_EQ(starts(segments, 12, 0, Direction::Received), (std::vector<qint64>{0, 5, 10}));
    EXPECT_EQ(carriers(segments, 12, 0, Direction::Received),
              (std::vector<qint64>{2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 3, 3}));
}

TEST(WireSegmentsTest, DropBeforeLetsGoOfWhatEndsThereAndKeepsWhatCrossesIt)
{
    WireSegments segments;
    segments.add(3, Direction::Sent, segment(1, 0, 4));
    segments.add(3, Direction::Sent, segment(2, 4, 4));
    segments.add(3, Direction::Received, segment(1, 0, 4));
    segments.dropBefore(3, Direction::Sent, 5);
    EXPECT_EQ(carriers(segments, 9, 3, Direction::Sent),
              (std::vector<qint64>{0, 0, 0, 0, 2, 2, 2, 2, 0}));
    EXPECT_EQ(carriers(segments, 4, 3, Direction::Received), (std::vector<qint64>{1, 1, 1, 1}));
    EXPECT_EQ(segments.pieceCount(), 2);
    segments.dropBefore(4, Direction::Sent, 100); // a lane never seen: nothing happens
    segments.clear();
    EXPECT_TRUE(segments.isEmpty());
    EXPECT_FALSE(segments.segmentAt(3, Direction::Received, 0));
}

TEST(WireSegmentsTest, PastTheCapEachLaneLetsGoOfItsOldestHalf)
{
    WireSegments segments;
    const qsizetype count = WireSegments::MaxPieces + 1;
    for (qsizetype i = 0; i < count; ++i)
        segments.add(0, Direction::Sent, segment(i + 1, i * 10, 10));
    EXPECT_LE(segments.pieceCount(), WireSegments::MaxPieces);
    EXPECT_GE(segments.pieceCount(), WireSegments::MaxPieces / 2 - 1);
    EXPECT_FALSE(segments.segmentAt(0, Direction::Sent, 0));
    const auto last = segments.segmentAt(0, Direction::Sent, (count - 1) * 10);
    ASSERT_TRUE(last);
    EXPECT_EQ(last->number, count);
    // Going on adding stays within the cap.
    for (qsizetype i = count; i < 3 * count; ++i)
        segments.add(0, Direction::Sent, segment(i + 1, i * 10, 10));
    EXPECT_LE(segments.pieceCount(), WireSegments::MaxPieces);
    EXPECT_TRUE(segments.segmentAt(0, Direction::Sent, (3 * count - 1) * 10));
}
