#include "gui/ConversationModel.h"

#include "core/BytePreview.h"
#include "core/PluralCount.h"

#include <QDateTime>

namespace {
// A bubble shows one line; more of a huge message is the inspector's job.
constexpr qint64 PreviewBytes = 600;
constexpr int PreviewCharacters = 200;

} // namespace

ConversationModel::ConversationModel(QObject *parent)
    : QAbstractListModel(parent)
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
    const int row = appendEntry(std::move(entry));
    emit streamAppended();
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
    const auto open = m_openReply.constFind(peerId);
    if (open != m_openReply.cend() && m_entries[size_t(*open)].messageId == messageId) {
        const int row = *open;
        Entry &entry = m_entries[size_t(row)];
        entry.endOffset = m_stream.size();
        entry.byteCount += bytes.size();
        ++entry.reads;
        emit dataChanged(index(row), index(row));
        emit streamAppended();
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
    emit streamAppended();
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
    emit dataChanged(index(row), index(row));
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
    m_stream.clear();
    m_openReply.clear();
    m_droppedBytes = 0;
    endResetModel();
    emit streamReset();
}

int ConversationModel::appendEntry(Entry entry)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(std::move(entry));
    endInsertRows();
    return row;
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

    ByteStream kept = m_stream.withoutFirst(cut);

    beginResetModel();
    m_droppedBytes += cut;
    std::vector<Entry> entries;
    entries.reserve(m_entries.size() - keepFrom + 1);
    Entry note;
    note.kind = Kind::Note;
    note.timeMs = QDateTime::currentMSecsSinceEpoch();
    note.note = tr("Older messages were let go to keep memory bounded (%1 MiB so far).")
                    .arg(double(m_droppedBytes) / (1 << 20), 0, 'f', 1);
    entries.push_back(note);
    for (size_t i = keepFrom; i < m_entries.size(); ++i) {
        Entry entry = m_entries[i];
        entry.firstOffset = std::max<qint64>(0, entry.firstOffset - cut);
        entry.endOffset = std::max<qint64>(0, entry.endOffset - cut);
        entries.push_back(std::move(entry));
    }
    QHash<qint64, int> open;
    for (auto it = m_openReply.cbegin(); it != m_openReply.cend(); ++it)
        if (size_t(it.value()) >= keepFrom)
            open.insert(it.key(), int(it.value() - keepFrom + 1));
    m_entries = std::move(entries);
    m_openReply = std::move(open);
    m_stream = std::move(kept);
    endResetModel();
    emit streamReset();
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
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
    if (!index.isValid() || index.row() >= int(m_entries.size()))
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
    default: return {};
    }
}
