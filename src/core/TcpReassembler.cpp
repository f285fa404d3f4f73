#include "core/TcpReassembler.h"

namespace {

QByteArray endpointKey(const QByteArray &ip, quint16 port)
{
    return ip + char(port >> 8) + char(port & 0xff);
}

bool isOpeningSyn(const TcpSegment &segment)
{
    return segment.has(TcpSegment::Syn) && !segment.has(TcpSegment::Ack);
}

TcpDirection directionOf(bool fromClient)
{
    return fromClient ? TcpDirection::ClientToServer : TcpDirection::ServerToClient;
}

} // namespace

void TcpReassembler::add(const TcpSegment &segment)
{
    bool fromClient = true;
    Open &open = openFor(segment, &fromClient);
    receive(open, fromClient, segment);
}

std::vector<TcpReassembler::Stream> TcpReassembler::finish()
{
    for (auto &[key, open] : m_open)
        giveUpGaps(open);
    m_open.clear();
    return std::move(m_streams);
}

TcpReassembler::Open &TcpReassembler::openFor(const TcpSegment &segment, bool *fromClient)
{
    const QByteArray source = endpointKey(segment.sourceIp, segment.sourcePort);
    const QByteArray destination = endpointKey(segment.destinationIp, segment.destinationPort);
    const QByteArray key = source < destination ? source + destination : destination + source;
    auto found = m_open.find(key);
    if (found != m_open.end()) {
        const TcpConversation &conversation = m_streams[found->second.stream].conversation;
        *fromClient = source == endpointKey(conversation.clientIp, conversation.clientPort);
        const Direction &sender = *fromClient ? found->second.up : found->second.down;
        // A SYN that is not this connection's own (again): the 4-tuple's next connection.
        const bool newConnection = isOpeningSyn(segment)
            && !(sender.started && sender.initialSeq == segment.seq && *fromClient);
        if (!newConnection)
            return found->second;
        giveUpGaps(found->second);
        m_open.erase(found);
    }
    Open &open = m_open.emplace(key, startStream(segment)).first->second;
    const TcpConversation &conversation = m_streams[open.stream].conversation;
    *fromClient = source == endpointKey(conversation.clientIp, conversation.clientPort);
    return open;
}

TcpReassembler::Open TcpReassembler::startStream(const TcpSegment &segment)
{
    // The SYN's sender is the client; a SYN/ACK's receiver; otherwise whoever spoke first.
    const bool senderIsClient = !(segment.has(TcpSegment::Syn) && segment.has(TcpSegment::Ack));
    Stream stream;
    TcpConversation &conversation = stream.conversation;
    conversation.clientIp = senderIsClient ? segment.sourceIp : segment.destinationIp;
    conversation.clientPort = senderIsClient ? segment.sourcePort : segment.destinationPort;
    conversation.serverIp = senderIsClient ? segment.destinationIp : segment.sourceIp;
    conversation.serverPort = senderIsClient ? segment.destinationPort : segment.sourcePort;
    conversation.openedUs = segment.timeUs;
    Open open;
    open.stream = m_streams.size();
    m_streams.push_back(std::move(stream));
    return open;
}

void TcpReassembler::receive(Open &open, bool fromClient, const TcpSegment &segment)
{
    Stream &stream = m_streams[open.stream];
    TcpConversation &conversation = stream.conversation;
    Direction &direction = fromClient ? open.up : open.down;
    ++stream.segments;
    TcpSegment data = segment;
    if (segment.has(TcpSegment::Syn)) {
        if (!direction.started) {
            direction.started = true;
            direction.initialSeq = segment.seq;
            direction.nextSeq = segment.seq + 1;
        }
        data.seq = segment.seq + 1; // a SYN takes one sequence number before its data
    } else if (!direction.started) { // the capture began after the handshake
        direction.started = true;
        direction.initialSeq = segment.seq - 1;
        direction.nextSeq = segment.seq;
    }
    if (!data.payload.isEmpty() || data.missingBytes > 0)
        deliver(stream, direction, fromClient, std::move(data));
    qint64 &finishedUs = fromClient ? conversation.clientFinishedUs
                                    : conversation.serverFinishedUs;
    if (segment.has(TcpSegment::Fin) && finishedUs < 0)
        finishedUs = segment.timeUs;
    if (segment.has(TcpSegment::Rst) && conversation.resetUs < 0) {
        conversation.resetUs = segment.timeUs;
        conversation.resetFrom = directionOf(fromClient);
    }
}

void TcpReassembler::deliver(Stream &stream, Direction &direction, bool fromClient,
                             TcpSegment segment)
{
    const qint64 ahead = qint32(segment.seq - direction.nextSeq);
    const qint64 length = segment.payload.size() + segment.missingBytes;
    if (ahead + length <= 0)
        return; // sent again: every byte of it has been delivered
    if (ahead > 0) {
        direction.waitingBytes += segment.payload.size();
        direction.waiting.emplace(direction.delivered + ahead, std::move(segment));
        if (direction.waitingBytes > MaxWaitingBytes)
            skipGap(stream, direction, fromClient);
        return;
    }
    // Overlapping what came before: only the new part.
    const qint64 overlap = -ahead;
    if (overlap >= segment.payload.size()) {
        segment.missingBytes -= overlap - segment.payload.size();
        segment.payload.clear();
    } else {
        segment.payload.remove(0, overlap);
    }
    if (!segment.payload.isEmpty()) {
        stream.conversation.transfers.push_back(
            {segment.timeUs, directionOf(fromClient), segment.payload,
             qint64(quint32(direction.nextSeq - direction.initialSeq))});
    }
    const qint64 advance = segment.payload.size() + segment.missingBytes;
    stream.missingBytes += segment.missingBytes;
    direction.nextSeq += quint32(advance);
    direction.delivered += advance;
    flushWaiting(stream, direction, fromClient);
}

void TcpReassembler::flushWaiting(Stream &stream, Direction &direction, bool fromClient)
{
    while (!direction.waiting.empty() && direction.waiting.begin()->first <= direction.delivered) {
        TcpSegment segment = std::move(direction.waiting.begin()->second);
        direction.waiting.erase(direction.waiting.begin());
        direction.waitingBytes -= segment.payload.size();
        deliver(stream, direction, fromClient, std::move(segment));
    }
}

void TcpReassembler::skipGap(Stream &stream, Direction &direction, bool fromClient)
{
    if (direction.waiting.empty())
        return;
    const qint64 gap = direction.waiting.begin()->first - direction.delivered;
    stream.missingBytes += gap;
    direction.nextSeq += quint32(gap);
    direction.delivered += gap;
    flushWaiting(stream, direction, fromClient);
}

void TcpReassembler::giveUpGaps(Open &open)
{
    Stream &stream = m_streams[open.stream];
    while (!open.up.waiting.empty())
        skipGap(stream, open.up, true);
    while (!open.down.waiting.empty())
        skipGap(stream, open.down, false);
}
