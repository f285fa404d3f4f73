#include "core/TcpRecorder.h"

#include "core/IpAddress.h"

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

} // namespace

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
    const TcpDirection direction = sent ? outgoing(side) : opposite(outgoing(side));
    if (!m_transfers.append(timeUs, transferTag(found->second, direction), bytes))
        m_droppedBytes += bytes.size();
}

std::vector<TcpConversation> TcpRecorder::conversations() const
{
    std::vector<TcpConversation> conversations = m_conversations;
    m_transfers.forEach([&conversations](const ChunkLog::Chunk &chunk) {
        const TcpDirection direction = chunk.tag & 1 ? TcpDirection::ServerToClient
                                                     : TcpDirection::ClientToServer;
        conversations[chunk.tag >> 1].transfers.push_back(
            {chunk.timeUs, direction,
             QByteArray::fromRawData(chunk.bytes.data(), chunk.bytes.size())});
        return true;
    });
    return conversations;
}

void TcpRecorder::clear()
{
    m_conversations.clear();
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
    m_open[{event.side, event.connectionId}] = m_conversations.size();
    m_conversations.push_back(std::move(conversation));
}

TcpConversation *TcpRecorder::openConversation(const SocketEvent &event)
{
    const auto found = m_open.find({event.side, event.connectionId});
    return found == m_open.end() ? nullptr : &m_conversations[found->second];
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
