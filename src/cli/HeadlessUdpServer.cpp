#include "cli/HeadlessUdpServer.h"

#include "cli/HeadlessServer.h"
#include "core/BytePreview.h"
#include "core/SocketEventText.h"
#include "net/ConversationRecording.h"

#include <cstdio>

HeadlessUdpServer::HeadlessUdpServer(const ServerOptions &options, bool quiet,
                                     LogWriter &output, QObject *parent)
    : QObject(parent)
    , m_output(output)
    , m_options(options)
    , m_quiet(quiet)
{
    connect(&m_server, &UdpCapitalizeServer::peerSeen, this,
            [this](const UdpCapitalizeServer::Peer &peer) {
                log(tr("#%1 first datagram from %2").arg(peer.id).arg(m_server.peerText(peer)));
            });
    connect(&m_server, &UdpCapitalizeServer::replyNotSent, this,
            [this](qint64 peerId, const SocketEvent &call) {
                log(QStringLiteral("#%1 %2")
                        .arg(peerId)
                        .arg(SocketEventText::callAndResult(call)));
            });
    if (m_quiet)
        return;
    connect(&m_server, &UdpCapitalizeServer::datagramReceived, this,
            [this](qint64 peerId, const QByteArray &bytes, qint64 datagramBytes) {
                const Endpoint sender = m_server.peer(peerId).endpoint;
                logDatagram(peerId,
                            SocketEvent::recvFrom(SocketSide::Server, peerId,
                                                  m_options.datagramSize, bytes.size(), sender,
                                                  datagramBytes),
                            bytes);
            });
    connect(&m_server, &UdpCapitalizeServer::replied, this,
            [this](qint64 peerId, const QByteArray &reply) {
                const Endpoint to = m_server.peer(peerId).endpoint;
                logDatagram(peerId,
                            SocketEvent::sendTo(SocketSide::Server, peerId, reply.size(), to),
                            reply);
            });
}

void HeadlessUdpServer::record(ConversationRecording *recording)
{
    recording->watch(&m_server);
}

bool HeadlessUdpServer::start()
{
    if (!m_server.start(m_options)) {
        std::fprintf(stderr, "capsock: %s\n", m_server.errorString().toLocal8Bit().constData());
        return false;
    }
    print(tr("Capsock UDP capitalization server receiving on port %1 (%2).")
              .arg(m_server.port())
              .arg(HeadlessServer::whereListening(m_server.boundAddresses(), m_server.port())));
    print(tr("UDP has no connections: each datagram is answered on its own, to the address it "
             "came from."));
    for (const QString &line : HeadlessServer::whoCanReach(m_options.bindAddresses,
                                                           m_server.port())) {
        print(line);
    }
    return true;
}

void HeadlessUdpServer::stop()
{
    m_server.stop();
    log(tr("stopped: heard from %n peer(s)", nullptr, int(m_server.peers().size())));
    emit finished(0);
}

void HeadlessUdpServer::logDatagram(qint64 peerId, const SocketEvent &call,
                                    const QByteArray &bytes)
{
    log(QStringLiteral("#%1 %2: %3")
            .arg(peerId)
            .arg(SocketEventText::callAndResult(call), BytePreview::escaped(bytes)));
}

void HeadlessUdpServer::log(const QString &line)
{
    print(HeadlessServer::timestamped(line));
}

void HeadlessUdpServer::print(const QString &line)
{
    m_output.writeLine(line.toUtf8());
}
