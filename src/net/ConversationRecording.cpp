#include "net/ConversationRecording.h"

#include "core/PcapngWriter.h"
#include "core/PluralCount.h"
#include "core/TcpSynthesizer.h"
#include "net/CapitalizeClient.h"
#include "net/CapitalizeServer.h"
#include "net/CapitalizeSession.h"
#include "net/LiveCapture.h"

#include <QFile>

#include <algorithm>
#include <climits>

ConversationRecording::ConversationRecording(QObject *parent)
    : QObject(parent)
{
}

void ConversationRecording::watch(CapitalizeServer *server)
{
    connect(server, &CapitalizeServer::socketEvent, this,
            [this](const SocketEvent &event) { m_recorder.record(event); });
    connect(server, &CapitalizeServer::clientConnected, this,
            [this](CapitalizeSession *session) {
                const qint64 id = session->id();
                connect(session, &CapitalizeSession::received, this,
                        [this, id](const QByteArray &chunk) {
                            recordBytes(SocketSide::Server, id, false, chunk);
                        });
                connect(session, &CapitalizeSession::replied, this,
                        [this, id](const QByteArray &reply) {
                            recordBytes(SocketSide::Server, id, true, reply);
                        });
            });
}

void ConversationRecording::watch(CapitalizeClient *client)
{
    connect(client, &CapitalizeClient::socketEvent, this,
            [this](const SocketEvent &event) { m_recorder.record(event); });
    connect(client, &CapitalizeClient::messageSent, this,
            [this](qint64, const QByteArray &bytes) {
                recordBytes(SocketSide::Client, 0, true, bytes);
            });
    connect(client, &CapitalizeClient::dataReceived, this, [this](const QByteArray &chunk) {
        recordBytes(SocketSide::Client, 0, false, chunk);
    });
}

void ConversationRecording::recordBytes(SocketSide side, qint64 connectionId, bool sent,
                                        const QByteArray &bytes)
{
    // Once packets are captured, save() writes those: the bytes need no second copy.
    if (m_captured.isEmpty())
        m_recorder.recordBytes(side, connectionId, sent, bytes, SocketEvent::now());
}

void ConversationRecording::watch(LiveCapture *capture)
{
    connect(capture, &LiveCapture::packetCaptured, this,
            [this](qint64 timeUs, const QByteArray &ip) {
                if (!m_captured.append(timeUs, 0, ip))
                    ++m_droppedPackets;
            });
}

void ConversationRecording::setBudget(qint64 maxBytes)
{
    m_recorder.setBudget(maxBytes);
    m_captured.setBudget(maxBytes);
}

void ConversationRecording::clear()
{
    m_recorder.clear();
    m_captured.clear();
    m_droppedPackets = 0;
}

QString ConversationRecording::writeCaptured(QIODevice *device) const
{
    PcapngWriter writer(device);
    if (!writer.writeHeader(QStringLiteral("Capsock (captured)")))
        return writer.errorString();
    bool written = true;
    m_captured.forEach([&writer, &written](const ChunkLog::Chunk &packet) {
        written = writer.writePacket(packet.timeUs, packet.bytes);
        return written;
    });
    return written ? QString() : writer.errorString();
}

QString ConversationRecording::save(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("cannot save to %1: %2").arg(path, file.errorString());
    const QString failure = m_captured.isEmpty()
        ? TcpSynthesizer::writePcapng(m_recorder.conversations(), &file)
        : writeCaptured(&file);
    if (!failure.isEmpty() || !file.flush())
        return tr("cannot save to %1: %2").arg(path, failure.isEmpty() ? file.errorString()
                                                                       : failure);
    const qint64 budgetMiB = m_captured.budget() >> 20;
    if (m_droppedPackets > 0) {
        return tr("%1 is missing the last %2 packet(s): a recording keeps at most %3 MiB",
                  nullptr, pluralCount(m_droppedPackets))
            .arg(path)
            .arg(m_droppedPackets)
            .arg(budgetMiB);
    }
    if (const qint64 dropped = m_recorder.droppedBytes(); dropped > 0 && m_captured.isEmpty()) {
        return tr("%1 is missing the last %n byte(s): a recording keeps at most %2 MiB", nullptr,
                  int(std::min<qint64>(dropped, INT_MAX)))
            .arg(path)
            .arg(budgetMiB);
    }
    return {};
}

QString ConversationRecording::checkWritable(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("cannot save to %1: %2").arg(path, file.errorString());
    return {};
}
