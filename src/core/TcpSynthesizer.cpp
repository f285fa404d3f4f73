#include "core/TcpSynthesizer.h"

#include "core/IpAddress.h"

#include <algorithm>

namespace TcpSynthesizer {

namespace {

enum Flag : quint8 { Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10 };

constexpr int AckEverySegments = 16;
constexpr quint16 Window = 65535;

using IpPackets::appendBigEndian16;
using IpPackets::appendBigEndian32;

} // namespace

ConversationPackets::ConversationPackets(const TcpConversation &conversation,
                                         const qint64 (&lastSentUs)[2], NextTransfer nextTransfer)
    : m_ipv6(conversation.isIPv6())
    , m_mss(m_ipv6 ? Ipv6Mss : Ipv4Mss)
    , m_openedUs(conversation.openedUs)
    , m_nextTransfer(std::move(nextTransfer))
    , m_resetFrom(conversation.resetFrom)
    , m_deliveredBytes{conversation.deliveredBytes[0], conversation.deliveredBytes[1]}
{
    // Both ends in one family: an IPv4 client of an IPv6 server is IPv4-mapped.
    const auto family = [this](const QByteArray &ip) {
        return m_ipv6 ? IpAddress::toIPv6(ip) : ip;
    };
    m_client = {family(conversation.clientIp), conversation.clientPort,
                0x10000000u ^ (quint32(conversation.clientPort) << 12)};
    m_server = {family(conversation.serverIp), conversation.serverPort,
                0x20000000u ^ (quint32(conversation.serverPort) << 12)};
    // An end finishes after its last byte (its own clock said so; another's may differ).
    const qint64 lastClientUs = std::max(m_openedUs, lastSentUs[0]);
    const qint64 lastServerUs = std::max(m_openedUs, lastSentUs[1]);
    if (conversation.clientFinishedUs >= 0) {
        m_finishes.push_back({TcpDirection::ClientToServer,
                              std::max(conversation.clientFinishedUs, lastClientUs)});
    }
    if (conversation.serverFinishedUs >= 0) {
        m_finishes.push_back({TcpDirection::ServerToClient,
                              std::max(conversation.serverFinishedUs, lastServerUs)});
    }
    std::stable_sort(m_finishes.begin(), m_finishes.end(),
                     [](const Due &a, const Due &b) { return a.timeUs < b.timeUs; });
    // A reset ends everything: after whatever else was recorded.
    if (conversation.resetUs >= 0)
        m_resetUs = std::max({conversation.resetUs, lastClientUs, lastServerUs});
}

ConversationPackets::End &ConversationPackets::end(TcpDirection from)
{
    return from == TcpDirection::ClientToServer ? m_client : m_server;
}

bool ConversationPackets::next(Packet &packet)
{
    switch (m_handshakeSent++) {
    case 0:
        packet = segment(TcpDirection::ClientToServer, Syn, m_openedUs, {}, true);
        return true;
    case 1:
        packet = segment(TcpDirection::ServerToClient, Syn | Ack, m_openedUs, {}, true);
        return true;
    case 2:
        packet = segment(TcpDirection::ClientToServer, Ack, m_openedUs);
        return true;
    default:
        m_handshakeSent = 3;
        break;
    }
    if (m_ackDue) {
        packet = segment(m_ackDue->from, Ack, m_ackDue->timeUs);
        m_ackDue.reset();
        return true;
    }
    if (m_sentOfTransfer >= 0) {
        packet = dataSegment();
        return true;
    }
    return nextStep(packet);
}

// After the handshake, in time order: each transfer, each end's finish (after the transfers
// of its time), then a reset.
bool ConversationPackets::nextStep(Packet &packet)
{
    while (!m_haveTransfer && m_nextTransfer(m_transfer))
        m_haveTransfer = nextDeliveredTransfer();
    if (m_finishesSent < m_finishes.size()
        && (!m_haveTransfer || m_finishes[m_finishesSent].timeUs < m_transfer.timeUs)) {
        const Due &finish = m_finishes[m_finishesSent++];
        packet = segment(finish.from, Fin | Ack, finish.timeUs);
        m_ackDue = Due{opposite(finish.from), finish.timeUs};
        return true;
    }
    if (m_haveTransfer) {
        m_sentOfTransfer = 0;
        m_segmentsOfTransfer = 0;
        packet = dataSegment();
        return true;
    }
    if (m_resetUs >= 0) {
        packet = segment(m_resetFrom, Rst | Ack, m_resetUs);
        m_resetUs = -1;
        return true;
    }
    return false;
}

// Whether m_transfer, just read, puts bytes on the wire: not when empty, nor past what arrived
// (cut to it).
bool ConversationPackets::nextDeliveredTransfer()
{
    const int direction = int(m_transfer.direction);
    if (m_deliveredBytes[direction] >= 0) {
        const qint64 left = m_deliveredBytes[direction] - m_carriedBytes[direction];
        if (left < m_transfer.bytes.size())
            m_transfer.bytes = m_transfer.bytes.first(std::max<qint64>(0, left));
    }
    m_carriedBytes[direction] += m_transfer.bytes.size();
    return !m_transfer.bytes.isEmpty();
}

// The transfer's next segment (a large send split at the MSS, PSH on its last), and the ACK
// due after every AckEverySegments segments and at its end.
Packet ConversationPackets::dataSegment()
{
    const QByteArrayView bytes(m_transfer.bytes);
    const qsizetype at = m_sentOfTransfer;
    const QByteArrayView piece = bytes.sliced(at, std::min<qsizetype>(m_mss, bytes.size() - at));
    const bool last = at + m_mss >= bytes.size();
    Packet made = segment(m_transfer.direction, last ? Ack | Psh : Ack, m_transfer.timeUs, piece);
    if (++m_segmentsOfTransfer % AckEverySegments == 0 || last)
        m_ackDue = Due{opposite(m_transfer.direction), m_transfer.timeUs};
    m_sentOfTransfer = last ? -1 : at + m_mss;
    m_haveTransfer = !last;
    return made;
}

Packet ConversationPackets::segment(TcpDirection from, quint8 flags, qint64 timeUs,
                                    QByteArrayView payload, bool mssOption)
{
    End &source = end(from);
    const End &destination = end(opposite(from));
    const int headerLength = mssOption ? 24 : 20;
    QByteArray tcp;
    tcp.reserve(headerLength + payload.size());
    appendBigEndian16(tcp, source.port);
    appendBigEndian16(tcp, destination.port);
    appendBigEndian32(tcp, source.next);
    appendBigEndian32(tcp, (flags & Ack) ? destination.next : 0);
    tcp.append(char((headerLength / 4) << 4));
    tcp.append(char(flags));
    appendBigEndian16(tcp, Window);
    appendBigEndian16(tcp, 0); // checksum, below
    appendBigEndian16(tcp, 0); // urgent pointer
    if (mssOption) {
        tcp.append(char(2)); // kind: MSS
        tcp.append(char(4));
        appendBigEndian16(tcp, quint16(m_mss));
    }
    tcp.append(payload.data(), payload.size());

    source.next += quint32(payload.size()) + ((flags & (Syn | Fin)) ? 1 : 0);
    // In order on the timeline, even if a recorded time ran back (two clocks, or none).
    m_lastTimeUs = std::max(m_lastTimeUs, timeUs);
    return {m_lastTimeUs, IpPackets::make(source.ip, destination.ip, IpPackets::ProtocolTcp, tcp,
                                          16, m_ipId++)};
}

namespace {

// A conversation kept with its packets' maker, which reads its transfers by time.
class OwnConversationPackets : public IpPackets::PacketSource
{
public:
    explicit OwnConversationPackets(TcpConversation conversation)
        : m_conversation(std::move(conversation))
    {
        qint64 lastSentUs[2] = {m_conversation.openedUs, m_conversation.openedUs};
        for (const TcpConversation::Transfer &transfer : m_conversation.transfers) {
            m_byTime.push_back(&transfer);
            qint64 &lastOfEnd = lastSentUs[int(transfer.direction)];
            lastOfEnd = std::max(lastOfEnd, transfer.timeUs);
        }
        // A recorded time may have run back.
        std::stable_sort(m_byTime.begin(), m_byTime.end(),
                         [](const TcpConversation::Transfer *a,
                            const TcpConversation::Transfer *b) { return a->timeUs < b->timeUs; });
        m_packets.emplace(m_conversation, lastSentUs,
                          [this](TcpConversation::Transfer &transfer) {
                              if (m_next == m_byTime.size())
                                  return false;
                              transfer = *m_byTime[m_next++];
                              return true;
                          });
    }
    bool next(Packet &packet) override { return m_packets->next(packet); }

private:
    TcpConversation m_conversation;
    std::vector<const TcpConversation::Transfer *> m_byTime;
    size_t m_next = 0;
    std::optional<ConversationPackets> m_packets;
};

} // namespace

std::unique_ptr<IpPackets::PacketSource> packetSource(TcpConversation conversation)
{
    return std::make_unique<OwnConversationPackets>(std::move(conversation));
}

std::vector<Packet> packets(const TcpConversation &conversation)
{
    const std::unique_ptr<IpPackets::PacketSource> source = packetSource(conversation);
    std::vector<Packet> all;
    for (Packet packet; source->next(packet);)
        all.push_back(std::move(packet));
    return all;
}

std::vector<Packet> packets(const std::vector<TcpConversation> &conversations)
{
    std::vector<Packet> all;
    for (const TcpConversation &conversation : conversations) {
        std::vector<Packet> own = packets(conversation);
        all.insert(all.end(), std::make_move_iterator(own.begin()),
                   std::make_move_iterator(own.end()));
    }
    IpPackets::sortByTime(all);
    return all;
}

QString writePcapng(const std::vector<TcpConversation> &conversations, QIODevice *device)
{
    return IpPackets::writePcapng(packets(conversations), device);
}

} // namespace TcpSynthesizer
