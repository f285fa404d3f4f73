#pragma once

#include "core/SocketEvent.h"
#include "core/TcpSegmentNumbering.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <deque>
#include <unordered_map>

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

signals:
    void segmentCaptured(const SocketEvent &segment);
    void problemChanged(const QString &problem);

private:
    struct Client
    {
        qint64 id = 0;
        TcpSegmentNumbering numbering;
    };

    void start(SocketSide side, quint16 port, const QString &filter);
    void stop();
    void onSegment(const TcpSegment &segment);
    void tellServerSide(const TcpSegment &segment, Client &client);
    void accepted(qint64 id, const Endpoint &peer);

    const CapitalizeClient *m_client;
    ConversationRecording *m_recording;
    LiveCapture *m_capture = nullptr;
    SocketSide m_side = SocketSide::Client;
    quint16 m_port = 0; // the server's
    QString m_filter;
    QString m_problem;
    TcpSegmentNumbering m_numbering; // a client's one connection
    // A server's clients by address and port, the oldest forgotten past a bound; and the
    // segments of a client not accepted yet (its handshake), until accept() returns it.
    std::unordered_map<QByteArray, Client> m_clients;
    std::deque<QByteArray> m_clientsInOrder;
    std::deque<TcpSegment> m_waiting;
};
