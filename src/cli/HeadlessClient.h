#pragma once

#include "core/TextEncoding.h"
#include "net/CapitalizeClient.h"

#include <QObject>

class StdinReader;

struct HeadlessClientOptions
{
    QString host;
    quint16 port = 5220;
    LineEnding lineEnding = LineEnding::Lf;
    int connectTimeoutMs = 5000;
    bool hex = false;   // hex dumps both ways instead of the raw replies
    bool quiet = false; // no status lines on standard error
};

// `capsock --headless --client HOST[:PORT]`: like nc, each line of standard input goes to the
// server (with the chosen line ending) and each reply comes out on standard output. When input
// ends it half-closes and finishes once every reply is in: exit code 0, or 1 with the reason.
class HeadlessClient : public QObject
{
    Q_OBJECT

public:
    explicit HeadlessClient(const HeadlessClientOptions &options, QObject *parent = nullptr);
    ~HeadlessClient() override;

    void start();

signals:
    void finished(int exitCode);

private:
    void onLine(const QByteArray &line);
    void onInputEnded();
    void finishIfDone();
    void status(const QString &line);

    HeadlessClientOptions m_options;
    CapitalizeClient m_client;
    StdinReader *m_reader;
    qint64 m_sentOffset = 0;
    qint64 m_receivedOffset = 0;
    bool m_inputEnded = false;
    bool m_done = false;
};
