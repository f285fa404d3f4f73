#include "net/LiveCapture.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <pcap/pcap.h>

namespace {
constexpr int SnapshotLength = 262144; // tcpdump's default: every byte of a loopback segment
// The kernel's ring for captured packets. In immediate mode each packet takes a frame of the
// snapshot length, so libpcap's default 2 MiB holds only 8: a connection's closing dropped
// one or two of its segments in 1 run of 5 here. 32 MiB holds 128.
constexpr int BufferBytes = 32 << 20;
}

LiveCapture::LiveCapture(QObject *parent)
    : QObject(parent)
{
}

LiveCapture::~LiveCapture()
{
    if (m_pcap)
        pcap_close(m_pcap);
}

QString LiveCapture::notAllowedText()
{
    return tr("Packets are not shown: capturing them needs the CAP_NET_RAW capability (or "
              "root), which this program does not have. To allow it for this program alone, "
              "once: sudo setcap cap_net_raw=eip %1 (it may then open raw packet sockets, "
              "to see what crosses this computer's network interfaces; never run the window "
              "as root). Everything else works without it.")
        .arg(QCoreApplication::applicationFilePath());
}

QString LiveCapture::serverFilter(quint16 port)
{
    return QStringLiteral("tcp port %1").arg(port);
}

QString LiveCapture::clientFilter(const QList<QHostAddress> &serverAddresses, quint16 port)
{
    QStringList hosts;
    for (QHostAddress address : serverAddresses) {
        address.setScopeId({}); // a BPF filter names no scope ("%lo")
        hosts.append(QStringLiteral("host ") + address.toString());
    }
    return QStringLiteral("tcp port %1 and (%2)").arg(port).arg(hosts.join(QStringLiteral(" or ")));
}

bool LiveCapture::start(const QString &filter)
{
    char error[PCAP_ERRBUF_SIZE] = {};
    m_pcap = pcap_create("any", error);
    if (!m_pcap) {
        fail(tr("cannot capture packets: %1").arg(QString::fromLocal8Bit(error)));
        return false;
    }
    pcap_set_snaplen(m_pcap, SnapshotLength);
    pcap_set_immediate_mode(m_pcap, 1);
    pcap_set_buffer_size(m_pcap, BufferBytes);
    const int activated = pcap_activate(m_pcap);
    if (activated == PCAP_ERROR_PERM_DENIED) {
        m_notAllowed = true;
        fail(notAllowedText());
        return false;
    }
    if (activated < 0) {
        fail(tr("cannot capture packets: %1").arg(QString::fromLocal8Bit(pcap_geterr(m_pcap))));
        return false;
    }
    bpf_program program;
    bool filtered = pcap_compile(m_pcap, &program, filter.toLatin1().constData(), 1,
                                 PCAP_NETMASK_UNKNOWN) == 0;
    if (filtered) {
        filtered = pcap_setfilter(m_pcap, &program) == 0;
        pcap_freecode(&program);
    }
    if (!filtered) {
        fail(tr("cannot capture packets (%1): %2")
                 .arg(filter, QString::fromLocal8Bit(pcap_geterr(m_pcap))));
        return false;
    }
    m_linkType = pcap_datalink(m_pcap);
    const int descriptor = pcap_get_selectable_fd(m_pcap);
    if (descriptor < 0 || pcap_setnonblock(m_pcap, 1, error) != 0) {
        fail(tr("cannot capture packets: no descriptor to wait on"));
        return false;
    }
    m_notifier = new QSocketNotifier(descriptor, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &LiveCapture::drain);
    return true;
}

void LiveCapture::drain()
{
    if (!m_notifier)
        return;

    while (pcap_dispatch(m_pcap, -1, &LiveCapture::onPacket,
                         reinterpret_cast<unsigned char *>(this)) > 0) {
    }
}

void LiveCapture::fail(const QString &problem)
{
    m_problem = problem;
    if (m_pcap) {
        pcap_close(m_pcap);
        m_pcap = nullptr;
    }
}

void LiveCapture::onPacket(unsigned char *self, const pcap_pkthdr *header,
                           const unsigned char *bytes)
{
    auto *capture = reinterpret_cast<LiveCapture *>(self);
    const qint64 timeUs = qint64(header->ts.tv_sec) * 1000000 + header->ts.tv_usec;
    const QByteArrayView frame(reinterpret_cast<const char *>(bytes), qsizetype(header->caplen));
    const std::optional<TcpSegment> segment =
        TcpPacketDecoder::decode(capture->m_linkType, frame, timeUs);
    if (!segment)
        return;
    // Kept first: a segment told may end the capture (a connection's last ACK), and with it
    // every connection of its signals, the recording's too.
    emit capture->packetCaptured(
        timeUs, TcpPacketDecoder::ipPacket(capture->m_linkType, frame).toByteArray());
    emit capture->segmentCaptured(*segment);
}
