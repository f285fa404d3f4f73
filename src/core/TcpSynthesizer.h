#pragma once

#include "core/IpPackets.h"
#include "core/TcpConversation.h"

#include <QByteArray>
#include <QString>

#include <vector>

class QIODevice;

// Makes the packets a TcpConversation would have put on the wire, as Wireshark's text2pcap does
// from a hex dump: IPv4 or IPv6 packets carrying TCP segments with a handshake (SYN, SYN/ACK,
// ACK, with an MSS option), one segment per send (a large send split at the MSS, PSH on its
// last), an ACK from the receiver after every 16 segments and at the end of each send (so no
// more than a 65,535-byte window is ever in flight), FIN and its ACK at each end's finish, RST
// for a reset; sequence and acknowledgement numbers consistent throughout, and correct IP and
// TCP checksums. Wireshark's "Follow TCP Stream" on them gives back the conversation's bytes.
namespace TcpSynthesizer {

using Packet = IpPackets::Packet;

// The MSS used: Ethernet's 1500-byte MTU less the IP and TCP headers.
constexpr int Ipv4Mss = 1460;
constexpr int Ipv6Mss = 1440;

// One conversation's packets, in order.
std::vector<Packet> packets(const TcpConversation &conversation);
// Every conversation's packets, merged by time (each keeps its own order).
std::vector<Packet> packets(const std::vector<TcpConversation> &conversations);

// Writes them as a pcapng file to `device` (open for writing), naming Capsock as the writer;
// an empty string, or why not (the device's words).
QString writePcapng(const std::vector<TcpConversation> &conversations, QIODevice *device);

} // namespace TcpSynthesizer
