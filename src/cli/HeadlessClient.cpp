#include "cli/HeadlessClient.h"

#include "cli/StdinReader.h"
#include "core/HexDump.h"
#include "core/PluralCount.h"
#include "core/TextEncoding.h"
#include "core/SocketEventText.h"
#include "net/ConversationRecording.h"
#include "net/LiveCapture.h"
#include "net/SocketErrorText.h"
#include "net/TcpProbe.h"

#include <cstdio>

namespace {
void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}
} // namespace

HeadlessClient::HeadlessClient(const ClientOptions &options, bool hex, bool quiet,
                               bool tcpInfo, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_hex(hex)
    , m_quiet(quiet)
    , m_reader(new StdinReader(this))
{
    m_client.setConnectTimeout(options.connectTimeoutMs);
    m_client.setReadSize(64 * 1024); // as nc: no read is shown alone, so fewer, larger ones
    if (tcpInfo) {
        // The calls themselves are told as they happen; here only what the probe adds.
        m_client.setTcpProbe(TcpProbe::forThisSystem());
        connect(&m_client, &CapitalizeClient::socketEvent, this, [this](const SocketEvent &event) {
            if (!event.isTcpReading())
                return;
            const TcpInfoLines::Lines lines = m_tcpInfoLines.linesFor(event);
            status(lines.reading);
            if (!lines.why.isEmpty())
                status(QStringLiteral("  ") + lines.why);
        });
    }
    connect(&m_client, &CapitalizeClient::resolved, this, [this](const QList<QHostAddress> &all) {
        QStringList names;
        for (const QHostAddress &address : all)
            names.append(address.toString());
        status(tr("%1 is %2").arg(m_options.host, names.join(QStringLiteral(", "))));
        if (m_showPackets && !m_capture) // before connect(): its SYN is the first segment
            capturePackets(all);
    });
    connect(&m_client, &CapitalizeClient::connected, this, [this] {
        status(tr("connected to %1 from %2 in %3 ms")
                   .arg(SocketErrorText::endpoint(m_client.peerAddress(), m_client.peerPort()),
                        SocketErrorText::endpoint(m_client.localAddress(),
                                                  m_client.localPort()),
                        QString::number(double(m_client.connectMicros()) / 1000.0, 'f', 1)));
        finishIfDone(); // input may have been empty
    });
    connect(&m_client, &CapitalizeClient::messageSent, this,
            [this](qint64 id, const QByteArray &bytes) {
                m_lastWrittenId = id; // in order: the client keeps its outbox in line
                m_linesHeld.erase(id);
                if (!m_hex)
                    return;
                const QString heading = tr("> sent %1 byte(s)", nullptr,
                                           pluralCount(bytes.size())).arg(bytes.size());
                writeOut((heading + QLatin1Char('\n') + HexDump::format(bytes, m_sentOffset))
                             .toUtf8());
                m_sentOffset += bytes.size();
            });
    connect(&m_client, &CapitalizeClient::dataReceived, this, [this](const QByteArray &chunk) {
        if (!m_hex) {
            writeOut(chunk);
            return;
        }
        const QString heading = tr("< received %1 byte(s)", nullptr, pluralCount(chunk.size()))
                                    .arg(chunk.size());
        writeOut((heading + QLatin1Char('\n') + HexDump::format(chunk, m_receivedOffset))
                     .toUtf8());
        m_receivedOffset += chunk.size();
    });
    connect(&m_client, &CapitalizeClient::replyReceived, this, &HeadlessClient::finishIfDone);
    connect(&m_client, &CapitalizeClient::serverClosed, this, &HeadlessClient::onServerClosed);
    connect(&m_client, &CapitalizeClient::failed, this, [this](const QString &message) {
        std::fprintf(stderr, "capsock: %s\n", message.toLocal8Bit().constData());
        m_done = true;
        emit finished(1);
    });
    connect(m_reader, &StdinReader::lineRead, this, &HeadlessClient::onLine);
    connect(m_reader, &StdinReader::inputEnded, this, &HeadlessClient::onInputEnded);
}

HeadlessClient::~HeadlessClient()
{
    // The reader may be blocked in a read that never returns (an open terminal): let the
    // process end it rather than wait.
    if (m_reader->isRunning())
        m_reader->setParent(nullptr);
}

void HeadlessClient::record(ConversationRecording *recording)
{
    m_recording = recording;
    recording->watch(&m_client);
}

void HeadlessClient::capturePackets(const QList<QHostAddress> &addresses)
{
    m_capture = new LiveCapture(this);
    connect(m_capture, &LiveCapture::segmentCaptured, this, &HeadlessClient::showSegment);
    if (m_recording)
        m_recording->watch(m_capture);
    // Said even when quiet: the packets were asked for.
    if (!m_capture->start(LiveCapture::clientFilter(addresses, m_options.port)))
        std::fprintf(stderr, "capsock: %s\n", m_capture->problem().toLocal8Bit().constData());
}

void HeadlessClient::drainPackets()
{
    if (m_capture)
        m_capture->drain();
}

void HeadlessClient::showSegment(const TcpSegment &segment)
{
    const bool toServer = segment.destinationPort == m_options.port;
    const SocketEvent event = SocketEvent::segment(SocketSide::Client, m_client.connectionId(),
                                                   segment, m_numbering.number(segment),
                                                   toServer);
    std::fprintf(stderr, "capsock: %s\n",
                 tr("segment %1").arg(SocketEventText::segmentLine(event)).toLocal8Bit()
                     .constData());
}

void HeadlessClient::start()
{
    // An address needs no lookup, so no resolved() comes: capture from here.
    if (QHostAddress literal; m_showPackets && literal.setAddress(m_options.host))
        capturePackets({literal});
    m_client.connectToServer(m_options.host, m_options.port);
    m_reader->start();
}

void HeadlessClient::onLine(const QByteArray &line)
{
    if (m_serverClosed) {
        ++m_linesNotSent;
        m_bytesNotSent += line.size();
        return;
    }
    if (m_done)
        return;
    const qint64 id = m_client.send(line + TextEncoding::lineEndingBytes(m_options.lineEnding));
    if (id > m_lastWrittenId) // not written at once: the client holds it until connected
        m_linesHeld[id] = line.size();
}

void HeadlessClient::onInputEnded()
{
    m_inputEnded = true;
    if (m_serverClosed) {
        finishTellingUnsent();
        return;
    }
    if (m_done)
        return;
    m_client.finishSending();
    finishIfDone();
}

void HeadlessClient::finishIfDone()
{
    // With line endings every reply is known to be complete; without, the server's close tells.
    if (m_done || !m_inputEnded || m_options.lineEnding == LineEnding::None
        || m_client.state() != CapitalizeClient::State::Connected) {
        return;
    }
    if (m_client.unansweredMessages() == 0) {
        m_done = true;
        emit finished(0);
    }
}

void HeadlessClient::onServerClosed()
{
    const int unanswered = m_client.unansweredMessages() - int(m_linesHeld.size());
    if (unanswered > 0) {
        status(tr("the server closed the connection before answering %n message(s)", nullptr,
                  unanswered));
    } else {
        status(tr("the server closed the connection"));
    }
    for (const auto &[id, size] : std::exchange(m_linesHeld, {})) {
        ++m_linesNotSent;
        m_bytesNotSent += size;
    }
    m_serverClosed = true;
    m_unansweredAtClose = unanswered > 0;
    m_done = true; // no reconnecting for the lines still to come
    if (m_inputEnded || !StdinReader::hasInputWaiting())
        finishTellingUnsent();
}

void HeadlessClient::finishTellingUnsent()
{
    m_serverClosed = false;
    int exitCode = m_unansweredAtClose ? 1 : 0;
    if (m_linesNotSent > 0) {
        // Said even when quiet: input was lost, and the exit code alone would not say how much.
        const QString bytes = tr("%1 byte(s)", nullptr, pluralCount(m_bytesNotSent))
                                  .arg(m_bytesNotSent);
        const QString line = tr("%n line(s) (%1) not sent: the server closed the "
                                "connection first", nullptr, m_linesNotSent)
                                 .arg(bytes);
        std::fprintf(stderr, "capsock: %s\n", line.toLocal8Bit().constData());
        exitCode = 1;
    }
    emit finished(exitCode);
}

// After the segments captured until now, so that each stands before what it caused.
void HeadlessClient::status(const QString &line)
{
    drainPackets();
    if (!m_quiet)
        std::fprintf(stderr, "capsock: %s\n", line.toLocal8Bit().constData());
}
