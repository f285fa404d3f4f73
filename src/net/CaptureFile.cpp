#include "net/CaptureFile.h"

#include "core/IpAddress.h"
#include "core/PluralCount.h"
#include "core/SocketEvent.h"

#include <QCoreApplication>
#include <QFile>

#include <pcap/pcap.h>

#include <memory>

namespace CaptureFile {

namespace {

// The translators' context for these texts: a namespace has no tr(), and lupdate takes a tr()
// called in one for a class that lacks Q_OBJECT.
struct Translated
{
    Q_DECLARE_TR_FUNCTIONS(CaptureFile)
};

struct PcapCloser
{
    void operator()(pcap_t *capture) const { pcap_close(capture); }
};
using Pcap = std::unique_ptr<pcap_t, PcapCloser>;

constexpr int ProtocolUdp = 17;

// Why a capture without TCP shows nothing, and, when it holds UDP (a UDP conversation Capsock
// saved, say), what shows that.
QString noTcp(const Contents &contents, const QString &name)
{
    if (contents.udpPackets == 0) {
        return Translated::tr("%1 holds no TCP: %2 packet(s), none of them a TCP segment",
                              nullptr, pluralCount(contents.packets))
            .arg(name, QString::number(contents.packets));
    }
    const QString packets = contents.udpPackets == contents.packets
        ? Translated::tr("%1 UDP datagram(s)", nullptr, pluralCount(contents.packets))
              .arg(contents.packets)
        : Translated::tr("%1 packet(s), %2 of them UDP", nullptr, pluralCount(contents.packets))
              .arg(contents.packets)
              .arg(contents.udpPackets);
    return Translated::tr("%1 holds no TCP: %2. The inspector shows TCP conversations; to see "
                          "each datagram, open the file in Wireshark, or run: tshark -r %1")
        .arg(name, packets);
}

// Every packet of an opened capture through the decoder and the reassembler.
Contents readPackets(pcap_t *capture, const QString &name)
{
    Contents contents;
    const int linkType = pcap_datalink(capture);
    if (!TcpPacketDecoder::readsLinkType(linkType)) {
        const char *linkName = pcap_datalink_val_to_name(linkType);
        contents.problem = Translated::tr("%1 holds packets of link type %2 (%3), which "
                                          "Capsock does not read: it reads loopback, Ethernet, "
                                          "Linux \"any\" and raw IP captures")
                               .arg(name)
                               .arg(linkType)
                               .arg(QString::fromLatin1(linkName ? linkName : "unknown"));
        return contents;
    }
    TcpReassembler reassembler;
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    int result = 0;
    while ((result = pcap_next_ex(capture, &header, &data)) == 1) {
        ++contents.packets;
        const qint64 timeUs = qint64(header->ts.tv_sec) * 1000000 + header->ts.tv_usec;
        const QByteArrayView frame(reinterpret_cast<const char *>(data),
                                   qsizetype(header->caplen));
        const std::optional<TcpSegment> segment = TcpPacketDecoder::decode(linkType, frame,
                                                                           timeUs);
        if (!segment) {
            contents.udpPackets += TcpPacketDecoder::ipProtocol(linkType, frame) == ProtocolUdp;
            continue;
        }
        ++contents.tcpPackets;
        reassembler.add(*segment);
    }
    contents.streams = reassembler.finish();
    if (result == PCAP_ERROR) {
        contents.problem = Translated::tr("%1 is cut short or damaged after %2 packet(s): %3",
                                          nullptr, pluralCount(contents.packets))
                               .arg(name, QString::number(contents.packets),
                                    QString::fromLocal8Bit(pcap_geterr(capture)));
    } else if (contents.streams.empty()) {
        contents.problem = noTcp(contents, name);
    }
    return contents;
}

Contents unreadable(const QString &name, const char *why)
{
    Contents contents;
    contents.problem = Translated::tr("%1 is not a capture file Capsock can read (pcap or "
                                      "pcapng): %2")
                           .arg(name, QString::fromLocal8Bit(why));
    return contents;
}

} // namespace

bool looksLikeCapture(QByteArrayView start)
{
    if (start.size() < 4)
        return false;
    const QByteArray magic = start.first(4).toByteArray();
    static const QByteArray magics[] = {
        QByteArray::fromHex("a1b2c3d4"), QByteArray::fromHex("d4c3b2a1"), // pcap, microseconds
        QByteArray::fromHex("a1b23c4d"), QByteArray::fromHex("4d3cb2a1"), // pcap, nanoseconds
        QByteArray::fromHex("0a0d0d0a"),                                  // pcapng
    };
    for (const QByteArray &known : magics) {
        if (magic == known)
            return true;
    }
    return false;
}

Contents read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) { // in Qt's words, as the rest of the program's
        Contents contents;
        contents.problem = Translated::tr("cannot open %1: %2").arg(path, file.errorString());
        return contents;
    }
    file.close();
    char error[PCAP_ERRBUF_SIZE] = {};
    const Pcap capture(pcap_open_offline_with_tstamp_precision(
        QFile::encodeName(path).constData(), PCAP_TSTAMP_PRECISION_MICRO, error));
    if (!capture)
        return unreadable(path, error);
    return readPackets(capture.get(), path);
}

Contents read(std::FILE *file, const QString &name)
{
    char error[PCAP_ERRBUF_SIZE] = {};
    const Pcap capture(
        pcap_fopen_offline_with_tstamp_precision(file, PCAP_TSTAMP_PRECISION_MICRO, error));
    if (!capture) {
        std::fclose(file);
        return unreadable(name, error);
    }
    return readPackets(capture.get(), name);
}

QString describe(const TcpReassembler::Stream &stream, qsizetype number)
{
    const TcpConversation &conversation = stream.conversation;
    const Endpoint client{IpAddress::toText(conversation.clientIp), conversation.clientPort};
    const Endpoint server{IpAddress::toText(conversation.serverIp), conversation.serverPort};
    const qint64 up = conversation.bytes(TcpDirection::ClientToServer).size();
    const qint64 down = conversation.bytes(TcpDirection::ServerToClient).size();
    QString text = Translated::tr("#%1 %2 → %3: %4 segment(s)", nullptr,
                                  pluralCount(stream.segments))
                       .arg(QString::number(number), client.text(), server.text(),
                            QString::number(stream.segments));
    text += Translated::tr(", %1 byte(s) from the client", nullptr, pluralCount(up))
                .arg(up);
    text += Translated::tr(", %1 byte(s) from the server", nullptr, pluralCount(down))
                .arg(down);
    if (stream.missingBytes > 0) {
        text += Translated::tr(", %1 byte(s) missing from the capture", nullptr,
                               pluralCount(stream.missingBytes))
                    .arg(stream.missingBytes);
    }
    return text;
}

} // namespace CaptureFile
