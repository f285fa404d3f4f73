#pragma once

#include "cli/LogWriter.h"
#include "net/UdpCapitalizeServer.h"

#include <QObject>

class ConversationRecording;

// `capsock --headless --server --udp`: the textbook's UDP server with no window. It logs, in
// HeadlessServer's style, each peer when first heard from and each recvfrom() and sendto() with
// the bytes they carried (peers only with `quiet`). UDP has no connections, so there is nothing
// to wait for when stopping: finished() follows stop() at once.
class HeadlessUdpServer : public QObject
{
    Q_OBJECT

public:
    // `output` outlives the server.
    HeadlessUdpServer(const ServerOptions &options, bool quiet, LogWriter &output,
                      QObject *parent = nullptr);

    // Records each datagram into `recording` (not owned); before start().
    void record(ConversationRecording *recording);
    // Binds; false (with the reason printed to standard error) when it could not.
    bool start();
    void stop();

signals:
    void finished(int exitCode);

private:
    void logDatagram(qint64 peerId, const SocketEvent &call, const QByteArray &bytes);
    void log(const QString &line);
    void print(const QString &line);

    LogWriter &m_output;
    UdpCapitalizeServer m_server;
    ServerOptions m_options;
    bool m_quiet;
};
