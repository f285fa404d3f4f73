#include "net/ConversationRecording.h"

#include "core/TcpSynthesizer.h"
#include "net/CapitalizeClient.h"
#include "net/CapitalizeServer.h"
#include "net/CapitalizeSession.h"

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
                            m_recorder.recordBytes(SocketSide::Server, id, false, chunk,
                                                   SocketEvent::now());
                        });
                connect(session, &CapitalizeSession::replied, this,
                        [this, id](const QByteArray &reply) {
                            m_recorder.recordBytes(SocketSide::Server, id, true, reply,
                                                   SocketEvent::now());
                        });
            });
}

void ConversationRecording::watch(CapitalizeClient *client)
{
    connect(client, &CapitalizeClient::socketEvent, this,
            [this](const SocketEvent &event) { m_recorder.record(event); });
    connect(client, &CapitalizeClient::messageSent, this,
            [this](qint64, const QByteArray &bytes) {
                m_recorder.recordBytes(SocketSide::Client, 0, true, bytes, SocketEvent::now());
            });
    connect(client, &CapitalizeClient::dataReceived, this, [this](const QByteArray &chunk) {
        m_recorder.recordBytes(SocketSide::Client, 0, false, chunk, SocketEvent::now());
    });
}

QString ConversationRecording::save(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("cannot save to %1: %2").arg(path, file.errorString());
    const QString failure = TcpSynthesizer::writePcapng(m_recorder.conversations(), &file);
    if (!failure.isEmpty() || !file.flush())
        return tr("cannot save to %1: %2").arg(path, failure.isEmpty() ? file.errorString()
                                                                       : failure);
    if (const qint64 dropped = m_recorder.droppedBytes(); dropped > 0) {
        return tr("%1 is missing the last %n byte(s): more than a recording keeps", nullptr,
                  int(std::min<qint64>(dropped, INT_MAX)))
            .arg(path);
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
