#include "core/TcpRecorder.h"

#include "core/IpAddress.h"
#include "core/TcpSynthesizer.h"

#include <algorithm>
#include <climits>
#include <optional>

namespace {

// Our own sends go this way on `side`'s sockets.
TcpDirection outgoing(SocketSide side)
{
    return side == SocketSide::Client ? TcpDirection::ClientToServer
                                      : TcpDirection::ServerToClient;
}

// A transfer's ChunkLog tag: its conversation's index and its direction.
quint32 transferTag(size_t conversation, TcpDirection direction)
{
    return quint32(conversation << 1) | (direction == TcpDirection::ServerToClient ? 1 : 0);
}

TcpConversation::Transfer transferOf(const ChunkLog::Chunk &chunk)
{
    const TcpDirection direction = chunk.tag & 1 ? TcpDirection::ServerToClient
                                                 : TcpDirection::ClientToServer;
    return {chunk.timeUs, direction,
            QByteArray::fromRawData(chunk.bytes.data(), chunk.bytes.size())};
}

} // namespace

// What saving one conversation needs to know of its transfers before it makes packets.
struct TcpRecorder::TransferSummary
{
    std::optional<ChunkLog::Cursor> first; // at its first transfer
    qint64 count = 0;
    qint64 lastSentUs[2] = {LLONG_MIN, LLONG_MIN};
    qint64 latestUs = LLONG_MIN;
    bool inTimeOrder = true; // as they were recorded (unless a clock ran back)
};

void TcpRecorder::record(const SocketEvent &event)
{
    switch (event.kind) {
    case SocketEvent::Kind::Accept:
        if (!event.failure.isFailure())
            open(event, event.peer, event.local);
        return;
    case SocketEvent::Kind::Connect:
        if (!event.failure.isFailure())
            open(event, event.local, event.peer);
        return;
    case SocketEvent::Kind::Recv:
        if (event.bytes == 0 && !event.failure.isFailure()) // end of stream: the peer's FIN
            finish(event, opposite(outgoing(event.side)));
        return;
    case SocketEvent::Kind::Shutdown:
        finish(event, outgoing(event.side));
        return;
    case SocketEvent::Kind::Close:
        if (event.closeReason == SocketEvent::CloseReason::LostRace)
            return; // an attempt that never connected; the winner's connection is open
        if (TcpConversation *conversation = openConversation(event)) {
            if (event.failure.kind == SocketFailure::Kind::Reset) {
                conversation->resetUs = event.timeUs;
                conversation->resetFrom = opposite(outgoing(event.side));
            } else if (!event.failure.isFailure()) {
                finish(event, outgoing(event.side));
            }
        }
        m_open.erase({event.side, event.connectionId});
        return;
    case SocketEvent::Kind::Socket:
    case SocketEvent::Kind::ReuseAddress:
    case SocketEvent::Kind::Bind:
    case SocketEvent::Kind::Listen:
    case SocketEvent::Kind::Refuse:
    case SocketEvent::Kind::AcceptResumed:
    case SocketEvent::Kind::Lookup:
    case SocketEvent::Kind::Send:
    case SocketEvent::Kind::TcpState: // what the kernel said, not what the program did
    case SocketEvent::Kind::TcpQueues:
    case SocketEvent::Kind::TcpUnavailable:
    case SocketEvent::Kind::RecvFrom: // UDP: no TCP segments to make
    case SocketEvent::Kind::SendTo:
    case SocketEvent::Kind::Segment: // captured: saved as it was, not made again
        return;
    }
}

void TcpRecorder::recordBytes(SocketSide side, qint64 connectionId, bool sent,
                              const QByteArray &bytes, qint64 timeUs)
{
    const auto found = m_open.find({side, connectionId});
    if (found == m_open.end() || bytes.isEmpty())
        return;
    if (found->second == NotKept) {
        m_droppedBytes += bytes.size();
        return;
    }
    const TcpDirection direction = sent ? outgoing(side) : opposite(outgoing(side));
    if (!m_transfers.append(timeUs, transferTag(found->second, direction), bytes))
        m_droppedBytes += bytes.size();
}

std::vector<TcpConversation> TcpRecorder::conversations() const
{
    std::vector<TcpConversation> conversations = m_conversations;
    m_transfers.forEach([&conversations](const ChunkLog::Chunk &chunk) {
        conversations[chunk.tag >> 1].transfers.push_back(transferOf(chunk));
        return true;
    });
    return conversations;
}

std::vector<TcpRecorder::TransferSummary> TcpRecorder::transferSummaries() const
{
    std::vector<TransferSummary> summaries(m_conversations.size());
    ChunkLog::Cursor cursor(m_transfers);
    for (ChunkLog::Cursor before = cursor;; before = cursor) {
        ChunkLog::Chunk chunk;
        if (!cursor.next(chunk))
            return summaries;
        TransferSummary &summary = summaries[chunk.tag >> 1];
        if (!summary.first)
            summary.first = before;
        ++summary.count;
        qint64 &lastSent = summary.lastSentUs[chunk.tag & 1];
        lastSent = std::max(lastSent, chunk.timeUs);
        summary.inTimeOrder = summary.inTimeOrder && chunk.timeUs >= summary.latestUs;
        summary.latestUs = std::max(summary.latestUs, chunk.timeUs);
    }
}

std::vector<std::unique_ptr<IpPackets::PacketSource>> TcpRecorder::conversationPackets() const
{
    const std::vector<TransferSummary> summaries = transferSummaries();
    std::vector<std::unique_ptr<IpPackets::PacketSource>> sources;
    sources.reserve(m_conversations.size());
    for (size_t index = 0; index < m_conversations.size(); ++index) {
        const TransferSummary &summary = summaries[index];
        if (!summary.inTimeOrder) {
            // A clock ran back: this one's transfers are gathered, to be sorted by time.
            TcpConversation conversation = m_conversations[index];
            ChunkLog::Cursor cursor = *summary.first;
            for (ChunkLog::Chunk chunk; qint64(conversation.transfers.size()) < summary.count
                 && cursor.next(chunk);) {
                if (chunk.tag >> 1 == index)
                    conversation.transfers.push_back(transferOf(chunk));
            }
            sources.push_back(TcpSynthesizer::packetSource(std::move(conversation)));
            continue;
        }
        // Its own transfers, read in place from its first on: nothing is copied.
        std::optional<ChunkLog::Cursor> cursor = summary.first;
        qint64 left = summary.count;
        const auto next = [cursor, left, index](TcpConversation::Transfer &transfer) mutable {
            for (ChunkLog::Chunk chunk; left > 0 && cursor->next(chunk);) {
                if (chunk.tag >> 1 == index) {
                    --left;
                    transfer = transferOf(chunk);
                    return true;
                }
            }
            return false;
        };
        sources.push_back(std::make_unique<TcpSynthesizer::ConversationPackets>(
            m_conversations[index], summary.lastSentUs, next));
    }
    return sources;
}

void TcpRecorder::setBudget(qint64 maxBytes)
{
    m_budget = maxBytes;
    m_transfers.setBudget(m_budget - m_conversationsCost);
}

void TcpRecorder::clear()
{
    m_conversations = {};
    m_conversationsCost = 0;
    m_transfers.setBudget(m_budget);
    m_open.clear();
    m_transfers.clear();
    m_droppedBytes = 0;
}

void TcpRecorder::open(const SocketEvent &event, const Endpoint &client, const Endpoint &server)
{
    TcpConversation conversation;
    conversation.clientIp = IpAddress::fromText(client.address);
    conversation.serverIp = IpAddress::fromText(server.address);
    if (conversation.clientIp.isEmpty() || conversation.serverIp.isEmpty())
        return; // not an address a packet can carry (no such event comes from the engines)
    conversation.clientPort = client.port;
    conversation.serverPort = server.port;
    conversation.openedUs = event.timeUs - event.durationUs; // Connect: when the SYN went
    const Key key{event.side, event.connectionId};
    if (!roomForConversation()) {
        m_open[key] = NotKept;
        return;
    }
    m_open[key] = m_conversations.size();
    m_conversations.push_back(std::move(conversation));
}

// Room for one more connection's record beside the bytes kept; the records' room is taken
// from the bytes' budget as the list of records grows (reserved in steps, to know its size).
bool TcpRecorder::roomForConversation()
{
    const size_t count = m_conversations.size() + 1;
    const size_t capacity = m_conversations.capacity();
    const size_t grown = count <= capacity ? capacity : std::max<size_t>(16, 2 * capacity);
    const qint64 cost = qint64(grown * sizeof(TcpConversation)) + qint64(count) * AddressesCost;
    if (m_transfers.memoryUsed() + cost > m_budget)
        return false;
    m_conversations.reserve(grown);
    m_conversationsCost = cost;
    m_transfers.setBudget(m_budget - m_conversationsCost);
    return true;
}

TcpConversation *TcpRecorder::openConversation(const SocketEvent &event)
{
    const auto found = m_open.find({event.side, event.connectionId});
    if (found == m_open.end() || found->second == NotKept)
        return nullptr;
    return &m_conversations[found->second];
}

void TcpRecorder::finish(const SocketEvent &event, TcpDirection from)
{
    TcpConversation *conversation = openConversation(event);
    if (!conversation)
        return;
    qint64 &finishedUs = from == TcpDirection::ClientToServer ? conversation->clientFinishedUs
                                                              : conversation->serverFinishedUs;
    if (finishedUs < 0)
        finishedUs = event.timeUs;
}
