#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

class QIODevice;

// What the synthesizers (TcpSynthesizer, UdpSynthesizer) share: IP packets around a transport
// header and payload, with correct IP and transport checksums, each with the time it was sent,
// and the pcapng file that holds them.
namespace IpPackets {

struct Packet
{
    qint64 timeUs = 0;
    QByteArray ip; // the IP packet, header first
};

constexpr quint8 ProtocolTcp = 6;
constexpr quint8 ProtocolUdp = 17;

void appendBigEndian16(QByteArray &out, quint16 value);
void appendBigEndian32(QByteArray &out, quint32 value);

// An IPv4 packet when the addresses have 4 bytes, IPv6 when 16 (both the same size), carrying
// `transport` of `protocol`, whose checksum field at `checksumAt` is filled in over the
// pseudo-header and `transport` (UDP's zero sent as 0xffff: zero there means "no checksum").
// `ipv4Id` is the IPv4 header's identification.
QByteArray make(QByteArrayView source, QByteArrayView destination, quint8 protocol,
                QByteArray transport, int checksumAt, quint16 ipv4Id);

// In time order; packets of the same time keep their order.
void sortByTime(std::vector<Packet> &packets);

// Packets made one at a time, in time order, so a file can be written as they are made.
class PacketSource
{
public:
    virtual ~PacketSource() = default;
    // The next packet into `packet`; false when there is none.
    virtual bool next(Packet &packet) = 0;
};

// Writes them as a pcapng file to `device` (open for writing), naming Capsock as the writer;
// an empty string, or why not (the device's words).
QString writePcapng(const std::vector<Packet> &packets, QIODevice *device);
// The same, from every source's packets merged by time (at equal times, an earlier source's
// first: what sortByTime() gives of theirs one after another), holding one packet per source.
QString writePcapng(const std::vector<PacketSource *> &sources, QIODevice *device);

} // namespace IpPackets
