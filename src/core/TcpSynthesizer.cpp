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

// One end of the connection as the segments need it.
struct End
{
    QByteArray ip;
    quint16 port = 0;
    quint32 next = 0; // the sequence number of its next byte
};

class Builder
{
public:
    explicit Builder(const TcpConversation &conversation)
        : m_ipv6(conversation.isIPv6())
        , m_mss(m_ipv6 ? Ipv6Mss : Ipv4Mss)
    {
        // Both ends in one family: an IPv4 client of an IPv6 server is IPv4-mapped.
        const auto family = [this](const QByteArray &ip) {
            return m_ipv6 ? IpAddress::toIPv6(ip) : ip;
        };
        m_client = {family(conversation.clientIp), conversation.clientPort,
                    0x10000000u ^ (quint32(conversation.clientPort) << 12)};
        m_server = {family(conversation.serverIp), conversation.serverPort,
                    0x20000000u ^ (quint32(conversation.serverPort) << 12)};
    }

    void handshake(qint64 timeUs);
    void data(const TcpConversation::Transfer &transfer);
    void finish(TcpDirection from, qint64 timeUs);
    void reset(TcpDirection from, qint64 timeUs);
    std::vector<Packet> take() { return std::move(m_packets); }

private:
    End &end(TcpDirection from)
    {
        return from == TcpDirection::ClientToServer ? m_client : m_server;
    }
    void segment(TcpDirection from, quint8 flags, qint64 timeUs, QByteArrayView payload = {},
                 bool mssOption = false);

    bool m_ipv6;
    int m_mss;
    End m_client;
    End m_server;
    quint16 m_ipId = 1;
    qint64 m_lastTimeUs = 0;
    std::vector<Packet> m_packets;
};

void Builder::handshake(qint64 timeUs)
{
    segment(TcpDirection::ClientToServer, Syn, timeUs, {}, true);
    segment(TcpDirection::ServerToClient, Syn | Ack, timeUs, {}, true);
    segment(TcpDirection::ClientToServer, Ack, timeUs);
}

void Builder::data(const TcpConversation::Transfer &transfer)
{
    const QByteArrayView bytes(transfer.bytes);
    int segments = 0;
    for (qsizetype at = 0; at < bytes.size(); at += m_mss) {
        const QByteArrayView piece =
            bytes.sliced(at, std::min<qsizetype>(m_mss, bytes.size() - at));
        const bool last = at + m_mss >= bytes.size();
        segment(transfer.direction, last ? Ack | Psh : Ack, transfer.timeUs, piece);
        if (++segments % AckEverySegments == 0 || last)
            segment(opposite(transfer.direction), Ack, transfer.timeUs);
    }
}

void Builder::finish(TcpDirection from, qint64 timeUs)
{
    segment(from, Fin | Ack, timeUs);
    segment(opposite(from), Ack, timeUs);
}

void Builder::reset(TcpDirection from, qint64 timeUs)
{
    segment(from, Rst | Ack, timeUs);
}

void Builder::segment(TcpDirection from, quint8 flags, qint64 timeUs, QByteArrayView payload,
                      bool mssOption)
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
    m_packets.push_back({m_lastTimeUs, IpPackets::make(source.ip, destination.ip,
                                                       IpPackets::ProtocolTcp, tcp, 16,
                                                       m_ipId++)});
}

// What happens after the handshake, in order: each transfer, each end's finish, a reset.
struct Step
{
    enum class Kind { Data, Finish, Reset } kind;
    qint64 timeUs;
    TcpDirection direction;
    const TcpConversation::Transfer *transfer = nullptr;
};

std::vector<Step> steps(const TcpConversation &conversation)
{
    std::vector<Step> steps;
    qint64 lastSent[2] = {conversation.openedUs, conversation.openedUs};
    qint64 last = conversation.openedUs;
    for (const TcpConversation::Transfer &transfer : conversation.transfers) {
        steps.push_back({Step::Kind::Data, transfer.timeUs, transfer.direction, &transfer});
        qint64 &lastOfEnd = lastSent[int(transfer.direction)];
        lastOfEnd = std::max(lastOfEnd, transfer.timeUs);
        last = std::max(last, transfer.timeUs);
    }
    // An end finishes after its last byte (its own clock said so; another's may differ).
    const auto finishAt = [&lastSent](TcpDirection from, qint64 timeUs) {
        return std::max(timeUs, lastSent[int(from)]);
    };
    if (conversation.clientFinishedUs >= 0) {
        steps.push_back({Step::Kind::Finish,
                         finishAt(TcpDirection::ClientToServer, conversation.clientFinishedUs),
                         TcpDirection::ClientToServer});
    }
    if (conversation.serverFinishedUs >= 0) {
        steps.push_back({Step::Kind::Finish,
                         finishAt(TcpDirection::ServerToClient, conversation.serverFinishedUs),
                         TcpDirection::ServerToClient});
    }
    std::stable_sort(steps.begin(), steps.end(),
                     [](const Step &a, const Step &b) { return a.timeUs < b.timeUs; });
    // A reset ends everything: after whatever else was recorded.
    if (conversation.resetUs >= 0) {
        steps.push_back({Step::Kind::Reset, std::max(conversation.resetUs, last),
                         conversation.resetFrom});
    }
    return steps;
}

} // namespace

std::vector<Packet> packets(const TcpConversation &conversation)
{
    Builder builder(conversation);
    builder.handshake(conversation.openedUs);
    for (const Step &step : steps(conversation)) {
        switch (step.kind) {
        case Step::Kind::Data:
            builder.data(*step.transfer);
            break;
        case Step::Kind::Finish:
            builder.finish(step.direction, step.timeUs);
            break;
        case Step::Kind::Reset:
            builder.reset(step.direction, step.timeUs);
            break;
        }
    }
    return builder.take();
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
