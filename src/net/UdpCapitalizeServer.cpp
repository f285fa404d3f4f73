#include "net/UdpCapitalizeServer.h"

#include "net/BindAddress.h"
#include "net/EventValues.h"
#include "net/SocketErrorText.h"

#include <QMetaMethod>
#include <QPointer>

UdpCapitalizeServer::UdpCapitalizeServer(QObject *parent)
    : QObject(parent)
{}

UdpCapitalizeServer::~UdpCapitalizeServer() = default;

bool UdpCapitalizeServer::start(const ServerOptions &options)
{
    m_sockets.clear();
    m_boundAddresses.clear();
    m_options = options;
    m_errorString.clear();
    quint16 port = options.port;
    for (qsizetype i = 0; i < options.bindAddresses.size(); ++i) {
        if (!bindTo(options.bindAddresses.at(i), &port, i > 0)) {
            m_sockets.clear();
            m_boundAddresses.clear();
            return false;
        }
    }
    m_port = port;
    return true;
}

// Binds a socket to `address` at *port, which becomes the port the system gave when it was 0,
// so that further addresses share it. QHostAddress::Any is one dual-stack IPv6 socket, as
// CapitalizeServer's is. An optional address this computer lacks (::1 with IPv6 off) is skipped.
bool UdpCapitalizeServer::bindTo(const QHostAddress &address, quint16 *port, bool optional)
{
    const bool any = address == QHostAddress::Any;
    const QHostAddress bound = any ? QHostAddress(QHostAddress::AnyIPv6) : address;
    const bool ipv6 = bound.protocol() == QAbstractSocket::IPv6Protocol;
    auto socket = std::make_unique<UdpSocket>();
    report(SocketEvent::socket(SocketSide::Server, ipv6, any).onDatagramSocket());
    const Endpoint asked{BindAddress::pythonHost(address), *port};
    if (!socket->open(ipv6, any) || !socket->bind(bound, *port)) {
        const SocketFailure failure = EventValues::failure(*socket);
        const bool skipped = optional
            && failure.kind == SocketFailure::Kind::AddressNotAvailable;
        report(SocketEvent::bind(asked, 0, failure, skipped).onDatagramSocket());
        if (!skipped)
            m_errorString = SocketErrorText::datagramBindFailed(failure, address, *port);
        return skipped;
    }
    *port = socket->localPort();
    report(SocketEvent::bind(asked, *port).onDatagramSocket());
    UdpSocket *raw = socket.get();
    connect(raw, &UdpSocket::readyToReceive, this, [this, raw] { onReadable(raw); });
    m_sockets.push_back(std::move(socket));
    m_boundAddresses.append(address);
    return true;
}

void UdpCapitalizeServer::stop()
{
    if (m_sockets.empty())
        return;
    m_sockets.clear();
    m_boundAddresses.clear();
    report(SocketEvent::close(SocketSide::Server, 0, SocketEvent::CloseReason::StoppedListening)
               .onDatagramSocket());
}

QList<UdpCapitalizeServer::Peer> UdpCapitalizeServer::peers() const
{
    return QList<Peer>(m_peers.begin(), m_peers.end());
}

void UdpCapitalizeServer::onReadable(UdpSocket *socket)
{
    const QPointer<QObject> alive(this); // a slot may stop or delete the server
    for (int i = 0; i < DatagramsPerWakeUp; ++i) {
        if (!socket->receiveFrom(m_options.datagramSize, &m_datagram))
            return; // nothing more waiting; a failed recvfrom() on a server socket is transient
        answer(socket, m_datagram);
        if (!alive || m_sockets.empty())
            return;
    }
}

void UdpCapitalizeServer::answer(UdpSocket *socket, const UdpSocket::Datagram &datagram)
{
    Peer &peer = peerOf(datagram);
    const qint64 id = peer.id;
    ++peer.datagramsIn;
    peer.bytesIn += datagram.bytes.size();
    const bool watched = callsWatched();
    if (watched) {
        report(SocketEvent::recvFrom(SocketSide::Server, id, m_options.datagramSize,
                                     datagram.bytes.size(), peer.endpoint,
                                     datagram.datagramBytes));
    }
    emit datagramReceived(id, datagram.bytes, datagram.datagramBytes);
    // Each datagram whole: nothing is held back for the next one (tests/fuzz/fuzz_datagrams).
    QByteArray reply;
    reply.reserve(datagram.bytes.size());
    m_upperCaser.feedWhole(datagram.bytes, reply);
    if (!socket->sendTo(reply, datagram.sender)) {
        const SocketEvent failed = SocketEvent::sendTo(SocketSide::Server, id, reply.size(),
                                                       peer.endpoint,
                                                       EventValues::failure(*socket));
        report(failed);
        emit replyNotSent(id, failed);
        return;
    }
    m_peers[size_t(id - 1)].bytesOut += reply.size();
    if (watched)
        report(SocketEvent::sendTo(SocketSide::Server, id, reply.size(), peer.endpoint));
    emit replied(id, reply);
}

UdpCapitalizeServer::Peer &UdpCapitalizeServer::peerOf(const UdpSocket::Datagram &datagram)
{
    const QByteArray key = QByteArray::fromRawData(datagram.sender.bytes.data(),
                                                   qsizetype(datagram.sender.length));
    const auto found = m_peerIds.constFind(key);
    if (found != m_peerIds.constEnd())
        return m_peers[size_t(found.value() - 1)];
    if (qsizetype(m_peers.size()) >= m_options.mostPeersListed)
        return others(datagram);
    Peer peer;
    peer.id = qint64(m_peers.size()) + 1;
    peer.endpoint = EventValues::endpoint(datagram.address, datagram.port);
    m_peerIds.insert(QByteArray(key.constData(), key.size()), peer.id); // a copy of its own
    m_peers.push_back(peer);
    emit peerSeen(peer);
    return m_peers.back();
}

UdpCapitalizeServer::Peer &UdpCapitalizeServer::others(const UdpSocket::Datagram &datagram)
{
    if (m_peers.empty() || !m_peers.back().others) {
        Peer others;
        others.id = qint64(m_peers.size()) + 1;
        others.others = true;
        others.endpoint = EventValues::endpoint(datagram.address, datagram.port);
        m_peers.push_back(others);
        emit peerSeen(others);
    }
    m_peers.back().endpoint = EventValues::endpoint(datagram.address, datagram.port);
    return m_peers.back();
}

QString UdpCapitalizeServer::peerText(const Peer &peer) const
{
    if (!peer.others)
        return peer.endpoint.text();
    return tr("the others: every sender after the first %1, answered but not listed one by one "
              "(latest %2)")
        .arg(m_options.mostPeersListed)
        .arg(peer.endpoint.text());
}

bool UdpCapitalizeServer::callsWatched() const
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(
        &UdpCapitalizeServer::socketEvent);
    return isSignalConnected(signal);
}

void UdpCapitalizeServer::report(const SocketEvent &event)
{
    if (callsWatched())
        emit socketEvent(event);
}
