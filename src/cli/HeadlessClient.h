#pragma once

#include "cli/TcpInfoLines.h"
#include "core/TcpSegmentNumbering.h"
#include "net/CapitalizeClient.h"
#include "net/ClientOptions.h"

#include <QObject>

#include <map>

class ConversationRecording;
class LiveCapture;
class StdinReader;

// `capsock --headless --client HOST[:PORT]`: like nc, each line of standard input goes to the
// server (with the chosen line ending) and each reply comes out on standard output. When input
// ends it half-closes and finishes once every reply is in: exit code 0, or 1 with the reason.
// Input that never reached the server (it closed first) is counted and told, and exits 1: when
// the server closes with more input already waiting (a file, a finished pipe), that input is
// read to its end to say how much was not sent; otherwise it ends at once.
class HeadlessClient : public QObject
{
    Q_OBJECT

public:
    // `hex`: hex dumps both ways instead of the raw replies; `quiet`: no status lines on
    // standard error; `tcpInfo`: TCP's states and the kernel's queues there too.
    HeadlessClient(const ClientOptions &options, bool hex, bool quiet, bool tcpInfo = false,
                   QObject *parent = nullptr);
    ~HeadlessClient() override;

    // Records what the client does into `recording` (not owned); before start().
    void record(ConversationRecording *recording);
    // Shows each TCP segment of the connection on standard error (from the next start()).
    void showPackets() { m_showPackets = true; }
    void start();
    // Shows the segments captured but not shown yet (before the program ends).
    void drainPackets();

signals:
    void finished(int exitCode);

private:
    void onLine(const QByteArray &line);
    void onInputEnded();
    void finishIfDone();
    void onServerClosed();
    // Ends with what was not sent said on standard error: exit code 1 if anything was not
    // sent or answered.
    void finishTellingUnsent();
    void status(const QString &line);
    void capturePackets(const QList<QHostAddress> &addresses);
    void showSegment(const TcpSegment &segment);

    ClientOptions m_options;
    bool m_hex;
    bool m_quiet;
    CapitalizeClient m_client;
    StdinReader *m_reader;
    qint64 m_sentOffset = 0;
    qint64 m_receivedOffset = 0;
    bool m_showPackets = false;
    ConversationRecording *m_recording = nullptr; // --save: also the captured packets
    LiveCapture *m_capture = nullptr;
    TcpSegmentNumbering m_numbering;
    TcpInfoLines m_tcpInfoLines;
    bool m_inputEnded = false;
    bool m_serverClosed = false; // waiting for the input to end, to count what is not sent
    bool m_unansweredAtClose = false;
    bool m_done = false;
    // Lines of input not yet on the wire: by message id while the client holds them, then
    // those read after the server closed. Sizes as read, without the line ending added.
    std::map<qint64, qsizetype> m_linesHeld;
    qint64 m_lastWrittenId = 0;
    int m_linesNotSent = 0;
    qint64 m_bytesNotSent = 0;
};
