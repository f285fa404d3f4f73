#include "core/ByteStream.h"

#include <algorithm>

qsizetype ByteStream::append(QByteArrayView bytes, Direction direction, qint64 messageId,
                             qint64 timeMs)
{
    if (bytes.isEmpty())
        return -1;
    m_segments.push_back({m_bytes.size(), bytes.size(), messageId, timeMs, direction});
    m_bytes.append(bytes.data(), bytes.size());
    return qsizetype(m_segments.size()) - 1;
}

void ByteStream::clear()
{
    m_bytes.clear();
    m_segments.clear();
}

QByteArrayView ByteStream::bytes(qint64 offset, qint64 length) const
{
    offset = std::clamp<qint64>(offset, 0, size());
    length = std::clamp<qint64>(length, 0, size() - offset);
    return QByteArrayView(m_bytes.constData() + offset, length);
}

qsizetype ByteStream::segmentAt(qint64 offset) const
{
    if (offset < 0 || offset >= size())
        return -1;
    const auto after = std::upper_bound(m_segments.begin(), m_segments.end(), offset,
                                        [](qint64 value, const Segment &segment) {
                                            return value < segment.offset;
                                        });
    return qsizetype(after - m_segments.begin()) - 1;
}

bool ByteStream::startsRead(qint64 offset) const
{
    if (offset <= 0)
        return false;
    const qsizetype index = segmentAt(offset);
    return index > 0 && m_segments[size_t(index)].offset == offset;
}

bool ByteStream::startsMessage(qint64 offset) const
{
    if (!startsRead(offset))
        return false;
    const qsizetype index = segmentAt(offset);
    const Segment &current = m_segments[size_t(index)];
    const Segment &previous = m_segments[size_t(index) - 1];
    return current.messageId != previous.messageId || current.direction != previous.direction;
}
