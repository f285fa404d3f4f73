#include "cli/HeadlessServer.h"

#include "core/BytePreview.h"
#include "core/IpAddress.h"
#include "core/PluralCount.h"
#include "core/SocketEventText.h"
#include "net/BindAddress.h"
#include "net/CapitalizeSession.h"
#include "net/ConversationRecording.h"
#include "net/LiveCapture.h"
#include "net/ReachableAddresses.h"
#include "net/SocketErrorText.h"
#include "net/TcpProbe.h"

#include <QDateTime>
#include <QTime>
#include <QTimer>

#include <utility>

namespace {
// How long the connections get to receive what is owed to them once the server stops.
constexpr int StopGraceMs = 6000;

} // namespace

HeadlessServer::HeadlessServer(const ServerOptions &options, bool quiet, LogWriter &output,
                               bool tcpInfo, QObject *parent)
    : QObject(parent)
    , m_output(output)
    , m_options(options)
    , m_quiet(quiet)
{
    if (tcpInfo) {
        m_server.setTcpProbe(TcpProbe::forThisSystem());
        connect(&m_server, &CapitalizeServer::socketEvent, this, &HeadlessServer::logTcp);
    }
    connect(&m_server, &CapitalizeServer::clientConnected, this,
            &HeadlessServer::onClientConnected);
    connect(&m_server, &CapitalizeServer::clientRefused, this,
            [this](const QString &peer, const QString &reason) {
                log(tr("refused %1: %2").arg(peer, reason), LogWriter::Essential);
            });
    connect(&m_server, &CapitalizeServer::acceptingPaused, this,
            [this](bool, const QString &reason) { log(reason, LogWriter::Essential); });
    connect(&m_server, &CapitalizeServer::stopped, this, [this] {
        log(tr("stopped"), LogWriter::Essential);
        emit finished(0);
    });
}

void HeadlessServer::record(ConversationRecording *recording)
{
    m_recording = recording;
    recording->watch(&m_server);
}

bool HeadlessServer::start()
{
    if (!m_server.start(m_options)) {
        std::fprintf(stderr, "capsock: %s\n", m_server.errorString().toLocal8Bit().constData());
        return false;
    }
    if (m_showPackets) // before the server says it listens: a client may connect at once
        capturePackets();
    print(tr("Capsock capitalization server listening on port %1 (%2).")
              .arg(m_server.port())
              .arg(whereListening(m_server.listeningAddresses(), m_server.port())));
    for (const QString &line : whoCanReach(m_options.bindAddresses, m_server.port()))
        print(line);
    if (const QString limit = m_server.systemLimitText(); !limit.isEmpty())
        print(tr("It serves %1").arg(limit));
    for (const QString &line : std::exchange(m_linesWhileStarting, {}))
        print(line);
    m_started = true;
    return true;
}

void HeadlessServer::capturePackets()
{
    m_capture = new LiveCapture(this);
    connect(m_capture, &LiveCapture::segmentCaptured, this, &HeadlessServer::showSegment);
    if (m_recording)
        m_recording->watch(m_capture);
    if (!m_capture->start(LiveCapture::serverFilter(m_server.port())))
        std::fprintf(stderr, "capsock: %s\n", m_capture->problem().toLocal8Bit().constData());
}

void HeadlessServer::drainPackets()
{
    if (m_capture)
        m_capture->drain();
}

void HeadlessServer::showSegment(const TcpSegment &segment)
{
    const bool toServer = segment.destinationPort == m_server.port();
    const Endpoint client = toServer
        ? Endpoint{IpAddress::toText(segment.sourceIp), segment.sourcePort}
        : Endpoint{IpAddress::toText(segment.destinationIp), segment.destinationPort};
    const SocketEvent event = SocketEvent::segment(SocketSide::Server, 0, segment,
                                                   m_numbering.number(segment), !toServer);
    // At the time it was captured: the capture is read a little later (see log()).
    const QString time = QDateTime::fromMSecsSinceEpoch(segment.timeUs / 1000)
                             .toString(QStringLiteral("HH:mm:ss.zzz "));
    print(time + tr("segment %1 %2").arg(client.text(), SocketEventText::segmentLine(event)));
}

QString HeadlessServer::whereListening(const QList<QHostAddress> &addresses, quint16 port)
{
    QStringList where;
    for (const QHostAddress &address : addresses) {
        if (address == QHostAddress::Any)
            where.append(tr("all interfaces, IPv4 and IPv6"));
        else if (address == QHostAddress::AnyIPv4)
            where.append(tr("every IPv4 interface. IPv4 only: IPv6 clients cannot connect; use "
                            "--bind all for both"));
        else
            where.append(SocketErrorText::endpoint(address, port));
    }
    return where.join(QStringLiteral(", "));
}

QStringList HeadlessServer::whoCanReach(const QList<QHostAddress> &bindAddresses, quint16 port)
{
    switch (BindAddress::scope(bindAddresses)) {
    case BindAddress::Scope::AllInterfaces:
        break;
    case BindAddress::Scope::ThisComputer:
        return {tr("Only programs on this computer can connect.")};
    case BindAddress::Scope::OneAddress:
        return {};
    }
    QStringList here;
    QStringList others;
    for (const ReachableAddress &address : ReachableAddress::all()) {
        (address.kind == ReachableAddress::Kind::Loopback ? here : others)
            .append(address.describe(port));
    }
    QStringList lines;
    if (!here.isEmpty())
        lines.append(tr("This computer: %1").arg(here.join(QStringLiteral(", "))));
    if (!others.isEmpty())
        lines.append(tr("Other machines: %1").arg(others.join(QStringLiteral(", "))));
    return lines;
}

QString HeadlessServer::timestamped(const QString &line)
{
    return QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz ")) + line;
}

void HeadlessServer::onClientConnected(CapitalizeSession *session)
{
    const QString who = QStringLiteral("#%1").arg(session->id());
    log(tr("%1 connected from %2").arg(who, session->peer()), LogWriter::Essential);
    connect(session, &CapitalizeSession::closed, this, [this, who, session](const QString &why) {
        const qint64 bytesIn = session->bytesReceived();
        log(tr("%1 closed: %2; %3 byte(s) in, %4 out", nullptr, pluralCount(bytesIn))
                .arg(who, why, QString::number(bytesIn), QString::number(session->bytesSent())),
            LogWriter::Essential);
    });
    // When the server's FIN goes, not when the client's comes back to end the session.
    connect(session, &CapitalizeSession::closingFirst, this,
            [this, who](const SocketEvent &shutdown) {
                log(QStringLiteral("%1 %2").arg(who, SocketEventText::callAndResult(shutdown)),
                    LogWriter::Essential);
            });
    if (m_quiet)
        return;
    // The calls in the window's words, with the bytes they carried.
    const qint64 id = session->id();
    connect(session, &CapitalizeSession::received, this,
            [this, who, id](const QByteArray &chunk) {
                const SocketEvent read = SocketEvent::recv(SocketSide::Server, id,
                                                           m_options.readSize, chunk.size());
                log(QStringLiteral("%1 %2: %3")
                        .arg(who, SocketEventText::callAndResult(read),
                             BytePreview::escaped(chunk)));
            });
    connect(session, &CapitalizeSession::replied, this, [this, who, id](const QByteArray &reply) {
        const SocketEvent write = SocketEvent::send(SocketSide::Server, id, reply.size());
        log(QStringLiteral("%1 %2: %3")
                .arg(who, SocketEventText::callAndResult(write), BytePreview::escaped(reply)));
    });
    connect(session, &CapitalizeSession::heldBack, this, [this, who](qint64 bytes) {
        log(QStringLiteral("%1 %2").arg(who, SocketEventText::heldBack(bytes)));
    });
    connect(session, &CapitalizeSession::heldBackSentAsTheyCame, this,
            [this, who](qint64 bytes) {
                log(QStringLiteral("%1 %2").arg(
                    who, SocketEventText::heldBackSentAsTheyCame(bytes)));
            });
    connect(session, &CapitalizeSession::readingPaused, this, [this, who](bool paused) {
        log(QStringLiteral("%1 %2").arg(who, SocketEventText::readingPaused(paused)),
            LogWriter::Essential);
    });
}

// The calls are logged from the session's signals, with their bytes; here only what the
// probe adds.
void HeadlessServer::logTcp(const SocketEvent &event)
{
    if (!event.isTcpReading())
        return;
    const QString who = event.connectionId > 0 ? QStringLiteral("#%1").arg(event.connectionId)
                                               : tr("listening socket");
    const TcpInfoLines::Lines lines = m_tcpInfoLines.linesFor(event);
    QStringList said{QStringLiteral("%1 %2").arg(who, lines.reading)};
    if (!lines.why.isEmpty())
        said.append(QStringLiteral("%1   %2").arg(who, lines.why));
    for (const QString &line : said) {
        if (m_started)
            log(line);
        else // read right after listen(): timed now, told after the line that says it listens
            m_linesWhileStarting.append(timestamped(line));
    }
}

void HeadlessServer::stop()
{
    if (m_stopping) { // a second Ctrl-C: no more waiting
        emit finished(130);
        return;
    }
    m_stopping = true;
    const int open = int(m_server.sessions().size());
    if (open == 0) {
        log(tr("stopping: %n connection(s) open", nullptr, open), LogWriter::Essential);
    } else {
        log(tr("stopping: %n connection(s) open; each ends once its client has its replies, "
               "or after %1 s in which it reads none; Ctrl-C again to stop now", nullptr, open)
                .arg(CapitalizeSession::StopLingerMs / 1000),
            LogWriter::Essential);
    }
    QTimer::singleShot(StopGraceMs, this, [this] { emit finished(0); });
    m_server.stop();
}

// The segments captured until now come out first, so each stands before what it caused (a
// FIN before the CLOSE_WAIT it brings).
void HeadlessServer::log(const QString &line, LogWriter::Importance importance)
{
    drainPackets();
    print(timestamped(line), importance);
}

void HeadlessServer::print(const QString &line, LogWriter::Importance importance)
{
    m_output.writeLine(line.toUtf8(), importance);
}
