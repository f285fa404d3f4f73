#include "core/UdpSynthesizer.h"

#include "core/IpAddress.h"

namespace UdpSynthesizer {

std::vector<IpPackets::Packet> packets(const std::vector<UdpDatagram> &datagrams)
{
    std::vector<IpPackets::Packet> made;
    made.reserve(datagrams.size());
    quint16 ipv4Id = 1;
    for (const UdpDatagram &datagram : datagrams) {
        const bool ipv6 = datagram.sourceIp.size() == 16 || datagram.destinationIp.size() == 16;
        if (datagram.payload.size() > (ipv6 ? MaxIpv6Payload : MaxIpv4Payload))
            continue;
        const auto family = [ipv6](const QByteArray &ip) {
            return ipv6 ? IpAddress::toIPv6(ip) : ip;
        };
        QByteArray udp;
        udp.reserve(8 + datagram.payload.size());
        IpPackets::appendBigEndian16(udp, datagram.sourcePort);
        IpPackets::appendBigEndian16(udp, datagram.destinationPort);
        IpPackets::appendBigEndian16(udp, quint16(8 + datagram.payload.size()));
        IpPackets::appendBigEndian16(udp, 0); // checksum: IpPackets::make fills it in
        udp += datagram.payload;
        made.push_back({datagram.timeUs,
                        IpPackets::make(family(datagram.sourceIp),
                                        family(datagram.destinationIp), IpPackets::ProtocolUdp,
                                        udp, 6, ipv4Id++)});
    }
    IpPackets::sortByTime(made);
    return made;
}

} // namespace UdpSynthesizer
