#include "cli/HeadlessUdpClient.h"

#include "cli/StdinReader.h"
#include "core/HexDump.h"
#include "core/PluralCount.h"
#include "core/SocketEventText.h"
#include "core/TextEncoding.h"
#include "net/ConversationRecording.h"
#include "net/SocketErrorText.h"

#include <cstdio>

namespace {
void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}
} // namespace

HeadlessUdpClient::HeadlessUdpClient(const ClientOptions &options, bool hex, bool quiet,
                                     QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_hex(hex)
    , m_quiet(quiet)
    , m_reader(new StdinReader(this))
{
    m_client.setReplyTimeout(options.connectTimeoutMs);
    m_client.setReadSize(ReadSize);
    m_client.setConnectSocket(options.connectDatagramSocket);
    connect(&m_client, &UdpCapitalizeClient::ready, this, [this] {
        const QString server = SocketErrorText::endpoint(m_client.serverAddress(),
                                                         m_client.serverPort());
        if (m_options.connectDatagramSocket) {
            status(tr("sending datagrams to %1 from %2 (UDP: no connection; the socket is "
                      "connect()ed to the server)")
                       .arg(server, SocketErrorText::endpoint(m_client.localAddress(),
                                                              m_client.localPort())));
        } else {
            status(tr("sending datagrams to %1 (UDP: no connection; the system gives this "
                      "socket a port at its first sendto())")
                       .arg(server));
        }
        finishIfDone(); // input may have been empty
    });
    connect(&m_client, &UdpCapitalizeClient::messageSent, this,
            [this](qint64, const QByteArray &bytes) {
                if (!m_hex)
                    return;
                const QString heading = tr("> sent %1 byte(s)", nullptr,
                                           pluralCount(bytes.size())).arg(bytes.size());
                writeOut((heading + QLatin1Char('\n') + HexDump::format(bytes, m_sentOffset))
                             .toUtf8());
                m_sentOffset += bytes.size();
            });
    connect(&m_client, &UdpCapitalizeClient::replyReceived, this,
            [this](qint64, const QByteArray &reply) {
                onReply(reply);
                finishIfDone();
            });
    connect(&m_client, &UdpCapitalizeClient::messageUnanswered, this,
            [this](qint64 id, const QByteArray &, const SocketEvent &why) {
                onNoVerdict(id, why);
            });
    connect(&m_client, &UdpCapitalizeClient::messageNotSent, this,
            [this](qint64 id, const QByteArray &, const SocketEvent &why) {
                onNoVerdict(id, why);
            });
    connect(&m_client, &UdpCapitalizeClient::failed, this, [this](const QString &message) {
        std::fprintf(stderr, "capsock: %s\n", message.toLocal8Bit().constData());
        m_done = true;
        emit finished(1);
    });
    connect(m_reader, &StdinReader::lineRead, this, [this](const QByteArray &line) {
        if (!m_done)
            m_client.send(line + TextEncoding::lineEndingBytes(m_options.lineEnding));
    });
    connect(m_reader, &StdinReader::inputEnded, this, [this] {
        m_inputEnded = true;
        finishIfDone();
    });
}

HeadlessUdpClient::~HeadlessUdpClient()
{
    // Once input has ended the reader's thread is returning: wait for it (the replies can come
    // first). Before, it may be blocked in a read that never returns (an open terminal): let
    // the process end it rather than wait.
    if (m_inputEnded)
        m_reader->wait();
    else if (m_reader->isRunning())
        m_reader->setParent(nullptr);
}

void HeadlessUdpClient::record(ConversationRecording *recording)
{
    recording->watch(&m_client);
}

void HeadlessUdpClient::start()
{
    m_client.start(m_options.host, m_options.port);
    m_reader->start();
}

void HeadlessUdpClient::onReply(const QByteArray &reply)
{
    if (!m_hex) {
        writeOut(reply);
        return;
    }
    const QString heading = tr("< received %1 byte(s)", nullptr, pluralCount(reply.size()))
                                .arg(reply.size());
    writeOut((heading + QLatin1Char('\n') + HexDump::format(reply, m_receivedOffset)).toUtf8());
    m_receivedOffset += reply.size();
}

// Said whatever `quiet` says: a message that got no answer is never passed over in silence.
void HeadlessUdpClient::onNoVerdict(qint64 messageId, const SocketEvent &why)
{
    m_anyUnanswered = true;
    std::fprintf(stderr, "capsock: message %s: %s. %s\n",
                 QByteArray::number(messageId).constData(),
                 SocketEventText::callAndResult(why).toLocal8Bit().constData(),
                 SocketEventText::explanation(why).toLocal8Bit().constData());
    finishIfDone();
}

void HeadlessUdpClient::finishIfDone()
{
    if (m_done || !m_inputEnded || m_client.state() != UdpCapitalizeClient::State::Ready
        || m_client.pendingMessages() > 0) {
        return;
    }
    m_done = true;
    m_client.close();
    emit finished(m_anyUnanswered ? 1 : 0);
}

void HeadlessUdpClient::status(const QString &line)
{
    if (!m_quiet)
        std::fprintf(stderr, "capsock: %s\n", line.toLocal8Bit().constData());
}
