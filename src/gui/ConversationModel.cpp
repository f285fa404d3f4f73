#include "gui/ConversationModel.h"

#include "gui/Coalescer.h"

#include "core/BytePreview.h"
#include "core/PluralCount.h"
#include "core/SocketEvent.h"

#include <QDateTime>

namespace {
// A bubble shows one line; more of a huge message is the inspector's job.
constexpr qint64 PreviewBytes = 600;
constexpr int PreviewCharacters = 200;

} // namespace

ConversationModel::ConversationModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_announcer(new Coalescer(Coalescer::FrameMs, [this] { announce(); }, this))
{}

void ConversationModel::setBudget(qint64 maxBytes, int maxRows)
{
    m_maxBytes = maxBytes;
    m_maxRows = std::max(2, maxRows);
    trimToBudget();
}

int ConversationModel::addSent(QByteArrayView bytes, qint64 peerId, qint64 messageId)
{
    if (bytes.isEmpty())
        return -1;
    Entry entry;
    entry.kind = Kind::Sent;
    entry.peerId = peerId;
    entry.messageId = messageId;
    entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    entry.firstOffset = m_stream.size();
    m_stream.append(bytes, ByteStream::Direction::Sent, messageId, entry.timeMs, peerId);
    entry.endOffset = m_stream.size();
    entry.byteCount = bytes.size();
    entry.reads = 1;
    m_streamGrew = true;
    const int row = appendEntry(std::move(entry));
    trimToBudget();
    return row;
}

int ConversationModel::addUnsent(QByteArrayView bytes, qint64 peerId, qint64 messageId)
{
    if (bytes.isEmpty())
        return -1;
    Entry entry;
    entry.kind = Kind::Unsent;
    entry.peerId = peerId;
    entry.messageId = messageId;
    entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    entry.firstOffset = entry.endOffset = m_stream.size();
    entry.byteCount = bytes.size();
    entry.unsentBytes = bytes.toByteArray();
    const int row = appendEntry(std::move(entry));
    trimToBudget();
    return row;
}

int ConversationModel::addReceived(QByteArrayView bytes, qint64 peerId, qint64 messageId,
                                   qint64 firstByteMicros)
{
    if (bytes.isEmpty())
        return -1;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 offset = m_stream.size();
    m_stream.append(bytes, ByteStream::Direction::Received, messageId, now, peerId);
    m_streamGrew = true;
    const auto open = m_openReply.constFind(peerId);
    if (open != m_openReply.cend() && m_entries[size_t(*open)].messageId == messageId) {
        const int row = *open;
        Entry &entry = m_entries[size_t(row)];
        entry.endOffset = m_stream.size();
        entry.byteCount += bytes.size();
        ++entry.reads;
        rowChanged(row);
        trimToBudget();
        return m_openReply.value(peerId, row);
    }
    Entry entry;
    entry.kind = Kind::Received;
    entry.peerId = peerId;
    entry.messageId = messageId;
    entry.timeMs = now;
    entry.firstOffset = offset;
    entry.endOffset = m_stream.size();
    entry.byteCount = bytes.size();
    entry.reads = 1;
    entry.roundTripMicros = firstByteMicros;
    entry.complete = false;
    const int row = appendEntry(std::move(entry));
    m_openReply.insert(peerId, row);
    trimToBudget();
    return m_openReply.value(peerId, row);
}

void ConversationModel::finishReceived(qint64 peerId, qint64 roundTripMicros)
{
    const auto open = m_openReply.constFind(peerId);
    if (open == m_openReply.cend())
        return;
    const int row = *open;
    m_openReply.remove(peerId);
    Entry &entry = m_entries[size_t(row)];
    entry.complete = true;
    if (roundTripMicros >= 0)
        entry.roundTripMicros = roundTripMicros;
    rowChanged(row);
}

int ConversationModel::addNote(const QString &text, Kind kind, qint64 peerId)
{
    Entry entry;
    entry.kind = kind;
    entry.peerId = peerId;
    entry.note = text;
    entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    entry.firstOffset = entry.endOffset = m_stream.size();
    const int row = appendEntry(std::move(entry));
    trimToBudget();
    return row;
}

void ConversationModel::setPeerLabel(qint64 peerId, const QString &label)
{
    m_peerLabels.insert(peerId, label);
}

QString ConversationModel::peerLabel(qint64 peerId) const
{
    return m_peerLabels.value(peerId);
}

void ConversationModel::clear()
{
    beginResetModel();
    m_entries.clear();
    // A connection still open goes on with its sequence numbers where the lane starts afresh.
    for (auto &[lane, wire] : m_wireLanes) {
        const qint64 size = m_stream.laneSize(lane.first, lane.second);
        wire.start -= size;
        wire.end -= size;
    }
    m_stream.clear();
    m_wireSegments.clear();
    m_openReply.clear();
    m_droppedBytes = 0;
    forgetAnnouncements();
    endResetModel();
    emit streamReset();
}

void ConversationModel::flush()
{
    m_announcer->runNow();
}

int ConversationModel::appendEntry(Entry entry)
{
    const int row = int(m_entries.size());
    m_entries.push_back(std::move(entry));
    m_announcer->request();
    return row;
}

void ConversationModel::rowChanged(int row)
{
    if (row >= m_announcedRows)
        return; // its insertion, still waiting, tells the views all of it
    m_changedFirst = std::min(m_changedFirst, row);
    m_changedLast = std::max(m_changedLast, row);
    m_announcer->request();
}

void ConversationModel::announce()
{
    if (m_changedLast >= 0) {
        const QModelIndex first = index(m_changedFirst);
        const QModelIndex last = index(m_changedLast);
        m_changedFirst = INT_MAX;
        m_changedLast = -1;
        emit dataChanged(first, last);
    }
    const int rows = int(m_entries.size());
    if (rows > m_announcedRows) {
        beginInsertRows({}, m_announcedRows, rows - 1);
        m_announcedRows = rows;
        endInsertRows();
    }
    if (m_streamGrew) {
        m_streamGrew = false;
        emit streamAppended();
    }
    if (std::exchange(m_wireSegmentsGrew, false))
        emit wireSegmentsChanged();
}

// Within a reset: the views learn everything anew.
void ConversationModel::forgetAnnouncements()
{
    m_announcer->cancel();
    m_announcedRows = int(m_entries.size());
    m_changedFirst = INT_MAX;
    m_changedLast = -1;
    m_streamGrew = false;
    m_wireSegmentsGrew = false;
}

void ConversationModel::trimToBudget()
{
    if (m_stream.size() <= m_maxBytes && int(m_entries.size()) <= m_maxRows)
        return;
    // Drop the oldest half: rare enough (once per half a budget) that copying the rest is cheap.
    size_t keepFrom = m_entries.size() / 2;
    while (keepFrom < m_entries.size() && m_stream.size() - m_entries[keepFrom].firstOffset
                                              > m_maxBytes / 2) {
        ++keepFrom;
    }
    for (const int row : std::as_const(m_openReply)) // a reply still arriving stays whole
        keepFrom = std::min(keepFrom, size_t(row));
    qint64 cut = m_stream.size();
    for (size_t i = keepFrom; i < m_entries.size(); ++i) // a reply may start before later rows
        cut = std::min(cut, m_entries[i].firstOffset);

    letGo(keepFrom, cut);
}

// The views lose the rows let go that they were shown and gain a note at the top saying so:
// row by row, not as a reset, so that a reader keeps their place and what they selected.
void ConversationModel::letGo(size_t rows, qint64 bytes)
{
    ByteStream kept = m_stream.withoutFirst(bytes);
    dropWireSegmentsBefore(bytes);
    const int shownGone = std::min(int(rows), m_announcedRows);
    if (shownGone > 0)
        beginRemoveRows({}, 0, shownGone - 1);
    m_entries.erase(m_entries.begin(), m_entries.begin() + qsizetype(rows));
    m_announcedRows -= shownGone;
    if (shownGone > 0)
        endRemoveRows();

    m_droppedBytes += bytes;
    m_stream = std::move(kept);
    for (Entry &entry : m_entries) {
        entry.firstOffset = std::max<qint64>(0, entry.firstOffset - bytes);
        entry.endOffset = std::max<qint64>(0, entry.endOffset - bytes);
    }
    // Rows counted from the new top, below the note.
    const auto moved = [rows](int row) { return row - int(rows) + 1; };
    for (auto it = m_openReply.begin(); it != m_openReply.end(); ++it)
        it.value() = moved(it.value()); // a reply still arriving was kept
    if (m_changedLast < int(rows)) { // no change waits to be told of a row kept
        m_changedFirst = INT_MAX;
        m_changedLast = -1;
    } else {
        m_changedFirst = std::max(1, moved(m_changedFirst));
        m_changedLast = moved(m_changedLast);
    }

    Entry note;
    note.kind = Kind::Note;
    note.timeMs = QDateTime::currentMSecsSinceEpoch();
    note.note = tr("Older messages were let go to keep memory bounded (%1 MiB so far).")
                    .arg(double(m_droppedBytes) / (1 << 20), 0, 'f', 1);
    beginInsertRows({}, 0, 0);
    m_entries.insert(m_entries.begin(), std::move(note));
    ++m_announcedRows;
    endInsertRows();
    if (m_announcedRows > 1) // where their bytes are in the stream
        emit dataChanged(index(1), index(m_announcedRows - 1),
                         {StreamOffsetRole, StreamEndRole});
    emit streamTrimmed(bytes);
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_announcedRows;
}

QString ConversationModel::header(const Entry &entry) const
{
    QStringList parts;
    const QString peer = m_peerLabels.value(entry.peerId);
    if (!peer.isEmpty())
        parts << peer;
    parts << QDateTime::fromMSecsSinceEpoch(entry.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    const QString byteCount = tr("%1 byte(s)", nullptr, pluralCount(entry.byteCount))
                                  .arg(entry.byteCount);
    if (entry.kind == Kind::Sent || entry.kind == Kind::Received) {
        parts << byteCount;
        if (entry.reads > 1)
            parts << tr("in %n read(s)", nullptr, entry.reads);
        if (entry.roundTripMicros >= 0) {
            parts << tr("round trip %1 ms")
                         .arg(double(entry.roundTripMicros) / 1000.0, 0, 'f',
                              entry.roundTripMicros < 10000 ? 2 : 1);
        }
        if (!entry.complete)
            parts << tr("arriving");
    } else if (entry.kind == Kind::Unsent) {
        parts << byteCount << tr("not sent");
    }
    return parts.join(QStringLiteral(" \u00B7 "));
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_announcedRows)
        return {};
    const Entry &entry = m_entries[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case PreviewRole:
        if (entry.kind == Kind::Note || entry.kind == Kind::Problem)
            return entry.note;
        if (entry.kind == Kind::Unsent)
            return BytePreview::escaped(entry.unsentBytes.first(
                                            std::min(PreviewBytes, entry.byteCount)),
                                        PreviewCharacters);
        return BytePreview::escaped(
            m_stream.bytes(entry.firstOffset,
                           std::min(PreviewBytes, entry.endOffset - entry.firstOffset)),
            PreviewCharacters, BytePreview::Spaces::MarkedAtEdges);
    case Qt::ToolTipRole:
        if (entry.kind == Kind::Note || entry.kind == Kind::Problem)
            return entry.note;
        if (entry.kind == Kind::Unsent) {
            return tr("%1\nThese bytes never reached the wire: the connection failed first. "
                      "Press Up in the message field to bring the message back.")
                .arg(header(entry));
        }
        if (entry.kind == Kind::Received && !entry.complete) {
            return tr("%1\nStill arriving: TCP keeps no message boundaries, so the reply is "
                      "taken as ended at its line end, and this one has not come yet; what "
                      "comes next joins it. Click to see these bytes in the inspector.")
                .arg(header(entry));
        }
        return tr("%1\nClick to see these bytes in the inspector.").arg(header(entry));
    case KindRole: return QVariant::fromValue(entry.kind);
    case TimeRole: return QDateTime::fromMSecsSinceEpoch(entry.timeMs);
    case PeerRole: return m_peerLabels.value(entry.peerId);
    case ByteCountRole: return entry.byteCount;
    case ReadCountRole: return entry.reads;
    case RoundTripRole: return entry.roundTripMicros;
    case HeaderRole: return header(entry);
    case StreamOffsetRole: return entry.firstOffset;
    case StreamEndRole: return entry.endOffset;
    case CompleteRole: return entry.complete;
    case PeerIdRole: return entry.peerId;
    default: return {};
    }
}

void ConversationModel::addWireSegment(const SocketEvent &segment)
{
    const ByteStream::Direction direction = segment.outgoing ? ByteStream::Direction::Sent
                                                             : ByteStream::Direction::Received;
    WireLane &lane = m_wireLanes[{segment.connectionId, direction}];
    if (segment.has(TcpSegment::Syn)) { // seq 0: its first byte, seq 1, is the lane's next
        const qint64 next = m_stream.laneSize(segment.connectionId, direction);
        lane = {next, 0, next};
    }
    if (segment.bytes <= 0)
        return;
    const qint64 laneStart = lane.laneOffsetOf(segment.seq);
    lane.end = std::max(lane.end, laneStart + segment.bytes);
    m_wireSegments.add(segment.connectionId, direction,
                       {++lane.count, segment.seq, laneStart, segment.bytes});
    m_wireSegmentsGrew = true;
    m_announcer->request();
}

qint64 ConversationModel::laneOffsetOf(qint64 connection, ByteStream::Direction direction,
                                       qint64 seq) const
{
    const auto lane = m_wireLanes.find({connection, direction});
    return lane == m_wireLanes.end() ? seq - 1 : lane->second.laneOffsetOf(seq);
}

// Each lane's bytes before the cut are gone from the stream: so are the segments that carried
// only those. Bytes captured but not read yet lie after them and stay.
void ConversationModel::dropWireSegmentsBefore(qint64 cut)
{
    if (m_wireSegments.isEmpty())
        return;
    std::map<std::pair<qint64, ByteStream::Direction>, qint64> laneCuts;
    for (qsizetype index = 0; index < m_stream.segmentCount(); ++index) {
        const ByteStream::Segment &segment = m_stream.segment(index);
        if (segment.offset >= cut)
            break;
        laneCuts[{segment.connection, segment.direction}] =
            segment.laneOffset + std::min(segment.length, cut - segment.offset);
    }
    for (const auto &[lane, laneCut] : laneCuts)
        m_wireSegments.dropBefore(lane.first, lane.second, laneCut);
}
