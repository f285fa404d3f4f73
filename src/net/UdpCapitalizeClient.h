#pragma once

#include "core/SocketEvent.h"
#include "net/UdpSocket.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>

class QHostInfo;

// The textbook's UDPClient.py grown up (Kurose & Ross, chapter 2): each message goes out as one
// datagram with sendto(), and the reply is waited for with recvfrom() and a timeout. One
// message at a time, as the textbook's client: the next goes once the reply came or the wait
// ended. UDP does not retry, so a message with no reply is said plainly, never resent.
// - Unconnected (the textbook's way), a server that is not there and a lost datagram look the
//   same: no reply. With setConnectSocket(true) the socket is connect()ed, and the ICMP "port
//   unreachable" that a closed port answers with comes back as "refused".
// - A message larger than a datagram may be fails with EMSGSIZE and nothing of it is sent.
// - A reply that comes after its wait ended is taken as the answer to the message then waiting
//   (the textbook's client could not tell either): datagrams carry no message number.
class UdpCapitalizeClient : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Resolving, Ready, Failed };
    Q_ENUM(State)

    explicit UdpCapitalizeClient(QObject *parent = nullptr);
    ~UdpCapitalizeClient() override;

    static constexpr int DefaultReplyTimeoutMs = 5000;
    void setReplyTimeout(int milliseconds) { m_replyTimeoutMs = milliseconds; }
    // The n of recvfrom(n): a longer reply is cut (and said so).
    void setReadSize(qint64 bytes) { m_readSize = bytes; }
    void setConnectSocket(bool connectSocket) { m_connectSocket = connectSocket; }

    // Looks `host` up when it is a name, then makes the socket (and connect()s it when asked).
    void start(const QString &host, quint16 port);
    // Queues `bytes` as one datagram; returns the message's id (1, 2, ...), which
    // replyReceived(), messageUnanswered() or messageNotSent() names.
    qint64 send(const QByteArray &bytes);
    void close();

    State state() const { return m_state; }
    QHostAddress serverAddress() const { return m_address; }
    quint16 serverPort() const { return m_port; }
    QHostAddress localAddress() const { return m_socket.localAddress(); }
    quint16 localPort() const { return m_socket.localPort(); }
    // Messages sent or waiting to be, with no reply and no verdict yet.
    int pendingMessages() const;

signals:
    void ready();
    void messageSent(qint64 messageId, const QByteArray &bytes);
    void replyReceived(qint64 messageId, const QByteArray &reply, qint64 roundTripMicros,
                       bool truncated);
    // No reply: `why` is the recvfrom() that timed out or was refused.
    void messageUnanswered(qint64 messageId, const QByteArray &bytes, const SocketEvent &why);
    // The sendto() failed (EMSGSIZE, ...): `why` is that call.
    void messageNotSent(qint64 messageId, const QByteArray &bytes, const SocketEvent &why);
    // The host could not be looked up, or the socket not made: nothing can be sent.
    void failed(const QString &message);
    void socketEvent(const SocketEvent &event);

private:
    struct Message
    {
        qint64 id = 0;
        QByteArray bytes;
    };

    void onLookedUp(const QHostInfo &info);
    void openSocket();
    void sendNext();
    void onReadable();
    void onReplyTimeout();
    void settle();
    void fail(const QString &message);
    void report(const SocketEvent &event);

    State m_state = State::Idle;
    QString m_host;
    QHostAddress m_address;
    quint16 m_port = 0;
    int m_replyTimeoutMs = DefaultReplyTimeoutMs;
    qint64 m_readSize;
    bool m_connectSocket = false;
    int m_lookupId = -1;
    UdpSocket m_socket;
    QTimer m_replyTimer;
    QElapsedTimer m_sentClock;
    std::deque<Message> m_queue;
    Message m_waiting; // id 0: none
    qint64 m_nextMessageId = 1;
};
