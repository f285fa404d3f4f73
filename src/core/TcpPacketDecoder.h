#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

// One captured TCP segment, its headers read: what TcpReassembler needs of it.
struct TcpSegment
{
    enum Flag : quint8 { Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10 };

    qint64 timeUs = 0;
    QByteArray sourceIp; // 4 or 16 bytes, network order
    QByteArray destinationIp;
    quint16 sourcePort = 0;
    quint16 destinationPort = 0;
    quint32 seq = 0;
    quint32 ack = 0;
    quint8 flags = 0;
    quint16 window = 0;      // as sent, not yet scaled
    int windowScale = -1;    // SYN: the shift its window scale option sets (RFC 7323); -1: none
    QByteArray payload;      // as captured
    qint64 missingBytes = 0; // payload the capture cut off (its snapshot length)

    bool has(Flag flag) const { return flags & flag; }
};

// Reads the link-layer, IP and TCP headers of one captured packet (the bytes libpcap gives for
// it, in the file's link type). Takes loopback and Ethernet captures as tcpdump makes them on
// Linux, "cooked" captures (tcpdump -i any) and raw IP ones (Capsock's own). Never trusts a
// length field: a packet whose headers do not fit in its bytes, or that is no TCP (UDP, ARP,
// a later IP fragment), gives nothing.
namespace TcpPacketDecoder {

// pcap's LINKTYPE_ values (https://www.tcpdump.org/linktypes.html) this decoder reads.
enum LinkType : int {
    Null = 0,        // BSD loopback: a 4-byte address family in host order
    Ethernet = 1,
    Raw = 101,       // an IP header first (also 12 and 14 in old files)
    Loop = 108,      // OpenBSD loopback: the family in network order
    LinuxSll = 113,  // tcpdump -i any
    Ipv4 = 228,
    Ipv6 = 229,
    LinuxSll2 = 276, // tcpdump -i any, newer
};

bool readsLinkType(int linkType);

// A capture that cut the packet short (its snapshot length) gives the payload it has, and
// missingBytes says how much the IP header says is missing.
std::optional<TcpSegment> decode(int linkType, QByteArrayView bytes, qint64 timeUs);

// What the IP packet inside a captured frame carries (its protocol number: 6 TCP, 17 UDP...);
// -1 when the frame carries no IP, or a later fragment.
int ipProtocol(int linkType, QByteArrayView bytes);

// The IP packet inside a captured frame (its link-layer header left out), for saving it as
// LINKTYPE_RAW; empty when the frame carries no IP.
QByteArrayView ipPacket(int linkType, QByteArrayView bytes);

} // namespace TcpPacketDecoder
