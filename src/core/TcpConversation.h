#pragma once

#include <QByteArray>

#include <vector>

// Which way bytes went on a TCP connection. The client is the end that connected (sent SYN).
enum class TcpDirection : quint8 { ClientToServer, ServerToClient };

inline TcpDirection opposite(TcpDirection direction)
{
    return direction == TcpDirection::ClientToServer ? TcpDirection::ServerToClient
                                                     : TcpDirection::ClientToServer;
}

// One TCP connection as a story: who talked to whom, when it opened, the bytes each way in the
// order they went (one transfer per send, or per segment when read from a capture), and how it
// ended. TcpRecorder writes it from what the sockets did; TcpSynthesizer turns it into packets;
// the capture reader's TcpReassembler makes it from packets. Times are microseconds since the
// epoch (UTC), as SocketEvent's; -1 when a thing never happened.
struct TcpConversation
{
    struct Transfer
    {
        qint64 timeUs = 0;
        TcpDirection direction = TcpDirection::ClientToServer;
        QByteArray bytes;
        // Read from a capture: the relative sequence number of its first byte (its sender's
        // SYN is 0); -1 when it was made from what the sockets did.
        qint64 seq = -1;
    };

    QByteArray clientIp; // 4 or 16 bytes, network order (core/IpAddress); an IPv4 client of an
    QByteArray serverIp; // IPv6 server (a dual-stack socket) is IPv4-mapped where packets need it
    quint16 clientPort = 0;
    quint16 serverPort = 0;
    qint64 openedUs = 0;
    std::vector<Transfer> transfers;
    qint64 clientFinishedUs = -1; // the client's FIN: it will send no more
    qint64 serverFinishedUs = -1;
    qint64 resetUs = -1; // RST, sent by the end resetFrom names
    TcpDirection resetFrom = TcpDirection::ClientToServer;
    // By direction (client's first): how many of the bytes sent that way arrived; -1: all.
    // Fewer when the sender's close() dropped what it still held (a reset discards its send
    // buffer), so that no packet shows them delivered.
    qint64 deliveredBytes[2] = {-1, -1};

    bool isIPv6() const { return clientIp.size() == 16 || serverIp.size() == 16; }
    // Every byte that went one way, in order.
    QByteArray bytes(TcpDirection direction) const
    {
        QByteArray all;
        for (const Transfer &transfer : transfers) {
            if (transfer.direction == direction)
                all.append(transfer.bytes);
        }
        return all;
    }
};
