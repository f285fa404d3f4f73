#include "net/ConversationRecording.h"

#include "core/IpAddress.h"
#include "core/PcapngWriter.h"
#include "core/PluralCount.h"
#include "core/TcpSynthesizer.h"
#include "net/CapitalizeClient.h"
#include "net/CapitalizeServer.h"
#include "net/CapitalizeSession.h"
#include "net/LiveCapture.h"
#include "net/UdpCapitalizeClient.h"
#include "net/UdpCapitalizeServer.h"
#include "net/UdpSocket.h"

#include <QFile>

#include <algorithm>
#include <climits>
#include <functional>
#include <memory>
#include <utility>

namespace {

bool isEveryInterface(const QHostAddress &address)
{
    return address.isEqual(QHostAddress::AnyIPv4, QHostAddress::StrictConversion)
        || address.isEqual(QHostAddress::AnyIPv6, QHostAddress::StrictConversion)
        || address.isEqual(QHostAddress::Any, QHostAddress::StrictConversion);
}

// Where a server's datagrams from `peer` arrived: its one bound address of the peer's family,
// or when bound to every interface, the address its replies leave from.
QHostAddress serverAddressFor(const UdpCapitalizeServer &server, const QHostAddress &peer,
                              const std::function<QHostAddress(const QHostAddress &)> &source)
{
    for (const QHostAddress &bound : server.boundAddresses()) {
        if (isEveryInterface(bound))
            return source(peer);
        if (bound.protocol() == peer.protocol())
            return bound;
    }
    return source(peer);
}

} // namespace

ConversationRecording::ConversationRecording(QObject *parent)
    : QObject(parent)
{
}

void ConversationRecording::watch(CapitalizeServer *server)
{
    connect(server, &CapitalizeServer::socketEvent, this,
            [this](const SocketEvent &event) { m_recorder.record(event); });
    connect(server, &CapitalizeServer::clientConnected, this,
            [this](CapitalizeSession *session) {
                const qint64 id = session->id();
                connect(session, &CapitalizeSession::received, this,
                        [this, id](const QByteArray &chunk) {
                            m_recorder.recordBytes(SocketSide::Server, id, false, chunk,
                                                   SocketEvent::now());
                        });
                connect(session, &CapitalizeSession::replied, this,
                        [this, id](const QByteArray &reply) {
                            m_recorder.recordBytes(SocketSide::Server, id, true, reply,
                                                   SocketEvent::now());
                        });
            });
}

void ConversationRecording::watch(CapitalizeClient *client)
{
    connect(client, &CapitalizeClient::socketEvent, this,
            [this](const SocketEvent &event) { m_recorder.record(event); });
    connect(client, &CapitalizeClient::messageSent, this,
            [this](qint64, const QByteArray &bytes) {
                m_recorder.recordBytes(SocketSide::Client, 0, true, bytes, SocketEvent::now());
            });
    connect(client, &CapitalizeClient::dataReceived, this, [this](const QByteArray &chunk) {
        m_recorder.recordBytes(SocketSide::Client, 0, false, chunk, SocketEvent::now());
    });
}

void ConversationRecording::watch(LiveCapture *capture)
{
    connect(capture, &LiveCapture::packetCaptured, this,
            [this](qint64 timeUs, const QByteArray &ip) {
                if (m_capturedBytes + ip.size() > TcpRecorder::DefaultBudget) {
                    ++m_droppedPackets;
                    return;
                }
                m_capturedBytes += ip.size();
                m_captured.push_back({timeUs, ip});
            });
}

void ConversationRecording::watch(UdpCapitalizeServer *server)
{
    const auto record = [this, server](qint64 peerId, bool sent, const QByteArray &bytes) {
        const Endpoint &endpoint = server->peer(peerId).endpoint;
        const QHostAddress peer(endpoint.address);
        const QHostAddress local = serverAddressFor(
            *server, peer, [this](const QHostAddress &to) { return sourceAddressFor(to); });
        recordDatagram(local, server->port(), peer, endpoint.port, sent, bytes);
    };
    connect(server, &UdpCapitalizeServer::datagramReceived, this,
            [record](qint64 peerId, const QByteArray &bytes, qint64) {
                record(peerId, false, bytes);
            });
    connect(server, &UdpCapitalizeServer::replied, this,
            [record](qint64 peerId, const QByteArray &reply) { record(peerId, true, reply); });
}

void ConversationRecording::watch(UdpCapitalizeClient *client)
{
    // The socket's end as it sent: a slot before this one may close the socket on the reply.
    auto local = std::make_shared<std::pair<QHostAddress, quint16>>();
    connect(client, &UdpCapitalizeClient::messageSent, this,
            [this, client, local](qint64, const QByteArray &bytes) {
                local->first = client->localAddress();
                if (isEveryInterface(local->first))
                    local->first = sourceAddressFor(client->serverAddress());
                local->second = client->localPort();
                recordDatagram(local->first, local->second, client->serverAddress(),
                               client->serverPort(), true, bytes);
            });
    connect(client, &UdpCapitalizeClient::replyReceived, this,
            [this, client, local](qint64, const QByteArray &reply) {
                recordDatagram(local->first, local->second, client->serverAddress(),
                               client->serverPort(), false, reply);
            });
}

void ConversationRecording::recordDatagram(const QHostAddress &local, quint16 localPort,
                                           const QHostAddress &peer, quint16 peerPort,
                                           bool sent, const QByteArray &bytes)
{
    if (m_datagramBytes + bytes.size() > TcpRecorder::DefaultBudget) {
        ++m_droppedPackets;
        return;
    }
    m_datagramBytes += bytes.size();
    UdpDatagram datagram;
    datagram.timeUs = SocketEvent::now();
    datagram.sourceIp = IpAddress::fromText(local.toString());
    datagram.sourcePort = localPort;
    datagram.destinationIp = IpAddress::fromText(peer.toString());
    datagram.destinationPort = peerPort;
    if (!sent) {
        std::swap(datagram.sourceIp, datagram.destinationIp);
        std::swap(datagram.sourcePort, datagram.destinationPort);
    }
    datagram.payload = bytes;
    m_datagrams.push_back(std::move(datagram));
}

QHostAddress ConversationRecording::sourceAddressFor(const QHostAddress &peer)
{
    const QString key = peer.toString();
    if (const auto known = m_sourceAddresses.constFind(key); known != m_sourceAddresses.cend())
        return known.value();
    // connect() on a UDP socket sends nothing: it only asks the system for a route.
    const bool ipv6 = peer.protocol() == QAbstractSocket::IPv6Protocol;
    QHostAddress source = ipv6 ? QHostAddress(QHostAddress::AnyIPv6)
                               : QHostAddress(QHostAddress::AnyIPv4);
    UdpSocket routeAsker;
    if (routeAsker.open(ipv6, false) && routeAsker.connectTo(peer, 9))
        source = routeAsker.localAddress();
    if (m_sourceAddresses.size() >= MaxSourceAddresses)
        m_sourceAddresses.clear(); // asked again when needed: a route seldom changes
    m_sourceAddresses.insert(key, source);
    return source;
}

void ConversationRecording::clear()
{
    m_recorder.clear();
    m_datagrams.clear();
    m_datagramBytes = 0;
    m_captured.clear();
    m_capturedBytes = 0;
    m_droppedPackets = 0;
}

QString ConversationRecording::writeCaptured(QIODevice *device) const
{
    PcapngWriter writer(device);
    if (!writer.writeHeader(QStringLiteral("Capsock (captured)")))
        return writer.errorString();
    for (const CapturedPacket &packet : m_captured) {
        if (!writer.writePacket(packet.timeUs, packet.ip))
            return writer.errorString();
    }
    return {};
}

QString ConversationRecording::writeSynthesized(QIODevice *device) const
{
    std::vector<IpPackets::Packet> packets = TcpSynthesizer::packets(m_recorder.conversations());
    std::vector<IpPackets::Packet> datagrams = UdpSynthesizer::packets(m_datagrams);
    packets.insert(packets.end(), std::make_move_iterator(datagrams.begin()),
                   std::make_move_iterator(datagrams.end()));
    IpPackets::sortByTime(packets);
    return IpPackets::writePcapng(packets, device);
}

QString ConversationRecording::save(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("cannot save to %1: %2").arg(path, file.errorString());
    const QString failure = m_captured.empty() ? writeSynthesized(&file) : writeCaptured(&file);
    if (!failure.isEmpty() || !file.flush())
        return tr("cannot save to %1: %2").arg(path, failure.isEmpty() ? file.errorString()
                                                                       : failure);
    if (m_droppedPackets > 0) {
        return tr("%1 is missing the last %2 packet(s): more than a recording keeps", nullptr,
                  pluralCount(m_droppedPackets))
            .arg(path)
            .arg(m_droppedPackets);
    }
    if (const qint64 dropped = m_recorder.droppedBytes(); dropped > 0 && m_captured.empty()) {
        return tr("%1 is missing the last %n byte(s): more than a recording keeps", nullptr,
                  int(std::min<qint64>(dropped, INT_MAX)))
            .arg(path);
    }
    return {};
}

QString ConversationRecording::checkWritable(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("cannot save to %1: %2").arg(path, file.errorString());
    return {};
}
