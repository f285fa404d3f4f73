#include "core/IpPackets.h"

#include "core/PcapngWriter.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

namespace IpPackets {

namespace {

constexpr quint8 HopLimit = 64;

// The one's-complement sum of 16-bit words (RFC 1071), not yet folded or complemented.
quint32 sum16(QByteArrayView bytes, quint32 sum = 0)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype size = bytes.size();
    for (qsizetype i = 0; i + 1 < size; i += 2)
        sum += quint32(data[i] << 8 | data[i + 1]);
    if (size % 2)
        sum += quint32(data[size - 1] << 8);
    return sum;
}

quint16 checksum(quint32 sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(~sum & 0xffff);
}

void setBigEndian16(QByteArray &bytes, int at, quint16 value)
{
    bytes[at] = char(value >> 8);
    bytes[at + 1] = char(value & 0xff);
}

QByteArray header(QByteArrayView source, QByteArrayView destination, quint8 protocol,
                  int transportLength, quint16 ipv4Id)
{
    QByteArray header;
    if (source.size() == 16) {
        appendBigEndian32(header, 0x60000000u); // version 6, no traffic class, no flow label
        appendBigEndian16(header, quint16(transportLength));
        header.append(char(protocol));
        header.append(char(HopLimit));
        header.append(source);
        header.append(destination);
        return header;
    }
    header.append(char(0x45)); // version 4, 5 words of header
    header.append(char(0));
    appendBigEndian16(header, quint16(20 + transportLength));
    appendBigEndian16(header, ipv4Id);
    appendBigEndian16(header, 0x4000); // don't fragment
    header.append(char(HopLimit));
    header.append(char(protocol));
    appendBigEndian16(header, 0); // checksum, below
    header.append(source);
    header.append(destination);
    setBigEndian16(header, 10, checksum(sum16(header)));
    return header;
}

// A list's packets, as a source.
class ListedPackets : public PacketSource
{
public:
    explicit ListedPackets(const std::vector<Packet> &packets)
        : m_packets(packets)
    {
    }
    bool next(Packet &packet) override
    {
        if (m_next == m_packets.size())
            return false;
        packet = m_packets[m_next++];
        return true;
    }

private:
    const std::vector<Packet> &m_packets;
    size_t m_next = 0;
};

} // namespace

void appendBigEndian16(QByteArray &out, quint16 value)
{
    out.append(char(value >> 8));
    out.append(char(value & 0xff));
}

void appendBigEndian32(QByteArray &out, quint32 value)
{
    appendBigEndian16(out, quint16(value >> 16));
    appendBigEndian16(out, quint16(value & 0xffff));
}

QByteArray make(QByteArrayView source, QByteArrayView destination, quint8 protocol,
                QByteArray transport, int checksumAt, quint16 ipv4Id)
{
    // The checksum covers a pseudo-header: both addresses, the protocol and the length.
    QByteArray pseudo = source.toByteArray();
    pseudo.append(destination);
    appendBigEndian32(pseudo, quint32(transport.size()));
    appendBigEndian32(pseudo, protocol);
    quint16 sum = checksum(sum16(transport, sum16(pseudo)));
    if (sum == 0 && protocol == ProtocolUdp)
        sum = 0xffff;
    setBigEndian16(transport, checksumAt, sum);
    return header(source, destination, protocol, int(transport.size()), ipv4Id) + transport;
}

void sortByTime(std::vector<Packet> &packets)
{
    std::stable_sort(packets.begin(), packets.end(),
                     [](const Packet &a, const Packet &b) { return a.timeUs < b.timeUs; });
}

QString writePcapng(const std::vector<Packet> &packets, QIODevice *device)
{
    ListedPackets listed(packets);
    return writePcapng(std::vector<PacketSource *>{&listed}, device);
}

QString writePcapng(const std::vector<PacketSource *> &sources, QIODevice *device)
{
    PcapngWriter writer(device);
    if (!writer.writeHeader(QStringLiteral("Capsock " CAPSOCK_VERSION)))
        return writer.errorString();
    // Each source's next packet, and the sources by its time (then by their order).
    std::vector<Packet> next(sources.size());
    using Due = std::pair<qint64, size_t>;
    std::priority_queue<Due, std::vector<Due>, std::greater<Due>> due;
    for (size_t source = 0; source < sources.size(); ++source) {
        if (sources[source]->next(next[source]))
            due.push({next[source].timeUs, source});
    }
    while (!due.empty()) {
        const size_t source = due.top().second;
        due.pop();
        if (!writer.writePacket(next[source].timeUs, next[source].ip))
            return writer.errorString();
        if (sources[source]->next(next[source]))
            due.push({next[source].timeUs, source});
        else
            next[source] = {}; // its memory back now, not at the end
    }
    return {};
}

} // namespace IpPackets
