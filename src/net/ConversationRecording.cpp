#include "net/ConversationRecording.h"

#include "core/IpAddress.h"
#include "core/PcapngWriter.h"
#include "core/PluralCount.h"
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
#include <limits>
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
                            recordBytes(SocketSide::Server, id, false, chunk);
                        });
                connect(session, &CapitalizeSession::replied, this,
                        [this, id](const QByteArray &reply) {
                            recordBytes(SocketSide::Server, id, true, reply);
                        });
            });
}

void ConversationRecording::watch(CapitalizeClient *client)
{
    connect(client, &CapitalizeClient::socketEvent, this,
            [this](const SocketEvent &event) { m_recorder.record(event); });
    connect(client, &CapitalizeClient::messageSent, this,
            [this, client](qint64, const QByteArray &bytes) {
                recordBytes(SocketSide::Client, client->connectionId(), true, bytes);
            });
    connect(client, &CapitalizeClient::dataReceived, this,
            [this, client](const QByteArray &chunk) {
                recordBytes(SocketSide::Client, client->connectionId(), false, chunk);
            });
}

void ConversationRecording::recordBytes(SocketSide side, qint64 connectionId, bool sent,
                                        const QByteArray &bytes)
{
    // Once packets are captured, save() writes those: the bytes need no second copy.
    if (m_captured.isEmpty())
        m_recorder.recordBytes(side, connectionId, sent, bytes, SocketEvent::now());
}

void ConversationRecording::watch(LiveCapture *capture)
{
    connect(capture, &LiveCapture::packetCaptured, this,
            [this](qint64 timeUs, const QByteArray &ip) {
                if (!m_captured.append(timeUs, 0, ip))
                    ++m_droppedPackets;
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
    // A datagram costs its payload, and its record with three arrays' heap blocks besides.
    const qint64 cost = bytes.size() + qint64(sizeof(UdpDatagram)) + 3 * DatagramArrayOverhead;
    if (m_datagramBytes + cost > m_budget) {
        ++m_droppedPackets;
        return;
    }
    m_datagramBytes += cost;
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

void ConversationRecording::setBudget(qint64 maxBytes)
{
    m_budget = maxBytes;
    m_recorder.setBudget(maxBytes);
    m_captured.setBudget(maxBytes);
}

void ConversationRecording::clear()
{
    m_recorder.clear();
    m_datagrams.clear();
    m_datagramBytes = 0;
    m_captured.clear();
    m_droppedPackets = 0;
}

// The datagrams of a UDP side, made up as ever, go in among the packets by time.
QString ConversationRecording::writeCaptured(QIODevice *device) const
{
    PcapngWriter writer(device);
    if (!writer.writeHeader(QStringLiteral("Capsock (captured)")))
        return writer.errorString();
    UdpSynthesizer::DatagramPackets datagrams(m_datagrams);
    IpPackets::Packet datagram;
    bool datagramDue = datagrams.next(datagram);
    const auto writeDatagramsUntil = [&writer, &datagrams, &datagram,
                                      &datagramDue](qint64 timeUs) {
        for (; datagramDue && datagram.timeUs <= timeUs; datagramDue = datagrams.next(datagram)) {
            if (!writer.writePacket(datagram.timeUs, datagram.ip))
                return false;
        }
        return true;
    };
    bool written = true;
    m_captured.forEach([&writer, &written, &writeDatagramsUntil](const ChunkLog::Chunk &packet) {
        written = writeDatagramsUntil(packet.timeUs)
            && writer.writePacket(packet.timeUs, packet.bytes);
        return written;
    });
    written = written && writeDatagramsUntil(std::numeric_limits<qint64>::max());
    return written ? QString() : writer.errorString();
}

// Each packet is made as it is written: a conversation's, or a datagram's, by time.
QString ConversationRecording::writeSynthesized(QIODevice *device) const
{
    const std::unique_ptr<IpPackets::PacketSource> conversations =
        m_recorder.conversationPackets();
    UdpSynthesizer::DatagramPackets datagrams(m_datagrams);
    const std::vector<IpPackets::PacketSource *> sources{conversations.get(), &datagrams};
    return IpPackets::writePcapng(sources, device);
}

QString ConversationRecording::write(QIODevice *device) const
{
    return m_captured.isEmpty() ? writeSynthesized(device) : writeCaptured(device);
}

QString ConversationRecording::save(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("cannot save to %1: %2").arg(path, file.errorString());
    const QString failure = write(&file);
    if (!failure.isEmpty() || !file.flush())
        return tr("cannot save to %1: %2").arg(path, failure.isEmpty() ? file.errorString()
                                                                       : failure);
    const qint64 budgetMiB = m_captured.budget() >> 20;
    if (m_droppedPackets > 0) {
        return tr("%1 is missing the last %2 packet(s): a recording keeps at most %3 MiB",
                  nullptr, pluralCount(m_droppedPackets))
            .arg(path)
            .arg(m_droppedPackets)
            .arg(budgetMiB);
    }
    if (const qint64 dropped = m_recorder.droppedBytes(); dropped > 0 && m_captured.isEmpty()) {
        return tr("%1 is missing the last %n byte(s): a recording keeps at most %2 MiB", nullptr,
                  int(std::min<qint64>(dropped, INT_MAX)))
            .arg(path)
            .arg(budgetMiB);
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
