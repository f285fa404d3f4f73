#include "QtPrinters.h"

#include "core/ChunkLog.h"

#include <gtest/gtest.h>

#include <vector>

namespace {

struct Kept
{
    qint64 timeUs;
    quint32 tag;
    QByteArray bytes;

    bool operator==(const Kept &other) const
    {
        return timeUs == other.timeUs && tag == other.tag && bytes == other.bytes;
    }
};

std::vector<Kept> everything(const ChunkLog &log)
{
    std::vector<Kept> kept;
    log.forEach([&kept](const ChunkLog::Chunk &chunk) {
        kept.push_back({chunk.timeUs, chunk.tag, chunk.bytes.toByteArray()});
        return true;
    });
    return kept;
}

TEST(ChunkLogTest, GivesBackEveryChunkInOrderAcrossBlocksAndOneLargerThanABlock)
{
    ChunkLog log(qint64(64) << 20);
    std::vector<Kept> appended;
    // Small chunks over several blocks, a chunk larger than a block, then small ones again.
    for (int i = 0; i < 20000; ++i) {
        const QByteArray bytes = QByteArray::number(i).repeated(1 + i % 7);
        appended.push_back({i * 10, quint32(i % 3), bytes});
    }
    appended.push_back({200000, 7, QByteArray(3 * ChunkLog::BlockSize, 'L')});
    appended.push_back({200010, 8, QByteArray()});
    appended.push_back({200020, 9, "after"});
    for (const Kept &chunk : appended)
        ASSERT_TRUE(log.append(chunk.timeUs, chunk.tag, chunk.bytes));

    EXPECT_EQ(everything(log), appended);
}

TEST(ChunkLogTest, RefusesWhatWouldTakeItPastItsBudgetAndCountsItsBlocks)
{
    const qint64 block = ChunkLog::BlockSize + ChunkLog::BlockOverhead;
    ChunkLog log(3 * block); // a block of bookkeeping, two of bytes
    const QByteArray line(33, 'x');
    int kept = 0;
    while (log.append(kept, 0, line))
        ++kept;
    EXPECT_EQ(kept, 2 * (ChunkLog::BlockSize / line.size()));
    EXPECT_EQ(log.memoryUsed(), 3 * block);
    EXPECT_FALSE(log.append(0, 0, line)) << "still full";
    EXPECT_EQ(everything(log).size(), size_t(kept));
}

TEST(ChunkLogTest, StopsWhenTheVisitSaysSoAndClearsToNothing)
{
    ChunkLog log(qint64(1) << 20);
    log.append(1, 0, "a");
    log.append(2, 0, "b");
    int visited = 0;
    log.forEach([&visited](const ChunkLog::Chunk &) {
        ++visited;
        return false;
    });
    EXPECT_EQ(visited, 1);

    log.clear();
    EXPECT_TRUE(log.isEmpty());
    EXPECT_EQ(log.memoryUsed(), 0);
    EXPECT_TRUE(everything(log).empty());
}

} // namespace
