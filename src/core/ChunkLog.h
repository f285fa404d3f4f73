#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <utility>
#include <vector>

// Chunks of bytes kept in the order they came, each with its time and a tag, compactly: their
// bytes back to back in blocks, and 16 bytes of bookkeeping each, in blocks too. A QByteArray
// per chunk would cost a heap block and a header each, and all its capacity: a recv() buffer
// cut to the 33 bytes that came still holds its whole read size (1 KiB).
//
// Memory: the budget counts the blocks as allocated, with their headers, so what the log
// holds stays within it; a chunk that would take it past the budget is refused, not kept.
class ChunkLog
{
public:
    struct Chunk
    {
        qint64 timeUs = 0;
        quint32 tag = 0; // the caller's: what the chunk belongs to
        QByteArrayView bytes;
    };

    static constexpr qsizetype BlockSize = qsizetype(64) << 10;
    // A block's heap and Qt headers, and its slot in the list of blocks, counted generously.
    static constexpr qint64 BlockOverhead = 128;

    explicit ChunkLog(qint64 budget)
        : m_budget(budget)
    {
    }

    void setBudget(qint64 budget) { m_budget = budget; }
    qint64 budget() const { return m_budget; }
    // Keeps `bytes` (a chunk never spans two blocks: one larger than a block has its own);
    // false, and nothing kept, if that would take the memory used past the budget.
    bool append(qint64 timeUs, quint32 tag, QByteArrayView bytes);
    qint64 memoryUsed() const { return m_memoryUsed; }
    bool isEmpty() const { return m_entryBlocks.empty(); }
    void clear();

    // Reads the chunks in order, one at a time. Its views point into the log: valid while it
    // is unchanged.
    class Cursor
    {
    public:
        explicit Cursor(const ChunkLog &log)
            : m_log(&log)
        {
        }
        // The next chunk into `chunk`; false when there is none.
        bool next(Chunk &chunk);

    private:
        const ChunkLog *m_log;
        size_t m_entryBlock = 0;
        size_t m_entry = 0;
        size_t m_byteBlock = 0;
        qsizetype m_position = 0;
    };

    // Calls `visit(const Chunk &)` for each chunk in order, while it returns true.
    template<typename Visit>
    void forEach(Visit visit) const
    {
        Cursor cursor(*this);
        Chunk chunk;
        while (cursor.next(chunk) && visit(std::as_const(chunk))) {
        }
    }

private:
    struct Entry
    {
        qint64 timeUs;
        quint32 size;
        quint32 tag;
    };
    static constexpr size_t EntriesPerBlock = BlockSize / sizeof(Entry);

    bool roomFor(qint64 bytes) const { return m_memoryUsed + bytes <= m_budget; }

    std::vector<QByteArray> m_byteBlocks; // each filled up to its size(), its capacity reserved
    std::vector<std::vector<Entry>> m_entryBlocks; // each reserved for EntriesPerBlock
    qint64 m_memoryUsed = 0;
    qint64 m_budget;
};
