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
