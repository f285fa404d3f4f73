#include "core/TcpRecorder.h"

#include "core/IpAddress.h"
#include "core/TcpSynthesizer.h"

#include <algorithm>
#include <climits>
#include <functional>
#include <optional>
#include <queue>
#include <utility>

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
        close(event);
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
    if (sent)
        found->second.sentBytes += bytes.size();
    if (found->second.conversation == NotKept) {
        m_droppedBytes += bytes.size();
        return;
    }
    const TcpDirection direction = sent ? outgoing(side) : opposite(outgoing(side));
    if (!m_transfers.append(timeUs, transferTag(found->second.conversation, direction), bytes))
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

std::unique_ptr<IpPackets::PacketSource> TcpRecorder::packetsOf(
    size_t conversation, const TransferSummary &summary) const
{
    if (!summary.inTimeOrder) {
        // A clock ran back: this one's transfers are gathered, to be sorted by time.
        TcpConversation gathered = m_conversations[conversation];
        ChunkLog::Cursor cursor = *summary.first;
        for (ChunkLog::Chunk chunk;
             qint64(gathered.transfers.size()) < summary.count && cursor.next(chunk);) {
            if (chunk.tag >> 1 == conversation)
                gathered.transfers.push_back(transferOf(chunk));
        }
        return TcpSynthesizer::packetSource(std::move(gathered));
    }
    // Its own transfers, read in place from its first on: nothing is copied.
    std::optional<ChunkLog::Cursor> cursor = summary.first;
    qint64 left = summary.count;
    const auto next = [cursor, left, conversation](TcpConversation::Transfer &transfer) mutable {
        for (ChunkLog::Chunk chunk; left > 0 && cursor->next(chunk);) {
            if (chunk.tag >> 1 == conversation) {
                --left;
                transfer = transferOf(chunk);
                return true;
            }
        }
        return false;
    };
    return std::make_unique<TcpSynthesizer::ConversationPackets>(m_conversations[conversation],
                                                                 summary.lastSentUs, next);
}

// The conversations' packets merged by time, each conversation's maker made only when its
// first packet is due (none comes before its opening), so that a flood of short connections
// holds few at once.
class TcpRecorder::MergedPackets : public IpPackets::PacketSource
{
public:
    explicit MergedPackets(const TcpRecorder &recorder)
        : m_recorder(recorder)
        , m_summaries(recorder.transferSummaries())
        , m_active(recorder.m_conversations.size())
    {
        const std::vector<TcpConversation> &conversations = recorder.m_conversations;
        for (quint32 index = 0; index < conversations.size(); ++index)
            m_byOpening.push_back(index);
        std::stable_sort(m_byOpening.begin(), m_byOpening.end(),
                         [&conversations](quint32 a, quint32 b) {
                             return conversations[a].openedUs < conversations[b].openedUs;
                         });
    }

    bool next(IpPackets::Packet &packet) override
    {
        startDue();
        if (m_due.empty())
            return false;
        const size_t conversation = m_due.top().second;
        m_due.pop();
        Active &active = *m_active[conversation];
        packet = std::move(active.next);
        if (active.packets->next(active.next))
            m_due.push({active.next.timeUs, conversation});
        else
            m_active[conversation].reset();
        return true;
    }

private:
    struct Active
    {
        std::unique_ptr<IpPackets::PacketSource> packets;
        IpPackets::Packet next;
    };
    using Due = std::pair<qint64, size_t>; // a packet's time, and its conversation

    // Starts every conversation that opened before the next packet due (or the first left).
    void startDue()
    {
        for (; m_started < m_byOpening.size(); ++m_started) {
            const size_t conversation = m_byOpening[m_started];
            const Due opening{m_recorder.m_conversations[conversation].openedUs, conversation};
            if (!m_due.empty() && m_due.top() < opening)
                return;
            auto active = std::make_unique<Active>();
            active->packets = m_recorder.packetsOf(conversation, m_summaries[conversation]);
            if (active->packets->next(active->next)) {
                m_due.push({active->next.timeUs, conversation});
                m_active[conversation] = std::move(active);
            }
        }
    }

    const TcpRecorder &m_recorder;
    const std::vector<TransferSummary> m_summaries;
    std::vector<quint32> m_byOpening; // the conversations by the time they opened
    size_t m_started = 0; // of m_byOpening
    std::vector<std::unique_ptr<Active>> m_active; // by conversation, while it has packets
    std::priority_queue<Due, std::vector<Due>, std::greater<Due>> m_due;
};

std::unique_ptr<IpPackets::PacketSource> TcpRecorder::conversationPackets() const
{
    return std::make_unique<MergedPackets>(*this);
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
        m_open[key] = {NotKept};
        return;
    }
    m_open[key] = {m_conversations.size()};
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
    if (found == m_open.end() || found->second.conversation == NotKept)
        return nullptr;
    return &m_conversations[found->second.conversation];
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

// A reset received ends in the peer's RST; our close() that reset ends in ours, and the bytes it
// discarded never arrived; any other close is our FIN.
void TcpRecorder::close(const SocketEvent &event)
{
    const Key key{event.side, event.connectionId};
    if (TcpConversation *conversation = openConversation(event)) {
        const TcpDirection ours = outgoing(event.side);
        if (event.failure.kind == SocketFailure::Kind::Reset) {
            conversation->resetUs = event.timeUs;
            conversation->resetFrom = opposite(ours);
        } else if (event.resetSent) {
            conversation->resetUs = event.timeUs;
            conversation->resetFrom = ours;
        } else if (!event.failure.isFailure()) {
            finish(event, ours);
        }
        if (event.undeliveredBytes > 0) {
            conversation->deliveredBytes[int(ours)] =
                std::max<qint64>(0, m_open[key].sentBytes - event.undeliveredBytes);
        }
    }
    m_open.erase(key);
}
