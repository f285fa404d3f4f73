#pragma once

#include "net/ClientOptions.h"
#include "net/UdpCapitalizeClient.h"

#include <QObject>

class ConversationRecording;
class StdinReader;

// `capsock --headless --client HOST[:PORT] --udp`: like `nc -u`, each line of standard input
// goes to the server as one datagram (with the chosen line ending) and each reply comes out on
// standard output. A message with no reply, or one too large to send, is said on standard error
// and the next goes on. When input ends and every message has its reply or verdict, it
// finishes: exit code 0 when every message was answered, 1 otherwise.
class HeadlessUdpClient : public QObject
{
    Q_OBJECT

public:
    // A reply up to the largest datagram is read whole, as nc reads it.
    static constexpr qint64 ReadSize = 65536;

    HeadlessUdpClient(const ClientOptions &options, bool hex, bool quiet,
                      QObject *parent = nullptr);
    ~HeadlessUdpClient() override;

    // Records each datagram into `recording` (not owned); before start().
    void record(ConversationRecording *recording);
    void start();

signals:
    void finished(int exitCode);

private:
    void onReply(const QByteArray &reply);
    void onNoVerdict(qint64 messageId, const SocketEvent &why);
    void finishIfDone();
    void status(const QString &line);

    ClientOptions m_options;
    bool m_hex;
    bool m_quiet;
    UdpCapitalizeClient m_client;
    StdinReader *m_reader;
    qint64 m_sentOffset = 0;
    qint64 m_receivedOffset = 0;
    bool m_inputEnded = false;
    bool m_anyUnanswered = false;
    bool m_done = false;
};
