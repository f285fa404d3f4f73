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

// In time order. Both ends in one family: an IPv4 end beside an IPv6 one is IPv4-mapped.
// A payload longer than its family allows is left out (no socket sends one).
std::vector<IpPackets::Packet> packets(const std::vector<UdpDatagram> &datagrams);

} // namespace UdpSynthesizer
