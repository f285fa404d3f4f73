#pragma once

#include "cli/LogWriter.h"
#include "cli/TcpInfoLines.h"
#include "core/TcpSegmentNumbering.h"
#include "net/CapitalizeServer.h"

#include <QObject>

#include <cstdio>

class ConversationRecording;
class LiveCapture;

// `capsock --headless --server`: the server with no window, for an SSH session or a cloud VM.
// It logs one line per connection, read, reply and close to `output` (standard output;
// connections only with `quiet`), never waiting for whoever reads it (LogWriter), and stops
// cleanly on Ctrl-C or SIGTERM. HeadlessUdpServer may share the log, serving the same port.
// With `tcpInfo`, TCP's states and the kernel's queues are logged beside the calls.
class HeadlessServer : public QObject
{
    Q_OBJECT

public:
    // `output` outlives the server.
    HeadlessServer(const ServerOptions &options, bool quiet, LogWriter &output,
                   bool tcpInfo = false, QObject *parent = nullptr);

    // Logs each TCP segment to or from its port, captured (from the next start()).
    void showPackets() { m_showPackets = true; }
    // Shows the segments captured but not shown yet (before the program ends).
    void drainPackets();
    // Records what the server does into `recording` (not owned); before start().
    void record(ConversationRecording *recording);
    // Starts listening; false (with the reason printed to standard error) when it could not.
    bool start();
    // Ends every connection after what is owed to it is sent; finished() follows.
    void stop();
    // The port it listens on, once started.
    quint16 port() const { return m_server.port(); }

    // What the first line says in brackets: "all interfaces, IPv4 and IPv6", or the addresses.
    static QString whereListening(const QList<QHostAddress> &addresses, quint16 port);
    // The lines that say who can reach a server bound to `bindAddresses` at `port`.
    static QStringList whoCanReach(const QList<QHostAddress> &bindAddresses, quint16 port);
    // `line` with the time in front, as every log line has it.
    static QString timestamped(const QString &line);

signals:
    void finished(int exitCode);

private:
    void onClientConnected(CapitalizeSession *session);
    void logTcp(const SocketEvent &event);
    void capturePackets();
    void showSegment(const TcpSegment &segment);
    // With the time in front. Essential: who came and who left, kept when calls are dropped.
    void log(const QString &line, LogWriter::Importance importance = LogWriter::Routine);
    void print(const QString &line, LogWriter::Importance importance = LogWriter::Routine);

    LogWriter &m_output;
    CapitalizeServer m_server;
    ServerOptions m_options;
    bool m_quiet;
    bool m_stopping = false;
    bool m_showPackets = false;
    ConversationRecording *m_recording = nullptr; // --save: also the captured packets
    LiveCapture *m_capture = nullptr;
    TcpSegmentNumbering m_numbering;
    TcpInfoLines m_tcpInfoLines;
    bool m_started = false;
    QStringList m_linesWhileStarting; // the first line says it listens: these follow it
};
