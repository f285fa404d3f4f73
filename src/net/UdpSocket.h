#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include <array>
#include <memory>

class SocketWatch;

// One UDP socket with the calls the textbook teaches (Kurose & Ross, chapter 2): each
// receiveFrom() is exactly one recvfrom(n) and each sendTo() one sendto(), so "recvfrom(2048)
// -> (17 bytes, ('127.0.0.1', 51234))" is what really happened. Datagrams stay whole or fail
// whole: a send larger than a datagram may be fails with EMSGSIZE and sends nothing; a receive
// smaller than the datagram is cut by the system, and the datagram's real length is told
// (Linux's MSG_TRUNC; elsewhere only that it was cut). Non-blocking, driven by a SocketWatch.
// Portable: POSIX sockets, or Winsock on Windows.
class UdpSocket : public QObject
{
    Q_OBJECT

public:
    // A sender's address as the system gave it, to answer without converting it back and forth
    // (a server answers every datagram: this is its hot path).
    struct RawAddress
    {
        alignas(16) std::array<char, 128> bytes{}; // a sockaddr_storage, aligned as one
        quint32 length = 0;
    };

    struct Datagram
    {
        QByteArray bytes;         // what recvfrom() returned: at most the size asked for
        qint64 datagramBytes = 0; // its real length; -1 when cut and the system did not say
        QHostAddress address;     // the sender (an IPv4 sender of a dual-stack socket as IPv4)
        quint16 port = 0;
        RawAddress sender;

        bool truncated() const { return datagramBytes < 0 || datagramBytes > bytes.size(); }
    };

    explicit UdpSocket(QObject *parent = nullptr);
    ~UdpSocket() override;

    // socket(AF_INET or AF_INET6, SOCK_DGRAM). An IPv6 socket is dual-stack (takes IPv4 too)
    // when asked, else IPv6 only, so that 127.0.0.1 and ::1 can share a port.
    bool open(bool ipv6, bool dualStack);
    // bind((address, port)); port 0 lets the system choose (localPort() tells).
    bool bind(const QHostAddress &address, quint16 port);
    // connect((address, port)): no packet is sent; the socket then takes datagrams from there
    // alone, and an ICMP "port unreachable" shows as ECONNREFUSED on the next call.
    bool connectTo(const QHostAddress &address, quint16 port);

    // One recvfrom() of at most `maxSize` bytes. False when nothing is waiting, or on failure
    // (then error() is set, e.g. a connected socket's refused).
    bool receiveFrom(qint64 maxSize, Datagram *datagram);
    // One sendto() (a plain send() once connected). False on failure, error() says why; a
    // full send buffer counts as a failure too, as UDP drops rather than waits.
    bool sendTo(const QByteArray &bytes, const QHostAddress &address, quint16 port);
    bool sendTo(const QByteArray &bytes, const RawAddress &to);
    bool send(const QByteArray &bytes);

    // While off, nothing is read: datagrams wait in (and past its size, overflow) the kernel's
    // receive buffer.
    void setReceiving(bool enabled);
    void close();

    bool isOpen() const { return m_descriptor >= 0; }
    QHostAddress localAddress() const;
    quint16 localPort() const;
    // errno (WSAGetLastError() on Windows) of the last call that failed, and its words.
    int error() const { return m_error; }
    void clearError() { m_error = 0; }
    QString errorString() const;

signals:
    void readyToReceive();

private:
    bool failWith(int code);

    qintptr m_descriptor = -1;
    std::unique_ptr<SocketWatch> m_watch;
    int m_error = 0;
};
