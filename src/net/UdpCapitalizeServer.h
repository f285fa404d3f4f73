#pragma once

#include "core/SocketEvent.h"
#include "core/Utf8UpperCaser.h"
#include "net/ServerOptions.h"
#include "net/UdpSocket.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>

#include <memory>
#include <vector>

// The capitalization server's datagram twin, the textbook's UDPServer.py grown up (Kurose &
// Ross, chapter 2). It binds as CapitalizeServer does (the same address choices: every
// interface as one dual-stack socket, this computer only, one address), and has no listen()
// and no accept(): each datagram comes with its sender's address (recvfrom), is upper-cased on
// its own, and goes back to that address (sendto). Nothing is carried from one datagram to the
// next: a character cut between two datagrams stays cut, each half unchanged, as invalid UTF-8.
// A datagram larger than the receive size is cut by the system, and the event says by how much.
// The peers are the addresses heard from so far; UDP has no connections to count or close.
class UdpCapitalizeServer : public QObject
{
    Q_OBJECT

public:
    // An address:port the server has heard from, with what crossed since.
    struct Peer
    {
        qint64 id = 0; // 1, 2, ... in the order first heard from
        // The last line, once ServerOptions::mostPeersListed are listed: every sender after
        // them, its endpoint the latest one's.
        bool others = false;
        Endpoint endpoint;
        qint64 datagramsIn = 0;
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
    };

    explicit UdpCapitalizeServer(QObject *parent = nullptr);
    ~UdpCapitalizeServer() override;

    // Binds to options.bindAddresses at options.port (0: one free port, shared by all of them)
    // and receives with recvfrom(options.datagramSize). False, with errorString() in plain
    // words, when it could not.
    bool start(const ServerOptions &options);
    void stop();

    bool isRunning() const { return !m_sockets.empty(); }
    quint16 port() const { return m_port; }
    QList<QHostAddress> boundAddresses() const { return m_boundAddresses; }
    QString errorString() const { return m_errorString; }
    const ServerOptions &options() const { return m_options; }
    // In the order first heard from.
    QList<Peer> peers() const;
    // The peer with this id (1 for the first heard from).
    const Peer &peer(qint64 id) const { return m_peers.at(size_t(id - 1)); }
    // Its address and port; for the others, what the line stands for and the latest one.
    QString peerText(const Peer &peer) const;

    // Datagrams taken per wake-up of one socket, so one busy sender can not starve the rest of
    // the event loop.
    static constexpr int DatagramsPerWakeUp = 64;

signals:
    void peerSeen(const UdpCapitalizeServer::Peer &peer);
    // One recvfrom(): `datagramBytes` is the datagram's real length (more than bytes.size()
    // when cut; -1 when cut and the system did not say).
    void datagramReceived(qint64 peerId, const QByteArray &bytes, qint64 datagramBytes);
    void replied(qint64 peerId, const QByteArray &reply);
    // The sendto() failed: the reply is lost (UDP does not wait for room).
    void replyNotSent(qint64 peerId, const SocketEvent &event);
    // What happens on the sockets, in the textbook's calls. Connect before start().
    void socketEvent(const SocketEvent &event);

private:
    bool bindTo(const QHostAddress &address, quint16 *port, bool optional);
    void onReadable(UdpSocket *socket);
    void answer(UdpSocket *socket, const UdpSocket::Datagram &datagram);
    Peer &peerOf(const UdpSocket::Datagram &datagram);
    Peer &others(const UdpSocket::Datagram &datagram); // past ServerOptions::mostPeersListed
    bool callsWatched() const;
    void report(const SocketEvent &event);

    ServerOptions m_options;
    std::vector<std::unique_ptr<UdpSocket>> m_sockets;
    QList<QHostAddress> m_boundAddresses;
    quint16 m_port = 0;
    QString m_errorString;
    std::vector<Peer> m_peers;                   // index: id - 1
    QHash<QByteArray, qint64> m_peerIds;         // the sender's raw address -> its id
    UdpSocket::Datagram m_datagram;              // reused: one allocation less per datagram
    Utf8UpperCaser m_upperCaser;                 // one for all: it holds nothing between them
};
