#pragma once

#include "core/IpPackets.h"
#include "core/TcpConversation.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
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

// One conversation's packets made one at a time, in the order packets() gives them, so that a
// file of many can be written as they are made (IpPackets::writePcapng of sources).
class ConversationPackets : public IpPackets::PacketSource
{
public:
    // A conversation's transfers one at a time, sorted by time (equal times in the order they
    // went); false when none is left.
    using NextTransfer = std::function<bool(TcpConversation::Transfer &)>;

    // `conversation` without its transfers: `nextTransfer` gives them. `lastSentUs` is the
    // time of the last transfer each way (client's first; any earlier time when none went),
    // which the end's FIN follows.
    ConversationPackets(const TcpConversation &conversation, const qint64 (&lastSentUs)[2],
                        NextTransfer nextTransfer);
    bool next(Packet &packet) override;

private:
    // One end of the connection as the segments need it.
    struct End
    {
        QByteArray ip;
        quint16 port = 0;
        quint32 next = 0; // the sequence number of its next byte
    };
    // A segment due: who sends it, and when.
    struct Due
    {
        TcpDirection from;
        qint64 timeUs;
    };

    End &end(TcpDirection from);
    bool nextStep(Packet &packet);
    bool nextDeliveredTransfer();
    Packet dataSegment();
    Packet segment(TcpDirection from, quint8 flags, qint64 timeUs, QByteArrayView payload = {},
                   bool mssOption = false);

    bool m_ipv6;
    int m_mss;
    End m_client;
    End m_server;
    quint16 m_ipId = 1;
    qint64 m_lastTimeUs = 0;
    qint64 m_openedUs;
    int m_handshakeSent = 0;
    NextTransfer m_nextTransfer;
    TcpConversation::Transfer m_transfer; // the next one, or the one being sent
    bool m_haveTransfer = false;
    qsizetype m_sentOfTransfer = -1; // -1 until it is being sent
    int m_segmentsOfTransfer = 0;
    std::vector<Due> m_finishes; // in time order
    size_t m_finishesSent = 0;
    std::optional<Due> m_ackDue; // the ACK that answers what was just sent
    qint64 m_resetUs = -1; // -1 when none is (still) due
    qint64 m_deliveredBytes[2]; // by direction: how many arrive (-1: all)
    qint64 m_carriedBytes[2] = {0, 0}; // by direction: put in segments so far
    TcpDirection m_resetFrom;
};

// `conversation`'s packets one at a time, from its own transfers (sorted by time here).
std::unique_ptr<IpPackets::PacketSource> packetSource(TcpConversation conversation);
// One conversation's packets, in order.
std::vector<Packet> packets(const TcpConversation &conversation);
// Every conversation's packets, merged by time (each keeps its own order).
std::vector<Packet> packets(const std::vector<TcpConversation> &conversations);

// Writes them as a pcapng file to `device` (open for writing), naming Capsock as the writer;
// an empty string, or why not (the device's words).
QString writePcapng(const std::vector<TcpConversation> &conversations, QIODevice *device);

} // namespace TcpSynthesizer
