#include "core/TcpPacketDecoder.h"

namespace TcpPacketDecoder {

namespace {

constexpr quint16 EtherTypeIpv4 = 0x0800;
constexpr quint16 EtherTypeIpv6 = 0x86DD;
constexpr quint16 EtherTypeVlan = 0x8100;
constexpr quint16 EtherTypeQinQ = 0x88A8;
constexpr quint8 ProtocolTcp = 6;

quint16 be16(QByteArrayView bytes, qsizetype at)
{
    return quint16(uchar(bytes[at]) << 8 | uchar(bytes[at + 1]));
}

quint32 be32(QByteArrayView bytes, qsizetype at)
{
    return quint32(be16(bytes, at)) << 16 | be16(bytes, at + 2);
}

// Where the IP header starts, by link type; -1 when the packet carries no IP.
qsizetype ipStart(int linkType, QByteArrayView bytes)
{
    switch (linkType) {
    case Raw: case 12: case 14: case Ipv4: case Ipv6:
        return 0;
    case Null: case Loop:
        return bytes.size() >= 4 ? 4 : -1; // the family is read again from the IP version
    case LinuxSll:
        return bytes.size() >= 16 ? 16 : -1;
    case LinuxSll2:
        return bytes.size() >= 20 ? 20 : -1;
    case Ethernet: {
        qsizetype at = 12;
        while (bytes.size() >= at + 2) {
            const quint16 type = be16(bytes, at);
            if (type == EtherTypeVlan || type == EtherTypeQinQ) {
                at += 4;
                continue;
            }
            return type == EtherTypeIpv4 || type == EtherTypeIpv6 ? at + 2 : -1;
        }
        return -1;
    }
    }
    return -1;
}

struct IpPart
{
    QByteArray source;
    QByteArray destination;
    quint8 protocol = 0;  // what it carries: 6 TCP, 17 UDP...
    qsizetype tcpStart = 0;
    qint64 tcpLength = 0; // as the IP header says, captured or not
};

std::optional<IpPart> readIpv4(QByteArrayView ip)
{
    if (ip.size() < 20)
        return {};
    const qsizetype headerLength = (uchar(ip[0]) & 0x0f) * 4;
    const quint16 totalLength = be16(ip, 2);
    const bool laterFragment = (be16(ip, 6) & 0x1fff) != 0;
    if (headerLength < 20 || ip.size() < headerLength || totalLength < headerLength
        || laterFragment) {
        return {};
    }
    return IpPart{ip.sliced(12, 4).toByteArray(), ip.sliced(16, 4).toByteArray(), uchar(ip[9]),
                  headerLength, totalLength - headerLength};
}

std::optional<IpPart> readIpv6(QByteArrayView ip)
{
    if (ip.size() < 40)
        return {};
    quint8 next = uchar(ip[6]);
    qsizetype at = 40;
    qint64 length = be16(ip, 4);
    // Hop-by-hop, routing and destination options may come before TCP; each says its length.
    while (next == 0 || next == 43 || next == 60) {
        if (ip.size() < at + 8)
            return {};
        const qsizetype extension = (uchar(ip[at + 1]) + 1) * 8;
        next = uchar(ip[at]);
        at += extension;
        length -= extension;
    }
    if (length < 0 || ip.size() < at)
        return {};
    return IpPart{ip.sliced(8, 16).toByteArray(), ip.sliced(24, 16).toByteArray(), next, at,
                  length};
}

// An IP packet's header, version 4 or 6; nothing when it is neither, or cut inside it.
std::optional<IpPart> readIp(QByteArrayView ip)
{
    if (ip.isEmpty())
        return {};
    const int version = uchar(ip[0]) >> 4;
    return version == 4 ? readIpv4(ip) : version == 6 ? readIpv6(ip) : std::nullopt;
}

// The window scale option's shift among a SYN's TCP options; -1 when it has none, or when the
// options are cut inside (a length running past them).
int windowScaleOption(QByteArrayView options)
{
    constexpr uchar End = 0, NoOperation = 1, WindowScale = 3;
    qsizetype at = 0;
    while (at < options.size()) {
        const uchar kind = uchar(options[at]);
        if (kind == End)
            break;
        if (kind == NoOperation) {
            ++at;
            continue;
        }
        if (at + 1 >= options.size())
            break;
        const qsizetype length = uchar(options[at + 1]);
        if (length < 2 || at + length > options.size())
            break;
        if (kind == WindowScale && length == 3)
            return std::min(int(uchar(options[at + 2])), 14); // RFC 7323: at most 14
        at += length;
    }
    return -1;
}

} // namespace

bool readsLinkType(int linkType)
{
    switch (linkType) {
    case Null: case Ethernet: case Raw: case 12: case 14: case Loop: case LinuxSll: case Ipv4:
    case Ipv6: case LinuxSll2:
        return true;
    }
    return false;
}

QByteArrayView ipPacket(int linkType, QByteArrayView bytes)
{
    const qsizetype start = ipStart(linkType, bytes);
    if (start < 0 || bytes.size() <= start)
        return {};
    return bytes.sliced(start);
}

int ipProtocol(int linkType, QByteArrayView bytes)
{
    const std::optional<IpPart> part = readIp(ipPacket(linkType, bytes));
    return part ? part->protocol : -1;
}

std::optional<TcpSegment> decode(int linkType, QByteArrayView bytes, qint64 timeUs)
{
    const QByteArrayView ip = ipPacket(linkType, bytes);
    const std::optional<IpPart> part = readIp(ip);
    if (!part || part->protocol != ProtocolTcp || part->tcpLength < 20
        || ip.size() < part->tcpStart + 20) {
        return {};
    }
    const QByteArrayView tcp = ip.sliced(part->tcpStart);
    const qsizetype headerLength = (uchar(tcp[12]) >> 4) * 4;
    if (headerLength < 20 || headerLength > part->tcpLength || tcp.size() < headerLength)
        return {};
    TcpSegment segment;
    segment.timeUs = timeUs;
    segment.sourceIp = part->source;
    segment.destinationIp = part->destination;
    segment.sourcePort = be16(tcp, 0);
    segment.destinationPort = be16(tcp, 2);
    segment.seq = be32(tcp, 4);
    segment.ack = be32(tcp, 8);
    segment.flags = quint8(tcp[13]);
    segment.window = be16(tcp, 14);
    if (segment.has(TcpSegment::Syn))
        segment.windowScale = windowScaleOption(tcp.first(headerLength).sliced(20));
    const qint64 payloadLength = part->tcpLength - headerLength;
    // Ethernet pads short frames: what lies past the IP length is no payload.
    const qsizetype captured = qsizetype(std::min<qint64>(payloadLength,
                                                          tcp.size() - headerLength));
    segment.payload = tcp.sliced(headerLength, captured).toByteArray();
    segment.missingBytes = payloadLength - captured;
    return segment;
}

} // namespace TcpPacketDecoder
