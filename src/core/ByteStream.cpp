#include "core/ByteStream.h"

#include <QtNumeric>

#include <algorithm>

namespace {

// Up to this many bytes of a lane either side of a byte decide its character (UTF-8 is
// self-synchronising: see Utf8::classify()).
constexpr int CharacterReach = 3;

} // namespace

quint64 ByteStream::laneKey(qint64 connection, Direction direction)
{
    return (quint64(connection) << 2) | quint64(direction);
}

qsizetype ByteStream::append(QByteArrayView bytes, Direction direction, qint64 messageId,
                             qint64 timeMs, qint64 connection)
{
    if (bytes.isEmpty())
        return -1;
    Segment segment;
    segment.offset = m_bytes.size();
    segment.length = bytes.size();
    segment.messageId = messageId;
    segment.timeMs = timeMs;
    segment.connection = connection;
    segment.direction = direction;
    segment.laneOffset = m_lanes.value(laneKey(connection, direction)).size;
    m_bytes.append(bytes.data(), bytes.size());
    return appendSegment(segment);
}

// Links the segment into its lane; its bytes are in m_bytes already, and its lane offset set.
qsizetype ByteStream::appendSegment(Segment segment)
{
    const auto index = qsizetype(m_segments.size());
    Lane &lane = m_lanes[laneKey(segment.connection, segment.direction)];
    segment.previousInLane = lane.last;
    segment.nextInLane = -1;
    if (lane.last >= 0)
        m_segments[size_t(lane.last)].nextInLane = index;
    lane.last = index;
    lane.size = segment.laneOffset + segment.length;
    m_segments.push_back(segment);
    return index;
}

qsizetype ByteStream::appendSegmentOf(const ByteStream &other, qsizetype index)
{
    Segment segment = other.segment(index);
    m_bytes.append(other.bytes(segment.offset, segment.length));
    segment.offset = m_bytes.size() - segment.length;
    return appendSegment(segment);
}

void ByteStream::clear()
{
    m_bytes.clear();
    m_segments.clear();
    m_lanes.clear();
}

ByteStream ByteStream::withoutFirst(qint64 cut) const
{
    ByteStream kept;
    // A lane whose bytes are all let go goes on counting where it was.
    for (auto lane = m_lanes.cbegin(); lane != m_lanes.cend(); ++lane)
        kept.m_lanes.insert(lane.key(), Lane{-1, lane.value().size});
    const qsizetype first = segmentAt(cut);
    if (first < 0)
        return kept;
    kept.m_bytes = m_bytes.sliced(cut);
    for (auto index = size_t(first); index < m_segments.size(); ++index) {
        Segment segment = m_segments[index];
        const qint64 dropped = std::max<qint64>(0, cut - segment.offset);
        segment.offset = segment.offset + dropped - cut;
        segment.length -= dropped;
        segment.laneOffset += dropped;
        kept.appendSegment(segment);
    }
    return kept;
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

qint64 ByteStream::laneSize(qint64 connection, Direction direction) const
{
    return m_lanes.value(laneKey(connection, direction)).size;
}

// Walks the lane back from its end: a segment asked about is most often among the newest.
std::pair<qint64, qint64> ByteStream::streamRangeOf(qint64 connection, Direction direction,
                                                   qint64 laneStart, qint64 laneEnd) const
{
    qint64 first = -1;
    qint64 end = -1;
    for (qsizetype index = m_lanes.value(laneKey(connection, direction)).last; index >= 0;
         index = m_segments[size_t(index)].previousInLane) {
        const Segment &segment = m_segments[size_t(index)];
        const qint64 from = std::max(laneStart, segment.laneOffset);
        const qint64 to = std::min(laneEnd, segment.laneOffset + segment.length);
        if (from < to) {
            first = segment.offset + from - segment.laneOffset;
            if (end < 0)
                end = segment.offset + to - segment.laneOffset;
        }
        if (segment.laneOffset <= laneStart)
            break;
    }
    return first < 0 ? std::pair<qint64, qint64>{0, 0} : std::pair{first, end};
}

qint64 ByteStream::laneOffset(qint64 offset) const
{
    const Segment &segment = m_segments[size_t(segmentAt(offset))];
    return segment.laneOffset + offset - segment.offset;
}

ByteStream::Character ByteStream::characterAt(qint64 offset) const
{
    // The lane's bytes around `offset`, CharacterReach either side where the lane has them,
    // gathered across the segments of other lanes in between.
    std::array<qint64, 2 * CharacterReach + 1> around{};
    int before = 0;
    qsizetype segment = segmentAt(offset);
    qint64 at = offset;
    while (before < CharacterReach) {
        if (at > m_segments[size_t(segment)].offset) {
            --at;
        } else if (const qsizetype previous = m_segments[size_t(segment)].previousInLane;
                   previous >= 0) {
            segment = previous;
            at = m_segments[size_t(segment)].end() - 1;
        } else {
            break;
        }
        ++before;
        around[size_t(CharacterReach - before)] = at;
    }
    around[CharacterReach] = offset;
    int after = 0;
    segment = segmentAt(offset);
    at = offset;
    while (after < CharacterReach) {
        if (at + 1 < m_segments[size_t(segment)].end()) {
            ++at;
        } else if (const qsizetype next = m_segments[size_t(segment)].nextInLane; next >= 0) {
            segment = next;
            at = m_segments[size_t(segment)].offset;
        } else {
            break;
        }
        ++after;
        around[size_t(CharacterReach + after)] = at;
    }
    const int count = before + 1 + after;

    const qint64 *offsets = around.data() + CharacterReach - before;
    char bytes[around.size()];
    for (int i = 0; i < count; ++i)
        bytes[i] = m_bytes[offsets[i]];
    Character character;
    character.byteClass = Utf8::classify(QByteArrayView(bytes, count), before);
    const auto first = int(character.byteClass.characterStart);
    character.count = std::min(character.byteClass.characterLength, count - first);
    for (int i = 0; i < character.count; ++i)
        character.offsets[size_t(i)] = offsets[first + i];
    character.index = before - first;
    character.byteClass.characterStart = offsets[first];
    return character;
}
