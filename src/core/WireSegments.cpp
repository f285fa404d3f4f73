#include "core/WireSegments.h"

#include <algorithm>
#include <iterator>

void WireSegments::add(qint64 connection, Direction direction, const Segment &segment)
{
    if (segment.length <= 0)
        return;
    Lane &lane = m_lanes[{connection, direction}];
    qint64 at = segment.laneStart;
    const qint64 end = segment.laneEnd();
    // Bytes an earlier segment carried stay its own: only the gaps between them are this one's.
    auto next = lane.upper_bound(at);
    if (next != lane.begin())
        at = std::max(at, std::prev(next)->second.end);
    while (at < end) {
        next = lane.lower_bound(at);
        const qint64 gapEnd = next == lane.end() ? end : std::min(end, next->first);
        if (at < gapEnd) {
            lane.emplace_hint(next, at, Piece{gapEnd, segment});
            ++m_pieceCount;
        }
        if (next == lane.end())
            break;
        at = std::max(at, next->second.end);
    }
    keepWithinCap();
}

const WireSegments::Lane *WireSegments::laneOf(qint64 connection, Direction direction) const
{
    const auto found = m_lanes.find({connection, direction});
    return found == m_lanes.end() ? nullptr : &found->second;
}

std::optional<WireSegments::Segment> WireSegments::segmentAt(qint64 connection,
                                                             Direction direction,
                                                             qint64 laneOffset) const
{
    const Lane *lane = laneOf(connection, direction);
    if (!lane)
        return std::nullopt;
    auto after = lane->upper_bound(laneOffset);
    if (after == lane->begin())
        return std::nullopt;
    const Piece &piece = std::prev(after)->second;
    if (piece.end <= laneOffset)
        return std::nullopt;
    return piece.segment;
}

bool WireSegments::startsSegment(qint64 connection, Direction direction, qint64 laneOffset) const
{
    const Lane *lane = laneOf(connection, direction);
    return lane && lane->count(laneOffset) > 0;
}

void WireSegments::dropBefore(qint64 connection, Direction direction, qint64 laneOffset)
{
    const auto found = m_lanes.find({connection, direction});
    if (found == m_lanes.end())
        return;
    Lane &lane = found->second;
    while (!lane.empty() && lane.begin()->second.end <= laneOffset) {
        lane.erase(lane.begin());
        --m_pieceCount;
    }
}

void WireSegments::clear()
{
    m_lanes.clear();
    m_pieceCount = 0;
}

// Rare (once per MaxPieces / 2 pieces added), so going through every lane is cheap enough.
void WireSegments::keepWithinCap()
{
    if (m_pieceCount <= MaxPieces)
        return;
    for (auto &[key, lane] : m_lanes) {
        const qsizetype drop = (qsizetype(lane.size()) + 1) / 2;
        lane.erase(lane.begin(), std::next(lane.begin(), drop));
        m_pieceCount -= drop;
    }
}
