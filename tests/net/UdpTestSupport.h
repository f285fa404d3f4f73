#pragma once

#include "EventLoopWait.h"
#include "net/UdpSocket.h"

#include <QList>

// A raw UDP peer for tests: a socket on this computer that sends exactly the datagrams it is
// told and keeps every datagram that comes back, whole, with its sender.
class RawUdpPeer
{
public:
    explicit RawUdpPeer(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                        qint64 receiveSize = 65536)
        : m_receiveSize(receiveSize)
    {
        const bool ipv6 = address.protocol() == QAbstractSocket::IPv6Protocol;
        m_socket.open(ipv6, false);
        m_socket.bind(address, 0);
        QObject::connect(&m_socket, &UdpSocket::readyToReceive, &m_socket, [this] {
            UdpSocket::Datagram datagram;
            while (m_socket.receiveFrom(m_receiveSize, &datagram))
                m_received.append(datagram);
        });
    }

    UdpSocket &socket() { return m_socket; }
    quint16 port() const { return m_socket.localPort(); }
    bool sendTo(const QByteArray &bytes, quint16 port,
                const QHostAddress &address = QHostAddress(QHostAddress::LocalHost))
    {
        return m_socket.sendTo(bytes, address, port);
    }
    const QList<UdpSocket::Datagram> &received() const { return m_received; }
    QList<QByteArray> receivedBytes() const
    {
        QList<QByteArray> all;
        for (const UdpSocket::Datagram &datagram : m_received)
            all.append(datagram.bytes);
        return all;
    }
    bool waitReceived(qsizetype count, int timeoutMs = 10000)
    {
        return waitUntil([this, count] { return m_received.size() >= count; }, timeoutMs);
    }

private:
    UdpSocket m_socket;
    qint64 m_receiveSize;
    QList<UdpSocket::Datagram> m_received;
};

// A UDP port on which nothing receives (at the moment of asking).
inline quint16 unusedUdpPort()
{
    UdpSocket probe;
    probe.open(false, false);
    probe.bind(QHostAddress(QHostAddress::LocalHost), 0);
    return probe.localPort();
}
