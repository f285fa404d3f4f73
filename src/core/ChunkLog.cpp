#include "core/ChunkLog.h"

#include <algorithm>

bool ChunkLog::append(qint64 timeUs, quint32 tag, QByteArrayView bytes)
{
    const bool bytesFit = !m_byteBlocks.empty()
        && m_byteBlocks.back().size() + bytes.size() <= m_byteBlocks.back().capacity();
    const qsizetype byteBlockSize = bytesFit ? 0 : std::max(BlockSize, bytes.size());
    const bool entryFits = !m_entryBlocks.empty()
        && m_entryBlocks.back().size() < m_entryBlocks.back().capacity();
    const qint64 needed = (bytesFit ? 0 : byteBlockSize + BlockOverhead)
        + (entryFits ? 0 : qint64(EntriesPerBlock * sizeof(Entry)) + BlockOverhead);
    if (!roomFor(needed))
        return false;
    if (!bytesFit) {
        m_byteBlocks.emplace_back();
        m_byteBlocks.back().reserve(byteBlockSize);
        m_memoryUsed += m_byteBlocks.back().capacity() + BlockOverhead;
    }
    if (!entryFits) {
        m_entryBlocks.emplace_back();
        m_entryBlocks.back().reserve(EntriesPerBlock);
        m_memoryUsed += qint64(EntriesPerBlock * sizeof(Entry)) + BlockOverhead;
    }
    m_byteBlocks.back().append(bytes);
    m_entryBlocks.back().push_back({timeUs, quint32(bytes.size()), tag});
    return true;
}

void ChunkLog::clear()
{
    m_byteBlocks.clear();
    m_entryBlocks.clear();
    m_memoryUsed = 0;
}

bool ChunkLog::Cursor::next(Chunk &chunk)
{
    const std::vector<std::vector<Entry>> &entryBlocks = m_log->m_entryBlocks;
    if (m_entryBlock < entryBlocks.size() && m_entry == entryBlocks[m_entryBlock].size()) {
        ++m_entryBlock; // a block is never empty: the next one, if any, has an entry
        m_entry = 0;
    }
    if (m_entryBlock >= entryBlocks.size())
        return false;
    const Entry &entry = entryBlocks[m_entryBlock][m_entry++];
    if (m_position + entry.size > m_log->m_byteBlocks[m_byteBlock].size()) {
        ++m_byteBlock; // as append() did: this chunk did not fit in the last one
        m_position = 0;
    }
    const char *start = m_log->m_byteBlocks[m_byteBlock].constData() + m_position;
    chunk = {entry.timeUs, entry.tag, QByteArrayView(start, entry.size)};
    m_position += entry.size;
    return true;
}
