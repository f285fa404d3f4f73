#include "net/UdpCapitalizeClient.h"

#include "net/EventValues.h"
#include "net/ServerOptions.h"
#include "net/SocketErrorText.h"

#include <QHostInfo>

UdpCapitalizeClient::UdpCapitalizeClient(QObject *parent)
    : QObject(parent)
    , m_readSize(ServerOptions::TextbookDatagramSize)
{
    m_replyTimer.setSingleShot(true);
    connect(&m_replyTimer, &QTimer::timeout, this, &UdpCapitalizeClient::onReplyTimeout);
    connect(&m_socket, &UdpSocket::readyToReceive, this, &UdpCapitalizeClient::onReadable);
}

UdpCapitalizeClient::~UdpCapitalizeClient()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

void UdpCapitalizeClient::start(const QString &host, quint16 port)
{
    close();
    m_host = host;
    m_port = port;
    if (m_address.setAddress(host)) {
        openSocket();
        return;
    }
    m_state = State::Resolving;
    m_lookupId = QHostInfo::lookupHost(host, this, &UdpCapitalizeClient::onLookedUp);
}

void UdpCapitalizeClient::onLookedUp(const QHostInfo &info)
{
    m_lookupId = -1;
    const SocketFailure failure = EventValues::failure(info);
    QStringList names;
    for (const QHostAddress &address : info.addresses())
        names.append(address.toString());
    report(SocketEvent::lookup({m_host, m_port}, names, failure));
    if (failure.isFailure()) {
        fail(SocketErrorText::lookupFailed(m_host, failure.kind
                                                       == SocketFailure::Kind::HostNotFound,
                                           info.errorString()));
        return;
    }
    m_address = info.addresses().constFirst(); // the system's preferred order
    openSocket();
}

void UdpCapitalizeClient::openSocket()
{
    const bool ipv6 = m_address.protocol() == QAbstractSocket::IPv6Protocol;
    report(SocketEvent::socket(SocketSide::Client, ipv6).onDatagramSocket());
    if (!m_socket.open(ipv6, false)) {
        fail(m_socket.errorString());
        return;
    }
    const Endpoint server = EventValues::endpoint(m_address, m_port);
    if (m_connectSocket) {
        if (!m_socket.connectTo(m_address, m_port)) {
            report(SocketEvent::connectFailed(server, EventValues::failure(m_socket))
                       .onDatagramSocket());
            fail(SocketErrorText::endpoint(m_address, m_port) + QStringLiteral(": ")
                 + m_socket.errorString());
            return;
        }
        report(SocketEvent::connected(server, EventValues::endpoint(localAddress(), localPort()),
                                      0)
                   .onDatagramSocket());
    }
    m_state = State::Ready;
    emit ready();
    sendNext();
}

qint64 UdpCapitalizeClient::send(const QByteArray &bytes)
{
    const qint64 id = m_nextMessageId++;
    m_queue.push_back({id, bytes});
    if (m_state == State::Ready && m_waiting.id == 0)
        sendNext();
    return id;
}

// Sends the next queued message, skipping (and telling) those the system refuses to send.
void UdpCapitalizeClient::sendNext()
{
    while (m_waiting.id == 0 && !m_queue.empty() && m_state == State::Ready) {
        Message message = std::move(m_queue.front());
        m_queue.pop_front();
        const Endpoint server = EventValues::endpoint(m_address, m_port);
        const bool sent = m_connectSocket ? m_socket.send(message.bytes)
                                          : m_socket.sendTo(message.bytes, m_address, m_port);
        if (!sent) {
            const SocketEvent failed = SocketEvent::sendTo(SocketSide::Client, 0,
                                                           message.bytes.size(), server,
                                                           EventValues::failure(m_socket));
            report(failed);
            emit messageNotSent(message.id, message.bytes, failed);
            continue;
        }
        report(SocketEvent::sendTo(SocketSide::Client, 0, message.bytes.size(), server));
        m_waiting = std::move(message);
        m_sentClock.start();
        m_replyTimer.start(m_replyTimeoutMs);
        emit messageSent(m_waiting.id, m_waiting.bytes);
    }
}

void UdpCapitalizeClient::onReadable()
{
    UdpSocket::Datagram datagram;
    m_socket.clearError(); // what a sendto() left is no reason to stop waiting
    while (m_socket.receiveFrom(m_readSize, &datagram)) {
        report(SocketEvent::recvFrom(SocketSide::Client, 0, m_readSize, datagram.bytes.size(),
                                     EventValues::endpoint(datagram.address, datagram.port),
                                     datagram.datagramBytes));
        if (m_waiting.id == 0)
            continue; // nothing asked for it: a late reply after its wait ended
        const qint64 id = m_waiting.id;
        const qint64 roundTrip = m_sentClock.nsecsElapsed() / 1000;
        settle();
        emit replyReceived(id, datagram.bytes, roundTrip, datagram.truncated());
        sendNext();
    }
    if (m_socket.error() == 0 || m_waiting.id == 0)
        return;
    // A connected socket's ICMP "port unreachable", told as ECONNREFUSED.
    const SocketEvent refused = SocketEvent::recvFromFailed(SocketSide::Client, m_readSize,
                                                            EventValues::failure(m_socket));
    report(refused);
    const Message message = m_waiting;
    settle();
    emit messageUnanswered(message.id, message.bytes, refused);
    sendNext();
}

void UdpCapitalizeClient::onReplyTimeout()
{
    if (m_waiting.id == 0)
        return;
    const SocketEvent timedOut = SocketEvent::recvFromFailed(
        SocketSide::Client, m_readSize, {SocketFailure::Kind::TimedOut, 0, {}},
        m_sentClock.nsecsElapsed() / 1000);
    report(timedOut);
    const Message message = m_waiting;
    settle();
    emit messageUnanswered(message.id, message.bytes, timedOut);
    sendNext();
}

// The waiting message has its verdict.
void UdpCapitalizeClient::settle()
{
    m_replyTimer.stop();
    m_waiting = {};
    m_socket.clearError();
}

int UdpCapitalizeClient::pendingMessages() const
{
    return int(m_queue.size()) + (m_waiting.id != 0 ? 1 : 0);
}

void UdpCapitalizeClient::close()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    m_lookupId = -1;
    m_replyTimer.stop();
    m_waiting = {};
    m_queue.clear();
    if (m_socket.isOpen()) {
        m_socket.close();
        report(SocketEvent::close(SocketSide::Client, 0, SocketEvent::CloseReason::Disconnect)
                   .onDatagramSocket());
    }
    m_state = State::Idle;
}

void UdpCapitalizeClient::fail(const QString &message)
{
    m_state = State::Failed;
    m_socket.close();
    emit failed(message);
}

void UdpCapitalizeClient::report(const SocketEvent &event)
{
    emit socketEvent(event);
}
