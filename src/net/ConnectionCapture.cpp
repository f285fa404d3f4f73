#include "net/ConnectionCapture.h"

#include "core/IpAddress.h"
#include "net/CapitalizeClient.h"
#include "net/ConversationRecording.h"
#include "net/LiveCapture.h"

#include <utility>

namespace {
// A server under load for days keeps this many clients' numbers; the segments of clients it
// has not accepted yet wait in a queue of this many (more: the oldest client's come out as the
// listening socket's).
constexpr size_t MaxClients = 4096;
constexpr size_t MaxWaiting = 1024;

// A client's address and port as a packet carries them: what accept() gives as text (an IPv4
// client of a dual-stack socket as ::ffff:127.0.0.1) made bytes, so each segment is matched
// without text.
QByteArray clientKey(QByteArray address, quint16 port)
{
    address.append(char(port >> 8)).append(char(port & 0xff));
    return address;
}

QByteArray clientKey(const Endpoint &peer)
{
    return clientKey(IpAddress::fromText(peer.address), peer.port);
}

// The client's end of a segment to or from the server's port.
QByteArray clientKey(const TcpSegment &segment, quint16 serverPort)
{
    if (segment.destinationPort == serverPort)
        return clientKey(segment.sourceIp, segment.sourcePort);
    return clientKey(segment.destinationIp, segment.destinationPort);
}
} // namespace

ConnectionCapture::ConnectionCapture(const CapitalizeClient *client,
                                     ConversationRecording *recording, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_recording(recording)
{
    connect(m_client, &CapitalizeClient::stateChanged, this,
            &ConnectionCapture::clientStateChanged);
}

ConnectionCapture::~ConnectionCapture() = default;

void ConnectionCapture::beforeCall(const SocketEvent &event)
{
    if (event.datagram)
        return;
    if (m_capture)
        m_capture->drain();
    if (event.side == SocketSide::Client) {
        if (event.kind == SocketEvent::Kind::Socket) {
            m_ending = {};
            m_clientDone = false;
            start(SocketSide::Client, m_client->port(),
                  LiveCapture::clientFilter(m_client->resolvedAddresses(), m_client->port()));
        }
        return;
    }
    if (event.kind == SocketEvent::Kind::Bind && !event.failure.isFailure()
        && event.chosenPort != 0)
        start(SocketSide::Server, event.chosenPort, LiveCapture::serverFilter(event.chosenPort));
    if (!m_capture || m_side != SocketSide::Server)
        return;
    switch (event.kind) {
    case SocketEvent::Kind::Accept:
        if (event.connectionId > 0) {
            m_openSessions.insert(event.connectionId);
            tellAs(event.connectionId, clientKey(event.peer));
        }
        break;
    case SocketEvent::Kind::Refuse:
        tellAs(0, clientKey(event.peer)); // its handshake, and its end after this
        break;
    case SocketEvent::Kind::Close:
        if (event.connectionId == 0)
            m_listening = false;
        else
            m_openSessions.erase(event.connectionId);
        stopOnceSessionsEnded();
        break;
    default:
        break;
    }
}

// A server binds each of its addresses to one port; a client tries each of the server's
// addresses: the capture already running takes them all.
void ConnectionCapture::start(SocketSide side, quint16 port, const QString &filter)
{
    if (m_capture && m_side == side && m_filter == filter)
        return;
    stop();
    m_listening = side == SocketSide::Server;
    m_side = side;
    m_port = port;
    m_filter = filter;
    m_capture = new LiveCapture(this);
    connect(m_capture, &LiveCapture::segmentCaptured, this, &ConnectionCapture::onSegment);
    m_recording->watch(m_capture);
    const QString problem = m_capture->start(filter) ? QString() : m_capture->problem();
    if (!problem.isEmpty())
        stop();
    if (problem != m_problem) {
        m_problem = problem;
        emit problemChanged(m_problem);
    }
}

void ConnectionCapture::stop()
{
    if (m_capture) {
        m_capture->disconnect(); // nothing more from it, not even to the recording
        m_capture->deleteLater();
        m_capture = nullptr;
    }
    m_filter.clear();
    m_numbering = {};
    m_clients.clear();
    m_clientsInOrder.clear();
    m_waiting.clear();
    m_openSessions.clear();
    m_listening = false;
    m_ending = {};
    m_clientDone = false;
}

// The sessions still open when the server stopped listening close after it (Stop's grace):
// their FINs are captured until the last has closed. Its close() is told before the socket is
// closed (an abort's RST comes after it), so the stop waits for the event loop.
void ConnectionCapture::stopOnceSessionsEnded()
{
    if (!m_listening && m_openSessions.empty())
        QMetaObject::invokeMethod(this, &ConnectionCapture::stopIfSessionsEnded,
                                  Qt::QueuedConnection);
}

void ConnectionCapture::stopIfSessionsEnded()
{
    // Listening again meanwhile (Start after Stop) keeps the capture.
    if (!m_capture || m_side != SocketSide::Server || m_listening || !m_openSessions.empty())
        return;
    m_capture->drain();
    stop();
}

// The client has given its connection up (closed it, seen it closed, or failed): what is left
// to capture is the rest of its end.
void ConnectionCapture::clientStateChanged()
{
    using State = CapitalizeClient::State;
    const State state = m_client->state();
    if (!m_capture || m_side != SocketSide::Client
        || (state != State::Disconnected && state != State::ClosedByServer
            && state != State::Failed))
        return;
    m_clientDone = true;
    m_capture->drain();
    stopOnceClientEnded();
}

void ConnectionCapture::stopOnceClientEnded()
{
    if (m_capture && m_clientDone && m_ending.over())
        stop();
}

void ConnectionCapture::Ending::see(quint8 flags, bool outgoing)
{
    const bool bothFins = finSent && finReceived;
    if (bothFins && outgoing != lastFinOutgoing && (flags & TcpSegment::Ack))
        lastFinAcked = true;
    reset = reset || (flags & TcpSegment::Rst);
    established = established || ((flags & TcpSegment::Syn) && (flags & TcpSegment::Ack));
    if (flags & TcpSegment::Fin) {
        (outgoing ? finSent : finReceived) = true;
        if (!bothFins)
            lastFinOutgoing = outgoing;
    }
}

bool ConnectionCapture::Ending::over() const
{
    return !established || reset || lastFinAcked;
}

void ConnectionCapture::onSegment(const TcpSegment &segment)
{
    const bool toServer = segment.destinationPort == m_port;
    if (m_side == SocketSide::Client) {
        m_ending.see(segment.flags, toServer);
        emit segmentCaptured(SocketEvent::segment(SocketSide::Client, m_client->connectionId(),
                                                  segment, m_numbering.number(segment),
                                                  toServer));
        stopOnceClientEnded();
        return;
    }
    const auto client = m_clients.find(clientKey(segment, m_port));
    if (client != m_clients.end()) {
        tellServerSide(segment, client->second);
        return;
    }
    m_waiting.push_back(segment);
    if (m_waiting.size() > MaxWaiting) // a client not accepted for long: shown, as refused
        tellAs(0, clientKey(m_waiting.front(), m_port));
}

void ConnectionCapture::tellServerSide(const TcpSegment &segment, Client &client)
{
    const bool toServer = segment.destinationPort == m_port;
    emit segmentCaptured(SocketEvent::segment(SocketSide::Server, client.id, segment,
                                              client.numbering.number(segment), !toServer));
}

// From now on the client at `key` is told as connection `id` (0: the listening socket's, for a
// client refused or waiting too long); the segments that waited for it come out now, before
// the call that said so is shown.
void ConnectionCapture::tellAs(qint64 id, const QByteArray &key)
{
    if (m_clients.erase(key) == 0) {
        m_clientsInOrder.push_back(key);
        if (m_clientsInOrder.size() > MaxClients) {
            m_clients.erase(m_clientsInOrder.front());
            m_clientsInOrder.pop_front();
        }
    }
    Client &client = m_clients[key];
    client.id = id;
    std::deque<TcpSegment> others;
    for (TcpSegment &segment : m_waiting) {
        if (clientKey(segment, m_port) == key)
            tellServerSide(segment, client);
        else
            others.push_back(std::move(segment));
    }
    m_waiting = std::move(others);
}
