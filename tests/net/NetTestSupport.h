#pragma once

#include "EventLoopWait.h"
#include "QtPrinters.h"
#include "SocketEventPrinters.h"
#include "net/CapitalizeServer.h"
#include "net/TcpStream.h"

#include <QTcpServer>
#include <QTest>

#include <memory>
#include <vector>

// A raw TCP peer for tests: connects, sends exactly what it is told, collects every byte that
// comes back, and notices the end of the stream. Reading can be switched off to act as a client
// that never reads its replies.
class RawPeer
{
public:
    explicit RawPeer(quint16 port, const QHostAddress &address = QHostAddress::LocalHost)
        : m_stream(std::make_unique<TcpStream>(address, port))
    {
        QObject::connect(m_stream.get(), &TcpStream::readyToReceive, m_stream.get(),
                         [this] { drain(); });
        QObject::connect(m_stream.get(), &TcpStream::connected, m_stream.get(),
                         [this] { m_connected = true; });
    }

    TcpStream &stream() { return *m_stream; }
    bool waitConnected() { return waitUntil([this] { return m_connected; }, 5000); }
    void send(const QByteArray &bytes) { m_stream->send(bytes); }
    void finishSending() { m_stream->finishSending(); }
    void setReading(bool reading)
    {
        m_stream->setReceiving(reading);
        if (reading)
            drain();
    }

    const QByteArray &received() const { return m_received; }
    bool ended() const { return m_stream->peerFinished(); }
    bool failed() const { return m_stream->error() != TcpStream::Error::None; }
    bool waitEnded(int timeoutMs = 10000)
    {
        return waitUntil([this] { return ended() || failed(); }, timeoutMs) && ended();
    }
    bool waitReceived(qsizetype size, int timeoutMs = 10000)
    {
        return waitUntil([this, size] { return m_received.size() >= size || failed(); },
                               timeoutMs)
            && m_received.size() >= size;
    }

private:
    void drain()
    {
        for (QByteArray chunk = m_stream->receive(256 * 1024); !chunk.isEmpty();
             chunk = m_stream->receive(256 * 1024)) {
            m_received += chunk;
        }
    }

    std::unique_ptr<TcpStream> m_stream;
    QByteArray m_received;
    bool m_connected = false;
};

// Server options for tests: this computer only, a port the system picks.
inline ServerOptions loopbackOptions()
{
    ServerOptions options;
    options.bindAddresses = {QHostAddress(QHostAddress::LocalHost)};
    options.port = 0;
    return options;
}

// A port on which nothing listens (at the moment of asking).
inline quint16 unusedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// Every SocketEvent an engine reports, in order.
class EventLog
{
public:
    template<typename Engine>
    explicit EventLog(Engine &engine)
        : m_connection(QObject::connect(&engine, &Engine::socketEvent, &engine,
                                        [this](const SocketEvent &event) {
                                            m_events.push_back(event);
                                        }))
    {}
    ~EventLog() { QObject::disconnect(m_connection); }
    EventLog(const EventLog &) = delete;
    EventLog &operator=(const EventLog &) = delete;

    const std::vector<SocketEvent> &events() const { return m_events; }
    std::vector<SocketEvent::Kind> kinds() const
    {
        std::vector<SocketEvent::Kind> kinds;
        for (const SocketEvent &event : m_events)
            kinds.push_back(event.kind);
        return kinds;
    }
    std::vector<SocketEvent> ofKind(SocketEvent::Kind kind) const
    {
        std::vector<SocketEvent> found;
        for (const SocketEvent &event : m_events) {
            if (event.kind == kind)
                found.push_back(event);
        }
        return found;
    }

private:
    QMetaObject::Connection m_connection;
    std::vector<SocketEvent> m_events;
};
