#pragma once

#include "core/SocketEvent.h"
#include "core/TcpSegmentNumbering.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <deque>
#include <unordered_map>
#include <unordered_set>

class CapitalizeClient;
class ConversationRecording;
class LiveCapture;

// The packets of a window's TCP connections, captured while that is allowed (LiveCapture), told
// as SocketEvent::Segment events of the connection the engine reports its calls on, and kept
// for saving (ConversationRecording). A server captures its listening port while it listens
// and tells each client's segments as that client's, matched by the address and port accept()
// returned; a client captures its server's address and port from before connect(), so its SYN
// comes first.
//
// The front end hands it each call before it shows it (beforeCall): that starts and stops the
// capture, and what was captured up to then comes out first, so a call stands after the
// segments it caused or waited for (connect() after the handshake, accept() after its client's,
// recv() after the data it returns).
//
// A capture lives as long as its connections: a server's until it has stopped listening and
// its last session has closed, a client's until its connection has ended (reset, or both FINs
// and the last one's ACK seen) or the next connection starts. A client the server refused (or
// one waiting too long to be accepted) is told as the listening socket's, connection 0.
class ConnectionCapture : public QObject
{
    Q_OBJECT

public:
    ConnectionCapture(const CapitalizeClient *client, ConversationRecording *recording,
                      QObject *parent = nullptr);
    ~ConnectionCapture() override;

    void beforeCall(const SocketEvent &event);
    // Why no packets are captured (not allowed: why and how to allow it); empty while they are,
    // or before any were asked for.
    QString problem() const { return m_problem; }
    // A capture runs (holding libpcap's handle and its kernel ring).
    bool isCapturing() const { return m_capture != nullptr; }

signals:
    void segmentCaptured(const SocketEvent &segment);
    void problemChanged(const QString &problem);

private:
    struct Client
    {
        qint64 id = 0;
        TcpSegmentNumbering numbering;
    };
    // What a client's segments tell of its connection's end: over once reset, once both FINs
    // and the ACK of the second have been seen, or when it was never established.
    struct Ending
    {
        void see(quint8 flags, bool outgoing);
        bool over() const;

        bool established = false; // its SYN/ACK came
        bool reset = false;
        bool finSent = false;
        bool finReceived = false;
        bool lastFinOutgoing = false;
        bool lastFinAcked = false;
    };

    void start(SocketSide side, quint16 port, const QString &filter);
    void stop();
    void onSegment(const TcpSegment &segment);
    void tellServerSide(const TcpSegment &segment, Client &client);
    void tellAs(qint64 id, const QByteArray &key);
    void clientStateChanged();
    void stopOnceClientEnded();
    void stopOnceSessionsEnded();
    void stopIfSessionsEnded();

    const CapitalizeClient *m_client;
    ConversationRecording *m_recording;
    LiveCapture *m_capture = nullptr;
    SocketSide m_side = SocketSide::Client;
    quint16 m_port = 0; // the server's
    QString m_filter;
    QString m_problem;
    TcpSegmentNumbering m_numbering; // a client's one connection
    // A server's clients by address and port (a refused one as connection 0), the oldest
    // forgotten past a bound; and the segments of a client not accepted yet (its handshake),
    // until accept() returns or refuses it.
    std::unordered_map<QByteArray, Client> m_clients;
    std::deque<QByteArray> m_clientsInOrder;
    std::deque<TcpSegment> m_waiting;
    // A server's sessions accepted and not closed yet, and whether it still listens.
    std::unordered_set<qint64> m_openSessions;
    bool m_listening = false;
    // A client's connection: how it ended, and whether the client has given it up.
    Ending m_ending;
    bool m_clientDone = false;
};
