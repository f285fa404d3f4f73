#include "QtPrinters.h"
#include "TestSeed.h"

#include "core/ByteStream.h"

#include <QByteArray>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <random>
#include <vector>

using Direction = ByteStream::Direction;

namespace {

struct Read
{
    QByteArray bytes;
    Direction direction;
    qint64 messageId;
    qint64 timeMs;
};

// A small conversation: two messages sent, each answered in reads of various sizes, with a
// message-less read in between and a read that continues the previous one.
const std::vector<Read> &conversation()
{
    static const std::vector<Read> reads = {
        {"hello", Direction::Sent, 1, 100},
        {"HEL", Direction::Received, 1, 130},
        {"LO", Direction::Received, 1, 131},     // same message, same direction
        {"x", Direction::Received, 0, 140},      // no message
        {"bye\xff", Direction::Sent, 2, 200},
        {QByteArray("\x00\x01", 2), Direction::Sent, 3, 201}, // other message, same direction
        {"BYE\xff", Direction::Received, 2, 260},
        {"!", Direction::Received, 2, 261},
    };
    return reads;
}

ByteStream buildConversation()
{
    ByteStream stream;
    for (const Read &read : conversation())
        stream.append(read.bytes, read.direction, read.messageId, read.timeMs);
    return stream;
}

} // namespace

TEST(ByteStreamTest, StartsEmpty)
{
    const ByteStream stream;
    EXPECT_TRUE(stream.isEmpty());
    EXPECT_EQ(stream.size(), 0);
    EXPECT_EQ(stream.segmentCount(), 0);
    EXPECT_EQ(stream.segmentAt(0), -1);
    EXPECT_FALSE(stream.startsRead(0));
    EXPECT_FALSE(stream.startsMessage(0));
    EXPECT_TRUE(stream.bytes().isEmpty());
}

TEST(ByteStreamTest, AppendKeepsBytesAndSegmentsInOrder)
{
    ByteStream stream;
    QByteArray all;
    qint64 offset = 0;
    const std::vector<Read> &reads = conversation();
    for (size_t i = 0; i < reads.size(); ++i) {
        const Read &read = reads[i];
        EXPECT_EQ(stream.append(read.bytes, read.direction, read.messageId, read.timeMs),
                  qsizetype(i));
        all += read.bytes;
        EXPECT_EQ(stream.size(), all.size());
        EXPECT_FALSE(stream.isEmpty());

        const ByteStream::Segment &segment = stream.segment(qsizetype(i));
        EXPECT_EQ(segment.offset, offset) << i;
        EXPECT_EQ(segment.length, read.bytes.size()) << i;
        EXPECT_EQ(segment.end(), offset + read.bytes.size()) << i;
        EXPECT_EQ(segment.messageId, read.messageId) << i;
        EXPECT_EQ(segment.timeMs, read.timeMs) << i;
        EXPECT_EQ(segment.direction, read.direction) << i;
        offset += read.bytes.size();
    }
    EXPECT_EQ(stream.segmentCount(), qsizetype(reads.size()));
    EXPECT_EQ(stream.bytes().toByteArray(), all);
    for (qint64 i = 0; i < all.size(); ++i)
        EXPECT_EQ(stream.at(i), uchar(all.at(i))) << i;
    // Earlier segments are not disturbed by later appends.
    EXPECT_EQ(stream.segment(0).offset, 0);
    EXPECT_EQ(stream.segment(0).length, 5);
    EXPECT_EQ(stream.segment(4).offset, 11);
    EXPECT_EQ(stream.at(14), 0xFF);
    EXPECT_EQ(stream.at(15), 0x00);
}

TEST(ByteStreamTest, EmptyAppendIsIgnored)
{
    ByteStream stream;
    EXPECT_EQ(stream.append(QByteArrayView(), Direction::Sent, 1, 5), -1);
    EXPECT_EQ(stream.append(QByteArray(""), Direction::Received, 2, 6), -1);
    EXPECT_EQ(stream.segmentCount(), 0);
    EXPECT_TRUE(stream.isEmpty());

    EXPECT_EQ(stream.append("ab", Direction::Sent, 1, 7), 0);
    EXPECT_EQ(stream.append(QByteArrayView(), Direction::Received, 2, 8), -1);
    EXPECT_EQ(stream.append("cd", Direction::Received, 2, 9), 1);
    EXPECT_EQ(stream.segmentCount(), 2);
    EXPECT_EQ(stream.size(), 4);
    EXPECT_EQ(stream.segment(1).offset, 2);
    EXPECT_EQ(stream.segment(1).timeMs, 9);
}

TEST(ByteStreamTest, SegmentAtFirstAndLastByteOfEverySegment)
{
    const ByteStream stream = buildConversation();
    for (qsizetype i = 0; i < stream.segmentCount(); ++i) {
        const ByteStream::Segment &segment = stream.segment(i);
        EXPECT_EQ(stream.segmentAt(segment.offset), i) << "first byte of segment " << i;
        EXPECT_EQ(stream.segmentAt(segment.end() - 1), i) << "last byte of segment " << i;
    }
    // Every byte, against a plain linear search.
    for (qint64 offset = 0; offset < stream.size(); ++offset) {
        qsizetype expected = -1;
        for (qsizetype i = 0; i < stream.segmentCount(); ++i) {
            if (stream.segment(i).offset <= offset && offset < stream.segment(i).end())
                expected = i;
        }
        EXPECT_EQ(stream.segmentAt(offset), expected) << offset;
    }
}

TEST(ByteStreamTest, SegmentAtOutOfRange)
{
    const ByteStream stream = buildConversation();
    EXPECT_EQ(stream.segmentAt(-1), -1);
    EXPECT_EQ(stream.segmentAt(std::numeric_limits<qint64>::min()), -1);
    EXPECT_EQ(stream.segmentAt(stream.size()), -1);
    EXPECT_EQ(stream.segmentAt(stream.size() + 1), -1);
    EXPECT_EQ(stream.segmentAt(std::numeric_limits<qint64>::max()), -1);
}

TEST(ByteStreamTest, StartsReadExactlyAtSegmentStartsButNotAtZero)
{
    const ByteStream stream = buildConversation();
    std::vector<bool> starts(size_t(stream.size()), false);
    for (qsizetype i = 1; i < stream.segmentCount(); ++i)
        starts[size_t(stream.segment(i).offset)] = true;

    for (qint64 offset = 0; offset < stream.size(); ++offset)
        EXPECT_EQ(stream.startsRead(offset), starts[size_t(offset)]) << offset;
    EXPECT_FALSE(stream.startsRead(0));
    EXPECT_FALSE(stream.startsRead(-1));
    EXPECT_FALSE(stream.startsRead(stream.size()));
    EXPECT_FALSE(stream.startsRead(stream.size() + 5));
}

TEST(ByteStreamTest, StartsMessageOnlyWhereMessageOrDirectionChanges)
{
    const ByteStream stream = buildConversation();
    const std::vector<Read> &reads = conversation();
    std::vector<bool> starts(size_t(stream.size()), false);
    qint64 offset = 0;
    for (size_t i = 0; i < reads.size(); ++i) {
        if (i > 0
            && (reads[i].messageId != reads[i - 1].messageId
                || reads[i].direction != reads[i - 1].direction)) {
            starts[size_t(offset)] = true;
        }
        offset += reads[i].bytes.size();
    }
    for (qint64 offset = 0; offset < stream.size(); ++offset)
        EXPECT_EQ(stream.startsMessage(offset), starts[size_t(offset)]) << offset;

    // Spelled out: "HEL" starts the reply, "LO" continues it, "x" (no message) and "bye"
    // (message 2) start something new, and so do "\0\1" (message 3) and "BYE" (received).
    EXPECT_TRUE(stream.startsMessage(5));   // HEL
    EXPECT_FALSE(stream.startsMessage(8));  // LO
    EXPECT_TRUE(stream.startsRead(8));
    EXPECT_TRUE(stream.startsMessage(10));  // x
    EXPECT_TRUE(stream.startsMessage(11));  // bye\xff
    EXPECT_TRUE(stream.startsMessage(15));  // \0\1
    EXPECT_TRUE(stream.startsMessage(17));  // BYE\xff
    EXPECT_FALSE(stream.startsMessage(21)); // !
    EXPECT_FALSE(stream.startsMessage(0));
    EXPECT_FALSE(stream.startsMessage(-1));
    EXPECT_FALSE(stream.startsMessage(stream.size()));
}

TEST(ByteStreamTest, StartsMessageWhenOnlyTheDirectionChanges)
{
    ByteStream stream;
    stream.append("a", Direction::Sent, 0);
    stream.append("b", Direction::Received, 0);
    stream.append("c", Direction::Received, 0);
    stream.append("d", Direction::Received, 7);
    EXPECT_TRUE(stream.startsMessage(1));
    EXPECT_FALSE(stream.startsMessage(2));
    EXPECT_TRUE(stream.startsMessage(3));
}

TEST(ByteStreamTest, BytesRangeClamps)
{
    const ByteStream stream = buildConversation();
    const QByteArray all = stream.bytes().toByteArray();
    const qint64 size = stream.size();

    EXPECT_EQ(stream.bytes(0, size).toByteArray(), all);
    EXPECT_EQ(stream.bytes(5, 3).toByteArray(), QByteArray("HEL"));
    EXPECT_EQ(stream.bytes(15, 2).toByteArray(), QByteArray("\x00\x01", 2));
    EXPECT_EQ(stream.bytes(size - 2, 100).toByteArray(), all.right(2));
    EXPECT_EQ(stream.bytes(-100, std::numeric_limits<qint64>::max()).toByteArray(), all);
    EXPECT_EQ(stream.bytes(3, -1).size(), 0);
    EXPECT_EQ(stream.bytes(size, 5).size(), 0);
    EXPECT_EQ(stream.bytes(size + 10, 5).size(), 0);
    EXPECT_EQ(stream.bytes(0, 0).size(), 0);
    EXPECT_EQ(stream.bytes(2, std::numeric_limits<qint64>::max()).toByteArray(), all.mid(2));

    // Against plain arithmetic, over a grid of offsets and lengths in and out of range: the
    // part of [offset, offset + length) that is in the stream.
    for (qint64 offset = 0; offset <= size + 3; ++offset) {
        for (qint64 length = -2; length <= size + 3; ++length) {
            const qint64 to = std::clamp<qint64>(offset + length, offset, size);
            const qint64 from = std::min(offset, size);
            EXPECT_EQ(stream.bytes(offset, length).toByteArray(),
                      all.mid(from, std::max<qint64>(0, to - from)))
                << offset << " " << length;
        }
    }
    // Before the start (not specified further): some bytes from the start, never more than
    // asked for.
    for (qint64 length = 0; length <= size + 3; ++length) {
        const QByteArray got = stream.bytes(-3, length).toByteArray();
        EXPECT_LE(got.size(), length);
        EXPECT_EQ(got, all.left(got.size())) << length;
    }
}

TEST(ByteStreamTest, ClearForgetsEverything)
{
    ByteStream stream = buildConversation();
    stream.clear();
    EXPECT_TRUE(stream.isEmpty());
    EXPECT_EQ(stream.size(), 0);
    EXPECT_EQ(stream.segmentCount(), 0);
    EXPECT_EQ(stream.segmentAt(0), -1);
    EXPECT_FALSE(stream.startsRead(5));

    EXPECT_EQ(stream.append("again", Direction::Received, 9, 1), 0);
    EXPECT_EQ(stream.segment(0).offset, 0);
    EXPECT_EQ(stream.segmentAt(4), 0);
    EXPECT_EQ(stream.bytes().toByteArray(), QByteArray("again"));
}

TEST(ByteStreamTest, SegmentAtInA64MiBStreamOfRecv1024Reads)
{
    constexpr qint64 ReadSize = 1024;
    constexpr qint64 Reads = 64 * 1024;
    ByteStream stream;
    QByteArray read(ReadSize, '\0');
    for (qint64 i = 0; i < Reads; ++i) {
        // Each read's bytes name it, so a wrong offset shows in the content too.
        read[0] = char(i & 0xFF);
        read[1] = char((i >> 8) & 0xFF);
        // Three reads to a message, as a long reply arrives.
        ASSERT_EQ(stream.append(read, Direction::Received, i / 3 + 1, i), qsizetype(i));
    }
    ASSERT_EQ(stream.size(), Reads * ReadSize);
    ASSERT_EQ(stream.segmentCount(), qsizetype(Reads));

    const quint32 seed = testSeed();
    SCOPED_TRACE(::testing::Message() << "seed " << seed << " (rerun with CAPSOCK_TEST_SEED)");
    std::mt19937 random(seed);
    std::uniform_int_distribution<qint64> anyOffset(0, stream.size() - 1);
    for (int n = 0; n < 100000; ++n) {
        const qint64 offset = anyOffset(random);
        const qint64 expected = offset / ReadSize;
        const qsizetype index = stream.segmentAt(offset);
        ASSERT_EQ(index, expected) << "offset " << offset;
        const ByteStream::Segment &segment = stream.segment(index);
        ASSERT_EQ(segment.offset, expected * ReadSize);
        ASSERT_EQ(segment.timeMs, expected);
        ASSERT_EQ(stream.startsRead(offset), offset % ReadSize == 0);
        ASSERT_EQ(stream.startsMessage(offset),
                  offset > 0 && offset % ReadSize == 0 && expected % 3 == 0);
    }
    for (qint64 i = 0; i < Reads; i += 997) {
        ASSERT_EQ(stream.segmentAt(i * ReadSize), i);
        ASSERT_EQ(stream.segmentAt(i * ReadSize + ReadSize - 1), i);
        ASSERT_EQ(stream.at(i * ReadSize), uchar(i & 0xFF));
        ASSERT_EQ(stream.at(i * ReadSize + 1), uchar((i >> 8) & 0xFF));
        ASSERT_EQ(stream.startsRead(i * ReadSize), i > 0);
        ASSERT_EQ(stream.startsMessage(i * ReadSize), i > 0 && i % 3 == 0);
        ASSERT_FALSE(stream.startsRead(i * ReadSize + 1));
    }
    EXPECT_EQ(stream.segmentAt(stream.size() - 1), qsizetype(Reads - 1));
    EXPECT_EQ(stream.segmentAt(stream.size()), -1);
}

// --- lanes: one connection's bytes in one direction ------------------------------------------

namespace {

const QByteArray TacoBytes = QByteArrayLiteral("\xf0\x9f\x8c\xae"); // U+1F32E

} // namespace

TEST(ByteStreamLaneTest, AReplyByteBetweenATacosBytesDoesNotBreakIt)
{
    // A server reading 1 byte at a time answers each byte at once: the client's taco and the
    // reply's bytes alternate in the stream.
    ByteStream stream;
    for (const char byte : TacoBytes) {
        stream.append(QByteArrayView(&byte, 1), Direction::Sent);
        stream.append("X", Direction::Received);
    }
    for (int i = 0; i < 4; ++i) {
        const ByteStream::Character character = stream.characterAt(2 * i);
        EXPECT_EQ(character.byteClass.role, i == 0 ? Utf8::ByteRole::Lead
                                                   : Utf8::ByteRole::Continuation)
            << i;
        EXPECT_EQ(character.byteClass.codePoint, U'\U0001F32E') << i;
        EXPECT_EQ(character.byteClass.characterStart, 0) << i;
        EXPECT_EQ(character.byteClass.characterLength, 4) << i;
        ASSERT_EQ(character.count, 4) << i;
        EXPECT_EQ(character.offsets, (std::array<qint64, 4>{0, 2, 4, 6})) << i;
        EXPECT_EQ(character.index, i);
        EXPECT_EQ(stream.laneOffset(2 * i), i);

        const ByteStream::Character reply = stream.characterAt(2 * i + 1);
        EXPECT_EQ(reply.byteClass.role, Utf8::ByteRole::Single) << i;
        EXPECT_EQ(reply.byteClass.codePoint, U'X') << i;
        EXPECT_EQ(stream.laneOffset(2 * i + 1), i);
    }
}

TEST(ByteStreamLaneTest, TwoClientsCharactersInTheSameDirectionStayApart)
{
    ByteStream stream; // é is c3 a9; two clients' reads of one byte each, interleaved
    stream.append("\xc3", Direction::Received, 0, 0, 1);
    stream.append("\xc3", Direction::Received, 0, 0, 2);
    stream.append("\xa9", Direction::Received, 0, 0, 1);
    stream.append("\xa9", Direction::Received, 0, 0, 2);
    for (qint64 offset = 0; offset < 4; ++offset) {
        const ByteStream::Character character = stream.characterAt(offset);
        EXPECT_EQ(character.byteClass.codePoint, U'é') << offset;
        EXPECT_EQ(character.byteClass.characterStart, offset % 2) << offset;
        EXPECT_EQ(character.last(), offset % 2 + 2) << offset;
    }
    EXPECT_EQ(stream.laneOffset(3), 1);
}

TEST(ByteStreamLaneTest, AnotherConnectionsByteDoesNotCompleteACharacter)
{
    ByteStream stream;
    stream.append("\xc3", Direction::Received, 0, 0, 1);
    stream.append("\xa9", Direction::Received, 0, 0, 2);
    stream.append("\xa9", Direction::Sent, 0, 0, 1); // nor does the other direction's
    const ByteStream::Character lead = stream.characterAt(0);
    EXPECT_EQ(lead.byteClass.role, Utf8::ByteRole::Incomplete);
    EXPECT_EQ(lead.count, 1);
    EXPECT_EQ(stream.characterAt(1).byteClass.role, Utf8::ByteRole::Invalid);
    EXPECT_EQ(stream.characterAt(2).byteClass.role, Utf8::ByteRole::Invalid);
}

TEST(ByteStreamLaneTest, EveryByteIsClassifiedAsItsLaneAloneWouldClassifyIt)
{
    // Random lanes of random text (valid and not), cut into random reads and interleaved at
    // random: each byte must get the class that its own lane's bytes, contiguous, give it.
    std::mt19937 random(testSeed());
    const std::vector<QByteArray> pieces = {"a", "\xc3\xa9", "\xe2\x82\xac", TacoBytes, "\xff",
                                            "\x80", "\xe2\x82", "\n"};
    struct Lane
    {
        qint64 connection;
        Direction direction;
        QByteArray bytes;
        qint64 appended = 0;
        std::vector<qint64> streamOffsets;
    };
    std::vector<Lane> lanes;
    for (qint64 connection = 0; connection < 3; ++connection) {
        for (const Direction direction : {Direction::Sent, Direction::Received}) {
            QByteArray bytes;
            for (int i = 0; i < 300; ++i)
                bytes += pieces[random() % pieces.size()];
            lanes.push_back({connection, direction, bytes});
        }
    }
    ByteStream stream;
    for (bool more = true; more;) {
        more = false;
        for (Lane &lane : lanes) {
            if (lane.appended == lane.bytes.size() || random() % 2)
                continue;
            const qint64 length = std::min<qint64>(1 + random() % 5,
                                                   lane.bytes.size() - lane.appended);
            for (qint64 i = 0; i < length; ++i)
                lane.streamOffsets.push_back(stream.size() + i);
            stream.append(QByteArrayView(lane.bytes).sliced(lane.appended, length),
                          lane.direction, 0, 0, lane.connection);
            lane.appended += length;
        }
        for (const Lane &lane : lanes)
            more = more || lane.appended < lane.bytes.size();
    }
    for (const Lane &lane : lanes) {
        for (qint64 i = 0; i < lane.bytes.size(); ++i) {
            const Utf8::ByteClass expected = Utf8::classify(lane.bytes, i);
            const qint64 offset = lane.streamOffsets[size_t(i)];
            const ByteStream::Character got = stream.characterAt(offset);
            ASSERT_EQ(got.byteClass.role, expected.role) << "lane byte " << i;
            ASSERT_EQ(got.byteClass.codePoint, expected.codePoint) << "lane byte " << i;
            ASSERT_EQ(got.byteClass.characterLength, expected.characterLength) << i;
            ASSERT_EQ(got.byteClass.characterStart,
                      lane.streamOffsets[size_t(expected.characterStart)])
                << "lane byte " << i;
            ASSERT_EQ(got.offsets[size_t(got.index)], offset);
            ASSERT_EQ(stream.laneOffset(offset), i);
        }
    }
}

TEST(ByteStreamLaneTest, WithoutFirstKeepsEachBytesPlaceInItsLane)
{
    ByteStream stream;
    stream.append("hello", Direction::Sent, 1, 10, 7);
    stream.append("HE", Direction::Received, 1, 11, 7);
    stream.append("\xf0\x9f", Direction::Sent, 2, 12, 7);
    stream.append("LLO", Direction::Received, 1, 13, 7);
    stream.append("\x8c\xae", Direction::Sent, 2, 14, 7);

    const ByteStream kept = stream.withoutFirst(3); // into the middle of "hello"
    ASSERT_EQ(kept.size(), stream.size() - 3);
    EXPECT_EQ(kept.bytes(), stream.bytes().sliced(3));
    EXPECT_EQ(kept.segmentCount(), stream.segmentCount());
    EXPECT_EQ(kept.segment(0).length, 2);
    EXPECT_EQ(kept.segment(0).connection, 7);
    EXPECT_EQ(kept.segment(0).timeMs, 10);
    EXPECT_EQ(kept.laneOffset(0), 3);     // the first 'l' is still byte 3 of what was sent
    EXPECT_EQ(kept.laneOffset(2), 0);     // 'H', the first byte received
    const qint64 taco = 2 + 2;            // "lo", "HE", then the taco's first two bytes
    EXPECT_EQ(kept.laneOffset(taco), 5);  // after "hello"
    EXPECT_EQ(kept.characterAt(taco).byteClass.codePoint, U'\U0001F32E');
    EXPECT_EQ(kept.characterAt(taco).last(), taco + 2 + 3 + 1);
}

// A client whose bytes were all let go and who then sends again: its next byte is where its
// connection counts it (a captured segment's sequence number says the same), not byte 0.
TEST(ByteStreamLaneTest, ALaneTrimmedAwayWhollyGoesOnCountingWhereItWas)
{
    ByteStream stream;
    stream.append("abc", Direction::Received, 1, 10, 7);
    stream.append("hello", Direction::Received, 2, 11, 8);
    ByteStream kept = stream.withoutFirst(3); // all of client 7's bytes
    EXPECT_EQ(kept.laneSize(7, Direction::Received), 3);
    EXPECT_EQ(kept.laneSize(8, Direction::Received), 5);
    EXPECT_EQ(kept.laneSize(8, Direction::Sent), 0);
    kept.append("de", Direction::Received, 3, 12, 7);
    EXPECT_EQ(kept.laneOffset(5), 3);
    EXPECT_EQ(kept.laneSize(7, Direction::Received), 5);
}

TEST(ByteStreamLaneTest, StreamRangeOfALanesBytesSpansFromTheFirstToTheLastOfThemHere)
{
    ByteStream stream;
    stream.append("abc", Direction::Received, 1, 10, 7);
    stream.append("XY", Direction::Sent, 1, 11, 7);
    stream.append("defg", Direction::Received, 1, 12, 7);
    using Range = std::pair<qint64, qint64>;
    EXPECT_EQ(stream.streamRangeOf(7, Direction::Received, 1, 5), Range(1, 7));
    EXPECT_EQ(stream.streamRangeOf(7, Direction::Received, 4, 6), Range(6, 8));
    EXPECT_EQ(stream.streamRangeOf(7, Direction::Received, 5, 100), Range(7, 9));
    EXPECT_EQ(stream.streamRangeOf(7, Direction::Sent, 0, 2), Range(3, 5));
    EXPECT_EQ(stream.streamRangeOf(7, Direction::Received, 7, 9).first,
              stream.streamRangeOf(7, Direction::Received, 7, 9).second) << "not here yet";
    EXPECT_EQ(stream.streamRangeOf(8, Direction::Received, 0, 9).first,
              stream.streamRangeOf(8, Direction::Received, 0, 9).second) << "no such lane";
}

TEST(ByteStreamLaneTest, ClearForgetsTheLanes)
{
    ByteStream stream;
    stream.append("\xc3", Direction::Sent);
    stream.clear();
    stream.append("\xa9", Direction::Sent);
    EXPECT_EQ(stream.laneOffset(0), 0);
    EXPECT_EQ(stream.characterAt(0).byteClass.role, Utf8::ByteRole::Invalid);
}

// A server's stream with two clients, as a teacher following client 7 alone sees it.
TEST(ByteStreamLaneTest, OneConnectionsSegmentsCopiedKeepTheirPlacesAndCharacters)
{
    ByteStream stream;
    stream.append("hi", Direction::Received, 1, 10, 7);
    stream.append("yo", Direction::Received, 2, 11, 8);
    stream.append("\xf0\x9f", Direction::Received, 3, 12, 7);
    stream.append("HI", Direction::Sent, 1, 13, 7);
    stream.append("YO", Direction::Received, 2, 14, 8);
    stream.append("\x8c\xae", Direction::Received, 3, 15, 7);
    const ByteStream trimmed = stream.withoutFirst(1); // into the middle of "hi"

    ByteStream alone;
    for (qsizetype index = 0; index < trimmed.segmentCount(); ++index)
        if (trimmed.segment(index).connection == 7) {
            const qsizetype copied = alone.appendSegmentOf(trimmed, index);
            EXPECT_EQ(copied, alone.segmentCount() - 1);
        }

    EXPECT_EQ(alone.bytes(), QByteArrayView("i\xf0\x9fHI\x8c\xae"));
    ASSERT_EQ(alone.segmentCount(), 4);
    EXPECT_EQ(alone.segment(1).messageId, 3);
    EXPECT_EQ(alone.segment(1).timeMs, 12);
    EXPECT_EQ(alone.segment(2).direction, Direction::Sent);
    EXPECT_EQ(alone.laneOffset(0), 1);                       // 'i' is still byte 1 of 7's
    EXPECT_EQ(alone.laneOffset(1), 2);                       // the taco follows it
    EXPECT_EQ(alone.laneOffset(3), 0);                       // 'H', the first byte sent to 7
    EXPECT_EQ(alone.laneOffset(6), 5);                       // the taco's last byte
    EXPECT_EQ(alone.characterAt(1).byteClass.codePoint, U'\U0001F32E');
    EXPECT_EQ(alone.characterAt(1).last(), 6);               // across the reply between
    EXPECT_EQ(alone.segment(1).nextInLane, 3);
}
