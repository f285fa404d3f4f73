#pragma once

#include "core/TcpPacketDecoder.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

class QSocketNotifier;
struct pcap;
struct pcap_pkthdr;

// Captures TCP segments as they cross this computer's interfaces, with libpcap, for showing
// the segments each socket call caused. Capturing needs the CAP_NET_RAW capability (or root);
// without it, start() fails and problem() says so in plain words, and how to allow it, and
// everything else goes on without packets.
//
// Linux's "any" interface: loopback and the route's interface alike, each packet once. Packets
// are handed over as they come (immediate mode), read when libpcap's descriptor is readable.
class LiveCapture : public QObject
{
    Q_OBJECT

public:
    explicit LiveCapture(QObject *parent = nullptr);
    ~LiveCapture() override;

    // Starts capturing what `filter` (a BPF expression, as tcpdump's: "tcp port 5220") takes.
    bool start(const QString &filter);
    // Delivers what has been captured but not read yet (before a program ends).
    void drain();

    // Why start() failed; empty while it has not.
    QString problem() const { return m_problem; }
    // start() failed for want of privileges, not for a bad filter or interface.
    bool notAllowed() const { return m_notAllowed; }

    // What to tell a user when capturing is not allowed: why, and the command that allows it.
    static QString notAllowedText();

    // The filter for a server's packets: its listening port's.
    static QString serverFilter(quint16 port);
    // The filter for a client's packets: its server's port, on any of the server's addresses.
    static QString clientFilter(const QList<QHostAddress> &serverAddresses, quint16 port);

signals:
    void segmentCaptured(const TcpSegment &segment);
    // The same segment's IP packet as captured (header first), for saving it; emitted before
    // segmentCaptured, whose receivers may stop the capture.
    void packetCaptured(qint64 timeUs, const QByteArray &ipPacket);

private:
    void fail(const QString &problem);
    static void onPacket(unsigned char *self, const pcap_pkthdr *header,
                         const unsigned char *bytes);

    pcap *m_pcap = nullptr;
    int m_linkType = 0;
    QSocketNotifier *m_notifier = nullptr;
    QString m_problem;
    bool m_notAllowed = false;
};
