#include "core/UdpSynthesizer.h"

#include "core/IpAddress.h"

#include <algorithm>

namespace UdpSynthesizer {

namespace {

bool isIPv6(const UdpDatagram &datagram)
{
    return datagram.sourceIp.size() == 16 || datagram.destinationIp.size() == 16;
}

bool fits(const UdpDatagram &datagram)
{
    return datagram.payload.size() <= (isIPv6(datagram) ? MaxIpv6Payload : MaxIpv4Payload);
}

IpPackets::Packet packetOf(const UdpDatagram &datagram, quint16 ipv4Id)
{
    const bool ipv6 = isIPv6(datagram);
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
    return {datagram.timeUs,
            IpPackets::make(family(datagram.sourceIp), family(datagram.destinationIp),
                            IpPackets::ProtocolUdp, udp, 6, ipv4Id)};
}

} // namespace

DatagramPackets::DatagramPackets(const std::vector<UdpDatagram> &datagrams)
    : m_datagrams(datagrams)
{
    const auto earlier = [](const UdpDatagram &a, const UdpDatagram &b) {
        return a.timeUs < b.timeUs;
    };
    if (std::is_sorted(datagrams.cbegin(), datagrams.cend(), earlier))
        return;
    quint16 ipv4Id = 1;
    for (size_t index = 0; index < datagrams.size(); ++index) {
        if (fits(datagrams[index]))
            m_byTime.push_back({quint32(index), ipv4Id++});
    }
    std::stable_sort(m_byTime.begin(), m_byTime.end(),
                     [&datagrams](const Numbered &a, const Numbered &b) {
                         return datagrams[a.index].timeUs < datagrams[b.index].timeUs;
                     });
}

bool DatagramPackets::next(IpPackets::Packet &packet)
{
    if (!m_byTime.empty()) {
        if (m_next == m_byTime.size())
            return false;
        const Numbered &numbered = m_byTime[m_next++];
        packet = packetOf(m_datagrams[numbered.index], numbered.ipv4Id);
        return true;
    }
    while (m_next < m_datagrams.size() && !fits(m_datagrams[m_next]))
        ++m_next;
    if (m_next == m_datagrams.size())
        return false;
    packet = packetOf(m_datagrams[m_next++], m_ipv4Id++);
    return true;
}

std::vector<IpPackets::Packet> packets(const std::vector<UdpDatagram> &datagrams)
{
    std::vector<IpPackets::Packet> made;
    DatagramPackets source(datagrams);
    for (IpPackets::Packet packet; source.next(packet);)
        made.push_back(std::move(packet));
    return made;
}

} // namespace UdpSynthesizer
