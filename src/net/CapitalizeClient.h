#pragma once

#include "core/SocketEvent.h"
#include "net/TcpStream.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>

#include <deque>
#include <memory>
#include <vector>

class QHostInfo;
class QTimer;
class TcpProbe;
class TcpSampler;

// The lecture's client, grown up: it connects to HOST:PORT (looking the name up and trying each
// address it has), sends messages, and pairs each reply with the message it answers. With a line
// ending, a reply is complete at its line end and gets a round-trip time; without one (exactly the
// lecture's client), each read is shown as it arrives. Failures come in plain words.
class CapitalizeClient : public QObject
{
    Q_OBJECT

public:
    enum class State { Disconnected, Resolving, Connecting, Connected, ClosedByServer, Failed };
    Q_ENUM(State)

    explicit CapitalizeClient(QObject *parent = nullptr);
    ~CapitalizeClient() override;

    void setConnectTimeout(int milliseconds) { m_connectTimeoutMs = milliseconds; }
    int connectTimeout() const { return m_connectTimeoutMs; }
    void setReadSize(qint64 bytes) { m_readSize = bytes; }
    // Reports TCP's state and queues beneath the calls (socketEvent), read with `probe`; null,
    // the default, reads nothing.
    // `minimumGapMs`: at most one reading of a connection within it after calls (TcpSampler::
    // setMinimumGap()); 0 reads after every call.
    void setTcpProbe(std::shared_ptr<const TcpProbe> probe, int minimumGapMs = 0);

    void connectToServer(const QString &host, quint16 port);
    // Connects to one of `addresses`, which `host` stands for (as a lookup would give them):
    // the families alternate and each next address is tried a quarter second after the last,
    // or at once when it fails; the first to answer wins.
    void connectToAddresses(const QString &host, const QList<QHostAddress> &addresses,
                            quint16 port);
    // Sends `bytes` as one message; when not connected, (re)connects to the last server first.
    // Returns the message's id (1, 2, ...), which replyReceived() or messageNotSent() names.
    qint64 send(const QByteArray &bytes);
    // No more messages: shuts down our sending side; the server answers the rest, then closes.
    void finishSending();
    // Closes at once, as the lecture's sock.close().
    void disconnectFromServer();

    State state() const { return m_state; }
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    QList<QHostAddress> resolvedAddresses() const { return m_addresses; }
    QHostAddress localAddress() const;
    quint16 localPort() const;
    QHostAddress peerAddress() const;
    quint16 peerPort() const;
    qint64 connectMicros() const { return m_connectMicros; }
    QString errorString() const { return m_errorString; }
    // The connection its calls are reported on (SocketEvent::connectionId): 1, 2, ..., one
    // more each time it connects anew, so that two connections' calls do not read as one.
    qint64 connectionId() const { return m_connectionId; }
    // Why it failed (State::Failed), as a kind for a few words; errorString() says it all.
    SocketFailure failure() const { return m_failure; }
    // Messages sent with a line ending whose reply has not fully arrived.
    int unansweredMessages() const;

signals:
    void stateChanged(CapitalizeClient::State state);
    void resolved(const QList<QHostAddress> &addresses);
    void connected();
    void messageSent(qint64 messageId, const QByteArray &bytes);
    // A message send() took never reached the wire: the connection it waited for failed, or
    // was given up (disconnectFromServer()), first.
    void messageNotSent(qint64 messageId, const QByteArray &bytes);
    // Every recv() with data, as it came.
    void dataReceived(const QByteArray &chunk);
    // A reply (or, without a line ending, a piece of one) to message `messageId`; 0 when the
    // server sent something no message asked for. roundTripMicros is -1 then.
    void replyReceived(qint64 messageId, const QByteArray &reply, qint64 roundTripMicros);
    // The same bytes as they arrive: each piece lies within one read, and `completesReply` is
    // true on the piece that ends the reply (a window shows reads as they come).
    void replyPieceReceived(qint64 messageId, const QByteArray &piece, bool completesReply,
                            qint64 roundTripMicros);
    // The server ended the connection normally (end of stream).
    void serverClosed();
    void failed(const QString &message);
    // What happens on the socket, for the lecture's calls.
    void socketEvent(const SocketEvent &event);

private:
    struct Unanswered
    {
        qint64 id;
        qint64 sentNs;
        int lineEndsLeft; // 0: no line ending, so no way to tell where its reply ends
    };

    void setState(State state);
    struct Attempt
    {
        TcpStream *stream;
        QElapsedTimer clock;
    };
    struct Failure
    {
        TcpStream::Error error = TcpStream::Error::None;
        QString message;
    };

    void reset(const QString &host, quint16 port);
    void onLookedUp(const QHostInfo &info);
    void startAttempts(const QList<QHostAddress> &addresses);
    void startNextAttempt();
    void onAttemptConnected(TcpStream *stream);
    void onAttemptFailed(TcpStream *stream);
    void onConnectTimeout();
    void recordFailure(const Attempt &attempt, TcpStream::Error error,
                       const QString &systemMessage);
    // Reports each attempt's close() when another address won the race.
    void abortAttempts(bool lostRace);
    void failAll();
    void dropOutbox();
    void onReadable();
    void onSendFailed();
    void endBrokenConnection();
    void pairReply(const QByteArray &chunk);
    void flushPartialReply();
    void write(qint64 id, const QByteArray &bytes);
    void fail(const QString &message, const SocketFailure &failure);
    void dropStream();
    void report(const SocketEvent &event);
    void probe(const TcpStream *stream, bool afterSend = false);

    State m_state = State::Disconnected;
    qint64 m_connectionId = 0;
    QString m_host;
    quint16 m_port = 0;
    int m_connectTimeoutMs; // ClientOptions' defaults to begin with
    qint64 m_readSize;
    int m_lookupId = -1;
    static constexpr int AttemptStaggerMs = 250; // RFC 8305's recommended delay
    QList<QHostAddress> m_addresses; // in the order they are tried
    int m_nextAddress = 0;
    std::vector<Attempt> m_pending;
    QStringList m_failures; // "[::1]:5220 (IPv6): refused after 0.0 s", for the message
    Failure m_bestFailure;
    TcpStream *m_stream = nullptr;
    QTimer *m_connectTimer = nullptr;
    QTimer *m_staggerTimer = nullptr;
    QElapsedTimer m_clock;
    qint64 m_connectMicros = -1;
    qint64 m_bytesSent = 0;     // on this connection, to tell what a reset left unanswered
    qint64 m_bytesReceived = 0;
    QString m_errorString;
    SocketFailure m_failure;
    qint64 m_nextMessageId = 1;
    std::deque<std::pair<qint64, QByteArray>> m_outbox; // waiting for the connection
    bool m_finishWhenSent = false;
    std::deque<Unanswered> m_unanswered;
    QByteArray m_partialReply;
    TcpSampler *m_sampler = nullptr;
};
