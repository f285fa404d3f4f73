#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include <deque>
#include <memory>

class SocketWatch;

// One TCP connection, with the calls the lecture teaches and QTcpSocket does not offer:
// - receive(n) is exactly one recv(n), so "recv(1024) -> 17 bytes" is what really happened;
// - finishSending() is shutdown(SHUT_WR): the peer reads end of stream, and we keep receiving
//   (QTcpSocket can not half-close, and drops unsent bytes when the peer half-closes);
// - the peer finishing (end of stream) is told apart from a reset (QTcpSocket reports both as
//   "remote host closed").
// Portable: POSIX sockets, or Winsock on Windows, driven by a SocketWatch.
class TcpStream : public QObject
{
    Q_OBJECT

public:
    enum class Error {
        None,
        ConnectionRefused,
        TimedOut,
        NetworkUnreachable,
        HostUnreachable,
        ConnectionReset,
        AccessDenied,
        Other
    };
    Q_ENUM(Error)

    enum class AcceptResult { Accepted, NoneWaiting, OutOfDescriptors, Failed };
    // One accept() on a non-blocking listening socket: the new connection's descriptor, or -1
    // and why not. OutOfDescriptors (EMFILE and the like) passes once some are closed.
    static qintptr accept(qintptr listener, AcceptResult *result);

    // socket(), bind() and listen() without SO_REUSEADDR, which QTcpServer always sets on Unix:
    // so that a student can see bind() fail while a TIME_WAIT holds the port. The listening
    // descriptor, or -1 with why, as QTcpServer would say it. QHostAddress::Any is a
    // dual-stack IPv6 socket, as with QTcpServer.
    static qintptr listenWithoutReuse(const QHostAddress &address, quint16 port, int backlog,
                                      QAbstractSocket::SocketError *error, QString *errorText);

    // Adopts a connected socket, such as one accept() returned; closes it when destroyed.
    explicit TcpStream(qintptr descriptor, QObject *parent = nullptr);
    // Starts a non-blocking connect(); connected() or failed() follows.
    TcpStream(const QHostAddress &address, quint16 port, QObject *parent = nullptr);
    ~TcpStream() override;

    bool isConnected() const { return m_connected; }
    QHostAddress localAddress() const { return m_localAddress; }
    quint16 localPort() const { return m_localPort; }
    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }

    // One recv() of at most `maxSize` bytes: what is there now. Empty when nothing is waiting,
    // when the peer has finished sending (then peerFinished()), or on failure (then error()).
    QByteArray receive(qint64 maxSize);
    bool peerFinished() const { return m_peerFinished; }
    // Backpressure: while off, nothing is read, so the kernel's window fills and the peer waits.
    void setReceiving(bool enabled);

    // Queues bytes; sends what the kernel takes at once and the rest as it drains.
    void send(const QByteArray &bytes);
    qint64 bytesToSend() const { return m_queuedBytes; }
    // Once everything queued is sent, shuts down our sending side (the peer sees end of stream).
    void finishSending();
    bool sendingFinished() const { return m_sendingShutDown; }

    // How the connection will end, decided now (before the close() is told) and done by the
    // abort() that follows, so that what is recorded of it ends as it really does.
    struct Ending
    {
        // RST: bytes arrived that were never read (close() would reset), or the peer still
        // sends after finishSending() (what it sends after close() would be answered by RST).
        bool reset = false;
        // Bytes sent that will never arrive: still queued here, and after a reset those the
        // kernel held that the peer had not acknowledged; -1 where the system does not say.
        qint64 undeliveredBytes = 0;
    };
    Ending decideEnding();
    // Closes at once; anything still queued is dropped.
    void abort();
    // Closes with a reset (RST) instead of a normal end, as a crashing program's socket would.
    void abortWithReset();

    Error error() const { return m_error; }
    // The system's error number behind error(): errno, or WSAGetLastError() on Windows.
    int systemError() const { return m_systemError; }
    QString errorString() const { return m_errorString; }

    // The descriptor, for the socket-calls log ("fd 7") and tests.
    qintptr descriptor() const { return m_descriptor; }

signals:
    void connected();
    void readyToReceive();
    // The kernel took `count` more bytes; emitted from within send() when it takes them at once
    // (a queued signal per send would cost a wake-up of the event loop per reply).
    void bytesSent(qint64 count);
    void failed(TcpStream::Error error);

private:
    void watch();
    void readAddresses();
    void onWritable();
    void flushQueue();
    void setError(int systemError);
    void fail(int systemError);
    void closeDescriptor();

    qintptr m_descriptor = -1;
    std::unique_ptr<SocketWatch> m_watch;
    bool m_connected = false;
    bool m_peerFinished = false;
    bool m_finishRequested = false;
    bool m_sendingShutDown = false;
    bool m_receiving = true;
    enum class Decided { Nothing, Reset, Finish } m_ending = Decided::Nothing;
    qint64 m_receivedAfterFinish = 0; // bytes that came after finishSending()
    std::deque<QByteArray> m_queue;
    qsizetype m_frontOffset = 0;
    qint64 m_queuedBytes = 0;
    Error m_error = Error::None;
    int m_systemError = 0;
    QString m_errorString;
    QHostAddress m_localAddress;
    quint16 m_localPort = 0;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
};
