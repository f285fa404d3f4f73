#pragma once

#include "core/SocketEvent.h"
#include "core/Utf8UpperCaser.h"
#include "net/ServerOptions.h"

#include <QElapsedTimer>
#include <QObject>

class TcpSampler;
class TcpStream;
class QTimer;

// One client of the CapitalizeServer: every chunk it sends is answered at once, upper-cased, on
// the same connection (or, in manual mode, by what the user types: send()). When the client
// stops reading, its replies pile up only to ServerOptions::maxUnsentReplyBytes; then the
// session stops reading from it until it drains.
class CapitalizeSession : public QObject
{
    Q_OBJECT

public:
    // How long the connection may make no progress once the server stops: Ctrl-C should stop
    // it at once, yet a client that is reading its last replies gets them (each read it makes
    // restarts the wait).
    static constexpr int StopLingerMs = 1000;

    CapitalizeSession(qint64 id, TcpStream *stream, const ServerOptions &options,
                      QObject *parent = nullptr);
    ~CapitalizeSession() override;

    qint64 id() const { return m_id; }
    QString peer() const; // "127.0.0.1:51234"
    qint64 bytesReceived() const { return m_bytesReceived; }
    qint64 bytesSent() const { return m_bytesQueued - unsentBytes(); }
    qint64 unsentBytes() const;
    bool isReadingPaused() const { return m_readingPaused; }
    // Reads TCP's state and queues after each call (--tcp-info); null, the default: never.
    void setTcpSampler(TcpSampler *sampler);

    // A reply the user typed (ServerOptions::manualReplies), sent as it is. False, and nothing
    // sent, once the connection is ending.
    bool send(const QByteArray &bytes);
    // From the next read on.
    void setManualReplies(bool manual) { m_options.manualReplies = manual; }
    // Stops or resumes calling recv() (ServerOptions::pauseReading).
    void setPauseReading(bool paused);
    // Sends what is still owed, then ends the connection. While the client reads it gets every
    // reply; after a while without progress (a second when the server stops) the connection
    // ends anyway, and its Close event counts the replies not delivered.
    void close(SocketEvent::CloseReason reason);

    // How long since the client last sent anything (or connected).
    qint64 idleMs() const { return m_sinceHeard.elapsed(); }
    // Whether it may be closed to make room for a newcomer: open, and owed nothing.
    bool canMakeRoom() const;
    // Sends `farewell` (why), then ends the connection as for close().
    void makeRoom(const QByteArray &farewell);

signals:
    void received(const QByteArray &chunk);
    void replied(const QByteArray &reply);
    void readingPaused(bool paused);
    // After a reply: `bytes` of the read (the start of a UTF-8 character) wait for the rest
    // of their character and go out with it.
    void heldBack(qint64 bytes);
    // The connection is ending with bytes still held back: they go back as they came, in the
    // reply that follows.
    void heldBackSentAsTheyCame(qint64 bytes);
    void socketEvent(const SocketEvent &event);
    // The server ends its sending side before the client has (its FIN goes now), as
    // `shutdown` says; closed() follows once the client has closed too, or gave up waiting.
    void closingFirst(const SocketEvent &shutdown);
    // The connection is over, and why: in plain words, and as the close() it ended with. The
    // session is deleted soon after.
    void closed(const QString &reason, const SocketEvent &close);

private:
    void onReadable();
    void onBytesSent();
    void onFailed();
    // Answers a chunk, upper-cased; true when that was the one reply (closeAfterFirstReply).
    bool answer(const QByteArray &chunk);
    void sendReply(const QByteArray &reply);
    void finish(SocketEvent::CloseReason reason);
    // Sends back whatever the caser still holds, unchanged: the stream is ending.
    void sendHeldBack();
    // Drops what the client sent that will never be answered; counted in m_ignoredBytes.
    void dropInput();
    // No progress for the linger time: ends with what was not delivered counted.
    int lingerMs() const;
    void closeWhenDone();
    void end(SocketEvent::CloseReason reason, const SocketFailure &failure = {});
    // Reporting a call costs more than the recv() it describes: only when someone listens.
    bool callsWatched() const;
    // Whether to wait for what the client sends: not while its replies pile up, nor while
    // the user paused reading, unless ending, when whatever comes is dropped.
    void updateReceiving();
    void probe(bool afterSend = false);

    const qint64 m_id;
    TcpStream *m_stream;
    TcpSampler *m_sampler = nullptr;
    ServerOptions m_options;
    Utf8UpperCaser m_caser;
    QElapsedTimer m_sinceHeard;
    QTimer *m_lingerTimer = nullptr;
    qint64 m_bytesReceived = 0;
    qint64 m_bytesQueued = 0;
    qint64 m_ignoredBytes = 0;
    bool m_readingPaused = false; // backpressure: the client does not read its replies
    bool m_finishing = false; // no more replies: waiting for the peer to finish too
    bool m_ended = false;
    bool m_closedFirst = false; // our FIN went before the client's
    bool m_serverStopping = false; // waits only briefly for a client that makes no progress
    SocketEvent::CloseReason m_finishReason = SocketEvent::CloseReason::PeerFinished;
};
