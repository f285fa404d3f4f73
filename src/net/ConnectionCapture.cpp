#include "net/ConnectionCapture.h"

#include "core/IpAddress.h"
#include "net/CapitalizeClient.h"
#include "net/ConversationRecording.h"
#include "net/LiveCapture.h"

#include <utility>

namespace {
// A server under load for days keeps this many clients' numbers; the segments of clients it
// has not accepted yet wait in a queue of this many (more: the oldest are not shown).
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
{}

ConnectionCapture::~ConnectionCapture() = default;

void ConnectionCapture::beforeCall(const SocketEvent &event)
{
    if (event.datagram)
        return;
    if (m_capture)
        m_capture->drain();
    if (event.side == SocketSide::Client) {
        if (event.kind == SocketEvent::Kind::Socket) {
            start(SocketSide::Client, m_client->port(),
                  LiveCapture::clientFilter(m_client->resolvedAddresses(), m_client->port()));
        }
        return;
    }
    switch (event.kind) {
    case SocketEvent::Kind::Bind:
        if (!event.failure.isFailure() && event.chosenPort != 0)
            start(SocketSide::Server, event.chosenPort,
                  LiveCapture::serverFilter(event.chosenPort));
        break;
    case SocketEvent::Kind::Accept:
        accepted(event.connectionId, event.peer);
        break;
    case SocketEvent::Kind::Close:
        if (event.connectionId == 0 && m_side == SocketSide::Server)
            stop(); // the server stopped listening
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
}

void ConnectionCapture::onSegment(const TcpSegment &segment)
{
    const bool toServer = segment.destinationPort == m_port;
    if (m_side == SocketSide::Client) {
        emit segmentCaptured(SocketEvent::segment(SocketSide::Client, 0, segment,
                                                  m_numbering.number(segment), toServer));
        return;
    }
    const auto client = m_clients.find(clientKey(segment, m_port));
    if (client != m_clients.end()) {
        tellServerSide(segment, client->second);
        return;
    }
    if (m_waiting.size() >= MaxWaiting) // a client refused, or never accepted
        m_waiting.pop_front();
    m_waiting.push_back(segment);
}

void ConnectionCapture::tellServerSide(const TcpSegment &segment, Client &client)
{
    const bool toServer = segment.destinationPort == m_port;
    emit segmentCaptured(SocketEvent::segment(SocketSide::Server, client.id, segment,
                                              client.numbering.number(segment), !toServer));
}

// The segments that waited for this client come out now, before its accept() is shown.
void ConnectionCapture::accepted(qint64 id, const Endpoint &peer)
{
    if (!m_capture || id <= 0)
        return;
    const QByteArray key = clientKey(IpAddress::fromText(peer.address), peer.port);
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
