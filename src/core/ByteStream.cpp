#include "core/ByteStream.h"

#include <QtNumeric>

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
    const qint64 from = std::clamp<qint64>(offset, 0, size());
    qint64 end = 0;
    if (qAddOverflow(offset, std::max<qint64>(0, length), &end))
        end = size(); // "everything from offset on", asked with a huge length
    const qint64 to = std::clamp<qint64>(end, from, size());
    return QByteArrayView(m_bytes.constData() + from, to - from);
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
