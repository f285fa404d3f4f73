#pragma once

#include "core/IpPackets.h"

#include <QByteArray>

#include <vector>

// One datagram as a sendto() or recvfrom() carried it: between two endpoints (addresses as
// IpAddress's bytes, 4 or 16), at the time of the call, with what the call carried (a datagram
// recvfrom() cut is kept as cut: that is what the program had).
struct UdpDatagram
{
    qint64 timeUs = 0;
    QByteArray sourceIp;
    quint16 sourcePort = 0;
    QByteArray destinationIp;
    quint16 destinationPort = 0;
    QByteArray payload;
};

// Makes the packets the datagrams were on the wire: each one IPv4 or IPv6 packet with its UDP
// header (ports, length, checksum), so Wireshark shows each datagram and its payload byte for
// byte. UDP has no connection: there is nothing more to make than the datagrams themselves.
namespace UdpSynthesizer {

// The most a datagram may carry in one IPv4 packet (65,535 less the IP and UDP headers); over
// IPv6, 65,527. A longer payload can not have come from a socket.
constexpr int MaxIpv4Payload = 65507;
constexpr int MaxIpv6Payload = 65527;

// The datagrams' packets made one at a time, in time order (equal times in the order they
// went), each IPv4 one numbered in the order they went. Both ends in one family: an IPv4 end
// beside an IPv6 one is IPv4-mapped. A payload longer than its family allows is left out (no
// socket sends one). Reads `datagrams` in place: valid while they are unchanged.
class DatagramPackets : public IpPackets::PacketSource
{
public:
    explicit DatagramPackets(const std::vector<UdpDatagram> &datagrams);
    bool next(IpPackets::Packet &packet) override;

private:
    struct Numbered
    {
        quint32 index;
        quint16 ipv4Id;
    };

    const std::vector<UdpDatagram> &m_datagrams;
    size_t m_next = 0; // in m_datagrams, or in m_byTime when it is used
    quint16 m_ipv4Id = 1;
    // Only when the datagrams are not in time order already (a clock ran back).
    std::vector<Numbered> m_byTime;
};

// All of them at once.
std::vector<IpPackets::Packet> packets(const std::vector<UdpDatagram> &datagrams);

} // namespace UdpSynthesizer
